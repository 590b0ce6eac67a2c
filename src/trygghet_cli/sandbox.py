"""The one sandbox every template renders in: the report templates, the meeting template and
the files ``trygg init`` writes.

A template may be a kommun's own, taken from a shared repository, so it is treated as
untrusted code. Three walls keep it in:

* **Plain data only.** :func:`plain` turns whatever trygg hands a template into strings,
  numbers, dates, booleans, ``None``, tuples and read-only mappings of them, at the boundary
  (:func:`render_template`), whatever the core's objects are: a dataclass or pydantic model
  becomes a mapping of its fields and properties, an enum its text, a path a display string
  relative to the plan. The helpers a template calls (``fmt``, ``t``, ``md_table``, ...) are
  :class:`TemplateFunction` values: they can be called, nothing else, and they get back the
  objects their arguments were made from.
* **No attribute or method but plain data's.** :class:`Sandbox` refuses every attribute of
  anything but those types, and of those only a list of harmless ones (``str.upper``, yes;
  ``str.format``, which reaches attributes, and ``str.center``, which allocates what it is
  told, no). ``cycler``, ``joiner`` and ``lipsum`` are gone from the globals.
* **Limits.** Numbers (:data:`MAX_INT_BITS`), texts and lists (:data:`MAX_TEXT`), ``range``
  (:data:`MAX_RANGE`), loop iterations (:data:`MAX_ITERATIONS`) and time
  (:data:`MAX_SECONDS`); going past one is a :class:`TemplateLimit`.

A template that does not load or render becomes a :class:`TemplateProblem` with its file and
line, never a traceback. Imported by :mod:`trygghet_cli.render` and :mod:`trygghet_cli.editing`
alike, so it sits below both.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from datetime import date
from datetime import time as clock_time
from decimal import Decimal
from pathlib import Path, PurePath
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    nodes,
)
from jinja2 import filters as jinja_filters
from jinja2.compiler import CodeGenerator, Frame
from jinja2.loaders import split_template_path
from jinja2.runtime import BlockReference, LoopContext, Macro, TemplateReference, Undefined
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Namespace, _PassArg
from markupsafe import Markup
from pydantic import BaseModel

from trygghet_cli.i18n import Lang, Text
from trygghet_cli.loading.yamlfile import read_bytes
from trygghet_cli.wording import number_text

MAX_INT_BITS = 4096
"""Whole numbers a template computes stay below 2**4096 (about 1 233 digits)."""
MAX_TEXT = 5_000_000
"""Characters in a text, items in a list, that a template builds."""
MAX_RANGE = 100_000
MAX_ITERATIONS = 1_000_000
"""Loop iterations in one rendering, all loops together."""
MAX_SECONDS = 30.0
"""Time one rendering may take."""


# --- plain data ------------------------------------------------------------------------------


class MarkdownSafe(str):
    """Markdown that trygg built itself and that must not be escaped again."""

    __slots__ = ()


class TemplateText(str):
    """A value shown to a template as its text (an enum, a period's label), with the object
    it came from kept out of the template's reach for the helpers it is handed back to."""

    def __new__(cls, text: str, source: object, **data: str) -> TemplateText:
        made = super().__new__(cls, text)
        made.__dict__.update(data, _source=source)
        return made


class PlainMapping(Mapping[Any, Any]):
    """A read-only mapping a template reads with ``x.key`` or ``x["key"]``.

    Values are made plain when first read, so a template pays only for what it uses.
    """

    __slots__ = ("_convert", "_items", "_source", "_truth")

    def __init__(
        self, items: dict[Any, Any], convert: Callable[[Any], Any], source: object = None
    ) -> None:
        self._items = items
        self._convert = convert
        self._source = source
        self._truth = bool(source) if source is not None else bool(items)

    def __bool__(self) -> bool:
        """An object is true or false as it was (an empty table is false), a mapping as one."""
        return self._truth

    def __getitem__(self, key: Any) -> Any:
        value = self._items[key]
        if isinstance(value, _Pending):
            value = self._items[key] = self._convert(value.get())
        return value

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __repr__(self) -> str:
        return "{" + ", ".join(f"{k!r}: {self[k]!r}" for k in self._items) + "}"

    __str__ = __repr__


@dataclasses.dataclass(frozen=True)
class _Pending:
    """A value not yet made plain: read from ``source`` when the template asks for it."""

    source: object
    name: str | None = None
    value: object = None

    def get(self) -> object:
        return getattr(self.source, self.name) if self.name is not None else self.value


class TemplateFunction:
    """A helper trygg hands a template: callable, and nothing else.

    Arguments that are plain views of trygg's objects are handed to the helper as those
    objects; what it returns is made plain.
    """

    __slots__ = ("_convert", "_function")

    def __init__(
        self, function: Callable[..., Any], convert: Callable[[Any], Any] | None = None
    ) -> None:
        self._function = function
        self._convert = convert or (lambda value: plain(value))

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        result = self._function(
            *[unwrap(a) for a in args], **{k: unwrap(v) for k, v in kwargs.items()}
        )
        return self._convert(result)

    def __repr__(self) -> str:
        return "<trygg-funktion>"


def template_function(function: Callable[..., Any]) -> TemplateFunction:
    return TemplateFunction(function)


def unwrap(value: Any) -> Any:
    """The object a plain view was made from (for a helper), or the value itself."""
    if isinstance(value, PlainMapping) and value._source is not None:
        return value._source
    if isinstance(value, TemplateText):
        return value.__dict__["_source"]
    return value


_SCALARS = (bool, int, float, Decimal, date, clock_time, type(None))
_SAFE_TEXT = (Markup, MarkdownSafe)


class _Converter:
    """Makes plain data of trygg's objects; one per rendering, so shared objects stay shared."""

    def __init__(self, root: PurePath | None) -> None:
        self.root = root
        self.seen: dict[int, Any] = {}

    def __call__(self, value: Any) -> Any:
        if isinstance(value, _SCALARS) or type(value) is str or isinstance(value, _SAFE_TEXT):
            return value
        if isinstance(value, (TemplateText, PlainMapping, TemplateFunction)):
            return value
        if isinstance(value, enum.Enum):  # ``kind.value`` and ``kind.name`` as plain text
            text = str(value.value)
            return TemplateText(text, value, value=text, name=value.name)
        if isinstance(value, str):  # a str subclass: a text of trygg's own
            return TemplateText(str(value), value)
        if isinstance(value, PurePath):
            return self.path(value)
        known = self.seen.get(id(value))
        if known is not None:
            return known
        if isinstance(value, Mapping):
            items = {self(k): _Pending(None, value=v) for k, v in value.items()}
            made: Any = PlainMapping(items, self)
        elif isinstance(value, (list, tuple)):
            made = tuple(self(v) for v in value)
        elif isinstance(value, (set, frozenset)):
            made = tuple(self(v) for v in sorted(value, key=repr))
        elif isinstance(value, BaseModel) or (
            dataclasses.is_dataclass(value) and not isinstance(value, type)
        ):
            made = PlainMapping(_fields(value), self, value)
        elif isinstance(value, TemplateFunction) or not callable(value):
            made = TemplateText(str(value), value)
        else:
            raise TypeError(f"{type(value).__name__} is not plain template data")
        self.seen[id(value)] = made
        return made

    def path(self, path: PurePath) -> str:
        if self.root is not None:
            if path == self.root:
                return self.root.name
            try:
                return path.relative_to(self.root).as_posix()
            except ValueError:
                pass
        return path.name


def _fields(value: Any) -> dict[str, Any]:
    """Public fields, then public properties, of a dataclass or pydantic model (unread)."""
    cls = type(value)
    if isinstance(value, BaseModel):
        names = [n for n in cls.model_fields if not n.startswith("_")]
    else:
        names = [f.name for f in dataclasses.fields(value) if not f.name.startswith("_")]
    items: dict[str, Any] = {n: _Pending(value, n) for n in names}
    for klass in reversed(cls.__mro__):
        if klass in (object, BaseModel):
            continue
        for name, attr in vars(klass).items():
            if name.startswith("_") or name.startswith("model_") or name in items:
                continue
            if isinstance(attr, (property, functools.cached_property)):
                items[name] = _Pending(value, name)
    for name in getattr(cls, "__template_methods__", ()):
        items[name] = TemplateFunction(getattr(value, name))
    return items


def plain(value: Any, root: PurePath | None = None) -> Any:
    """``value`` as plain template data; paths are shown relative to ``root`` (the plan)."""
    return _Converter(root)(value)


def plain_context(context: Mapping[str, Any], root: PurePath | None) -> dict[str, Any]:
    """A template's context as plain data: helpers (functions trygg passes) stay callable."""
    convert = _Converter(root)
    out: dict[str, Any] = {}
    for name, value in context.items():
        if isinstance(value, TemplateFunction):
            out[name] = value
        elif callable(value) and not isinstance(value, type):
            out[name] = TemplateFunction(value, convert)
        else:
            out[name] = convert(value)
    return out


def helpers(obj: object, root: PurePath | None = None) -> PlainMapping:
    """An object's public methods as helpers (``fmt.number(15079)``), its fields as data."""
    convert = _Converter(root)
    items: dict[str, Any] = {}
    for name in dir(type(obj)):
        if name.startswith("_"):
            continue
        attr = getattr(type(obj), name)
        if isinstance(attr, (property, functools.cached_property)):
            items[name] = _Pending(obj, name)
        elif callable(attr) and not isinstance(attr, (staticmethod, classmethod, type)):
            items[name] = TemplateFunction(getattr(obj, name), convert)
    return PlainMapping(items, convert, obj)


# --- limits ----------------------------------------------------------------------------------


class TemplateLimit(TemplateError):
    """A template went past one of the sandbox's limits."""

    def __init__(self, message: Text) -> None:
        super().__init__(message("en"))
        self.text = message


@dataclasses.dataclass
class _Budget:
    deadline: float
    seconds: float
    iterations: int = 0
    written: int = 0

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateLimit(
                Text(
                    "mallen går över gränsen för tid: den fick {seconds} sekunder",
                    "the template goes past the limit on time: it was given {seconds} seconds",
                ).format(seconds=number_text(self.seconds))
            )


_BUDGET: ContextVar[_Budget | None] = ContextVar("trygg_template_budget", default=None)


def _tick() -> None:
    budget = _BUDGET.get()
    if budget is not None:
        budget.tick()


def _too_long(count: int) -> TemplateLimit:
    return TemplateLimit(
        Text(
            "mallen går över gränsen för text och listor ({limit} tecken eller poster; "
            "här {count})",
            "the template goes past the limit on text and lists ({limit} characters or "
            "items; here {count})",
        ).format(limit=number_text(MAX_TEXT), count=number_text(count))
    )


def _check_size(count: int) -> None:
    if count > MAX_TEXT:
        raise _too_long(count)


def _check_bits(bits: int) -> None:
    if bits > MAX_INT_BITS:
        raise TemplateLimit(
            Text(
                f"mallen går över gränsen för tal (heltal under 2**{MAX_INT_BITS})",
                f"the template goes past the limit on numbers (whole numbers below "
                f"2**{MAX_INT_BITS})",
            )
        )


def _sized(value: Any) -> Any:
    if isinstance(value, (str, list, tuple)):
        _check_size(len(value))
    elif isinstance(value, int) and not isinstance(value, bool):
        _check_bits(value.bit_length())
    return value


def _length(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple)) else 1


