"""Things that recur: meetings by a body's cadence, reports by a reporting line's, follow-ups.

Each duty is counted in one :class:`~trygghet_cli.followup.accounts.Account` (the rules are
there), kept in a :class:`Duty` with its deadline, and every output reads that: the brief's
tables and sentences, ``trygg deadlines``, the calendar feed and the export. One deadline per
duty:

* **missed** (``TRY406``, ``TRY408``, ``TRY410``; always overdue): an occasion the cadence
  asked for is missing; the message gives the count, the period of the first one missing and,
  when more than one interval has passed since the last occasion too, that date;
* otherwise the **next occasion** (``TRY407``, ``TRY409``, ``TRY411``): overdue once one
  interval after the last occasion has passed, due soon inside the window; the message says
  which rule sets its day (one interval after the last, or the end of its slot).

While something is missed, the occasion that falls due next is still due (the 2026 report while
the 2025 one is late): when its day is inside the window it is a second deadline of the duty
(:attr:`Duty.upcoming`), so no look-ahead hides it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from trygghet_cli.checks.context import Site
from trygghet_cli.followup.accounts import Account, Demand, LateRule, account
from trygghet_cli.followup.base import Deadline, Kind, PlanContext, Status, first_sentence
from trygghet_cli.followup.state import regular_meeting_dates, report_deliveries
from trygghet_cli.i18n import Text
from trygghet_cli.model.goals import Goals
from trygghet_cli.model.organisation import Body, Organisation
from trygghet_cli.wording import (
    cadence_text,
    count_text,
    date_text,
    join_text,
    number_label,
    number_text,
    plural,
    span_text,
)


@dataclass(frozen=True)
class Duty:
    """One recurring duty on the day judged: its account and, if it is late or due within the
    window, its deadline. Plain data for every output (and for an overview of many plans)."""

    kind: Kind
    key: str
    """The body's id, the reporting line's id or the follow-up's id."""
    name: str
    """The body's name; for a report the sending body's name; for a follow-up its description."""
    account: Account
    deadline: Deadline | None
    responsible: str = ""
    recipients: tuple[str, ...] = ()
    """For a report: the names of those who receive it."""
    content: str = ""
    """For a report: what it contains."""
    shared: bool = False
    """For a report: another reporting line goes between the same bodies, so the line is
    named by what it reports wherever it is named."""
    upcoming: Deadline | None = None
    """While :attr:`deadline` is an occasion missed, the next occasion when it falls due
    within the window (not late yet: due on the day judged or later)."""

    @property
    def deadlines(self) -> tuple[Deadline, ...]:
        """The duty's deadlines: the one of :attr:`deadline`, and :attr:`upcoming`."""
        return tuple(d for d in (self.deadline, self.upcoming) if d is not None)

    @property
    def late(self) -> tuple[LateRule, ...]:
        return self.account.late


@dataclass(frozen=True)
class _Words:
    """How one kind of recurring duty is spoken of."""

    noun: tuple[tuple[str, str], tuple[str, str]]
    so_far: tuple[Text, Text]
    """Held so far, after a count of one and of more (the participle agrees with the noun)."""
    due: dict[Status, Text]
    missing_one: Text
    missing_many: Text
    interval_late: Text
    by_interval: Text
    by_slot: Text
    last: Text
    never: Text


