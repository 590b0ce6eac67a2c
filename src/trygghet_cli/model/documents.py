"""``styrdokument.yaml``: the documents that steer the work.

A samverkansöverenskommelse covers a period and is not legally binding; medborgarlöften are
renewed yearly in practice; Lag (2023:196) asks for a lägesbild and an åtgärdsplan.
"""

from __future__ import annotations

from enum import Enum

from pydantic import StrictBool

from trygghet_cli.model.common import (
    ILLUSTRATIVE,
    CadenceField,
    Day,
    Id,
    Ref,
    TryggModel,
    field,
    schema_text,
)


@schema_text(
    "Typ av styrdokument",
    "Vilket slags styrdokument: överenskommelse, medborgarlöfte, plan, lägesbild …",
)
class DocumentKind(str, Enum):
    AGREEMENT = "samverkansöverenskommelse"
    CITIZEN_PROMISE = "medborgarlöfte"
    PLAN = "plan"
    PROGRAMME = "program"
    MISSION_PLAN = "uppdragsplan"
    BUDGET = "budget"
    ACTION_PLAN = "åtgärdsplan"
    SITUATION_PICTURE = "lägesbild"
    ANNUAL_REPORT = "verksamhetsberättelse"
    OTHER = "annat"


@schema_text(
    "Styrdokument", "Ett styrdokument: vem som antog det, när det gäller och hur det följs upp."
)
class Document(TryggModel):
    id: Id = field("id", "Id som mål och aktiviteter hänvisar till.", example="medborgarlofte-2021")
    kind: DocumentKind = field("typ", "Vilket slags styrdokument.", example="medborgarlöfte")
    title: str = field(
        "titel", "Dokumentets titel.", example="Medborgarlöfte Fagersta 2021", min_length=1
    )
    parties: list[str] = field(
        "parter",
        "Parter som står bakom dokumentet.",
        example=["Fagersta kommun", "Polisen, lokalpolisområde Fagersta"],
        default_factory=list,
    )
    adopted: Day | None = field(
        "antaget", "När dokumentet antogs eller undertecknades.", example="2021-02-15", default=None
    )
    adopted_by: list[Ref] = field(
        "antaget_av",
        "Organ eller roller (id) som antog eller undertecknade dokumentet.",
        example=["kommunstyrelsen"],
        default_factory=list,
    )
    valid_from: Day | None = field(
        "gäller_från", "Första dagen dokumentet gäller.", example="2021-01-01", default=None
    )
    valid_to: Day | None = field(
        "gäller_till", "Sista dagen dokumentet gäller.", example="2021-12-31", default=None
    )
    review: CadenceField | None = field(
        "revideras", "Hur ofta dokumentet ses över eller förnyas.", example="varje år", default=None
    )
    owner: Ref | None = field(
        "ansvarig",
        "Roll eller organ (id) som ansvarar för dokumentet.",
        example="samordnare",
        default=None,
    )
    purpose: str | None = field(
        "syfte",
        "Dokumentets syfte, gärna citerat.",
        example="Att tillsammans minska otryggheten i centrum.",
        default=None,
    )
    content: list[str] = field(
        "innehåll",
        "Mål, fokusområden eller löften som dokumentet anger.",
        example=["Trygghetsvandringar i centrum varje vår och höst"],
        default_factory=list,
    )
    follow_up: str | None = field(
        "uppföljning",
        "Hur dokumentet följs upp.",
        example="Följs upp av Lokala BRÅ varje kvartal.",
        default=None,
    )
    url: str | None = field(
        "länk",
        "Var dokumentet finns publicerat.",
        example="https://www.fagersta.se/medborgarlofte",
        default=None,
        pattern=r"^https?://\S+$",
    )
    illustrative: StrictBool = field("illustrativ", ILLUSTRATIVE, example=True, default=False)


@schema_text(
    "Styrdokumenten",
    "Innehållet i styrdokument.yaml: överenskommelser, medborgarlöften, planer och lägesbilder.",
)
class Documents(TryggModel):
    """Contents of ``styrdokument.yaml``."""

    documents: list[Document] = field(
        "dokument",
        "Styrdokumenten.",
        example=[
            {
                "id": "medborgarlofte-2021",
                "typ": "medborgarlöfte",
                "titel": "Medborgarlöfte Fagersta 2021",
            }
        ],
    )
