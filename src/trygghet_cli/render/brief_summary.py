"""The brief's summary in sentences: what is on track, what is late, how the kommun stands
against the country. Plan text is quoted with the language's quotation marks: ”…” in Swedish,
“…” in English.

What is late is what ``trygg deadlines`` gives as overdue on the quarter's last day, in its
words (more than three overdue actions, meetings or reports in one line each, since the brief
has a table of each),
followed by what only the brief looks at: actions done after their date and goals going
the wrong way before their date."""

from __future__ import annotations

from dataclasses import dataclass

from trygghet_cli.analysis.brief import (
    BodyMeetings,
    Brief,
    GoalItem,
    ReportDeliveries,
    SoFar,
    Status,
)
from trygghet_cli.analysis.comparison import Note
from trygghet_cli.followup.accounts import LateRule
from trygghet_cli.followup.base import Deadline, Kind, first_sentence
from trygghet_cli.followup.state import GoalState
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.model.indicators import Unit
from trygghet_cli.render import comparisons as cmp
from trygghet_cli.render.labels import level_name
from trygghet_cli.wording import Formatter, shared_decimals

QUOTES: dict[Lang, tuple[str, str]] = {"sv": ("\u201d", "\u201d"), "en": ("\u201c", "\u201d")}
MAX_LISTED = 3


def quoted(text: str, lang: Lang) -> str:
    """``”Text”`` in Swedish, ``“Text”`` in English."""
    opening, closing = QUOTES[lang]
    return f"{opening}{text.strip()}{closing}"


def listing(items: list[str], lang: Lang, limit: int = MAX_LISTED) -> str:
    """``a, b och c``; past ``limit``: ``a, b, c och 4 till``."""
    if len(items) > limit:
        rest = len(items) - limit
        items = [*items[:limit], Text(f"{rest} till", f"{rest} more")(lang)]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + Text(" och ", " and ")(lang) + items[-1]


MEETINGS = (Text("möte", "meeting"), Text("möten", "meetings"))
REPORTS = (Text("rapport", "report"), Text("rapporter", "reports"))


def so_far_text(counts: SoFar, since: str, nouns: tuple[Text, Text], fmt: Formatter) -> str:
    """``7 möten sedan 1 januari 2021, 6 krävs``: held since the open account began, as the
    status is judged and as a late line says, and how many are asked for. One form whatever
    the numbers: "7 av 6" or "fler än de 6 som krävs" read as slips, "1 av 1" says nothing
    of what is counted."""
    held = fmt.count(counts.held, nouns[0](fmt.lang), nouns[1](fmt.lang))
    required = fmt.number(counts.required)
    return Text(
        f"{held} sedan {since}, {required} krävs",
        f"{held} since {since}, {required} required",
    )(fmt.lang)


def _so_far(counts: SoFar | None, nouns: tuple[Text, Text], fmt: Formatter) -> str:
    """`` (7 möten sedan 1 januari 2021, 6 krävs)``."""
    if counts is None:
        return ""
    return f" ({so_far_text(counts, fmt.date(counts.since), nouns, fmt)})"


def _held(m: BodyMeetings, fmt: Formatter) -> str:
    return f"{m.body.name}{_so_far(m.so_far, MEETINGS, fmt)}"


def _delivered(r: ReportDeliveries, fmt: Formatter) -> str:
    """``Trygghetsgruppen till Brottsförebyggande rådet (…)``; named by what it reports
    (``”Verksamhetsberättelse” från BRÅ till Kommunstyrelsen``) when another line goes between
    the same bodies, as the late line and 'Att göra' name it."""
    to = Text("till", "to")(fmt.lang)
    recipients = listing(list(r.recipients), fmt.lang, limit=5)
    line = f"{r.sender} {to} {recipients}"
    if r.duty.shared:
        line = Text("{what} från {line}", "{what} from {line}").format(
            what=quoted(first_sentence(r.content), fmt.lang), line=line
        )(fmt.lang)
    return f"{line}{_so_far(r.so_far, REPORTS, fmt)}"


