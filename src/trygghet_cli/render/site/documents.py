"""The steering documents page."""

from __future__ import annotations

from trygghet_cli.followup.base import Kind
from trygghet_cli.followup.deadlines import PlanFollowUp
from trygghet_cli.followup.documents import review_of
from trygghet_cli.model.plan import Plan
from trygghet_cli.render.export import (
    Block,
    Page,
    Section,
    bullets,
    facts,
)
from trygghet_cli.render.labels import illustrative, label
from trygghet_cli.render.site.common import day as day_text
from trygghet_cli.render.site.common import names, who
from trygghet_cli.render.templating import translator
from trygghet_cli.wording import Formatter, cadence_text


def documents_page(plan: Plan, fmt: Formatter, nav: str, followup: PlanFollowUp) -> Page:
    lang = fmt.lang
    t = translator(lang)
    sections = []
    day = fmt.date(followup.as_of)
    for doc in plan.documents_by_id().values():
        status = [
            d.message(lang)
            for d in followup.deadlines
            if d.kind is Kind.DOCUMENT and d.key.split(".", 1)[0] == doc.id
        ]
        next_review = review_of(doc)
        review = next_review.due if next_review is not None else None
        valid = ""
        if doc.valid_from or doc.valid_to:
            valid = f"{day_text(fmt, doc.valid_from) or '…'} – {day_text(fmt, doc.valid_to) or '…'}"
        pairs = [
            (t("Typ", "Kind"), label(doc.kind, lang)),
            (t("Syfte", "Purpose"), doc.purpose or ""),
            (t("Parter", "Parties"), ", ".join(doc.parties)),
            (t("Antaget", "Adopted"), day_text(fmt, doc.adopted)),
            (t("Antaget av", "Adopted by"), names(plan, doc.adopted_by)),
            (t("Gäller", "In force"), valid),
            (t("Revideras", "Reviewed"), cadence_text(doc.review)(lang) if doc.review else ""),
            (t("Nästa revidering", "Next review"), day_text(fmt, review)),
            (t(f"Läge {day}", f"Status {day}"), "; ".join(status)),
            (t("Ansvarig", "Responsible"), who(plan, doc.owner)),
            (t("Uppföljning", "Follow-up"), doc.follow_up or ""),
            (t("Länk", "Link"), doc.url or ""),
        ]
        blocks: list[Block] = [facts(pairs)]
        if doc.content:
            blocks.append(bullets(doc.content))
        sections.append(
            Section(
                illustrative(doc.title, doc.illustrative, lang),
                tuple(blocks),
                anchor=f"dokument-{doc.id}",
            )
        )
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