_MEETING = _Words(
    (("möte", "möten"), ("meeting", "meetings")),
    (
        Text("{held} hållet sedan {since}", "{held} held since {since}"),
        Text("{held} hållna sedan {since}", "{held} held since {since}"),
    ),
    {
        Status.OVERDUE: Text("skulle ha hållits senast", "was due by"),
        Status.DUE_SOON: Text("ska hållas senast", "is due by"),
    },
    Text(
        "mötet för {period} skulle ha hållits senast {date}",
        "the meeting for {period} was due by {date}",
    ),
    Text(
        "{count} saknas, det första för {period}, som skulle ha hållits senast {date}",
        "{count} are missing, the first for {period}, which was due by {date}",
    ),
    Text(
        ", och nästa möte skulle ha hållits senast {date}, räknat från det senaste ({last})",
        ", and the next meeting was due by {date}, counted from the last ({last})",
    ),
    Text(
        "räknat från det senaste mötet {last} ({details})",
        "counted from the last meeting on {last} ({details})",
    ),
    Text("mötet för {period} ({details})", "the meeting for {period} ({details})"),
    Text("det senaste {date}", "the last on {date}"),
    Text("inga möten i mötesloggen", "no meetings in the log"),
)
_REPORT = _Words(
    (("gång", "gånger"), ("time", "times")),
    (
        Text("lämnad {held} sedan {since}", "delivered {held} since {since}"),
        Text("lämnad {held} sedan {since}", "delivered {held} since {since}"),
    ),
    {
        Status.OVERDUE: Text("skulle ha lämnats senast", "was due by"),
        Status.DUE_SOON: Text("ska lämnas senast", "is due by"),
    },
    Text(
        "rapporten för {period} skulle ha lämnats senast {date}",
        "the report for {period} was due by {date}",
    ),
    Text(
        "{count} saknas, den första för {period}, som skulle ha lämnats senast {date}",
        "{count} are missing, the first for {period}, which was due by {date}",
    ),
    Text(
        ", och nästa skulle ha lämnats senast {date}, räknat från den senaste ({last})",
        ", and the next one was due by {date}, counted from the last ({last})",
    ),
    Text(
        "räknat från den senaste {last} ({details})",
        "counted from the last on {last} ({details})",
    ),
    Text(
        "rapporten för {period} ({details})",
        "the report for {period} ({details})",
    ),
    Text("den senaste {date}", "the last on {date}"),
    Text("inte lämnad i mötesloggen", "not delivered in the meeting log"),
)
_FOLLOW_UP = _Words(
    (("gång", "gånger"), ("time", "times")),
    (
        Text("gjord {held} sedan {since}", "done {held} since {since}"),
        Text("gjord {held} sedan {since}", "done {held} since {since}"),
    ),
    {
        Status.OVERDUE: Text("skulle ha gjorts senast", "was due by"),
        Status.DUE_SOON: Text("ska göras senast", "is due by"),
    },
    Text(
        "uppföljningen för {period} skulle ha gjorts senast {date}",
        "the follow-up for {period} was due by {date}",
    ),
    Text(
        "{count} saknas, den första för {period}, som skulle ha gjorts senast {date}",
        "{count} are missing, the first for {period}, which was due by {date}",
    ),
    Text(
        ", och nästa skulle ha gjorts senast {date}, räknat från den senaste ({last})",
        ", and the next one was due by {date}, counted from the last ({last})",
    ),
    Text(
        "räknat från den senaste {last} ({details})",
        "counted from the last on {last} ({details})",
    ),
    Text(
        "uppföljningen för {period} ({details})",
        "the follow-up for {period} ({details})",
    ),
    Text("den senaste {date}", "the last on {date}"),
    Text("ingen gjord enligt planen", "none done according to the plan"),
)
_MISSING_NOUN = {
    id(_MEETING): (("möte", "möten"), ("meeting", "meetings")),
    id(_REPORT): (("rapport", "rapporter"), ("report", "reports")),
    id(_FOLLOW_UP): (("uppföljning", "uppföljningar"), ("follow-up", "follow-ups")),
}


def held_text(acc: Account, words: _Words = _MEETING) -> Text:
    """``1 av 2 möten`` / ``1 of 2 meetings``: held against asked for since the account's
    start."""
    expected = count_text(acc.required, *words.noun)
    return Text(
        f"{number_label(acc.held, 'sv')} av {expected.sv}",
        f"{number_label(acc.held, 'en')} of {expected.en}",
    )


def _period(demand: Demand) -> Text:
    return span_text(*demand.span)


def _missing(acc: Account, words: _Words) -> Text:
    first = acc.missed[0]
    if acc.missing == 1:
        return words.missing_one.format(period=_period(first), date=date_text(first.due))
    return words.missing_many.format(
        count=count_text(acc.missing, *_MISSING_NOUN[id(words)]),
        period=_period(first),
        date=date_text(first.due),
    )


def _interval(acc: Account, words: _Words) -> Text:
    if not acc.interval_passed or acc.after_last is None or acc.last is None:
        return Text("", "")
    return words.interval_late.format(date=date_text(acc.after_last), last=date_text(acc.last))


