"""Values that cannot be: shares outside 0–100 %, counts and rates below zero, and numbers
larger than any indicator can hold. Each is a finding with its file and line, never an
internal error (issue 13, "Values that cannot be"; issue 12, 1e30 and 32-digit numbers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run, edit, write

HUGE = ("1e30", "12345678901234567890123456789012")


def _findings(run: Run, plan: Path) -> list[str]:
    result = run("validate", str(plan))
    return [line for line in result.output.splitlines() if " TRY" in line]


def _as_share(plan: Path) -> None:
    """The small plan's indicator as a share in per cent, without a national series."""
    edit(plan / "nyckeltal.yaml", "enhet: per_100000_invånare", "enhet: procent")
    edit(plan / "nyckeltal.yaml", "    nationell_serie: anmalda-brott-per-100000\n", "")
    edit(plan / "mal.yaml", "{värde: 9000, period: 2020}", "{värde: 30, period: 2020}")
    edit(plan / "mal.yaml", "{värde: 8500, period: 2022}", "{värde: 25, period: 2022}")


@pytest.mark.parametrize("value", ["120", "-0.5"])
def test_a_share_outside_0_to_100_is_an_error(run: Run, plan: Path, value: str) -> None:
    _as_share(plan)
    edit(plan / "nyckeltal.yaml", "värde: 9000", f"värde: {value}")
    assert _findings(run, plan) == [
        f"{plan}/nyckeltal.yaml:10:16: fel TRY216 'värde: {float(value):g}' kan inte vara en "
        "andel i procent: en andel ligger mellan 0 och 100"
    ]


def test_a_goal_s_target_is_held_to_its_indicator_s_unit(run: Run, plan: Path) -> None:
    _as_share(plan)
    edit(plan / "nyckeltal.yaml", "värde: 9000", "värde: 28")
    edit(plan / "mal.yaml", "{värde: 25, period: 2022}", "{värde: 125, period: 2022}")
    assert _findings(run, plan) == [
        f"{plan}/mal.yaml:11:27: fel TRY216 'värde: 125' kan inte vara en andel i procent: en "
        "andel ligger mellan 0 och 100"
    ]


@pytest.mark.parametrize(
    ("unit", "words"),
    [
        ("antal", "ett antal: ett antal är aldrig mindre än noll"),
        ("per_100000_invånare", "ett tal per 100 000 invånare: det är aldrig mindre än noll"),
        ("per_1000_invånare", "ett tal per 1 000 invånare: det är aldrig mindre än noll"),
    ],
)
def test_a_count_or_rate_below_zero_is_an_error(
    run: Run, plan: Path, unit: str, words: str
) -> None:
    edit(plan / "nyckeltal.yaml", "enhet: per_100000_invånare", f"enhet: {unit}")
    edit(plan / "nyckeltal.yaml", "    nationell_serie: anmalda-brott-per-100000\n", "")
    edit(plan / "nyckeltal.yaml", "värde: 9000", "värde: -3")
    result = run("validate", str(plan))
    assert result.exit_code == 1
    assert f"{plan}/nyckeltal.yaml:10:16: fel TRY216 'värde: -3' kan inte vara {words}" in (
        result.output
    )
    assert (
        f"tips: Rätta värdet, eller nyckeltalets enhet om det är den som är fel (enhet: {unit})."
        in result.output
    )


def test_an_index_may_be_negative(run: Run, plan: Path) -> None:
    edit(plan / "nyckeltal.yaml", "enhet: per_100000_invånare", "enhet: index")
    edit(plan / "nyckeltal.yaml", "    nationell_serie: anmalda-brott-per-100000\n", "")
    edit(plan / "nyckeltal.yaml", "värde: 9000", "värde: -3")
    assert _findings(run, plan) == []


@pytest.mark.parametrize("huge", HUGE)
@pytest.mark.parametrize("command", ["compare", "report", "export", "validate"])
def test_a_huge_value_is_a_finding_in_every_command(
    run: Run, plan: Path, tmp_path: Path, huge: str, command: str
) -> None:
    """1e30 crashed compare, report and export with decimal.InvalidOperation (exit 3)."""
    edit(plan / "nyckeltal.yaml", "värde: 9000", f"värde: {huge}")
    args = {
        "compare": ("compare", str(plan)),
        "report": ("report", "--quarter", "2021Q1", str(plan)),
        "export": ("export", str(plan), "--output", str(tmp_path / "ut")),
        "validate": ("validate", str(plan)),
    }[command]
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert (
        f"{plan}/nyckeltal.yaml:11:16: fel TRY106 Ogiltigt värde för 'värde': {huge} är större "
        "än något nyckeltal kan vara (högst 1 000 000 000 000 till beloppet)"
    ) in result.output


