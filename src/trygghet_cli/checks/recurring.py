"""Things that recur: meetings by a body's cadence, reports by a reporting line's, follow-ups.

For each, as of the window's day:

* **shortfall** (overdue): fewer occasions in the period so far than the cadence asks for
  (:func:`trygghet_cli.checks.followup.expected_occasions`: whole occasions, "cirka" allows
  fewer). The period so far starts on 1 January of the as-of year, or later when the plan, the
  body or the reporting duty starts later. The deadline's date is the day the first missing
  occasion was due: when the cadence began to ask for it (never before that many intervals
  into the period), or one interval after the last occasion when that is earlier.
* otherwise the **next occasion**: one interval after the last one (or after the start of the
  period when there is none, :func:`~trygghet_cli.checks.followup.add_interval`), overdue once
  that day has passed and due soon inside the window.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from trygghet_cli.checks.context import Site
from trygghet_cli.checks.deadline_base import Deadline, Kind, PlanContext, Status, first_sentence
from trygghet_cli.checks.followup import (
    add_interval,
    body_window,
    check_cadence,
    expected_occasions,
    regular_meeting_dates,
    report_deliveries,
)
from trygghet_cli.i18n import Text
from trygghet_cli.model.cadence import Cadence
from trygghet_cli.model.goals import Goals
from trygghet_cli.model.organisation import Organisation
from trygghet_cli.wording import count_text, date_text, join_text


@dataclass(frozen=True)
class Recurrence:
    """Occasions of one recurring duty as of a day."""

    cadence: Cadence
    start: date
    as_of: date
    held: int
    expected: int
    last: date | None
    next_due: date | None
    shortfall_since: date | None
    """When the occasions began to fall short of the cadence; None when they do not."""


def recurrence(
    cadence: Cadence, occasions: Iterable[date], start: date, as_of: date, end: date | None = None
) -> Recurrence | None:
    """Occasions held in [start, as_of] against ``cadence``; None when nothing recurs.

    ``end`` is when the duty stops (a working group's last day): nothing is due once it has
    passed, and no occasion after it.
    """
    if cadence.only_when_needed or start > as_of or (end is not None and end < as_of):
        return None
    dates = sorted(d for d in occasions if d <= as_of)
    check = check_cadence(cadence, dates, start, as_of, dates)
    last = dates[-1] if dates else None
    next_due = add_interval(cadence, last or start)
    if next_due is not None and end is not None and next_due > end:
        next_due = None
    since = None
    if check.shortfall:
        missed = max(
            _first_short_day(cadence, start, as_of, check.count),
            nth_occasion(cadence, start, check.count + 1),
        )
        since = min(missed, next_due or missed, as_of)
    return Recurrence(cadence, start, as_of, check.count, check.expected, last, next_due, since)


def nth_occasion(cadence: Cadence, start: date, n: int) -> date:
    """When the ``n``-th occasion after ``start`` is due: ``n`` intervals on, counted at once
    (so that the 31st does not drift to the 28th), as :func:`~.followup.add_interval` counts."""
    due = add_interval(replace(cadence, every=cadence.every * n), start)
    assert due is not None, "only called for cadences with an interval"
    return due


def _first_short_day(cadence: Cadence, start: date, end: date, held: int) -> date:
    """The first day in [start, end] on which the cadence asks for more than ``held``."""
    lo, hi = 0, (end - start).days
    while lo < hi:
        mid = (lo + hi) // 2
        if expected_occasions(cadence, start, start + timedelta(days=mid)) > held:
            hi = mid
        else:
            lo = mid + 1
    return start + timedelta(days=lo)


@dataclass(frozen=True)
class _Words:
    """How one kind of recurring duty is spoken of."""

    noun: tuple[tuple[str, str], tuple[str, str]]
    due: dict[Status, Text]
    last: Text
    never: Text


_MEETING = _Words(
    (("möte", "möten"), ("meeting", "meetings")),
    {
        Status.OVERDUE: Text("skulle ha hållits senast", "was due by"),
        Status.DUE_SOON: Text("ska hållas senast", "is due by"),
    },
    Text("senaste möte {date}", "last meeting {date}"),
    Text("inga möten i mötesloggen", "no meetings in the log"),
)
_REPORT = _Words(
    (("gång", "gånger"), ("time", "times")),
    {
        Status.OVERDUE: Text("skulle ha lämnats senast", "was due by"),
        Status.DUE_SOON: Text("ska lämnas senast", "is due by"),
    },
    Text("senast lämnad {date}", "last delivered {date}"),
    Text("inte lämnad i mötesloggen", "not delivered in the meeting log"),
)
_FOLLOW_UP = _Words(
    (("gång", "gånger"), ("time", "times")),
    {
        Status.OVERDUE: Text("skulle ha gjorts senast", "was due by"),
        Status.DUE_SOON: Text("ska göras senast", "is due by"),
    },
    Text("senast gjord {date}", "last done {date}"),
    Text("inte gjord enligt 'genomförd'", "not done according to 'genomförd'"),
)


def _item(
    ctx: PlanContext,
    rec: Recurrence,
    words: _Words,
    rules: tuple[str, str],
    kind: Kind,
    key: str,
    title: Text,
    site: Site,
    **args: str | Text,
) -> Deadline | None:
    """The shortfall (overdue) or the next occasion, if either is due within the window."""
    cadence = Text(rec.cadence.describe("sv"), rec.cadence.describe("en"))
    if rec.shortfall_since is not None:
        next_due = rec.next_due or rec.as_of
        next_status = Status.OVERDUE if next_due < rec.as_of else Status.DUE_SOON
        return ctx.deadline(
            kind,
            key,
            rec.shortfall_since,
            Status.OVERDUE,
            title,
            site,
            rules[0],
            held=count_text(rec.held, *words.noun),
            since=date_text(rec.start),
            cadence=cadence,
            expected=str(rec.expected),
            due=words.due[next_status],
            next=date_text(next_due),
            **args,
        )
    if rec.next_due is None:
        return None
    status = ctx.window.status(rec.next_due)
    if status is None:
        return None
    last = words.last.format(date=date_text(rec.last)) if rec.last else words.never
    return ctx.deadline(
        kind,
        key,
        rec.next_due,
        status,
        title,
        site,
        rules[1],
        due=words.due[status],
        date=date_text(rec.next_due),
        cadence=cadence,
        last=last,
        **args,
    )


def meeting_deadlines(ctx: PlanContext) -> Iterator[Deadline]:
    """Bodies that met less often than their cadence, and when each one's next meeting is due.

    Political committees and external recipients keep no meeting log here and are skipped, as
    are bodies that meet only when needed. Acute meetings do not count towards the cadence.
    """
    loaded = ctx.file("organisation")
    if loaded is None or not isinstance(loaded.model, Organisation):
        return
    for i, body in enumerate(loaded.model.bodies):
        if body.cadence is None or not body.kind.meets:
            continue
        window = body_window(body, ctx.period_start(), ctx.as_of)
        if window is None:
            continue
        dates = regular_meeting_dates(ctx.plan, body.id)
        rec = recurrence(body.cadence, dates, window[0], ctx.as_of, body.end)
        if rec is None:
            continue
        item = _item(
            ctx,
            rec,
            _MEETING,
            ("TRY406", "TRY407"),
            Kind.MEETING,
            body.id,
            Text(f"Möte: {body.name}", f"Meeting: {body.name}"),
            Site(loaded, ("organ", i, "mötesfrekvens")),
            name=body.name,
        )
        if item is not None:
            yield item


def report_deadlines(ctx: PlanContext) -> Iterator[Deadline]:
    """Reporting lines (``rapportering`` under a body) by their cadence.

    A report counts as delivered at a meeting whose ``rapporter`` names the line's id.
    """
    loaded = ctx.file("organisation")
    if loaded is None or not isinstance(loaded.model, Organisation):
        return
    bodies = ctx.plan.bodies()
    for i, body in enumerate(loaded.model.bodies):
        for j, line in enumerate(body.reporting):
            start = max(ctx.period_start(), line.since) if line.since else ctx.period_start()
            window = body_window(body, start, ctx.as_of)
            if window is None:
                continue
            deliveries = report_deliveries(ctx.plan, line.id)
            rec = recurrence(line.cadence, deliveries, window[0], ctx.as_of, body.end)
            if rec is None:
                continue
            recipients = join_text(
                [
                    Text(bodies[r].name, bodies[r].name) if r in bodies else Text(r, r)
                    for r in line.to
                ]
            )
            item = _item(
                ctx,
                rec,
                _REPORT,
                ("TRY408", "TRY409"),
                Kind.REPORT,
                line.id,
                Text(f"Rapport {line.id} från {body.name}", f"Report {line.id} from {body.name}"),
                Site(loaded, ("organ", i, "rapportering", j, "kadens")),
                value=line.id,
                sender=body.name,
                recipients=recipients,
            )
            if item is not None:
                yield item


def follow_up_deadlines(ctx: PlanContext) -> Iterator[Deadline]:
    """Follow-ups in ``mal.yaml`` with a cadence, done on the dates under ``genomförd``."""
    loaded = ctx.file("mal")
    if loaded is None or not isinstance(loaded.model, Goals):
        return
    for i, follow_up in enumerate(loaded.model.follow_up):
        if follow_up.cadence is None:
            continue
        rec = recurrence(follow_up.cadence, follow_up.done, ctx.period_start(), ctx.as_of)
        if rec is None:
            continue
        description = first_sentence(follow_up.description)
        item = _item(
            ctx,
            rec,
            _FOLLOW_UP,
            ("TRY410", "TRY411"),
            Kind.FOLLOW_UP,
            follow_up.id,
            Text(f"Uppföljning: {description}", f"Follow-up: {description}"),
            Site(loaded, ("uppföljning", i, "kadens")),
            value=follow_up.id,
            description=description,
        )
        if item is not None:
            yield item
