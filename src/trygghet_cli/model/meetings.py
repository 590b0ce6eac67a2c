"""``moten/ÅÅÅÅ-MM-DD-organ.yaml``: one meeting of one body.

A meeting records who attended (roles), the agenda, the decisions, the actions with owner and
due date, the reports delivered (recorded at a meeting of the body that sends them or of one
that receives them), and the lägesbild: places and patterns, never individuals.
"""

from __future__ import annotations

from enum import Enum

from pydantic import StrictBool, StrictInt

from trygghet_cli.model.common import (
    ILLUSTRATIVE,
    Day,
    Id,
    Ref,
    TryggModel,
    WeekField,
    field,
    schema_text,
)


@schema_text("Typ av möte", "Ordinarie, extra eller akut möte.")
class MeetingKind(str, Enum):
    REGULAR = "ordinarie"
    EXTRA = "extra"
    ACUTE = "akut"


@schema_text("Åtgärdens status", "Öppen, pågående, klar eller avbruten.")
class ActionStatus(str, Enum):
    OPEN = "öppen"
    ONGOING = "pågående"
    DONE = "klar"
    CANCELLED = "avbruten"

    @property
    def closed(self) -> bool:
        return self in (ActionStatus.DONE, ActionStatus.CANCELLED)


@schema_text("Kategori", "Vilket slags händelse lägesbilden gäller: skadegörelse, klotter, brand …")
class Category(str, Enum):
    VANDALISM = "skadegörelse"
    GRAFFITI = "klotter"
    FIRE = "brand"
    GATHERING = "samlingsplats"
    DISORDER = "ordningsstörning"
    THREATS_TO_STAFF = "hot_mot_personal"
    DRUGS = "narkotika"
    ALCOHOL = "alkohol"
    THEFT = "stöld"
    BURGLARY = "inbrott"
    TRAFFIC = "trafik"
    LITTERING = "nedskräpning"
    LIGHTING = "belysning"
    RUMOURS = "ryktesspridning"
    VIOLENCE = "våld"
    OTHER = "annat"


@schema_text("Beslut", "Ett beslut som mötet fattade.")
class Decision(TryggModel):
    id: Id | None = field(
        "id",
        "Beslutets id, om det behövs för hänvisningar.",
        example="beslut-2021-03-1",
        default=None,
    )
    text: str = field(
        "text",
        "Vad som beslutades.",
        min_length=1,
        example="Fördjupad kartläggning av centrum under april.",
    )
    direction: StrictBool = field(
        "inriktningsbeslut", "Sant för ett inriktningsbeslut.", example=True, default=False
    )


@schema_text("Åtgärd", "En åtgärd som mötet beslutade, med ansvarig och sista datum.")
class Action(TryggModel):
    id: Id = field("id", "Åtgärdens id, unikt i planen.", example="fa-2021-03")
    text: str = field(
        "text",
        "Vad som ska göras.",
        example="Boka en trygghetsvandring på Busstorget.",
        min_length=1,
    )
    owner: Ref = field("ansvarig", "Roll eller organ (id) som ansvarar.", example="samordnare")
    created: Day | None = field(
        "skapad",
        "När åtgärden beslutades; mötets datum om det saknas.",
        example="2021-03-02",
        default=None,
    )
    due: Day = field("senast", "När åtgärden ska vara klar.", example="2021-04-15")
    status: ActionStatus = field("status", "Läget.", example="öppen")
    done_date: Day | None = field(
        "klar_datum", "När åtgärden blev klar.", example="2021-04-10", default=None
    )
    activity: Ref | None = field(
        "aktivitet",
        "Aktiviteten (id) åtgärden hör till.",
        example="trygghetsvandringar",
        default=None,
    )
    goal: Ref | None = field(
        "mål",
        "Målet eller delmålet (id i mal.yaml) som åtgärden ska bidra till.",
        example="minska-skadegorelse",
        default=None,
    )
    note: str | None = field(
        "anmärkning",
        "Anmärkning om åtgärden, till exempel varför den flyttats.",
        example="Flyttad från förra mötet.",
        default=None,
    )


