"""The pages of the intranet export, built from a plan as :class:`~.export.Page` values.

index, organisation (with the diagram), styrdokument, mål, aktiviteter, nyckeltal (with a
chart against the national figures for each) and the meeting log.
"""

from __future__ import annotations

from datetime import date

from trygghet_cli.analysis.comparison import change, judge
from trygghet_cli.checks import followup
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.model.goals import Goal
from trygghet_cli.model.indicators import Better, Indicator, Unit
from trygghet_cli.model.national import NationalData, NationalSeries
from trygghet_cli.model.organisation import Body
from trygghet_cli.model.periods import Period
from trygghet_cli.model.plan import Plan
from trygghet_cli.render import charts, orgchart
from trygghet_cli.render.comparisons import VERDICT, delta
from trygghet_cli.render.export import (
    Block,
    Figure,
    Link,
    Page,
    Section,
    Site,
    bullets,
    facts,
    figure,
    links,
    mermaid,
    para,
    table,
)
from trygghet_cli.render.formatting import Formatter
from trygghet_cli.render.labels import label, level_name
from trygghet_cli.render.tables import Table
from trygghet_cli.render.templating import translator

PAGES = (
    ("index", Text("Översikt", "Overview")),
    ("organisation", Text("Organisation", "Organisation")),
    ("styrdokument", Text("Styrdokument", "Documents")),
    ("mal", Text("Mål", "Goals")),
    ("aktiviteter", Text("Aktiviteter", "Activities")),
    ("nyckeltal", Text("Nyckeltal", "Indicators")),
    ("moten", Text("Möten", "Meetings")),
)


def build_site(plan: Plan, national: NationalData, lang: Lang) -> Site:
    fmt = Formatter(lang)
    nav = {name: text(lang) for name, text in PAGES}
    footer = _footer(plan, lang)
    pages = (
        _index(plan, fmt, nav),
        _organisation(plan, fmt, nav["organisation"]),
        _documents(plan, fmt, nav["styrdokument"]),
        _goals(plan, fmt, nav["mal"]),
        _activities(plan, fmt, nav["aktiviteter"]),
        _indicators(plan, national, fmt, nav["nyckeltal"]),
        _meetings(plan, fmt, nav["moten"]),
    )
    return Site(plan.name, tuple(_with_footer(p, footer) for p in pages))


def _with_footer(page: Page, footer: tuple[str, ...]) -> Page:
    return Page(page.name, page.nav, page.title, page.lead, page.sections, footer)


def _footer(plan: Plan, lang: Lang) -> tuple[str, ...]:
    t = translator(lang)
    out = [
        t(
            f"Sidorna är gjorda med trygg ur planen för {plan.name}. Ändringar görs i planens "
            "YAML-filer, inte här.",
            f"These pages were made by trygg from the plan for {plan.name}. Changes are made "
            "in the plan's YAML files, not here.",
        )
    ]
    return tuple(out)


def _who(plan: Plan, ref: str | None) -> str:
    if not ref:
        return ""
    return plan.actor_name(ref)


def _names(plan: Plan, refs: list[str]) -> str:
    return ", ".join(_who(plan, r) for r in refs)


def _date(fmt: Formatter, day: date | None) -> str:
    return fmt.date(day) if day is not None else ""


# --- index -----------------------------------------------------------------------------------


