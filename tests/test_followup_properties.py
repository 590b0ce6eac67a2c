"""Properties of follow-up over random small plans and days (issue 11, "Done when").

* **Nothing late is forgotten.** Whatever is overdue on day *d* is still overdue on *d* + 1,
  late since the same day, for the same first missed occasion and with no fewer missing,
  unless something on *d* + 1 closes it: a meeting, a delivery or a follow-up held that day,
  an action or activity done that day, a document of its kind adopted that day, a value of the
  goal's indicator known from that day, or the end of a body on *d*. The days judged are drawn
  where follow-up turns: New Year's Eve, quarter ends, the day before everything the plan
  records, and a few at random.
* **Nothing late is missed.** Where fewer occasions were held since the count began than
  slots have ended (worked out here independently, for whole-month cadences), the duty is
  late.
* **One account everywhere.** For the same plan and quarter's end, what ``trygg report`` (its
  summary, its boxes and its tables), ``trygg deadlines`` (text, ``--format json`` and the
  calendar feed ``--format ics``), ``trygg export --as-of`` (the overview, the meeting log,
  the goals and activities pages) and ``trygg overview`` show as late is the same items, in the
  same words and with the same figures. The commands are run as a user runs them.

The plans are small and random: one to five working groups with a cadence, meetings (some
acute, some about as often as a cadence asks), a start and an end; a reporting line and a
follow-up in ``mal.yaml``; actions decided at meetings and activities, done on time, late or
never; steering documents adopted, revised and ending on random days; a goal with values.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from typer.testing import CliRunner

from tests.conftest import write
from tests.plan_builder import KOMMUN, ORGANISATION
from trygghet_cli.checks.runner import check_plan
from trygghet_cli.cli.app import app
from trygghet_cli.followup.base import Kind, Status, Window
from trygghet_cli.followup.deadlines import follow_up
from trygghet_cli.loading.plan import LoadedPlan
from trygghet_cli.model.periods import Period, quarter_of
from trygghet_cli.wording import Formatter

CADENCES = [
    "4 gånger per år",
    "6 gånger per år",
    "5 gånger per år",
    "varannan vecka",
    "varje vecka",
    "2 gånger per månad",
    "varje månad",
    "var tredje månad",
    "varje halvår",
    "cirka 6 gånger per år",
    "minst 4 gånger per år",
    "varje år",
    "vartannat år",
    "vid behov",
    # planned pauses: every year, across the new year, once
    "2 gånger per månad, uppehåll i juli",
    "varje månad, uppehåll i juni–augusti",
    "varannan vecka, uppehåll 20 december–6 januari",
    "varje månad, uppehåll 15 juni–15 augusti 2025",
    # fixed dates of an årshjul
    "varje år senast 31 december",
    "varje år i februari",
    "varje kvartal senast den 15:e",
    "varje månad senast den 31:a",
]
START = date(2023, 1, 1)
LAST = date(2026, 12, 31)
days_in = st.integers(min_value=0, max_value=(LAST - START).days).map(
    lambda n: START + timedelta(days=n)
)
REGULAR, ACUTE = "ordinarie", "akut"
PLAN_DATES = [date(2023, 1, 1), date(2023, 7, 1), date(2024, 1, 1)]
LAW_KEYS = {"lägesbild": "lagesbild", "åtgärdsplan": "atgardsplan"}
SETTINGS = settings(
    deadline=None,  # one example runs the commands several times; 2 cores are shared
    suppress_health_check=[HealthCheck.too_slow],
    # no "explain" phase: it reruns a failing example hundreds of times to comment on it
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
)


@dataclass(frozen=True)
class Body:
    id: str
    cadence: str
    meetings: tuple[tuple[date, str], ...]
    """(day, kind) of the body's own meetings."""
    start: date | None
    end: date | None


@dataclass(frozen=True)
class Action:
    id: str
    meeting: date
    due: date
    done: date | None


@dataclass(frozen=True)
class Document:
    id: str
    kind: str
    """``lägesbild``, ``åtgärdsplan`` or ``medborgarlöfte``."""
    adopted: date
    review: str | None
    valid_to: date | None


BASE_PLAN = Document("atgardsplan", "åtgärdsplan", date(2022, 6, 1), "vartannat år", None)


@dataclass(frozen=True)
class Goal:
    better: str
    """``lägre`` or ``högre``."""
    baseline: int
    """The value of 2022."""
    target: int
    due: date
    values: tuple[tuple[int, int], ...]
    """(year, value) after the baseline."""


@dataclass(frozen=True)
class Activity:
    id: str
    due: date
    done: date | None


