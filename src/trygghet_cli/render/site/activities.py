"""The activities page."""

from __future__ import annotations

from datetime import date

from trygghet_cli.followup.deadlines import PlanFollowUp
from trygghet_cli.followup.state import activity_done_by, activity_late
from trygghet_cli.i18n import Text
from trygghet_cli.model.activities import Activity, ActivityStatus
from trygghet_cli.model.plan import Plan
from trygghet_cli.render.export import (
    Block,
    Page,
    Section,
    facts,
    para,
    table,
)
from trygghet_cli.render.labels import illustrative, label
from trygghet_cli.render.site.common import who
from trygghet_cli.render.tables import Table
from trygghet_cli.render.templating import translator
from trygghet_cli.wording import Formatter, cadence_text


def _status(activity: Activity, fmt: Formatter, as_of: date) -> str:
    """The activity's status on the follow-up's day: done only if done by then, late past its
    ``klart_senast``, else as written (a status ``klar`` dated later was still under way)."""
    lang = fmt.lang
    if activity_done_by(activity, as_of):
        done = f" ({fmt.short_date(activity.done_date)})" if activity.done_date else ""
        return label(activity.status, lang) + done
    if activity_late(activity, as_of):
        assert activity.due is not None
        return Text("Försenad sedan {d}", "Overdue since {d}").format(
            d=fmt.short_date(activity.due)
        )(lang)
    if activity.status is ActivityStatus.DONE:
        started = activity.start is None or activity.start <= as_of
        return label(ActivityStatus.ONGOING if started else ActivityStatus.PLANNED, lang)
    return label(activity.status, lang)


def activities_page(plan: Plan, fmt: Formatter, nav: str, followup: PlanFollowUp) -> Page:
    lang = fmt.lang
    t = translator(lang)
    items = list(plan.activities_by_id().values())
    day = fmt.short_date(followup.as_of)
    rows = tuple(
        (
            illustrative(a.name, a.illustrative, lang),
            label(a.kind, lang),
            label(a.prevention, lang) if a.prevention else "–",
            who(plan, a.owner),
            fmt.short_date(a.start) if a.start else "–",
            fmt.short_date(a.due) if a.due else "–",
            _status(a, fmt, followup.as_of),
        )
        for a in items
    )
    headers = (
        t("Aktivitet", "Activity"),
        t("Typ", "Kind"),
        t("Inriktning", "Prevention"),
        t("Ansvarig", "Responsible"),
        t("Start", "Start"),
        t("Klart senast", "Due"),
        t(f"Läge {day}", f"Status {day}"),
    )
    sections = [Section(t("Alla aktiviteter", "All activities"), (table(Table(headers, rows)),))]
    if any(a.description or a.body or a.evaluation for a in items):
        sections.append(Section(t("Om aktiviteterna", "About the activities"), ()))
    for a in items:
        pairs = [
            (t("Organ", "Body"), who(plan, a.body)),
            (t("Följs upp", "Followed up"), cadence_text(a.follow_up)(lang) if a.follow_up else ""),
            (
                t("Styrdokument", "Documents"),
                ", ".join(
                    plan.documents_by_id()[d].title if d in plan.documents_by_id() else d
                    for d in a.documents
                ),
            ),
            (t("Finansiering", "Funding"), a.funding or ""),
            (
                t("Utvärdering", "Evaluation"),
                (
                    a.evaluation.by
                    + (f" ({a.evaluation.funding})" if a.evaluation.funding else "")
                    + (
                        t(", redovisas ", ", report due ") + fmt.date(a.evaluation.report_due)
                        if a.evaluation.report_due
                        else ""
                    )
                )
                if a.evaluation
                else "",
            ),
        ]
        blocks: list[Block] = []
        if a.description:
            blocks.append(para(a.description))
        fact_block = facts(pairs)
        if fact_block.items:
            blocks.append(fact_block)
        if blocks:
            sections.append(
                Section(
                    illustrative(a.name, a.illustrative, lang),
                    tuple(blocks),
                    anchor=f"aktivitet-{a.id}",
                    level=3,
                )
            )
    return Page(
        "aktiviteter",
        nav,
        t("Aktiviteter", "Activities"),
        t(
            "Åtgärder, aktiviteter och projekt med ansvarig, tider och läget den dag sidorna "
            "bedömer.",
            "Measures, activities and projects with owner, dates and status on the day the "
            "pages are judged on.",
        ),
        tuple(sections),
    )
