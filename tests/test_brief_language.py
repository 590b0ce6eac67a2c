"""The brief in the language a council member reads (issue 14): Språkrådet's month
abbreviations where months are shortened, counts that read as Swedish ("7 möten sedan
1 januari 2021, 6 krävs", never "7 av 6" or "fler än de 6 som krävs"), and no internal ids in
its prose or tables."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import EXAMPLES, FIXTURES, Run
from tests.golden import check_golden
from trygghet_cli.wording import NBSP, Formatter

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
    # on 31 December the fourth quarter's meeting and the yearly report are due that day, not
    # missing: three meetings asked for, no report yet
    assert "| 1 möte sedan 1 jan., 3 krävs | Försenat sedan 30 juni |" in out
    assert "| 0 rapporter sedan 1 jan., 0 krävs | Senast 31 dec. |" in out


def _ids(root: Path) -> set[str]:
    """Every id the plan's files give (actions, reports, goals, documents, follow-ups, …) that
    cannot be mistaken for a word (those with a hyphen or a digit), except ids that the plan's
    own prose quotes ("… (se no-2021-19)")."""
    yaml = YAML(typ="safe")
    found: set[str] = set()
    prose: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "id" and isinstance(value, str) and re.search(r"[-\d]", value):
                    found.add(value)
                elif isinstance(value, str) and " " in value:
                    prose.append(value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in sorted(root.rglob("*.yaml")):
        walk(yaml.load(path.read_text(encoding="utf-8")))
    return {i for i in found if not _ids_in(" ".join(prose), {i})}


def _ids_in(text: str, ids: set[str]) -> list[str]:
    return sorted(i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text))


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("quarter", ["2021Q1", "2024Q4"])
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_no_ids_in_the_example_briefs(run: Run, name: str, quarter: str, lang: str) -> None:
    """No action, report, goal, document or follow-up is named by its id in the brief: the
    actions as "Åtgärd an-2021-10: …", "Åtgärden 'an-2021-03' …", the reports as
    "Rapport lagesbild-centrum från …" and the documents as "Programmet
    ('plats-for-kropp-och-sjal')" were."""
    out = _brief(run, str(EXAMPLES / name), quarter, "--lang", lang)
    assert _ids_in(out, _ids(EXAMPLES / name)) == []


def test_no_ids_in_karlsborgs_brief(run: Run) -> None:
    out = _brief(run, str(FIXTURES / "karlsborg"), "2024Q4")
    assert _ids_in(out, _ids(FIXTURES / "karlsborg")) == []
    assert (
        "- Rapporten ”Lägesbilden och åtgärderna” från BRÅ Karlsborg till Kommunstyrelsen har "
        "lämnats 1 av 3 gånger sedan 1 januari 2024 (varje kvartal)"
    ) in out
    assert (
        "| 28 febr. 2025 | Åtgärd: Beställa ny belysning i gångtunneln vid stationen "
        "| Brottsförebyggande samordnare |"
    ) in out
    assert (
        "| 31 dec. | Rapport från BRÅ Karlsborg till Kommunstyrelsen: Verksamhetsberättelse "
        "| BRÅ Karlsborg |"
    ) in out


def test_late_actions_and_documents_are_named_by_their_text(run: Run) -> None:
    angered = _brief(run, str(EXAMPLES / "angered"))
    assert (
        "- Åtgärden ”Ta fram förslag till frågor och urval för den lokala "
        "trygghetsundersökningen” skulle ha varit klar 25 mars 2021 (ansvarig: Koordinatorer i "
        "trygghetssamordningen)."
    ) in angered
    norsjo = _brief(run, str(EXAMPLES / "norsjo"))
    assert (
        "- Programmet ”Plats för kropp och själ – folkhälsopolitiskt program för Norsjö kommun” "
        "skulle ha reviderats senast 25 november 2020"
    ) in norsjo
    english = _brief(run, str(EXAMPLES / "angered"), "2021Q1", "--lang", "en")
    assert "- The action “Ta fram förslag till frågor och urval för den lokala" in english


def test_the_coordinator_still_finds_the_ids(run: Run) -> None:
    """``trygg deadlines`` is the coordinator's view: its hint names the report's id to write
    under 'rapporter', and its JSON keeps every item's id in the item's uid."""
    plan = str(FIXTURES / "karlsborg")
    text = run("deadlines", plan, "--as-of", "2024-12-31")
    assert "Rapporten ”Lägesbilden och åtgärderna” från BRÅ Karlsborg" in text.stdout
    found = run("deadlines", plan, "--as-of", "2024-12-31", "--format", "json")
    data = json.loads(found.stdout)
    items = [i for p in data["plans"] for i in p["deadlines"]]
    report = next(i for i in items if i["uid"] == "1446-report-lagesbild-till-ks@trygg")
    assert "'lagesbild-till-ks'" not in report["message"]
    assert "Skriv 'lagesbild-till-ks' under 'rapporter'" in report["hint"], report


