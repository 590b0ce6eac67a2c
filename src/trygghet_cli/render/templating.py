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

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from trygghet_cli.i18n import Lang, Text

Flavour = Literal["markdown", "html"]
SUFFIX: dict[Flavour, str] = {"markdown": "md", "html": "html"}


def template_root() -> Path:
    """The built-in templates: inside the installed package, else the source tree's folder."""
    packaged = Path(str(resources.files("trygghet_cli"))) / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


class MarkdownSafe(str):
    """Markdown that trygg built itself and that must not be escaped again."""

    __slots__ = ()


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
    loader = ChoiceLoader([FileSystemLoader(str(f)) for f in folders])
    if flavour == "html":
        env = SandboxedEnvironment(
            loader=loader,
            autoescape=True,
            undefined=StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
    else:
        env = SandboxedEnvironment(
            loader=loader,
            autoescape=False,
            undefined=StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=_finalize_markdown,
        )
    env.filters.update(filters or {})
    env.globals.update(globals or {})
    return env


def safe(flavour: Flavour, text: str) -> Any:
    """Mark a fragment trygg built itself (SVG, Mermaid, a link) as safe for the flavour."""
    return Markup(text) if flavour == "html" else MarkdownSafe(text)


def translator(lang: Lang) -> Callable[[str, str], str]:
    """``t("Möten", "Meetings")`` in a template: the text in the report's language."""

    def t(sv: str, en: str) -> str:
        return en if lang == "en" else sv

    return t


class TemplateProblem(Exception):
    """A template (most likely a kommun's own) that does not load or render."""

    def __init__(self, where: str, message: Text) -> None:
        super().__init__(f"{where}: {message('en')}")
        self.where = where
        self.message = message

    def text(self, lang: Lang) -> str:
        return f"{self.where}: {self.message(lang)}"


def render_template(env: SandboxedEnvironment, name: str, context: Mapping[str, Any]) -> str:
    """Render ``name``; a broken template becomes a :class:`TemplateProblem` with its line.

    A syntax error carries its file and line; an error while rendering (an undefined name, a
    sandbox refusal) does not, but Jinja2 rewrites the traceback so that the template's own
    frames stand in it with the template's file and line: the innermost one is where it
    happened.
    """
    try:
        return env.get_template(name).render(**context)
    except Exception as exc:
        problem = template_problem(exc, name)
        if problem is None:
            raise
        raise problem from exc


def template_problem(exc: Exception, name: str) -> TemplateProblem | None:
    """What went wrong in template ``name``, with its file and line; None for a bug in trygg.

    Jinja2's own errors say where; so does any other error raised by the template's code (a
    division by zero, a filter given the wrong type), found in the template's frame of the
    traceback. A template that is not UTF-8, or includes itself, is the template's fault too.
    """
    filename = getattr(exc, "filename", None) or getattr(exc, "name", None)
    line = getattr(exc, "lineno", None)
    if line is None:
        filename, line = _template_frame(exc) or (filename, None)
    if not isinstance(exc, (TemplateError, UnicodeDecodeError, RecursionError)) and line is None:
        return None
    filename = filename or name
    where = f"{filename}:{line}" if line else str(filename)
    said = f"{type(exc).__name__}: {getattr(exc, 'message', None) or exc}"
    detail = Text(said, said)
    if isinstance(exc, UnicodeDecodeError):
        detail = Text("mallen är inte UTF-8", "the template is not UTF-8")
    elif isinstance(exc, RecursionError):
        detail = Text("mallen anropar sig själv", "the template includes or extends itself")
    return TemplateProblem(where, detail)


def _template_frame(exc: BaseException) -> tuple[str, int] | None:
    """The file and line of the innermost template frame in ``exc``'s traceback."""
    found = None
    tb = exc.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        if "__jinja_exception__" in frame.f_globals or frame.f_code.co_filename.endswith(".j2"):
            found = (frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
