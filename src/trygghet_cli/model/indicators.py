"""``nyckeltal.yaml``: the indicators the work is followed with, and their values.

Every value says which period and which geography it covers: NTU's figures are published for
the police area, not the kommun, and Brå's figures are preliminary before they are final.
"""

from __future__ import annotations

from enum import Enum

from pydantic import StrictBool

from trygghet_cli.model.common import (
    ILLUSTRATIVE,
    Figure,
    Id,
    PeriodField,
    TryggModel,
    field,
    schema_text,
)
from trygghet_cli.model.periods import Period


@schema_text(
    "Enhet",
    "Vad värdena räknas i: per 100 000 invånare, per 1 000 invånare, procent, antal eller index.",
)
class Unit(str, Enum):
    PER_100K = "per_100000_invånare"
    PER_1000 = "per_1000_invånare"
    PERCENT = "procent"
    COUNT = "antal"
    INDEX = "index"

    @property
    def is_rate(self) -> bool:
        return self in (Unit.PER_100K, Unit.PER_1000)


@schema_text("Bättre", "Om ett lägre eller ett högre värde är bättre.")
class Better(str, Enum):
    LOWER = "lägre"
    HIGHER = "högre"


@schema_text(
    "Typ av källa",
    "Brå, NTU, SCB:s medborgarundersökning, egen enkät, Kolada, Polisen eller annan.",
)
class SourceKind(str, Enum):
    BRA = "brå"
    NTU = "ntu"
    SCB_SURVEY = "scb_medborgarundersökning"
    OWN_SURVEY = "egen_enkät"
    KOLADA = "kolada"
    POLICE = "polisen"
    OTHER = "annan"


@schema_text(
    "Geografisk nivå",
    "Kommun, stadsdel, delområde, polisområde, lokalpolisområde, län eller riket.",
)
class Level(str, Enum):
    MUNICIPALITY = "kommun"
    DISTRICT = "stadsdel"
    AREA = "delområde"
    POLICE_AREA = "polisområde"
    LOCAL_POLICE_AREA = "lokalpolisområde"
    COUNTY = "län"
    COUNTRY = "riket"


@schema_text("Källa", "Varifrån nyckeltalets värden kommer.")
class Source(TryggModel):
    kind: SourceKind = field("typ", "Varifrån värdena kommer.", example="brå")
    name: str | None = field("namn", "Källans namn.", example="Brå, anmälda brott", default=None)
    kolada_kpi: str | None = field(
        "kolada_kpi",
        "Kolada-nyckeltalets id, så att 'trygg indicator import' vet vart värdena ska.",
        example="N07540",
        default=None,
        pattern=r"^[NU]\d{5}$",
    )
    url: str | None = field(
        "länk",
        "Var värdena finns.",
        example="https://statistik.bra.se/solwebb/",
        default=None,
        pattern=r"^https?://\S+$",
    )


@schema_text("Geografi", "Området som ett värde gäller, när det inte är kommunen.")
class Geography(TryggModel):
    level: Level = field("nivå", "Geografisk nivå som värdet avser.", example="kommun")
    name: str | None = field(
        "namn",
        "Områdets namn, när det inte är kommunen.",
        example="Norra Västmanland",
        default=None,
    )


@schema_text("Värde", "Ett uppmätt värde för en period.")
class Value(TryggModel):
    period: PeriodField = field(
        "period",
        "Perioden värdet avser (för NTU: året utsattheten gällde, inte undersökningens årtal).",
        example=2019,
    )
    value: Figure = field("värde", "Värdet, med decimalpunkt.", example=18.1)
    geography: Geography = field(
        "geografi",
        "Var värdet gäller.",
        example={"nivå": "lokalpolisområde", "namn": "Norra Västmanland"},
    )
    preliminary: StrictBool = field(
        "preliminär", "Sant för en preliminär siffra.", example=True, default=False
    )
    edition: str | None = field(
        "utgåva", "Publikationen värdet kommer från.", example="NTU 2020", default=None
    )
    note: str | None = field(
        "anmärkning",
        "Anmärkning om värdet.",
        example="Preliminär siffra; slutlig statistik kommer i mars.",
        default=None,
    )
    illustrative: StrictBool = field("illustrativ", ILLUSTRATIVE, example=True, default=False)
    source: Source | None = field(
        "källa",
        "Varifrån just det här värdet kommer, när det inte är nyckeltalets källa. Ett värde för "
        "riket som 'trygg indicator fetch' eller 'import' har hämtat ur Kolada får "
        "{typ: kolada, kolada_kpi: …}; det jämförs med riket efter planens egna värden för "
        "riket och före trygg:s serie.",
        example={"typ": "kolada", "kolada_kpi": "N07540"},
        default=None,
    )


@schema_text("Nyckeltal", "Ett nyckeltal med enhet, källa och uppmätta värden.")
class Indicator(TryggModel):
    id: Id = field("id", "Id som mål hänvisar till.", example="anmalda-brott")
    name: str = field(
        "namn", "Nyckeltalets namn.", example="Anmälda brott per 100 000 invånare", min_length=1
    )
    description: str | None = field(
        "beskrivning",
        "Vad nyckeltalet mäter.",
        example="Antal anmälda brott i kommunen per 100 000 invånare, enligt Brå.",
        default=None,
    )
    unit: Unit = field(
        "enhet",
        "Vad värdena räknas i: per 100 000 invånare, procent, antal …",
        example="per_100000_invånare",
    )
    better: Better = field("bättre", "Vilket håll som är bättre.", example="lägre")
    source: Source = field(
        "källa",
        "Varifrån värdena kommer: Brå, NTU, SCB, egen enkät eller Kolada.",
        example={"typ": "brå", "namn": "Brå, anmälda brott"},
    )
    national: Id | None = field(
        "nationell_serie",
        "Id för den nationella jämförelseserien som trygg har med sig (se 'trygg compare').",
        example="anmalda-brott-per-100000",
        default=None,
    )
    values: list[Value] = field(
        "värden",
        "Uppmätta värden.",
        example=[
            {"period": 2020, "värde": 11777, "geografi": {"nivå": "kommun"}, "preliminär": True}
        ],
        default_factory=list,
    )

    def latest(self, until: Period | None = None) -> Value | None:
        """The value with the latest period, optionally not after ``until``'s end."""
        candidates = [v for v in self.values if until is None or v.period.end <= until.end]
        return max(
            candidates,
            key=lambda v: (v.period, v.geography.level.value, v.geography.name or ""),
            default=None,
        )


@schema_text("Nyckeltalen", "Innehållet i nyckeltal.yaml: nyckeltal med källa och värden.")
class Indicators(TryggModel):
    """Contents of ``nyckeltal.yaml``."""

    indicators: list[Indicator] = field(
        "nyckeltal",
        "Planens nyckeltal.",
        example=[
            {
                "id": "anmalda-brott",
                "namn": "Anmälda brott per 100 000 invånare",
                "enhet": "per_100000_invånare",
                "bättre": "lägre",
                "källa": {"typ": "brå"},
            }
        ],
    )