def test_one_goal_reads_in_the_singular(run: Run) -> None:
    out = _brief(run, str(FIXTURES / "karlsborg"), "2024Q4")
    assert "- Målet som mäts med nyckeltal är uppnått eller på väg." in out
    assert "1 av 1 mål" not in out


def test_national_values_share_their_decimals(run: Run) -> None:
    """Vara's 25,4 % against the country's 27 % reads "25,4 % mot 27,0 %", in the summary and
    in the table."""
    out = _brief(run, str(FIXTURES / "vara-2024"), "2024Q4")
    out = out.replace(NBSP, " ")
    assert "Skaraborg: 25,4 % mot 27,0 % i riket 2022 (−1,6 procentenheter, bättre)." in out
    assert "| 2022 | 25,4 % | 27,0 % | −1,6 procentenheter |" in out
    assert "27 %" not in out


@pytest.mark.parametrize("name", ["vara-2024", "karlsborg"])
def test_briefs_of_plans_that_are_not_examples_golden(run: Run, name: str) -> None:
    """The 2024Q4 briefs of two plans as kommuner write them (not among the examples), read
    line by line: no ids, dates with their year where it is not 2024, counts in words."""
    out = _brief(run, str(FIXTURES / name), "2024Q4")
    assert _ids_in(out, _ids(FIXTURES / name)) == []
    check_golden(f"report/{name}.2024Q4.sv.md", out)


def test_two_reporting_lines_between_the_same_bodies_are_named_by_what_they_report(
    run: Run,
) -> None:
    """Vara's rådet reports twice to Kommunstyrelsen (the lägesbild twice a year, the
    verksamhetsberättelse once): the summary names the line on track by what it reports, as
    the tables, the late line and 'Att göra' do; a line alone between its bodies keeps the
    short form."""
    out = _brief(run, str(FIXTURES / "vara-2024"), "2024Q4")
    assert (
        "- Rapporter lämnade enligt plan: ”Rådets verksamhetsberättelse för året” från "
        "Brottsförebyggande rådet till Kommunstyrelsen (1 rapport sedan 1 januari 2024, "
        "1 krävs) och Trygghetsgruppen till Brottsförebyggande rådet (4 rapporter sedan "
        "1 januari 2024, 4 krävs)."
    ) in out
    english = _brief(run, str(FIXTURES / "vara-2024"), "2024Q4", "--lang", "en")
    assert (
        "- Reports delivered as planned: “Rådets verksamhetsberättelse för året” from "
        "Brottsförebyggande rådet to Kommunstyrelsen (1 report since 1 January 2024, "
        "1 required) and Trygghetsgruppen to Brottsförebyggande rådet"
    ) in english


def test_vara_s_brief_reads_without_the_tool_s_words(run: Run) -> None:
    """Read line by line as a council member (issue 14): all measured goals on track is
    "Båda målen", not "2 av 2 mål"; a meeting late by its cadence is counted from the last
    meeting, not "ett intervall efter"; six meetings held where six are required is said as
    the count, not "6 av 6 möten"."""
    out = _brief(run, str(FIXTURES / "vara-2024"), "2024Q4")
    assert "- Båda målen som mäts med nyckeltal är uppnådda eller på väg." in out
    assert (
        "- Trygghetsgruppen: nästa möte skulle ha hållits senast 17 december 2024, räknat från "
        "det senaste mötet 17 oktober 2024 (6 gånger per år; 6 möten hållna sedan 1 januari "
        "2024, där 6 krävs)."
    ) in out
    assert (
        "skulle ha lämnats senast 21 november 2024, räknat från den senaste 21 maj 2024 "
        "(2 gånger per år; lämnad 1 gång sedan 1 januari 2024, där 1 krävs)."
    ) in out
    for tool_words in ("2 av 2", "6 av 6", "intervall"):
        assert tool_words not in out, tool_words
    english = _brief(run, str(FIXTURES / "vara-2024"), "2024Q4", "--lang", "en")
    assert "- Both goals measured by an indicator are achieved or on track." in english
    assert "counted from the last meeting on 17 October 2024" in english


def test_a_document_s_kind_is_not_repeated_after_a_title_that_says_it(run: Run) -> None:
    """ "Samverkansöverenskommelse mellan Vara kommun och Polisen 2023–2024
    (samverkansöverenskommelse)" says the kind twice; a title that does not say it keeps it."""
    out = _brief(run, str(FIXTURES / "vara-2024"), "2024Q4")
    assert (
        "- Samverkansöverenskommelse mellan Vara kommun och Polisen 2023–2024 gäller till och "
        "med 31 december 2024 enligt planen."
    ) in out
    assert "- Lägesbild brott och otrygghet i Vara kommun 2024 ska revideras senast" in out
    assert "(lägesbild)" not in out and "(samverkansöverenskommelse)" not in out
    english = _brief(run, str(FIXTURES / "vara-2024"), "2024Q4", "--lang", "en")
    assert "Vara kommun 2024 (situation picture) is due for review by 11 March 2025" in english
