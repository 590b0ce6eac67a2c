"""The county's and the country's view: many plans, one row per kommun (or stadsdel).

Paths in, an :class:`Overview` out; prints nothing. Each plan is checked and followed up as of
one day, and only a small summary of it is kept (:class:`PlanOverview`: counts, states, dates
and the figures of its indicators), so memory holds one plan at a time however many there
are; with many files the plans are shared out over worker processes that send back their
summaries (:func:`~trygghet_cli.checks.batch.validate_paths` with a digest).

Every figure is read from the follow-up that ``trygg deadlines`` and the brief word
(:func:`~trygghet_cli.followup.deadlines.follow_up`): the obligations of Lag (2023:196), each
body's meetings against its cadence, what is overdue. The indicators are compared with the
national figures as the brief compares them, with the values known on the day. Nothing is
counted a second time here. The tables across plans (totals per county, per body type,
indicators by kommun and year) are made from these summaries in
:mod:`trygghet_cli.analysis.overview_tables`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from trygghet_cli.analysis.comparison import Comparison, DifferenceKind, Verdict, comparison_rows
from trygghet_cli.analysis.comparison import comparisons as compare
from trygghet_cli.checks.batch import validate_paths
from trygghet_cli.checks.runner import DEFAULT_OPTIONS, Options, PlanResult
from trygghet_cli.diagnostics import Diagnostic, Severity
from trygghet_cli.followup.base import Kind, Status, Window
from trygghet_cli.followup.crime_prevention_act import Obligation
from trygghet_cli.followup.deadlines import PlanFollowUp, follow_up
from trygghet_cli.loading.kommuner import kommun_register
from trygghet_cli.loading.national import national_data
from trygghet_cli.loading.plan import display_path
from trygghet_cli.model.indicators import Better, Unit
from trygghet_cli.model.periods import PeriodKind
from trygghet_cli.model.plan import Plan
from trygghet_cli.wording import cadence_text


class DutyState:
    """How a recurring duty stands on the day, as ``trygg deadlines`` reports it."""

    OK = "ok"
    DUE_SOON = Status.DUE_SOON.value
    OVERDUE = Status.OVERDUE.value


@dataclass(frozen=True)
class BodyMeetings:
    """One body's meetings against its cadence on the day (the follow-up's account)."""

    id: str
    name: str
    kind: str
    """The body's ``typ`` (``est_grupp``, ``lokalt_brå`` …)."""
    cadence: str
    cadence_en: str
    held: int
    required: int
    since: date
    """Held and required are counted from this day (the open account's start)."""
    missing: int
    last: date | None
    state: str
    """``ok``, ``due-soon`` or ``overdue`` (:class:`DutyState`)."""
    due: date | None
    """The day of its deadline, when late or due within the window."""


@dataclass(frozen=True)
class YearValue:
    period: str
    year: int | None
    """The year, for a value of a whole year."""
    value: float
    national: float | None


@dataclass(frozen=True)
class IndicatorFigure:
    """An indicator's latest value against the country's (the comparison the brief shows)."""

    series: str
    series_name: str
    indicator: str
    indicator_name: str
    unit: Unit
    better: Better
    period: str
    value: float
    national: float | None
    difference: float | None
    """Rounded to two decimals: percentage points for a share, relative per cent else."""
    difference_kind: DifferenceKind
    verdict: Verdict | None
    values: tuple[YearValue, ...]
    """Every value of the geography compared, in period order (the trend)."""


@dataclass(frozen=True)
class PlanOverview:
    """One plan as of the day, in a few hundred bytes: what the overview's row shows."""

    path: str
    name: str
    kommunkod: str
    kommun: str
    district: str
    county_code: str
    county: str
    errors: int
    warnings: int
    as_of: date
    obligations: tuple[Obligation, ...] = ()
    bodies: tuple[BodyMeetings, ...] = ()
    overdue: tuple[tuple[str, int], ...] = ()
    """Overdue deadlines by kind (``action``, ``report``, ``goal`` …), kinds with none left out."""
    due_soon: int = 0
    last_meeting: date | None = None
    indicators: tuple[IndicatorFigure, ...] = ()

    def overdue_of(self, kind: Kind) -> int:
        return dict(self.overdue).get(kind.value, 0)

    @property
    def overdue_total(self) -> int:
        return sum(n for _, n in self.overdue)

    def obligation(self, key: str) -> Obligation | None:
        return next((o for o in self.obligations if o.key == key), None)

    @property
    def bodies_late(self) -> int:
        return sum(1 for b in self.bodies if b.state == DutyState.OVERDUE)


def county_of(kommunkod: str) -> tuple[str, str]:
    """The county's code and name for a kommunkod (its first two digits, SCB's rule), from
    the kommun register."""
    found = kommun_register().county(kommunkod[:2])
    return found if found is not None else ("", "")


