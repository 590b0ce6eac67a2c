"""``organisation.yaml``: roles, coordination and the bodies that do the work.

Brå's guidance: a **styrgrupp** with decision mandate, a **beredningsgrupp** (often the lokala
BRÅ) that plans and follows up, and **time-limited arbetsgrupper**. Municipalities add councils
(trygghetsråd, folkhälsoråd, area councils), EST groups and SSPF groups. Members are roles in
organisations, never private persons.
"""

from __future__ import annotations

from enum import Enum

from pydantic import StrictBool, StrictInt

from trygghet_cli.model.cadence import Cadence
from trygghet_cli.model.common import (
    ILLUSTRATIVE,
    CadenceField,
    Day,
    Id,
    PauseField,
    Percent,
    Ref,
    TryggModel,
    field,
    schema_text,
)


@schema_text(
    "Typ av organ",
    "Vilket slags organ: styrgrupp, beredningsgrupp, lokalt BRÅ, råd, grupp, nämnd …",
)
class BodyKind(str, Enum):
    STEERING = "styrgrupp"
    PREPARATORY = "beredningsgrupp"
    LOCAL_BRA = "lokalt_brå"
    SAFETY_COUNCIL = "trygghetsråd"
    MANAGEMENT = "ledningsgrupp"
    WORKING_GROUP = "arbetsgrupp"
    OPERATIVE = "operativ_grupp"
    EST = "est_grupp"
    SSPF = "sspf"
    AREA_COUNCIL = "områdesråd"
    PUBLIC_HEALTH = "folkhälsoråd"
    COUNCIL = "fullmäktige"
    COMMITTEE = "nämnd"
    SUBCOMMITTEE = "utskott"
    EXTERNAL = "extern"
    OTHER = "annat"

    @property
    def meets(self) -> bool:
        """Whether the plan keeps a meeting log for bodies of this kind."""
        return self not in (
            BodyKind.COUNCIL,
            BodyKind.COMMITTEE,
            BodyKind.SUBCOMMITTEE,
            BodyKind.EXTERNAL,
        )


@schema_text(
    "Roll",
    "En funktion i en organisation ('Kommunpolis, Polismyndigheten'), aldrig en privatperson.",
)
class Role(TryggModel):
    """A function in an organisation: 'Kommunpolis, Polismyndigheten'. Never a private person."""

    id: Id = field("id", "Id som organ, mål och åtgärder hänvisar till.", example="kommunpolis")
    title: str = field("titel", "Rollens benämning.", example="Kommunpolis", min_length=1)
    organisation: str = field(
        "organisation", "Organisationen rollen finns i.", example="Polismyndigheten", min_length=1
    )
    count: StrictInt | None = field(
        "antal",
        "Hur många personer rollen står för, när den är en grupp av representanter.",
        example=3,
        default=None,
        ge=1,
    )
    description: str | None = field(
        "beskrivning",
        "Vad rollen gör i arbetet.",
        example="Leder det operativa arbetet och sammanställer lägesbilden.",
        default=None,
    )


@schema_text("Samordnare", "Den som driver arbetet i kommunen, och med hur stor del av sin tjänst.")
class Coordinator(TryggModel):
    """The kommun's coordinating function: who drives the work, and with how much time."""

    role: Ref = field("roll", "Rollen (id under roller) som samordnar.", example="samordnare")
    count: StrictInt = field(
        "antal", "Antal tjänster med den här rollen.", example=1, default=1, ge=1
    )
    fte_percent: Percent | None = field(
        "tjänstgöringsgrad",
        "Tjänstens omfattning i procent av heltid, per person; utelämna den när den inte är känd.",
        example=100,
        default=None,
    )
    crime_prevention_percent: Percent | None = field(
        "andel_brottsförebyggande",
        "Hur stor del av tjänsten, i procent av heltid, som går till brottsförebyggande och "
        "trygghetsskapande arbete, när den är känd.",
        example=50,
        default=None,
    )
    other_duties: list[str] = field(
        "andra_uppdrag",
        "Andra ansvarsområden i samma tjänst.",
        example=["ANDT-samordning"],
        default_factory=list,
    )
    placement: str | None = field(
        "placering",
        "Var i organisationen tjänsten är placerad.",
        example="Kommunledningen",
        default=None,
    )


@schema_text(
    "Samordning",
    "Kommunens samordningsfunktion, som lag (2023:196) kräver: samordnare och kommunpolis.",
)
class Coordination(TryggModel):
    """Lag (2023:196) asks every kommun for a samordningsfunktion; this is where it lives."""

    function: str | None = field(
        "funktion",
        "Namnet på samordningsfunktionen.",
        example="Övergripande planering/Umebrå",
        default=None,
    )
    coordinators: list[Coordinator] = field(
        "samordnare",
        "Kommunens samordnare eller processledare.",
        example=[{"roll": "samordnare", "tjänstgöringsgrad": 100}],
        default_factory=list,
    )
    police: list[Ref] = field(
        "kommunpolis",
        "Roller (id) för kommunpolisen eller motsvarande hos Polisen.",
        example=["kommunpolis"],
        default_factory=list,
    )
    established: Day | None = field(
        "inrättad", "När samordningsfunktionen inrättades.", example="2019-01-01", default=None
    )


