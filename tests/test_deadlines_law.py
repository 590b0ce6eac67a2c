"""Lag (2023:196): a lägesbild, an åtgärdsplan decided by the kommun and a samordningsfunktion,
on days before and after 1 July 2023. The act sets no interval for updating them: a document
past the plan's own date has that date's deadline (TRY404, TRY405), and one without any gets
trygg's recommendation (TRY413, a warning), never a claim that the act requires it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import edit, write
from tests.deadline_support import message, of_kind, summary
from tests.plan_builder import body, make_plan
from trygghet_cli.followup.base import Deadline, Kind, Status, Window
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
        "Lag (2023:196) kräver en lägesbild från 1 juli 2023: planen har ingen bland sina "
        "styrdokument"
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
        "planen har ingen bland sina styrdokument"
    )
    assert message(items[0], "en") == (
        "Act 2023:196 requires a situation picture (lägesbild) since 1 July 2023: the "
        "plan has none among its governing documents"
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
    # the act has applied since 1 July 2023; trygg follows it up from the plan's start
    assert message(soon[0]) == (
        "Lag (2023:196) kräver en lägesbild sedan 1 juli 2023 (trygg följer upp kravet från "
        "planens start, 1 januari 2024): planen har ingen bland sina styrdokument"
    )
    late = of_kind(plan, Kind.LAW, date(2024, 1, 2))
    assert message(late[0]).startswith(
        "Lag (2023:196) kräver en lägesbild sedan 1 juli 2023 (trygg följer upp kravet från "
        "planens start, 1 januari 2024): "
    )
    assert message(late[1], "en").startswith(
        "Act 2023:196 requires an action plan (åtgärdsplan) decided by the kommun since "
        "1 July 2023 (trygg follows it up from the plan's start, 1 January 2024): "
    )
    assert "sedan 1 januari 2024" not in message(late[0])


def test_current_documents_satisfy_the_act(plan: Path) -> None:
    _compliant(plan)
    assert _rules(plan, date(2023, 8, 1)) == []


def _documents(plan: Path, day: date, within: int = 30) -> list[Deadline]:
    items = of_kind(plan, Kind.DOCUMENT, day, within)
    return [d for d in items if d.key.startswith(("lagesbild", "atgardsplan"))]


def test_a_lagesbild_past_its_own_revideras_is_the_plan_s_commitment(plan: Path) -> None:
    _compliant(plan)
    # revideras: varje år from antaget 1 March 2023: due 1 March 2024, by the plan's own word
    assert _rules(plan, date(2024, 3, 5)) == []
    items = _documents(plan, date(2024, 3, 5))
    assert summary(items) == [("TRY404", "lagesbild.review", "overdue", "2024-03-01")]
    assert items[0].line == 16  # revideras
    assert items[0].diagnostic.level.value == "error"
    assert message(items[0]) == (
        "Lägesbilden ”Lägesbild” skulle ha reviderats senast 1 mars 2024; planen säger att "
        "dokumentet ska revideras varje år, räknat från 1 mars 2023"
    )
    soon = _documents(plan, date(2024, 2, 10))
    assert summary(soon) == [("TRY404", "lagesbild.review", "due-soon", "2024-03-01")]


def test_a_lagesbild_without_revideras_gets_trygg_s_recommendation(plan: Path) -> None:
    _compliant(plan, picture_extra="")
    assert _rules(plan, date(2024, 3, 5)) == []
    items = _documents(plan, date(2024, 3, 5))
    assert summary(items) == [("TRY413", "lagesbild.review", "overdue", "2024-03-01")]
    assert items[0].diagnostic.level.value == "warning"  # trygg's, not the law's
    assert message(items[0]) == (
        "Lägesbilden ”Lägesbild” antogs 1 mars 2023, och planen säger inte när dokumentet ska "
        "revideras eller hur länge det gäller; trygg rekommenderar att den uppdateras senast "
        "1 mars 2024 (lag "
        "(2023:196) kräver en lägesbild men anger inget intervall för att uppdatera den)"
    )
    assert message(items[0], "en") == (
        "The situation picture “Lägesbild” was adopted on 1 March 2023, and the plan "
        "does not say when the document is to be reviewed or how long it is valid; trygg "
        "recommends that it is updated by 1 March 2024 "
        "(Act 2023:196 requires a situation picture but sets no interval for updating it)"
    )


def test_a_recommendation_does_not_fail_the_run(tmp_path: Path) -> None:
    plan = make_plan(tmp_path, [body("rad", "vid behov")], documents=False)
    write(
        plan / "styrdokument.yaml",
        "dokument:\n"
        "  - id: lagesbild\n    typ: lägesbild\n    titel: Lägesbild\n"
        "    antaget: 2023-07-01\n    antaget_av: [ks]\n"
        "  - id: atgardsplan\n    typ: åtgärdsplan\n    titel: Åtgärdsplan\n"
        "    antaget: 2023-07-01\n    antaget_av: [ks]\n    revideras: vart tredje år\n",
    )
    # a year after antaget (1 July 2024) trygg recommends an update: overdue, but a warning
    result = find_deadlines([plan], Window(date(2024, 8, 1), 0))
    assert summary(result.deadlines) == [("TRY413", "lagesbild.review", "overdue", "2024-07-01")]
    assert not result.failed(Status.OVERDUE)
    assert result.failed(Status.DUE_SOON)


def test_no_message_says_the_act_requires_an_update(plan: Path) -> None:
    for extra in ("", "    revideras: varje år\n", "    gäller_till: 2023-12-31\n"):
        root = plan.parent / f"p{len(extra)}"
        shutil.copytree(plan, root)
        _compliant(root, picture_extra=extra)
        for day in (date(2023, 8, 1), date(2024, 1, 5), date(2024, 3, 5), date(2025, 6, 1)):
            for d in find_deadlines([root], Window(day, 90)).deadlines:
                for lang in ("sv", "en"):
                    text = message(d, lang)
                    assert "aktuell" not in text and "current" not in text, text
                    if d.kind is not Kind.LAW:
                        assert not text.startswith(("Lag (2023:196) kräver", "Act 2023:196")), text


def test_a_lagesbild_ends_with_galler_till(plan: Path) -> None:
    _compliant(plan, picture_extra="    gäller_till: 2023-12-31\n")
    assert _rules(plan, date(2024, 1, 5)) == []
    items = _documents(plan, date(2024, 1, 5))
    assert summary(items) == [("TRY405", "lagesbild.expiry", "overdue", "2023-12-31")]
    assert message(items[0]) == (
        "Lägesbilden ”Lägesbild” gällde till och med 31 december 2023 enligt planen, och inget "
        "nyare dokument av typen lägesbild har antagits"
    )


def test_a_lagesbild_that_ended_before_the_act_is_present_but_ended(plan: Path) -> None:
    _document(
        plan,
        PICTURE.format(extra="    gäller_till: 2021-12-31\n").replace("2023-03-01", "2021-01-20"),
    )
    _document(plan, ACTION_PLAN.format(by="kommunstyrelsen"))
    assert _rules(plan, date(2023, 7, 10)) == []
    assert summary(_documents(plan, date(2023, 7, 10))) == [
        ("TRY405", "lagesbild.expiry", "overdue", "2021-12-31")
    ]


def test_an_undated_lagesbild_has_no_known_age(plan: Path) -> None:
    _document(plan, "  - id: lagesbild\n    typ: lägesbild\n    titel: Lägesbild\n")
    _document(plan, ACTION_PLAN.format(by="kommunstyrelsen"))
    assert _rules(plan, date(2023, 8, 1)) == []
    items = _documents(plan, date(2023, 8, 1))
    assert summary(items) == [("TRY413", "lagesbild.review", "overdue", "2023-07-01")]
    assert message(items[0]).startswith(
        "Lägesbilden ”Lägesbild” har inget datum för antagandet; trygg rekommenderar att "
        "datumet skrivs in"
    )


def test_an_action_plan_must_be_decided_by_the_kommun(plan: Path) -> None:
    _document(plan, PICTURE.format(extra=""))
    _document(plan, ACTION_PLAN.format(by="lokala-bra"))
    items = of_kind(plan, Kind.LAW, date(2023, 8, 1))
    assert summary(items) == [("TRY421", "atgardsplan", "overdue", "2023-07-01")]
    assert items[0].line == 20  # antaget_av
    assert message(items[0]) == (
        "Lag (2023:196) kräver en åtgärdsplan som kommunen har beslutat sedan 1 juli 2023: "
        "”Åtgärdsplan” är antagen av Lokala BRÅ, inte av fullmäktige eller en nämnd i kommunen"
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
    assert message(items[0]).endswith("”Åtgärdsplan” anger inte vem som antog den")
    hint = items[0].diagnostic.hint("sv")
    assert hint is not None and "'antaget_av'" in hint  # the field, for the coordinator


def test_an_action_plan_decided_by_the_kommun_ends_by_its_own_date(plan: Path) -> None:
    _compliant(plan)
    assert "TRY421" not in _rules(plan, date(2027, 1, 5))
    items = _documents(plan, date(2027, 1, 5))
    assert ("TRY405", "atgardsplan.expiry", "overdue", "2026-12-31") in summary(items)


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
        "Lag (2023:196) kräver en samordningsfunktion sedan 1 juli 2023: planen anger ingen "
        "samordnare"
    )
    hint = items[0].diagnostic.hint("sv")
    assert hint is not None and "'samordning' i organisation.yaml" in hint


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
    # the action plan still ends by its own dates
    late = find_deadlines([plan], Window(date(2027, 1, 5), 30)).deadlines
    assert ("TRY405", "atgardsplan.expiry", "overdue", "2026-12-31") in summary(late)


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
    absent = {
        o.key
        for o in found.followup.obligations
        if o.required and o.state.value in ("missing", "undecided")
    }
    assert overdue == absent
    # an outdated one has its document's own deadline, overdue
    late = [d for d in found.followup.overdue if d.kind is Kind.DOCUMENT]
    late_documents = {d.key.split(".")[0] for d in late}
    for o in found.followup.obligations:
        if o.state.value == "outdated":
            assert o.document in late_documents


def test_a_review_that_falls_in_the_plan_s_pause_is_due_the_day_after_it(plan: Path) -> None:
    """'revideras: varje år, uppehåll i mars' from antaget 1 March 2023: a year on, 1 March
    2024, lies in the pause, so the review is due on the first day after it, 1 April 2024
    (the rule a meeting's slot follows: a slot that ends in a pause is due the day after)."""
    _compliant(plan, picture_extra="    revideras: varje år, uppehåll i mars\n")
    assert _documents(plan, date(2024, 3, 5), within=0) == []
    items = _documents(plan, date(2024, 4, 2))
    assert summary(items) == [("TRY404", "lagesbild.review", "overdue", "2024-04-01")]
    assert message(items[0]) == (
        "Lägesbilden ”Lägesbild” skulle ha reviderats senast 1 april 2024; planen säger att "
        "dokumentet ska revideras varje år, uppehåll i mars, räknat från 1 mars 2023"
    )