@dataclass(frozen=True)
class RandomPlan:
    plan_date: date | None
    bodies: tuple[Body, ...]
    report: str
    report_since: date | None
    deliveries: tuple[date, ...]
    """Days the first body delivered its report (at a regular meeting of its own)."""
    follow_up: str
    done: tuple[date, ...]
    actions: tuple[Action, ...]
    """Decided at regular meetings of the first body."""
    documents: tuple[Document, ...]
    """Besides an åtgärdsplan adopted 1 June 2022, to be revised every other year."""
    goal: Goal | None = None
    activities: tuple[Activity, ...] = ()

    def meetings(self) -> dict[tuple[date, str], str]:
        """Every meeting file: (day, body) → its kind."""
        out: dict[tuple[date, str], str] = {}
        for b in self.bodies:
            for day, kind in b.meetings:
                out.setdefault((day, b.id), kind)
        first = self.bodies[0].id
        for day in (*self.deliveries, *(a.meeting for a in self.actions)):
            out[(day, first)] = REGULAR  # a report delivered, an action decided: a meeting
        return out

    def regular_meetings(self, body: str) -> set[date]:
        return {day for (day, b), kind in self.meetings().items() if b == body and kind == REGULAR}

    def dates(self) -> set[date]:
        """Every day the plan records something on."""
        out = {day for day, _ in self.meetings()}
        out |= {*self.done, *(a.due for a in self.actions)}
        out |= {a.done for a in self.actions if a.done is not None}
        for day in (self.plan_date, self.report_since):
            if day is not None:
                out.add(day)
        for doc in self.documents:
            out |= {d for d in (doc.adopted, doc.valid_to) if d is not None}
        if self.goal is not None:
            out |= {self.goal.due, *(date(year, 12, 31) for year, _ in self.goal.values)}
        out |= {d for a in self.activities for d in (a.due, a.done) if d is not None}
        for b in self.bodies:
            out |= {d for d in (b.start, b.end) if d is not None}
        return out

    def write(self, root: Path) -> Path:
        dated = f"planen_gäller_från: {self.plan_date.isoformat()}\n" if self.plan_date else ""
        write(root / "kommun.yaml", KOMMUN.format(plan_date=dated))
        bodies = ""
        for i, b in enumerate(self.bodies):
            bodies += (
                f"  - id: {b.id}\n    namn: Grupp {i + 1}\n    typ: arbetsgrupp\n"
                f"    mötesfrekvens: {b.cadence}\n"
            )
            if b.start:
                bodies += f"    start: {b.start.isoformat()}\n"
            bodies += f"    slut: {b.end.isoformat()}\n" if b.end else "    slut: 2099-12-31\n"
            if i == 0:
                since = f"        från: {self.report_since}\n" if self.report_since else ""
                bodies += (
                    "    rapportering:\n      - id: rapport\n        till: [ks]\n"
                    f"        kadens: {self.report}\n        innehåll: Rapport\n{since}"
                )
        write(root / "organisation.yaml", ORGANISATION.format(bodies=bodies))
        documents = "dokument:\n"
        for doc in (BASE_PLAN, *self.documents):
            documents += (
                f"  - id: {doc.id}\n    typ: {doc.kind}\n    titel: Dokument {doc.id}\n"
                f"    antaget: {doc.adopted.isoformat()}\n    antaget_av: [ks]\n"
            )
            if doc.review:
                documents += f"    revideras: {doc.review}\n"
            if doc.valid_to:
                documents += f"    gäller_till: {doc.valid_to.isoformat()}\n"
        write(root / "styrdokument.yaml", documents)
        done = ", ".join(d.isoformat() for d in sorted(set(self.done)))
        goals = "målområden: []\n"
        if self.goal is not None:
            g = self.goal
            goals = (
                "målområden:\n  - id: trygghet\n    namn: Trygghet\n    mål:\n"
                "      - id: malet\n        text: Färre brott.\n        typ: effektmål\n"
                "        nyckeltal: brott\n"
                f"        utgångsläge: {{värde: {g.baseline}, period: 2022}}\n"
                f"        målvärde: {{värde: {g.target}, period: {g.due.year}}}\n"
                f"        senast: {g.due.isoformat()}\n"
            )
            values = "".join(
                f"      - period: {year}\n        värde: {value}\n"
                "        geografi: {nivå: kommun}\n"
                for year, value in ((2022, g.baseline), *g.values)
            )
            write(
                root / "nyckeltal.yaml",
                "nyckeltal:\n  - id: brott\n    namn: Brott\n    enhet: antal\n"
                f"    bättre: {g.better}\n    källa: {{typ: annan}}\n    värden:\n{values}",
            )
        write(
            root / "mal.yaml",
            goals + "uppföljning:\n  - id: enkat\n    beskrivning: Enkät.\n"
            f"    kadens: {self.follow_up}\n" + (f"    genomförd: [{done}]\n" if done else ""),
        )
        if self.activities:
            text = "aktiviteter:\n"
            for act in self.activities:
                text += (
                    f"  - id: {act.id}\n    namn: Aktivitet {act.id}\n    typ: aktivitet\n"
                    f"    ansvarig: samordnare\n    klart_senast: {act.due.isoformat()}\n"
                )
                if act.done is not None:
                    text += f"    status: klar\n    klar_datum: {act.done.isoformat()}\n"
                else:
                    text += "    status: pågående\n"
            write(root / "aktiviteter.yaml", text)
        delivered = set(self.deliveries)
        first = self.bodies[0].id
        for (day, body), kind in self.meetings().items():
            text = f"datum: {day.isoformat()}\norgan: {body}\ntyp: {kind}\n"
            if body == first and day in delivered:
                text += "rapporter: [rapport]\n"
            actions = [a for a in self.actions if body == first and a.meeting == day]
            if actions:
                text += "åtgärder:\n"
                for a in actions:
                    text += (
                        f"  - id: {a.id}\n    text: Åtgärd {a.id}\n    ansvarig: samordnare\n"
                        f"    senast: {a.due.isoformat()}\n"
                    )
                    if a.done:
                        text += f"    status: klar\n    klar_datum: {a.done.isoformat()}\n"
                    else:
                        text += "    status: pågående\n"
            write(root / "moten" / f"{day.isoformat()}-{body}.yaml", text)
        return root

    def closed_on(self, day: date) -> set[tuple[str, str]]:
        """What something on ``day`` may close: (kind, key) of the duties held that day or
        ended the day before, the actions done, the lägesbild adopted."""
        out: set[tuple[str, str]] = set()
        ended = {b.id for b in self.bodies if b.end is not None and b.end == day - timedelta(1)}
        for b in self.bodies:
            if b.id in ended or day in self.regular_meetings(b.id):
                out.add((Kind.MEETING.value, b.id))
        if self.bodies[0].id in ended or day in self.deliveries:
            out.add((Kind.REPORT.value, "rapport"))
        if day in self.done:
            out.add((Kind.FOLLOW_UP.value, "enkat"))
        out |= {(Kind.ACTION.value, a.id) for a in self.actions if a.done == day}
        out |= {(Kind.ACTIVITY.value, a.id) for a in self.activities if a.done == day}
        adopted = {doc.kind for doc in self.documents if doc.adopted == day}
        for doc in (BASE_PLAN, *self.documents):  # a newer one of its kind replaces it
            if doc.kind in adopted:
                out |= {(Kind.DOCUMENT.value, f"{doc.id}.{what}") for what in ("review", "expiry")}
        out |= {(Kind.LAW.value, LAW_KEYS[kind]) for kind in adopted if kind in LAW_KEYS}
        if self.goal is not None and day in {date(y, 12, 31) for y, _ in self.goal.values}:
            out.add((Kind.GOAL.value, "malet"))  # a value known from its period's end
        return out


