"""The quarterly brief in words: a view of :class:`~trygghet_cli.analysis.brief.Brief` with
every number, date and status already formatted, rendered through a Jinja2 template.

Templates receive ``view`` (sentences and :class:`~trygghet_cli.render.tables.Table` values,
ready to lay out), ``brief`` (the data itself, for a kommun's own template), ``fmt`` (the
:class:`~trygghet_cli.wording.Formatter`), ``t(sv, en)`` and ``lang``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from trygghet_cli.analysis.brief import Brief, GoalItem, SoFar, Status
from trygghet_cli.analysis.brief_actions import ActionItem
from trygghet_cli.followup.base import Deadline
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.model.indicators import Unit
from trygghet_cli.model.periods import IsoWeek
from trygghet_cli.render import comparisons as cmp
from trygghet_cli.render import tables
from trygghet_cli.render.brief_documents import document_lines, law_intro, law_lines
from trygghet_cli.render.brief_summary import (
    MEETINGS,
    REPORTS,
    late,
    listing,
    national_lines,
    on_track,
    so_far_text,
)
from trygghet_cli.render.labels import (
    ILLUSTRATIVE_NOTE,
    illustrative,
    illustrative_value,
    label,
)
from trygghet_cli.render.tables import Table
from trygghet_cli.render.templating import (
    SUFFIX,
    Flavour,
    MarkdownSafe,
    environment,
    helpers,
    render_template,
    template_root,
    translator,
)
from trygghet_cli.wording import Formatter, cadence_text, decimals_by_unit, side_by_side

PLURALS = {
    "entry": Text("post|poster", "entry|entries"),
    "incident": Text("händelse|händelser", "incident|incidents"),
    "meeting": Text("möte|möten", "meeting|meetings"),
}


@dataclass(frozen=True)
class DecisionGroup:
    heading: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class BriefView:
    lang: Lang
    title: str
    intro: str
    on_track: tuple[str, ...]
    late: tuple[str, ...]
    national: tuple[str, ...]
    meetings: Table
    reports: Table
    decisions: tuple[DecisionGroup, ...]
    actions_intro: str
    actions_overdue: Table
    actions_open: Table
    actions_completed: Table
    goals: Table
    documents: tuple[str, ...]
    law_intro: str
    law: tuple[str, ...]
    comparison: Table
    comparison_notes: tuple[str, ...]
    situation_intro: str
    situation_categories: Table
    situation_areas: Table
    situation_serious: tuple[str, ...]
    next_title: str
    next_intro: str
    upcoming: Table
    footer: tuple[str, ...] = field(default=())


def build_view(brief: Brief, lang: Lang) -> BriefView:
    fmt = Formatter(lang)
    t = translator(lang)
    plan = brief.plan
    quarter = fmt.quarter(brief.quarter)
    comparison, comparison_notes = _comparison_table(brief, fmt)
    return BriefView(
        lang=lang,
        title=t(f"Lägesrapport {quarter}: {plan.name}", f"Quarterly brief, {quarter}: {plan.name}"),
        intro=_intro(brief, fmt),
        on_track=tuple(on_track(brief, fmt)),
        late=tuple(late(brief, fmt)),
        national=tuple(national_lines(brief, fmt)),
        meetings=_meetings_table(brief, fmt),
        reports=_reports_table(brief, fmt),
        decisions=tuple(
            DecisionGroup(
                illustrative(
                    f"{m.body}, {fmt.date(m.day)}"
                    + (t(" (akut möte)", " (urgent meeting)") if m.kind.value == "akut" else ""),
                    m.illustrative,
                    lang,
                ),
                tuple(
                    (t("Inriktningsbeslut: ", "Policy decision: ") if d.direction else "") + d.text
                    for d in m.decisions
                ),
            )
            for m in brief.decisions
        ),
        actions_intro=_actions_intro(brief, fmt),
        actions_overdue=_actions_table(brief.actions.overdue, fmt, brief.quarter.year, done=False),
        actions_open=_actions_table(brief.actions.open, fmt, brief.quarter.year, done=False),
        actions_completed=_actions_table(
            brief.actions.completed, fmt, brief.quarter.year, done=True
        ),
        goals=_goals_table(brief.goals, fmt),
        documents=tuple(document_lines(brief, fmt)),
        law_intro=law_intro(brief, fmt),
        law=tuple(law_lines(brief, fmt)),
        comparison=comparison,
        comparison_notes=tuple(comparison_notes),
        situation_intro=_situation_intro(brief, fmt),
        situation_categories=Table(
            (
                t("Kategori", "Category"),
                t("Poster", "Entries"),
                t("Händelser", "Incidents"),
                t("Förra kvartalet", "Previous quarter"),
            ),
            tuple(
                (
                    label(c.category, lang),
                    fmt.number(c.entries),
                    fmt.number(c.events),
                    fmt.number(c.previous_entries),
                )
                for c in brief.situation.by_category
            ),
            (False, True, True, True),
        ),
        situation_areas=Table(
            (
                t("Område", "Area"),
                t("Poster", "Entries"),
                t("Händelser", "Incidents"),
                t("Vanligast", "Most common"),
            ),
            tuple(
                (
                    a.area,
                    fmt.number(a.entries),
                    fmt.number(a.events),
                    listing([label(c, lang) for c in a.top_categories], lang, limit=5),
                )
                for a in brief.situation.by_area
            ),
            (False, True, True, False),
        ),
        situation_serious=tuple(
            f"{fmt.week(e.week)}, {e.area}"
            + (f", {e.place}" if e.place else "")
            + f": {e.description} ({e.reported_by}; "
            + t(f"bedömning {e.assessment} av 4", f"assessed {e.assessment} of 4")
            + ")"
            for _, _, e in brief.situation.serious
        ),
        next_title=(
            t(
                f"Att göra resten av {quarter} och {fmt.quarter(brief.next_quarter)}",
                f"Due in the rest of {quarter} and in {fmt.quarter(brief.next_quarter)}",
            )
            if brief.ongoing
            else t(
                f"Att göra {fmt.quarter(brief.next_quarter)}",
                f"Due in {fmt.quarter(brief.next_quarter)}",
            )
        ),
        next_intro=t(
            f"Tidsfrister till och med {fmt.date(brief.next_quarter.end)} för det som inte var "
            f"klart den {fmt.date(brief.end)}; för återkommande möten, rapporter och "
            "uppföljningar det närmaste tillfället.",
            f"Deadlines up to {fmt.date(brief.next_quarter.end)} for what was not done on "
            f"{fmt.date(brief.end)}; for recurring meetings, reports and follow-ups the next "
            "occasion.",
        ),
        upcoming=Table(
            (t("Datum", "Date"), t("Vad", "What"), t("Ansvarig", "Responsible")),
            tuple(
                (
                    fmt.date_in_year(d.date, brief.quarter.year),
                    d.title(lang),
                    d.responsible or "–",
                )
                for d in brief.upcoming
            ),
        ),
        footer=tuple(_footer(brief, fmt)),
    )


# --- sections --------------------------------------------------------------------------------


def _intro(brief: Brief, fmt: Formatter) -> str:
    """What the brief follows up, and the day it is assessed on: said plainly at the top when
    the quarter had not ended."""
    t = translator(fmt.lang)
    name = brief.plan.name
    span = fmt.date_range(brief.start, brief.quarter.end)
    day = fmt.date(brief.end)
    if brief.ongoing:
        return t(
            f"Kvartalet är inte slut: läget den {day}. Uppföljning av det brottsförebyggande "
            f"och trygghetsskapande arbetet i {name}, {span}, med det som var nedskrivet till "
            "och med den dagen.",
            f"The quarter has not ended: status as of {day}. Follow-up of crime prevention and "
            f"community safety work in {name}, {span}, with what was recorded up to that day.",
        )
    return t(
        f"Uppföljning av det brottsförebyggande och trygghetsskapande arbetet i {name}, "
        f"{span}. Läget som det var den {day}.",
        f"Follow-up of crime prevention and community safety work in {name}, "
        f"{span}. Status as of {day}.",
    )


def _status_text(status: Status, deadline: Deadline | None, fmt: Formatter, year: int) -> str:
    """The "Läge" of a body's meetings or a reporting line: on track, or since when late."""
    t = translator(fmt.lang)
    if deadline is not None and status in (Status.LATE, Status.DUE):
        day = fmt.date_in_year(deadline.date, year)
        if status is Status.LATE:
            return t(f"Försenat sedan {day}", f"Overdue since {day}")
        return t(f"Senast {day}", f"Due {day}")
    return label(status, fmt.lang)


