"""``aktiviteter.yaml``: åtgärder, aktiviteter and projekt, with owner, dates and status."""

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


@schema_text("Typ av aktivitet", "Åtgärd, aktivitet eller projekt.")
class ActivityKind(str, Enum):
    MEASURE = "åtgärd"
    ACTIVITY = "aktivitet"
    PROJECT = "projekt"


@schema_text("Aktivitetens status", "Planerad, pågående, klar, pausad eller avbruten.")
class ActivityStatus(str, Enum):
    PLANNED = "planerad"
    ONGOING = "pågående"
    DONE = "klar"
    PAUSED = "pausad"
    CANCELLED = "avbruten"

    @property
    def closed(self) -> bool:
        return self in (ActivityStatus.DONE, ActivityStatus.CANCELLED)


@schema_text("Inriktning", "Situationell eller social prevention (Brå:s orsaksträd).")
class PreventionKind(str, Enum):
    SITUATIONAL = "situationell"
    SOCIAL = "social"


@schema_text(
    "Utvärdering", "En extern utvärdering: vem som gör den, vem som betalar och när den redovisas."
)
class Evaluation(TryggModel):
    by: str = field("utförare", "Vem som utvärderar.", example="Umeå universitet", min_length=1)
    funding: str | None = field(
        "finansiering", "Vem som finansierar utvärderingen.", example="Brå", default=None
    )
    report_due: Day | None = field(
        "rapport_senast", "När utvärderingen ska redovisas.", example="2022-06-30", default=None
    )
    reported: Day | None = field(
        "redovisad", "När utvärderingen redovisades.", example="2022-06-15", default=None
    )


@schema_text("Aktivitet", "En åtgärd, aktivitet eller ett projekt i planen.")
class Activity(TryggModel):
    id: Id = field("id", "Id som mål och åtgärder hänvisar till.", example="trygghetsvandringar")
    name: str = field("namn", "Aktivitetens namn.", example="Trygghetsvandringar", min_length=1)
    kind: ActivityKind = field("typ", "Åtgärd, aktivitet eller projekt.", example="aktivitet")
    description: str | None = field(
        "beskrivning",
        "Vad som görs och varför.",
        example="Vandringar i centrum med boende och polis för att hitta otrygga platser.",
        default=None,
    )
    prevention: PreventionKind | None = field(
        "inriktning",
        "Situationell eller social prevention (Brå:s orsaksträd).",
        example="situationell",
        default=None,
    )
    owner: Ref = field("ansvarig", "Roll eller organ (id) som ansvarar.", example="samordnare")
    body: Ref | None = field(
        "organ", "Organet (id) som aktiviteten hör till.", example="lokala-bra", default=None
    )
    start: Day | None = field(
        "start", "När aktiviteten startar.", example="2021-03-01", default=None
    )
    due: Day | None = field(
        "klart_senast", "När aktiviteten ska vara klar.", example="2021-11-30", default=None
    )
    status: ActivityStatus = field("status", "Läget just nu.", example="pågående")
    done_date: Day | None = field(
        "klar_datum", "När aktiviteten blev klar.", example="2021-11-15", default=None
    )
    documents: list[Ref] = field(
        "dokument",
        "Styrdokument (id) som aktiviteten genomför, till exempel ett medborgarlöfte.",
        example=["medborgarlofte-2021"],
        default_factory=list,
    )
    follow_up: CadenceField | None = field(
        "följs_upp", "Hur ofta aktiviteten följs upp.", example="varje månad", default=None
    )
    evaluation: Evaluation | None = field(
        "utvärdering",
        "Extern utvärdering.",
        example={"utförare": "Umeå universitet", "rapport_senast": "2022-06-30"},
        default=None,
    )
    funding: str | None = field(
        "finansiering",
        "Hur aktiviteten finansieras.",
        example="Inom ordinarie budget",
        default=None,
    )
    illustrative: StrictBool = field("illustrativ", ILLUSTRATIVE, example=True, default=False)


@schema_text("Aktiviteterna", "Innehållet i aktiviteter.yaml: åtgärder, aktiviteter och projekt.")
class Activities(TryggModel):
    """Contents of ``aktiviteter.yaml``."""

    activities: list[Activity] = field(
        "aktiviteter",
        "Planens aktiviteter.",
        example=[
            {
                "id": "trygghetsvandringar",
                "namn": "Trygghetsvandringar",
                "typ": "aktivitet",
                "ansvarig": "samordnare",
                "status": "pågående",
            }
        ],
    )
