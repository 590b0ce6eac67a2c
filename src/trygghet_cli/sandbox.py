"""The one sandbox every template renders in: the report templates and the meeting template.

A template may be a kommun's own, taken from a shared repository, so it is treated as
untrusted code: it renders in Jinja2's :class:`~jinja2.sandbox.SandboxedEnvironment`, and a
template that does not load or render becomes a :class:`TemplateProblem` with its file and
line, never a traceback. Imported by :mod:`trygghet_cli.render` and :mod:`trygghet_cli.editing`
alike, so it sits below both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from trygghet_cli.i18n import Lang, Text


def sandboxed_environment(
    folders: Sequence[Path],
    *,
    autoescape: bool,
    finalize: Callable[[Any], Any] | None = None,
) -> SandboxedEnvironment:
    """A sandboxed environment that looks for templates in ``folders``, in order."""
    return SandboxedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(str(f)) for f in folders]),
        autoescape=autoescape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=finalize,
    )


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
