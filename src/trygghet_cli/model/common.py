"""Shared building blocks of the plan model: the base class, ids and value types.

Keys in plan files are Swedish (``namn``, ``ordförande``, ``mötesfrekvens``); attributes in the
code are English, joined by pydantic aliases. Every field carries a Swedish title, description
and example, and every model and list of choices a Swedish title and description
(:func:`schema_text`), which become the JSON Schemas that editors show on hover.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StrictFloat,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from trygghet_cli.model.cadence import Cadence, CadenceError, Pause, parse_cadence, parse_pauses
from trygghet_cli.model.periods import (
    MAX_YEAR,
    MIN_YEAR,
    PERIOD_PATTERN,
    WEEK_PATTERN,
    IsoWeek,
    Period,
    PeriodError,
    WeekError,
)

_Described = TypeVar("_Described", bound=type)


def schema_text(title: str, description: str) -> Callable[[_Described], _Described]:
    """Give a model or an enum its Swedish title and description in the JSON Schemas.

    Editors show them on hover and in messages ("Incorrect type. Expected "Organ""); without
    them the schema would carry the class's English name and docstring, which are for
    developers. :mod:`trygghet_cli.render.jsonschema` reads them (``SCHEMA_TEXT``).
    """

    def mark(cls: _Described) -> _Described:
        setattr(cls, SCHEMA_TEXT, (title, description))
        return cls

    return mark


SCHEMA_TEXT = "__schema_text__"

ILLUSTRATIVE = (
    "Sant när posten innehåller påhittade uppgifter (datum, siffror, möten) som illustrerar "
    "exemplet; sådant som inte kommer ur en källa."
)


class TryggModel(BaseModel):
    """Base of every plan type: Swedish keys only, unknown keys are errors."""

    model_config = ConfigDict(
        extra="forbid",
        validate_by_alias=True,
        validate_by_name=False,
        serialize_by_alias=True,
        str_strip_whitespace=True,
        use_enum_values=False,
        frozen=True,
        defer_build=True,
        allow_inf_nan=False,
    )


def field(
    alias: str,
    description: str,
    *,
    example: Any = None,
    title: str | None = None,
    **kwargs: Any,
) -> Any:
    """A model field with its Swedish key, title, description and example.

    Pass ``default=`` or ``default_factory=`` for an optional field.
    """
    if example is not None:
        kwargs["examples"] = [example]
    return Field(alias=alias, title=title or _title(alias), description=description, **kwargs)


def _title(alias: str) -> str:
    text = alias.replace("_", " ")
    return text[:1].upper() + text[1:]


# --- ids and references ----------------------------------------------------------------------

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
_ID_RE = re.compile(ID_PATTERN)


def _check_id(value: object) -> object:
    if isinstance(value, str) and not _ID_RE.match(value):
        raise PydanticCustomError("trygg_id", "not a valid id", {"value": value})
    return value


Id = Annotated[
    str,
    BeforeValidator(_check_id),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": ID_PATTERN,
            "description": "Id: bokstäver a–z, siffror, bindestreck, punkt eller understreck.",
        }
    ),
]
"""An id that other parts of the plan refer to (``lokala-bra``, ``samordnare``)."""

Ref = Id
"""A reference to an id defined elsewhere in the plan; checked across files."""


# --- kommunkod -------------------------------------------------------------------------------

KOMMUNKOD_PATTERN = r"^(0[1-9]|1[0-9]|2[0-5])[0-9]{2}$"
_LAN_CODES = {
    "01",
    "03",
    "04",
    "05",
    "06",
    "07",
    "08",
    "09",
    "10",
    "12",
    "13",
    "14",
    "17",
    "18",
    "19",
    "20",
    "21",
    "22",
    "23",
    "24",
    "25",
}


def _check_kommunkod(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        raise PydanticCustomError(
            "trygg_kommunkod", "kommunkod must be quoted text", {"value": str(value)}
        )
    if isinstance(value, str) and (
        not re.fullmatch(r"\d{4}", value) or value[:2] not in _LAN_CODES
    ):
        raise PydanticCustomError("trygg_kommunkod", "not a kommunkod", {"value": value})
    return value


Kommunkod = Annotated[
    str,
    BeforeValidator(_check_kommunkod),
    WithJsonSchema({"type": "string", "pattern": KOMMUNKOD_PATTERN}),
]


# --- cadence, period, week -------------------------------------------------------------------

CADENCE_EXAMPLES = [
    "6 gånger per år",
    "minst 4 gånger per år",
    "varannan vecka",
    "varje månad",
    "var tredje månad",
    "varje år",
    "vartannat år",
    "cirka 6 gånger per år, även vid behov",
    "2 gånger per månad, uppehåll i juli",
    "varje månad, uppehåll 20 december–6 januari",
    "varje år senast 31 december",
    "varje år i februari",
    "varje kvartal senast den 15:e",
    "vid behov",
    "löpande",
]


def _parse_cadence(value: object) -> Cadence:
    if isinstance(value, Cadence):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("trygg_cadence", "cadence must be text", {"value": str(value)})
    try:
        return parse_cadence(value)
    except CadenceError:
        raise PydanticCustomError("trygg_cadence", "not a cadence", {"value": value}) from None


CadenceField = Annotated[
    Cadence,
    BeforeValidator(_parse_cadence),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": "Hur ofta, på svenska: " + ", ".join(f"'{e}'" for e in CADENCE_EXAMPLES),
            "examples": CADENCE_EXAMPLES,
        }
    ),
]


def _parse_pauses(value: object) -> tuple[Pause, ...]:
    if isinstance(value, tuple):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("trygg_pause", "pause must be text", {"value": str(value)})
    try:
        return parse_pauses(value)
    except CadenceError:
        raise PydanticCustomError("trygg_pause", "not a pause", {"value": value}) from None


PAUSE_EXAMPLES = ["juli", "20 december–6 januari", "15 juni–15 augusti 2025"]
PauseField = Annotated[
    tuple[Pause, ...],
    BeforeValidator(_parse_pauses),
    PlainSerializer(lambda ps: " och ".join(str(p) for p in ps), return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": "Ett planerat uppehåll, varje år eller en gång: "
            + ", ".join(f"'{e}'" for e in PAUSE_EXAMPLES),
            "examples": PAUSE_EXAMPLES,
        }
    ),
]
"""One item of a body's ``uppehåll`` (``juli och augusti`` is two pauses)."""