def plan_overview(result: PlanResult, window: Window) -> PlanOverview:
    """One checked plan summarised as of the window's day (run in a worker process)."""
    loaded = result.loaded
    plan = loaded.plan
    found = follow_up(loaded, window)
    municipality = plan.municipality
    kommunkod = municipality.kommunkod if municipality is not None else ""
    code, county = county_of(kommunkod)
    if municipality is not None and not county:
        county = municipality.county
    errors = sum(1 for d in result.diagnostics if d.level is Severity.ERROR)
    warnings = sum(1 for d in result.diagnostics if d.level is Severity.WARNING)
    overdue = Counter(d.kind.value for d in found.overdue)
    meetings = [r.meeting.date for r in plan.meetings if r.meeting.date <= window.as_of]
    return PlanOverview(
        path=display_path(loaded.root),
        name=plan.name,
        kommunkod=kommunkod,
        kommun=municipality.name if municipality is not None else plan.name,
        district=(municipality.district or "") if municipality is not None else "",
        county_code=code,
        county=county,
        errors=errors,
        warnings=warnings,
        as_of=window.as_of,
        obligations=found.obligations,
        bodies=tuple(_bodies(plan, found)),
        overdue=tuple(sorted(overdue.items(), key=lambda kv: _KIND_ORDER[kv[0]])),
        due_soon=sum(1 for d in found.deadlines if d.status is Status.DUE_SOON),
        last_meeting=max(meetings, default=None),
        indicators=tuple(_figure(c) for c in _comparisons(plan, window.as_of)),
    )


_KIND_ORDER = {kind.value: i for i, kind in enumerate(Kind)}


def _bodies(plan: Plan, found: PlanFollowUp) -> Iterable[BodyMeetings]:
    bodies = plan.bodies()
    for duty in found.duties:
        if duty.kind is not Kind.MEETING:
            continue
        acc = duty.account
        body = bodies.get(duty.key)
        if body is not None and body.start is not None and body.start > found.as_of:
            continue  # not begun: its first meeting is among the deadlines, as in the brief
        deadline = duty.deadline
        state = deadline.status.value if deadline is not None else DutyState.OK
        yield BodyMeetings(
            id=duty.key,
            name=duty.name,
            kind=body.kind.value if body is not None else "",
            cadence=cadence_text(acc.cadence).sv,
            cadence_en=cadence_text(acc.cadence).en,
            held=acc.held,
            required=acc.required,
            since=acc.since,
            missing=acc.missing,
            last=acc.last,
            state=state,
            due=deadline.date if deadline is not None else None,
        )


def _comparisons(plan: Plan, as_of: date) -> list[Comparison]:
    """The plan's indicators against the country, as the brief compares them on the day."""
    return compare(comparison_rows([plan], national_data(), until=as_of))


def _figure(c: Comparison) -> IndicatorFigure:
    from trygghet_cli.rounding import rounded

    difference = None
    if c.difference is not None and not c.difference.is_nan():
        difference = float(rounded(c.difference, 2))
    return IndicatorFigure(
        series=c.series,
        series_name=c.series_name,
        indicator=c.indicator,
        indicator_name=c.indicator_name,
        unit=c.unit,
        better=c.better,
        period=str(c.period),
        value=c.value,
        national=c.national,
        difference=difference,
        difference_kind=c.kind,
        verdict=c.verdict,
        values=tuple(
            YearValue(
                str(p.period),
                p.period.year if p.period.kind is PeriodKind.YEAR else None,
                p.value,
                p.national,
            )
            for p in c.points
        ),
    )


@dataclass
class Overview:
    window: Window
    plans: list[PlanOverview] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Problems in finding the plans (a folder without a plan)."""
    missing: list[str] = field(default_factory=list)
    county: str | None = None
    """The county code the overview is limited to (``--lan``)."""
    left_out: int = 0
    """Plans found outside that county."""

    @property
    def as_of(self) -> date:
        return self.window.as_of


def overview_paths(
    paths: Iterable[Path],
    window: Window,
    *,
    county: str | None = None,
    options: Options = DEFAULT_OPTIONS,
    jobs: int | None = None,
) -> Overview:
    """The overview of every plan that ``paths`` name or hold, as of the window's day; with
    ``county`` (a county code, ``14``), only the plans of that county's kommuner."""
    checked = validate_paths(
        paths, options=options, jobs=jobs, digest=partial(plan_overview, window=window)
    )
    result = Overview(window, missing=checked.missing, county=county)
    result.diagnostics = list(checked.discovery)
    for summary in checked.plans:
        item = summary.digest
        assert isinstance(item, PlanOverview)
        if county is not None and item.county_code != county:
            result.left_out += 1
            continue
        result.plans.append(item)
    result.plans.sort(key=lambda p: (p.county_code, p.kommunkod, p.district, p.path))
    return result