@schema_text("Lägesbild", "En post i lägesbilden: en plats och ett mönster, aldrig en person.")
class SituationEntry(TryggModel):
    """One entry in the lägesbild: a place and a pattern, never a person."""

    week: WeekField = field("vecka", "ISO-vecka då det inträffade.", example="2021-W09")
    area: str = field("område", "Området.", example="Centrum", min_length=1)
    place: str | None = field("plats", "Platsen inom området.", example="Busstorget", default=None)
    category: Category = field(
        "kategori", "Vilket slags händelse eller problem.", example="skadegörelse"
    )
    description: str = field(
        "beskrivning",
        "Vad som har hänt, utan personuppgifter.",
        example="Upprepad skadegörelse på busskurerna under helgerna.",
        min_length=1,
    )
    reported_by: str = field(
        "rapporterad_av", "Organisationen som rapporterade.", example="Fagerstahem", min_length=1
    )
    count: StrictInt | None = field(
        "antal", "Antal händelser, när det är känt.", example=3, default=None, ge=1
    )
    assessment: StrictInt | None = field(
        "bedömning", "Allvar på en skala 1–4.", example=2, default=None, ge=1, le=4
    )
    measure: str | None = field(
        "åtgärd",
        "Vad som görs åt det.",
        example="Tekniska förvaltningen lagar och ser över belysningen.",
        default=None,
    )


@schema_text("Möte", "Innehållet i en fil i moten/: ett möte med närvaro, beslut och åtgärder.")
class Meeting(TryggModel):
    """Contents of one file in ``moten/``."""

    date: Day = field("datum", "Mötets datum.", example="2021-03-02")
    body: Ref = field("organ", "Organet (id) som höll mötet.", example="lokala-bra")
    kind: MeetingKind = field(
        "typ", "Ordinarie, extra eller akut möte.", example="ordinarie", default=MeetingKind.REGULAR
    )
    place: str | None = field("plats", "Var mötet hölls.", example="Stadshuset", default=None)
    attendees: list[Ref] = field(
        "närvarande",
        "Roller (id) som var med.",
        example=["samordnare", "kommunpolis"],
        default_factory=list,
    )
    agenda: list[str] = field(
        "dagordning",
        "Punkterna på dagordningen.",
        example=["Lägesbild", "Uppföljning av åtgärder"],
        default_factory=list,
    )
    decisions: list[Decision] = field(
        "beslut",
        "Beslut som fattades.",
        example=[{"text": "Fördjupad kartläggning av centrum under april."}],
        default_factory=list,
    )
    actions: list[Action] = field(
        "åtgärder",
        "Åtgärder som beslutades.",
        example=[
            {
                "id": "fa-2021-03",
                "text": "Boka trygghetsvandring",
                "ansvarig": "samordnare",
                "senast": "2021-04-15",
                "status": "öppen",
            }
        ],
        default_factory=list,
    )
    follow_ups: list[Ref] = field(
        "följer_upp",
        "Åtgärder (id) från tidigare möten som följdes upp vid mötet.",
        example=["fa-2021-03"],
        default_factory=list,
    )
    reports: list[Ref] = field(
        "rapporter",
        "Rapporteringar (id under ett organs rapportering) som lämnades vid mötet, av det här "
        "organet eller till det.",
        example=["est-manadsrapport"],
        default_factory=list,
    )
    situation: list[SituationEntry] = field(
        "lägesbild",
        "Lägesbildens poster.",
        example=[
            {
                "vecka": "2021-W09",
                "område": "Centrum",
                "kategori": "skadegörelse",
                "beskrivning": "Krossade rutor i busskuren.",
                "rapporterad_av": "Fagerstahem",
            }
        ],
        default_factory=list,
    )
    notes: str | None = field(
        "anteckningar",
        "Övriga anteckningar.",
        example="Nästa möte hålls i Västanfors.",
        default=None,
    )
    illustrative: StrictBool = field("illustrativ", ILLUSTRATIVE, example=True, default=False)
