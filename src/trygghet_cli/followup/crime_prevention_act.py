"""Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete, in force 1 July 2023.

The act asks every kommun for a **lägesbild** (a kartläggning of crime, its extent and
consequences, with an analysis), an **åtgärdsplan** that the kommun decides, and a
**samordningsfunktion**. The obligations apply from 1 July 2023, or from the plan's own date
(``planen_gäller_från``) when that is later; before then nothing is reported, except inside the
window as "due soon".

In the plan:

* the lägesbild is a document with ``typ: lägesbild`` in ``styrdokument.yaml``. The lägesbild
  entries in meeting minutes (EST) feed it but are not it;
* the åtgärdsplan is a document with ``typ: åtgärdsplan`` whose ``antaget_av`` names a body of
  ``typ: fullmäktige`` (kommunfullmäktige) or ``typ: nämnd`` (kommunstyrelsen, a
  stadsdelsnämnd): the kommun decides it;
* the samordningsfunktion is ``samordning`` in ``organisation.yaml`` with at least one
  ``samordnare`` (and, if given, an ``inrättad`` date that has come).

**Current.** The act's text, as far as it was found, sets no interval for updating the
lägesbild or the åtgärdsplan, so trygg never says that the act requires one. A missing
obligation is an error that cites the act (TRY420–TRY422). Whether a document is still current
is judged as its own deadlines judge it (:func:`~trygghet_cli.followup.documents.currency`):
by the plan's own ``revideras`` or ``gäller_till`` (reported as the plan's commitment, TRY404,
TRY405), or, when the plan sets neither, by trygg's recommendation of a yearly update (a
warning, TRY413). A dated document of the kind that a newer one has replaced is not judged.

Besides the deadlines, each obligation's state on the day (:class:`Obligation`: current,
outdated, not decided by the kommun, missing) is part of the follow-up, so that the brief and
the overview of many plans word the same judgement that ``trygg deadlines`` reports: a law
deadline is overdue exactly when its obligation is required and missing or not decided by the
kommun; an outdated one has its document's deadline instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from trygghet_cli.checks.context import Site
from trygghet_cli.followup.base import (
    LAW_IN_FORCE,
    Deadline,
    Kind,
    PlanContext,
    Status,
    recommendation,
)
from trygghet_cli.followup.documents import (
    Basis,
    currency,
    document_title,
    exists_on,
    replaced,
    started,
)
from trygghet_cli.i18n import Text
from trygghet_cli.model.documents import Document, DocumentKind, Documents
from trygghet_cli.model.organisation import BodyKind, Organisation
from trygghet_cli.wording import date_text, join_text

_TITLES = {
    "TRY420": Text("Lag (2023:196): lägesbild", "Act 2023:196: situation picture"),
    "TRY421": Text("Lag (2023:196): åtgärdsplan", "Act 2023:196: action plan"),
    "TRY422": Text("Lag (2023:196): samordningsfunktion", "Act 2023:196: coordination function"),
}
_KEYS = {"TRY420": "lagesbild", "TRY421": "atgardsplan", "TRY422": "samordningsfunktion"}


class ObligationState(str, Enum):
    """How one of the act's obligations stands on the day. The values are stable identifiers
    for JSON."""

    CURRENT = "current"
    """In place and current by the plan's own interval (or trygg's default)."""
    OUTDATED = "outdated"
    """In place, but past the plan's own review or end, or trygg's recommended yearly update
    (or of unknown age)."""
    UNDECIDED = "undecided"
    """An åtgärdsplan is in place, but not decided by the kommun (fullmäktige or a nämnd)."""
    MISSING = "missing"
    """Not in the plan (for the samordningsfunktion: no coordinators, or not set up yet)."""


@dataclass(frozen=True)
class Obligation:
    """One obligation of the act on the day judged, whether or not the act applies yet."""

    key: str
    """``lagesbild``, ``atgardsplan`` or ``samordningsfunktion``."""
    state: ObligationState
    required: bool
    """Whether the act asks for it on the day (from 1 July 2023 or the plan's date)."""
    required_from: date
    document: str | None = None
    """The id of the document judged (the most current one), if any."""
    current_until: date | None = None
    """The document's last current day, when known."""
    basis: Basis | None = None
    """What sets ``current_until``: the plan's ``revideras`` or ``gäller_till``, trygg's
    recommendation, or nothing known (an undated document)."""

    @property
    def present(self) -> bool:
        return self.state is not ObligationState.MISSING

    @property
    def met(self) -> bool:
        return self.state is ObligationState.CURRENT


OBLIGATIONS = ("lagesbild", "atgardsplan", "samordningsfunktion")
"""The act's three obligations, in the order the act gives them."""


def required_from(ctx: PlanContext) -> date:
    """1 July 2023, or the plan's date when it is later."""
    municipality = ctx.plan.municipality
    plan_date = municipality.plan_date if municipality is not None else None
    return max(LAW_IN_FORCE, plan_date) if plan_date is not None else LAW_IN_FORCE


def law_deadlines(ctx: PlanContext) -> tuple[list[Deadline], set[str], tuple[Obligation, ...]]:
    """The act's obligations that are missing or out of date, the ids of the documents those
    findings are about (so that their review is not reported twice), and each obligation's
    state on the day."""
    check = _Obligations(ctx, required_from(ctx))
    check.situation_picture()
    check.action_plan()
    check.coordination()
    return check.out, check.about, tuple(check.states)


_MISSING = Text(
    "planen har ingen bland sina styrdokument", "the plan has none among its governing documents"
)


class _Obligations:
    def __init__(self, ctx: PlanContext, required: date) -> None:
        self.ctx = ctx
        self.required = required
        self.out: list[Deadline] = []
        self.about: set[str] = set()
        self.states: list[Obligation] = []
        self.docs_file = ctx.file("styrdokument")
        model = self.docs_file.model if self.docs_file is not None else None
        self.all_documents = model.documents if isinstance(model, Documents) else []
        self.documents = [
            d
            for d in self.all_documents
            if exists_on(d, ctx.as_of) and not replaced(d, self.all_documents, ctx.as_of)
        ]

    def state(
        self,
        rule: str,
        state: ObligationState,
        doc: Document | None = None,
        until: date | None = None,
        basis: Basis | None = None,
    ) -> None:
        self.states.append(
            Obligation(
                _KEYS[rule],
                state,
                self.required <= self.ctx.as_of,
                self.required,
                doc.id if doc is not None else None,
                until,
                basis,
            )
        )

    def add(
        self,
        rule: str,
        problem: Text,
        site: Site,
        doc: Document | None = None,
        last_day: date | None = None,
        *,
        at_key: bool = False,
    ) -> None:
        """Missing from the required day on, or out of date after ``last_day`` if later."""
        if last_day is not None and last_day >= self.required:
            day, status = last_day, self.ctx.window.status(last_day)
        else:
            day, status = self.required, self.ctx.window.status_from(self.required)
        if status is None:
            return
        # The act has applied since 1 July 2023 whatever the plan's start; a later start is when
        # trygg follows it up, said as trygg's (a claim no stronger than its source).
        when = (
            Text("sedan {date}", "since {date}")
            if status is Status.OVERDUE or self.ctx.as_of >= LAW_IN_FORCE
            else Text("från {date}", "from {date}")
        ).format(date=date_text(LAW_IN_FORCE))
        if self.required > LAW_IN_FORCE:
            when = Text(
                "{when} (trygg följer upp kravet från planens start, {start})",
                "{when} (trygg follows it up from the plan's start, {start})",
            ).format(when=when, start=date_text(self.required))
        self.out.append(
            self.ctx.deadline(
                Kind.LAW,
                _KEYS[rule],
                day,
                status,
                _TITLES[rule],
                site,
                rule,
                at_key,
                when=when,
                problem=problem,
            )
        )
        if doc is not None:
            self.about.add(doc.id)

    def missing_site(self) -> Site:
        if self.docs_file is not None:
            return Site(self.docs_file, ("dokument",))
        kommun = self.ctx.loaded.file("kommun")
        assert kommun is not None  # a plan is a folder with kommun.yaml
        return Site(kommun, ("planen_gäller_från",))

    def doc_site(self, doc: Document, key: str) -> Site:
        assert self.docs_file is not None
        index = next(i for i, d in enumerate(self.all_documents) if d is doc)
        return Site(self.docs_file, ("dokument", index, key))

    def stale(self, rule: str, docs: list[Document]) -> None:
        """Judge the most current of ``docs``. A document past its own date has that date's
        deadline (TRY404, TRY405, TRY413), not the act's; one without any date gets trygg's
        recommendation to write it in, from the day the act applies."""
        ranked = [currency(d) for d in docs]
        best = max(
            ranked,
            key=lambda c: (c.last_day or date.min, started(c.document) or date.min),
        )
        current = best.last_day is not None and best.last_day >= self.ctx.as_of
        state = ObligationState.CURRENT if current else ObligationState.OUTDATED
        self.state(rule, state, best.document, best.last_day, best.basis)
        if best.basis is Basis.UNKNOWN:
            self.undated(best.document)

    def undated(self, doc: Document) -> None:
        status = self.ctx.window.status_from(self.required)
        if status is None:
            return
        what = _UNDATED_WHY[doc.kind]
        self.out.append(
            recommendation(
                self.ctx.deadline(
                    Kind.DOCUMENT,
                    f"{doc.id}.review",
                    self.required,
                    status,
                    Text(f"Datera: {doc.title}", f"Date: {doc.title}"),
                    self.doc_site(doc, "id"),
                    "TRY413",
                    responsible=self.ctx.actor(doc.owner) if doc.owner else "",
                    title=document_title(doc),
                    value=doc.id,
                    name=doc.title,
                    problem=Text("har inget datum för antagandet", "has no date of adoption"),
                    advice=Text(
                        "datumet skrivs in, så att det går att se hur gammal den är",
                        "its date is written in, so that its age can be told",
                    ),
                    why=what,
                )
            )
        )

    def situation_picture(self) -> None:
        pictures = [d for d in self.documents if d.kind is DocumentKind.SITUATION_PICTURE]
        if pictures:
            self.stale("TRY420", pictures)
            return
        self.state("TRY420", ObligationState.MISSING)
        self.add("TRY420", _MISSING, self.missing_site(), at_key=True)

    def action_plan(self) -> None:
        bodies = self.ctx.plan.bodies()
        plans = [d for d in self.documents if d.kind is DocumentKind.ACTION_PLAN]
        decided = [
            d
            for d in plans
            if any(r in bodies and bodies[r].kind in _DECIDES_FOR_KOMMUN for r in d.adopted_by)
        ]
        org_file = self.ctx.file("organisation")
        if org_file is None or not isinstance(org_file.model, Organisation):
            # Who adopted it cannot be told without the bodies; the plan's error says why.
            decided = [d for d in plans if d.adopted_by]
        if decided:
            self.stale("TRY421", decided)
            return
        if not plans:
            self.state("TRY421", ObligationState.MISSING)
            self.add("TRY421", _MISSING, self.missing_site(), at_key=True)
            return
        latest = max(plans, key=lambda d: started(d) or date.min)
        self.state("TRY421", ObligationState.UNDECIDED, latest)
        if not latest.adopted_by:
            problem = Text(
                f"”{latest.title}” anger inte vem som antog den",
                f"“{latest.title}” does not say who adopted it",
            )
            self.add("TRY421", problem, self.doc_site(latest, "id"), latest)
            return
        names = [bodies[r].name if r in bodies else r for r in latest.adopted_by]
        problem = Text(
            "”{id}” är antagen av {by}, inte av fullmäktige eller en nämnd i kommunen",
            "“{id}” was adopted by {by}, not by the council or a committee of the kommun",
        ).format(id=Text(latest.title, latest.title), by=join_text([Text(n, n) for n in names]))
        self.add("TRY421", problem, self.doc_site(latest, "antaget_av"), latest)

    def coordination(self) -> None:
        org_file = self.ctx.file("organisation")
        if org_file is None or not isinstance(org_file.model, Organisation):
            return
        coordination = org_file.model.coordination
        site = Site(org_file, ("samordning",))
        established = coordination.established
        in_place = coordination.coordinators and (
            established is None or established <= self.ctx.as_of
        )
        self.state(
            "TRY422",
            ObligationState.CURRENT if in_place else ObligationState.MISSING,
        )
        if not coordination.coordinators:
            problem = Text("planen anger ingen samordnare", "the plan names no coordinator")
            self.add("TRY422", problem, site, at_key=True)
        elif coordination.established is not None and coordination.established > self.ctx.as_of:
            problem = Text("den inrättas först {date}", "it is set up only on {date}").format(
                date=date_text(coordination.established)
            )
            self.add("TRY422", problem, site.child("inrättad"))


_UNDATED_WHY = {
    DocumentKind.SITUATION_PICTURE: Text(
        "lag (2023:196) kräver en lägesbild men anger inget intervall för att uppdatera den",
        "Act 2023:196 requires a situation picture but sets no interval for updating it",
    ),
    DocumentKind.ACTION_PLAN: Text(
        "lag (2023:196) kräver en åtgärdsplan men anger inget intervall för att uppdatera den",
        "Act 2023:196 requires an action plan but sets no interval for updating it",
    ),
}

_DECIDES_FOR_KOMMUN = (BodyKind.COUNCIL, BodyKind.COMMITTEE)
"""Bodies whose decision is the kommun's decision: fullmäktige and a nämnd (kommunstyrelsen)."""