def _details(acc: Account, words: _Words, cadence: Text, *, last: bool = True) -> Text:
    """``4 gånger per år; 1 av 2 möten hållna sedan 1 januari 2021, det senaste 2 mars 2021``:
    the cadence and the figures a line about a recurring duty gives, whichever rule it is
    about. As many as asked for or more reads ``13 möten hållna sedan 1 januari 2021, där 12
    krävs`` ("6 av 6" or "1 av 1" says nothing of what is counted); nothing asked for yet
    leaves the count out."""
    since = date_text(acc.since)
    parts: list[Text] = []
    if acc.required and acc.held >= acc.required:
        held = count_text(acc.held, *words.noun)
        so_far = words.so_far[acc.held != 1].format(held=held, since=since)
        parts.append(
            plural(
                acc.required,
                Text("{a}, där {n} krävs", "{a}, where {n} is required"),
                Text("{a}, där {n} krävs", "{a}, where {n} are required"),
            ).format(a=so_far, n=number_text(acc.required))
        )
    elif acc.required:
        parts.append(
            words.so_far[acc.required != 1].format(held=held_text(acc, words), since=since)
        )
    if last:
        parts.append(words.last.format(date=date_text(acc.last)) if acc.last else words.never)
    if not parts:
        return cadence
    tail = parts[0]
    for part in parts[1:]:
        tail = Text("{a}, {b}", "{a}, {b}").format(a=tail, b=part)
    return Text("{a}; {b}", "{a}; {b}").format(a=cadence, b=tail)


def _reason(acc: Account, words: _Words, cadence: Text) -> Text:
    """Why the next occasion is due on its day: the interval after the last, or its slot."""
    if acc.due_rule is LateRule.INTERVAL and acc.last is not None:
        return words.by_interval.format(
            last=date_text(acc.last), details=_details(acc, words, cadence, last=False)
        )
    assert acc.next is not None  # the due day comes from the slot
    return words.by_slot.format(period=_period(acc.next), details=_details(acc, words, cadence))


def _coming(
    ctx: PlanContext,
    acc: Account,
    words: _Words,
    rule: str,
    kind: Kind,
    key: str,
    title: Text,
    site: Site,
    responsible: str,
    /,
    **args: str | Text,
) -> Deadline | None:
    """While an occasion is missed, the next one that is not late yet, if it falls due within
    the window (its day is its slot's: the interval after the last is already past)."""
    coming = acc.coming
    if not acc.missed or coming is None:
        return None
    status = ctx.window.status(coming.due)
    if status is not Status.DUE_SOON:
        return None
    cadence = cadence_text(acc.cadence)
    return ctx.deadline(
        kind,
        f"{key}-next",
        coming.due,
        status,
        title,
        site,
        rule,
        responsible=responsible,
        due=words.due[status],
        date=date_text(coming.due),
        reason=words.by_slot.format(period=_period(coming), details=_details(acc, words, cadence)),
        **args,
    )


def _deadline(
    ctx: PlanContext,
    acc: Account,
    words: _Words,
    rules: tuple[str, str],
    kind: Kind,
    key: str,
    title: Text,
    site: Site,
    responsible: str,
    /,
    **args: str | Text,
) -> Deadline | None:
    """The duty's one deadline, if it is late or its next occasion is due within the window."""
    cadence = cadence_text(acc.cadence)
    if acc.missed:
        day = acc.late_since
        assert day is not None
        return ctx.deadline(
            kind,
            key,
            day,
            Status.OVERDUE,
            title,
            site,
            rules[0],
            responsible=responsible,
            held=held_text(acc, words),
            since=date_text(acc.since),
            cadence=cadence,
            missing=_missing(acc, words),
            interval=_interval(acc, words),
            **args,
        )
    due = acc.due
    if due is None:
        return None
    status = ctx.window.status(due)
    if status is None:
        return None
    return ctx.deadline(
        kind,
        key,
        due,
        status,
        title,
        site,
        rules[1],
        responsible=responsible,
        due=words.due[status],
        date=date_text(due),
        reason=_reason(acc, words, cadence),
        **args,
    )


def body_anchor(ctx: PlanContext, body: Body) -> date:
    """Where a body's meetings are counted from: the plan's anchor, or the body's start."""
    return max(ctx.anchor, body.start) if body.start else ctx.anchor


def meeting_duties(ctx: PlanContext) -> Iterator[Duty]:
    """Each body with a cadence, as of the day: meetings held against the cadence.

    Political committees and external recipients keep no meeting log here and are skipped, as
    are bodies that meet only when needed. Acute meetings do not count towards the cadence.
    """
    loaded = ctx.file("organisation")
    if loaded is None or not isinstance(loaded.model, Organisation):
        return
    for i, body in enumerate(loaded.model.bodies):
        cadence = body.meeting_cadence
        if cadence is None or not body.kind.meets:
            continue
        dates = regular_meeting_dates(ctx.plan, body.id)
        acc = account(cadence, dates, body_anchor(ctx, body), ctx.as_of, body.end)
        if acc is None:
            continue
        responsible = ctx.actor(body.convener or body.chair or body.id)
        about = (
            Kind.MEETING,
            body.id,
            Text(f"Möte: {body.name}", f"Meeting: {body.name}"),
            Site(loaded, ("organ", i, "mötesfrekvens")),
            responsible,
        )
        item = _deadline(ctx, acc, _MEETING, ("TRY406", "TRY407"), *about, name=body.name)
        coming = _coming(ctx, acc, _MEETING, "TRY407", *about, name=body.name)
        yield Duty(Kind.MEETING, body.id, body.name, acc, item, responsible, upcoming=coming)


