"""What plans must be able to say (issue 16), on Vara's brottsförebyggande råd as its rules
describe it (tests/fixtures/vara): a seat with its substitutes, who appoints the chair, the
decision that set the body up and its legal basis, and a cadence that is not known. Each is a
field, checked with file and line, and shown in the export."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Run, edit
from trygghet_cli.model.cadence import parse_cadence
from trygghet_cli.wording import cadence_text

VARA = FIXTURES / "vara"


@pytest.fixture
def vara(tmp_path: Path) -> Path:
    target = tmp_path / "vara"
    shutil.copytree(VARA, target)
    return target


def test_vara_says_what_its_rules_say_and_validates(run: Run) -> None:
    result = run("validate", str(VARA))
    assert result.exit_code == 0, result.output
    codes = [line.split(" ", 3)[2] for line in result.output.splitlines() if " TRY" in line]
    assert codes == ["TRY111", "TRY111"]  # folkmängd and polisområde: the source has neither


@pytest.mark.parametrize(
    ("old", "new", "finding"),
    [
        (
            "        ersättare: 3\n",
            "        ersättare: tre\n",
            "organisation.yaml:47:20: fel TRY103 'ersättare' ska vara ett heltal, inte texten "
            "'tre'",
        ),
        (
            "        antal: 3\n",
            "        antal: 0\n",
            "organisation.yaml:46:16: fel TRY106 Ogiltigt värde för 'antal': 0 är för litet; "
            "minsta värde är 1",
        ),
        (
            "    ordförande_utses_av: kommunstyrelsen\n",
            "    ordförande_utses_av: kommunstyrelse\n",
            "organisation.yaml:35:26: fel TRY201 'ordförande_utses_av' hänvisar till rollen eller "
            "organet 'kommunstyrelse', som inte finns i planen (menade du 'kommunstyrelsen'?)",
        ),
        (
            "      av: kommunfullmaktige\n",
            "      av: kf\n",
            "organisation.yaml:40:11: fel TRY201 'av' hänvisar till organet 'kf', som inte finns i "
            "planen",
        ),
        (
            "      dokument: [samverkansoverenskommelse]\n",
            "      dokument: [overenskommelse]\n",
            "organisation.yaml:43:18: fel TRY201 'dokument' hänvisar till styrdokumentet "
            "'overenskommelse', som inte finns i planen",
        ),
        (
            "      datum: 2023-10-30\n",
            "      datum: 2023-10-32\n",
            "organisation.yaml:39:14: fel TRY105 '2023-10-32' är inte ett giltigt datum för "
            "'datum'",
        ),
        (
            "      beslut: KF 2023-10-30 § 89\n",
            "      beslut:\n",
            "organisation.yaml:38:14: fel TRY103 'beslut' ska vara text, inte ett tomt värde",
        ),
    ],
)
def test_each_fact_is_checked_with_its_line(
    vara: Path, run: Run, old: str, new: str, finding: str
) -> None:
    edit(vara / "organisation.yaml", old, new)
    result = run("validate", str(vara))
    assert result.exit_code == 1
    assert f"{vara}/{finding}" in result.output


def test_a_cadence_that_is_not_known_is_said_so_and_expects_nothing() -> None:
    for written in ("okänd", "Okänd", "inte känd"):
        cadence = parse_cadence(written)
        assert str(cadence) == "okänd" and cadence_text(cadence).en == "not known"
        assert cadence.only_when_needed and cadence.per_year == 0


def test_deadlines_expect_no_meeting_of_a_body_whose_cadence_is_not_known(run: Run) -> None:
    """Nothing is invented: the plan's only deadlines are the law's (no lägesbild, no
    åtgärdsplan), none for the council's meetings."""
    result = run("deadlines", str(VARA), "--as-of", "2024-06-30", "--format", "json")
    payload = json.loads(result.output)
    assert payload["summary"]["errors"] == 0
    rules = [d["rule"] for d in payload["plans"][0]["deadlines"]]
    assert rules == ["TRY420", "TRY421"]


def test_the_export_shows_every_fact(vara: Path, run: Run, tmp_path: Path) -> None:
    out = tmp_path / "wiki"
    result = run("export", str(vara), "--format", "markdown", "--output", str(out))
    assert result.exit_code == 0, result.output
    page = (out / "organisation.md").read_text(encoding="utf-8")
    body = page.split("### Brottsförebyggande rådet", 1)[1].split("\n### ", 1)[0]
    assert "**Ordförande utses av:** Kommunstyrelsen" in body
    assert (
        "**Inrättat genom:** Bestämmelser för brottsförebyggande rådet i Vara kommun, "
        "beslut KF 2023-10-30 § 89 av Kommunfullmäktige den 30 oktober 2023" in body
    )
    assert "**Lagstöd:** Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete" in body
    assert "**Vilar på:** Samverkansöverenskommelse" in body
    assert (
        "**Ledamöter:** Ledamot i kommunstyrelsens arbetsutskott (Vara kommun) (3 ledamöter och "
        "3 ersättare); Ordförande i Bildningsnämnden (Vara kommun)" in body
    )
    assert "**Mötesfrekvens:** okänd" in body
    english = tmp_path / "en"
    run("export", str(vara), "--format", "markdown", "--output", str(english), "--lang", "en")
    page = (english / "organisation.md").read_text(encoding="utf-8")
    assert "(3 members and 3 substitutes)" in page
    assert "**Chair appointed by:** Kommunstyrelsen" in page
    assert "**Meets:** not known" in page