@st.composite
def schedules(draw: st.DrawFn, kinds: st.SearchStrategy[str]) -> list[tuple[date, str]]:
    """Meetings about as often as some cadence asks, a few days early or late, with gaps."""
    day = draw(days_in)
    step = draw(st.sampled_from([7, 14, 15, 30, 31, 61, 91, 92, 182, 365]))
    out: dict[date, str] = {}
    for _ in range(draw(st.integers(min_value=1, max_value=40))):
        day += timedelta(days=step + draw(st.integers(min_value=-4, max_value=6)))
        if day > LAST:
            break
        if draw(st.integers(min_value=0, max_value=9)):  # one in ten is skipped
            out[day] = draw(kinds)
    return sorted(out.items())


@st.composite
def bodies(draw: st.DrawFn) -> tuple[Body, ...]:
    out = []
    for i in range(draw(st.integers(min_value=1, max_value=5))):
        kinds = st.sampled_from([REGULAR, REGULAR, REGULAR, ACUTE])
        meetings = draw(
            st.lists(st.tuples(days_in, kinds), max_size=12, unique_by=lambda m: m[0])
            | schedules(kinds)
        )
        start = draw(st.none() | days_in)
        end = draw(st.none() | days_in)
        if start is not None and end is not None and end < start:
            start, end = end, start
        meetings = [
            m for m in meetings if (end is None or m[0] <= end) and (start is None or m[0] >= start)
        ]
        cadence = draw(st.sampled_from(CADENCES))
        out.append(Body(f"grupp-{i + 1}", cadence, tuple(meetings), start, end))
    return tuple(out)


