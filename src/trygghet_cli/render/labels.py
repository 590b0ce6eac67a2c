"""Names of the model's enumerations for people, in Swedish and English.

A value missing here (added to the model later) falls back to its Swedish key with the first
letter capitalised and underscores as spaces, so a new value never breaks a report.
"""

from __future__ import annotations

from enum import Enum

from trygghet_cli.analysis.brief import Status
from trygghet_cli.followup.state import ActionState, GoalState
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.model.activities import ActivityKind, ActivityStatus, PreventionKind
from trygghet_cli.model.documents import DocumentKind
from trygghet_cli.model.goals import GoalKind
from trygghet_cli.model.indicators import Level, SourceKind
from trygghet_cli.model.meetings import ActionStatus, Category, MeetingKind
from trygghet_cli.model.organisation import BodyKind

_T = Text
LABELS: dict[Enum, Text] = {
    Category.VANDALISM: _T("Skadegörelse", "Vandalism"),
    Category.GRAFFITI: _T("Klotter", "Graffiti"),
    Category.FIRE: _T("Brand", "Fire"),
    Category.GATHERING: _T("Samlingsplats", "Gathering place"),
    Category.DISORDER: _T("Ordningsstörning", "Public disorder"),
    Category.THREATS_TO_STAFF: _T("Hot mot personal", "Threats to staff"),
    Category.DRUGS: _T("Narkotika", "Drugs"),
    Category.ALCOHOL: _T("Alkohol", "Alcohol"),
    Category.THEFT: _T("Stöld", "Theft"),
    Category.BURGLARY: _T("Inbrott", "Burglary"),
    Category.TRAFFIC: _T("Trafik", "Traffic"),
    Category.LITTERING: _T("Nedskräpning", "Littering"),
    Category.LIGHTING: _T("Belysning", "Lighting"),
    Category.RUMOURS: _T("Ryktesspridning", "Rumours"),
    Category.VIOLENCE: _T("Våld", "Violence"),
    Category.OTHER: _T("Annat", "Other"),
    GoalState.ACHIEVED: _T("Uppnått", "Achieved"),
    GoalState.ON_TRACK: _T("På väg", "On track"),
    GoalState.OFF_TRACK: _T("Går åt fel håll", "Off track"),
    GoalState.UNCHANGED: _T("Oförändrat", "Unchanged"),
    GoalState.MISSED: _T("Ej uppnått i tid", "Missed"),
    GoalState.NO_DATA: _T("Ingen ny mätning", "No new measurement"),
    GoalState.NOT_MEASURED: _T("Mäts inte med nyckeltal", "Not measured by an indicator"),
    ActionState.OPEN: _T("Pågår", "Open"),
    ActionState.OVERDUE: _T("Försenad", "Overdue"),
    ActionState.DONE: _T("Klar", "Done"),
    ActionState.DONE_LATE: _T("Klar, försenad", "Done late"),
    ActionState.CANCELLED: _T("Avbruten", "Cancelled"),
    Status.OK: _T("Enligt plan", "On track"),
    Status.LATE: _T("Försenat", "Overdue"),
    Status.DUE: _T("Förfaller", "Due"),
    Status.NONE: _T("–", "–"),
    BodyKind.STEERING: _T("Styrgrupp", "Steering group"),
    BodyKind.PREPARATORY: _T("Beredningsgrupp", "Preparatory group"),
    BodyKind.LOCAL_BRA: _T("Lokalt brottsförebyggande råd", "Local crime prevention council"),
    BodyKind.SAFETY_COUNCIL: _T("Trygghetsråd", "Safety council"),
    BodyKind.MANAGEMENT: _T("Ledningsgrupp", "Management group"),
    BodyKind.WORKING_GROUP: _T("Arbetsgrupp", "Working group"),
    BodyKind.OPERATIVE: _T("Operativ grupp", "Operational group"),
    BodyKind.EST: _T("EST-grupp", "EST group"),
    BodyKind.SSPF: _T("SSPF", "SSPF (school, social services, police, leisure)"),
    BodyKind.AREA_COUNCIL: _T("Områdesråd", "Area council"),
    BodyKind.PUBLIC_HEALTH: _T("Folkhälsoråd", "Public health council"),
    BodyKind.COUNCIL: _T("Fullmäktige", "Municipal council"),
    BodyKind.COMMITTEE: _T("Nämnd", "Committee"),
    BodyKind.SUBCOMMITTEE: _T("Utskott", "Subcommittee"),
    BodyKind.EXTERNAL: _T("Extern mottagare", "External recipient"),
    BodyKind.OTHER: _T("Annat organ", "Other body"),
    DocumentKind.AGREEMENT: _T("Samverkansöverenskommelse", "Cooperation agreement"),
    DocumentKind.CITIZEN_PROMISE: _T("Medborgarlöfte", "Citizen promise"),
    DocumentKind.PLAN: _T("Plan", "Plan"),
    DocumentKind.PROGRAMME: _T("Program", "Programme"),
    DocumentKind.MISSION_PLAN: _T("Uppdragsplan", "Mission plan"),
    DocumentKind.BUDGET: _T("Budget", "Budget"),
    DocumentKind.ACTION_PLAN: _T("Åtgärdsplan", "Action plan"),
    DocumentKind.SITUATION_PICTURE: _T("Lägesbild", "Situation picture"),
    DocumentKind.ANNUAL_REPORT: _T("Verksamhetsberättelse", "Annual report"),
    DocumentKind.OTHER: _T("Annat", "Other"),
    GoalKind.EFFECT: _T("Effektmål", "Outcome goal"),
    GoalKind.PROCESS: _T("Processmål", "Process goal"),
    GoalKind.PRODUCTION: _T("Produktionsmål", "Output goal"),
    ActivityKind.MEASURE: _T("Åtgärd", "Measure"),
    ActivityKind.ACTIVITY: _T("Aktivitet", "Activity"),
    ActivityKind.PROJECT: _T("Projekt", "Project"),
    ActivityStatus.PLANNED: _T("Planerad", "Planned"),
    ActivityStatus.ONGOING: _T("Pågående", "Ongoing"),
    ActivityStatus.DONE: _T("Klar", "Done"),
    ActivityStatus.PAUSED: _T("Pausad", "Paused"),
    ActivityStatus.CANCELLED: _T("Avbruten", "Cancelled"),
    ActionStatus.OPEN: _T("Öppen", "Open"),
    ActionStatus.ONGOING: _T("Pågående", "Ongoing"),
    ActionStatus.DONE: _T("Klar", "Done"),
    ActionStatus.CANCELLED: _T("Avbruten", "Cancelled"),
    PreventionKind.SITUATIONAL: _T("Situationell", "Situational"),
    PreventionKind.SOCIAL: _T("Social", "Social"),
    MeetingKind.REGULAR: _T("Ordinarie", "Regular"),
    MeetingKind.EXTRA: _T("Extra", "Extra"),
    MeetingKind.ACUTE: _T("Akut", "Urgent"),
    SourceKind.BRA: _T("Brå", "Brå (Swedish National Council for Crime Prevention)"),
    SourceKind.NTU: _T("NTU (Brå)", "NTU, Swedish Crime Survey (Brå)"),
    SourceKind.SCB_SURVEY: _T("SCB:s medborgarundersökning", "Statistics Sweden citizen survey"),
    SourceKind.OWN_SURVEY: _T("Egen enkät", "Own survey"),
    SourceKind.KOLADA: _T("Kolada", "Kolada"),
    SourceKind.POLICE: _T("Polisen", "Police"),
    SourceKind.OTHER: _T("Annan källa", "Other source"),
    Level.MUNICIPALITY: _T("Kommun", "Municipality"),
    Level.DISTRICT: _T("Stadsdel", "District"),
    Level.AREA: _T("Delområde", "Area"),
    Level.POLICE_AREA: _T("Polisområde", "Police area"),
    Level.LOCAL_POLICE_AREA: _T("Lokalpolisområde", "Local police area"),
    Level.COUNTY: _T("Län", "County"),
    Level.COUNTRY: _T("Riket", "Country"),
}

