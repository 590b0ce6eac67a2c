"""A new meeting file from a template: ``moten/ÅÅÅÅ-MM-DD-organ.yaml``.

The template (``templates/moten/mote.yaml.j2``, or a kommun's own with ``--template``) gets the
body's members as attendees, the actions still open on the meeting's day (decided at the body's
earlier meetings, or owned by the body) for follow-up on the agenda, and the reports the body
gives or receives. It renders in Jinja2's sandbox; values go through the ``yaml`` filter, which
quotes them when YAML needs it. The file is written in canonical form (as ``trygg fmt`` gives
it), and checked like any other edit before it is written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from trygghet_cli.editing.canonical import canonical_text
from trygghet_cli.editing.changes import ChangeKind, EditError, not_found
from trygghet_cli.editing.session import EditSession
from trygghet_cli.followup.state import ActionState, actions_as_of
from trygghet_cli.i18n import Text
from trygghet_cli.loading.plan import display_path
from trygghet_cli.loading.roundtrip import scalar_text
from trygghet_cli.model.meetings import Meeting, MeetingKind
from trygghet_cli.model.organisation import Body, BodyKind
from trygghet_cli.model.plan import MARKER, MEETINGS_DIR, Plan
from trygghet_cli.resources import templates_dir
from trygghet_cli.wording import plural

TEMPLATE = "moten/mote.yaml.j2"
MODELINE = "# yaml-language-server: $schema="


@dataclass(frozen=True)
class FollowUp:
    id: str
    text: str
    owner: str
    due: str
    overdue: bool


@dataclass(frozen=True)
class ReportDue:
    id: str
    cadence: str

    @property
    def label(self) -> str:
        return f"{self.id} ({self.cadence})"


def new_meeting(
    session: EditSession,
    body_id: str,
    day: date,
    *,
    kind: MeetingKind = MeetingKind.REGULAR,
    place: str | None = None,
    template: Path | None = None,
) -> Path:
    """Create the meeting file in the session; its path."""
    session.plan_file("organisation")
    plan = session.plan
    body = plan.bodies().get(body_id)
    if body is None:
        raise EditError(
            not_found(Text("organet", "the body"), body_id, list(plan.bodies())),
            Text(
                "Organen finns under organ i organisation.yaml.",
                "Bodies are listed under organ in organisation.yaml.",
            ),
        )
    if not body.kind.meets:
        raise EditError(
            Text(
                f"{body.name} är av typen {body.kind.value}; planen för ingen möteslogg för den",
                f"{body.name} is of kind {body.kind.value}; the plan keeps no meeting log for it",
            ),
            where_its_decisions_go(plan, body),
        )
    folder = _meetings_folder(session, day)
    path = folder / f"{day.isoformat()}-{body_id}.yaml"
    follow_ups = open_actions(plan, body_id, day)
    attendees = attendees_of(body, set(plan.roles()))
    context: dict[str, Any] = {
        "modeline": _modeline(session, folder),
        "date": day.isoformat(),
        "body": body_id,
        "body_name": body.name,
        "kind": kind.value if kind is not MeetingKind.REGULAR else None,
        "place": " ".join(place.split()) if place else None,
        "attendees": attendees,
        "follow_ups": follow_ups,
        "reports": reports_of(plan, body),
        "situation": body.keeps_situation_picture,
    }
    text = render_template(template, context)
    # In the form 'trygg fmt' gives, whatever the template's order and indentation; a text that
    # does not parse is kept as it is, for the check to explain.
    canonical, _ = canonical_text(text, Meeting, display_path(path))
    session.create(path, canonical or text)
    session.record(
        ChangeKind.CREATED,
        path,
        (),
        Text(
            f"Nytt möte i {body.name} {day.isoformat()}: {len(attendees)} närvarande, "
            f"{len(follow_ups)} "
            + (plural(len(follow_ups), "öppen åtgärd", "öppna åtgärder"))
            + " att följa upp.",
            f"New meeting of {body.name} on {day.isoformat()}: {len(attendees)} attending, "
            f"{len(follow_ups)} open "
            + (plural(len(follow_ups), "action", "actions"))
            + " to follow up.",
        ),
    )
    return path


def where_its_decisions_go(plan: Plan, body: Body) -> Text:
    """For a body without a meeting log (a nämnd, fullmäktige, an external recipient): where
    what it decides or receives is written instead."""
    senders = [b.name for b in plan.bodies().values() if any(body.id in r.to for r in b.reporting)]
    sent_sv = (
        "ett förslag eller en rapport som lämnas till den med 'rapporter: [id]' i mötet hos "
        "organet som lämnar den" + (f" (här {' och '.join(senders)})" if senders else "") + "."
    )
    sent_en = (
        "a proposal or report made to it as 'rapporter: [id]' in the meeting of the body that "
        "makes it" + (f" (here {' and '.join(senders)})" if senders else "") + "."
    )
    if body.kind is BodyKind.EXTERNAL:
        return Text(f"Det som lämnas till den förs in som {sent_sv}", f"Write {sent_en}")
    return Text(
        f"Beslut i {body.name} förs in där de gäller: ett styrdokument den antar i "
        f"styrdokument.yaml (antaget och antaget_av: [{body.id}]); {sent_sv}",
        f"Decisions of {body.name} go where they apply: a steering document it adopts in "
        f"styrdokument.yaml (antaget and antaget_av: [{body.id}]); {sent_en}",
    )


def attendees_of(body: Body, roles: set[str]) -> list[str]:
    """The members (not those who come only when needed) and the chair, as role ids."""
    out = [m.role for m in body.members if not m.when_needed]
    if body.chair and body.chair not in out:
        out.insert(0, body.chair)
    return [r for r in out if r in roles]


def open_actions(plan: Plan, body_id: str, day: date) -> list[FollowUp]:
    """Actions open on ``day`` that were decided by the body or are owned by it."""
    out = []
    for view in actions_as_of(plan, day):
        if view.state not in (ActionState.OPEN, ActionState.OVERDUE):
            continue
        if view.record.meeting.body != body_id and view.action.owner != body_id:
            continue
        if view.record.meeting.date >= day:
            continue
        action = view.action
        out.append(
            FollowUp(
                action.id,
                " ".join(action.text.split()).rstrip("."),
                action.owner,
                action.due.isoformat(),
                view.state is ActionState.OVERDUE,
            )
        )
    return out


def reports_of(plan: Plan, body: Body) -> list[ReportDue]:
    """Reports the body gives, then reports other bodies give to it."""
    out = [ReportDue(line.id, str(line.cadence)) for line in body.reporting]
    for other in plan.bodies().values():
        if other.id != body.id:
            out.extend(
                ReportDue(line.id, str(line.cadence))
                for line in other.reporting
                if body.id in line.to
            )
    return out


def _meetings_folder(session: EditSession, day: date) -> Path:
    """``moten/``, or ``moten/ÅÅÅÅ/`` when the plan keeps its meetings in year folders."""
    base = session.root / MEETINGS_DIR
    parents = {f.path.parent for f in session.before.loaded.meeting_files()}
    if parents and all(p.parent == base and p.name.isdigit() for p in parents):
        return base / str(day.year)
    return base


def _modeline(session: EditSession, folder: Path) -> str | None:
    """The line that points editors at the meeting schema, as the plan's other files have it."""
    for f in session.before.loaded.meeting_files():
        first = (f.text or "").split("\n", 1)[0]
        if f.path.parent == folder and first.startswith(MODELINE):
            return first.rstrip()
    marker = session.loaded(session.root / MARKER)
    first = ((marker.text if marker else None) or "").split("\n", 1)[0]
    if not first.startswith(MODELINE):
        return None
    schema = (session.root / first[len(MODELINE) :].strip()).parent / "mote.schema.json"
    return MODELINE + Path(os.path.relpath(schema, folder)).as_posix()


def render_template(template: Path | None, context: dict[str, Any]) -> str:
    from trygghet_cli.sandbox import TemplateProblem, render_template, sandboxed_environment

    # The file the user names is read even when it is a link (they chose it); what it
    # includes stays in the folder it is really in.
    chosen = template.resolve() if template else None
    folder, name = (chosen.parent, chosen.name) if chosen else (templates_dir(), TEMPLATE)
    env = sandboxed_environment([folder], autoescape=False)
    env.filters["yaml"] = scalar_text
    try:
        text = render_template(env, name, context)
    except TemplateProblem as problem:
        where = display_path(template or folder / name)
        line = problem.where.rpartition(":")[2]
        where += f":{line}" if line.isdigit() else ""
        raise EditError(
            Text(
                f"Mallen {where} fungerar inte: {problem.message('sv')}",
                f"The template {where} fails: {problem.message('en')}",
            )
        ) from None
    return text if text.endswith("\n") else text + "\n"