def _meetings_table(brief: Brief, fmt: Formatter) -> Table:
    t = translator(fmt.lang)
    out = []
    made_up = {
        (r.meeting.body, r.meeting.illustrative)
        for r in brief.plan.meetings
        if brief.start <= r.meeting.date <= brief.end
    }
    for m in brief.meetings:
        held = fmt.number(len(m.held))
        if m.extra:
            held += t(f" + {len(m.extra)} akut", f" + {len(m.extra)} urgent")
        dates = ", ".join(fmt.day_month(d) for d in sorted((*m.held, *m.extra)))
        if dates and (m.body.id, True) in made_up:
            dates = illustrative(dates, True, fmt.lang)
        out.append(
            (
                m.body.name,
                cadence_text(m.cadence)(fmt.lang) if m.cadence else "–",
                held,
                fmt.number(m.expected) if m.expected is not None else "–",
                _year_to_date(m.so_far, fmt, brief.quarter.year),
                _status_text(m.status, m.deadline, fmt, brief.quarter.year),
                dates or "–",
            )
        )
    headers = (
        t("Organ", "Body"),
        t("Mötesfrekvens", "Cadence"),
        t("Möten", "Meetings"),
        t("Enligt frekvensen", "Expected"),
        t("Hållna och krävda", "Held and required"),
        t("Läge", "Status"),
        t("Datum", "Dates"),
    )
    return Table(headers, tuple(out), (False, False, True, True, True, False, False))