@st.composite
def actions(draw: st.DrawFn, first: Body) -> tuple[Action, ...]:
    out = []
    for i in range(draw(st.integers(min_value=0, max_value=5))):
        decided = draw(days_in)
        if (first.end is not None and decided > first.end) or (
            first.start is not None and decided < first.start
        ):
            continue
        due = decided + timedelta(days=draw(st.integers(min_value=0, max_value=120)))
        after = draw(st.none() | st.integers(min_value=0, max_value=200))
        done = None if after is None else decided + timedelta(days=after)
        out.append(Action(f"a-{i + 1}", decided, due, done))
    return tuple(out)


@st.composite
def plans(draw: st.DrawFn) -> RandomPlan:
    groups = draw(bodies())
    first = groups[0]

    def alive(day: date) -> bool:
        return (first.start is None or day >= first.start) and (
            first.end is None or day <= first.end
        )

    deliveries = tuple(d for d in draw(st.lists(days_in, max_size=6, unique=True)) if alive(d))
    return RandomPlan(
        plan_date=draw(st.sampled_from([None, *PLAN_DATES])),
        bodies=groups,
        report=draw(st.sampled_from(CADENCES)),
        report_since=draw(st.none() | days_in),
        deliveries=deliveries,
        follow_up=draw(st.sampled_from(CADENCES)),
        done=tuple(draw(st.lists(days_in, max_size=4, unique=True))),
        actions=draw(actions(first)),
        documents=draw(documents()),
        goal=draw(st.none() | goals()),
        activities=tuple(
            Activity(f"akt-{i + 1}", due, done)
            for i, (due, done) in enumerate(
                draw(st.lists(st.tuples(days_in, st.none() | days_in), max_size=2))
            )
        ),
    )


@st.composite
def documents(draw: st.DrawFn) -> tuple[Document, ...]:
    out = []
    for i in range(draw(st.integers(min_value=0, max_value=3))):
        kind = draw(st.sampled_from(["lägesbild", "lägesbild", "åtgärdsplan", "medborgarlöfte"]))
        adopted = draw(days_in)
        review = draw(
            st.sampled_from([None, "varje år", "vartannat år", "varje år, uppehåll i juli"])
        )
        until = draw(st.none() | st.integers(min_value=100, max_value=1000))
        valid_to = adopted + timedelta(days=until) if until is not None else None
        out.append(Document(f"dok-{i + 1}", kind, adopted, review, valid_to))
    return tuple(out)


@st.composite
def goals(draw: st.DrawFn) -> Goal:
    values = st.integers(min_value=80, max_value=120)
    years = draw(st.lists(st.integers(min_value=2023, max_value=2026), unique=True, max_size=4))
    return Goal(
        draw(st.sampled_from(["lägre", "högre"])),
        100,
        draw(values),
        draw(days_in),
        tuple((year, draw(values)) for year in sorted(years)),
    )


def turning_days(plan: RandomPlan) -> list[date]:
    """Days on which follow-up turns: each New Year's Eve and quarter's end in the range, and
    the day before each day the plan records something (so that *d* + 1 is that day)."""
    out = {date(y, 12, 31) for y in range(START.year - 1, LAST.year + 1)}
    out |= {date(y, m, d) for y in range(START.year, LAST.year + 1) for m, d in QUARTER_ENDS}
    out |= {d - timedelta(days=1) for d in plan.dates()}
    return sorted(out)


QUARTER_ENDS = ((3, 31), (6, 30), (9, 30))


def _loaded(plan: RandomPlan, folder: str) -> LoadedPlan:
    root = plan.write(Path(folder) / "plan")
    checked = check_plan(root)
    errors = [d.message("en") for d in checked.diagnostics if d.level.value == "error"]
    assert errors == [], errors
    return checked.loaded


