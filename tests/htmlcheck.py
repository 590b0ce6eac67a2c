"""A strict check that a page is well-formed HTML, with the standard library's parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


@dataclass
class Parsed:
    tags: list[str] = field(default_factory=list)
    attrs: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def count(self, tag: str) -> int:
        return self.tags.count(tag)

    def with_attr(self, tag: str, name: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.attrs if t == tag and name in a]


class _Strict(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, int]] = []
        self.parsed = Parsed()
        self.errors: list[str] = []
        self.doctype = False

    def handle_decl(self, decl: str) -> None:
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._record(tag, attrs)
        if tag not in VOID:
            self.stack.append((tag, self.getpos()[0]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._record(tag, attrs)

    def _record(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = [n for n, _ in attrs]
        if len(names) != len(set(names)):
            self.errors.append(f"line {self.getpos()[0]}: duplicate attribute in <{tag}>")
        self.parsed.tags.append(tag)
        self.parsed.attrs.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            opened = self.stack[-1] if self.stack else None
            self.errors.append(f"line {self.getpos()[0]}: </{tag}> closes {opened}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.parsed.text.append(data.strip())


def parse_strict(page: str) -> Parsed:
    """Parse ``page``; fail on unbalanced tags, duplicate attributes or a missing doctype."""
    parser = _Strict()
    parser.feed(page)
    parser.close()
    assert parser.doctype, "no <!DOCTYPE html>"
    assert not parser.errors, parser.errors[:5]
    assert not parser.stack, f"unclosed: {parser.stack[:5]}"
    ids = [a["id"] for _, a in parser.parsed.attrs if a.get("id")]
    duplicates = sorted({i for i in ids if ids.count(i) > 1 and i is not None})
    assert not duplicates, f"duplicate ids: {duplicates[:5]}"
    return parser.parsed
