"""``aktiviteter.yaml``: åtgärder, aktiviteter and projekt, with owner, dates and status."""

from __future__ import annotations

from enum import Enum

from trygghet_cli.model.common import ILLUSTRATIVE, CadenceField, Day, Id, Ref, TryggModel, field


class ActivityKind(str, Enum):
    MEASURE = "åtgärd"
    ACTIVITY = "aktivitet"
    PROJECT = "projekt"


class ActivityStatus(str, Enum):
    PLANNED = "planerad"
    ONGOING = "pågående"
    DONE = "klar"
    PAUSED = "pausad"
    CANCELLED = "avbruten"

    @property
    def closed(self) -> bool:
        return self in (ActivityStatus.DONE, ActivityStatus.CANCELLED)


class PreventionKind(str, Enum):
    SITUATIONAL = "situationell"
    SOCIAL = "social"


class Evaluation(TryggModel):
    by: str = field("utförare", "Vem som utvärderar.", example="Umeå universitet", min_length=1)
    funding: str | None = field(
        "finansiering", "Vem som finansierar utvärderingen.", example="Brå", default=None
    )
    report_due: Day | None = field(
        "rapport_senast", "När utvärderingen ska redovisas.", default=None
    )


class Activity(TryggModel):
    id: Id = field("id", "Id som mål och åtgärder hänvisar till.", example="trygghetsvandringar")
    name: str = field("namn", "Aktivitetens namn.", example="Trygghetsvandringar", min_length=1)
    kind: ActivityKind = field("typ", "Åtgärd, aktivitet eller projekt.", example="aktivitet")
    description: str | None = field("beskrivning", "Vad som görs och varför.", default=None)
    prevention: PreventionKind | None = field(
        "inriktning", "Situationell eller social prevention (Brå:s orsaksträd).", default=None
    )
    owner: Ref = field("ansvarig", "Roll eller organ (id) som ansvarar.", example="samordnare")
    body: Ref | None = field("organ", "Organet (id) som aktiviteten hör till.", default=None)
    start: Day | None = field("start", "När aktiviteten startar.", default=None)
    due: Day | None = field("klart_senast", "När aktiviteten ska vara klar.", default=None)
    status: ActivityStatus = field("status", "Läget just nu.", example="pågående")
    done_date: Day | None = field("klar_datum", "När aktiviteten blev klar.", default=None)
    documents: list[Ref] = field(
        "dokument",
        "Styrdokument (id) som aktiviteten genomför, till exempel ett medborgarlöfte.",
        default_factory=list,
    )
    follow_up: CadenceField | None = field(
        "följs_upp", "Hur ofta aktiviteten följs upp.", example="varje månad", default=None
    )
    evaluation: Evaluation | None = field("utvärdering", "Extern utvärdering.", default=None)
    funding: str | None = field("finansiering", "Hur aktiviteten finansieras.", default=None)
    illustrative: bool = field("illustrativ", ILLUSTRATIVE, default=False)


class Activities(TryggModel):
    """Contents of ``aktiviteter.yaml``."""

    activities: list[Activity] = field("aktiviteter", "Planens aktiviteter.")
