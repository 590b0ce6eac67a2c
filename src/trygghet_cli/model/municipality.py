"""``kommun.yaml``: the municipality, its police areas and its contact persons."""

from __future__ import annotations

from pydantic import StrictInt

from trygghet_cli.model.common import Day, Kommunkod, TryggModel, field, schema_text
from trygghet_cli.model.periods import MAX_YEAR, MIN_YEAR


@schema_text("Folkmängd", "Antal invånare och året som siffran avser, enligt SCB.")
class Population(TryggModel):
    count: StrictInt = field("antal", "Antal invånare.", example=13391, gt=0)
    year: StrictInt = field(
        "år", "Året som folkmängden avser.", example=2020, ge=MIN_YEAR, le=MAX_YEAR
    )


@schema_text(
    "Kontaktperson",
    "En namngiven kontakt för allmänheten. Bara den som är en offentlig kontakt hör hemma här.",
)
class ContactPerson(TryggModel):
    """A named contact for the public. Only people who are public contacts belong here."""

    name: str | None = field(
        "namn",
        "Kontaktpersonens namn, som det står på kommunens webbplats; utelämna det när bara "
        "funktionen anges.",
        example="Annika Hedberg-Roth",
        default=None,
        min_length=1,
    )
    role: str = field(
        "roll",
        "Kontaktpersonens roll i arbetet.",
        example="Samordnare för brottsförebyggande arbete",
        min_length=1,
    )
    organisation: str = field(
        "organisation",
        "Organisationen kontaktpersonen arbetar i.",
        example="Fagersta kommun",
        min_length=1,
    )
    email: str | None = field(
        "e_post",
        "Funktionsadress eller tjänsteadress.",
        example="trygghet@fagersta.se",
        default=None,
        pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
    )
    phone: str | None = field(
        "telefon", "Telefonnummer i tjänsten.", example="0223-440 00", default=None
    )


# Polisen's division: region, polisområde, lokalpolisområde. Fagersta lies in lokalpolisområde
# Norra Västmanland, in polisområde Västmanland, in region Bergslagen.
@schema_text(
    "Polisens indelning", "Polisregion, polisområde och lokalpolisområde som kommunen ligger i."
)
class PoliceArea(TryggModel):
    region: str | None = field("region", "Polisregion.", example="Bergslagen", default=None)
    area: str = field(
        "polisområde",
        "Polisområdet som kommunen ligger i; NTU redovisar utsatthet per polisområde och "
        "lokalpolisområde.",
        example="Västmanland",
        min_length=1,
    )
    local_area: str | None = field(
        "lokalpolisområde",
        "Lokalpolisområdet som kommunen ligger i, inom polisområdet.",
        example="Norra Västmanland",
        default=None,
    )


@schema_text(
    "Kommunen", "Kommunen som planen gäller; för en stadsdel som Angered staden och stadsdelen."
)
class Municipality(TryggModel):
    """The plan's municipality (or, for a stadsdel like Angered, the city and its district)."""

    name: str = field("namn", "Kommunens namn.", example="Fagersta", min_length=1)
    kommunkod: Kommunkod = field(
        "kommunkod", "SCB:s fyrsiffriga kommunkod, inom citattecken.", example="1982"
    )
    county: str = field("län", "Länet kommunen ligger i.", example="Västmanlands län", min_length=1)
    district: str | None = field(
        "stadsdel",
        "Stadsdel eller område när planen gäller en del av kommunen.",
        example="Angered",
        default=None,
    )
    population: Population | None = field(
        "folkmängd",
        "Folkmängd och år, enligt SCB. Behövs för jämförelser per 100 000 invånare.",
        example={"antal": 13391, "år": 2020},
        default=None,
    )
    police: PoliceArea | None = field(
        "polis",
        "Polisregion, polisområde och lokalpolisområde.",
        example={
            "region": "Bergslagen",
            "polisområde": "Västmanland",
            "lokalpolisområde": "Norra Västmanland",
        },
        default=None,
    )
    contacts: list[ContactPerson] = field(
        "kontaktpersoner",
        "Kontaktpersoner för det brottsförebyggande arbetet.",
        example=[{"roll": "Samordnare", "organisation": "Fagersta kommun"}],
        default_factory=list,
    )
    methods: list[str] = field(
        "arbetssätt",
        "Arbetssätt och modeller som kommunen använder.",
        example=["EST – effektiv samordning för trygghet"],
        default_factory=list,
    )
    description: str | None = field(
        "beskrivning",
        "Kort beskrivning av kommunens brottsförebyggande arbete.",
        example="Lokala BRÅ samordnar det brottsförebyggande arbetet.",
        default=None,
    )
    source: str | None = field(
        "källa", "Varifrån uppgifterna kommer.", example="Brå, Organisera arbetet", default=None
    )
    plan_date: Day | None = field(
        "planen_gäller_från",
        "Datum från vilket planen i den här mappen gäller. Styr bland annat "
        "vilka krav i lagen (2023:196) som kontrolleras.",
        example="2021-01-01",
        default=None,
    )