def _index(plan: Plan, fmt: Formatter, nav: dict[str, str]) -> Page:
    t = translator(fmt.lang)
    m = plan.municipality
    sections: list[Section] = []
    if m is not None:
        police = m.police
        pairs = [
            (t("Kommun", "Municipality"), m.name),
            (t("Stadsdel", "District"), m.district or ""),
            (t("Kommunkod", "Municipality code"), m.kommunkod),
            (t("Län", "County"), m.county),
            (
                t("Folkmängd", "Population"),
                f"{fmt.number(m.population.count)} ({m.population.year})",
            ),
            (t("Polisregion", "Police region"), police.region or ""),
            (t("Polisområde", "Police area"), police.area),
            (t("Lokalpolisområde", "Local police area"), police.local_area or ""),
            (t("Planen gäller från", "Plan in force from"), _date(fmt, m.plan_date)),
            (t("Källa", "Source"), m.source or ""),
        ]
        blocks: list[Block] = []
        if m.description:
            blocks.append(para(m.description))
        blocks.append(facts(pairs))
        sections.append(Section(t("Kommunen", "The municipality"), tuple(blocks)))
        if m.methods:
            sections.append(Section(t("Arbetssätt", "Ways of working"), (bullets(m.methods),)))
        if m.contacts:
            rows = tuple(
                (c.name or "–", c.role, c.organisation, c.email or "", c.phone or "")
                for c in m.contacts
            )
            headers = (
                t("Namn", "Name"),
                t("Roll", "Role"),
                t("Organisation", "Organisation"),
                t("E-post", "Email"),
                t("Telefon", "Phone"),
            )
            sections.append(Section(t("Kontakt", "Contact"), (table(Table(headers, rows)),)))
    counts = {
        "organisation": t(
            f"{len(plan.bodies())} organ och {len(plan.roles())} roller",
            f"{len(plan.bodies())} bodies and {len(plan.roles())} roles",
        ),
        "styrdokument": t(
            f"{len(plan.documents_by_id())} styrdokument",
            f"{len(plan.documents_by_id())} documents",
        ),
        "mal": t(f"{len(plan.goals_list())} mål och delmål", f"{len(plan.goals_list())} goals"),
        "aktiviteter": t(
            f"{len(plan.activities_by_id())} aktiviteter",
            f"{len(plan.activities_by_id())} activities",
        ),
        "nyckeltal": t(
            f"{len(plan.indicators_by_id())} nyckeltal jämförda med riket",
            f"{len(plan.indicators_by_id())} indicators compared with the country",
        ),
        "moten": t(f"{len(plan.meetings)} möten", f"{len(plan.meetings)} meetings"),
    }
    contents = [Link(f"{nav[name]}: {counts[name]}", name) for name, _ in PAGES[1:]]
    sections.insert(0, Section(t("Innehåll", "Contents"), (links(contents),)))
    return Page(
        "index",
        nav["index"],
        t(
            f"{plan.name}: brottsförebyggande och trygghetsskapande arbete",
            f"{plan.name}: crime prevention and community safety",
        ),
        t(
            "Planen för det lokala brottsförebyggande och trygghetsskapande arbetet: "
            "organisation, styrdokument, mål, aktiviteter, nyckeltal och möten.",
            "The plan for local crime prevention and community safety work: organisation, "
            "documents, goals, activities, indicators and meetings.",
        ),
        tuple(sections),
    )


# --- organisation ----------------------------------------------------------------------------


