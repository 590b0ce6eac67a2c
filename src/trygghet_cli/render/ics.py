"""``trygg deadlines --format ics``: an iCalendar (RFC 5545) feed, written with ``icalendar``.

One all-day event per deadline (overdue ones keep their date and say so in the title), among
them the next expected meeting of every body with a cadence. Outlook, Google Calendar and Apple
Calendar can import the file or subscribe to it where it is published.

Stable across runs, so that a subscribed calendar updates its events instead of adding new ones:

* **UID** = the plan's kommunkod (with the district for a stadsdel), the kind and the id of the
  thing: ``1982-meeting-est-grupp@trygg``. Never the date or the text, which change: when the
  EST group meets, its "next meeting" event moves to the new date under the same UID.
* **DTSTAMP** is required in every event. A wall-clock time would make two runs differ, so it
  is midnight UTC of the as-of day: the same input gives the same bytes, and a feed written on
  a later day carries a later stamp.
* Events are written in the report's order (overdue first, then by date).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, time, timedelta, timezone
from pathlib import Path, PurePosixPath

from icalendar import Calendar, Event, vText

from trygghet_cli import __version__
from trygghet_cli.followup.base import Deadline, Status
from trygghet_cli.followup.deadlines import DeadlineResult
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.visible import visible

UID_DOMAIN = "trygg"
REFRESH = "PT12H"
_OVERDUE = Text("Försenat: ", "Overdue: ")
_STATUS = {Status.OVERDUE: Text("försenat", "overdue"), Status.DUE_SOON: Text("snart", "due soon")}


def event_uid(prefix: str, deadline: Deadline) -> str:
    """``1982-meeting-est-grupp@trygg``: the same thing keeps its UID from run to run."""
    return f"{prefix}-{deadline.kind.value}-{deadline.key}@{UID_DOMAIN}"


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
    for plan in result.plans:
        for deadline in plan.deadlines:
            where = visible(published_path(path(deadline.file), plan.root))
            calendar.add_component(_event(deadline, plan.uid_prefix, stamp, lang, where))
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


def _event(deadline: Deadline, prefix: str, stamp: datetime, lang: Lang, where: str) -> Event:
    event = Event()
    event.add("uid", event_uid(prefix, deadline))
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
