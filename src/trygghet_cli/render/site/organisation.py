"""The organisation page: coordination, the diagram, reporting lines, bodies and roles."""

from __future__ import annotations

from trygghet_cli.model.organisation import Body, Member
from trygghet_cli.model.plan import Plan
from trygghet_cli.render import orgchart
from trygghet_cli.render.export import (
    Block,
    Figure,
    Page,
    Section,
    facts,
    figure,
    mermaid,
    para,
    table,
)
from trygghet_cli.render.labels import illustrative, label
from trygghet_cli.render.site.common import day, names, who
from trygghet_cli.render.tables import Table
from trygghet_cli.render.templating import translator
from trygghet_cli.wording import Formatter, cadence_text, plural


def organisation_page(plan: Plan, fmt: Formatter, nav: str) -> Page:
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
                        (t("Kommunpolis", "Community police officer"), names(plan, c.police)),
                        (t("Inrättad", "Established"), day(fmt, c.established)),
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
        cadence = body.meeting_cadence
        pairs = [
            (t("Typ", "Kind"), label(body.kind, lang)),
            (t("Mandat", "Mandate"), body.mandate or ""),
            (t("Under", "Under"), who(plan, body.parent)),
            (t("Tillsatt av", "Appointed by"), who(plan, body.appointed_by)),
            (t("Område", "Area"), body.area or ""),
            (t("Ordförande", "Chair"), who(plan, body.chair)),
            (t("Ordförande utses av", "Chair appointed by"), who(plan, body.chair_appointed_by)),
            (t("Sammankallande", "Convener"), who(plan, body.convener)),
            (
                t("Ledamöter", "Members"),
                "; ".join(
                    who(plan, mem.role) + _seats(mem, fmt) + (f": {mem.note}" if mem.note else "")
                    for mem in body.members
                ),
            ),
            (t("Mötesfrekvens", "Meets"), cadence_text(cadence)(lang) if cadence else ""),
            (t("Från", "From"), day(fmt, body.start)),
            (t("Till", "Until"), day(fmt, body.end)),
            (t("Antal grupper", "Number of groups"), str(body.count) if body.count else ""),
            (t("Budget", "Budget"), _budget(body, fmt)),
            *_establishment(plan, body, fmt),
        ]
        blocks: list[Block] = []
        if body.description:
            blocks.append(para(body.description))
        blocks.append(facts(pairs))
        sections.append(
            Section(
                illustrative(body.name, body.illustrative, lang),
                tuple(blocks),
                anchor=f"organ-{body.id}",
                level=3,
            )
        )
    sections.append(Section(t("Roller", "Roles"), (table(_roles_table(plan, fmt)),)))
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


def _roles_table(plan: Plan, fmt: Formatter) -> Table:
    """The roles, with the number and description columns only when some role has them."""
    t = translator(fmt.lang)
    roles = plan.organisation.roles if plan.organisation else []
    counted = any(r.count for r in roles)
    described = any(r.description for r in roles)
    headers = [t("Roll", "Role"), t("Organisation", "Organisation")]
    numeric = [False, False]
    if counted:
        headers.append(t("Antal", "Number"))
        numeric.append(True)
    if described:
        headers.append(t("Beskrivning", "Description"))
        numeric.append(False)
    rows = []
    for r in roles:
        row = [r.title, r.organisation]
        if counted:
            row.append(fmt.number(r.count) if r.count else "")
        if described:
            row.append(r.description or "")
        rows.append(tuple(row))
    return Table(tuple(headers), tuple(rows), tuple(numeric))


def _reporting_table(plan: Plan, fmt: Formatter) -> Table:
    t = translator(fmt.lang)
    rows = []
    for body in plan.bodies().values():
        for line in body.reporting:
            rows.append(
                (
                    body.name,
                    names(plan, line.to),
                    illustrative(" ".join(line.content.split()), line.illustrative, fmt.lang),
                    cadence_text(line.cadence)(fmt.lang),
                )
            )
    headers = (t("Från", "From"), t("Till", "To"), t("Vad", "What"), t("Kadens", "Cadence"))
    return Table(headers, tuple(rows), caption=t("Rapportering", "Reporting"))


def _seats(member: Member, fmt: Formatter) -> str:
    """' (3 ledamöter och 3 ersättare)', ' (vid behov)': what a member's entry adds to the role."""
    t = translator(fmt.lang)
    parts = []
    if member.seats is not None and member.seats > 1:
        parts.append(t(f"{fmt.number(member.seats)} ledamöter", f"{member.seats} members"))
    if member.substitutes:
        n = member.substitutes
        parts.append(
            t(f"{fmt.number(n)} ersättare", f"{n} {plural(n, 'substitute', 'substitutes')}")
        )
    if member.when_needed:
        parts.append(t("vid behov", "when needed"))
    return f" ({t(' och ', ' and ').join(parts)})" if parts else ""


def _establishment(plan: Plan, body: Body, fmt: Formatter) -> list[tuple[str, str]]:
    """The decision that set the body up, its legal basis and the documents it rests on."""
    founded = body.established
    if founded is None:
        return []
    t = translator(fmt.lang)
    text = t(f"beslut {founded.decision}", f"decision {founded.decision}")
    if founded.title:
        text = f"{founded.title}, {text}"
    if founded.decided_by:
        text += t(" av ", " by ") + who(plan, founded.decided_by)
    if founded.date is not None:
        text += t(" den ", " on ") + fmt.date(founded.date)
    documents = {d.id: d.title for d in plan.documents.documents} if plan.documents else {}
    return [
        (t("Inrättat genom", "Set up by"), text),
        (t("Lagstöd", "Legal basis"), "; ".join(founded.legal_basis)),
        (
            t("Vilar på", "Rests on"),
            "; ".join(documents.get(ref, ref) for ref in founded.documents),
        ),
    ]
