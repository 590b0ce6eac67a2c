"""The activities page."""

from __future__ import annotations

from trygghet_cli.model.plan import Plan
from trygghet_cli.render.export import (
    Block,
    Page,
    Section,
    facts,
    para,
    table,
)
from trygghet_cli.render.formatting import Formatter
from trygghet_cli.render.labels import illustrative, label
from trygghet_cli.render.site.common import who
from trygghet_cli.render.tables import Table
from trygghet_cli.render.templating import translator


def activities_page(plan: Plan, fmt: Formatter, nav: str) -> Page:
    lang = fmt.lang
    t = translator(lang)
    items = list(plan.activities_by_id().values())
    rows = tuple(
        (
            illustrative(a.name, a.illustrative, lang),
            label(a.kind, lang),
            label(a.prevention, lang) if a.prevention else "–",
            who(plan, a.owner),
            fmt.short_date(a.start) if a.start else "–",
            fmt.short_date(a.due) if a.due else "–",
            label(a.status, lang) + (f" ({fmt.short_date(a.done_date)})" if a.done_date else ""),
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
        t("Status", "Status"),
    )
    sections = [Section(t("Alla aktiviteter", "All activities"), (table(Table(headers, rows)),))]
    if any(a.description or a.body or a.evaluation for a in items):
        sections.append(Section(t("Om aktiviteterna", "About the activities"), ()))
    for a in items:
        pairs = [
            (t("Organ", "Body"), who(plan, a.body)),
            (t("Följs upp", "Followed up"), a.follow_up.describe(lang) if a.follow_up else ""),
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
            "Åtgärder, aktiviteter och projekt med ansvarig, tider och status som de står i "
            "planen.",
            "Measures, activities and projects with owner, dates and status as the plan has them.",
        ),
        tuple(sections),
    )