def _organisation(plan: Plan, fmt: Formatter, nav: str) -> Page:
    lang = fmt.lang
    t = translator(lang)
    org = plan.organisation
    sections: list[Section] = []
    if org is None:
        return Page("organisation", nav, nav, "", ())
    c = org.coordination
    coordinators = []
    for co in c.coordinators:
        role = plan.roles().get(co.role)
        text = role.title if role else co.role
        details = [role.organisation] if role else []
        if co.count > 1:
            details.append(t(f"{co.count} tjänster", f"{co.count} posts"))
        if co.fte_percent is not None:
            details.append(
                t(
                    f"{fmt.percent(co.fte_percent)} av heltid",
                    f"{fmt.percent(co.fte_percent)} of full time",
                )
            )
        if co.crime_prevention_percent is not None:
            details.append(
                t(
                    f"varav {fmt.percent(co.crime_prevention_percent)} brottsförebyggande",
                    f"{fmt.percent(co.crime_prevention_percent)} on crime prevention",
                )
            )
        if co.placement:
            details.append(co.placement)
        if co.other_duties:
            details.append(t("även ", "also ") + "; ".join(co.other_duties))
        coordinators.append(text + (f" ({', '.join(details)})" if details else ""))
    sections.append(
        Section(
            t("Samordning", "Coordination"),
            (
                facts(
                    [
                        (t("Funktion", "Function"), c.function or ""),
                        (t("Samordnare", "Coordinators"), "; ".join(coordinators)),
                        (t("Kommunpolis", "Community police officer"), _names(plan, c.police)),
                        (t("Inrättad", "Established"), _date(fmt, c.established)),
                    ]
                ),
            ),
        )
    )
    diagram_title = t(f"Organisationen i {plan.name}", f"The organisation in {plan.name}")
    svg = orgchart.svg(plan, lang, diagram_title)
    lines = orgchart.edges(plan, lang)
    reporting = _reporting_table(plan, fmt)
    legend = para(
        t(
            "Pilarna pekar mot den som tar emot en rapport (heldragen linje) eller som ett "
            "organ hör under eller är tillsatt av (streckad linje).",
            "Arrows point to the body that receives a report (solid line), or that a body "
            "sits under or was appointed by (dashed line).",
        )
    )
    if lines:
        sections.append(
            Section(
                t("Vem rapporterar till vem", "Who reports to whom"),
                (mermaid(orgchart.mermaid(plan, lang), diagram_title), legend, table(reporting)),
                only="markdown",
            )
        )
        sections.append(
            Section(
                t("Vem rapporterar till vem", "Who reports to whom"),
                (
                    figure(Figure(diagram_title, legend.text, svg, "organisation.svg")),
                    table(reporting),
                ),
                only="html",
            )
        )
    sections.append(Section(t("Organ", "Bodies"), ()))
    for body in org.bodies:
        pairs = [
            (t("Typ", "Kind"), label(body.kind, lang)),
            (t("Mandat", "Mandate"), body.mandate or ""),
            (t("Under", "Under"), _who(plan, body.parent)),
            (t("Tillsatt av", "Appointed by"), _who(plan, body.appointed_by)),
            (t("Område", "Area"), body.area or ""),
            (t("Ordförande", "Chair"), _who(plan, body.chair)),
            (t("Sammankallande", "Convener"), _who(plan, body.convener)),
            (
                t("Ledamöter", "Members"),
                "; ".join(
                    _who(plan, mem.role)
                    + (t(" (vid behov)", " (when needed)") if mem.when_needed else "")
                    for mem in body.members
                ),
            ),
            (t("Mötesfrekvens", "Meets"), body.cadence.describe(lang) if body.cadence else ""),
            (t("Från", "From"), _date(fmt, body.start)),
            (t("Till", "Until"), _date(fmt, body.end)),
            (t("Antal grupper", "Number of groups"), str(body.count) if body.count else ""),
            (t("Budget", "Budget"), _budget(body, fmt)),
        ]
        blocks: list[Block] = []
        if body.description:
            blocks.append(para(body.description))
        blocks.append(facts(pairs))
        sections.append(Section(body.name, tuple(blocks), anchor=f"organ-{body.id}", level=3))
    roles = Table(
        (
            t("Roll", "Role"),
            t("Organisation", "Organisation"),
            t("Antal", "Number"),
            t("Beskrivning", "Description"),
        ),
        tuple(
            (r.title, r.organisation, str(r.count) if r.count else "", r.description or "")
            for r in org.roles
        ),
    )
    sections.append(Section(t("Roller", "Roles"), (table(roles),)))
    return Page(
        "organisation",
        nav,
        t("Organisation", "Organisation"),
        t(
            "Organen i arbetet, deras ledamöter och mötesfrekvens, och vem som rapporterar till "
            "vem.",
            "The bodies in the work, their members and cadence, and who reports to whom.",
        ),
        tuple(sections),
    )


def _budget(body: Body, fmt: Formatter) -> str:
    b = body.budget
    if b is None:
        return ""
    t = translator(fmt.lang)
    text = (
        t("Särskild budget", "Dedicated budget")
        if b.allocated
        else t("Ingen särskild budget", "No dedicated budget")
    )
    if b.amount_sek is not None:
        text += f", {fmt.number(b.amount_sek)} kr" + (f" ({b.year})" if b.year else "")
    if b.note:
        text += f". {b.note}"
    return text