def _parse_period(value: object) -> Period:
    try:
        return Period.parse(value)
    except PeriodError:
        raise PydanticCustomError("trygg_period", "not a period", {"value": str(value)}) from None


PeriodField = Annotated[
    Period,
    BeforeValidator(_parse_period),
    PlainSerializer(lambda p: p.as_yaml()),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
                {"type": "string", "pattern": PERIOD_PATTERN},
            ],
            "description": "År (2021), halvår (2021H1), tertial (2021T1), kvartal (2021Q1, "
            "2021-Q1, 2021K1) eller månad (2021-03).",
            "examples": [2021, "2021Q1"],
        }
    ),
]


def _parse_week(value: object) -> IsoWeek:
    try:
        return IsoWeek.parse(value)
    except WeekError:
        raise PydanticCustomError("trygg_week", "not an ISO week", {"value": str(value)}) from None


WeekField = Annotated[
    IsoWeek,
    BeforeValidator(_parse_week),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": WEEK_PATTERN,
            "description": "ISO-vecka, till exempel 2021-W09 (vecka 9 2021).",
            "examples": ["2021-W09"],
        }
    ),
]

Percent = Annotated[StrictFloat, Field(ge=0, le=100)]
"""A share in percent, 0–100."""

FIGURE_LIMIT = 1_000_000_000_000
"""The largest figure (in absolute value) an indicator, goal or national series can hold: a
million million. More is no count, rate or share of a kommun's or the country's, and would
lose its last digits as a float."""


def _check_figure(value: object) -> object:
    if (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and abs(value) > FIGURE_LIMIT
        and (isinstance(value, int) or math.isfinite(value))  # .nan and .inf: TRY103
    ):
        raise PydanticCustomError("trygg_figure", "figure out of range", {"value": str(value)})
    return value


Figure = Annotated[
    StrictFloat,
    BeforeValidator(_check_figure),
    WithJsonSchema(
        {
            "type": "number",
            "minimum": -FIGURE_LIMIT,
            "maximum": FIGURE_LIMIT,
            "description": "Ett tal med decimalpunkt, till beloppet högst 1 000 000 000 000.",
        }
    ),
]
"""A measured value: a number no larger than :data:`FIGURE_LIMIT` either way."""

_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _check_day(value: object) -> object:
    """Only ``date`` values and ``ÅÅÅÅ-MM-DD`` text: never a number read as a timestamp."""
    if isinstance(value, date) or (isinstance(value, str) and _DAY_RE.match(value.strip())):
        return value.strip() if isinstance(value, str) else value
    raise PydanticCustomError("trygg_date", "not a date", {"value": str(value)})


Day = Annotated[date, BeforeValidator(_check_day)]
"""A calendar day, written ÅÅÅÅ-MM-DD."""
