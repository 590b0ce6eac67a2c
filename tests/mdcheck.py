"""Markdown checks with a CommonMark parser (markdown-it-py, GFM tables enabled)."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token


def tokens(text: str) -> list[Token]:
    md = MarkdownIt("commonmark").enable("table")
    out: list[Token] = []
    for token in md.parse(text):
        out.append(token)
        out.extend(token.children or [])
    return out


def check_markdown(text: str) -> list[Token]:
    """Parse; no raw HTML anywhere (plan text must never become markup)."""
    found = tokens(text)
    html = [t.content for t in found if t.type in ("html_block", "html_inline")]
    assert not html, f"raw HTML in Markdown: {html[:3]}"
    return found


def headings(found: list[Token]) -> list[str]:
    out = []
    for i, t in enumerate(found):
        if t.type == "heading_open":
            out.append(t.tag + " " + next(x.content for x in found[i + 1 :] if x.type == "inline"))
    return out
