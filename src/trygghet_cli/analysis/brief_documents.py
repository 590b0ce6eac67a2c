"""The quarterly brief's governing documents: what was adopted in the quarter, what ends or is
due for review in it or the next, and the obligations of Lag (2023:196) at its end.

Dates come from :mod:`trygghet_cli.followup.documents` by the same rules as the documents'
deadlines (the plan's own ``revideras`` and ``gäller_till``, trygg's recommendation where the
plan sets neither); the obligations are the follow-up's own judgement of the quarter's last
day. Part of :class:`~trygghet_cli.analysis.brief.Brief`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from trygghet_cli.followup.crime_prevention_act import Obligation
from trygghet_cli.followup.documents import exists_on, next_review, replaced, started
from trygghet_cli.model.documents import Document
from trygghet_cli.model.periods import Period


class DocumentEvent(str, Enum):
    REVIEW = "review"
    """Due for review by the plan's own ``revideras``."""
    RECOMMENDED = "recommended"
    """Due for an update by trygg's recommendation (the plan sets no interval)."""
    EXPIRES = "expires"
    """Ends by its ``gäller_till``."""


@dataclass(frozen=True)
class DocumentDate:
    document: Document
    event: DocumentEvent
    day: date


@dataclass(frozen=True)
class GoverningDocuments:
    adopted: tuple[Document, ...]
    """Adopted (``antaget``) during the quarter."""
    coming: tuple[DocumentDate, ...]
    """Ending or due for review in the quarter or the next, in date order."""
    obligations: tuple[Obligation, ...]
    """The act's three obligations on the quarter's last day."""
    documents: dict[str, Document]
    """Every document by id (to name the one an obligation is judged on)."""


def governing_documents(
    documents: Iterable[Document],
    obligations: Iterable[Obligation],
    quarter: Period,
    end: date | None = None,
) -> GoverningDocuments:
    """The documents as they stood on ``end`` (the quarter's last day unless given)."""
    docs = list(documents)
    end = quarter.end if end is None else end
    until = quarter.next().end
    adopted = [d for d in docs if d.adopted is not None and quarter.start <= d.adopted <= end]
    coming: list[DocumentDate] = []
    for doc in docs:
        if not exists_on(doc, end) or replaced(doc, docs, end):
            continue
        review = next_review(doc)
        if review is not None and quarter.start <= review.due <= until:
            event = DocumentEvent.RECOMMENDED if review.default else DocumentEvent.REVIEW
            coming.append(DocumentDate(doc, event, review.due))
        if doc.valid_to is not None and quarter.start <= doc.valid_to <= until:
            coming.append(DocumentDate(doc, DocumentEvent.EXPIRES, doc.valid_to))
    coming.sort(key=lambda c: (c.day, c.document.id, c.event.value))
    return GoverningDocuments(
        tuple(sorted(adopted, key=lambda d: (started(d) or date.min, d.id))),
        tuple(coming),
        tuple(obligations),
        {d.id: d for d in docs},
    )