def on_track(brief: Brief, fmt: Formatter) -> list[str]:
    lang = fmt.lang
    out = []
    kept = [_held(m, fmt) for m in brief.meetings if m.status is Status.OK]
    if kept:
        out.append(
            Text("Möten enligt mötesfrekvensen: {x}.", "Met as often as planned: {x}.").format(
                x=listing(kept, lang, limit=6)
            )(lang)
        )
    delivered = [_delivered(r, fmt) for r in brief.reports if r.status is Status.OK]
    if delivered:
        out.append(
            Text(
                "Rapporter lämnade enligt plan: {x}.", "Reports delivered as planned: {x}."
            ).format(x=listing(delivered, lang, limit=4))(lang)
        )
    a = brief.actions
    if a.done_on_time:
        out.append(
            Text(
                "{done} med sista datum under kvartalet blev klara i tid.",
                "{done} due in the quarter were done on time.",
            ).format(done=_actions(a.done_on_time, a.due_in_quarter, fmt))(lang)
            if a.done_on_time > 1
            else Text(
                "{done} med sista datum under kvartalet blev klar i tid.",
                "{done} due in the quarter was done on time.",
            ).format(done=_actions(a.done_on_time, a.due_in_quarter, fmt))(lang)
        )
    measured = [g for g in brief.goals if g.progress.state is not GoalState.NOT_MEASURED]
    good = [g for g in measured if g.status is Status.OK]
    if good:
        if len(measured) == 1:  # "1 av 1 mål … är uppnådda" reads as a slip
            words = Text(
                "Målet som mäts med nyckeltal är uppnått eller på väg.",
                "The goal measured by an indicator is achieved or on track.",
            )
        elif len(good) == len(measured) == 2:  # not "2 av 2 mål"
            words = Text(
                "Båda målen som mäts med nyckeltal är uppnådda eller på väg.",
                "Both goals measured by an indicator are achieved or on track.",
            )
        elif len(good) == len(measured):
            words = Text(
                "Alla {m} mål som mäts med nyckeltal är uppnådda eller på väg.",
                "All {m} goals measured by an indicator are achieved or on track.",
            )
        elif len(good) == 1:
            words = Text(
                "1 av {m} mål som mäts med nyckeltal är uppnått eller på väg.",
                "1 of {m} goals measured by an indicator is achieved or on track.",
            )
        else:
            words = Text(
                "{n} av {m} mål som mäts med nyckeltal är uppnådda eller på väg.",
                "{n} of {m} goals measured by an indicator are achieved or on track.",
            )
        out.append(words.format(n=len(good), m=len(measured))(lang))
    return out


def _actions(n: int, of: int, fmt: Formatter) -> str:
    """``Alla 11 åtgärder``, ``9 av 11 åtgärder``, ``1 av 11 åtgärder`` (``Åtgärden`` alone)."""
    if n == of == 1:
        return Text("Åtgärden", "The action")(fmt.lang)
    if n == of == 2:
        return Text("Båda åtgärderna", "Both actions")(fmt.lang)
    if n == of:
        return Text(f"Alla {n} åtgärder", f"All {n} actions")(fmt.lang)
    return Text(f"{n} av {of} åtgärder", f"{n} of {of} actions")(fmt.lang)


def late(brief: Brief, fmt: Formatter) -> list[str]:
    lang = fmt.lang
    overdue = list(brief.overdue)
    grouped: list[str] = []
    for kind, words in _GROUPED.items():  # each has a table of its own below
        of_kind = [d for d in overdue if d.kind is kind]
        if len(of_kind) > MAX_LISTED:
            overdue = [d for d in overdue if d.kind is not kind]
            grouped.append(_grouped(brief, kind, of_kind, words, fmt))
    out = grouped + [f"{d.message(lang)}." for d in overdue]
    a = brief.actions
    if a.not_on_time:
        out.append(
            (
                Text(
                    "{late} med sista datum under kvartalet blev inte klara i tid.",
                    "{late} due in the quarter were not done on time.",
                )
                if a.not_on_time > 1
                else Text(
                    "{late} med sista datum under kvartalet blev inte klar i tid.",
                    "{late} due in the quarter was not done on time.",
                )
            ).format(late=_actions(a.not_on_time, a.due_in_quarter, fmt))(lang)
        )
    late_done = brief.actions.done_late
    if late_done:
        items = [f"{quoted(i.view.action.text, lang)} ({i.owner})" for i in late_done]
        out.append(
            Text(
                "Klara först efter sista datum: {x}.",
                "Done only after the due date: {x}.",
            ).format(x=listing(items, lang))(lang)
        )
    for g in brief.goals:
        if g.progress.state is GoalState.OFF_TRACK:
            out.append(_goal_sentence(g, fmt))
    if not out:
        out.append(Text("Inget är försenat.", "Nothing is late.")(lang))
    return out


@dataclass(frozen=True)
class _Group:
    head: Text
    count: Text
    interval: Text


