"""Checks that the plan's facts agree with each other: dates in order, SMART effect goals,
time-limited working groups, no body under itself, one value per period, meeting files named
for their date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from trygghet_cli.checks.context import Site
from trygghet_cli.checks.cycles import check_cycles
from trygghet_cli.diagnostics import Diagnostic
from trygghet_cli.i18n import Text
from trygghet_cli.loading.national import national_data
from trygghet_cli.loading.plan import LoadedPlan
from trygghet_cli.model.activities import Activities, ActivityStatus
from trygghet_cli.model.documents import Documents
from trygghet_cli.model.goals import GoalKind, Goals
from trygghet_cli.model.indicators import Better, Indicator, Indicators, Unit
from trygghet_cli.model.meetings import ActionStatus, Meeting
from trygghet_cli.model.municipality import Municipality
from trygghet_cli.model.organisation import Body, BodyKind, Organisation, ReportingLine
from trygghet_cli.wording import number_text

_FILE_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")

_MISSING_MUNICIPALITY: dict[str, tuple[str, Text]] = {
    "folkmängd": (
        "folkmängd: {antal: 13391, år: 2020}",
        Text(
            "SCB:s folkmängd behövs för nyckeltal per 100 000 invånare och jämförelser med riket",
            "SCB's population is needed for figures per 100 000 inhabitants and comparisons "
            "with the country",
        ),
    ),
    "polis": (
        "polis: {polisområde: Västmanland, lokalpolisområde: Norra Västmanland}",
        Text(
            "NTU redovisar utsatthet per polisområde och lokalpolisområde, så jämförelser "
            "behöver det",
            "NTU publishes exposure to crime per police area and local police area, so "
            "comparisons need it",
        ),
    ),
}


def check_consistency(loaded: LoadedPlan) -> list[Diagnostic]:
    """The findings of every file of the plan, file by file, each by its own kind's check."""
    plan = _Plan(
        bodies=loaded.plan.bodies(),
        indicators=loaded.plan.indicators_by_id(),
        reporting_lines={
            line.id: (body, line)
            for body in loaded.plan.bodies().values()
            for line in body.reporting
        },
    )
    found: list[Diagnostic] = []
    for file in loaded.files:
        model, root = file.model, Site(file, ())
        if isinstance(model, Municipality):
            found += _municipality(model, root)
        elif isinstance(model, Organisation):
            found += _organisation(model, root)
        elif isinstance(model, Documents):
            found += _documents(model, root)
        elif isinstance(model, Activities):
            found += _activities(model, root)
        elif isinstance(model, Goals):
            found += _goals(model, root, plan)
        elif isinstance(model, Indicators):
            found += _indicators(model, root)
        elif isinstance(model, Meeting):
            found += _meeting(model, root, plan)
    return found


@dataclass(frozen=True)
class _Plan:
    """What the checks of one file need from the others."""

    bodies: dict[str, Body]
    indicators: dict[str, Indicator]
    reporting_lines: dict[str, tuple[Body, ReportingLine]]


def _in_order(
    early: tuple[str, date | None],
    late: tuple[str, date | None],
    site: Site,
    hint: Text | None = None,
) -> list[Diagnostic]:
    """TRY203 when ``late`` comes before ``early`` (both present)."""
    (early_key, early_day), (late_key, late_day) = early, late
    if early_day is None or late_day is None or late_day >= early_day:
        return []
    return [
        site.child(late_key).diagnostic(
            "TRY203",
            key=late_key,
            value=late_day.isoformat(),
            other_key=early_key,
            other_value=early_day.isoformat(),
            hint=hint,
        )
    ]


def _municipality(municipality: Municipality, root: Site) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for key, given in (("folkmängd", municipality.population), ("polis", municipality.police)):
        if given is None:
            example, why = _MISSING_MUNICIPALITY[key]
            found.append(root.diagnostic("TRY111", key=key, example=example, why=why))
    return found


