"""The brief's section on the governing documents, in words: what was adopted, what ends or is
due for review, and how the obligations of Lag (2023:196) stand at the quarter's end.

Claims are no stronger than their source: what the act requires (a lägesbild, an åtgärdsplan
that the kommun decides, a samordningsfunktion) is cited as the act; a date the plan sets
(``revideras``, ``gäller_till``) is the plan's own; a yearly update where the plan sets none is
trygg's recommendation, and the act sets no interval.
"""

from __future__ import annotations

from trygghet_cli.analysis.brief import Brief
from trygghet_cli.analysis.brief_actions import who
from trygghet_cli.analysis.brief_documents import DocumentDate, DocumentEvent
from trygghet_cli.followup.base import LAW_IN_FORCE
from trygghet_cli.followup.crime_prevention_act import Obligation, ObligationState
from trygghet_cli.followup.documents import Basis
from trygghet_cli.i18n import Text
from trygghet_cli.model.documents import Document, DocumentKind
from trygghet_cli.render.brief_summary import listing
from trygghet_cli.render.labels import label
from trygghet_cli.wording import Formatter, cadence_text


def _name(doc: Document, fmt: Formatter) -> str:
    """``Brottsförebyggande plan 2021 (åtgärdsplan)``; the kind is not repeated after a title
    that says it (``Lägesbild 2021``, ``Trygghetsprogram``)."""
    kind = label(doc.kind, fmt.lang).lower()
    return doc.title if kind in doc.title.lower() else f"{doc.title} ({kind})"


def document_lines(brief: Brief, fmt: Formatter) -> list[str]:
    """Adopted in the quarter; ending or due for review in the quarter or the next."""
    g = brief.documents
    lang = fmt.lang
    out = []
    for doc in g.adopted:
        assert doc.adopted is not None
        by = [who(brief.plan, r) for r in doc.adopted_by]
        text = Text("Antaget {date}: {name}", "Adopted on {date}: {name}").format(
            date=fmt.date(doc.adopted), name=_name(doc, fmt)
        )(lang)
        if by:
            text += Text(", av {by}", ", by {by}").format(by=listing(by, lang, limit=5))(lang)
        out.append(text + ".")
    out.extend(_coming(c, brief, fmt) for c in g.coming)
    return out


def _coming(c: DocumentDate, brief: Brief, fmt: Formatter) -> str:
    lang = fmt.lang
    past = c.day < brief.end
    name, day = _name(c.document, fmt), fmt.date(c.day)
    if c.event is DocumentEvent.EXPIRES:
        return (
            Text(
                "{name} gällde till och med {day} enligt planen.",
                "{name} was valid until {day} according to the plan.",
            )
            if past
            else Text(
                "{name} gäller till och med {day} enligt planen.",
                "{name} is valid until {day} according to the plan.",
            )
        ).format(name=name, day=day)(lang)
    if c.event is DocumentEvent.REVIEW:
        cadence = cadence_text(c.document.review)(lang) if c.document.review else ""
        return (
            Text(
                "{name} skulle ha reviderats senast {day}; planen säger att dokumentet ska "
                "revideras {cadence}.",
                "{name} was due for review by {day}; the plan says the document is to be "
                "reviewed {cadence}.",
            )
            if past
            else Text(
                "{name} ska revideras senast {day}; planen säger att dokumentet ska revideras "
                "{cadence}.",
                "{name} is due for review by {day}; the plan says the document is to be "
                "reviewed {cadence}.",
            )
        ).format(name=name, day=day, cadence=cadence)(lang)
    renew = c.document.kind is DocumentKind.CITIZEN_PROMISE
    return Text(
        "{name}: trygg rekommenderar att {it} {verb} senast {day}, ett år efter antagandet "
        "(planen säger inte när dokumentet ska revideras eller hur länge det gäller).",
        "{name}: trygg recommends that it is {verb_en} by {day}, a year after its adoption "
        "(the plan does not say when the document is to be reviewed or how long it is valid).",
    ).format(
        name=name,
        it="det" if renew else "den",  # löftet; lägesbilden, åtgärdsplanen
        verb="förnyas" if renew else "uppdateras",
        verb_en="renewed" if renew else "updated",
        day=day,
    )(lang)


_OBLIGATION = {
    "lagesbild": Text("Lägesbild", "Situation picture"),
    "atgardsplan": Text("Åtgärdsplan beslutad av kommunen", "Action plan decided by the kommun"),
    "samordningsfunktion": Text("Samordningsfunktion", "Coordination function"),
}
_REQUIRED = {
    "lagesbild": Text("en lägesbild", "a situation picture"),
    "atgardsplan": Text(
        "en åtgärdsplan som kommunen beslutar", "an action plan that the kommun decides"
    ),
    "samordningsfunktion": Text("en samordningsfunktion", "a coordination function"),
}


