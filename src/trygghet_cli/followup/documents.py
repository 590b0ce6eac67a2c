"""Steering documents due for review or renewal, and documents whose period ends.

* **Review** (``revideras``, TRY404): one interval after ``antaget`` (or ``gäller_från``): the
  plan's own commitment. A revised document is adopted again, so its ``antaget`` moves and with
  it the next review.
* **Expiry** (``gäller_till``, TRY405): a samverkansöverenskommelse, a medborgarlöfte or a plan
  ends with its period; also the plan's own commitment. A review due within 92 days before the
  end is left to the end (:data:`ENDING_COVERS_REVIEW`).
* **trygg's recommendation** (TRY413, a warning): a medborgarlöfte, a lägesbild or an
  åtgärdsplan with neither ``revideras`` nor ``gäller_till`` is worth renewing or updating a year
  after ``antaget`` (:func:`recommended_review`). The act (Lag 2023:196) sets no interval, so
  this is worded as trygg's, never as the law's or the plan's.

A document is replaced when a newer document of the same kind (``typ``, not ``annat``) has been
adopted by the as-of day: nothing more falls due for the old one. A document adopted after the
as-of day does not exist yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from trygghet_cli.checks.context import Site
from trygghet_cli.followup.base import Deadline, Kind, PlanContext, Status, recommendation
from trygghet_cli.followup.state import add_interval, after_pause
from trygghet_cli.i18n import Text
from trygghet_cli.model.cadence import Cadence, Unit
from trygghet_cli.model.documents import Document, DocumentKind, Documents
from trygghet_cli.wording import cadence_text, date_text

YEARLY = Cadence(1, 1, Unit.YEAR)


def started(doc: Document) -> date | None:
    """When the document took effect: adopted, else valid from."""
    return doc.adopted or doc.valid_from


def exists_on(doc: Document, day: date) -> bool:
    """Adopted by ``day`` (an undated document is taken as existing)."""
    start = started(doc)
    return start is None or start <= day


def replaced(doc: Document, documents: Iterable[Document], as_of: date) -> bool:
    """Whether a newer document of the same kind was adopted by ``as_of``."""
    start = started(doc)
    if doc.kind is DocumentKind.OTHER or start is None:
        return False
    for other in documents:
        other_start = started(other)
        if (
            other is not doc
            and other.kind is doc.kind
            and other_start is not None
            and start < other_start <= as_of
        ):
            return True
    return False


@dataclass(frozen=True)
class Review:
    due: date
    cadence: Cadence
    since: date
    default: bool
    """True when the cadence is trygg's recommendation, not the document's ``revideras``."""


def review_of(doc: Document, *, default: Cadence | None = None) -> Review | None:
    """The document's next review: ``revideras`` (or ``default``) after it took effect."""
    since = started(doc)
    cadence = doc.review or default
    if since is None or cadence is None:
        return None
    due = add_interval(cadence, since)
    if due is None:
        return None
    return Review(after_pause(cadence, due), cadence, since, doc.review is None)


RECOMMENDED = (
    DocumentKind.CITIZEN_PROMISE,
    DocumentKind.SITUATION_PICTURE,
    DocumentKind.ACTION_PLAN,
)
"""Kinds that trygg recommends renewing or updating yearly when the plan sets no interval."""


def recommended_review(doc: Document) -> Cadence | None:
    """trygg's recommendation for a document that sets neither ``revideras`` nor
    ``gäller_till``: a medborgarlöfte is renewed yearly in practice, and a lägesbild or an
    åtgärdsplan is worth updating yearly (the act sets no interval)."""
    if doc.kind in RECOMMENDED and doc.review is None and doc.valid_to is None:
        return YEARLY
    return None


def next_review(doc: Document) -> Review | None:
    """The review that follow-up reports for ``doc``: by its ``revideras`` or by trygg's
    recommendation, unless it falls within 92 days before ``gäller_till`` (the end covers
    it)."""
    review = review_of(doc, default=recommended_review(doc))
    if review is None:
        return None
    if doc.valid_to is not None and review.due >= doc.valid_to - ENDING_COVERS_REVIEW:
        return None
    return review


_KIND_TEXT = {
    DocumentKind.AGREEMENT: Text("Samverkansöverenskommelsen", "The cooperation agreement"),
    DocumentKind.CITIZEN_PROMISE: Text("Medborgarlöftet", "The citizen promise"),
    DocumentKind.PLAN: Text("Planen", "The plan"),
    DocumentKind.PROGRAMME: Text("Programmet", "The programme"),
    DocumentKind.MISSION_PLAN: Text("Uppdragsplanen", "The mission plan"),
    DocumentKind.BUDGET: Text("Budgeten", "The budget"),
    DocumentKind.ACTION_PLAN: Text("Åtgärdsplanen", "The action plan"),
    DocumentKind.SITUATION_PICTURE: Text("Lägesbilden", "The situation picture"),
    DocumentKind.ANNUAL_REPORT: Text("Verksamhetsberättelsen", "The annual report"),
}
_REVIEW_DUE = {
    Status.OVERDUE: Text("skulle ha reviderats senast", "was due for review by"),
    Status.DUE_SOON: Text("ska revideras senast", "is due for review by"),
}
_RENEWAL_DUE = {
    Status.OVERDUE: Text("skulle ha förnyats senast", "was due for renewal by"),
    Status.DUE_SOON: Text("ska förnyas senast", "is due for renewal by"),
}
_VALID = {Status.OVERDUE: Text("gällde", "was valid"), Status.DUE_SOON: Text("gäller", "is valid")}


