"""What every row of a Kolada export holds, and how one field is read."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from trygghet_cli.diagnostics import Diagnostic, make
from trygghet_cli.i18n import Text
from trygghet_cli.model.common import FIGURE_LIMIT
from trygghet_cli.model.periods import Period, PeriodError

GENDERS = ("T", "K", "M")
GENDER_WORDS = {
    "t": "T",
    "totalt": "T",
    "total": "T",
    "alla": "T",
    "k": "K",
    "kvinnor": "K",
    "f": "K",  # Kolada's README writes F where the API answers K
    "m": "M",
    "män": "M",
}
KPI_ID = re.compile(r"^[A-Z]\d{5}$")
KOMMUNKOD = re.compile(r"^(?:\d{4}|G\d{1,9})$")
"""Kolada's municipality ids: four digits (a kommun, ``0000`` Riket, ``00NN`` a region) or
``G`` and digits (a group of kommuner). All are read; the import decides what to do with each."""
RIKET = "0000"
_NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$")
_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")
SUPPRESSED = ".."
ZERO = "-"

COLUMNS: dict[str, tuple[str, ...]] = {
    "kpi": ("kpi", "kpi_id", "nyckeltal", "id"),
    "kommun": ("kommun", "kommun_id", "kommunkod", "kommun-id", "municipality", "municipality_id"),
    "period": ("period", "år", "ar", "year"),
    "kön": ("kön", "kon", "gender"),
    "värde": ("värde", "varde", "value"),
}


@dataclass(frozen=True)
class KoladaRow:
    """One figure: a KPI for a municipality, a period and a gender, where the file has it."""

    line: int
    column: int
    kpi: str
    municipality: str
    period: Period
    gender: str
    value: float | None
    suppressed: bool = False
    status: str = ""

    @property
    def is_group(self) -> bool:
        """One of Kolada's groups of kommuner (``G…``), not a kommun."""
        return self.municipality.startswith("G")

    @property
    def is_region(self) -> bool:
        """One of Kolada's regions (``00NN``, ``0000`` being Riket), not a kommun."""
        return self.municipality.startswith("00") and self.municipality != RIKET

    @property
    def key(self) -> tuple[str, str, Period, str]:
        return (self.kpi, self.municipality, self.period, self.gender)


def parse_number(text: str) -> float | None:
    """``22,6``, ``22.6``, ``15 079`` or ``−3`` as a number; None for anything else."""
    cleaned = _SPACES.sub("", text)
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    cleaned = cleaned.replace("\u2212", "-")  # a typographic minus
    if not _NUMBER.match(cleaned):
        return None
    value = float(cleaned)
    return value if math.isfinite(value) else None


def out_of_range(value: float) -> bool:
    """Larger (either way) than any indicator can hold (:data:`FIGURE_LIMIT`)."""
    return abs(value) > FIGURE_LIMIT


def parse_period(
    text: str, file: str, line: int, column: int, diags: list[Diagnostic]
) -> Period | None:
    try:
        return Period.parse(text)
    except PeriodError:
        diags.append(make("TRY506", file, line, column, value=text))
        return None


_EXPECTED = {
    "kpi": Text("ett Kolada-id som N07540", "a Kolada id such as N07540"),
    "kommun": Text(
        "en kommunkod med fyra siffror (eller Koladas id för en kommungrupp, som G33402)",
        "a four-digit municipality code (or Kolada's id of a group, such as G33402)",
    ),
    "kön": Text("ett kön: T, K eller M", "a gender: T, K or M"),
}


def bad_field(file: str, line: int, column: int, value: str, name: str) -> Diagnostic:
    return make(
        "TRY507", file, line, column, value=value, column_name=name, expected=_EXPECTED[name]
    )