def _reporting_table(plan: Plan, fmt: Formatter) -> Table:
    t = translator(fmt.lang)
    rows = []
    for body in plan.bodies().values():
        for line in body.reporting:
            rows.append(
                (
                    body.name,
                    _names(plan, line.to),
                    line.content,
                    line.cadence.describe(fmt.lang),
                )
            )
    headers = (t("Från", "From"), t("Till", "To"), t("Vad", "What"), t("Kadens", "Cadence"))
    return Table(headers, tuple(rows), caption=t("Rapportering", "Reporting"))


# --- documents, goals, activities ------------------------------------------------------------


def _documents(plan: Plan, fmt: Formatter, nav: str) -> Page:
    lang = fmt.lang
    t = translator(lang)
    deadlines = followup.document_deadlines(plan)
    sections = []
    for doc in plan.documents_by_id().values():
        review = next(
            (
                d.due
                for d in deadlines
                if d.document.id == doc.id and d.event is followup.DocumentEvent.REVIEW
            ),
            None,
        )
        valid = ""
        if doc.valid_from or doc.valid_to:
            valid = f"{_date(fmt, doc.valid_from) or '…'} – {_date(fmt, doc.valid_to) or '…'}"
        pairs = [
            (t("Typ", "Kind"), label(doc.kind, lang)),
            (t("Syfte", "Purpose"), doc.purpose or ""),
            (t("Parter", "Parties"), ", ".join(doc.parties)),
            (t("Antaget", "Adopted"), _date(fmt, doc.adopted)),
            (t("Antaget av", "Adopted by"), _names(plan, doc.adopted_by)),
            (t("Gäller", "In force"), valid),
            (t("Revideras", "Reviewed"), doc.review.describe(lang) if doc.review else ""),
            (t("Nästa revidering", "Next review"), _date(fmt, review)),
            (t("Ansvarig", "Responsible"), _who(plan, doc.owner)),
            (t("Uppföljning", "Follow-up"), doc.follow_up or ""),
            (t("Länk", "Link"), doc.url or ""),
        ]
        blocks: list[Block] = [facts(pairs)]
        if doc.content:
            blocks.append(bullets(doc.content))
        sections.append(Section(doc.title, tuple(blocks), anchor=f"dokument-{doc.id}"))
    return Page(
        "styrdokument",
        nav,
        t("Styrdokument", "Steering documents"),
        t(
            "Samverkansöverenskommelse, medborgarlöften, planer och lägesbilder: när de antogs, "
            "hur länge de gäller och när de ska revideras.",
            "Cooperation agreement, citizen promises, plans and situation pictures: when they "
            "were adopted, how long they apply and when they are due for review.",
        ),
        tuple(sections),
    )


def _goal_value(value: float | None, period: Period | None, unit: Unit, fmt: Formatter) -> str:
    if value is None:
        return "–"
    text = fmt.value(value, unit)
    return f"{text} ({fmt.period(period)})" if period is not None else text


def _goal_row(plan: Plan, goal: Goal, depth: int, fmt: Formatter) -> tuple[str, ...]:
    lang = fmt.lang
    indicator = plan.indicators_by_id().get(goal.indicator) if goal.indicator else None
    unit = indicator.unit if indicator else Unit.COUNT
    latest = indicator.latest() if indicator else None
    direction = "–"
    baseline = goal.baseline
    if (
        indicator is not None
        and latest is not None
        and baseline is not None
        and (baseline.period is None or latest.period > baseline.period)
    ):
        delta_value, _ = change(baseline.value, latest.value, unit)
        direction = Text("{verdict} än utgångsläget", "{verdict} than the baseline").format(
            verdict=VERDICT[judge(delta_value, indicator.better)]
        )(lang)
    prefix = Text("Delmål: ", "Sub-goal: ")(lang) if depth else ""
    return (
        prefix + goal.text,
        label(goal.kind, lang),
        indicator.name if indicator else "–",
        _goal_value(
            goal.baseline.value if goal.baseline else None,
            goal.baseline.period if goal.baseline else None,
            unit,
            fmt,
        ),
        _goal_value(latest.value if latest else None, latest.period if latest else None, unit, fmt),
        _goal_value(
            goal.target.value if goal.target else None,
            goal.target.period if goal.target else None,
            unit,
            fmt,
        ),
        fmt.short_date(goal.due) if goal.due else "–",
        _who(plan, goal.owner) or "–",
        direction.capitalize() if direction != "–" else direction,
    )