def _year_to_date(
    so_far: SoFar | None, fmt: Formatter, year: int, nouns: tuple[Text, Text] = MEETINGS
) -> str:
    """``5 möten sedan 1 jan., 5 krävs``: held against asked for since the open account began
    (1 January, or the oldest period still missing an occasion), on which the status is
    judged."""
    if so_far is None:
        return "–"
    return so_far_text(so_far, fmt.date_in_year(so_far.since, year), nouns, fmt)


def _reports_table(brief: Brief, fmt: Formatter) -> Table:
    t = translator(fmt.lang)
    out = []
    made_up = {
        line.id for b in brief.plan.bodies().values() for line in b.reporting if line.illustrative
    }
    for r in brief.reports:
        if r.expected == 0 and r.count == 0 and r.status is not Status.LATE:
            continue
        out.append(
            (
                f"{r.sender} → {listing(list(r.recipients), fmt.lang, limit=5)}",
                illustrative(" ".join(r.content.split()), r.duty.key in made_up, fmt.lang),
                cadence_text(r.cadence)(fmt.lang),
                fmt.number(r.count),
                fmt.number(r.expected),
                _year_to_date(r.so_far, fmt, brief.quarter.year, REPORTS),
                _status_text(r.status, r.deadline, fmt, brief.quarter.year),
            )
        )
    headers = (
        t("Från → till", "From → to"),
        t("Innehåll", "Content"),
        t("Kadens", "Cadence"),
        t("Lämnade", "Delivered"),
        t("Enligt kadensen", "Expected"),
        t("Lämnade och krävda", "Delivered and required"),
        t("Läge", "Status"),
    )
    return Table(headers, tuple(out), (False, False, False, True, True, True, False))


def _actions_intro(brief: Brief, fmt: Formatter) -> str:
    a = brief.actions
    when = (
        Text("Den {day}", "On {day}").format(day=fmt.date(brief.end))(fmt.lang)
        if brief.ongoing
        else Text("Vid kvartalets slut", "At the end of the quarter")(fmt.lang)
    )
    return Text(
        "Beslutade under kvartalet: {opened}. Klara under kvartalet: {completed}. "
        "{when} försenade: {overdue}; pågående inom tidsramen: {open}.",
        "Decided in the quarter: {opened}. Completed in the quarter: {completed}. "
        "{when} overdue: {overdue}; open and on time: {open}.",
    ).format(
        when=when,
        opened=fmt.number(len(a.opened)),
        completed=fmt.number(len(a.completed)),
        overdue=fmt.number(len(a.overdue)),
        open=fmt.number(len(a.open)),
    )(fmt.lang)


def _actions_table(
    items: tuple[ActionItem, ...], fmt: Formatter, year: int, *, done: bool
) -> Table:
    t = translator(fmt.lang)
    rows = []
    for i in items:
        a = i.view.action
        last = (
            fmt.date_in_year(a.done_date, year)
            if done and a.done_date
            else fmt.date_in_year(i.view.created, year)
        )
        text = illustrative(a.text, i.view.record.meeting.illustrative, fmt.lang)
        rows.append((text, i.owner, fmt.date_in_year(a.due, year), last, i.body))
    headers = (
        t("Åtgärd", "Action"),
        t("Ansvarig", "Responsible"),
        t("Senast", "Due"),
        t("Klar", "Done") if done else t("Beslutad", "Decided"),
        t("Beslutad av", "Decided by"),
    )
    return Table(headers, tuple(rows))


def _goals_table(items: tuple[GoalItem, ...], fmt: Formatter) -> Table:
    t = translator(fmt.lang)
    rows = []
    table = decimals_by_unit(
        (g.progress.indicator.unit if g.progress.indicator else Unit.COUNT, v.value)
        for g in items
        for v in (g.goal.baseline, g.progress.latest, g.goal.target)
        if v is not None
    )
    for g in items:
        p = g.progress
        unit = p.indicator.unit if p.indicator else Unit.COUNT
        goal = g.goal
        baseline, latest, target = side_by_side(
            [goal.baseline, p.latest, goal.target], unit, fmt, table.get(unit)
        )
        latest = illustrative_value(
            latest, p.latest is not None and p.latest.illustrative, fmt.lang
        )
        rows.append(
            (
                illustrative(goal.text, goal.illustrative, fmt.lang),
                p.indicator.name if p.indicator else "–",
                baseline,
                latest,
                target,
                fmt.short_date(goal.due) if goal.due else "–",
                label(p.state, fmt.lang),
            )
        )
    headers = (
        t("Mål", "Goal"),
        t("Nyckeltal", "Indicator"),
        t("Utgångsläge", "Baseline"),
        t("Senaste värde", "Latest"),
        t("Målvärde", "Target"),
        t("Senast", "Due"),
        t("Läge", "Status"),
    )
    return Table(headers, tuple(rows), (False, False, True, True, True, False, False))


