"""Things that recur: meetings by a body's cadence, reports by a reporting line's, follow-ups.

Each is judged by :func:`trygghet_cli.followup.state.recurrence`, the one rule the quarterly
brief uses too. The period so far starts on 1 January of the as-of year, or later when the
plan, the body or the reporting duty starts later. One deadline per duty, dated the day its
next occasion is due (the first missing slot's last day, or one interval after the last
occasion when that comes first):

* **shortfall** (``TRY406``, ``TRY408``, ``TRY410``; always overdue): fewer occasions in the
  period so far than the cadence asked for before the as-of day;
* otherwise the **next occasion** (``TRY407``, ``TRY409``, ``TRY411``): overdue once its day
  has passed (one interval after the last occasion went by), due soon inside the window.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from trygghet_cli.checks.context import Site
from trygghet_cli.followup.base import Deadline, Kind, PlanContext, Status, first_sentence
from trygghet_cli.followup.state import (
    Recurrence,
    body_window,
    recurrence,
    regular_meeting_dates,
    report_deliveries,
)
from trygghet_cli.i18n import Text
from trygghet_cli.model.goals import Goals
from trygghet_cli.model.organisation import Body, Organisation, ReportingLine
from trygghet_cli.wording import count_text, date_text, join_text, number_label


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


def _held(rec: Recurrence, words: _Words) -> Text:
    """``1 av 2 möten`` / ``1 of 2 meetings``."""
    expected = count_text(rec.expected, *words.noun)
    return Text(
        f"{number_label(rec.count, 'sv')} av {expected.sv}",
        f"{number_label(rec.count, 'en')} of {expected.en}",
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
    responsible: str,
    **args: str | Text,
) -> Deadline | None:
    """The duty's one deadline, if its next occasion is overdue or due within the window."""
    if rec.due is None:
        return None
    status = ctx.window.status(rec.due)
    if status is None:
        return None
    cadence = Text(rec.cadence.describe("sv"), rec.cadence.describe("en"))
    if rec.short:
        return ctx.deadline(
            kind,
            key,
            rec.due,
            status,
            title,
            site,
            rules[0],
            responsible=responsible,
            held=_held(rec, words),
            since=date_text(rec.start),
            cadence=cadence,
            due=words.due[status],
            date=date_text(rec.due),
            **args,
        )
    last = words.last.format(date=date_text(rec.last)) if rec.last else words.never
    return ctx.deadline(
        kind,
        key,
        rec.due,
        status,
        title,
        site,
        rules[1],
        responsible=responsible,
        due=words.due[status],
        date=date_text(rec.due),
        cadence=cadence,
        last=last,
        **args,
    )


def meeting_window(
    ctx: PlanContext, body: Body, end: date | None = None
) -> tuple[date, date] | None:
    """Where the body's "period so far" runs, up to ``end`` (the as-of day): from the period's
    start or the body's, to ``end`` or the body's last day."""
    return body_window(body, ctx.period_start(), end or ctx.as_of)


def report_window(
    ctx: PlanContext, body: Body, line: ReportingLine, end: date | None = None
) -> tuple[date, date] | None:
    """As :func:`meeting_window`, from the reporting duty's ``sedan`` when that is later."""
    start = max(ctx.period_start(), line.since) if line.since else ctx.period_start()
    return body_window(body, start, end or ctx.as_of)


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
        window = meeting_window(ctx, body)
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
            ctx.actor(body.convener or body.chair or body.id),
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
            window = report_window(ctx, body, line)
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
                body.name,
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
            ctx.actor(follow_up.owner) if follow_up.owner else "",
            value=follow_up.id,
            description=description,
        )
        if item is not None:
            yield item