@schema_text("Ledamot", "En roll som är ledamot i organet.")
class Member(TryggModel):
    role: Ref = field("roll", "Rollen (id under roller) som är ledamot.", example="kommunpolis")
    seats: StrictInt | None = field(
        "antal",
        "Hur många ledamöter rollen har i organet, när de är fler än en (Vara: 3 ledamöter från "
        "kommunstyrelsens arbetsutskott).",
        example=3,
        default=None,
        ge=1,
    )
    substitutes: StrictInt | None = field(
        "ersättare",
        "Hur många ersättare rollen har i organet (Vara: 3 ersättare från kommunstyrelsens "
        "arbetsutskott).",
        example=3,
        default=None,
        ge=0,
    )
    when_needed: StrictBool = field(
        "vid_behov",
        "Deltar bara vid behov, till exempel när brottsförebyggande frågor tas upp.",
        example=True,
        default=False,
    )
    note: str | None = field(
        "anmärkning",
        "Anmärkning om ledamoten.",
        example="Deltar när skolfrågor tas upp.",
        default=None,
    )


@schema_text("Inrättat genom", "Beslutet som inrättade organet och vad det vilar på.")
class Establishment(TryggModel):
    """The decision that set a body up, and what it rests on (Vara: KF 2023-10-30 § 89, built on
    Lag (2023:196) and the samverkansöverenskommelse)."""

    decision: str = field(
        "beslut",
        "Beslutet som inrättade organet, som det skrivs i protokollet.",
        example="KF 2023-10-30 § 89",
        min_length=1,
    )
    date: Day | None = field("datum", "Beslutets datum.", example="2023-10-30", default=None)
    decided_by: Ref | None = field(
        "av",
        "Organet (id) som fattade beslutet, till exempel kommunfullmäktige.",
        example="kommunfullmaktige",
        default=None,
    )
    title: str | None = field(
        "titel",
        "Det beslutade dokumentets titel, till exempel organets bestämmelser eller reglemente.",
        example="Bestämmelser för brottsförebyggande rådet i Vara kommun",
        default=None,
    )
    legal_basis: list[str] = field(
        "lagstöd",
        "Lagar som organet vilar på, som de citeras.",
        example=["Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete"],
        default_factory=list,
    )
    documents: list[Ref] = field(
        "dokument",
        "Styrdokument (id i styrdokument.yaml) som organet vilar på, till exempel "
        "samverkansöverenskommelsen.",
        example=["samverkansoverenskommelse"],
        default_factory=list,
    )


@schema_text("Budget", "Organets budget för arbetet.")
class Budget(TryggModel):
    allocated: StrictBool = field(
        "avsatt", "Om en särskild budget är avsatt för arbetet.", example=False
    )
    amount_sek: StrictInt | None = field(
        "belopp", "Beloppet i kronor per år, när det är känt.", example=500000, default=None, ge=0
    )
    year: StrictInt | None = field("år", "Budgetåret beloppet avser.", example=2021, default=None)
    note: str | None = field(
        "anmärkning",
        "Till exempel var beslutsmandatet över resurserna ligger.",
        example="Beslutsmandatet ligger på respektive chef.",
        default=None,
    )


@schema_text(
    "Rapportering",
    "Ett organs skyldighet att rapportera till andra, med kadens (EST-gruppen: varje månad).",
)
class ReportingLine(TryggModel):
    """A body's duty to report to others, with its cadence (Fagersta's EST group: monthly)."""

    id: Id = field(
        "id", "Id som mötesprotokoll anger när rapporten lämnats.", example="est-manadsrapport"
    )
    to: list[Ref] = field(
        "till",
        "Organ (id) som tar emot rapporten.",
        example=["lansstyrelsen", "lokala-bra"],
        min_length=1,
    )
    cadence: CadenceField = field("kadens", "Hur ofta rapporten lämnas.", example="varje månad")
    content: str = field(
        "innehåll",
        "Vad rapporten innehåller.",
        example="Gemensam lägesbild från EST-arbetet",
        min_length=1,
    )
    since: Day | None = field(
        "från", "Från vilket datum skyldigheten gäller.", example="2021-01-01", default=None
    )
    illustrative: StrictBool = field("illustrativ", ILLUSTRATIVE, example=True, default=False)


