"""Steering documents due for review or renewal, and documents whose period ends.

* **Review** (``revideras``): one interval after ``antaget`` (or ``gäller_från``). A revised
  document is adopted again, so its ``antaget`` moves and with it the next review. A
  medborgarlöfte without ``revideras`` and ``gäller_till`` is renewed every year.
* **Expiry** (``gäller_till``): a samverkansöverenskommelse, a medborgarlöfte or a plan ends
  with its period.

A document is replaced when a newer document of the same kind (``typ``, not ``annat``) has been
adopted by the as-of day: nothing more falls due for the old one. A document adopted after the
as-of day does not exist yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from trygghet_cli.checks.context import Site
from trygghet_cli.followup.base import Deadline, Kind, PlanContext, Status
from trygghet_cli.followup.state import add_interval
from trygghet_cli.i18n import Text
from trygghet_cli.model.cadence import Cadence, Unit
from trygghet_cli.model.documents import Document, DocumentKind, Documents
from trygghet_cli.wording import date_text

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
    """True when the cadence is trygg's default, not the document's ``revideras``."""


def review_of(doc: Document, *, default: Cadence | None = None) -> Review | None:
    """The document's next review: ``revideras`` (or ``default``) after it took effect."""
    since = started(doc)
    cadence = doc.review or default
    if since is None or cadence is None:
        return None
    due = add_interval(cadence, since)
    if due is None:
        return None
    return Review(due, cadence, since, doc.review is None)


def renewal_default(doc: Document) -> Cadence | None:
    """A medborgarlöfte is renewed yearly in practice, unless its own period says otherwise."""
    if doc.kind is DocumentKind.CITIZEN_PROMISE and doc.valid_to is None:
        return YEARLY
    return None


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
        review = review_of(doc, default=renewal_default(doc))
        if review is not None and (
            doc.valid_to is None or review.due < doc.valid_to - ENDING_COVERS_REVIEW
        ):
            status = ctx.window.status(review.due)
            if status is not None:
                renewal = doc.kind is DocumentKind.CITIZEN_PROMISE
                cadence = Text(review.cadence.describe("sv"), review.cadence.describe("en"))
                if review.default:
                    cadence = Text(
                        "varje år, som medborgarlöften förnyas", "every year, as promises are"
                    )
                yield ctx.deadline(
                    Kind.DOCUMENT,
                    f"{doc.id}.review",
                    review.due,
                    status,
                    Text(
                        f"{'Förnya' if renewal else 'Revidera'}: {doc.title}",
                        f"{'Renew' if renewal else 'Review'}: {doc.title}",
                    ),
                    site.child("revideras" if doc.review else "antaget"),
                    "TRY404",
                    responsible=ctx.actor(doc.owner) if doc.owner else "",
                    title=document_title(doc),
                    value=doc.id,
                    due=(_RENEWAL_DUE if renewal else _REVIEW_DUE)[status],
                    date=date_text(review.due),
                    cadence=cadence,
                    since=date_text(review.since),
                )
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
                    valid=_VALID[status],
                    date=date_text(doc.valid_to),
                    kind=doc.kind.value,
                )


@dataclass(frozen=True)
class Currency:
    """Until when a document counts as current, and why it stops."""

    document: Document
    last_day: date | None
    """The last day the document is current; None when its age is unknown."""
    reason: Text
    """Why it stops being current, in the past tense once it has."""
    key: str
    """The key in the document that sets the date (for the finding's position)."""


def currency(doc: Document, default: Cadence, as_of: date) -> Currency:
    """How long ``doc`` stays current: until ``gäller_till`` or its next review, whichever is
    first; without either, ``default`` after it took effect. An undated document without an end
    has no known age."""
    review = review_of(doc, default=None if doc.valid_to else default)
    if review is not None and (doc.valid_to is None or review.due < doc.valid_to):
        past = review.due < as_of
        cadence = Text(review.cadence.describe("sv"), review.cadence.describe("en"))
        if review.default:
            cadence = Text("ett år, trygg:s standard", "a year, trygg's default")
        return Currency(
            doc,
            review.due,
            Text(
                "'{id}' togs fram {since} och skulle ha uppdaterats senast {due} ({cadence})"
                if past
                else "'{id}' togs fram {since} och ska uppdateras senast {due} ({cadence})",
                "'{id}' dates from {since} and was due for an update by {due} ({cadence})"
                if past
                else "'{id}' dates from {since} and is due for an update by {due} ({cadence})",
            ).format(
                id=doc.id,
                since=date_text(review.since),
                due=date_text(review.due),
                cadence=cadence,
            ),
            "revideras" if doc.review else "antaget",
        )
    if doc.valid_to is not None:
        past = doc.valid_to < as_of
        return Currency(
            doc,
            doc.valid_to,
            Text(
                "'{id}' gällde till och med {date}"
                if past
                else "'{id}' gäller till och med {date}",
                "'{id}' was valid until {date}" if past else "'{id}' is valid until {date}",
            ).format(id=doc.id, date=date_text(doc.valid_to)),
            "gäller_till",
        )
    return Currency(
        doc,
        None,
        Text(f"'{doc.id}' saknar datum ('antaget')", f"'{doc.id}' has no date ('antaget')"),
        "id",
    )
