"""The goals page: goal areas, goals and sub-goals, and the follow-up."""

from __future__ import annotations

from trygghet_cli.followup.base import Kind
from trygghet_cli.followup.deadlines import PlanFollowUp
from trygghet_cli.followup.state import GoalProgress
from trygghet_cli.i18n import Text
from trygghet_cli.model.indicators import Unit
from trygghet_cli.model.plan import Plan
from trygghet_cli.render.export import (
    Block,
    Page,
    Section,
    para,
    table,
)
from trygghet_cli.render.labels import illustrative, illustrative_value, label
from trygghet_cli.render.site.common import duty_status, names, who
from trygghet_cli.render.tables import Table
from trygghet_cli.render.templating import translator
from trygghet_cli.wording import Formatter, cadence_text, decimals_by_unit, side_by_side


def _unit(progress: GoalProgress) -> Unit:
    return progress.indicator.unit if progress.indicator else Unit.COUNT


def _goal_row(
    plan: Plan,
    progress: GoalProgress,
    depth: int,
    fmt: Formatter,
    decimals: dict[Unit, int | None],
) -> tuple[str, ...]:
    """A goal as it stands on the follow-up's day: the latest value known then, and its
    state (the brief's "Läge"), its values with at least the decimals of the table's values
    of the unit."""
    lang = fmt.lang
    goal = progress.goal
    indicator = progress.indicator
    unit = _unit(progress)
    prefix = Text("Delmål: ", "Sub-goal: ")(lang) if depth else ""
    baseline_text, latest_text, target_text = side_by_side(
        [goal.baseline, progress.latest, goal.target], unit, fmt, decimals.get(unit)
    )
    latest = progress.latest
    latest_text = illustrative_value(latest_text, latest is not None and latest.illustrative, lang)
    return (
        prefix + illustrative(goal.text, goal.illustrative, lang),
        label(goal.kind, lang),
        indicator.name if indicator else "–",
        baseline_text,
        latest_text,
        target_text,
        fmt.short_date(goal.due) if goal.due else "–",
        who(plan, goal.owner) or "–",
        label(progress.state, lang),
    )


def goals_page(plan: Plan, fmt: Formatter, nav: str, followup: PlanFollowUp) -> Page:
    t = translator(fmt.lang)
    progress = {id(p.goal): p for p in followup.goals}
    day = fmt.short_date(followup.as_of)
    headers = (
        t("Mål", "Goal"),
        t("Typ", "Kind"),
        t("Nyckeltal", "Indicator"),
        t("Utgångsläge", "Baseline"),
        t("Senaste värde", "Latest"),
        t("Målvärde", "Target"),
        t("Senast", "Due"),
        t("Ansvarig", "Responsible"),
        t(f"Läge {day}", f"Status {day}"),
    )
    sections = []
    if plan.goals is not None:
        for area in plan.goals.areas:
            rows = []
            walked = [
                (progress[id(goal)], len(path)) for top in area.goals for goal, path in top.walk(())
            ]
            decimals = decimals_by_unit(
                (_unit(p), v.value)
                for p, _ in walked
                for v in (p.goal.baseline, p.latest, p.goal.target)
                if v is not None
            )
            for p, depth in walked:
                rows.append(_goal_row(plan, p, depth, fmt, decimals))
            blocks: list[Block] = []
            if area.description:
                blocks.append(para(area.description))
            blocks.append(
                table(Table(headers, tuple(rows), (False, False, False, True, True, True)))
            )
            sections.append(Section(area.name, tuple(blocks), anchor=f"malomrade-{area.id}"))
        if plan.goals.follow_up:
            rows = []
            for f in plan.goals.follow_up:
                rows.append(
                    (
                        illustrative(f.description, f.illustrative, fmt.lang),
                        f.method or "",
                        who(plan, f.owner),
                        cadence_text(f.cadence)(fmt.lang) if f.cadence else "",
                        names(plan, f.reported_to),
                        ", ".join(fmt.short_date(d) for d in f.done if d <= followup.as_of),
                        duty_status(followup.duty(Kind.FOLLOW_UP, f.id), fmt),
                    )
                )
            follow = Table(
                (
                    t("Uppföljning", "Follow-up"),
                    t("Metod", "Method"),
                    t("Ansvarig", "Responsible"),
                    t("Kadens", "Cadence"),
                    t("Redovisas för", "Reported to"),
                    t("Genomförd", "Done"),
                    t(f"Läge {day}", f"Status {day}"),
                ),
                tuple(rows),
            )
            sections.append(Section(t("Uppföljning", "Follow-up"), (table(follow),)))
    return Page(
        "mal",
        nav,
        t("Mål", "Goals"),
        t(
            "Målområden, mål och delmål med nyckeltal, utgångsläge och målvärde, och hur "
            "arbetet följs upp.",
            "Goal areas, goals and sub-goals with indicator, baseline and target, and how the "
            "work is followed up.",
        ),
        tuple(sections),
    )
