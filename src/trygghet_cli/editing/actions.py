"""Actions: close one where it lives, or add one to a meeting.

An action (åtgärd) is decided at a meeting and lives in that meeting's file; an åtgärd,
aktivitet or projekt in ``aktiviteter.yaml`` is closed the same way. ``action done`` sets
``status: klar`` and ``klar_datum``; ``action add`` appends to a meeting's ``åtgärder``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from trygghet_cli.editing.changes import Change, ChangeKind, EditError, not_found
from trygghet_cli.editing.nodes import append_item, block_list, mapping, put
from trygghet_cli.editing.session import EditSession
from trygghet_cli.i18n import Text
from trygghet_cli.loading.plan import display_path
from trygghet_cli.model.activities import Activities, Activity
from trygghet_cli.model.common import TryggModel
from trygghet_cli.model.meetings import Action, Meeting
from trygghet_cli.model.plan import MEETING_FILE, MeetingRecord
from trygghet_cli.wording import plural

DONE = "klar"
OPEN = "öppen"


@dataclass(frozen=True)
class ActionSite:
    """Where an action lives: the file, the list key and index, and its model."""

    path: Path
    list_key: str
    index: int
    model: type[TryggModel]
    kind: Text


_ACTION = Text("Åtgärden", "The action")
_ACTIVITY = Text("Aktiviteten", "The activity")


def find_action(session: EditSession, action_id: str) -> ActionSite:
    sites: list[ActionSite] = []
    known: list[str] = []
    for f in session.before.loaded.meeting_files():
        if isinstance(f.model, Meeting):
            for i, action in enumerate(f.model.actions):
                known.append(action.id)
                if action.id == action_id:
                    sites.append(ActionSite(f.path, "åtgärder", i, Action, _ACTION))
    activities = session.before.loaded.file("aktiviteter")
    if activities is not None and isinstance(activities.model, Activities):
        for i, activity in enumerate(activities.model.activities):
            known.append(activity.id)
            if activity.id == action_id:
                sites.append(ActionSite(activities.path, "aktiviteter", i, Activity, _ACTIVITY))
    if len(sites) == 1:
        return sites[0]
    if sites:
        where = ", ".join(display_path(s.path) for s in sites)
        raise EditError(
            Text(
                f"Id:t '{action_id}' finns på flera ställen: {where}",
                f"The id '{action_id}' is used in several places: {where}",
            ),
            Text("Ge dem olika id först.", "Give them different ids first."),
        )
    raise EditError(
        not_found(Text("åtgärden", "the action"), action_id, known),
        session.broken_hint(),
    )


def close_action(session: EditSession, action_id: str, day: date, *, dated: bool) -> Change:
    """Mark the action done on ``day``. ``dated``: the day was asked for, not today's."""
    site = find_action(session, action_id)
    opened = session.open(site.path)
    node = opened.data[site.list_key][site.index]
    session.expect_id(opened, node, action_id)
    pointer = (site.list_key, site.index)
    old_status = str(node.get("status", ""))
    old_day = node.get("klar_datum")
    old_text = old_day.isoformat() if isinstance(old_day, date) else (old_day and str(old_day))
    what = site.kind
    if old_status == DONE and old_text and (old_text == day.isoformat() or not dated):
        return session.record(
            ChangeKind.UNCHANGED,
            site.path,
            pointer,
            Text(
                f"{what('sv')} {action_id} är redan klar (klar_datum {old_text}).",
                f"{what('en')} {action_id} is already done (klar_datum {old_text}).",
            ),
        )
    put(node, "status", DONE, site.model)
    put(node, "klar_datum", day, site.model)
    iso = day.isoformat()
    dated_text = f"{old_text} → {iso}" if old_text else iso
    status_text = f"{old_status} → {DONE}" if old_status != DONE else DONE
    return session.record(
        ChangeKind.CHANGED,
        site.path,
        pointer,
        Text(
            f"{what('sv')} {action_id} är klar: status {status_text}, klar_datum {dated_text}.",
            f"{what('en')} {action_id} is done: status {status_text}, klar_datum {dated_text}.",
        ),
    )


@dataclass(frozen=True)
class NewAction:
    text: str
    owner: str
    due: date
    id: str | None = None
    activity: str | None = None
    note: str | None = None