ENDING_COVERS_REVIEW = timedelta(days=92)
"""A review due within a quarter before the document ends is the renewal its end asks for
anyway: one deadline (the end, TRY405) says it, not two a fortnight apart."""


def document_title(doc: Document) -> Text:
    return _KIND_TEXT.get(doc.kind, Text("Dokumentet", "The document"))


def document_deadlines(ctx: PlanContext, skip: set[str]) -> Iterator[Deadline]:
    """Reviews and expiries of the documents in force, except those in ``skip`` (ids)."""
    loaded = ctx.file("styrdokument")
    if loaded is None or not isinstance(loaded.model, Documents):
        return
    documents = loaded.model.documents
    for i, doc in enumerate(documents):
        if doc.id in skip or not exists_on(doc, ctx.as_of) or replaced(doc, documents, ctx.as_of):
            continue
        site = Site(loaded, ("dokument", i))
        review = next_review(doc)
        if review is not None:
            status = ctx.window.status(review.due)
            if status is not None:
                yield _review_deadline(ctx, doc, review, status, site)
        if doc.valid_to is not None:
            status = ctx.window.status(doc.valid_to)
            if status is not None:
                yield ctx.deadline(
                    Kind.DOCUMENT,
                    f"{doc.id}.expiry",
                    doc.valid_to,
                    status,
                    Text(f"Går ut: {doc.title}", f"Expires: {doc.title}"),
                    site.child("gäller_till"),
                    "TRY405",
                    responsible=ctx.actor(doc.owner) if doc.owner else "",
                    title=document_title(doc),
                    value=doc.id,
                    name=doc.title,
                    valid=_VALID[status],
                    date=date_text(doc.valid_to),
                    kind=doc.kind.value,
                )


def _review_deadline(
    ctx: PlanContext, doc: Document, review: Review, status: Status, site: Site
) -> Deadline:
    renewal = doc.kind is DocumentKind.CITIZEN_PROMISE
    title = Text(
        f"{'Förnya' if renewal else 'Revidera'}: {doc.title}",
        f"{'Renew' if renewal else 'Review'}: {doc.title}",
    )
    responsible = ctx.actor(doc.owner) if doc.owner else ""
    if review.default:
        return recommendation(
            ctx.deadline(
                Kind.DOCUMENT,
                f"{doc.id}.review",
                review.due,
                status,
                title,
                site.child("antaget"),
                "TRY413",
                responsible=responsible,
                title=document_title(doc),
                value=doc.id,
                name=doc.title,
                problem=Text(
                    "antogs {since}, och planen säger inte när dokumentet ska revideras eller "
                    "hur länge det gäller",
                    "was adopted on {since}, and the plan does not say when the document is "
                    "to be reviewed or how long it is valid",
                ).format(since=date_text(review.since)),
                advice=(_RENEW_ADVICE if renewal else _UPDATE_ADVICE).format(
                    date=date_text(review.due)
                ),
                why=_WHY[doc.kind],
            )
        )
    cadence = cadence_text(review.cadence)
    return ctx.deadline(
        Kind.DOCUMENT,
        f"{doc.id}.review",
        review.due,
        status,
        title,
        site.child("revideras"),
        "TRY404",
        responsible=responsible,
        title=document_title(doc),
        value=doc.id,
        name=doc.title,
        due=(_RENEWAL_DUE if renewal else _REVIEW_DUE)[status],
        date=date_text(review.due),
        cadence=cadence,
        since=date_text(review.since),
    )


_RENEW_ADVICE = Text("det förnyas senast {date}", "it is renewed by {date}")
_UPDATE_ADVICE = Text("den uppdateras senast {date}", "it is updated by {date}")
_WHY = {
    DocumentKind.CITIZEN_PROMISE: Text(
        "medborgarlöften förnyas i regel varje år", "citizen promises are usually renewed yearly"
    ),
    DocumentKind.SITUATION_PICTURE: Text(
        "lag (2023:196) kräver en lägesbild men anger inget intervall för att uppdatera den",
        "Act 2023:196 requires a situation picture but sets no interval for updating it",
    ),
    DocumentKind.ACTION_PLAN: Text(
        "lag (2023:196) kräver en åtgärdsplan men anger inget intervall för att uppdatera den",
        "Act 2023:196 requires an action plan but sets no interval for updating it",
    ),
}


class Basis(str, Enum):
    """What sets the day a document stops being current."""

    REVIEW = "revideras"
    """The plan's own ``revideras``."""
    END = "gäller_till"
    """The plan's own ``gäller_till``."""
    RECOMMENDATION = "rekommendation"
    """trygg's recommendation (a year after ``antaget``; the plan sets no interval)."""
    UNKNOWN = "okänt"
    """The document has no date, so its age is unknown."""


@dataclass(frozen=True)
class Currency:
    """Until when a document counts as current, and what says so."""

    document: Document
    last_day: date | None
    """The last day the document is current; None when its age is unknown."""
    basis: Basis


def currency(doc: Document) -> Currency:
    """How long ``doc`` stays current, by the same rules as its deadlines: its review (by
    ``revideras`` or trygg's recommendation) unless the end covers it, else its
    ``gäller_till``. An undated document without an end has no known age."""
    review = next_review(doc)
    if review is not None:
        basis = Basis.RECOMMENDATION if review.default else Basis.REVIEW
        return Currency(doc, review.due, basis)
    if doc.valid_to is not None:
        return Currency(doc, doc.valid_to, Basis.END)
    return Currency(doc, None, Basis.UNKNOWN)
