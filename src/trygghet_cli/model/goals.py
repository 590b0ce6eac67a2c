"""``mal.yaml``: målområden, mål and delmål, and how the work is followed up.

Brå separates effektmål (what to achieve), processmål (how a method is carried out) and
produktionsmål (how much is done), and asks for SMART effektmål: specific, measurable (an
indicator, a baseline and a target), accepted, realistic and time-bound.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum

from pydantic import StrictBool

from trygghet_cli.model.common import (
    ILLUSTRATIVE,
    CadenceField,
    Day,
    Figure,
    Id,
    PeriodField,
    Ref,
    TryggModel,
    field,
    schema_text,
)


@schema_text("Typ av mål", "Effektmål, processmål eller produktionsmål.")
class GoalKind(str, Enum):
    EFFECT = "effektmål"
    PROCESS = "processmål"
    PRODUCTION = "produktionsmål"


@schema_text("Mätvärde", "Ett värde för en period: utgångsläget eller målvärdet.")
class Measure(TryggModel):
    value: Figure = field(
        "värde", "Värdet, i nyckeltalets enhet. Decimalpunkt: 22.6.", example=18.1
    )
    period: PeriodField | None = field(
        "period", "Perioden värdet avser.", example=2019, default=None
    )


@schema_text("Mål", "Ett mål med nyckeltal, utgångsläge, målvärde och aktiviteter.")
class Goal(TryggModel):
    id: Id = field(
        "id", "Id som aktiviteter och uppföljning hänvisar till.", example="minska-utsatthet"
    )
    text: str = field(
        "text",
        "Vad som ska uppnås, med ett rörelseverb (minska, öka, utveckla).",
        example="Minska andelen invånare som utsätts för brott mot person.",
        min_length=1,
    )
    kind: GoalKind = field(
        "typ", "Effektmål, processmål eller produktionsmål.", example="effektmål"
    )
    indicator: Ref | None = field(
        "nyckeltal", "Nyckeltalet (id) som målet mäts med.", example="anmalda-brott", default=None
    )
    baseline: Measure | None = field(
        "utgångsläge",
        "Värdet när målet sattes.",
        example={"värde": 18.1, "period": 2019},
        default=None,
    )
    target: Measure | None = field(
        "målvärde", "Värdet som ska nås.", example={"värde": 16.0, "period": 2023}, default=None
    )
    owner: Ref | None = field(
        "ansvarig",
        "Roll eller organ (id) som ansvarar för målet.",
        example="lokala-bra",
        default=None,
    )
    due: Day | None = field(
        "senast", "Datum då målet ska vara nått.", example="2023-12-31", default=None
    )
    activities: list[Ref] = field(
        "aktiviteter",
        "Aktiviteter (id) som ska leda till målet.",
        example=["trygghetsvandringar"],
        default_factory=list,
    )
    documents: list[Ref] = field(
        "dokument",
        "Styrdokument (id) där målet är fastställt.",
        example=["samverkansoverenskommelse"],
        default_factory=list,
    )
    subgoals: list[Goal] = field(
        "delmål",
        "Delmål under målet.",
        example=[
            {"id": "farre-inbrott", "text": "Minska antalet bostadsinbrott.", "typ": "effektmål"}
        ],
        default_factory=list,
    )
    illustrative: StrictBool = field("illustrativ", ILLUSTRATIVE, example=True, default=False)

    def walk(self, path: tuple[str | int, ...]) -> Iterator[tuple[Goal, tuple[str | int, ...]]]:
        """This goal and all delmål below it, each with its path in the file."""
        yield self, path
        for i, sub in enumerate(self.subgoals):
            yield from sub.walk((*path, "delmål", i))


@schema_text("Målområde", "Ett område med mål, till exempel trygghet i centrum.")
class GoalArea(TryggModel):
    id: Id = field("id", "Målområdets id.", example="trygghet")
    name: str = field("namn", "Målområdets namn.", example="Trygghet", min_length=1)
    description: str | None = field(
        "beskrivning",
        "Vad målområdet omfattar.",
        example="Trygghet i offentliga miljöer.",
        default=None,
    )
    goals: list[Goal] = field(
        "mål",
        "Målen inom målområdet.",
        example=[
            {
                "id": "minska-utsatthet",
                "text": "Minska andelen invånare som utsätts för brott mot person.",
                "typ": "effektmål",
            }
        ],
        min_length=1,
    )


@schema_text(
    "Uppföljning",
    "En återkommande uppföljning: en enkät vartannat år, en årlig genomgång av målen.",
)
class FollowUp(TryggModel):
    """A recurring follow-up: a survey every other year, a yearly review of the goals."""

    id: Id = field("id", "Uppföljningens id.", example="scb-medborgarundersokning")
    description: str = field(
        "beskrivning",
        "Vad som görs.",
        example="SCB:s medborgarundersökning med trygghetsmätning",
        min_length=1,
    )
    method: str | None = field(
        "metod",
        "Metod eller modell för uppföljningen.",
        example="Smarta mål för implementering av insatser",
        default=None,
    )
    owner: Ref | None = field(
        "ansvarig", "Roll eller organ (id) som ansvarar.", example="samordnare", default=None
    )
    cadence: CadenceField | None = field(
        "kadens", "Hur ofta uppföljningen görs.", example="vartannat år", default=None
    )
    reported_to: list[Ref] = field(
        "redovisas_för",
        "Organ (id) som tar emot uppföljningen.",
        example=["lokala-bra"],
        default_factory=list,
    )
    indicators: list[Ref] = field(
        "nyckeltal",
        "Nyckeltal (id) som uppföljningen ger värden till.",
        example=["upplevd-trygghet"],
        default_factory=list,
    )
    done: list[Day] = field(
        "genomförd",
        "Datum då uppföljningen senast genomförts.",
        example=["2021-10-15"],
        default_factory=list,
    )
    illustrative: StrictBool = field("illustrativ", ILLUSTRATIVE, example=True, default=False)


@schema_text("Målen", "Innehållet i mal.yaml: målområden, mål och uppföljning.")
class Goals(TryggModel):
    """Contents of ``mal.yaml``."""

    areas: list[GoalArea] = field(
        "målområden",
        "Målområden med mål och delmål.",
        example=[
            {
                "id": "trygghet",
                "namn": "Trygghet",
                "mål": [
                    {
                        "id": "minska-utsatthet",
                        "text": "Minska andelen invånare som utsätts för brott mot person.",
                        "typ": "effektmål",
                    }
                ],
            }
        ],
    )
    follow_up: list[FollowUp] = field(
        "uppföljning",
        "Hur arbetet följs upp.",
        example=[
            {
                "id": "scb-medborgarundersokning",
                "beskrivning": "SCB:s medborgarundersökning",
                "kadens": "vartannat år",
            }
        ],
        default_factory=list,
    )

    def all_goals(self) -> Iterator[tuple[Goal, tuple[str | int, ...]]]:
        for a, area in enumerate(self.areas):
            for g, goal in enumerate(area.goals):
                yield from goal.walk(("målområden", a, "mål", g))