def _goals(plan: Plan, fmt: Formatter, nav: str) -> Page:
    t = translator(fmt.lang)
    headers = (
        t("Mål", "Goal"),
        t("Typ", "Kind"),
        t("Nyckeltal", "Indicator"),
        t("Utgångsläge", "Baseline"),
        t("Senaste värde", "Latest"),
        t("Målvärde", "Target"),
        t("Senast", "Due"),
        t("Ansvarig", "Responsible"),
        t("Utveckling", "Direction"),
    )
    sections = []
    if plan.goals is not None:
        for area in plan.goals.areas:
            rows = []
            for top in area.goals:
                for goal, path in top.walk(()):
                    rows.append(_goal_row(plan, goal, len(path), fmt))
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
                        f.description,
                        f.method or "",
                        _who(plan, f.owner),
                        f.cadence.describe(fmt.lang) if f.cadence else "",
                        _names(plan, f.reported_to),
                        ", ".join(fmt.short_date(d) for d in f.done),
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


def _activities(plan: Plan, fmt: Formatter, nav: str) -> Page:
    lang = fmt.lang
    t = translator(lang)
    items = list(plan.activities_by_id().values())
    rows = tuple(
        (
            a.name,
            label(a.kind, lang),
            label(a.prevention, lang) if a.prevention else "–",
            _who(plan, a.owner),
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
            (t("Organ", "Body"), _who(plan, a.body)),
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
            sections.append(Section(a.name, tuple(blocks), anchor=f"aktivitet-{a.id}", level=3))
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


# --- indicators ------------------------------------------------------------------------------


def _indicators(plan: Plan, national: NationalData, fmt: Formatter, nav: str) -> Page:
    lang = fmt.lang
    t = translator(lang)
    series_by_id = national.by_id()
    goals = plan.goals_list()
    sections = []
    for ind in plan.indicators_by_id().values():
        series = series_by_id.get(ind.national) if ind.national else None
        blocks: list[Block] = []
        if ind.description:
            blocks.append(para(ind.description))
        better = t("lägre", "lower") if ind.better is Better.LOWER else t("högre", "higher")
        blocks.append(
            facts(
                [
                    (t("Enhet", "Unit"), fmt.unit(ind.unit)),
                    (t("Bättre", "Better"), better),
                    (t("Källa", "Source"), _source(ind, lang)),
                    (t("Jämförs med", "Compared with"), series.name if series else ""),
                ]
            )
        )
        if ind.values:
            targets = tuple(
                (g.target.period, g.target.value)
                for g in goals
                if g.indicator == ind.id and g.target is not None and g.target.period is not None
            )
            blocks.append(figure(_chart(plan, ind, series, targets, fmt)))
        sections.append(Section(ind.name, tuple(blocks), anchor=f"nyckeltal-{ind.id}"))
    return Page(
        "nyckeltal",
        nav,
        t("Nyckeltal", "Indicators"),
        t(
            "Nyckeltalen som arbetet följs med, över tid och jämförda med riket där det finns "
            "en nationell siffra för samma period.",
            "The indicators the work is followed with, over time and against the national "
            "figure for the same period where there is one.",
        ),
        tuple(sections),
    )


def _source(ind: Indicator, lang: Lang) -> str:
    text = ind.source.name or label(ind.source.kind, lang)
    if ind.source.kolada_kpi:
        text += f" (Kolada {ind.source.kolada_kpi})"
    return text


def _chart(
    plan: Plan,
    ind: Indicator,
    nat: NationalSeries | None,
    targets: tuple[tuple[Period, float], ...],
    fmt: Formatter,
) -> Figure:
    lang = fmt.lang
    t = translator(lang)
    values = sorted(ind.values, key=lambda v: v.period)
    plan_series = charts.Series(
        plan.name, tuple((v.period, v.value, v.preliminary) for v in values)
    )
    national_series = None
    if nat is not None:
        national_series = charts.Series(
            t("Riket", "National"), tuple((v.period, v.value, v.preliminary) for v in nat.values)
        )
    alt = t(
        f"Diagram: {ind.name}, {plan.name}"
        + (" och riket" if nat else "")
        + f", {fmt.period(values[0].period)}–{fmt.period(values[-1].period)}.",
        f"Chart: {ind.name}, {plan.name}"
        + (" and the country" if nat else "")
        + f", {fmt.period(values[0].period)}–{fmt.period(values[-1].period)}.",
    )
    svg = charts.line_chart(
        charts.ChartData(ind.id, ind.unit, plan_series, national_series, targets), lang, alt
    )
    caption = t(
        f"{ind.name} ({fmt.unit(ind.unit)}). Ofyllda punkter är preliminära värden."
        + (" Streckad linje: riket." if nat else "")
        + (" Romb: målvärde." if targets else ""),
        f"{ind.name} ({fmt.unit(ind.unit)}). Hollow points are preliminary values."
        + (" Dashed line: the country." if nat else "")
        + (" Diamond: target." if targets else ""),
    )
    rows = []
    for v in values:
        nv = nat.at(v.period) if nat else None
        diff = "–"
        if nv is not None and nat is not None and nat.unit is ind.unit:
            gap, kind = change(nv.value, v.value, ind.unit)
            diff = delta(gap, kind, fmt)
        notes = []
        if v.preliminary:
            notes.append(t("preliminär", "preliminary"))
        if v.illustrative:
            notes.append(t("illustrativ", "illustrative"))
        if v.note:
            notes.append(v.note)
        rows.append(
            (
                fmt.period(v.period),
                fmt.value(v.value, ind.unit),
                fmt.value(nv.value, nat.unit) if nv is not None and nat is not None else "–",
                diff,
                level_name(v.geography.level, lang, v.geography.name or ""),
                "; ".join(notes),
            )
        )
    data = Table(
        (
            t("Period", "Period"),
            plan.name,
            t("Riket", "National"),
            t("Skillnad", "Difference"),
            t("Geografi", "Geography"),
            t("Anmärkning", "Note"),
        ),
        tuple(rows),
        (False, True, True, True, False, False),
        caption=t(f"Värden: {ind.name}", f"Values: {ind.name}"),
    )
    return Figure(alt, caption, svg, f"{ind.id}.svg", data)


# --- meetings --------------------------------------------------------------------------------


def _meetings(plan: Plan, fmt: Formatter, nav: str) -> Page:
    lang = fmt.lang
    t = translator(lang)
    bodies = plan.bodies()
    records = sorted(plan.meetings, key=lambda r: (r.meeting.date, r.file))
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
                    (t("Närvarande", "Present"), _names(plan, m.attendees)),
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
        if m.actions:
            rows = tuple(
                (
                    a.text,
                    _who(plan, a.owner),
                    fmt.short_date(a.due),
                    label(a.status, lang)
                    + (f" ({fmt.short_date(a.done_date)})" if a.done_date else ""),
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
                            t("Status", "Status"),
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
                f"{fmt.date(m.date)}: {body}",
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


def _anchor(file: str) -> str:
    name = file.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0]


def _report_name(plan: Plan, line_id: str, lang: Lang) -> str:
    for body in plan.bodies().values():
        for line in body.reporting:
            if line.id == line_id:
                return Text("{body} till {to}", "{body} to {to}").format(
                    body=body.name, to=_names(plan, line.to)
                )(lang)
    return line_id
