"""Properties of ``trygg deadlines`` on any day: statuses agree with dates, order, stable keys."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES, FIXTURES
from trygghet_cli.followup.base import Deadline, Kind, Status, Window
from trygghet_cli.followup.deadlines import follow_up, plan_deadlines
from trygghet_cli.followup.state import add_interval, expected_occasions, occasion_due
from trygghet_cli.loading.plan import LoadedPlan, read_plan
from trygghet_cli.model.cadence import parse_cadence
from trygghet_cli.wording import date_label

PLANS = sorted([FIXTURES / "minimal", *(p.parent for p in EXAMPLES.glob("*/kommun.yaml"))])


@cache
def _loaded(index: int) -> LoadedPlan:
    return read_plan(PLANS[index])


days = st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31))


@settings(max_examples=60, deadline=None)
@given(
    index=st.integers(min_value=0, max_value=len(PLANS) - 1),
    as_of=days,
    within=st.integers(min_value=0, max_value=400),
)
@example(index=0, as_of=date(2023, 7, 1), within=0)
def test_status_agrees_with_date_and_order(index: int, as_of: date, within: int) -> None:
    window = Window(as_of, within)
    items = plan_deadlines(_loaded(index), window)
    for item in items:
        # the act asks for its obligations *from* a day (1 July 2023): missing on that day is
        # already late (tests/test_deadlines_law.py, test_missing_after_the_act)
        late = item.date <= as_of if item.kind is Kind.LAW else item.date < as_of
        if item.status is Status.OVERDUE:
            assert late, item
        else:
            assert not late and item.date <= window.end, item
        if item.rule == "TRY413":  # trygg's recommendation: a warning whatever its date
            assert item.diagnostic.level.value == "warning"
        else:
            assert item.diagnostic.level is item.status.severity
    assert items == sorted(items, key=Deadline.sort_key)
    keys = [(d.kind, d.key) for d in items]
    assert len(keys) == len(set(keys)), "one deadline per thing"
    assert plan_deadlines(_loaded(index), window) == items


@settings(max_examples=60, deadline=None)
@given(
    index=st.integers(min_value=0, max_value=len(PLANS) - 1),
    as_of=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    within=st.integers(min_value=0, max_value=400),
)
def test_a_law_deadline_is_overdue_exactly_when_its_obligation_is_unmet(
    index: int, as_of: date, within: int
) -> None:
    """The obligations' states (the overview's columns) and the deadlines (``trygg
    deadlines``, the brief) are one judgement: the act's deadline is overdue exactly when an
    obligation it applies to is missing or not decided by the kommun, and an outdated one has
    its document's own deadline (the plan's, or trygg's recommendation), never the act's."""
    found = follow_up(_loaded(index), Window(as_of, within))
    assert [o.key for o in found.obligations][:2] == ["lagesbild", "atgardsplan"]
    overdue = {d.key for d in found.overdue if d.kind is Kind.LAW}
    absent = {
        o.key for o in found.obligations if o.required and o.state.value in ("missing", "undecided")
    }
    assert overdue == absent
    late = {d.key.split(".")[0] for d in found.overdue if d.kind is Kind.DOCUMENT}
    for o in found.obligations:
        if o.state.value == "outdated":
            assert o.document in late, o
    for o in found.obligations:
        assert o.required == (o.required_from <= as_of)


@settings(max_examples=60, deadline=None)
@given(
    as_of=days,
    narrow=st.integers(min_value=0, max_value=100),
    extra=st.integers(min_value=0, max_value=300),
)
def test_a_wider_window_only_adds(as_of: date, narrow: int, extra: int) -> None:
    loaded = _loaded(PLANS.index(FIXTURES / "minimal"))
    small = plan_deadlines(loaded, Window(as_of, narrow))
    large = plan_deadlines(loaded, Window(as_of, narrow + extra))
    assert set(small) <= set(large)
    assert [d for d in small if d.status is Status.OVERDUE] == [
        d for d in large if d.status is Status.OVERDUE
    ]


PHRASES = [
    "6 gånger per år",
    "minst 4 gånger per år",
    "5 gånger per år",
    "11 gånger per år",
    "varannan vecka",
    "var tredje vecka",
    "varje månad",
    "var tredje månad",
    "varje år",
    "vartannat år",
    "cirka 6 gånger per år, även vid behov",
]


@given(phrase=st.sampled_from(PHRASES), day=days, n=st.integers(min_value=1, max_value=30))
def test_occasions_move_forward_by_about_the_interval(phrase: str, day: date, n: int) -> None:
    cadence = parse_cadence(phrase)
    interval = cadence.interval_days
    assert interval is not None
    following = add_interval(cadence, day)
    assert following is not None and following > day
    assert abs((following - day).days - interval) <= 3
    nth = occasion_due(cadence, day, n)
    assert nth is not None
    assert abs((nth - day).days + 1 - n * interval) <= 3  # the slot's last day
    following_slot = occasion_due(cadence, day, n + 1)
    assert following_slot is not None and following_slot > nth
    # the count asks for the n-th occasion from the day after its slot ends, not before
    if cadence.qualifier.value != "cirka":
        assert expected_occasions(cadence, day, nth) == n
        assert expected_occasions(cadence, day, nth - timedelta(days=1)) == n - 1


MONTH_ENDS = [date(2021, m + 1, 1) - timedelta(days=1) for m in range(1, 12)] + [date(2021, 12, 31)]


def test_one_date_per_item_and_overdue_only_once_it_has_passed() -> None:
    """Every example on every month's last day of 2021: an item's message names the item's own
    date, and an overdue item's date has passed (a shortfall is never dated in the future)."""
    for index, root in enumerate(PLANS):
        for as_of in MONTH_ENDS:
            for item in plan_deadlines(_loaded(index), Window(as_of, 92)):
                if item.kind is not Kind.LAW:
                    assert date_label(item.date, "sv") in item.message("sv"), (root.name, item)
                    assert date_label(item.date, "en") in item.message("en"), (root.name, item)
                if item.status is Status.OVERDUE:
                    assert item.date < as_of, (root.name, as_of, item)
                if item.rule in ("TRY406", "TRY408", "TRY410"):
                    assert item.status is Status.OVERDUE, (root.name, as_of, item)
