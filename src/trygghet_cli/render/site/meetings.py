"""The meeting log page."""

from __future__ import annotations

from datetime import date

from trygghet_cli.followup.deadlines import PlanFollowUp
from trygghet_cli.followup.state import ActionState, action_state, meetings_held_by
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.model.plan import Plan
from trygghet_cli.render.export import (
    Block,
    Link,
    Page,
    Section,
    bullets,
    facts,
    links,
    para,
    table,
)
from trygghet_cli.render.labels import illustrative, label
from trygghet_cli.render.orgchart import short
from trygghet_cli.render.site.common import names, who
from trygghet_cli.render.tables import Table
from trygghet_cli.render.templating import translator
from trygghet_cli.wording import Formatter


def meetings_page(plan: Plan, fmt: Formatter, nav: str, followup: PlanFollowUp) -> Page:
    lang = fmt.lang
    t = translator(lang)
    states = {id(v.action): v.state for v in followup.actions}
    on = fmt.short_date(followup.as_of)
    bodies = plan.bodies()
    records = meetings_held_by(plan, followup.as_of)
    sections: list[Section] = []
    index = [
        Link(
            f"{fmt.date(r.meeting.date)}: "
            + (bodies[r.meeting.body].name if r.meeting.body in bodies else r.meeting.body),
            f"#mote-{_anchor(r.file)}",
        )
        for r in records
    ]
    if index:
        sections.append(Section(t("Alla möten", "All meetings"), (links(index),), only="html"))
    for r in records:
        m = r.meeting
        body = bodies[m.body].name if m.body in bodies else m.body
        blocks: list[Block] = [
            facts(
                [
                    (t("Typ", "Kind"), label(m.kind, lang)),
                    (t("Plats", "Place"), m.place or ""),
                    (t("Närvarande", "Present"), names(plan, m.attendees)),
                    (
                        t("Rapporter", "Reports"),
                        "; ".join(_report_name(plan, line_id, lang) for line_id in m.reports),
                    ),
                ]
            )
        ]
        if m.agenda:
            blocks.append(para(t("Dagordning:", "Agenda:")))
            blocks.append(bullets(m.agenda))
        if m.decisions:
            blocks.append(para(t("Beslut:", "Decisions:")))
            blocks.append(
                bullets(
                    [
                        (t("Inriktningsbeslut: ", "Policy decision: ") if d.direction else "")
                        + d.text
                        for d in m.decisions
                    ]
                )
            )
        if m.follow_ups:
            blocks.append(table(_follow_ups(plan, m.date, m.follow_ups, fmt, followup)))
        if m.actions:
            rows = tuple(
                (
                    a.text,
                    who(plan, a.owner),
                    fmt.short_date(a.due),
                    _action_status(states.get(id(a)), a.done_date, fmt),
                )
                for a in m.actions
            )
            blocks.append(
                table(
                    Table(
                        (
                            t("Åtgärd", "Action"),
                            t("Ansvarig", "Responsible"),
                            t("Senast", "Due"),
                            t(f"Läge {on}", f"Status {on}"),
                        ),
                        rows,
                        caption=t("Åtgärder", "Actions"),
                    )
                )
            )
        if m.situation:
            entries = tuple(
                (
                    fmt.week(e.week),
                    e.area,
                    e.place or "",
                    label(e.category, lang),
                    e.description,
                    e.reported_by,
                    fmt.number(e.count) if e.count else "",
                )
                for e in m.situation
            )
            blocks.append(
                table(
                    Table(
                        (
                            t("Vecka", "Week"),
                            t("Område", "Area"),
                            t("Plats", "Place"),
                            t("Kategori", "Category"),
                            t("Beskrivning", "Description"),
                            t("Rapporterad av", "Reported by"),
                            t("Antal", "Count"),
                        ),
                        entries,
                        (False, False, False, False, False, False, True),
                        caption=t("Lägesbild", "Situation picture"),
                    )
                )
            )
        if m.notes:
            blocks.append(para(m.notes))
        sections.append(
            Section(
                illustrative(f"{fmt.date(m.date)}: {body}", m.illustrative, lang),
                tuple(blocks),
                anchor=f"mote-{_anchor(r.file)}",
            )
        )
    return Page(
        "moten",
        nav,
        t("Mötesloggen", "Meeting log"),
        t(
            "Alla möten i planens möteslogg, med beslut, åtgärder och lägesbild.",
            "Every meeting in the plan's log, with decisions, actions and situation picture.",
        ),
        tuple(sections),
    )


def _follow_ups(
    plan: Plan, day: date, ids: list[str], fmt: Formatter, followup: PlanFollowUp
) -> Table:
    """The actions a meeting followed up: each as it stood on the meeting's day, and on the
    day the pages are judged on (the follow-up's); read from the actions themselves, so that
    the page never goes stale."""
    t = translator(fmt.lang)
    states = {id(v.action): v.state for v in followup.actions}
    on = fmt.short_date(followup.as_of)
    found = {action.id: (record, action) for record, action in plan.actions()}
    rows = []
    for action_id in ids:
        if action_id not in found:
            rows.append((action_id, "", "", "", ""))
            continue
        record, action = found[action_id]
        state = action_state(action, action.created or record.meeting.date, day)
        rows.append(
            (
                f"{action.id}: {action.text}",
                who(plan, action.owner),
                fmt.short_date(action.due),
                label(state, fmt.lang) if state is not None else "",
                _action_status(states.get(id(action)), action.done_date, fmt),
            )
        )
    return Table(
        (
            t("Åtgärd", "Action"),
            t("Ansvarig", "Responsible"),
            t("Senast", "Due"),
            t("Vid mötet", "At the meeting"),
            t(f"Läge {on}", f"Status {on}"),
        ),
        tuple(rows),
        caption=t("Följdes upp", "Followed up"),
    )


def _action_status(state: ActionState | None, done: date | None, fmt: Formatter) -> str:
    """An action on the follow-up's day: decided later (not yet), open, late, done."""
    if state is None:
        return Text("Ännu inte beslutad", "Not yet decided")(fmt.lang)
    if state in (ActionState.DONE, ActionState.DONE_LATE) and done is not None:
        return f"{label(state, fmt.lang)} ({fmt.short_date(done)})"
    return label(state, fmt.lang)


def _anchor(file: str) -> str:
    name = file.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0]


def _report_name(plan: Plan, line_id: str, lang: Lang) -> str:
    """``Lokala BRÅ till Kommunstyrelsen``; with what the report holds when the same body
    sends more than one report to the same receivers."""
    for body in plan.bodies().values():
        for line in body.reporting:
            if line.id == line_id:
                name = Text("{body} till {to}", "{body} to {to}").format(
                    body=body.name, to=names(plan, line.to)
                )(lang)
                twins = [o for o in body.reporting if set(o.to) == set(line.to)]
                if len(twins) > 1:
                    name = f"{name}: {short(line.content)}"
                return illustrative(name, line.illustrative, lang)
    return line_id
