"""Properties of follow-up over random small plans and days (issue 11, "Done when").

* **Nothing late is forgotten.** Whatever is overdue on day *d* is still overdue on *d* + 1,
  late since the same day, unless something on *d* + 1 closes it: a meeting, a delivery or a
  follow-up held that day, an action done that day, a lägesbild adopted that day, or the end of
  a body on *d*. The days judged are drawn where follow-up turns: New Year's Eve, quarter and
  month ends, the day before and the day of everything the plan records.
* **One account everywhere.** For the same plan and quarter's end, what ``trygg report`` (its
  summary, its boxes and its tables), ``trygg deadlines --format json``, the calendar feed
  (``--format ics``) and ``trygg export --as-of`` (the overview, the meeting log and the goals
  page) show as late is the same items, in the same words and with the same figures. The
  commands are run as a user runs them.

The plans are small and random: one to three working groups with a cadence, meetings (some
of them acute), a start and an end; a reporting line, a follow-up in ``mal.yaml``; actions
decided at meetings, done on time, late or never; a lägesbild adopted on some day or never.
"""

from __future__ import annotations

import json
import re
import tempfile
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
from trygghet_cli.render.formatting import Formatter

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
]
START = date(2023, 1, 1)
LAST = date(2026, 12, 31)
days_in = st.integers(min_value=0, max_value=(LAST - START).days).map(
    lambda n: START + timedelta(days=n)
)
REGULAR, ACUTE = "ordinarie", "akut"
PLAN_DATES = [date(2023, 1, 1), date(2023, 7, 1), date(2024, 1, 1)]
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
    picture: date | None
    """When the lägesbild was adopted (None: the plan has none)."""

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
        for day in (self.plan_date, self.picture, self.report_since):
            if day is not None:
                out.add(day)
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
        documents += (
            "  - id: atgardsplan\n    typ: åtgärdsplan\n    titel: Åtgärdsplan\n"
            "    antaget: 2022-06-01\n    antaget_av: [ks]\n    revideras: vartannat år\n"
        )
        if self.picture:
            documents += (
                "  - id: lagesbild\n    typ: lägesbild\n    titel: Lägesbild\n"
                f"    antaget: {self.picture.isoformat()}\n    antaget_av: [ks]\n"
            )
        write(root / "styrdokument.yaml", documents)
        done = ", ".join(d.isoformat() for d in sorted(set(self.done)))
        write(
            root / "mal.yaml",
            "målområden: []\nuppföljning:\n  - id: enkat\n    beskrivning: Enkät.\n"
            f"    kadens: {self.follow_up}\n" + (f"    genomförd: [{done}]\n" if done else ""),
        )
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
        if self.picture == day:
            out |= {(Kind.LAW.value, "lagesbild"), (Kind.DOCUMENT.value, "lagesbild.review")}
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
    for i in range(draw(st.integers(min_value=1, max_value=3))):
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
    for i in range(draw(st.integers(min_value=0, max_value=3))):
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
        picture=draw(st.none() | days_in),
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


@settings(SETTINGS, max_examples=60)
@given(plan=plans(), extra=st.lists(days_in, max_size=8))
def test_nothing_late_is_forgotten_the_next_day(plan: RandomPlan, extra: list[date]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        loaded = _loaded(plan, folder)
        memo: dict[date, dict[tuple[str, str], date]] = {}

        def overdue(day: date) -> dict[tuple[str, str], date]:
            if day not in memo:
                found = follow_up(loaded, Window(day, 0))
                memo[day] = {(d.kind.value, d.key): d.date for d in found.overdue}
            return memo[day]

        days = sorted({*turning_days(plan), *extra})
        for day in days:
            after = day + timedelta(days=1)
            closed = plan.closed_on(after)
            today, tomorrow = overdue(day), overdue(after)
            forgotten = {k: v for k, v in today.items() if k not in closed and k not in tomorrow}
            assert not forgotten, f"late on {day}, forgotten on {after}: {forgotten}"
            moved = {
                k: (v, tomorrow[k])
                for k, v in today.items()
                if k not in closed and k in tomorrow and tomorrow[k] != v
            }
            assert not moved, f"late since another day on {after} than on {day}: {moved}"
        event(f"days judged: {len(days) // 25 * 25}+")
        event(f"kinds late on some day: {len({k for o in memo.values() for k, _ in o})}")


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


@settings(SETTINGS, max_examples=20)
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

    # the brief: its summary, its boxes and its tables
    brief = _cli("report", root, "--quarter", f"{year}Q{(period.start_month + 2) // 3}")
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

    # the next quarter's list: what deadlines gives as due soon, on the same days
    upcoming = _rows(_section(brief, "## Att göra", "\n---"))
    assert [(r[0], r[1]) for r in upcoming] == [
        (fmt.date_in_year(date.fromisoformat(d["date"]), year), d["title"]) for d in soon
    ]


def _same_figures(message: str, cell: str) -> None:
    """The held-of-required figures of a late line and of its table cell agree."""
    said = _HELD.search(message)
    shown = re.match(r"(\d+) av (\d+) sedan", cell) or re.match(r"(\d+) \((\d+) krävs\)", cell)
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
        date(2023, 8, 1),
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
