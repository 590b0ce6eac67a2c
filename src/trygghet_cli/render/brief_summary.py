"""The brief's summary in sentences: what is on track, what is late, how the kommun stands
against the country. Plan text is quoted with the language's quotation marks: ”…” in Swedish,
“…” in English."""

from __future__ import annotations

from trygghet_cli.analysis.brief import BodyMeetings, Brief, GoalItem, ReportDeliveries, Status
from trygghet_cli.checks.followup import GoalState
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.model.indicators import Unit
from trygghet_cli.render import comparisons as cmp
from trygghet_cli.render.formatting import Formatter

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


def _held(m: BodyMeetings, fmt: Formatter) -> str:
    of = Text("av", "of")(fmt.lang)
    return f"{m.body.name} ({len(m.held)} {of} {m.expected})"


def _delivered(r: ReportDeliveries, fmt: Formatter) -> str:
    of = Text("av", "of")(fmt.lang)
    to = Text("till", "to")(fmt.lang)
    recipients = listing(list(r.recipients), fmt.lang, limit=5)
    return f"{r.body.name} {to} {recipients} ({r.check.count} {of} {r.check.expected})"


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
    if a.due_in_quarter:
        out.append(
            Text(
                "{done} av {due} åtgärder med sista datum under kvartalet blev klara i tid.",
                "{done} of {due} actions due in the quarter were done on time.",
            ).format(done=a.done_on_time, due=a.due_in_quarter)(lang)
        )
    measured = [g for g in brief.goals if g.progress.state is not GoalState.NOT_MEASURED]
    good = [g for g in measured if g.status is Status.OK]
    if good:
        out.append(
            Text(
                "{n} av {m} mål som mäts med nyckeltal är uppnådda eller på väg.",
                "{n} of {m} goals measured by an indicator are achieved or on track.",
            ).format(n=len(good), m=len(measured))(lang)
        )
    return out


def late(brief: Brief, fmt: Formatter) -> list[str]:
    lang = fmt.lang
    out = []
    short = [_held(m, fmt) for m in brief.meetings if m.status is Status.LATE]
    if short:
        out.append(
            Text(
                "Färre möten än mötesfrekvensen: {x}.", "Fewer meetings than planned: {x}."
            ).format(x=listing(short, lang, limit=6))(lang)
        )
    missing = [_delivered(r, fmt) for r in brief.reports if r.status is Status.LATE]
    if missing:
        out.append(
            Text("Rapporter som saknas: {x}.", "Reports missing: {x}.").format(
                x=listing(missing, lang, limit=4)
            )(lang)
        )
    overdue = brief.actions.overdue
    if overdue:
        items = [
            f"{quoted(i.view.action.text, lang)} ({i.owner}, "
            + Text("senast ", "due ")(lang)
            + f"{fmt.date(i.view.action.due)})"
            for i in overdue
        ]
        out.append(
            Text(
                "{n} åtgärder är försenade: {x}."
                if len(overdue) != 1
                else "1 åtgärd är försenad: {x}.",
                "{n} actions are overdue: {x}."
                if len(overdue) != 1
                else "1 action is overdue: {x}.",
            ).format(n=len(overdue), x=listing(items, lang))(lang)
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
        if g.status is Status.LATE:
            out.append(_goal_sentence(g, fmt))
    for la in brief.late_activities:
        due = la.activity.due
        out.append(
            Text(
                "Aktiviteten {name} skulle ha varit klar {due} ({owner}).",
                "The activity {name} was due {due} ({owner}).",
            ).format(
                name=quoted(la.activity.name, lang),
                due=fmt.date(due) if due else "–",
                owner=la.owner,
            )(lang)
        )
    for d in brief.overdue_documents:
        out.append(
            Text(
                "Styrdokumentet {title} skulle ha reviderats senast {due}.",
                "The document {title} was due for review by {due}.",
            ).format(title=quoted(d.document.title, lang), due=fmt.date(d.due))(lang)
        )
    if not out:
        out.append(Text("Inget är försenat.", "Nothing is late.")(lang))
    return out


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
        text += Text(
            ": {latest} mot utgångsläget {baseline} och målvärdet {target}",
            ": {latest} against a baseline of {baseline} and a target of {target}",
        ).format(
            latest=fmt.value(p.latest.value, unit),
            baseline=fmt.value(p.baseline, unit),
            target=fmt.value(p.target, unit),
        )(lang)
    return text + "."


def national_lines(brief: Brief, fmt: Formatter) -> list[str]:
    lang = fmt.lang
    out = []
    for c in brief.comparisons:
        if c.national is None or c.difference is None:
            continue
        out.append(
            Text(
                "{name}: {value} mot {national} i riket {period} ({diff}, {verdict}).",
                "{name}: {value} against {national} nationally in {period} ({diff}, {verdict}).",
            ).format(
                name=c.indicator_name,
                value=fmt.value(c.value, c.unit),
                national=fmt.value(c.national, c.national_unit),
                period=fmt.period(c.period),
                diff=cmp.difference(c, fmt),
                verdict=cmp.verdict(c, lang),
            )(lang)
        )
    return out
