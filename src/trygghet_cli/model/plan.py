"""A plan: one folder per municipality, one file per concept.

::

    kommun.yaml          the municipality, police areas, contact persons
    organisation.yaml    roles, coordination, bodies, reporting lines
    styrdokument.yaml    samverkansöverenskommelse, medborgarlöfte, plans
    mal.yaml             målområden, mål, delmål, follow-up
    aktiviteter.yaml     åtgärder, aktiviteter, projekt
    nyckeltal.yaml       indicators and their values
    moten/ÅÅÅÅ-MM-DD-organ.yaml   the meeting log, one file per meeting
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from trygghet_cli.i18n import Text
from trygghet_cli.model.activities import Activities, Activity
from trygghet_cli.model.common import TryggModel
from trygghet_cli.model.documents import Document, Documents
from trygghet_cli.model.goals import Goal, Goals
from trygghet_cli.model.indicators import Indicator, Indicators
from trygghet_cli.model.meetings import Action, Meeting
from trygghet_cli.model.municipality import Municipality
from trygghet_cli.model.organisation import Body, Organisation, Role

MARKER = "kommun.yaml"
MEETINGS_DIR = "moten"
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class FileKind:
    key: str
    filename: str
    model: type[TryggModel]
    required: bool
    title: Text

    @property
    def schema_name(self) -> str:
        return f"{self.key}.schema.json"


PLAN_FILES: tuple[FileKind, ...] = (
    FileKind("kommun", "kommun.yaml", Municipality, True, Text("Kommunen", "Municipality")),
    FileKind(
        "organisation",
        "organisation.yaml",
        Organisation,
        True,
        Text("Organisationen", "Organisation"),
    ),
    FileKind(
        "styrdokument",
        "styrdokument.yaml",
        Documents,
        False,
        Text("Styrdokument", "Steering documents"),
    ),
    FileKind("mal", "mal.yaml", Goals, False, Text("Mål", "Goals")),
    FileKind(
        "aktiviteter", "aktiviteter.yaml", Activities, False, Text("Aktiviteter", "Activities")
    ),
    FileKind("nyckeltal", "nyckeltal.yaml", Indicators, False, Text("Nyckeltal", "Indicators")),
)
MEETING_FILE = FileKind(
    "mote", f"{MEETINGS_DIR}/ÅÅÅÅ-MM-DD-organ.yaml", Meeting, False, Text("Möte", "Meeting")
)
ALL_FILE_KINDS: tuple[FileKind, ...] = (*PLAN_FILES, MEETING_FILE)


@dataclass(frozen=True)
class MeetingRecord:
    """A meeting with the file it came from (relative to the plan, posix)."""

    file: str
    meeting: Meeting


@dataclass
class Plan:
    """The validated contents of one plan folder. Files that failed to load are ``None``."""

    root: Path
    municipality: Municipality | None = None
    organisation: Organisation | None = None
    documents: Documents | None = None
    goals: Goals | None = None
    activities: Activities | None = None
    indicators: Indicators | None = None
    meetings: list[MeetingRecord] = field(default_factory=list)

    @property
    def name(self) -> str:
        if self.municipality is None:
            return self.root.name
        if self.municipality.district:
            return f"{self.municipality.district} ({self.municipality.name})"
        return self.municipality.name

    def roles(self) -> dict[str, Role]:
        return {r.id: r for r in self.organisation.roles} if self.organisation else {}

    def bodies(self) -> dict[str, Body]:
        return {b.id: b for b in self.organisation.bodies} if self.organisation else {}

    def documents_by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents.documents} if self.documents else {}

    def indicators_by_id(self) -> dict[str, Indicator]:
        return {i.id: i for i in self.indicators.indicators} if self.indicators else {}

    def activities_by_id(self) -> dict[str, Activity]:
        return {a.id: a for a in self.activities.activities} if self.activities else {}

    def goals_list(self) -> list[Goal]:
        return [g for g, _ in self.goals.all_goals()] if self.goals else []

    def actions(self) -> list[tuple[MeetingRecord, Action]]:
        return [(rec, a) for rec in self.meetings for a in rec.meeting.actions]

    def actor_name(self, ref: str) -> str:
        """A role's or body's display name for a reference, or the reference itself."""
        role = self.roles().get(ref)
        if role is not None:
            return f"{role.title} ({role.organisation})"
        body = self.bodies().get(ref)
        return body.name if body is not None else ref