def _comparison_table(brief: Brief, fmt: Formatter) -> tuple[Table, list[str]]:
    t = translator(fmt.lang)
    rows = []
    notes: list[str] = []
    decimals = cmp.table_decimals(brief.comparisons)
    for c in brief.comparisons:
        lines = cmp.notes(c, fmt)
        mark = ""
        if lines:
            notes.append(
                f"{cmp.footnote_mark(len(notes) + 1)} {c.indicator_name}: {' '.join(lines)}"
            )
            mark = cmp.footnote_mark(len(notes))
        rows.append(
            (
                c.indicator_name + mark,
                fmt.period(c.period),
                *cmp.side_by_side_values(c, fmt, decimals),
                cmp.difference(c, fmt),
                cmp.verdict(c, fmt.lang),
                cmp.trend(c.trend, fmt),
            )
        )
    headers = (
        t("Nyckeltal", "Indicator"),
        t("Period", "Period"),
        brief.plan.name,
        t("Riket", "National"),
        t("Skillnad", "Difference"),
        t("Bedömning", "Verdict"),
        t("Trend", "Trend"),
    )
    return Table(headers, tuple(rows), (False, False, True, True, True, False, False)), notes


def _situation_intro(brief: Brief, fmt: Formatter) -> str:
    s = brief.situation
    lang = fmt.lang

    def n(count: int, key: str) -> str:
        return fmt.count(count, *PLURALS[key](lang).split("|"))

    if not s.entries and not s.previous_entries:
        return Text(
            "Lägesbilden har inga poster från veckorna i kvartalet.",
            "The situation picture has no entries for the weeks of the quarter.",
        )(lang)
    if not s.entries:
        return Text(
            "Lägesbilden har inga poster från veckorna i kvartalet. Förra kvartalet: {previous}.",
            "The situation picture has no entries for the weeks of the quarter. Previous "
            "quarter: {previous}.",
        ).format(previous=n(s.previous_entries, "entry"))(lang)
    first, last = s.weeks or (IsoWeek.of(brief.start), IsoWeek.of(brief.end))

    span = (
        Text(f"vecka {first.week}", f"week {first.week}")
        if first == last
        else Text(f"vecka {first.week}–{last.week}", f"weeks {first.week}–{last.week}")
    )
    return Text(
        "{entries} om {events}, rapporterade vid {meetings} ({span}). Förra kvartalet: {previous}.",
        "{entries} on {events}, reported at {meetings} ({span}). Previous quarter: {previous}.",
    ).format(
        entries=n(s.entries, "entry"),
        events=n(s.events, "incident"),
        meetings=n(s.meetings, "meeting"),
        span=span,
        previous=n(s.previous_entries, "entry"),
    )(lang)


def _footer(brief: Brief, fmt: Formatter) -> list[str]:
    lang = fmt.lang
    out = [
        Text(
            "Sammanställt med trygg ur planens filer (mötesloggen, mål, nyckeltal och "
            "styrdokument). Jämförelsetalen för riket kommer från Brå.",
            "Compiled by trygg from the plan's files (meeting log, goals, indicators and "
            "documents). National figures from Brå.",
        )(lang)
    ]
    if brief.illustrative:
        out.append(ILLUSTRATIVE_NOTE(lang))
    return out


# --- rendering -------------------------------------------------------------------------------


def render_brief(
    brief: Brief, lang: Lang, flavour: Flavour, user_templates: Path | None = None
) -> str:
    """The brief as Markdown or HTML, from the built-in template or a kommun's own."""
    root = template_root()
    folders = [root / "report", root / "shared"]
    if user_templates is not None:
        folders.insert(0, user_templates)
    fmt = Formatter(lang)
    env = environment(flavour, folders)
    context = {
        "view": build_view(brief, lang),
        "brief": brief,
        "fmt": helpers(fmt),
        "t": translator(lang),
        "lang": lang,
        "label": lambda value: label(value, lang),
        "md_table": lambda table: MarkdownSafe(tables.markdown(table)),
    }
    return render_template(env, f"brief.{SUFFIX[flavour]}.j2", context, brief.plan.root)
