"""Deadlines of actions, activities, goals and steering documents, as of fixed days."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.conftest import edit
from tests.deadline_support import message, of_kind, summary
from trygghet_cli.followup.base import Kind, Status, Window

MEETING = "moten/2021-03-02-lokala-bra.yaml"
NBSP = "\u00a0"


def _add_actions(plan: Path) -> None:
    edit(
        plan / MEETING,
        "rapporter: [arsrapport]",
        "  - id: a-2\n    text: Ta fram lägesbild\n    ansvarig: samordnare\n"
        "    senast: 2021-04-15\n    status: öppen\n"
        "  - id: a-3\n    text: Boka lokal.\n    ansvarig: lokala-bra\n"
        "    senast: 2021-05-20\n    status: pågående\n"
        "  - id: a-4\n    text: Långt fram\n    ansvarig: samordnare\n"
        "    senast: 2021-07-01\n    status: öppen\n"
        "  - id: a-5\n    text: Klar sent\n    ansvarig: samordnare\n"
        "    senast: 2021-04-10\n    status: klar\n    klar_datum: 2021-04-20\n"
        "  - id: a-6\n    text: Avbruten\n    ansvarig: samordnare\n"
        "    senast: 2021-04-10\n    status: avbruten\n"
        "rapporter: [arsrapport]",
    )


def test_open_actions_are_overdue_or_due_soon(plan: Path) -> None:
    _add_actions(plan)
    items = of_kind(plan, Kind.ACTION, date(2021, 5, 1))
    assert summary(items) == [
        ("TRY401", "a-2", "overdue", "2021-04-15"),
        ("TRY401", "a-3", "due-soon", "2021-05-20"),
    ]
    late, soon = items
    assert late.file.endswith(MEETING)
    assert (late.line, late.column) == (20, 13)
    assert late.diagnostic.pointer == "åtgärder[1].senast"
    assert message(late) == (
        "Åtgärden ”Ta fram lägesbild” skulle ha varit klar 15 april 2021 (ansvarig: Samordnare)"
    )
    assert message(soon, "en") == "The action “Boka lokal” is due 20 May 2021 (owner: Lokala BRÅ)"
    assert late.diagnostic.level.value == "error"
    assert soon.diagnostic.level.value == "warning"


def test_an_action_done_after_the_day_was_still_open_on_it(plan: Path) -> None:
    _add_actions(plan)
    items = of_kind(plan, Kind.ACTION, date(2021, 4, 15))
    assert ("TRY401", "a-5", "overdue", "2021-04-10") in summary(items)
    assert "a-5" not in [d.key for d in of_kind(plan, Kind.ACTION, date(2021, 4, 21))]


def test_actions_decided_after_the_day_do_not_exist_yet(plan: Path) -> None:
    _add_actions(plan)
    assert of_kind(plan, Kind.ACTION, date(2021, 3, 1)) == []


def test_due_today_is_due_soon_and_the_window_is_inclusive(plan: Path) -> None:
    _add_actions(plan)
    today = of_kind(plan, Kind.ACTION, date(2021, 4, 15), within=0)
    assert ("TRY401", "a-2", "due-soon", "2021-04-15") in summary(today)
    items = of_kind(plan, Kind.ACTION, date(2021, 4, 20), within=30)
    assert [d.key for d in items] == ["a-2", "a-3"]
    assert [d.key for d in of_kind(plan, Kind.ACTION, date(2021, 4, 20), within=29)] == ["a-2"]


def test_window_status() -> None:
    window = Window(date(2021, 6, 30), 30)
    assert window.status(date(2021, 6, 29)) is Status.OVERDUE
    assert window.status(date(2021, 6, 30)) is Status.DUE_SOON
    assert window.status(date(2021, 7, 30)) is Status.DUE_SOON
    assert window.status(date(2021, 7, 31)) is None
    assert window.status_from(date(2021, 6, 30)) is Status.OVERDUE
    assert window.status_from(date(2021, 7, 1)) is Status.DUE_SOON


def test_activities_by_due_date_and_status(plan: Path) -> None:
    items = of_kind(plan, Kind.ACTIVITY, date(2022, 1, 10))
    assert summary(items) == [("TRY402", "vandringar", "overdue", "2021-12-31")]
    assert (items[0].file.endswith("aktiviteter.yaml"), items[0].line) == (True, 9)
    assert message(items[0]) == (
        "Aktiviteten ”Trygghetsvandringar” skulle ha varit klar 31 december 2021 "
        "(ansvarig: Samordnare)"
    )
    assert summary(of_kind(plan, Kind.ACTIVITY, date(2021, 12, 15))) == [
        ("TRY402", "vandringar", "due-soon", "2021-12-31")
    ]
    assert of_kind(plan, Kind.ACTIVITY, date(2021, 11, 15)) == []


def test_a_done_activity_falls_due_only_before_it_was_done(plan: Path) -> None:
    edit(plan / "aktiviteter.yaml", "status: pågående", "status: klar\n    klar_datum: 2021-12-20")
    assert of_kind(plan, Kind.ACTIVITY, date(2022, 1, 10)) == []
    assert [d.key for d in of_kind(plan, Kind.ACTIVITY, date(2021, 12, 15))] == ["vandringar"]
    edit(plan / "aktiviteter.yaml", "status: klar\n    klar_datum: 2021-12-20", "status: avbruten")
    assert of_kind(plan, Kind.ACTIVITY, date(2022, 1, 10)) == []


_EVALUATION = """    utvärdering:
      utförare: Umeå universitet
      rapport_senast: 2022-06-30
