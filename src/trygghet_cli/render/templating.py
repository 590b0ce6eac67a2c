"""Jinja2 templates: where they live, and an environment in which plan text stays text.

The templates are in the top-level ``templates/`` folder of the source tree, shipped inside the
wheel as ``trygghet_cli/templates`` (``pyproject.toml`` force-include). :func:`template_root`
finds them either way.

Every template, ours or a kommun's own (``--template DIR``), renders in Jinja2's sandbox, so a
template cannot reach Python's internals. Nothing typed into a plan can put markup into a page:
HTML is autoescaped, and in Markdown every value is escaped on output (``finalize``), so
``<script>``, ``[länk](javascript:…)`` or ``*fet*`` in a plan file show as the characters they
are. Fragments that trygg builds itself (a Mermaid diagram, an SVG chart) are marked safe.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from trygghet_cli.i18n import Lang, Text
from trygghet_cli.sandbox import (
    MarkdownSafe,
    TemplateProblem,
    helpers,
    render_template,
    sandboxed_environment,
    template_problem,
)

Flavour = Literal["markdown", "html"]
SUFFIX: dict[Flavour, str] = {"markdown": "md", "html": "html"}


def template_root() -> Path:
    """The built-in templates: inside the installed package, else the source tree's folder."""
    packaged = Path(str(resources.files("trygghet_cli"))) / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


_BREAKS = re.compile(r"[ \t\r\n\f\v]+")  # not the no-break space between digit groups
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])(?=\s|$)")


def md_escape(value: object) -> str:
    """Plain text as Markdown that renders as the same text, on one line.

    Backslash-escapes the characters that could start emphasis, links, images, HTML, code,
    tables or entities (CommonMark lets any ASCII punctuation be escaped), and a list or
    heading marker at the start.
    """
    if isinstance(value, MarkdownSafe):
        return value
    text = _BREAKS.sub(" ", str(value)).strip()
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m[1] + m[2][:-1] + "\\" + m[2][-1], text)


def _finalize_markdown(value: Any) -> Any:
    if value is None:
        return ""
    return md_escape(value)


def environment(
    flavour: Flavour,
    folders: list[Path],
    *,
    filters: Mapping[str, Callable[..., Any]] | None = None,
    globals: Mapping[str, Any] | None = None,
) -> SandboxedEnvironment:
    """A sandboxed environment that looks for templates in ``folders``, in order."""
    if flavour == "html":
        env = sandboxed_environment(folders, autoescape=True)
    else:
        env = sandboxed_environment(folders, autoescape=False, finalize=_finalize_markdown)
    env.filters.update(filters or {})
    env.globals.update(globals or {})
    return env


def safe(flavour: Flavour, text: str) -> Any:
    """Mark a fragment trygg built itself (SVG, Mermaid, a link) as safe for the flavour."""
    return Markup(text) if flavour == "html" else MarkdownSafe(text)


def translator(lang: Lang) -> Callable[[str, str], str]:
    """``t("Möten", "Meetings")`` in a template: the text in the report's language."""

    def t(sv: str, en: str) -> str:
        return Text(sv, en)(lang)

    return t


__all__ = [
    "SUFFIX",
    "Flavour",
    "MarkdownSafe",
    "TemplateProblem",
    "environment",
    "helpers",
    "md_escape",
    "render_template",
    "safe",
    "template_problem",
    "template_root",
    "translator",
]