def _organisation(organisation: Organisation, root: Site) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for index, person in enumerate(organisation.coordination.coordinators):
        for key, share in (
            ("tjänstgöringsgrad", person.fte_percent),
            ("andel_brottsförebyggande", person.crime_prevention_percent),
        ):
            if share is not None and 0 < share <= 1:
                written = f"{share:g}"
                found.append(
                    root.child("samordning", "samordnare", index, key).diagnostic(
                        "TRY214",
                        key=key,
                        value=written,
                        share=number_text(share, len(f"{share:f}".rstrip("0").partition(".")[2])),
                        percent=f"{share * 100:g}",
                    )
                )
    for index, body in enumerate(organisation.bodies):
        site = root.child("organ", index)
        found += _in_order(("start", body.start), ("slut", body.end), site)
        if body.kind is BodyKind.WORKING_GROUP and body.end is None:
            found.append(site.child("id").diagnostic("TRY209", value=body.id))
    found += check_cycles(organisation, root)
    return found


def _documents(documents: Documents, root: Site) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for index, document in enumerate(documents.documents):
        site = root.child("dokument", index)
        found += _in_order(
            ("gäller_från", document.valid_from), ("gäller_till", document.valid_to), site
        )
        found += _in_order(("antaget", document.adopted), ("gäller_till", document.valid_to), site)
    return found


def _activities(activities: Activities, root: Site) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for index, activity in enumerate(activities.activities):
        site = root.child("aktiviteter", index)
        found += _in_order(("start", activity.start), ("klart_senast", activity.due), site)
        found += _in_order(("start", activity.start), ("klar_datum", activity.done_date), site)
        if activity.status is ActivityStatus.DONE and activity.done_date is None:
            found.append(
                site.child("status").diagnostic(
                    "TRY206", kind=Text("Aktiviteten", "The activity"), value=activity.id
                )
            )
    return found


def _goals(goals: Goals, root: Site, plan: _Plan) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for goal, path in goals.all_goals():
        site = Site(root.file, path)
        measured_by = plan.indicators.get(goal.indicator) if goal.indicator else None
        for key, measure in (("utgångsläge", goal.baseline), ("målvärde", goal.target)):
            if measured_by is not None and measure is not None:
                found += _impossible(measure.value, measured_by.unit, site.child(key))
        if (
            goal.baseline
            and goal.target
            and goal.baseline.period
            and goal.target.period
            and goal.target.period < goal.baseline.period
        ):
            found.append(
                site.child("målvärde", "period").diagnostic(
                    "TRY203",
                    key="målvärde.period",
                    value=str(goal.target.period),
                    other_key="utgångsläge.period",
                    other_value=str(goal.baseline.period),
                )
            )
        if goal.kind is GoalKind.EFFECT:
            missing = _smart_gaps(goal.indicator, goal.baseline, goal.target, goal.owner, goal.due)
            if missing:
                found.append(
                    site.child("id").diagnostic("TRY207", value=goal.id, missing=", ".join(missing))
                )
    return found


def _indicators(indicators: Indicators, root: Site) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    series = national_data().by_id()
    for index, indicator in enumerate(indicators.indicators):
        site = root.child("nyckeltal", index)
        reference = series.get(indicator.national) if indicator.national else None
        if reference is not None and not _comparable_units(indicator.unit, reference.unit):
            found.append(
                site.child("enhet").diagnostic(
                    "TRY213",
                    value=indicator.unit.value,
                    series=reference.id,
                    unit=reference.unit.value,
                )
            )
        if reference is not None and indicator.better is not reference.better:
            found.append(
                site.child("bättre").diagnostic(
                    "TRY215",
                    value=_BETTER_WORDS[indicator.better],
                    series=reference.id,
                    other=_BETTER_WORDS[reference.better],
                )
            )
        first_of: dict[tuple[str, str, str], Site] = {}
        for number, value in enumerate(indicator.values):
            at = site.child("värden", number)
            found += _impossible(value.value, indicator.unit, at)
            geography = value.geography
            key = (str(value.period), geography.level.value, geography.name or "")
            if key not in first_of:
                first_of[key] = at
                continue
            where = geography.level.value + (f" {geography.name}" if geography.name else "")
            found.append(
                at.child("period").diagnostic(
                    "TRY210",
                    period=str(value.period),
                    geography=where,
                    first=first_of[key].describe(),
                )
            )
    return found