@schema_text(
    "Organ", "En grupp, ett råd eller ett externt organ som deltar i arbetet eller tar emot det."
)
class Body(TryggModel):
    """A group, council or external body that takes part in or receives the work."""

    id: Id = field("id", "Id som möten, mål och åtgärder hänvisar till.", example="lokala-bra")
    name: str = field("namn", "Organets namn.", example="Lokala BRÅ", min_length=1)
    kind: BodyKind = field("typ", "Vilket slags organ det är.", example="lokalt_brå")
    description: str | None = field(
        "beskrivning",
        "Vad organet gör.",
        example="Samordnar det brottsförebyggande arbetet i kommunen.",
        default=None,
    )
    mandate: str | None = field(
        "mandat",
        "Organets mandat och roll (strategisk, beredande, beslutande, operativ).",
        example="Strategisk och beslutande roll i det brottsförebyggande arbetet.",
        default=None,
    )
    decides: StrictBool | None = field(
        "beslutsmandat",
        "Om organet fattar beslut om arbetets inriktning.",
        example=True,
        default=None,
    )
    parent: Ref | None = field(
        "under",
        "Organet (id) som har ansvaret för detta organ.",
        example="kommunstyrelsen",
        default=None,
    )
    appointed_by: Ref | None = field(
        "tillsatt_av",
        "Organet (id) som tillsatt gruppen, till exempel beredningsgruppen.",
        example="beredningsgrupp",
        default=None,
    )
    area: str | None = field(
        "område",
        "Området gruppen verkar i, för lokala råd och trygghetsgrupper.",
        example="Angereds centrum",
        default=None,
    )
    chair: Ref | None = field(
        "ordförande",
        "Rollen (id) som är ordförande.",
        example="kommunstyrelsens-ordforande",
        default=None,
    )
    chair_appointed_by: Ref | None = field(
        "ordförande_utses_av",
        "Organet (id) som utser ordföranden, till exempel kommunstyrelsen.",
        example="kommunstyrelsen",
        default=None,
    )
    established: Establishment | None = field(
        "inrättad_genom",
        "Beslutet som inrättade organet och vad det vilar på (lagstöd, styrdokument).",
        example={
            "beslut": "KF 2023-10-30 § 89",
            "datum": "2023-10-30",
            "av": "kommunfullmaktige",
            "lagstöd": ["Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete"],
        },
        default=None,
    )
    convener: Ref | None = field(
        "sammankallande",
        "Rollen (id) eller organet som kallar till möten.",
        example="samordnare",
        default=None,
    )
    members: list[Member] = field(
        "ledamöter",
        "Organets ledamöter, som roller.",
        example=[{"roll": "samordnare"}, {"roll": "kommunpolis"}],
        default_factory=list,
    )
    budget: Budget | None = field(
        "budget",
        "Organets budget, om någon.",
        example={"avsatt": True, "belopp": 500000, "år": 2021},
        default=None,
    )
    cadence: CadenceField | None = field(
        "mötesfrekvens", "Hur ofta organet sammanträder.", example="6 gånger per år", default=None
    )
    pauses: list[PauseField] = field(
        "uppehåll",
        "Planerade uppehåll i mötena (varje år, som 'juli' eller '20 december–6 januari', "
        "eller en gång, som '15 juni–15 augusti 2025'): inga möten krävs då.",
        example=["juli", "20 december–6 januari"],
        default_factory=list,
    )
    start: Day | None = field("start", "När organet bildades.", example="2021-01-01", default=None)
    end: Day | None = field(
        "slut",
        "När organet upphör; krävs för tidsbegränsade arbetsgrupper.",
        example="2021-12-31",
        default=None,
    )
    reporting: list[ReportingLine] = field(
        "rapportering",
        "Rapporter organet lämnar till andra, med kadens.",
        example=[
            {
                "id": "arsrapport",
                "till": ["kommunstyrelsen"],
                "kadens": "varje år",
                "innehåll": "Verksamhetsberättelse",
            }
        ],
        default_factory=list,
    )
    keeps_situation_picture: StrictBool = field(
        "lägesbild", "Om organet tar fram en gemensam lägesbild (EST).", example=True, default=False
    )
    count: StrictInt | None = field(
        "antal",
        "Hur många grupper av samma slag posten står för (till exempel SSPF-grupper i "
        "alla områden).",
        example=4,
        default=None,
        ge=1,
    )
    illustrative: StrictBool = field("illustrativ", ILLUSTRATIVE, example=True, default=False)

    @property
    def meeting_cadence(self) -> Cadence | None:
        """The cadence with the body's planned pauses (``uppehåll``) added."""
        pauses = tuple(p for item in self.pauses for p in item)
        return self.cadence.with_pauses(pauses) if self.cadence else None


@schema_text("Organisationen", "Innehållet i organisation.yaml: roller, samordning och organ.")
class Organisation(TryggModel):
    """Contents of ``organisation.yaml``."""

    roles: list[Role] = field(
        "roller",
        "Roller som ingår i arbetet.",
        example=[{"id": "samordnare", "titel": "Samordnare", "organisation": "Fagersta kommun"}],
        min_length=1,
    )
    coordination: Coordination = field(
        "samordning",
        "Samordningsfunktionen: samordnare och kommunpolis.",
        example={"samordnare": [{"roll": "samordnare"}], "kommunpolis": ["kommunpolis"]},
    )
    bodies: list[Body] = field(
        "organ",
        "Organ: styrgrupp, råd, grupper och mottagare.",
        example=[{"id": "lokala-bra", "namn": "Lokala BRÅ", "typ": "lokalt_brå"}],
        min_length=1,
    )
