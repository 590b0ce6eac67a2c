"""One file's schema: each mistake gets trygg's own message, at the right line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run, edit, write


def findings(run: Run, plan: Path, *args: str) -> list[str]:
    """The findings of one file's schema (not TRY017, that the checks across files wait for a
    broken file: tests/test_all_findings.py)."""
    result = run("validate", str(plan), *args)
    return [
        line
        for line in result.output.splitlines()
        if ": " in line and "TRY" in line and " TRY017 " not in line
    ]


def test_the_fixture_plan_is_clean(run: Run, plan: Path) -> None:
    result = run("validate", "--strict", str(plan))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Inga fel i 7 filer (1 plan).")


def test_misspelt_key_is_named_with_a_suggestion(run: Run, plan: Path) -> None:
    edit(plan / "organisation.yaml", "    mötesfrekvens: 4", "    motesfrekvens: 4")
    result = run("validate", str(plan))
    assert result.exit_code == 1
    assert (
        f"{plan}/organisation.yaml:22:5: fel TRY101 Okänd nyckel 'motesfrekvens' "
        "(menade du 'mötesfrekvens'?)"
    ) in result.output
    assert "Tillåtna nycklar här: id, namn, typ" in result.output


def test_missing_key_points_at_its_parent(run: Run, plan: Path) -> None:
    edit(plan / "organisation.yaml", "    titel: Kommunpolis\n", "")
    out = findings(run, plan)
    assert out == [f"{plan}/organisation.yaml:6:5: fel TRY102 Nyckeln 'titel' saknas"]


def test_wrong_type_with_decimal_comma_hint(run: Run, plan: Path) -> None:
    edit(plan / "nyckeltal.yaml", "värde: 9000", "värde: 9000,5")
    result = run("validate", str(plan))
    assert (
        f"{plan}/nyckeltal.yaml:11:16: fel TRY103 'värde' ska vara ett tal, inte texten '9000,5'"
    ) in result.output
    assert "tips: Använd decimalpunkt i planfilerna: skriv 9000.5, inte 9000,5." in result.output


@pytest.mark.parametrize(
    ("written", "bare"), [("50 %", "50"), ("50%", "50"), ("50 procent", "50"), ("22,6 %", "22.6")]
)
def test_percent_sign_gets_a_hint(run: Run, plan: Path, written: str, bare: str) -> None:
    """A coordinator writes a share of a post the way it is spoken: '50 %'."""
    edit(plan / "organisation.yaml", "tjänstgöringsgrad: 50", f"tjänstgöringsgrad: {written}")
    result = run("validate", str(plan))
    assert result.exit_code == 1
    assert (
        f"{plan}/organisation.yaml:12:26: fel TRY103 'tjänstgöringsgrad' ska vara ett tal, inte "
        f"texten '{written}'\n    tips: Skriv bara talet, utan % eller ordet procent: "
        f"tjänstgöringsgrad: {bare}.\n"
    ) in result.output


def test_half_time_as_a_decimal_fraction_is_told_to_write_per_cent(run: Run, plan: Path) -> None:
    """'0,5' for half time: the decimal-point hint would lead to 0.5 per cent of a post."""
    edit(plan / "organisation.yaml", "tjänstgöringsgrad: 50", "tjänstgöringsgrad: 0,5")
    result = run("validate", str(plan))
    assert result.exit_code == 1
    assert (
        "tips: Andelen skrivs i procent av heltid: tjänstgöringsgrad: 50 för 0,5 av en heltid.\n"
    ) in result.output
    edit(plan / "organisation.yaml", "tjänstgöringsgrad: 0,5", "tjänstgöringsgrad: 0.5")
    result = run("validate", str(plan), "--lang", "en")
    assert result.exit_code == 0
    assert result.output.startswith(
        f"{plan}/organisation.yaml:12:26: warning TRY214 'tjänstgöringsgrad: 0.5' means 0.5 per "
        "cent of a full-time post\n    hint: The share is written in per cent of full time: "
        "tjänstgöringsgrad: 50 for 0.5 of a full-time post.\n"
    )
    edit(plan / "organisation.yaml", "tjänstgöringsgrad: 0.5", "tjänstgöringsgrad: 2")
    assert run("validate", str(plan), "--strict").exit_code == 0


@pytest.mark.parametrize(
    ("line", "written", "message"),
    [
        ("datum: 2021-03-02", "datum:", "2:7: fel TRY103 'datum' ska vara ett datum (ÅÅÅÅ-MM-DD)"),
        (
            "    status: klar",
            "    status:",
            "14:12: fel TRY103 'status' ska vara ett av de tillåtna värdena",
        ),
        (
            "  - vecka: 2021-W08",
            "  - vecka:",
            "19:11: fel TRY103 'vecka' ska vara en ISO-vecka (till exempel 2021-W09)",
        ),
    ],
)
def test_empty_value_is_called_empty(
    run: Run, plan: Path, line: str, written: str, message: str
) -> None:
    """'datum:' with nothing after it is an empty value, as for text and numbers, not ''."""
    meeting = plan / "moten/2021-03-02-lokala-bra.yaml"
    edit(meeting, line, written)
    assert findings(run, plan) == [f"{meeting}:{message}, inte ett tomt värde"]
    if "status" in line:
        assert (
            "tips: Tillåtna värden: öppen, pågående, klar, avbruten."
            in run("validate", str(plan)).output
        )


def test_unknown_enum_value_suggests_the_closest(run: Run, plan: Path) -> None:
    edit(plan / "organisation.yaml", "typ: lokalt_brå", "typ: lokalt_bra")
    out = findings(run, plan)
    assert out == [
        f"{plan}/organisation.yaml:17:10: fel TRY104 'lokalt_bra' är inte ett tillåtet värde för "
        "'typ' (menade du 'lokalt_brå'?)"
    ]


def test_impossible_date(run: Run, plan: Path) -> None:
    edit(plan / "moten/2021-03-02-lokala-bra.yaml", "senast: 2021-04-01", "senast: 2021-04-31")
    out = findings(run, plan)
    assert out == [
        f"{plan}/moten/2021-03-02-lokala-bra.yaml:13:13: fel TRY105 '2021-04-31' är inte ett "
        "giltigt datum för 'senast'"
    ]


def test_unquoted_kommunkod_loses_its_leading_zero(run: Run, plan: Path) -> None:
    edit(plan / "kommun.yaml", 'kommunkod: "0180"', "kommunkod: 0180")
    result = run("validate", str(plan))
    assert f"{plan}/kommun.yaml:3:12: fel TRY110 '0180' är inte en kommunkod" in result.output
    assert 'tips: Skriv kommunkoden inom citattecken: kommunkod: "0180".' in result.output


def test_cadence_period_week_and_id(run: Run, plan: Path) -> None:
    edit(plan / "organisation.yaml", "4 gånger per år", "ibland")
    edit(plan / "nyckeltal.yaml", "period: 2020", "period: 2020Q5")
    edit(plan / "moten/2021-03-02-lokala-bra.yaml", "vecka: 2021-W08", "vecka: 2021-W53")
    edit(plan / "moten/2021-03-02-lokala-bra.yaml", "id: a-1", "id: a 1")
    out = findings(run, plan)
    assert [line.split(" ", 3)[2] for line in out] == ["TRY109", "TRY106", "TRY108", "TRY107"]
    assert "'2021-W53' är ingen ISO-vecka" in out[1]


def test_list_where_a_mapping_belongs(run: Run, plan: Path) -> None:
    write(plan / "kommun.yaml", "- namn: Stockholm\n- kommunkod: '0180'\n")
    out = findings(run, plan)
    assert out == [
        f"{plan}/kommun.yaml:1:1: fel TRY009 Filen ska innehålla nycklar och värden (en "
        "mappning) på översta nivån, inte en lista"
    ]


def test_a_mapping_where_a_list_belongs(run: Run, plan: Path) -> None:
    edit(
        plan / "moten/2021-03-02-lokala-bra.yaml",
        "dagordning:\n  - Lägesbild",
        "dagordning: Lägesbild",
    )
    result = run("validate", str(plan))
    assert "fel TRY103 'dagordning' ska vara en lista, inte texten 'Lägesbild'" in result.output
    assert "tips: Skriv varje post på en egen rad under 'dagordning:'" in result.output


def test_english_messages(run: Run, plan: Path) -> None:
    edit(plan / "organisation.yaml", "    mötesfrekvens: 4", "    motesfrekvens: 4")
    result = run("validate", "--lang", "en", str(plan))
    assert "error TRY101 Unknown key 'motesfrekvens' (did you mean 'mötesfrekvens'?)" in (
        result.output
    )
    assert result.output.rstrip().endswith("1 error in 7 files (1 plan).")


def test_language_from_the_environment(run: Run, plan: Path) -> None:
    edit(plan / "organisation.yaml", "    mötesfrekvens: 4", "    motesfrekvens: 4")
    result = run("validate", str(plan), env={"TRYGG_LANG": "en_GB.UTF-8"})
    assert "error TRY101 Unknown key" in result.output


def test_all_findings_not_just_the_first(run: Run, plan: Path) -> None:
    edit(plan / "organisation.yaml", "    mötesfrekvens: 4", "    motesfrekvens: 4")
    edit(plan / "kommun.yaml", "antal: 1000", "antal: många")
    write(
        plan / "moten/2021-04-01-lokala-bra.yaml",
        "datum: 2021-04-01\norgan: lokala-bra\ndatum: 2021-04-02\n",
    )
    out = findings(run, plan)
    assert [line.split(" ", 3)[2] for line in out] == ["TRY103", "TRY003", "TRY101"]


def test_types_are_as_strict_as_the_schema(run: Run, plan: Path) -> None:
    """What the JSON Schema rejects, trygg rejects: no silent conversions."""
    edit(plan / "kommun.yaml", "antal: 1000", "antal: true")
    edit(plan / "kommun.yaml", "år: 2020", 'år: "2020"')
    edit(plan / "nyckeltal.yaml", "värde: 9000", "värde: .nan")
    edit(plan / "nyckeltal.yaml", "preliminär: true", 'preliminär: "yes"')
    edit(plan / "moten/2021-03-02-lokala-bra.yaml", "datum: 2021-03-02", "datum: 1614643200")
    out = findings(run, plan)
    assert [line.split(" ", 3)[2] for line in out] == [
        "TRY103",
        "TRY103",
        "TRY105",
        "TRY103",
        "TRY103",
    ]
    assert "'antal' ska vara ett heltal, inte 'true'" in out[0]
    assert "'år' ska vara ett heltal, inte texten '2020'" in out[1]
    assert "'1614643200' är inte ett giltigt datum för 'datum'" in out[2]
    assert "inte .nan eller .inf" in out[3]
    result = run("validate", str(plan))
    assert "tips: Ta bort citattecknen kring talet: år: 2020." in result.output


def test_multi_line_values_stay_on_one_line(run: Run, plan: Path) -> None:
    edit(plan / "kommun.yaml", 'kommunkod: "0180"', "kommunkod: |\n  0180\n  rad två")
    out = findings(run, plan)
    assert out == [f"{plan}/kommun.yaml:3:12: fel TRY110 '0180 rad två' är inte en kommunkod"]


def test_a_pasted_invisible_space_is_named(run: Run, plan: Path) -> None:
    """Text pasted from Word or a web page can carry a non-breaking space: the id shown looks
    right, so the tip names the character and where it stands."""
    edit(
        plan / "moten/2021-03-02-lokala-bra.yaml",
        "ansvarig: samordnare",
        "ansvarig: samordnare\u00a0",
    )
    result = run("validate", str(plan))
    assert result.exit_code == 1
    assert (
        f"{plan}/moten/2021-03-02-lokala-bra.yaml:12:15: fel TRY109 'samordnare' är inte "
        "ett giltigt id\n    tips: Värdet har ett hårt mellanslag (U+00A0) efter 'samordnare': "
        "det ser ut som ett vanligt mellanslag men är ett annat tecken. Ta bort det eller skriv "
        "om värdet med tangentbordet (sådana tecken följer ofta med när text klistras in från "
        "Word eller en webbsida). Ett id består av"
    ) in result.output
    english = run("validate", "--lang", "en", str(plan))
    assert (
        "hint: The value has a non-breaking space (U+00A0) after 'samordnare': it looks like an "
        "ordinary space but is another character. Remove it or type the value again"
    ) in english.output


def test_a_date_with_non_breaking_hyphens_is_named(run: Run, plan: Path) -> None:
    edit(
        plan / "moten/2021-03-02-lokala-bra.yaml",
        "senast: 2021-04-01",
        "senast: 2021\u201104\u201101",
    )
    [line] = [x for x in findings(run, plan) if "TRY105" in x]
    assert line.endswith("fel TRY105 '2021\u201104\u201101' är inte ett giltigt datum för 'senast'")
    result = run("validate", str(plan))
    assert (
        "tips: Värdet har ett hårt bindestreck (U+2011) efter '2021': det ser ut som ett "
        "bindestreck (-) men är ett annat tecken. Ta bort det eller skriv om värdet med "
        "tangentbordet (sådana tecken följer ofta med när text klistras in från Word eller en "
        "webbsida). Skriv datum som ÅÅÅÅ-MM-DD"
    ) in result.output


def test_a_deadline_key_is_told_to_be_senast(run: Run, plan: Path) -> None:
    """'sista_datum' means the deadline: the suggestion is 'senast', not 'klar_datum' (the
    day it was done), however alike the spelling."""
    edit(
        plan / "moten/2021-03-02-lokala-bra.yaml",
        "    senast: 2021-04-01",
        "    sista_datum: 2021-04-01",
    )
    result = run("validate", str(plan))
    assert "Okänd nyckel 'sista_datum' (menade du 'senast'?)" in result.output