@settings(SETTINGS, max_examples=50)
@given(plan=plans(), extra=st.lists(days_in, max_size=8))
def test_nothing_late_is_forgotten_the_next_day(plan: RandomPlan, extra: list[date]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        loaded = _loaded(plan, folder)
        memo: dict[date, dict[tuple[str, str], Late]] = {}

        def overdue(day: date) -> dict[tuple[str, str], Late]:
            if day not in memo:
                found = follow_up(loaded, Window(day, 0))
                accounts = {(d.kind.value, d.key): d.account for d in found.duties}
                # What is due on a day is due, not late, on that day (docs/uppfoljning.md):
                # no recurring duty is overdue since that day or later, and an occasion due
                # that day is not counted as missing. (The act's requirements apply from a day
                # on: they are not due by it.)
                early = [
                    d for d in found.overdue if d.date >= day and (d.kind.value, d.key) in accounts
                ]
                assert not early, f"overdue on the day it is due, {day}: {early}"
                for account in accounts.values():
                    missed = account.missed
                    assert all(m.due < day for m in missed), (day, missed)
                    assert account.missing == len(missed), (day, account.missing, missed)
                memo[day] = {}
                for d in found.overdue:
                    acc = accounts.get((d.kind.value, d.key))
                    first = acc.missed[0].due if acc is not None and acc.missed else None
                    missing = acc.missing if acc is not None else 0
                    memo[day][(d.kind.value, d.key)] = Late(d.date, first, missing)
            return memo[day]

        days = sorted({*turning_days(plan), *extra})
        checked = 0
        for day in days:
            after = day + timedelta(days=1)
            closed = plan.closed_on(after)
            today, tomorrow = overdue(day), overdue(after)
            forgotten = {k: v for k, v in today.items() if k not in closed and k not in tomorrow}
            assert not forgotten, f"late on {day}, forgotten on {after}: {forgotten}"
            moved = {
                k: (v, tomorrow[k])
                for k, v in today.items()
                if k not in closed and k in tomorrow and not v.kept_by(tomorrow[k])
            }
            assert not moved, f"changed from {day} to {after} with nothing done: {moved}"
            required = must_be_late(plan, day)
            checked += bool(required)
            missing = required - set(today)
            assert not missing, (
                f"fewer occasions than slots ended, yet not late on {day}: {missing}"
            )
        event(f"days judged: {len(days) // 25 * 25}+")
        event(f"days late by the independent count: {'some' if checked else 'none'}")
        event(f"kinds late on some day: {len({k for o in memo.values() for k, _ in o})}")


@dataclass(frozen=True)
class Late:
    since: date
    first_missed: date | None
    """The last day of the oldest occasion missed (its period is what the line names)."""
    missing: int

    def kept_by(self, later: Late) -> bool:
        """Still late since the same day for the same first missed occasion, and no fewer
        missing: what a day with nothing done may change."""
        return (
            later.since == self.since
            and (self.first_missed is None or later.first_missed == self.first_missed)
            and later.missing >= self.missing
        )


MONTHS = {
    "varje år": 12,
    "varje halvår": 6,
    "var tredje månad": 3,
    "4 gånger per år": 3,
    "minst 4 gånger per år": 3,
    "6 gånger per år": 2,
    "varje månad": 1,
}
"""Cadences whose slots are whole months, for a count worked out independently here."""


def _months_after(day: date, months: int) -> date:
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, 1)


def _slots_ended(cadence: str, anchor: date, day: date, end: date | None) -> int:
    """Slots of a whole-month cadence that ended before ``day``, counted from ``anchor`` (the
    first of a month): the first period runs to 31 December, then calendar years."""
    step = MONTHS[cadence]
    count, start = 0, anchor
    while start < day:
        year_end = date(start.year, 12, 31)
        slot = _months_after(start, step) - timedelta(days=1)
        while slot <= year_end:
            if slot < day and (end is None or slot <= end):
                count += 1
            slot = _months_after(slot + timedelta(days=1), step) - timedelta(days=1)
        start = date(start.year + 1, 1, 1)
    return count


def must_be_late(plan: RandomPlan, day: date) -> set[tuple[str, str]]:
    """What cannot be on time on ``day``: fewer occasions since the count began than slots
    that have ended (each occasion makes up for at most one). Worked out for plans with a
    ``planen_gäller_från``, whole-month cadences and counts that begin on the first of a
    month."""
    if plan.plan_date is None:
        return set()
    out = set()
    duties: list[tuple[str, str, str, date | None, date | None, set[date]]] = []
    for b in plan.bodies:
        duties.append(
            (Kind.MEETING.value, b.id, b.cadence, b.start, b.end, plan.regular_meetings(b.id))
        )
    first = plan.bodies[0]
    since = max((d for d in (first.start, plan.report_since) if d is not None), default=None)
    duties.append(
        (Kind.REPORT.value, "rapport", plan.report, since, first.end, set(plan.deliveries))
    )
    duties.append((Kind.FOLLOW_UP.value, "enkat", plan.follow_up, None, None, set(plan.done)))
    for kind, key, cadence, start, end, held in duties:
        anchor = max(plan.plan_date, start) if start is not None else plan.plan_date
        if cadence not in MONTHS or anchor.day != 1 or day < anchor:
            continue
        if end is not None and end < day:
            continue  # a body that has ended asks for nothing more
        occasions = sum(1 for d in held if anchor <= d <= day and (end is None or d <= end))
        if occasions < _slots_ended(cadence, anchor, day, end):
            out.add((kind, key))
    return out