def _is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _power(left: Any, right: Any) -> Any:
    if _is_whole(left) and _is_whole(right) and right > 0 and abs(left) > 1:
        _check_bits(left.bit_length() * right)
    if isinstance(left, Decimal) or isinstance(right, Decimal):
        exponent: Decimal = Decimal(right)
        if abs(exponent) > MAX_INT_BITS:
            _check_bits(MAX_INT_BITS + 1)
    return _sized(left**right)


def _times(left: Any, right: Any) -> Any:
    if _is_whole(left) and _is_whole(right):
        _check_bits(left.bit_length() + right.bit_length())
    elif _is_whole(right) and isinstance(left, (str, list, tuple)):
        _check_size(len(left) * right)
    elif _is_whole(left) and isinstance(right, (str, list, tuple)):
        _check_size(len(right) * left)
    return _sized(left * right)


def _plus(left: Any, right: Any) -> Any:
    if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
        _check_size(len(left) + len(right))
    return _sized(left + right)


_WIDTH = re.compile(r"%[^a-zA-Z%]*?(\*|\d{5,})")


def _check_format(text: Any) -> None:
    """A printf format may not ask for a width or precision past 9 999 (nor a ``*``)."""
    if isinstance(text, str) and _WIDTH.search(text):
        _check_size(MAX_TEXT + 1)