"""


def test_an_evaluation_report_falls_due_until_it_is_reported(plan: Path) -> None:
    edit(plan / "aktiviteter.yaml", "    status: pågående\n", "    status: klar\n" + _EVALUATION)
    items = of_kind(plan, Kind.ACTIVITY, date(2022, 6, 10))
    assert summary(items) == [("TRY412", "vandringar.evaluation", "due-soon", "2022-06-30")]
    assert (items[0].line, items[0].responsible) == (13, "Umeå universitet")
    assert message(items[0]) == (
        "Utvärderingen av aktiviteten ”Trygghetsvandringar” ska redovisas senast "
        "30 juni 2022 (utförare: Umeå universitet)"
    )
    assert message(items[0], "en").startswith(
        "The evaluation of the activity “Trygghetsvandringar” is due by 30 June 2022"
    )
    assert summary(of_kind(plan, Kind.ACTIVITY, date(2022, 7, 1))) == [
        ("TRY412", "vandringar.evaluation", "overdue", "2022-06-30")
    ]
    edit(
        plan / "aktiviteter.yaml",
        "rapport_senast: 2022-06-30",
        "rapport_senast: 2022-06-30\n      redovisad: 2022-06-20",
    )
    assert of_kind(plan, Kind.ACTIVITY, date(2022, 7, 1)) == []
    assert [d.rule for d in of_kind(plan, Kind.ACTIVITY, date(2022, 6, 10))] == ["TRY412"]


def _append_value(plan: Path, period: int, value: int) -> None:
    with (plan / "nyckeltal.yaml").open("a", encoding="utf-8") as f:
        f.write(f"      - period: {period}\n        värde: {value}\n")
        f.write("        geografi: {nivå: kommun}\n")


def test_goal_past_its_date_without_new_values(plan: Path) -> None:
    items = of_kind(plan, Kind.GOAL, date(2023, 1, 15))
    assert summary(items) == [("TRY403", "farre-brott", "overdue", "2022-12-31")]
    assert (items[0].file.endswith("mal.yaml"), items[0].line) == (True, 13)
    assert message(items[0]) == (
        "Målet ”Minska antalet anmälda brott” skulle vara nått 31 december 2022, men det finns "
        "inget värde efter utgångsläget (2020) ännu"
    )


def test_goal_past_its_date_with_the_target_not_met(plan: Path) -> None:
    _append_value(plan, 2022, 8700)
    items = of_kind(plan, Kind.GOAL, date(2023, 1, 15))
    assert message(items[0]) == (
        "Målet ”Minska antalet anmälda brott” skulle vara nått 31 december 2022, men senaste "
        f"värdet 8{NBSP}700 (2022) når inte målvärdet 8{NBSP}500"
    )
    assert message(items[0], "en") == (
        "The goal “Minska antalet anmälda brott” was to be reached by 31 December 2022, but the "
        "latest value 8,700 (2022) does not reach the target 8,500"
    )


def test_goal_reached_or_not_yet_due(plan: Path) -> None:
    _append_value(plan, 2022, 8400)
    assert of_kind(plan, Kind.GOAL, date(2023, 1, 15)) == []
    assert of_kind(plan, Kind.GOAL, date(2022, 6, 1)) == []


def test_goal_due_soon_and_delmal(plan: Path) -> None:
    edit(
        plan / "mal.yaml",
        "        aktiviteter: [vandringar]\n",
        "        aktiviteter: [vandringar]\n        delmål:\n"
        "          - id: delmal-2021\n            text: Minska brotten första året.\n"
        "            typ: effektmål\n            nyckeltal: anmalda-brott\n"
        "            utgångsläge: {värde: 9000, period: 2020}\n"
        "            målvärde: {värde: 8800, period: 2021}\n"
        "            senast: 2021-12-31\n",
    )
    items = of_kind(plan, Kind.GOAL, date(2021, 12, 10))
    assert summary(items) == [("TRY403", "delmal-2021", "due-soon", "2021-12-31")]
    assert items[0].line == 22
    assert message(items[0]).startswith(
        "Delmålet ”Minska brotten första året” ska vara nått 31 december 2021"
    )


def test_goal_without_an_indicator_is_not_judged(plan: Path) -> None:
    edit(plan / "mal.yaml", "        nyckeltal: anmalda-brott\n", "")
    assert of_kind(plan, Kind.GOAL, date(2023, 1, 15)) == []


# --- steering documents ------------------------------------------------------------------


def test_document_expires_with_its_period(plan: Path) -> None:
    soon = of_kind(plan, Kind.DOCUMENT, date(2021, 12, 15))
    assert summary(soon) == [("TRY405", "medborgarlofte.expiry", "due-soon", "2021-12-31")]
    assert soon[0].line == 9
    assert message(soon[0]) == (
        "Medborgarlöftet ”Medborgarlöfte 2021” gäller till och med 31 december 2021 enligt planen, "
        "och inget nyare dokument av typen medborgarlöfte har antagits"
    )
    late = of_kind(plan, Kind.DOCUMENT, date(2022, 1, 5))
    assert summary(late) == [("TRY405", "medborgarlofte.expiry", "overdue", "2021-12-31")]
    assert message(late[0], "en").startswith(
        "The citizen promise “Medborgarlöfte 2021” was valid until 31 December 2021"
    )


def test_a_newer_document_of_the_same_kind_replaces_it(plan: Path) -> None:
    with (plan / "styrdokument.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "  - id: medborgarlofte-2022\n    typ: medborgarlöfte\n    titel: Medborgarlöfte 2022\n"
            "    antaget: 2021-12-14\n    gäller_från: 2022-01-01\n    gäller_till: 2022-12-31\n"
        )
    assert of_kind(plan, Kind.DOCUMENT, date(2022, 1, 5)) == []
    before = of_kind(plan, Kind.DOCUMENT, date(2021, 12, 10))
    assert [d.key for d in before] == ["medborgarlofte.expiry"]


def test_a_medborgarlofte_without_dates_gets_trygg_s_recommendation(plan: Path) -> None:
    edit(plan / "styrdokument.yaml", "    gäller_till: 2021-12-31\n    revideras: varje år\n", "")
    items = of_kind(plan, Kind.DOCUMENT, date(2022, 1, 20))
    assert summary(items) == [("TRY413", "medborgarlofte.review", "due-soon", "2022-02-01")]
    assert items[0].line == 6  # antaget: the date the renewal counts from
    assert message(items[0]) == (
        "Medborgarlöftet ”Medborgarlöfte 2021” antogs 1 februari 2021, och planen säger inte "
        "när dokumentet ska revideras eller hur länge det gäller; trygg rekommenderar att det "
        "förnyas senast 1 februari 2022 "
        "(medborgarlöften förnyas i regel varje år)"
    )
    late = of_kind(plan, Kind.DOCUMENT, date(2022, 3, 1))
    assert late[0].status.value == "overdue" and late[0].diagnostic.level.value == "warning"


def test_review_by_revideras_from_antaget(plan: Path) -> None:
    with (plan / "styrdokument.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "  - id: plan\n    typ: plan\n    titel: Plan\n    antaget: 2020-11-23\n"
            "    gäller_till: 2023-12-31\n    revideras: varje år\n"
        )
    items = [
        d for d in of_kind(plan, Kind.DOCUMENT, date(2021, 12, 1)) if d.key.startswith("plan.")
    ]
    assert summary(items) == [("TRY404", "plan.review", "overdue", "2021-11-23")]
    assert items[0].line == 16
    assert message(items[0]) == (
        "Planen ”Plan” skulle ha reviderats senast 23 november 2021; planen säger att "
        "dokumentet ska revideras varje år, räknat från 23 november 2020"
    )
    edit(plan / "styrdokument.yaml", "antaget: 2020-11-23", "antaget: 2021-11-20")
    assert [
        d.key for d in of_kind(plan, Kind.DOCUMENT, date(2021, 12, 1)) if d.key.startswith("plan.")
    ] == []


def test_review_after_the_end_of_the_period_is_left_to_the_expiry(plan: Path) -> None:
    # antaget 2021-02-01 + varje år = 2022-02-01, after gäller_till 2021-12-31
    assert [d.key for d in of_kind(plan, Kind.DOCUMENT, date(2022, 1, 20), within=60)] == [
        "medborgarlofte.expiry"
    ]


def test_a_review_in_the_last_quarter_before_the_end_is_left_to_the_expiry(plan: Path) -> None:
    """A yearly promise adopted 14 December for the next calendar year: one renewal, not two
    items a fortnight apart (the review on 14 December and the end on 31 December)."""
    edit(plan / "styrdokument.yaml", "antaget: 2021-02-01", "antaget: 2020-12-14")
    edit(plan / "styrdokument.yaml", "gäller_från: 2021-02-01", "gäller_från: 2021-01-01")
    keys = [d.key for d in of_kind(plan, Kind.DOCUMENT, date(2022, 1, 20), within=60)]
    assert keys == ["medborgarlofte.expiry"]
    # A review well before the end is a deadline of its own.
    edit(plan / "styrdokument.yaml", "revideras: varje år", "revideras: varje halvår")
    keys = [d.key for d in of_kind(plan, Kind.DOCUMENT, date(2021, 6, 1), within=60)]
    assert keys == ["medborgarlofte.review"]


def test_a_document_adopted_after_the_day_does_not_exist_yet(plan: Path) -> None:
    edit(plan / "styrdokument.yaml", "antaget: 2021-02-01", "antaget: 2022-01-02")
    edit(plan / "styrdokument.yaml", "gäller_från: 2021-02-01", "gäller_från: 2022-01-02")
    edit(plan / "styrdokument.yaml", "gäller_till: 2021-12-31", "gäller_till: 2022-12-31")
    assert of_kind(plan, Kind.DOCUMENT, date(2021, 12, 31), within=365) == []