_GROUPED = {
    Kind.ACTION: _Group(
        Text(
            "{n} åtgärder från mötena är försenade, den äldsta sedan {day}; de står under "
            "Åtgärder nedan.",
            "{n} actions from the meetings are overdue, the oldest since {day}; they are listed "
            "under Actions below.",
        ),
        Text("", ""),
        Text("", ""),
    ),
    Kind.MEETING: _Group(
        Text(
            "{n} organ är försenade med sina möten, det första sedan {day}: {why}; se Möten nedan.",
            "{n} bodies are behind with their meetings, the first since {day}: {why}; see "
            "Meetings below.",
        ),
        Text(
            "{n} har hållit färre möten än mötesfrekvensen kräver",
            "{n} have met less often than their cadence asks",
        ),
        Text(
            "för {n} har det gått längre än mötesfrekvensen medger sedan det senaste mötet",
            "for {n} longer than their cadence allows has passed since the last meeting",
        ),
    ),
    Kind.REPORT: _Group(
        Text(
            "{n} rapporteringar är försenade, den första sedan {day}: {why}; se Rapporter nedan.",
            "{n} reports are overdue, the first since {day}: {why}; see Reports below.",
        ),
        Text(
            "{n} har lämnats färre gånger än kadensen kräver",
            "{n} have been delivered less often than their cadence asks",
        ),
        Text(
            "för {n} har det gått längre än kadensen medger sedan den senaste",
            "for {n} longer than their cadence allows has passed since the last one",
        ),
    ),
}
"""Kinds whose overdue items, when more than :data:`MAX_LISTED`, the summary counts in one line
(the brief has a table of each), saying how many are late by which rule."""


def _grouped(brief: Brief, kind: Kind, items: list[Deadline], words: _Group, fmt: Formatter) -> str:
    lang = fmt.lang
    day = fmt.date(min(d.date for d in items))
    if kind is Kind.ACTION:
        return words.head.format(n=len(items), day=day)(lang)
    duties = [brief.followup.duty(kind, d.key) for d in items]
    by_count = sum(1 for duty in duties if duty is not None and LateRule.COUNT in duty.late)
    parts = []
    if by_count:
        parts.append(words.count.format(n=by_count)(lang))
    if len(items) - by_count:
        parts.append(words.interval.format(n=len(items) - by_count)(lang))
    why = listing(parts, lang)
    return words.head.format(n=len(items), day=day, why=why)(lang)


def _goal_sentence(g: GoalItem, fmt: Formatter) -> str:
    lang = fmt.lang
    p = g.progress
    unit = p.indicator.unit if p.indicator else Unit.COUNT
    state = (
        Text("går åt fel håll", "is off track")
        if p.state is GoalState.OFF_TRACK
        else Text("nåddes inte i tid", "was not reached in time")
    )
    text = Text("Målet {goal} {state}", "The goal {goal} {state}").format(
        goal=quoted(g.goal.text, lang), state=state
    )(lang)
    if p.latest is not None and p.baseline is not None and p.target is not None:
        decimals = shared_decimals(p.latest.value, p.baseline, p.target)
        text += Text(
            ": {latest} mot utgångsläget {baseline} och målvärdet {target}",
            ": {latest} against a baseline of {baseline} and a target of {target}",
        ).format(
            latest=fmt.value(p.latest.value, unit, decimals),
            baseline=fmt.value(p.baseline, unit, decimals),
            target=fmt.value(p.target, unit, decimals),
        )(lang)
    return text + "."


def national_lines(brief: Brief, fmt: Formatter) -> list[str]:
    lang = fmt.lang
    out = []
    for c in brief.comparisons:
        if c.national is None or c.difference is None:
            continue
        name = c.indicator_name
        if Note.GEOGRAPHY in c.notes:  # NTU for the police area, not the kommun
            name = Text("{name} i {where}", "{name} in {where}").format(
                name=name, where=level_name(c.level, lang, c.area)
            )(lang)
        value, national = cmp.side_by_side_values(c, fmt)
        out.append(
            Text(
                "{name}: {value} mot {national} i riket {period} ({diff}, {verdict}).",
                "{name}: {value} against {national} nationally in {period} ({diff}, {verdict}).",
            ).format(
                name=name,
                value=value,
                national=national,
                period=fmt.period(c.period),
                diff=cmp.difference(c, fmt),
                verdict=cmp.verdict(c, lang),
            )(lang)
        )
    return out
