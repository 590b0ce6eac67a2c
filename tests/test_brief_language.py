"""The brief in the language a council member reads (issue 14): Språkrådet's month
abbreviations where months are shortened, counts that read as Swedish ("7 möten sedan
1 januari 2021, 6 krävs", never "7 av 6" or "fler än de 6 som krävs"), and no internal ids in
its prose or tables."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.conftest import EXAMPLES, FIXTURES, Run
from trygghet_cli.render.formatting import Formatter

EXAMPLE_NAMES = sorted(p.parent.name for p in EXAMPLES.glob("*/kommun.yaml"))

# Svenska skrivregler (Språkrådet): jan., febr., mars, apr., maj, juni, juli, aug., sept., okt.,
# nov., dec.; Babel's CLDR data gives "feb." and "sep."
SPRAKRADET = [
    "jan.", "febr.", "mars", "apr.", "maj", "juni",
    "juli", "aug.", "sept.", "okt.", "nov.", "dec.",
]  # fmt: skip


def _brief(run: Run, plan: str, quarter: str = "2021Q1", *extra: str) -> str:
    result = run("report", "--quarter", quarter, plan, *extra)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_shortened_months_are_spraakraadets() -> None:
    fmt = Formatter("sv")
    for month, short in enumerate(SPRAKRADET, start=1):
        day = dt.date(2024, month, 3)
        assert fmt.day_month(day) == f"3 {short}"
        assert fmt.short_date(day) == f"3 {short} 2024"
        assert fmt.date_in_year(day, 2023) == f"3 {short} 2024"
    assert Formatter("en").day_month(dt.date(2024, 9, 3)) == "3 Sept"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_no_babel_month_abbreviations_in_the_briefs(run: Run, name: str) -> None:
    out = _brief(run, str(EXAMPLES / name))
    assert not re.search(r"\d (feb|sep)\.", out), re.findall(r".{30}\d (?:feb|sep)\..{10}", out)


def test_karlsborgs_action_date_reads_febr(run: Run) -> None:
    out = _brief(run, str(FIXTURES / "karlsborg"), "2024Q4")
    assert "| 28 febr. 2025 | 14 nov. | BRÅ Karlsborg |" in out


def test_more_meetings_than_required_read_as_counts(run: Run) -> None:
    """Umeå's EST met 7 times where 6 were required: "7 möten …, 6 krävs", in the summary and
    in the table; never "fler än de 6 som krävs" or "7 (6 krävs)"."""
    out = _brief(run, str(EXAMPLES / "umea"))
    assert "EST Umeå (7 möten sedan 1 januari 2021, 6 krävs)" in out
    assert "Umebrå (1 möte sedan 1 januari 2021, 1 krävs)" in out
    assert "fler än de" not in out and "krävs) sedan" not in out
    assert "| 7 möten sedan 1 jan., 6 krävs |" in out


def test_reports_read_as_counts(run: Run) -> None:
    """Norsjö's reports: one delivered where none was asked for yet reads "1 rapport sedan
    1 jan., 0 krävs", not "1 (0 krävs)"."""
    out = _brief(run, str(EXAMPLES / "norsjo"))
    assert "| 1 rapport sedan 1 jan., 0 krävs |" in out
    assert not re.search(r"\| \d+ av \d+ sedan", out)


def test_fewer_meetings_than_required_read_as_counts(run: Run) -> None:
    out = _brief(run, str(FIXTURES / "karlsborg"), "2024Q4")
    assert "| 1 möte sedan 1 jan., 4 krävs | Försenat sedan 30 juni |" in out
    assert "| 0 rapporter sedan 1 jan., 1 krävs | Senast 31 dec. |" in out