# --- one account in every output ---------------------------------------------------------------


def _section(text: str, start: str, *ends: str) -> str:
    """From ``start`` to the first of ``ends`` (the next ``## `` heading by default)."""
    if start not in text:
        return ""
    body = text.split(start, 1)[1]
    for end in ends or ("\n## ",):
        body = body.split(end, 1)[0]
    return body


def _bullets(section: str) -> list[str]:
    return [line[2:].replace("\\_", "_") for line in section.splitlines() if line.startswith("- ")]


def _rows(section: str) -> list[list[str]]:
    """The body rows of the first Markdown table in ``section``."""
    lines = []
    for line in section.splitlines():
        if line.startswith("|"):
            lines.append(line)
        elif lines:
            break
    return [
        [c.strip().replace("\\_", "_") for c in line.strip().strip("|").split("|")]
        for line in lines[2:]
    ]


_HELD = re.compile(r"(\d+) av (\d+) (?:möten?|gång(?:er)?)\b")
_EXTRA = (
    "Åtgärden med sista datum",
    "Klara först efter sista datum",
    "Målet ",
)
_EXTRA_PATTERN = re.compile(r"^(Alla \d+|\d+ av \d+) åtgärder med sista datum")


def _cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@settings(SETTINGS, max_examples=15)
@given(plan=plans(), quarter=st.integers(min_value=0, max_value=15))
def test_every_output_lists_the_same_late_items(plan: RandomPlan, quarter: int) -> None:
    period = quarter_of(START)
    for _ in range(quarter):
        period = period.next()
    with tempfile.TemporaryDirectory() as folder:
        _loaded(plan, folder)  # the plan is valid
        _check_outputs(Path(folder), period)


def _check_outputs(folder: Path, period: Period) -> None:
    root = str(folder / "plan")
    end = period.end
    year = period.year
    fmt = Formatter("sv")
    within = str((period.next().end - end).days)
    as_of = end.isoformat()

    # trygg deadlines --format json, as of the quarter's end with the next quarter as window
    window = ("--as-of", as_of, "--within", within)
    payload = json.loads(_cli("deadlines", root, *window, "-f", "json"))
    [listed] = payload["plans"]
    items = listed["deadlines"]
    overdue = [d for d in items if d["status"] == "overdue"]
    soon = [d for d in items if d["status"] == "due-soon"]
    messages = [d["message"] for d in overdue]
    assert payload["summary"]["overdue"] == len(overdue)

    # trygg deadlines as text: fails exactly when something is late by the plan or the act
    # (trygg's own recommendations are warnings), and says how many are late
    result = CliRunner().invoke(app, ["deadlines", root, *window], catch_exceptions=False)
    errors = [d for d in overdue if d["severity"] == "error"]
    assert result.exit_code == (1 if errors else 0), result.output
    said = "Inget försenat" if not overdue else f"{len(overdue)} försenad"
    assert result.stdout.rstrip().rsplit("\n", 1)[-1].startswith(said), result.stdout

    # the calendar feed: one event per item, the late ones marked so, with the same words
    feed = Calendar.from_ical(_cli("deadlines", root, *window, "-f", "ics"))
    events = [
        (str(e["SUMMARY"]).startswith("Försenat: "), str(e["DESCRIPTION"]).split("\n\n", 1)[0])
        for e in feed.walk("VEVENT")
    ]
    assert events == [(d["status"] == "overdue", d["message"]) for d in items]

    # trygg export --as-of: the overview's table, the meeting log, the goals page
    out = folder / "site"
    _cli("export", root, "--as-of", as_of, "-f", "markdown", "-o", str(out))
    index = (out / "index.md").read_text(encoding="utf-8")
    rows = _rows(_section(index, f"## Läget den {fmt.date(end)}"))
    assert [r[2] for r in rows if r[1] == "Försenat"] == messages
    assert [r[0] for r in rows if r[1] == "Försenat"] == [
        fmt.date(date.fromisoformat(d["date"])) for d in overdue
    ]
    log = (out / "moten.md").read_text(encoding="utf-8")
    late_actions = sorted(r[0] for r in _all_rows(log) if len(r) == 4 and r[3] == "Försenad")
    assert late_actions == sorted(
        d["title"].split(": ", 1)[1] for d in overdue if d["kind"] == Kind.ACTION.value
    )
    goals = (out / "mal.md").read_text(encoding="utf-8")
    [follow_up_row] = [r for r in _all_rows(goals) if r[0] == "Enkät."]
    late_follow_up = [d for d in overdue if d["kind"] == Kind.FOLLOW_UP.value]
    if late_follow_up:
        day = fmt.date(date.fromisoformat(late_follow_up[0]["date"]))
        assert follow_up_row[-1] == f"Försenad sedan {day}"
    else:
        assert not follow_up_row[-1].startswith("Försenad"), follow_up_row

    prefix = listed["uid_prefix"]
    late_keys = {
        (d["kind"], d["uid"].removeprefix(f"{prefix}-{d['kind']}-").removesuffix("@trygg"))
        for d in overdue
    }
    goal_row = next((r for r in _all_rows(goals) if r[0] == "Färre brott."), None)
    if goal_row is not None:
        assert (goal_row[8] == "Ej uppnått i tid") == (("goal", "malet") in late_keys), goal_row
    activities = (out / "aktiviteter.md").read_text(encoding="utf-8")
    for row in _all_rows(activities):
        if len(row) == 7 and row[0].startswith("Aktivitet akt-"):
            key = ("activity", row[0].split(" ", 1)[1])
            assert row[6].startswith("Försenad sedan") == (key in late_keys), (row, late_keys)

    # trygg overview: the plan's row counts the same late items, and its bodies' states
    summary = json.loads(_cli("overview", root, "--as-of", as_of, "-f", "json"))
    [row] = summary["plans"]
    assert dict(row["overdue"]) == dict(Counter(d["kind"] for d in overdue))
    late_bodies = {d["title"].split(": ", 1)[1]: d for d in overdue if d["kind"] == "meeting"}
    for b in row["bodies"]:
        assert (b["state"] == "overdue") == (b["name"] in late_bodies), (b, late_bodies)
        if b["name"] in late_bodies:
            assert b["due"] == late_bodies[b["name"]]["date"], b

    # the brief: its summary, its boxes and its tables
    brief = _cli(
        "report",
        root,
        "--quarter",
        f"{year}Q{(period.start_month + 2) // 3}",
        "--as-of",
        as_of,  # written after the quarter, whatever the machine's date
    )
    _check_brief(brief, overdue, soon, year, fmt)


