"""Checks that the plan's facts agree with each other: dates in order, SMART effect goals,
time-limited working groups, one value per period, meeting files named for their date."""

from __future__ import annotations

import re
from datetime import date

from trygghet_cli.checks.context import Site
from trygghet_cli.diagnostics import Diagnostic
from trygghet_cli.i18n import Text
from trygghet_cli.loading.national import national_data
from trygghet_cli.loading.plan import LoadedPlan
from trygghet_cli.model.activities import Activities, ActivityStatus
from trygghet_cli.model.documents import Documents
from trygghet_cli.model.goals import GoalKind, Goals
from trygghet_cli.model.indicators import Better, Indicators, Unit
from trygghet_cli.model.meetings import ActionStatus, Meeting
from trygghet_cli.model.municipality import Municipality
from trygghet_cli.model.organisation import BodyKind, Organisation

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


def check_consistency(lp: LoadedPlan) -> list[Diagnostic]:
    out: list[Diagnostic] = []

    def order(
        early: tuple[str, date | None],
        late: tuple[str, date | None],
        site: Site,
        hint: Text | None = None,
    ) -> None:
        """Report when ``late`` comes before ``early`` (both present)."""
        (early_key, early_day), (late_key, late_day) = early, late
        if early_day is not None and late_day is not None and late_day < early_day:
            out.append(
                site.child(late_key).diagnostic(
                    "TRY203",
                    key=late_key,
                    value=late_day.isoformat(),
                    other_key=early_key,
                    other_value=early_day.isoformat(),
                    hint=hint,
                )
            )

    bodies = lp.plan.bodies()
    indicators = lp.plan.indicators_by_id()
    lines = {line.id: (body, line) for body in bodies.values() for line in body.reporting}
    for f in lp.files:
        model = f.model
        root = Site(f, ())
        if isinstance(model, Municipality):
            for key, given in (("folkmängd", model.population), ("polis", model.police)):
                if given is None:
                    example, why = _MISSING_MUNICIPALITY[key]
                    out.append(root.diagnostic("TRY111", key=key, example=example, why=why))
        elif isinstance(model, Organisation):
            for i, person in enumerate(model.coordination.coordinators):
                for key, share in (
                    ("tjänstgöringsgrad", person.fte_percent),
                    ("andel_brottsförebyggande", person.crime_prevention_percent),
                ):
                    if share is not None and 0 < share <= 1:
                        site = root.child("samordning", "samordnare", i, key)
                        written = f"{share:g}"
                        out.append(
                            site.diagnostic(
                                "TRY214",
                                key=key,
                                value=written,
                                share=Text(written.replace(".", ","), written),
                                percent=f"{share * 100:g}",
                            )
                        )
            for i, body in enumerate(model.bodies):
                b = root.child("organ", i)
                order(("start", body.start), ("slut", body.end), b)
                if body.kind is BodyKind.WORKING_GROUP and body.end is None:
                    out.append(b.child("id").diagnostic("TRY209", value=body.id))
        elif isinstance(model, Documents):
            for i, doc in enumerate(model.documents):
                d = root.child("dokument", i)
                order(("gäller_från", doc.valid_from), ("gäller_till", doc.valid_to), d)
                order(("antaget", doc.adopted), ("gäller_till", doc.valid_to), d)
        elif isinstance(model, Activities):
            for i, act in enumerate(model.activities):
                a = root.child("aktiviteter", i)
                order(("start", act.start), ("klart_senast", act.due), a)
                order(("start", act.start), ("klar_datum", act.done_date), a)
                if act.status is ActivityStatus.DONE and act.done_date is None:
                    out.append(
                        a.child("status").diagnostic(
                            "TRY206", kind=Text("Aktiviteten", "The activity"), value=act.id
                        )
                    )
        elif isinstance(model, Goals):
            for goal, path in model.all_goals():
                g = Site(f, path)
                measured_by = indicators.get(goal.indicator) if goal.indicator else None
                for key, measure in (("utgångsläge", goal.baseline), ("målvärde", goal.target)):
                    if measured_by is not None and measure is not None:
                        out.extend(_impossible(measure.value, measured_by.unit, g.child(key)))
                if (
                    goal.baseline
                    and goal.target
                    and goal.baseline.period
                    and goal.target.period
                    and goal.target.period < goal.baseline.period
                ):
                    out.append(
                        g.child("målvärde", "period").diagnostic(
                            "TRY203",
                            key="målvärde.period",
                            value=str(goal.target.period),
                            other_key="utgångsläge.period",
                            other_value=str(goal.baseline.period),
                        )
                    )
                if goal.kind is GoalKind.EFFECT:
                    missing = _smart_gaps(
                        goal.indicator, goal.baseline, goal.target, goal.owner, goal.due
                    )
                    if missing:
                        out.append(
                            g.child("id").diagnostic(
                                "TRY207", value=goal.id, missing=", ".join(missing)
                            )
                        )
        elif isinstance(model, Indicators):
            series = national_data().by_id()
            for i, ind in enumerate(model.indicators):
                reference = series.get(ind.national) if ind.national else None
                if reference is not None and not _comparable_units(ind.unit, reference.unit):
                    out.append(
                        root.child("nyckeltal", i, "enhet").diagnostic(
                            "TRY213",
                            value=ind.unit.value,
                            series=reference.id,
                            unit=reference.unit.value,
                        )
                    )
                if reference is not None and ind.better is not reference.better:
                    out.append(
                        root.child("nyckeltal", i, "bättre").diagnostic(
                            "TRY215",
                            value=_BETTER_WORDS[ind.better],
                            series=reference.id,
                            other=_BETTER_WORDS[reference.better],
                        )
                    )
                seen: dict[tuple[str, str, str], Site] = {}
                for j, value in enumerate(ind.values):
                    v = root.child("nyckeltal", i, "värden", j)
                    out.extend(_impossible(value.value, ind.unit, v))
                    geo = (
                        str(value.period),
                        value.geography.level.value,
                        value.geography.name or "",
                    )
                    if geo in seen:
                        where = value.geography.level.value + (
                            f" {value.geography.name}" if value.geography.name else ""
                        )
                        out.append(
                            v.child("period").diagnostic(
                                "TRY210",
                                period=str(value.period),
                                geography=where,
                                first=seen[geo].describe(),
                            )
                        )
                    else:
                        seen[geo] = v
        elif isinstance(model, Meeting):
            m = _FILE_DATE.match(f.path.name)
            if m and m[1] != model.date.isoformat():
                out.append(
                    root.child("datum").diagnostic(
                        "TRY204",
                        file_date=m[1],
                        value=model.date.isoformat(),
                        expected=f"{model.date.isoformat()}-{model.body}.yaml",
                    )
                )
            held_by = bodies.get(model.body)
            start, end = (held_by.start, held_by.end) if held_by else (None, None)
            if start and end and end < start:
                start = end = None  # an end before the start is TRY203's finding alone
            if held_by is not None and (
                (start and model.date < start) or (end and model.date > end)
            ):
                out.append(
                    root.child("datum").diagnostic(
                        "TRY205",
                        value=model.date.isoformat(),
                        body=held_by.name,
                        start=held_by.start.isoformat() if held_by.start else "…",
                        end=held_by.end.isoformat() if held_by.end else "…",
                    )
                )
            for i, line_id in enumerate(model.reports):
                sender, line = lines.get(line_id, (None, None))
                if (
                    sender is not None
                    and line is not None
                    and model.body in bodies
                    and model.body != sender.id
                    and model.body not in line.to
                ):
                    out.append(
                        root.child("rapporter", i).diagnostic(
                            "TRY211",
                            value=line_id,
                            sender=sender.id,
                            recipients=", ".join(line.to),
                            body=model.body,
                        )
                    )
            for i, entry in enumerate(model.situation):
                if entry.week.monday > model.date:
                    out.append(
                        root.child("lägesbild", i, "vecka").diagnostic(
                            "TRY212", week=str(entry.week), value=model.date.isoformat()
                        )
                    )
            for i, action in enumerate(model.actions):
                a = root.child("åtgärder", i)
                created = action.created or model.date
                created_key = "skapad" if action.created else "datum"
                hint = None if action.created else _BEFORE_MEETING
                order((created_key, created), ("senast", action.due), a, hint)
                order((created_key, created), ("klar_datum", action.done_date), a, hint)
                if action.status is ActionStatus.DONE and action.done_date is None:
                    out.append(
                        a.child("status").diagnostic(
                            "TRY206", kind=Text("Åtgärden", "The action"), value=action.id
                        )
                    )
    return out


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