def law_intro(brief: Brief, fmt: Formatter) -> str:
    """Whether the act applies on the quarter's last day, and what it asks for."""
    lang = fmt.lang
    obligations = brief.documents.obligations
    end = fmt.date(brief.end)
    if not obligations:
        return ""
    start = fmt.date(obligations[0].required_from)
    later = obligations[0].required_from > LAW_IN_FORCE
    if not obligations[0].required:
        # The act's own date is the act's; a later plan start is when trygg follows it up.
        in_force = brief.end >= LAW_IN_FORCE
        text = (
            Text(
                "Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete gäller sedan "
                "{law}",
                "Act 2023:196 on municipalities' responsibility for crime prevention has applied "
                "since {law}",
            )
            if in_force
            else Text(
                "Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete gäller från "
                "{law}",
                "Act 2023:196 on municipalities' responsibility for crime prevention applies "
                "from {law}",
            )
        ).format(law=fmt.date(LAW_IN_FORCE))
        if later:
            text = Text(
                "{a}; trygg följer upp kraven från planens start, {start}",
                "{a}; trygg follows them up from the plan's start, {start}",
            ).format(a=text, start=start)
        if in_force:
            return Text(
                "{a}, och den {end} hade planen ännu inte börjat.",
                "{a}, and on {end} the plan had not yet started.",
            ).format(a=text, end=end)(lang)
        if later:
            return Text(
                "{a}. Den {end} ställde lagen ännu inga krav.",
                "{a}. On {end} the act did not yet require anything.",
            ).format(a=text, end=end)(lang)
        return Text(
            "{a}; den {end} ställde den ännu inga krav.",
            "{a}; on {end} it did not yet require anything.",
        ).format(a=text, end=end)(lang)
    since = Text(
        "Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete gäller sedan {law} och "
        "kräver en lägesbild, en åtgärdsplan som kommunen beslutar och en samordningsfunktion; "
        "den anger inte hur ofta lägesbilden eller åtgärdsplanen ska uppdateras. ",
        "Act 2023:196 on municipalities' responsibility for crime prevention has applied since "
        "{law} and requires a situation picture, an action plan that the kommun decides and a "
        "coordination function; it does not say how often the situation picture or the action "
        "plan must be updated. ",
    ).format(law=fmt.date(LAW_IN_FORCE))
    if later:
        since = Text(
            "{a}trygg följer upp kraven från planens start, {start}. ",
            "{a}trygg follows them up from the plan's start, {start}. ",
        ).format(a=since, start=start)
    return Text("{a}Läget den {end}:", "{a}As of {end}:").format(a=since, end=end)(lang)


def law_lines(brief: Brief, fmt: Formatter) -> list[str]:
    """One line per obligation, worded by its source (once the act applies)."""
    obligations = brief.documents.obligations
    if not obligations or not obligations[0].required:
        return []
    return [_obligation(o, brief, fmt) for o in obligations]


def _obligation(o: Obligation, brief: Brief, fmt: Formatter) -> str:
    lang = fmt.lang
    head = _OBLIGATION[o.key](lang)
    doc = brief.documents.documents.get(o.document) if o.document else None
    if o.state is ObligationState.MISSING:
        return Text(
            "{head}: saknas; lagen kräver {what}.", "{head}: missing; the act requires {what}."
        ).format(head=head, what=_REQUIRED[o.key])(lang)
    if doc is None:  # the samordningsfunktion
        return Text("{head}: finns.", "{head}: in place.").format(head=head)(lang)
    name = doc.title
    if doc.adopted is not None:
        name += Text(" (antagen {date})", " (adopted on {date})").format(
            date=fmt.date(doc.adopted)
        )(lang)
    if o.state is ObligationState.UNDECIDED:
        return Text(
            "{head}: {name} är inte beslutad av kommunen (fullmäktige eller en nämnd), som "
            "lagen kräver.",
            "{head}: {name} is not decided by the kommun (the council or a committee), as the "
            "act requires.",
        ).format(head=head, name=name)(lang)
    until = fmt.date(o.current_until) if o.current_until else ""
    current = o.state is ObligationState.CURRENT
    words = {
        (Basis.REVIEW, True): Text(
            "aktuell till och med {until}, då den ska revideras enligt planen",
            "current until {until}, when the plan says it is to be reviewed",
        ),
        (Basis.REVIEW, False): Text(
            "enligt planen skulle den ha reviderats senast {until}",
            "the plan says it was to be reviewed by {until}",
        ),
        (Basis.END, True): Text(
            "gäller till och med {until} enligt planen",
            "valid until {until} according to the plan",
        ),
        (Basis.END, False): Text(
            "gällde till och med {until} enligt planen",
            "was valid until {until} according to the plan",
        ),
        (Basis.RECOMMENDATION, True): Text(
            "trygg rekommenderar en uppdatering senast {until}",
            "trygg recommends an update by {until}",
        ),
        (Basis.RECOMMENDATION, False): Text(
            "trygg rekommenderade en uppdatering senast {until}",
            "trygg recommended an update by {until}",
        ),
        (Basis.UNKNOWN, True): Text(
            "planen anger inte när den antogs", "the plan does not say when it was adopted"
        ),
        (Basis.UNKNOWN, False): Text(
            "planen anger inte när den antogs", "the plan does not say when it was adopted"
        ),
    }
    basis = o.basis or Basis.UNKNOWN
    detail = words[(basis, current)].format(until=until)(lang)
    return Text("{head}: {name}; {detail}.", "{head}: {name}; {detail}.").format(
        head=head, name=name, detail=detail
    )(lang)