def _all_rows(markdown: str) -> list[list[str]]:
    return [
        [c.strip().replace("\\_", "_") for c in line.strip().strip("|").split("|")]
        for line in markdown.splitlines()
        if line.startswith("| ") and not line.startswith("|---")
    ]


def _check_brief(
    brief: str, overdue: list[dict[str, str]], soon: list[dict[str, str]], year: int, fmt: Formatter
) -> None:
    by_kind = {k: [d for d in overdue if d["kind"] == k.value] for k in Kind}
    # the summary: more than three of a kind in one line each, then every other item
    lines = _bullets(_section(brief, "**Försenat**", "\n## "))
    grouped = [k for k in (Kind.ACTION, Kind.MEETING, Kind.REPORT) if len(by_kind[k]) > 3]
    for kind, line in zip(grouped, lines, strict=False):
        assert line.startswith(f"{len(by_kind[kind])} "), (kind, line)
        first = min(date.fromisoformat(d["date"]) for d in by_kind[kind])
        assert f"sedan {fmt.date(first)}" in line, line
        # which rule made them late: too few occasions (TRY406, TRY408), or only too long
        # since the last one
        by_count = sum(1 for d in by_kind[kind] if d["rule"] in ("TRY406", "TRY408"))
        if kind is not Kind.ACTION:
            assert (f": {by_count} har " in line) == (by_count > 0), (by_count, line)
            others = len(by_kind[kind]) - by_count
            said = f"för {others} har det gått längre än" in line
            assert said == (others > 0), (others, line)
    listed = [f"{d['message']}." for d in overdue if Kind(d["kind"]) not in grouped]
    assert lines[len(grouped) : len(grouped) + len(listed)] == listed
    rest = lines[len(grouped) + len(listed) :]
    if overdue or any(not line.startswith("Inget") for line in rest):
        for line in rest:
            assert line.startswith(_EXTRA) or _EXTRA_PATTERN.match(line), line
    else:
        assert rest == ["Inget är försenat."]

    # the meetings table: late exactly when deadlines says so, since the same day, with the
    # same figures as the late line
    late_meetings = {d["title"].split(": ", 1)[1]: d for d in by_kind[Kind.MEETING]}
    table = {r[0]: r for r in _rows(_section(brief, "## Möten", "\n## ", "\n### "))}
    for name, d in late_meetings.items():
        day = fmt.date_in_year(date.fromisoformat(d["date"]), year)
        assert table[name][5] == f"Försenat sedan {day}", (name, table[name])
        _same_figures(d["message"], table[name][4])
    for name, row in table.items():
        assert row[5].startswith("Försenat") == (name in late_meetings), (name, row)

    # the reports table
    late_reports = by_kind[Kind.REPORT]
    reports = _rows(_section(brief, "### Rapporter"))
    for row in reports:
        if late_reports:
            day = fmt.date_in_year(date.fromisoformat(late_reports[0]["date"]), year)
            assert row[6] == f"Försenat sedan {day}", row
            _same_figures(late_reports[0]["message"], row[5])
        else:
            assert not row[6].startswith("Försenat"), row
    if late_reports:
        assert len(reports) == 1, reports

    # nothing late under "Enligt plan"
    good = " ".join(_bullets(_section(brief, "**Enligt plan**", "**Försenat**")))
    for name in late_meetings:
        assert f"{name} (" not in good.split("Rapporter lämnade", 1)[0], (name, good)
    if late_reports:
        assert "Rapporter lämnade enligt plan" not in good, good
    assert "inte klar" not in good, good

    # the actions: the count and the table of overdue ones
    actions = _section(brief, "## Åtgärder")
    late_actions = sorted(d["title"].split(": ", 1)[1] for d in by_kind[Kind.ACTION])
    if "Vid kvartalets slut försenade:" in actions:
        count = actions.split("Vid kvartalets slut försenade: ", 1)[1].split(";", 1)[0]
        assert int(count) == len(late_actions), actions
        assert sorted(r[0] for r in _rows(_section(actions, "### Försenade"))) == late_actions
    else:
        assert late_actions == []

    # the goal: missed in the brief's table exactly when deadlines says it is late
    late_goal = bool(by_kind[Kind.GOAL])
    for row in _rows(_section(brief, "## Mål")):
        assert (row[6] == "Ej uppnått i tid") == late_goal, row

    # the next quarter's list: what deadlines gives as due soon, on the same days
    upcoming = _rows(_section(brief, "## Att göra", "\n---"))
    assert [(r[0], r[1]) for r in upcoming] == [
        (fmt.date_in_year(date.fromisoformat(d["date"]), year), d["title"]) for d in soon
    ]