@pytest.mark.parametrize("huge", HUGE)
def test_a_huge_baseline_or_target_is_a_finding(run: Run, plan: Path, huge: str) -> None:
    edit(plan / "mal.yaml", "{värde: 8500, period: 2022}", f"{{värde: {huge}, period: 2022}}")
    result = run("compare", str(plan))
    assert result.exit_code == 1
    assert f"{plan}/mal.yaml:11:27: fel TRY106 Ogiltigt värde för 'värde': {huge} är större" in (
        result.output
    )


@pytest.mark.parametrize("huge", HUGE)
def test_a_huge_number_in_an_import_is_a_finding(
    run: Run, plan: Path, tmp_path: Path, huge: str
) -> None:
    edit(plan / "nyckeltal.yaml", "källa: {typ: brå}", "källa: {typ: brå, kolada_kpi: N07540}")
    before = (plan / "nyckeltal.yaml").read_bytes()
    csv_file = write(
        tmp_path / "k.csv", f"kpi;kommun;period;kön;värde\nN07540;0180;2021;T;{huge}\n"
    )
    json_file = write(
        tmp_path / "k.json",
        '{"values": [{"kpi": "N07540", "municipality": "0180", "period": 2021,\n'
        f'  "values": [{{"gender": "T", "value": {huge}}}]}}]}}\n',
    )
    for source, where in ((csv_file, "2:20"), (json_file, "2:14")):
        result = run("indicator", "import", str(source), "--plan", str(plan))
        assert result.exit_code == 1, result.output
        assert f"{source}:{where}: fel TRY513 '" in result.output
        assert "är större än något nyckeltal kan vara" in result.output
    assert (plan / "nyckeltal.yaml").read_bytes() == before


def test_a_negative_value_can_be_set(run: Run, plan: Path) -> None:
    """Issue 12: 'indicator set X 2021 -5' said 'Okänd flagga -5'."""
    edit(plan / "nyckeltal.yaml", "enhet: per_100000_invånare", "enhet: index")
    edit(plan / "nyckeltal.yaml", "    nationell_serie: anmalda-brott-per-100000\n", "")
    result = run("indicator", "set", "anmalda-brott", "2021", "-5", "--plan", str(plan))
    assert result.exit_code == 0, result.output
    assert (
        (plan / "nyckeltal.yaml")
        .read_text(encoding="utf-8")
        .endswith("      - period: 2021\n        värde: -5\n        geografi: {nivå: kommun}\n")
    )
    args = ("indicator", "set", "anmalda-brott", "2022", "-5,5", "--note", "-5 är rätt")
    result = run(*args, "--plan", str(plan))
    assert result.exit_code == 0, result.output
    assert (
        (plan / "nyckeltal.yaml")
        .read_text(encoding="utf-8")
        .endswith(
            "      - period: 2022\n        värde: -5.5\n        geografi: {nivå: kommun}\n"
            "        anmärkning: -5 är rätt\n"
        )
    )


def test_a_negative_rate_is_refused_with_the_line(run: Run, plan: Path) -> None:
    before = (plan / "nyckeltal.yaml").read_bytes()
    result = run("indicator", "set", "anmalda-brott", "2021", "-5", "--plan", str(plan))
    assert result.exit_code == 1
    assert (
        f"{plan}/nyckeltal.yaml:15:16: fel TRY216 'värde: -5' kan inte vara ett tal per "
        "100 000 invånare" in result.output
    )
    assert (plan / "nyckeltal.yaml").read_bytes() == before


def test_a_huge_value_on_the_command_line_is_a_usage_error(run: Run, plan: Path) -> None:
    result = run("indicator", "set", "anmalda-brott", "2021", "1e30", "--plan", str(plan))
    assert result.exit_code == 2
    assert "'1e30' är större än något nyckeltal kan vara" in result.output