def _meeting(meeting: Meeting, root: Site, plan: _Plan) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    day = meeting.date.isoformat()
    named = _FILE_DATE.match(root.file.path.name)
    if named and named[1] != day:
        found.append(
            root.child("datum").diagnostic(
                "TRY204", file_date=named[1], value=day, expected=f"{day}-{meeting.body}.yaml"
            )
        )
    held_by = plan.bodies.get(meeting.body)
    start, end = (held_by.start, held_by.end) if held_by else (None, None)
    if start and end and end < start:
        start = end = None  # an end before the start is TRY203's finding alone
    if held_by is not None and ((start and meeting.date < start) or (end and meeting.date > end)):
        found.append(
            root.child("datum").diagnostic(
                "TRY205",
                value=day,
                body=held_by.name,
                start=held_by.start.isoformat() if held_by.start else "…",
                end=held_by.end.isoformat() if held_by.end else "…",
            )
        )
    for index, line_id in enumerate(meeting.reports):
        sender, line = plan.reporting_lines.get(line_id, (None, None))
        if (
            sender is not None
            and line is not None
            and meeting.body in plan.bodies
            and meeting.body != sender.id
            and meeting.body not in line.to
        ):
            found.append(
                root.child("rapporter", index).diagnostic(
                    "TRY211",
                    value=line_id,
                    sender=sender.id,
                    recipients=", ".join(line.to),
                    body=meeting.body,
                )
            )
    for index, entry in enumerate(meeting.situation):
        if entry.week.monday > meeting.date:
            found.append(
                root.child("lägesbild", index, "vecka").diagnostic(
                    "TRY212", week=str(entry.week), value=day
                )
            )
    for index, action in enumerate(meeting.actions):
        site = root.child("åtgärder", index)
        created = action.created or meeting.date
        created_key = "skapad" if action.created else "datum"
        hint = None if action.created else _BEFORE_MEETING
        found += _in_order((created_key, created), ("senast", action.due), site, hint)
        found += _in_order((created_key, created), ("klar_datum", action.done_date), site, hint)
        if action.status is ActionStatus.DONE and action.done_date is None:
            found.append(
                site.child("status").diagnostic(
                    "TRY206", kind=Text("Åtgärden", "The action"), value=action.id
                )
            )
    return found


_BEFORE_MEETING = Text(
    "'datum' är datumet för mötet som beslutade åtgärden; en åtgärd kan inte ha sitt datum före "
    "mötet. Rätta datumet, eller ange 'skapad:' om åtgärden beslutades tidigare.",
    "'datum' is the date of the meeting that decided the action; an action cannot have its date "
    "before the meeting. Fix the date, or give 'skapad:' if the action was decided earlier.",
)


def _impossible(value: float, unit: Unit, site: Site) -> list[Diagnostic]:
    """A share outside 0–100 %, or a count or rate below zero (TRY216), at ``site``'s
    ``värde``."""
    if unit is Unit.PERCENT and not 0 <= value <= 100:
        problem = _OUTSIDE_SHARE
    elif (unit is Unit.COUNT or unit.is_rate) and value < 0:
        problem = _NEGATIVE[unit]
    else:
        return []
    return [
        site.child("värde").diagnostic(
            "TRY216", key="värde", value=f"{value:g}", problem=problem, unit=unit.value
        )
    ]


_OUTSIDE_SHARE = Text(
    "kan inte vara en andel i procent: en andel ligger mellan 0 och 100",
    "cannot be a share in per cent: a share lies between 0 and 100",
)
_NEGATIVE = {
    Unit.COUNT: Text(
        "kan inte vara ett antal: ett antal är aldrig mindre än noll",
        "cannot be a count: a count is never below zero",
    ),
    Unit.PER_1000: Text(
        "kan inte vara ett tal per 1 000 invånare: det är aldrig mindre än noll",
        "cannot be a rate per 1,000 inhabitants: it is never below zero",
    ),
    Unit.PER_100K: Text(
        "kan inte vara ett tal per 100 000 invånare: det är aldrig mindre än noll",
        "cannot be a rate per 100,000 inhabitants: it is never below zero",
    ),
}

_BETTER_WORDS = {Better.LOWER: Text("lägre", "lower"), Better.HIGHER: Text("högre", "higher")}


def _comparable_units(unit: Unit, other: Unit) -> bool:
    """Equal units, or two rates (per 1 000 and per 100 000 convert into each other)."""
    return unit == other or (unit.is_rate and other.is_rate)


def _smart_gaps(*parts: object) -> list[str]:
    names = ("nyckeltal", "utgångsläge", "målvärde", "ansvarig", "senast")
    return [name for name, part in zip(names, parts, strict=True) if part is None]