def choose_meeting(
    session: EditSession, meeting: Path | None, body: str | None, on: date | None
) -> MeetingRecord:
    """The meeting an action is added to: a file, or a body's meeting (the latest by default)."""
    plan = session.plan
    if meeting is not None:
        wanted = {meeting.resolve(), (session.root / meeting).resolve()}
        for record in plan.meetings:
            if (session.root / record.file).resolve() in wanted:
                return record
        raise EditError(
            Text(
                f"{display_path(meeting)} är inte ett möte i planen som går att läsa",
                f"{display_path(meeting)} is not a readable meeting of the plan",
            ),
            session.broken_hint(),
        )
    if body is None:
        raise EditError(
            Text("Säg vilket möte åtgärden hör till.", "Say which meeting the action belongs to."),
            Text(
                "Ange --meeting FIL eller --body ORGAN (då det senaste mötet, eller det med "
                "--date).",
                "Give --meeting FILE or --body BODY (then its latest meeting, or the one on "
                "--date).",
            ),
        )
    bodies = plan.bodies()
    if body not in bodies:
        raise EditError(
            not_found(Text("organet", "the body"), body, sorted(bodies)),
            Text(
                "Organen och deras id står under 'organ' i organisation.yaml.",
                "The bodies and their ids are under 'organ' in organisation.yaml.",
            ),
        )
    broken = [f for f in session.broken_files() if f.kind is MEETING_FILE]
    if broken:
        # One of them may be the body's latest meeting: adding to an older one would be wrong.
        raise EditError(
            plural(
                len(broken),
                Text(
                    "En mötesfil har fel och kunde inte läsas; den kan vara det möte åtgärden "
                    "hör till",
                    "A meeting file has errors and could not be read; it may be the meeting "
                    "the action belongs to",
                ),
                Text(
                    f"{len(broken)} mötesfiler har fel och kunde inte läsas; en av dem kan vara "
                    "det möte åtgärden hör till",
                    f"{len(broken)} meeting files have errors and could not be read; one of "
                    "them may be the meeting the action belongs to",
                ),
            ),
            Text(
                "Rätta felen först, eller ange mötet med --meeting FIL.",
                "Fix the errors first, or name the meeting with --meeting FILE.",
            ),
            diagnostics=[d for f in broken for d in f.diagnostics],
        )
    held = [r for r in plan.meetings if r.meeting.body == body]
    records = [r for r in held if r.meeting.date == on] if on is not None else held
    if not records:
        raise _no_meeting(body, on, sorted(r.meeting.date for r in held))
    return records[-1]


def _no_meeting(body: str, on: date | None, held: list[date]) -> EditError:
    """The body has no meeting (on that day): name the nearest ones, or how to make it."""
    create = f"'trygg meeting new {body} --date {on.isoformat() if on else 'ÅÅÅÅ-MM-DD'}'"
    if on is None or not held:
        when = f" {on.isoformat()}" if on else ""
        return EditError(
            Text(
                f"Organet '{body}' har inget möte{when} i planen",
                f"The body '{body}' has no meeting{when} in the plan",
            ),
            Text(f"Skapa mötet först med {create}.", f"Create the meeting first with {create}."),
        )
    before = max((d for d in held if d < on), default=None)
    after = min((d for d in held if d > on), default=None)
    sv = [f"närmast före är {before.isoformat()}"] if before else []
    en = [f"the nearest before is {before.isoformat()}"] if before else []
    if after:
        sv.append(("närmast efter " if before else "närmast efter är ") + after.isoformat())
        en.append(("the nearest after " if before else "the nearest after is ") + after.isoformat())
    return EditError(
        Text(
            f"Organet '{body}' har inget möte {on.isoformat()} i planen; {' och '.join(sv)}",
            f"The body '{body}' has no meeting on {on.isoformat()} in the plan; {' and '.join(en)}",
        ),
        Text(
            f"Ange ett av dem med --date, eller skapa mötet först med {create}.",
            f"Give one of them with --date, or create the meeting first with {create}.",
        ),
    )


def add_action(session: EditSession, record: MeetingRecord, new: NewAction) -> Change:
    path = session.root / record.file
    opened = session.open(path)
    action_id = new.id or next_action_id(session, record)
    actions = block_list(opened.data, "åtgärder", Meeting)
    item = mapping(
        {
            "id": action_id,
            "text": " ".join(new.text.split()),
            "ansvarig": new.owner,
            "senast": new.due,
            "status": OPEN,
            "aktivitet": new.activity,
            "anmärkning": new.note,
        }
    )
    append_item(actions, item)
    return session.record(
        ChangeKind.ADDED,
        path,
        ("åtgärder", len(actions) - 1),
        Text(
            f"Ny åtgärd {action_id} ({new.owner}, senast {new.due.isoformat()}): {new.text}",
            f"New action {action_id} ({new.owner}, due {new.due.isoformat()}): {new.text}",
        ),
        anchor=item,
    )


_NUMBERED = re.compile(r"^(.*?)(\d+)$")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def next_action_id(session: EditSession, record: MeetingRecord) -> str:
    """The next id for an action decided at ``record``'s meeting.

    Where the plan's ids name the body that decided them (``lokala-bra-2024-3``), or the plan
    has no numbered ids yet: the next of that body in the meeting's year, ``<organ>-<år>-<n>``,
    never a series named after another body. Where its ids name no body, the plan's own series
    (``fa-2021-57`` → ``fa-2021-58``), from its latest action, with the year following the
    meeting's (``fa-2022-01`` for the first action of 2022).
    """
    year = record.meeting.date.year
    ids = [action.id for _, action in session.plan.actions()]
    bodies = session.plan.bodies()
    numbered = [m for m in map(_NUMBERED.match, ids) if m]
    by_body = any(_body_of(m[1], bodies) for m in numbered)
    if by_body or not numbered:
        prefix = f"{record.meeting.body}-{year}-"
        width = 1
    else:
        latest = numbered[-1]
        prefix, width = latest[1], len(latest[2])
        found = _YEAR.search(prefix)
        if found and int(found[0]) != year:
            prefix = prefix[: found.start()] + str(year) + prefix[found.end() :]
    pattern = re.compile(re.escape(prefix) + r"(\d+)$")
    taken = [m[1] for m in map(pattern.match, ids) if m]
    if by_body and taken:
        width = len(max(taken, key=int))
    return f"{prefix}{max(map(int, taken), default=0) + 1:0{width}d}"


def _body_of(prefix: str, bodies: Mapping[str, object]) -> str | None:
    """The body an id's prefix names (``lokala-bra-2024-`` → ``lokala-bra``), if any."""
    found = re.fullmatch(r"(.+?)-(?:19|20)\d{2}-", prefix)
    return found[1] if found and found[1] in bodies else None
