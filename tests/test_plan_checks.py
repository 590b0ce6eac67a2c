"""Checks across files: references resolve, ids are unique, dates agree, no personnummer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run, edit, write

MEETING = "moten/2021-03-02-lokala-bra.yaml"


def codes(run: Run, plan: Path, *args: str) -> list[str]:
    result = run("validate", "--format", "json", str(plan), *args)
    import json

    payload = json.loads(result.output)
    return [
        f"{d['rule']} {Path(d['file']).relative_to(plan).as_posix()}:{d['line']} {d['message']}"
        for d in payload["diagnostics"]
    ]


def test_unknown_owner_with_suggestion(run: Run, plan: Path) -> None:
    edit(plan / MEETING, "ansvarig: samordnare", "ansvarig: samordnre")
    assert codes(run, plan) == [
        f"TRY201 {MEETING}:12 'ansvarig' hänvisar till rollen eller organet 'samordnre', som inte "
        "finns i planen (menade du 'samordnare'?)"
    ]


def test_meeting_of_a_body_that_does_not_exist(run: Run, plan: Path) -> None:
    edit(plan / MEETING, "organ: lokala-bra", "organ: styrgruppen")
    assert codes(run, plan) == [
        f"TRY201 {MEETING}:3 'organ' hänvisar till organet 'styrgruppen', som inte finns i planen"
    ]


def test_meeting_of_a_committee_is_a_warning(run: Run, plan: Path) -> None:
    edit(plan / MEETING, "organ: lokala-bra", "organ: kommunstyrelsen")
    result = run("validate", str(plan))
    assert result.exit_code == 0
    assert "varning TRY208 'kommunstyrelsen' är en politisk nämnd" in result.output
    assert run("validate", "--strict", str(plan)).exit_code == 1


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("mal.yaml", "nyckeltal: anmalda-brott", "nyckeltal: anmälda-brott", "TRY109"),
        ("mal.yaml", "nyckeltal: anmalda-brott", "nyckeltal: anmalda-brot", "TRY201"),
        ("mal.yaml", "aktiviteter: [vandringar]", "aktiviteter: [vandring]", "TRY201"),
        ("aktiviteter.yaml", "organ: lokala-bra", "organ: samordnare", "TRY201"),
        (
            "styrdokument.yaml",
            "antaget_av: [kommunstyrelsen, kommunpolis]",
            "antaget_av: [kommunstyrelsen, polisen]",
            "TRY201",
        ),
        (
            "nyckeltal.yaml",
            "nationell_serie: anmalda-brott-per-100000",
            "nationell_serie: anmalda-brott",
            "TRY201",
        ),
        ("organisation.yaml", "till: [kommunstyrelsen]", "till: [samordnare]", "TRY201"),
        ("organisation.yaml", "ordförande: samordnare", "ordförande: lokala-bra", "TRY201"),
        (MEETING, "rapporter: [arsrapport]", "rapporter: [manadsrapport]", "TRY201"),
        (
            MEETING,
            "närvarande: [samordnare, kommunpolis]",
            "närvarande: [samordnare, kpol]",
            "TRY201",
        ),
        (MEETING, "aktivitet: vandringar", "aktivitet: lokala-bra", "TRY201"),
        (MEETING, "aktivitet: vandringar", "aktivitet: vandringar\n    mål: farre-brot", "TRY201"),
        (
            MEETING,
            "rapporter: [arsrapport]",
            "rapporter: [arsrapport]\nföljer_upp: [a-9]",
            "TRY201",
        ),
    ],
)
def test_every_reference_resolves(
    run: Run, plan: Path, file: str, old: str, new: str, expected: str
) -> None:
    edit(plan / file, old, new)
    found = codes(run, plan)
    assert len(found) == 1, found
    assert found[0].startswith(f"{expected} {file}:")


def test_roles_and_bodies_share_one_namespace(run: Run, plan: Path) -> None:
    edit(plan / "organisation.yaml", "  - id: kommunstyrelsen", "  - id: samordnare")
    found = codes(run, plan)
    assert (
        f"TRY202 organisation.yaml:28 Id 'samordnare' används redan ({plan}/organisation.yaml:3)"
    ) in found


def test_action_ids_are_unique_across_meetings(run: Run, plan: Path) -> None:
    write(
        plan / "moten/2021-05-04-lokala-bra.yaml",
        "datum: 2021-05-04\norgan: lokala-bra\nåtgärder:\n  - id: a-1\n    text: x\n"
        "    ansvarig: samordnare\n    senast: 2021-06-01\n    status: öppen\n",
    )
    found = codes(run, plan)
    assert found == [
        f"TRY202 moten/2021-05-04-lokala-bra.yaml:4 Id 'a-1' används redan ({plan}/{MEETING}:10)"
    ]


def test_dates_in_the_wrong_order(run: Run, plan: Path) -> None:
    edit(plan / MEETING, "senast: 2021-04-01", "senast: 2021-02-01")
    edit(plan / "styrdokument.yaml", "gäller_till: 2021-12-31", "gäller_till: 2020-12-31")
    found = codes(run, plan)
    assert found == [
        f"TRY203 {MEETING}:13 'senast' (2021-02-01) ligger före 'datum' (2021-03-02)",
        "TRY203 styrdokument.yaml:9 'gäller_till' (2020-12-31) ligger före 'antaget' (2021-02-01)",
        "TRY203 styrdokument.yaml:9 'gäller_till' (2020-12-31) ligger före 'gäller_från' "
        "(2021-02-01)",
    ]


def test_working_group_dates(run: Run, plan: Path) -> None:
    edit(
        plan / "organisation.yaml",
        "  - id: kommunstyrelsen",
        "  - id: ag-centrum\n    namn: Arbetsgrupp centrum\n    typ: arbetsgrupp\n"
        "    start: 2021-05-01\n  - id: kommunstyrelsen",
    )
    write(plan / "moten/2021-04-20-ag-centrum.yaml", "datum: 2021-04-20\norgan: ag-centrum\n")
    found = codes(run, plan)
    assert [f.split(" ", 2)[:2] for f in found] == [
        ["TRY205", "moten/2021-04-20-ag-centrum.yaml:1"],
        ["TRY209", "organisation.yaml:28"],
    ]
    edit(
        plan / "organisation.yaml",
        "    start: 2021-05-01",
        "    start: 2021-05-01\n    slut: 2021-04-01",
    )
    # The reversed dates are the one finding: the meeting is not also reported as outside a
    # lifetime that does not make sense.
    assert codes(run, plan) == [
        "TRY203 organisation.yaml:32 'slut' (2021-04-01) ligger före 'start' (2021-05-01)"
    ]


def test_meeting_file_named_for_another_day(run: Run, plan: Path) -> None:
    (plan / MEETING).rename(plan / "moten/2021-03-03-lokala-bra.yaml")
    assert codes(run, plan) == [
        "TRY204 moten/2021-03-03-lokala-bra.yaml:2 Filnamnet börjar med 2021-03-03 men mötet "
        "har datum 2021-03-02"
    ]


def test_done_without_a_date_and_smart_goals(run: Run, plan: Path) -> None:
    edit(plan / MEETING, "    klar_datum: 2021-03-20\n", "")
    edit(plan / "mal.yaml", "        ansvarig: lokala-bra\n", "")
    assert codes(run, plan) == [
        "TRY207 mal.yaml:6 Effektmålet 'farre-brott' saknar ansvarig",
        f"TRY206 {MEETING}:14 Åtgärden 'a-1' har status klar men inget klart-datum",
    ]


def test_two_values_for_one_period(run: Run, plan: Path) -> None:
    with (plan / "nyckeltal.yaml").open("a", encoding="utf-8") as f:
        f.write("      - period: 2020\n        värde: 9100\n        geografi: {nivå: kommun}\n")
    assert codes(run, plan) == [
        f"TRY210 nyckeltal.yaml:14 Nyckeltalet har redan ett värde för 2020 i kommun "
        f"({plan}/nyckeltal.yaml:10)"
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("640823-3234", "personnummer"),
        ("196408233234", "personnummer"),
        ("701063-2391", "samordningsnummer"),
        ("19701063-2391", "samordningsnummer"),
    ],
)
def test_personal_identity_numbers_are_errors(run: Run, plan: Path, text: str, kind: str) -> None:
    edit(plan / MEETING, "Klotter på busskuren.", f"Klotter på busskuren, anmält av {text}.")
    found = codes(run, plan)
    assert len(found) == 1
    assert found[0].startswith(f"TRY301 {MEETING}:23 Texten innehåller ett {kind} (")
    assert text not in found[0]


def test_personnummer_in_a_comment_is_found_too(run: Run, plan: Path) -> None:
    with (plan / "kommun.yaml").open("a", encoding="utf-8") as f:
        f.write("# kontakt: 640823-3234\n")
    assert codes(run, plan) == [
        "TRY301 kommun.yaml:10 Texten innehåller ett personnummer (640823-****); planfiler "
        "publiceras"
    ]


@pytest.mark.parametrize("fmt", ["text", "json", "gitlab", "sarif", "junit", "github"])
def test_no_finding_repeats_an_identity_number_in_full(run: Run, plan: Path, fmt: str) -> None:
    """A number typed as a key or a reference is masked in every finding about it too."""
    edit(plan / "organisation.yaml", "    ordförande: samordnare", "    ordförande: 640823-3234")
    with (plan / "kommun.yaml").open("a", encoding="utf-8") as f:
        f.write("640823-3234: kontakt\n")
    result = run("validate", str(plan), "--format", fmt)
    assert result.exit_code == 1
    rules = {"TRY301", "TRY101", "TRY201"}
    assert all(rule in result.stdout for rule in rules), result.stdout
    assert "640823-3234" not in result.stdout + result.stderr
    assert "640823-****" in result.stdout


@pytest.mark.parametrize(
    "text", ["640823-3235", "0701234567", "2021-03-02", "1234567890", "641301-1234"]
)
def test_numbers_that_are_not_personnummer(run: Run, plan: Path, text: str) -> None:
    edit(plan / MEETING, "Klotter på busskuren.", f"Klotter på busskuren ({text}).")
    assert codes(run, plan) == []


def test_broken_file_does_not_cascade(run: Run, plan: Path) -> None:
    """References into a file that failed to validate are not reported; the checks across
    files say that they wait for it."""
    write(plan / "organisation.yaml", "roller: [\n")
    found = codes(run, plan)
    assert [f.split(" ", 1)[0] for f in found] == ["TRY001", "TRY017"]


FOLLOWING = "moten/2021-04-06-lokala-bra.yaml"


@pytest.mark.parametrize(
    ("broken", "first"),
    [
        # an unquoted colon: the file cannot be read at all
        (("    text: Boka trygghetsvandring", "    text: Boka: trygghetsvandring"), "TRY001"),
        # a second 'åtgärder:' key: which list holds a-1 cannot be known
        (("rapporter: [arsrapport]", "rapporter: [arsrapport]\nåtgärder: []"), "TRY003"),
    ],
)
def test_a_reference_into_a_meeting_that_cannot_be_read_is_not_reported(
    run: Run, plan: Path, broken: tuple[str, str], first: str
) -> None:
    """A later meeting follows up action a-1 of a meeting whose file could not be read: a-1
    exists, only its file is broken, so there is no 'som inte finns i planen' (with a 'menade
    du' pointing at another action) in the later meeting; the broken file's own finding
    comes first."""
    write(
        plan / FOLLOWING,
        "datum: 2021-04-06\norgan: lokala-bra\nnärvarande: [samordnare]\nföljer_upp: [a-1]\n",
    )
    assert codes(run, plan) == []
    edit(plan / MEETING, *broken)
    found = codes(run, plan)
    assert [f.split(" ", 1)[0] for f in found] == [first, "TRY017"]
    assert not any(FOLLOWING in f for f in found)


def test_report_recorded_at_an_unrelated_meeting(run: Run, plan: Path) -> None:
    write(
        plan / "moten/2021-04-01-ag.yaml", "datum: 2021-04-01\norgan: ag\nrapporter: [arsrapport]\n"
    )
    edit(
        plan / "organisation.yaml",
        "  - id: kommunstyrelsen",
        "  - id: ag\n    namn: AG\n    typ: annat\n  - id: kommunstyrelsen",
    )
    assert codes(run, plan) == [
        "TRY211 moten/2021-04-01-ag.yaml:3 Rapporteringen 'arsrapport' lämnas av 'lokala-bra' "
        "till kommunstyrelsen, men mötet hölls av 'ag'"
    ]


def test_situation_entry_after_the_meeting(run: Run, plan: Path) -> None:
    edit(plan / MEETING, "vecka: 2021-W08", "vecka: 2021-W10")
    assert codes(run, plan) == [
        f"TRY212 {MEETING}:19 Lägesbildens vecka 2021-W10 börjar efter mötets datum 2021-03-02"
    ]


def test_unit_must_match_the_national_series(run: Run, plan: Path) -> None:
    edit(plan / "nyckeltal.yaml", "enhet: per_100000_invånare", "enhet: antal")
    assert codes(run, plan) == [
        "TRY213 nyckeltal.yaml:5 Nyckeltalet har enheten antal, men den nationella serien "
        "'anmalda-brott-per-100000' har per_100000_invånare"
    ]
    edit(plan / "nyckeltal.yaml", "enhet: antal", "enhet: per_1000_invånare")
    assert codes(run, plan) == []


def test_one_mistake_does_not_hide_wrong_references_elsewhere(run: Run, plan: Path) -> None:
    """A bad cadence makes organisation.yaml fail; its ids still count for references."""
    edit(plan / "organisation.yaml", "4 gånger per år", "ibland")
    edit(plan / MEETING, "ansvarig: samordnare", "ansvarig: samordnre")
    found = codes(run, plan)
    assert [f.split(" ", 2)[:2] for f in found] == [
        [
            "TRY201",
            f"{MEETING}:12",
        ],
        ["TRY107", "organisation.yaml:22"],
    ]
    assert "(menade du 'samordnare'?)" in found[0]


def test_ids_of_a_broken_file_are_still_unique(run: Run, plan: Path) -> None:
    edit(plan / "organisation.yaml", "4 gånger per år", "ibland")
    edit(plan / "organisation.yaml", "  - id: kommunpolis", "  - id: samordnare")
    found = codes(run, plan)
    assert any(
        f.startswith("TRY202 organisation.yaml:6 Id 'samordnare' används redan") for f in found
    )