def _modulo(left: Any, right: Any) -> Any:
    _check_format(left)
    return _sized(left % right)


_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "**": _power,
    "*": _times,
    "+": _plus,
    "%": _modulo,
}


def _range(*args: int) -> Iterable[int]:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimit(
            Text(
                "mallen går över gränsen för range ({limit} tal; här {count})",
                "the template goes past the limit on range ({limit} numbers; here {count})",
            ).format(limit=number_text(MAX_RANGE), count=number_text(len(numbers)))
        )
    return numbers


def _loop_guard(iterable: Any) -> Iterator[Any]:
    """Every loop of a template runs through this: it counts iterations and watches the time."""
    budget = _BUDGET.get()
    for item in iterable:
        if budget is not None:
            budget.iterations += 1
            if budget.iterations > MAX_ITERATIONS:
                raise TemplateLimit(
                    Text(
                        "mallen går över gränsen för antalet varv i loopar ({limit} sammanlagt)",
                        "the template goes past the limit on loop iterations ({limit} in all)",
                    ).format(limit=number_text(MAX_ITERATIONS))
                )
            if budget.iterations % 64 == 0:
                budget.tick()
        yield item


_LOOP_GUARD = "__trygg_loop__"


class _GuardedCodeGenerator(CodeGenerator):
    """Jinja2's compiler, with every loop counted and every ``~`` joined text measured."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        for loop in node.find_all(nodes.For):
            if not (isinstance(loop.iter, nodes.Filter) and loop.iter.name == _LOOP_GUARD):
                loop.iter = nodes.Filter(
                    loop.iter, _LOOP_GUARD, [], [], None, None, lineno=loop.lineno
                )
        super().visit_Template(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.sized_text(")
        super().visit_Concat(node, frame)
        self.write(")")


def _filter_guard(name: str, check: Callable[..., None]) -> Callable[..., Any]:
    original = jinja_filters.FILTERS[name]
    passed = 1 if _PassArg.from_obj(original) is not None else 0  # the context comes first

    @functools.wraps(original)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        check(*args[passed:], **kwargs)
        return _sized(original(*args, **kwargs))

    return guarded


def _width_at(position: int, keyword: str) -> Callable[..., None]:
    def check(*args: Any, **kwargs: Any) -> None:
        width = kwargs.get(keyword, args[position] if len(args) > position else 0)
        if _is_whole(width):
            _check_size(_length(args[0]) + width)

    return check


def _replace_check(value: Any, old: Any = "", new: Any = "", count: Any = None) -> None:
    occurrences = str(value).count(str(old)) if str(old) else len(str(value)) + 1
    _check_size(len(str(value)) + occurrences * len(str(new)))


def _join_check(value: Any, d: Any = "", attribute: Any = None) -> None:
    items = list(value) if isinstance(value, (list, tuple, str)) else []
    _check_size(sum(_length(i) for i in items) + len(str(d)) * max(len(items) - 1, 0))


def _format_check(value: Any, *args: Any, **kwargs: Any) -> None:
    _check_format(value)


_GUARDED_FILTERS: dict[str, Callable[..., None]] = {
    "center": _width_at(1, "width"),
    "indent": _width_at(1, "width"),
    "batch": _width_at(1, "linecount"),
    "slice": _width_at(1, "slices"),
    "format": _format_check,
    "replace": _replace_check,
    "join": _join_check,
}


# --- what a template may touch ---------------------------------------------------------------


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STR_ATTRIBUTES = _names(
    """capitalize casefold count endswith find index isalnum isalpha isascii isdecimal isdigit
    isidentifier islower isnumeric isprintable isspace istitle isupper lower lstrip partition
    removeprefix removesuffix rfind rindex rpartition rsplit rstrip split splitlines startswith
    strip swapcase title upper striptags unescape"""
)
"""Not ``format``/``format_map`` (they reach attributes), nor ``center``, ``ljust``, ``zfill``,
``join``, ``replace``, ``encode``: they build what they are told to, of any size."""
_NUMBER_ATTRIBUTES = _names("real imag numerator denominator is_integer bit_length conjugate")
_DATE_ATTRIBUTES = _names(
    """year month day weekday isoweekday isoformat isocalendar toordinal strftime hour minute
    second microsecond date time"""
)
_MAPPING_ATTRIBUTES = _names("keys values items get")
_SEQUENCE_ATTRIBUTES = _names("count index")
_LOOP_ATTRIBUTES = _names(
    """index index0 revindex revindex0 first last length depth depth0 previtem nextitem cycle
    changed"""
)


def _safe_attribute(obj: Any, attr: str) -> bool:
    if attr.startswith("_"):
        return False
    if isinstance(obj, str):
        return attr in _STR_ATTRIBUTES or (isinstance(obj, TemplateText) and attr in obj.__dict__)
    if isinstance(obj, (bool, int, float, Decimal)):
        return attr in _NUMBER_ATTRIBUTES
    if isinstance(obj, (date, clock_time)):
        return attr in _DATE_ATTRIBUTES
    if isinstance(obj, (PlainMapping, dict)):
        return attr in _MAPPING_ATTRIBUTES
    if isinstance(obj, (tuple, list)):
        return attr in _SEQUENCE_ATTRIBUTES
    if isinstance(obj, LoopContext):
        return attr in _LOOP_ATTRIBUTES
    if isinstance(obj, BlockReference):
        return attr == "super"
    if isinstance(obj, Macro):
        return attr in ("name", "arguments")
    return isinstance(obj, Namespace)


class Sandbox(SandboxedEnvironment):
    """Jinja2's sandbox, narrowed to plain data and held to limits."""

    code_generator_class = _GuardedCodeGenerator
    intercepted_binops = frozenset(_BINOPS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("cycler", "joiner", "lipsum"):
            self.globals.pop(name, None)
        self.globals["range"] = _range
        self.binop_table.update(_BINOPS)
        self.filters[_LOOP_GUARD] = _loop_guard
        for name, check in _GUARDED_FILTERS.items():
            self.filters[name] = _filter_guard(name, check)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return _safe_attribute(obj, attr)

    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, (TemplateFunction, Macro, BlockReference, Undefined)):
            return True
        if obj is _range or obj is Namespace or obj is dict:
            return True
        owner = getattr(obj, "__self__", None)
        name = getattr(obj, "__name__", "")
        return owner is not None and not isinstance(owner, type) and _safe_attribute(owner, name)

    def getattr(self, obj: Any, attribute: str) -> Any:
        _tick()
        if isinstance(obj, PlainMapping) and attribute in obj:
            return obj[attribute]
        if isinstance(obj, TemplateReference):
            return super().getattr(obj, attribute)
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=attribute)
        if self.is_safe_attribute(obj, attribute, value):
            return value
        return self.unsafe_undefined(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _tick()
        try:
            return obj[argument]
        except (TypeError, LookupError):
            if isinstance(argument, str):
                return self.getattr(obj, argument)
        return self.undefined(obj=obj, name=argument)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _tick()
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _tick()
        return self.binop_table[operator](left, right)

    def sized_text(self, text: Any) -> Any:
        return _sized(text)


MAX_TEMPLATE_BYTES = 1_000_000
"""The largest template file read, as for a plan's files."""


class TemplateRefused(TemplateError):
    """A template file that is not read: a link out of its folder, a special file, too large."""

    def __init__(self, name: str, message: Text) -> None:
        super().__init__(message("en"))
        self.name = name
        self.text = message


class TemplateFolder(FileSystemLoader):
    """The templates of one folder, read as trygg reads a plan's files.

    A kommun's template folder may come from a shared repository: a link in it that leads out
    of the folder (to a secret beside it, to ``/dev/zero``) is refused, not followed, and so is
    a named pipe, a device, a folder or a file past :data:`MAX_TEMPLATE_BYTES`, before anything
    is read (:func:`~trygghet_cli.loading.yamlfile.read_bytes`). A template that is simply not
    there is looked for in the next folder, as before.
    """

    def __init__(self, folder: PurePath) -> None:
        super().__init__(str(folder))
        self.folder = Path(folder)

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*split_template_path(template))
        if not os.path.lexists(path):
            raise TemplateNotFound(template)
        inside = path.resolve().is_relative_to(self.folder.resolve())
        if not inside:
            raise TemplateRefused(
                str(path),
                Text(
                    f"mallen {template} är en länk ut ur mallmappen; trygg följer den inte "
                    "(lägg filen i mallmappen i stället för en länk)",
                    f"the template {template} is a link out of the template folder; trygg does "
                    "not follow it (put the file in the template folder instead of a link)",
                ),
            )
        data, found = read_bytes(path, template, MAX_TEMPLATE_BYTES)
        if data is None:
            said = found[0]
            raise TemplateRefused(
                str(path),
                Text(
                    f"mallen {template}: {_lower_first(said.message('sv'))}",
                    f"the template {template}: {_lower_first(said.message('en'))}",
                ),
            )
        source = data.decode("utf-8")
        stamp = path.stat().st_mtime

        def current() -> bool:
            try:
                return path.stat().st_mtime == stamp
            except OSError:
                return False

        return source, str(path), current


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def sandboxed_environment(
    folders: Sequence[PurePath],
    *,
    autoescape: bool,
    finalize: Callable[[Any], Any] | None = None,
) -> Sandbox:
    """A sandboxed environment that looks for templates in ``folders``, in order."""

    def measured(value: Any) -> Any:
        budget = _BUDGET.get()
        if budget is not None:
            budget.tick()
            shown = finalize(value) if finalize is not None else value
            budget.written += len(shown) if isinstance(shown, str) else 1
            _check_size(budget.written)
            return shown
        return finalize(value) if finalize is not None else value

    return Sandbox(
        loader=ChoiceLoader([TemplateFolder(f) for f in folders]),
        autoescape=autoescape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=measured,
    )


