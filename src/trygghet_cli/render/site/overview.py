"""The overview page: the kommun, its ways of working, contacts and the contents."""

from __future__ import annotations

from trygghet_cli.followup.arshjul import WheelState, wheel
from trygghet_cli.followup.base import Status
from trygghet_cli.followup.deadlines import PlanFollowUp
from trygghet_cli.followup.state import meetings_held_by
from trygghet_cli.model.plan import Plan
from trygghet_cli.render import arshjul
from trygghet_cli.render.export import (
    Block,
    Figure,
    Link,
    Page,
    Section,
    bullets,
    facts,
    figure,
    links,
    para,
    table,
)
from trygghet_cli.render.site.common import PAGES, day
from trygghet_cli.render.tables import Table
from trygghet_cli.render.templating import translator
from trygghet_cli.wording import Formatter


def status_section(followup: PlanFollowUp, fmt: Formatter) -> Section:
    """What is late and what falls due soon on the day, in the words of ``trygg deadlines``."""
    t = translator(fmt.lang)
    window = followup.window
    day = fmt.date(window.as_of)
    overdue = [d for d in followup.deadlines if d.status is Status.OVERDUE]
    soon = [d for d in followup.deadlines if d.status is Status.DUE_SOON]
    blocks: list[Block] = []
    if not overdue and not soon:
        blocks.append(
            para(
                t(
                    f"Inget var försenat den {day}, och inget förfaller inom {window.within} "
                    "dagar.",
                    f"Nothing was late on {day}, and nothing falls due within {window.within} "
                    "days.",
                )
            )
        )
    status = {
        Status.OVERDUE: t("Försenat", "Overdue"),
        Status.DUE_SOON: t("Förfaller snart", "Due soon"),
    }
    if overdue or soon:
        blocks.append(
            para(
                t(
                    f"Försenat den {day}: {len(overdue)}. Förfaller inom {window.within} dagar: "
                    f"{len(soon)}.",
                    f"Overdue on {day}: {len(overdue)}. Due within {window.within} days: "
                    f"{len(soon)}.",
                )
            )
        )
        rows = tuple(
            (fmt.date(d.date), status[d.status], d.message(fmt.lang), d.responsible or "–")
            for d in (*overdue, *soon)
        )
        headers = (
            t("Datum", "Date"),
            t("Läge", "Status"),
            t("Vad", "What"),
            t("Ansvarig", "Responsible"),
        )
        blocks.append(table(Table(headers, rows)))
    return Section(t(f"Läget den {day}", f"Status on {day}"), tuple(blocks), anchor="laget")


def wheel_section(plan: Plan, followup: PlanFollowUp, fmt: Formatter) -> Section | None:
    """The årshjul of the day's year: the plan's fixed dates at their months, and a table of
    them; None when the plan has no fixed dates."""
    as_of = followup.as_of
    entries = wheel(followup.duties, as_of.year)
    if not entries:
        return None
    t = translator(fmt.lang)
    year = as_of.year
    title = t(f"Årshjul {year} för {plan.name}", f"Annual wheel {year} for {plan.name}")
    late = sum(1 for e in entries if e.state is WheelState.LATE)
    caption = t(
        f"De fasta datumen {year} och de som fortfarande saknas från tidigare år, vid sina "
        f"månader, med läget den {fmt.date(as_of)} (visaren). Försenade står i fetstil med "
        f"ordet ”försenad” och har en fylld röd punkt, klara en fylld grön och kommande en "
        f"ofylld: {late} av {len(entries)} är försenade.",
        f"The fixed dates of {year}, and those still missing from earlier years, at their "
        f"months, as they stand on {fmt.date(as_of)} (the hand). Late ones are in bold with "
        f"the word “late” and have a filled red dot, done ones a filled green one and coming "
        f"ones an empty one: {late} of {len(entries)} are late.",
    )
    data = arshjul.table(entries, fmt, t(f"Fasta datum {year}", f"Fixed dates {year}"))
    svg = arshjul.svg(entries, as_of, fmt.lang, title)
    return Section(
        t(f"Årshjul {year}", f"Annual wheel {year}"),
        (figure(Figure(title, caption, svg, f"arshjul-{year}.svg", data, "arshjul-datum")),),
        anchor="arshjul",
    )


def overview_page(plan: Plan, fmt: Formatter, nav: dict[str, str], followup: PlanFollowUp) -> Page:
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
                f"{fmt.number(m.population.count)} ({m.population.year})" if m.population else "",
            ),
            (t("Polisregion", "Police region"), (police.region or "") if police else ""),
            (t("Polisområde", "Police area"), police.area if police else ""),
            (
                t("Lokalpolisområde", "Local police area"),
                (police.local_area or "") if police else "",
            ),
            (t("Planen gäller från", "Plan in force from"), day(fmt, m.plan_date)),
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
    indicators = plan.indicators_by_id().values()
    held = len(meetings_held_by(plan, followup.as_of))  # as the meetings page lists them
    compared = sum(1 for i in indicators if i.national is not None)
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
            f"{len(indicators)} nyckeltal, {compared} jämförda med riket",
            f"{len(indicators)} indicators, {compared} compared with the country",
        ),
        "moten": t(f"{held} möten", f"{held} meetings"),
    }
    contents = [Link(f"{nav[name]}: {counts[name]}", name) for name, _ in PAGES[1:]]
    sections.insert(0, Section(t("Innehåll", "Contents"), (links(contents),)))
    sections.insert(1, status_section(followup, fmt))
    wheel_part = wheel_section(plan, followup, fmt)
    if wheel_part is not None:
        sections.insert(2, wheel_part)
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