def report_duties(ctx: PlanContext) -> Iterator[Duty]:
    """Reporting lines (``rapportering`` under a body) by their cadence.

    A report counts as delivered at a meeting whose ``rapporter`` names the line's id.
    """
    loaded = ctx.file("organisation")
    if loaded is None or not isinstance(loaded.model, Organisation):
        return
    bodies = ctx.plan.bodies()
    pairs = Counter((b.id, tuple(line.to)) for b in loaded.model.bodies for line in b.reporting)
    for i, body in enumerate(loaded.model.bodies):
        for j, line in enumerate(body.reporting):
            anchor = body_anchor(ctx, body)
            if line.since is not None:
                anchor = max(anchor, line.since)
            deliveries = report_deliveries(ctx.plan, line.id)
            acc = account(line.cadence, deliveries, anchor, ctx.as_of, body.end)
            if acc is None:
                continue
            names = tuple(bodies[r].name if r in bodies else r for r in line.to)
            recipients = join_text([Text(n, n) for n in names])
            content = first_sentence(line.content)
            shared = pairs[body.id, tuple(line.to)] > 1
            about = (
                Kind.REPORT,
                line.id,
                _report_title(body.name, recipients, content, shared),
                Site(loaded, ("organ", i, "rapportering", j, "kadens")),
                body.name,
            )
            words: dict[str, str | Text] = {
                "value": line.id,
                "sender": body.name,
                "recipients": recipients,
                "content": content,
            }
            item = _deadline(ctx, acc, _REPORT, ("TRY408", "TRY409"), *about, **words)
            coming = _coming(ctx, acc, _REPORT, "TRY409", *about, **words)
            yield Duty(
                Kind.REPORT,
                line.id,
                body.name,
                acc,
                item,
                body.name,
                names,
                line.content,
                shared,
                upcoming=coming,
            )


def _report_title(sender: str, recipients: Text, content: str, shared: bool) -> Text:
    """``Rapport från BRÅ till Kommunstyrelsen``; with what it reports (``: Verksamhetsberättelse``)
    when another line goes between the same bodies."""
    title = Text("Rapport från {sender} till {to}", "Report from {sender} to {to}").format(
        sender=sender, to=recipients
    )
    if shared:
        title = Text("{title}: {content}", "{title}: {content}").format(
            title=title, content=content
        )
    return title


def follow_up_duties(ctx: PlanContext) -> Iterator[Duty]:
    """Follow-ups in ``mal.yaml`` with a cadence, done on the dates under ``genomförd``."""
    loaded = ctx.file("mal")
    if loaded is None or not isinstance(loaded.model, Goals):
        return
    for i, follow_up in enumerate(loaded.model.follow_up):
        if follow_up.cadence is None:
            continue
        acc = account(follow_up.cadence, follow_up.done, ctx.anchor, ctx.as_of)
        if acc is None:
            continue
        description = first_sentence(follow_up.description)
        responsible = ctx.actor(follow_up.owner) if follow_up.owner else ""
        about = (
            Kind.FOLLOW_UP,
            follow_up.id,
            Text(f"Uppföljning: {description}", f"Follow-up: {description}"),
            Site(loaded, ("uppföljning", i, "kadens")),
            responsible,
        )
        said: dict[str, str | Text] = {"value": follow_up.id, "description": description}
        item = _deadline(ctx, acc, _FOLLOW_UP, ("TRY410", "TRY411"), *about, **said)
        coming = _coming(ctx, acc, _FOLLOW_UP, "TRY411", *about, **said)
        yield Duty(
            Kind.FOLLOW_UP, follow_up.id, description, acc, item, responsible, upcoming=coming
        )


def duties(ctx: PlanContext) -> list[Duty]:
    """Every recurring duty of the plan: reports, follow-ups and meetings."""
    return [*report_duties(ctx), *follow_up_duties(ctx), *meeting_duties(ctx)]
