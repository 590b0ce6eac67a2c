"""Small plans built inside a test, so that the right answer can be worked out by hand.

``make_plan`` writes a plan with one kommun, a coordinator, the bodies given as YAML and
meetings as (date, body) pairs; everything else is left out unless asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from tests.conftest import write

KOMMUN = """namn: Stockholm
kommunkod: "0180"
län: Stockholms län
folkmängd: {{antal: 1000, år: 2020}}
polis: {{polisområde: Stockholm syd}}
{plan_date}"""

ORGANISATION = """roller:
  - id: samordnare
    titel: Samordnare
    organisation: Stockholms stad
samordning:
  samordnare:
    - roll: samordnare
organ:
{bodies}  - id: ks
    namn: Kommunstyrelsen
    typ: nämnd
"""

DOCUMENTS = """dokument:
  - id: lagesbild
    typ: lägesbild
    titel: Lägesbild
    antaget: {adopted}
    antaget_av: [ks]
    revideras: vart tredje år
  - id: atgardsplan
    typ: åtgärdsplan
    titel: Åtgärdsplan
    antaget: {adopted}
    antaget_av: [ks]
    revideras: vart tredje år
"""


def body(
    id: str,
    cadence: str,
    *,
    name: str | None = None,
    reports: Iterable[tuple[str, str] | tuple[str, str, str]] = (),
    extra: str = "",
) -> str:
    """One body under ``organ:``; ``reports`` are (id, cadence) of its reporting lines, or
    (id, cadence, content)."""
    text = (
        f"  - id: {id}\n    namn: {name or id.capitalize()}\n    typ: lokalt_brå\n"
        f"    mötesfrekvens: {cadence}\n{extra}"
    )
    lines = list(reports)
    if lines:
        text += "    rapportering:\n"
        for report, report_cadence, *content in lines:
            text += (
                f"      - id: {report}\n        till: [ks]\n        kadens: {report_cadence}\n"
                f"        innehåll: {content[0] if content else 'Rapport'}\n"
            )
    return text


def make_plan(
    root: Path,
    bodies: Iterable[str],
    meetings: Iterable[tuple[date, str] | date] = (),
    *,
    plan_date: date | None = date(2024, 1, 1),
    follow_ups: str = "",
    documents: bool = True,
    reports_at: Iterable[tuple[date, str, str]] = (),
) -> Path:
    """A plan in ``root``: ``meetings`` are (day, body), or a day for the first body;
    ``reports_at`` (day, body, report id) are meetings at which a report was delivered."""
    listed = list(bodies)
    dated = f"planen_gäller_från: {plan_date.isoformat()}\n" if plan_date else ""
    write(root / "kommun.yaml", KOMMUN.format(plan_date=dated))
    write(root / "organisation.yaml", ORGANISATION.format(bodies="".join(listed)))
    if documents:
        write(root / "styrdokument.yaml", DOCUMENTS.format(adopted=date(2023, 7, 1).isoformat()))
    if follow_ups:
        write(root / "mal.yaml", "målområden: []\nuppföljning:\n" + follow_ups)
    first = listed[0].split("id: ", 1)[1].split("\n", 1)[0] if listed else ""
    for item in meetings:
        day, who = item if isinstance(item, tuple) else (item, first)
        meeting(root, day, who)
    for day, who, report in reports_at:
        meeting(root, day, who, reports=[report])
    return root


def meeting(
    root: Path, day: date, body: str, *, kind: str = "ordinarie", reports: Iterable[str] = ()
) -> Path:
    listed = list(reports)
    text = f"datum: {day.isoformat()}\norgan: {body}\ntyp: {kind}\n"
    if listed:
        text += f"rapporter: [{', '.join(listed)}]\n"
    return write(root / "moten" / f"{day.isoformat()}-{body}.yaml", text)


def follow_up(id: str, cadence: str, done: Iterable[date] = ()) -> str:
    text = f"  - id: {id}\n    beskrivning: Uppföljning {id}.\n    kadens: {cadence}\n"
    days = list(done)
    if days:
        text += f"    genomförd: [{', '.join(d.isoformat() for d in days)}]\n"
    return text


KARLSBORG = """namn: Karlsborg
kommunkod: "1446"
län: Västra Götalands län
folkmängd: {antal: 6900, år: 2024}
polis: {polisområde: Skaraborg}
planen_gäller_från: 2025-01-01
"""
KARLSBORG_FOLLOW_UPS = (date(2025, 4, 10), date(2025, 7, 14), date(2025, 10, 1), date(2026, 1, 20))


def karlsborg(
    root: Path,
    reports_at: Iterable[tuple[date, str, str]] = ((date(2025, 2, 10), "bra", "utvardering"),),
    *,
    content: str = "Handlingsprogram",
) -> Path:
    """A plan like Karlsborg's årshjul, from 1 January 2025: the BRÅ sends its
    handlingsprogram (``content``) to kommunstyrelsen ``varje år senast 31 december`` (never
    sent here) and its utvärdering ``varje år i februari`` (sent 10 February 2025); the work
    is followed up ``varje kvartal senast den 15:e``, done 10 April, 14 July and 1 October 2025
    and 20 January 2026 (kvartal 4 late, but done). ``reports_at`` are (day, body, report id)."""
    bra = body(
        "bra",
        "vid behov",
        name="Karlsborgs BRÅ",
        reports=[
            ("handlingsprogram", "varje år senast 31 december", content),
            ("utvardering", "varje år i februari", "Utvärdering"),
        ],
    )
    make_plan(
        root,
        [bra],
        plan_date=date(2025, 1, 1),
        reports_at=reports_at,
        follow_ups=follow_up("kvartal", "varje kvartal senast den 15:e", KARLSBORG_FOLLOW_UPS),
    )
    write(root / "kommun.yaml", KARLSBORG)
    return root