def _same_figures(message: str, cell: str) -> None:
    """The held-of-required figures of a late line and of its table cell agree."""
    said = _HELD.search(message)
    shown = re.match(r"(\d+) \w+ sedan .*, (\d+) krävs$", cell)
    if said is None:  # more held than asked for ("13 möten …, där 12 krävs"), or none asked for
        assert shown is not None and ("krävs" in cell or shown.group(2) == "0"), (message, cell)
        return
    assert shown is not None, (message, cell)
    assert said.groups() == shown.groups(), (message, cell)


def test_the_random_plans_are_valid() -> None:
    """The generator writes plans that validate and mean what they say."""
    example = RandomPlan(
        date(2023, 1, 1),
        (Body("grupp-1", "4 gånger per år", ((date(2023, 5, 15), ACUTE),), None, None),),
        "varje år",
        date(2023, 2, 1),
        (date(2023, 3, 1),),
        "vartannat år",
        (date(2023, 5, 1),),
        (Action("a-1", date(2023, 2, 1), date(2023, 3, 1), None),),
        (Document("bild", "lägesbild", date(2023, 8, 1), None, None),),
    )
    with tempfile.TemporaryDirectory() as folder:
        loaded = _loaded(example, folder)
        found = follow_up(loaded, Window(date(2023, 7, 1), 0))
        # the meetings of 1 February (an action decided) and 1 March (the report delivered)
        # count for kvartal 1 and 2; the acute one of 15 May does not, so a quarter after
        # 1 March the interval ran out (1 June)
        assert [(d.kind, d.key, d.date) for d in found.overdue] == [
            (Kind.ACTION, "a-1", date(2023, 3, 1)),
            (Kind.MEETING, "grupp-1", date(2023, 6, 1)),
            (Kind.LAW, "lagesbild", date(2023, 7, 1)),  # adopted only on 1 August
        ]
        [meetings] = [d for d in found.duties if d.kind is Kind.MEETING]
        assert (meetings.account.held, meetings.account.required) == (2, 2)
        found = follow_up(loaded, Window(date(2023, 10, 1), 0))
        assert [(d.kind, d.key, d.date) for d in found.overdue] == [
            (Kind.ACTION, "a-1", date(2023, 3, 1)),
            (Kind.MEETING, "grupp-1", date(2023, 6, 1)),
        ]
        assert {d.status for d in found.overdue} == {Status.OVERDUE}
