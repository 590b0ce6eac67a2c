"""What a deadline is, the window it is judged in, and the plan it is found in.

A :class:`Deadline` is one thing that is overdue or falls due soon, as of a date: its kind, its
date, its status, a short title for calendars and a :class:`~trygghet_cli.diagnostics.Diagnostic`
(rule, file, line, column, message, hint) so that every reporter can show it. Overdue items are
errors and items that fall due soon are warnings.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from functools import cached_property

from trygghet_cli.checks.context import Site
from trygghet_cli.diagnostics import ArgValue, Diagnostic, Severity, pointer_text
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.loading.plan import LoadedFile, LoadedPlan
from trygghet_cli.model.organisation import Body, Role
from trygghet_cli.model.plan import Plan

LAW_IN_FORCE = date(2023, 7, 1)
"""Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete applies from this day."""


class Kind(str, Enum):
    """What falls due. The values are stable identifiers for JSON and calendar UIDs."""

    ACTION = "action"
    ACTIVITY = "activity"
    GOAL = "goal"
    DOCUMENT = "document"
    REPORT = "report"
    FOLLOW_UP = "follow-up"
    MEETING = "meeting"
    LAW = "law"

    @property
    def label(self) -> Text:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    Kind.ACTION: Text("åtgärd", "action"),
    Kind.ACTIVITY: Text("aktivitet", "activity"),
    Kind.GOAL: Text("mål", "goal"),
    Kind.DOCUMENT: Text("styrdokument", "steering document"),
    Kind.REPORT: Text("rapportering", "reporting"),
    Kind.FOLLOW_UP: Text("uppföljning", "follow-up"),
    Kind.MEETING: Text("möte", "meeting"),
    Kind.LAW: Text("lagkrav", "legal requirement"),
}


class Status(str, Enum):
    OVERDUE = "overdue"
    DUE_SOON = "due-soon"

    @property
    def severity(self) -> Severity:
        return Severity.ERROR if self is Status.OVERDUE else Severity.WARNING


@dataclass(frozen=True)
class Window:
    """The day deadlines are judged on and how many days ahead count as "due soon"."""

    as_of: date
    within: int

    @property
    def end(self) -> date:
        return self.as_of + timedelta(days=self.within)

    def status(self, due: date) -> Status | None:
        """Overdue when ``due`` (the last allowed day) has passed; due soon inside the window."""
        if due < self.as_of:
            return Status.OVERDUE
        if due <= self.end:
            return Status.DUE_SOON
        return None

    def status_from(self, required: date) -> Status | None:
        """For something that must be in place *from* ``required`` (on that day, not after)."""
        if required <= self.as_of:
            return Status.OVERDUE
        if required <= self.end:
            return Status.DUE_SOON
        return None


@dataclass(frozen=True)
class Deadline:
    kind: Kind
    key: str
    """The id of the thing that falls due, unique within the plan and kind (for calendar UIDs)."""
    date: date
    status: Status
    title: Text
    """A short title for a calendar event."""
    diagnostic: Diagnostic
    responsible: str = ""
    """Who answers for it: a role's title or a body's name ("" when the plan does not say)."""

    @property
    def file(self) -> str:
        return self.diagnostic.file

    @property
    def line(self) -> int:
        return self.diagnostic.line

    @property
    def column(self) -> int:
        return self.diagnostic.column

    @property
    def rule(self) -> str:
        return self.diagnostic.rule

    def message(self, lang: Lang) -> str:
        return self.diagnostic.message(lang)

    def sort_key(self) -> tuple[int, dt.date, str, int, int, str, str]:
        order = 0 if self.status is Status.OVERDUE else 1
        return (order, self.date, self.file, self.line, self.column, self.rule, self.key)


@dataclass(frozen=True)
class PlanContext:
    """One loaded plan and the window: what every kind of deadline needs to find its items."""

    loaded: LoadedPlan
    window: Window

    @property
    def plan(self) -> Plan:
        return self.loaded.plan

    @property
    def as_of(self) -> date:
        return self.window.as_of

    def file(self, key: str) -> LoadedFile | None:
        """The plan file of a kind (``mal``, ``organisation`` …) if it was read as valid."""
        found = self.loaded.file(key)
        return found if found is not None and found.model is not None else None

    def meeting_file(self, relative: str) -> LoadedFile | None:
        """The meeting file at ``relative`` (a path in the plan, as in a MeetingRecord)."""
        return self._meeting_files.get(relative)

    @cached_property
    def _meeting_files(self) -> dict[str, LoadedFile]:
        root = self.loaded.root
        return {f.path.relative_to(root).as_posix(): f for f in self.loaded.meeting_files()}

    @cached_property
    def _roles(self) -> dict[str, Role]:
        return self.plan.roles()

    @cached_property
    def _bodies(self) -> dict[str, Body]:
        return self.plan.bodies()

    @cached_property
    def anchor(self) -> date:
        """Where recurring duties are counted from, the same on every day judged: the plan's
        ``planen_gäller_från``; without it 1 January of the year the meeting log begins; with
        no meeting either, of the year the plan's other records begin (a follow-up done, a
        steering document adopted or in force). Only a plan without a single date falls back
        on the as-of year: nothing in it says when its work began."""
        municipality = self.plan.municipality
        if municipality is not None and municipality.plan_date is not None:
            return municipality.plan_date
        first = min((r.meeting.date for r in self.plan.meetings), default=None)
        if first is None:
            goals = self.plan.goals
            records = [
                *(d for f in (goals.follow_up if goals else []) for d in f.done),
                *(
                    d
                    for doc in self.plan.documents_by_id().values()
                    for d in (doc.adopted, doc.valid_from)
                    if d is not None
                ),
            ]
            first = min(records, default=None)
        return date((first or self.as_of).year, 1, 1)

    def actor(self, ref: str | None) -> str:
        """A role's title or a body's name for a reference (the reference itself if unknown)."""
        if ref is None:
            return "–"
        role = self._roles.get(ref)
        if role is not None:
            return role.title
        body = self._bodies.get(ref)
        return body.name if body is not None else ref

    def deadline(
        self,
        kind: Kind,
        key: str,
        due: date,
        status: Status,
        title: Text,
        site: Site,
        rule: str,
        at_key: bool = False,
        /,
        *,
        responsible: str = "",
        **args: ArgValue,
    ) -> Deadline:
        """A deadline whose diagnostic is ``rule`` at ``site`` (its key with ``at_key``);
        ``args`` fill the rule's message. Its severity follows its status (overdue: error, due
        soon: warning); :func:`recommendation` makes it a warning whatever its status."""
        line, column = site.position(at_key=at_key)
        diagnostic = Diagnostic(
            rule=rule,
            file=site.file.file,
            line=line,
            column=column,
            args=tuple(sorted(args.items())),
            severity=status.severity,
            pointer=pointer_text(site.path),
            anchor=site.anchor(),
        )
        return Deadline(kind, key, due, status, title, diagnostic, responsible)


def recommendation(deadline: Deadline) -> Deadline:
    """``deadline`` as trygg's recommendation: a warning even once its day has passed, so
    that it never fails ``--fail-on overdue`` as the plan's or the law's own deadlines do."""
    diagnostic = dataclasses.replace(deadline.diagnostic, severity=Severity.WARNING)
    return dataclasses.replace(deadline, diagnostic=diagnostic)


def uid_prefix(plan: Plan) -> str:
    """``1982`` for Fagersta; ``1480-angered`` for a district, so that Göteborg's plans differ."""
    municipality = plan.municipality
    if municipality is None:
        return slug(plan.root.name) or "plan"
    if municipality.district:
        return f"{municipality.kommunkod}-{slug(municipality.district)}"
    return municipality.kommunkod


def slug(text: str) -> str:
    """``Angered`` → ``angered``, ``Östra Göteborg`` → ``ostra-goteborg``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def first_sentence(text: str, limit: int = 90) -> str:
    """The first sentence of a text, without its full stop; cut at a word near ``limit``."""
    head = " ".join(text.split())
    for stop in (". ", "; "):
        if stop in head:
            head = head.split(stop, 1)[0]
    head = head.rstrip(".")
    if len(head) > limit:
        cut = head[:limit].rsplit(" ", 1)[0]
        head = cut.rstrip(" ,;:–-") + " …"
    return head