# "the police area Norra Västmanland", "polisområdet Norra Västmanland": definite forms.
_LEVEL_DEFINITE: dict[Level, Text] = {
    Level.MUNICIPALITY: _T("kommunen", "the municipality"),
    Level.DISTRICT: _T("stadsdelen", "the district"),
    Level.AREA: _T("delområdet", "the area"),
    Level.POLICE_AREA: _T("polisområdet", "the police area"),
    Level.LOCAL_POLICE_AREA: _T("lokalpolisområdet", "the local police area"),
    Level.COUNTY: _T("länet", "the county"),
    Level.COUNTRY: _T("riket", "the country"),
}


def label(value: Enum, lang: Lang) -> str:
    """The value's name in ``lang``."""
    text = LABELS.get(value)
    if text is not None:
        return text(lang)
    raw = str(value.value).replace("_", " ")
    return raw[:1].upper() + raw[1:]


def level_name(level: Level, lang: Lang, name: str = "") -> str:
    """``polisområdet Norra Västmanland`` / ``the police area Norra Västmanland``."""
    text = _LEVEL_DEFINITE.get(level)
    base = text(lang) if text else level.value
    return f"{base} {name}".strip()


ILLUSTRATIVE = Text("illustrativt", "illustrative")
ILLUSTRATIVE_NOTE = Text(
    "Uppgifter märkta (illustrativt) är påhittade för exemplet, inte hämtade ur en källa.",
    "Items marked (illustrative) are made up for the example, not taken from a source.",
)
"""What the mark means; shown once on a page or in a brief that has marked items, never
otherwise."""


def illustrative(text: str, flag: bool, lang: Lang) -> str:
    """``text``, marked ``(illustrativt)`` when the plan says it is made up for the example."""
    return f"{text} ({ILLUSTRATIVE(lang)})" if flag else text


def illustrative_value(text: str, flag: bool, lang: Lang) -> str:
    """A value with its period, ``12,6 (2021)``, marked inside its brackets when made up:
    ``12,6 (2021, illustrativt)``; ``12,6 (illustrativt)`` when it has no period."""
    if not flag or text in ("", "–"):
        return text
    if text.endswith(")"):
        return f"{text[:-1]}, {ILLUSTRATIVE(lang)})"
    return illustrative(text, True, lang)
