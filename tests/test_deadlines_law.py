"""Lag (2023:196): a current lägesbild, an åtgärdsplan decided by the kommun and a
samordningsfunktion, on days before and after 1 July 2023."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import edit
from tests.deadline_support import message, of_kind, summary
from trygghet_cli.followup.base import Kind, Window
from trygghet_cli.followup.deadlines import find_deadlines

PICTURE = """  - id: lagesbild
    typ: lägesbild
    titel: Lägesbild
    antaget: 2023-03-01
    antaget_av: [lokala-bra]
{extra}"""
ACTION_PLAN = """  - id: atgardsplan
    typ: åtgärdsplan
    titel: Åtgärdsplan
    antaget: 2023-05-10
    antaget_av: [{by}]
    gäller_till: 2026-12-31
"""


def _document(plan: Path, text: str) -> None:
    with (plan / "styrdokument.yaml").open("a", encoding="utf-8") as f:
        f.write(text)


def _compliant(plan: Path, picture_extra: str = "    revideras: varje år\n") -> None:
    _document(plan, PICTURE.format(extra=picture_extra))
    _document(plan, ACTION_PLAN.format(by="kommunstyrelsen"))


def _rules(plan: Path, day: date, within: int = 30) -> list[str]:
    return [d.rule for d in of_kind(plan, Kind.LAW, day, within)]


@pytest.mark.parametrize("day", [date(2021, 6, 30), date(2023, 5, 31), date(2023, 6, 30)])
def test_nothing_before_the_act_is_in_force(plan: Path, day: date) -> None:
    assert _rules(plan, day, within=0) == []


def test_due_soon_just_before_the_act(plan: Path) -> None:
    items = of_kind(plan, Kind.LAW, date(2023, 6, 15))
    assert summary(items) == [
        ("TRY420", "lagesbild", "due-soon", "2023-07-01"),
        ("TRY421", "atgardsplan", "due-soon", "2023-07-01"),
    ]
    assert message(items[0]) == (
        "Lag (2023:196) kräver en aktuell lägesbild från 1 juli 2023: planen har ingen "
        "(typ: lägesbild i styrdokument.yaml)"
    )
    assert items[0].file.endswith("styrdokument.yaml") and items[0].line == 2


def test_missing_after_the_act(plan: Path) -> None:
    items = of_kind(plan, Kind.LAW, date(2023, 7, 1))
    assert summary(items) == [
        ("TRY420", "lagesbild", "overdue", "2023-07-01"),
        ("TRY421", "atgardsplan", "overdue", "2023-07-01"),
    ]
    assert message(items[1]) == (
        "Lag (2023:196) kräver en åtgärdsplan som kommunen har beslutat sedan 1 juli 2023: "
        "planen har ingen (typ: åtgärdsplan i styrdokument.yaml)"
    )
    assert message(items[0], "en") == (
        "Act 2023:196 requires a current situation picture (lägesbild) since 1 July 2023: the "
        "plan has none (typ: lägesbild in styrdokument.yaml)"
    )


def test_a_plan_dated_before_the_act_is_judged_on_the_as_of_day(plan: Path) -> None:
    with (plan / "kommun.yaml").open("a", encoding="utf-8") as f:
        f.write("planen_gäller_från: 2021-01-01\n")
    assert _rules(plan, date(2023, 5, 1)) == []
    assert _rules(plan, date(2023, 8, 1)) == ["TRY420", "TRY421"]


def test_a_plan_dated_after_the_act_is_judged_from_its_date(plan: Path) -> None:
    with (plan / "kommun.yaml").open("a", encoding="utf-8") as f:
        f.write("planen_gäller_från: 2024-01-01\n")
    assert _rules(plan, date(2023, 8, 1)) == []
    soon = of_kind(plan, Kind.LAW, date(2023, 12, 15))
    assert summary(soon)[0] == ("TRY420", "lagesbild", "due-soon", "2024-01-01")
    assert "från 1 januari 2024" in message(soon[0])
    late = of_kind(plan, Kind.LAW, date(2024, 1, 2))
    assert "sedan 1 januari 2024" in message(late[0])


def test_current_documents_satisfy_the_act(plan: Path) -> None:
    _compliant(plan)
    assert _rules(plan, date(2023, 8, 1)) == []


def test_a_lagesbild_is_stale_after_revideras(plan: Path) -> None:
    _compliant(plan)
    items = of_kind(plan, Kind.LAW, date(2024, 3, 5))
    assert summary(items) == [("TRY420", "lagesbild", "overdue", "2024-03-01")]
    assert items[0].line == 16  # revideras
    assert message(items[0]) == (
        "Lag (2023:196) kräver en aktuell lägesbild sedan 1 juli 2023: 'lagesbild' togs fram "
        "1 mars 2023 och skulle ha uppdaterats senast 1 mars 2024 (varje år)"
    )
    soon = of_kind(plan, Kind.LAW, date(2024, 2, 10))
    assert summary(soon) == [("TRY420", "lagesbild", "due-soon", "2024-03-01")]
    assert "och ska uppdateras senast 1 mars 2024" in message(soon[0])


def test_a_lagesbild_without_revideras_is_stale_after_a_year(plan: Path) -> None:
    _compliant(plan, picture_extra="")
    items = of_kind(plan, Kind.LAW, date(2024, 3, 5))
    assert summary(items) == [("TRY420", "lagesbild", "overdue", "2024-03-01")]
    assert message(items[0]).endswith("(ett år, trygg:s standard)")
    assert message(items[0], "en").endswith("(a year, trygg's default)")


def test_a_lagesbild_ends_with_galler_till(plan: Path) -> None:
    _compliant(plan, picture_extra="    gäller_till: 2023-12-31\n")
    items = of_kind(plan, Kind.LAW, date(2024, 1, 5))
    assert summary(items) == [("TRY420", "lagesbild", "overdue", "2023-12-31")]
    assert message(items[0]).endswith(": 'lagesbild' gällde till och med 31 december 2023")
    # the law's finding replaces the document's own expiry
    documents = [d.key for d in of_kind(plan, Kind.DOCUMENT, date(2024, 1, 5))]
    assert "medborgarlofte.expiry" in documents
    assert "lagesbild.expiry" not in documents


def test_a_lagesbild_stale_before_the_act_is_missing_from_its_first_day(plan: Path) -> None:
    _document(
        plan,
        PICTURE.format(extra="    gäller_till: 2021-12-31\n").replace("2023-03-01", "2021-01-20"),
    )
    _document(plan, ACTION_PLAN.format(by="kommunstyrelsen"))
    items = of_kind(plan, Kind.LAW, date(2023, 7, 10))
    assert summary(items) == [("TRY420", "lagesbild", "overdue", "2023-07-01")]
    assert message(items[0]).endswith("'lagesbild' gällde till och med 31 december 2021")


def test_an_undated_lagesbild_has_no_known_age(plan: Path) -> None:
    _document(plan, "  - id: lagesbild\n    typ: lägesbild\n    titel: Lägesbild\n")
    _document(plan, ACTION_PLAN.format(by="kommunstyrelsen"))
    items = of_kind(plan, Kind.LAW, date(2023, 8, 1))
    assert message(items[0]).endswith(": 'lagesbild' saknar datum ('antaget')")


def test_an_action_plan_must_be_decided_by_the_kommun(plan: Path) -> None:
    _document(plan, PICTURE.format(extra=""))
    _document(plan, ACTION_PLAN.format(by="lokala-bra"))
    items = of_kind(plan, Kind.LAW, date(2023, 8, 1))
    assert summary(items) == [("TRY421", "atgardsplan", "overdue", "2023-07-01")]
    assert items[0].line == 20  # antaget_av
    assert message(items[0]) == (
        "Lag (2023:196) kräver en åtgärdsplan som kommunen har beslutat sedan 1 juli 2023: "
        "'atgardsplan' är antagen av Lokala BRÅ, inte av fullmäktige eller en nämnd i kommunen"
    )
    sv, en = items[0].diagnostic.hint("sv"), items[0].diagnostic.hint("en")
    assert (
        sv is not None and "kommunfullmäktige (typ: fullmäktige) eller en nämnd (typ: nämnd)" in sv
    )
    assert (
        en is not None and "kommunfullmäktige (typ: fullmäktige), or a committee (typ: nämnd)" in en
    )


def test_an_action_plan_decided_by_fullmaktige_is_the_kommun_s(plan: Path) -> None:
    with (plan / "organisation.yaml").open("a", encoding="utf-8") as f:
        f.write("  - id: kf\n    namn: Kommunfullmäktige\n    typ: fullmäktige\n")
    _document(plan, PICTURE.format(extra="    revideras: varje år\n"))
    _document(plan, ACTION_PLAN.format(by="kf"))
    assert _rules(plan, date(2023, 8, 1)) == []


def test_an_action_plan_without_antaget_av(plan: Path) -> None:
    _document(plan, PICTURE.format(extra=""))
    _document(plan, ACTION_PLAN.format(by="").replace("    antaget_av: []\n", ""))
    items = of_kind(plan, Kind.LAW, date(2023, 8, 1))
    assert message(items[0]).endswith("'atgardsplan' anger inte vem som antog den ('antaget_av')")


def test_an_action_plan_decided_by_the_kommun_goes_stale_at_its_end(plan: Path) -> None:
    _compliant(plan)
    items = of_kind(plan, Kind.LAW, date(2027, 1, 5))
    assert ("TRY421", "atgardsplan", "overdue", "2026-12-31") in summary(items)


def test_a_samordningsfunktion_with_no_coordinators(plan: Path) -> None:
    _compliant(plan)
    edit(
        plan / "organisation.yaml",
        "  samordnare:\n    - roll: samordnare\n      tjänstgöringsgrad: 50\n",
        "",
    )
    items = of_kind(plan, Kind.LAW, date(2023, 8, 1))
    assert summary(items) == [("TRY422", "samordningsfunktion", "overdue", "2023-07-01")]
    assert items[0].file.endswith("organisation.yaml") and items[0].line == 9
    assert message(items[0]) == (
        "Lag (2023:196) kräver en samordningsfunktion sedan 1 juli 2023: 'samordning' i "
        "organisation.yaml anger inga samordnare"
    )


def test_a_samordningsfunktion_set_up_later(plan: Path) -> None:
    _compliant(plan)
    edit(
        plan / "organisation.yaml",
        "  kommunpolis: [kommunpolis]\n",
        "  kommunpolis: [kommunpolis]\n  inrättad: 2024-01-01\n",
    )
    items = of_kind(plan, Kind.LAW, date(2023, 8, 1))
    assert summary(items) == [("TRY422", "samordningsfunktion", "overdue", "2023-07-01")]
    assert message(items[0]).endswith(": den inrättas först 1 januari 2024")
    assert _rules(plan, date(2024, 1, 2)) == []


def test_an_unreadable_organisation_does_not_make_the_kommun_s_decision_someone_else_s(
    plan: Path,
) -> None:
    """With organisation.yaml in error, trygg cannot tell who kommunstyrelsen is: the plan's
    error is reported by validate, and no law finding claims the kommun did not decide it."""
    _compliant(plan)
    edit(plan / "organisation.yaml", "samordning:", "samordnin:")
    result = find_deadlines([plan], Window(date(2023, 8, 1), 30))
    assert "TRY102" in [d.rule for d in result.diagnostics]  # samordning is missing
    assert [d.rule for d in result.deadlines if d.kind is Kind.LAW] == []
    # the action plan still goes stale by its own dates
    late = find_deadlines([plan], Window(date(2027, 1, 5), 30)).deadlines
    assert ("TRY421", "atgardsplan", "overdue", "2026-12-31") in summary(
        [d for d in late if d.kind is Kind.LAW]
    )


def test_a_due_soon_renewal_after_the_act_says_since(plan: Path) -> None:
    _compliant(plan)
    soon = of_kind(plan, Kind.LAW, date(2024, 2, 10))
    assert summary(soon) == [("TRY420", "lagesbild", "due-soon", "2024-03-01")]
    assert message(soon[0]).startswith(
        "Lag (2023:196) kräver en aktuell lägesbild sedan 1 juli 2023: 'lagesbild' togs fram"
    )
    assert "since 1 July 2023" in message(soon[0], "en")


# --- the obligations' state on the day, beside the deadlines ---------------------------------


def _states(plan: Path, day: date) -> dict[str, tuple[str, bool]]:
    result = find_deadlines([plan], Window(day, 30), keep_followup=True)
    [found] = result.plans
    assert found.followup is not None
    return {o.key: (o.state.value, o.required) for o in found.followup.obligations}


def test_obligations_missing_before_and_after_the_act(plan: Path) -> None:
    assert _states(plan, date(2021, 6, 30)) == {
        "lagesbild": ("missing", False),
        "atgardsplan": ("missing", False),
        "samordningsfunktion": ("current", False),
    }
    assert _states(plan, date(2023, 7, 1)) == {
        "lagesbild": ("missing", True),
        "atgardsplan": ("missing", True),
        "samordningsfunktion": ("current", True),
    }


def test_obligations_current_then_outdated_by_the_plan_s_own_interval(plan: Path) -> None:
    _compliant(plan)
    assert _states(plan, date(2023, 8, 1)) == {
        "lagesbild": ("current", True),
        "atgardsplan": ("current", True),
        "samordningsfunktion": ("current", True),
    }
    # revideras: varje år from 1 March 2023: current up to that day, outdated the day after
    assert _states(plan, date(2024, 3, 1))["lagesbild"] == ("current", True)
    assert _states(plan, date(2024, 3, 2))["lagesbild"] == ("outdated", True)
    [found] = find_deadlines([plan], Window(date(2024, 3, 2), 30), keep_followup=True).plans
    assert found.followup is not None
    [picture] = [o for o in found.followup.obligations if o.key == "lagesbild"]
    assert (picture.document, picture.current_until) == ("lagesbild", date(2024, 3, 1))


def test_an_action_plan_not_decided_by_the_kommun_is_not_the_act_s(plan: Path) -> None:
    _document(plan, PICTURE.format(extra=""))
    _document(plan, ACTION_PLAN.format(by="lokala-bra"))
    assert _states(plan, date(2023, 8, 1))["atgardsplan"] == ("undecided", True)


def test_a_samordningsfunktion_without_coordinators_is_missing(plan: Path) -> None:
    edit(
        plan / "organisation.yaml",
        "  samordnare:\n    - roll: samordnare\n      tjänstgöringsgrad: 50\n",
        "",
    )
    assert _states(plan, date(2023, 8, 1))["samordningsfunktion"] == ("missing", True)


@pytest.mark.parametrize(
    "day", [date(2023, 6, 30), date(2023, 7, 1), date(2024, 3, 1), date(2024, 3, 2)]
)
def test_a_law_deadline_is_overdue_exactly_when_its_obligation_is_not_met(
    plan: Path, day: date
) -> None:
    _compliant(plan)
    [found] = find_deadlines([plan], Window(day, 30), keep_followup=True).plans
    assert found.followup is not None
    overdue = {d.key for d in found.followup.overdue if d.kind is Kind.LAW}
    unmet = {o.key for o in found.followup.obligations if o.required and not o.met}
    assert overdue == unmet