# --- rendering -------------------------------------------------------------------------------


class TemplateProblem(Exception):
    """A template (most likely a kommun's own) that does not load or render."""

    def __init__(self, where: str, message: Text) -> None:
        super().__init__(f"{where}: {message('en')}")
        self.where = where
        self.message = message

    def text(self, lang: Lang) -> str:
        return f"{self.where}: {self.message(lang)}"


def render_template(
    env: SandboxedEnvironment,
    name: str,
    context: Mapping[str, Any],
    root: PurePath | None = None,
) -> str:
    """Render ``name`` with ``context`` made plain; a broken template is a
    :class:`TemplateProblem` with its line.

    A syntax error carries its file and line; an error while rendering (an undefined name, a
    sandbox refusal, a limit) does not, but Jinja2 rewrites the traceback so that the
    template's own frames stand in it with the template's file and line: the innermost one is
    where it happened.
    """
    token = _BUDGET.set(_Budget(time.monotonic() + MAX_SECONDS, MAX_SECONDS))
    try:
        text = env.get_template(name).render(**plain_context(context, root))
        _check_size(len(text))
        return text
    except Exception as exc:
        problem = template_problem(exc, name)
        if problem is None:
            raise
        raise problem from exc
    finally:
        _BUDGET.reset(token)


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
    if (
        not isinstance(exc, (TemplateError, UnicodeDecodeError, RecursionError, MemoryError))
        and line is None
    ):
        return None
    filename = filename or name
    where = f"{filename}:{line}" if line else str(filename)
    said = f"{type(exc).__name__}: {getattr(exc, 'message', None) or exc}"
    detail = Text(said, said)
    if isinstance(exc, (TemplateLimit, TemplateRefused)):
        detail = exc.text
    elif isinstance(exc, UnicodeDecodeError):
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


__all__ = [
    "MarkdownSafe",
    "PlainMapping",
    "Sandbox",
    "TemplateFunction",
    "TemplateLimit",
    "TemplateProblem",
    "TemplateText",
    "helpers",
    "plain",
    "plain_context",
    "render_template",
    "sandboxed_environment",
    "template_function",
    "template_problem",
    "unwrap",
]
