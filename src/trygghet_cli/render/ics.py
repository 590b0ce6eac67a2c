"""``trygg deadlines --format ics``: an iCalendar (RFC 5545) feed, written with ``icalendar``.

One all-day event per deadline (overdue ones keep their date and say so in the title), among
them the next expected meeting of every body with a cadence. Outlook, Google Calendar and Apple
Calendar can import the file or subscribe to it where it is published.

Stable across runs, so that a subscribed calendar updates its events instead of adding new ones:

* **UID** = the plan's kommunkod (with the district for a stadsdel), the kind and the id of the
  thing: ``1982-meeting-est-grupp@trygg``. Never the date or the text, which change: when the
  EST group meets, its "next meeting" event moves to the new date under the same UID. Unique
  within the feed (:func:`feed_uids`): plans of one kommun fed together carry their folders
  (``1982-fagersta-2025-meeting-est-grupp@trygg``), and a UID that would still come twice (two
  actions with one id, an error of its own) is numbered in the order of the feed.
* **DTSTAMP** is required in every event. A wall-clock time would make two runs differ, so it
  is midnight UTC of the as-of day: the same input gives the same bytes, and a feed written on
  a later day carries a later stamp.
* Events are written in the report's order (overdue first, then by date).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta, timezone
from pathlib import Path, PurePosixPath

from icalendar import Calendar, Event, vText

from trygghet_cli import __version__
from trygghet_cli.followup.base import Deadline, Status, slug
from trygghet_cli.followup.deadlines import DeadlineResult, PlanDeadlines
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.visible import visible

UID_DOMAIN = "trygg"
REFRESH = "PT12H"
_OVERDUE = Text("Försenat: ", "Overdue: ")
_STATUS = {Status.OVERDUE: Text("försenat", "overdue"), Status.DUE_SOON: Text("snart", "due soon")}


def event_uid(prefix: str, deadline: Deadline) -> str:
    """``1982-meeting-est-grupp@trygg``: the same thing keeps its UID from run to run."""
    return f"{prefix}-{deadline.kind.value}-{deadline.key}@{UID_DOMAIN}"


def uid_prefixes(plans: Sequence[PlanDeadlines]) -> list[str]:
    """Each plan's UID prefix in a feed of ``plans``: its own (:func:`~trygghet_cli.followup.base.
    uid_prefix`), unless another plan of the feed has it too; then the plan's folder is added,
    from the folder that holds all of them (``1982-fagersta-2025``). A plan alone in its feed,
    or the only one of its kommun, keeps the UIDs it always had."""
    shared = Counter(plan.uid_prefix for plan in plans)
    groups: dict[str, list[Path]] = {}
    for plan in plans:
        groups.setdefault(plan.uid_prefix, []).append(Path.cwd() / plan.root)
    prefixes: list[str] = []
    for plan in plans:
        if shared[plan.uid_prefix] == 1:
            prefixes.append(plan.uid_prefix)
            continue
        here = Path.cwd() / plan.root
        top = Path(os.path.commonpath(groups[plan.uid_prefix]))
        folder = here.relative_to(top).as_posix() if here != top else here.name
        prefixes.append(f"{plan.uid_prefix}-{slug(folder) or 'plan'}")
    return prefixes


def feed_uids(result: DeadlineResult) -> list[list[str]]:
    """The UID of every deadline of every plan (RFC 5545: unique within the feed, and the same
    on every run for the same plans): :func:`event_uid` with the prefixes of
    :func:`uid_prefixes`; a UID met again is numbered (``…-a-1-2@trygg``)."""
    seen: set[str] = set()
    numbered: dict[str, int] = {}
    out: list[list[str]] = []
    for plan, prefix in zip(result.plans, uid_prefixes(result.plans), strict=True):
        uids: list[str] = []
        for deadline in plan.deadlines:
            uid = first = event_uid(prefix, deadline)
            stem = first.removesuffix(f"@{UID_DOMAIN}")
            number = numbered.get(first, 1)
            while uid in seen:
                number += 1
                uid = f"{stem}-{number}@{UID_DOMAIN}"
            numbered[first] = number
            seen.add(uid)
            uids.append(uid)
        out.append(uids)
    return out


def render(result: DeadlineResult, lang: Lang, path: Callable[[str], str] = str) -> bytes:
    """The feed; ``path`` names the files in the events' descriptions (from the repository's
    top level when trygg runs inside one), and no description names a folder of the machine
    that wrote the feed (:func:`published_path`)."""
    calendar = Calendar()
    calendar.add("prodid", f"-//trygg//trygg {__version__}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    names = ", ".join(p.name for p in result.plans)
    title = f"trygg – {names}" if names else "trygg"
    # TEXT values, escaped as RFC 5545 says (icalendar leaves NAME and X- properties as they
    # are, and an unescaped comma cuts the text in readers that split lists there), and marked
    # VALUE=TEXT so that a reader that does not know the property unescapes it too.
    text = {"VALUE": "TEXT"}
    calendar.add("name", vText(title), parameters=text)
    calendar.add("x-wr-calname", vText(title), parameters=text)
    description = Text(
        "Tidsfrister i det brottsförebyggande arbetet, från trygg deadlines",
        "Deadlines in the crime-prevention work, from trygg deadlines",
    )
    calendar.add("x-wr-caldesc", vText(description(lang)), parameters=text)
    calendar.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)
    stamp = datetime.combine(result.window.as_of, time(0, 0), tzinfo=timezone.utc)
    for plan, uids in zip(result.plans, feed_uids(result), strict=True):
        for deadline, uid in zip(plan.deadlines, uids, strict=True):
            where = visible(published_path(path(deadline.file), plan.root))
            calendar.add_component(_event(deadline, uid, stamp, lang, where))
    data: bytes = calendar.to_ical()
    return data


def published_path(file: str, root: Path) -> str:
    """``file`` as the feed shows it: as given when relative; an absolute path (a plan outside
    the repository and the working folder) from the folder that holds the plan, so that
    ``/home/anna/planer/fagersta/mal.yaml`` is published as ``fagersta/mal.yaml``."""
    if not PurePosixPath(file).is_absolute():
        return file
    base = (Path.cwd() / root).parent
    rel = os.path.relpath(file, base)
    return Path(rel).as_posix() if not rel.startswith(os.pardir) else PurePosixPath(file).name


def _event(deadline: Deadline, uid: str, stamp: datetime, lang: Lang, where: str) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", deadline.date)
    event.add("dtend", deadline.date + timedelta(days=1))
    summary = deadline.title(lang)
    if deadline.status is Status.OVERDUE:
        summary = _OVERDUE(lang) + summary
    event.add("summary", summary)
    parts = [deadline.diagnostic.message(lang)]
    hint = deadline.diagnostic.hint(lang)
    if hint:
        parts.append(hint)
    parts.append(f"{where}:{deadline.line}")
    event.add("description", "\n\n".join(parts))
    event.add("categories", ["trygg", deadline.kind.label(lang), _STATUS[deadline.status](lang)])
    event.add("transp", "TRANSPARENT")
    return event
