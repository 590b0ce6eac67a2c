"""One synthetic plan in trygg's format, for benchmarks and tests: names, files and meetings.

Plan number *i* is written from a random generator seeded with *i* and the number of years,
so it is the same whatever else is generated. Each plan bears a real kommun's name, code and
län (from trygg's register, so that ``trygg validate`` finds nothing wrong with them);
everything else is invented, and every meeting is marked illustrative.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from trygghet_cli.loading.kommuner import Kommun, kommun_register

LAST_YEAR = 2024
"""The last year of the meeting log; a corpus of Y years covers LAST_YEAR - Y + 1 ... LAST_YEAR."""

_COUNTIES = (
    ("01", "Stockholms län", "Stockholm", "Stockholm syd"),
    ("03", "Uppsala län", "Öst", "Uppsala"),
    ("04", "Södermanlands län", "Öst", "Sörmland"),
    ("05", "Östergötlands län", "Öst", "Östergötland"),
    ("06", "Jönköpings län", "Öst", "Jönköping"),
    ("07", "Kronobergs län", "Syd", "Kronoberg"),
    ("08", "Kalmar län", "Öst", "Kalmar"),
    ("09", "Gotlands län", "Stockholm", "Gotland"),
    ("10", "Blekinge län", "Syd", "Blekinge"),
    ("12", "Skåne län", "Syd", "Malmö"),
    ("13", "Hallands län", "Väst", "Halland"),
    ("14", "Västra Götalands län", "Väst", "Fyrbodal"),
    ("17", "Värmlands län", "Bergslagen", "Värmland"),
    ("18", "Örebro län", "Bergslagen", "Örebro"),
    ("19", "Västmanlands län", "Bergslagen", "Norra Västmanland"),
    ("20", "Dalarnas län", "Bergslagen", "Dalarna"),
    ("21", "Gävleborgs län", "Mitt", "Gävleborg"),
    ("22", "Västernorrlands län", "Nord", "Västernorrland"),
    ("23", "Jämtlands län", "Nord", "Jämtland"),
    ("24", "Västerbottens län", "Nord", "Västerbotten"),
    ("25", "Norrbottens län", "Nord", "Norrbotten"),
)
_AREAS = ("Centrum", "Resecentrum", "Norra området", "Södra området", "Hamnen", "Idrottsplatsen")
_PLACES = ("Busstorget", "Gångtunneln", "Skolgården", "Parkeringshuset", "Torget", "Lekplatsen")
_CATEGORIES = (
    ("skadegörelse", "Krossade rutor i väntkuren."),
    ("klotter", "Klotter på fasaden mot parken."),
    ("samlingsplats", "Större grupper samlas sena kvällar."),
    ("nedskräpning", "Nedskräpning efter helgen."),
    ("belysning", "Trasig belysning längs gångvägen."),
    ("ordningsstörning", "Störningar vid kiosken under helgkvällar."),
    ("brand", "Anlagd brand i papperskorg."),
    ("trafik", "Mopedåkning på gångbanan."),
)
_REPORTERS = ("Bostadsbolaget", "Polisen", "Räddningstjänsten", "Fritidsgården", "Skolan")
_AGENDA = (
    "Gemensam lägesbild",
    "Uppföljning av åtgärder",
    "Medborgarlöftet",
    "Nyckeltal och trygghetsmätning",
    "Kommande trygghetsvandring",
    "Rapport från EST-gruppen",
    "Övriga frågor",
)
_ROLES = (
    ("samordnare", "Samordnare för brottsförebyggande arbete", None),
    ("kommunpolis", "Kommunpolis", "Polismyndigheten"),
    ("socialchef", "Socialchef", None),
    ("skolchef", "Skolchef", None),
    ("fritidschef", "Fritidschef", None),
    ("bostadsbolag", "Trygghetsansvarig", "Det kommunala bostadsbolaget"),
    ("raddningstjanst", "Räddningschef", "Räddningstjänsten"),
    ("est-representanter", "Representanter från verksamheterna", None),
)
_ACTION_TEXTS = (
    "Boka trygghetsvandring med boende",
    "Anmäla trasig belysning till fastighetsägaren",
    "Sammanställa lägesbilden för månadsrapporten",
    "Kontakta skolan om samlingsplatsen",
    "Beställa sanering av klotter",
    "Följa upp mopedåkningen med polisen",
)


@dataclass(frozen=True)
class Body:
    id: str
    name: str
    kind: str
    cadence: str
    members: tuple[str, ...]


_BODIES = (
    Body("styrgrupp", "Styrgruppen", "styrgrupp", "4 gånger per år", ("socialchef", "skolchef")),
    Body(
        "lokala-bra",
        "Lokala BRÅ",
        "lokalt_brå",
        "6 gånger per år",
        ("samordnare", "kommunpolis", "socialchef", "fritidschef", "bostadsbolag"),
    ),
    Body(
        "est-grupp",
        "EST-gruppen",
        "est_grupp",
        "varannan vecka",
        ("samordnare", "kommunpolis", "est-representanter"),
    ),
    Body(
        "trygghetsrad",
        "Trygghetsrådet",
        "trygghetsråd",
        "4 gånger per år",
        ("samordnare", "raddningstjanst", "bostadsbolag"),
    ),
)


def kommun_of(index: int) -> Kommun:
    """The real kommun whose name and code plan ``index`` (0-based) bears: every one of the
    290 once in the first 290 plans, spread over the län (37 is prime to 290)."""
    kommuner = list(kommun_register())
    return kommuner[(index * 37) % len(kommuner)]


def plan_name(index: int) -> str:
    """The name of plan ``index``: a real kommun's (:func:`kommun_of`)."""
    return kommun_of(index).name


def folder_name(index: int) -> str:
    return f"{index + 1:03d}-" + (
        plan_name(index)
        .lower()
        .replace(" ", "-")
        .replace("å", "a")
        .replace("ä", "a")
        .replace("ö", "o")
    )


def _q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Writer:
    """Lines of one YAML file, starting with the schema comment editors read."""

    def __init__(self, schema: str, depth: int) -> None:
        up = "../" * depth
        self.lines = [f"# yaml-language-server: $schema={up}schemas/{schema}.schema.json"]

    def add(self, line: str) -> None:
        self.lines.append(line)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


@dataclass
class _Plan:
    index: int
    years: int
    rng: random.Random

    @property
    def first_year(self) -> int:
        return LAST_YEAR - self.years + 1

    @property
    def name(self) -> str:
        return plan_name(self.index)

    def county(self) -> tuple[str, str, str, str]:
        code = kommun_of(self.index).county_code
        return next(county for county in _COUNTIES if county[0] == code)

    # --- the plan's fixed files ---------------------------------------------------------------

    def kommun(self) -> str:
        _, county, region, area = self.county()
        w = _Writer("kommun", 2)
        w.add("# Syntetisk plan för prestandamätning: kommunens namn, kod och län är riktiga,")
        w.add("# allt annat är påhittat.")
        w.add(f"namn: {self.name}")
        w.add(f'kommunkod: "{kommun_of(self.index).code}"')
        w.add(f"län: {county}")
        w.add("folkmängd:")
        w.add(f"  antal: {self.rng.randrange(2500, 150000)}")
        w.add(f"  år: {LAST_YEAR}")
        w.add("polis:")
        w.add(f"  region: {region}")
        w.add(f"  polisområde: {area}")
        w.add("kontaktpersoner:")
        w.add("  - namn: Kim Exempelsson")
        w.add("    roll: Samordnare för det brottsförebyggande arbetet")
        w.add(f"    organisation: {self.name} kommun")
        w.add(f"    e_post: trygghet@{folder_name(self.index)[4:]}.example")
        w.add("arbetssätt:")
        w.add("  - EST – effektiv samordning för trygghet")
        w.add("  - Medborgarlöften tillsammans med Polisen")
        w.add(f"källa: {_q('Syntetisk korpus från trygg:s benchmarks/make_corpus.py')}")
        w.add(f"planen_gäller_från: {self.first_year}-01-01")
        return w.text()

    def organisation(self) -> str:
        w = _Writer("organisation", 2)
        w.add("roller:")
        for role_id, title, org in _ROLES:
            w.add(f"  - id: {role_id}")
            w.add(f"    titel: {title}")
            w.add(f"    organisation: {org or self.name + ' kommun'}")
        w.add("samordning:")
        w.add("  funktion: Brottsförebyggande samordning under kommunledningen")
        w.add("  samordnare:")
        w.add("    - roll: samordnare")
        w.add(f"      tjänstgöringsgrad: {self.rng.choice((50, 75, 100))}")
        w.add("      placering: Kommunledningen")
        w.add("  kommunpolis: [kommunpolis]")
        w.add(f"  inrättad: {self.first_year - 1}-09-01")
        w.add("organ:")
        start = f"{self.first_year - 1}-01-01"
        for body in _BODIES:
            w.add(f"  - id: {body.id}")
            w.add(f"    namn: {body.name}")
            w.add(f"    typ: {body.kind}")
            w.add("    ordförande: samordnare")
            w.add("    ledamöter:")
            for member in body.members:
                w.add(f"      - roll: {member}")
            w.add(f"    mötesfrekvens: {body.cadence}")
            w.add(f"    start: {start}")
            if body.id == "est-grupp":
                w.add("    lägesbild: true")
                w.add("    rapportering:")
                w.add("      - id: est-manadsrapport")
                w.add("        till: [lansstyrelsen, lokala-bra]")
                w.add("        kadens: varje månad")
                w.add("        innehåll: Den gemensamma lägesbilden från EST-arbetet.")
            elif body.id == "lokala-bra":
                w.add("    rapportering:")
                w.add("      - id: bra-till-ks")
                w.add("        till: [kommunstyrelsen]")
                w.add("        kadens: varje år")
                w.add("        innehåll: Verksamhetsberättelse för det brottsförebyggande arbetet.")
        for year in self.year_range():
            w.add(f"  - id: arbetsgrupp-{year}")
            w.add(f"    namn: Arbetsgrupp fördjupad kartläggning {year}")
            w.add("    typ: arbetsgrupp")
            w.add("    tillsatt_av: lokala-bra")
            w.add("    ledamöter:")
            w.add("      - roll: samordnare")
            w.add("      - roll: kommunpolis")
            w.add(f"    start: {year}-03-01")
            w.add(f"    slut: {year}-10-31")
            w.add("    illustrativ: true")
        w.add("  - id: kommunstyrelsen")
        w.add("    namn: Kommunstyrelsen")
        w.add("    typ: nämnd")
        w.add("  - id: lansstyrelsen")
        w.add(f"    namn: Länsstyrelsen i {self.county()[1]}")
        w.add("    typ: extern")
        return w.text()

    def year_range(self) -> range:
        return range(self.first_year, LAST_YEAR + 1)

    def styrdokument(self) -> str:
        w = _Writer("styrdokument", 2)
        w.add("dokument:")
        for year in self.year_range():
            if (year - self.first_year) % 3 == 0:
                w.add(f"  - id: overenskommelse-{year}")
                w.add("    typ: samverkansöverenskommelse")
                w.add(f"    titel: Samverkansöverenskommelse {year}–{year + 2}")
                w.add(f"    parter: [{self.name} kommun, Polisen]")
                w.add(f"    antaget: {year - 1}-12-10")
                w.add("    antaget_av: [kommunstyrelsen, kommunpolis]")
                w.add(f"    gäller_från: {year}-01-01")
                w.add(f"    gäller_till: {year + 2}-12-31")
                w.add("    revideras: var tredje år")
                w.add("    ansvarig: samordnare")
            w.add(f"  - id: medborgarlofte-{year}")
            w.add("    typ: medborgarlöfte")
            w.add(f"    titel: Medborgarlöfte {self.name} {year}")
            w.add(f"    antaget: {year}-01-20")
            w.add("    antaget_av: [kommunstyrelsen, kommunpolis]")
            w.add(f"    gäller_från: {year}-02-01")
            w.add(f"    gäller_till: {year}-12-31")
            w.add("    revideras: varje år")
            w.add("    innehåll:")
            w.add("      - Trygghetsvandringar i centrum")
            w.add("      - Ökad närvaro kvällstid vid resecentrum")
        return w.text()

    def activities(self) -> list[tuple[str, int]]:
        """(id, year) of every activity: two standing ones and two a year."""
        out = [("est-arbete", self.first_year), ("trygghetsvandringar", self.first_year)]
        for year in self.year_range():
            out += [(f"belysning-{year}", year), (f"kartlaggning-{year}", year)]
        return out

    def aktiviteter(self) -> str:
        w = _Writer("aktiviteter", 2)
        w.add("aktiviteter:")
        w.add("  - id: est-arbete")
        w.add("    namn: EST – effektiv samordning för trygghet")
        w.add("    typ: aktivitet")
        w.add("    inriktning: situationell")
        w.add("    ansvarig: samordnare")
        w.add("    organ: est-grupp")
        w.add(f"    start: {self.first_year}-01-01")
        w.add("    status: pågående")
        w.add("    följs_upp: varje månad")
        w.add("  - id: trygghetsvandringar")
        w.add("    namn: Trygghetsvandringar med boende")
        w.add("    typ: aktivitet")
        w.add("    inriktning: situationell")
        w.add("    ansvarig: samordnare")
        w.add("    organ: trygghetsrad")
        w.add(f"    start: {self.first_year}-03-01")
        w.add("    status: pågående")
        for year in self.year_range():
            done = year < LAST_YEAR
            w.add(f"  - id: belysning-{year}")
            w.add(f"    namn: Bättre belysning i {self.rng.choice(_AREAS).lower()} {year}")
            w.add("    typ: åtgärd")
            w.add("    inriktning: situationell")
            w.add("    ansvarig: raddningstjanst")
            w.add("    organ: lokala-bra")
            w.add(f"    start: {year}-02-01")
            w.add(f"    klart_senast: {year}-11-30")
            w.add(f"    status: {'klar' if done else 'pågående'}")
            if done:
                w.add(f"    klar_datum: {year}-11-{self.rng.randrange(10, 29)}")
            w.add(f"    dokument: [medborgarlofte-{year}]")
            w.add(f"  - id: kartlaggning-{year}")
            w.add(f"    namn: Fördjupad kartläggning {year}")
            w.add("    typ: projekt")
            w.add("    inriktning: social")
            w.add(f"    ansvarig: arbetsgrupp-{year}")
            w.add(f"    organ: arbetsgrupp-{year}")
            w.add(f"    start: {year}-03-01")
            w.add(f"    klart_senast: {year}-10-31")
            w.add(f"    status: {'klar' if done else 'pågående'}")
            if done:
                w.add(f"    klar_datum: {year}-10-{self.rng.randrange(10, 31)}")
            w.add("    utvärdering:")
            w.add("      utförare: Regionalt kunskapscentrum")
            w.add(f"      rapport_senast: {year + 1}-03-31")
        return w.text()

    def nyckeltal(self) -> str:
        _, _, _, police_area = self.county()
        w = _Writer("nyckeltal", 2)
        w.add("nyckeltal:")
        series = (
            (
                "anmalda-brott",
                "Anmälda brott per 100 000 invånare",
                "per_100000_invånare",
                "brå",
                "anmalda-brott-per-100000",
                9000.0,
                None,
            ),
            (
                "utsatthet-ntu",
                "Självrapporterad utsatthet för brott mot enskild person",
                "procent",
                "ntu",
                "ntu-utsatthet-brott-mot-person",
                21.0,
                police_area,
            ),
            (
                "otrygghet-kvall",
                "Otrygghet vid utevistelse sen kväll",
                "procent",
                "ntu",
                "ntu-otrygghet-kvall",
                28.0,
                police_area,
            ),
            ("skadegorelse", "Anmäld skadegörelse", "antal", "polisen", None, 420.0, None),
            (
                "trygghetsindex",
                "Trygghetsindex",
                "index",
                "scb_medborgarundersökning",
                None,
                55.0,
                None,
            ),
        )
        for ident, name, unit, source, national, base, area in series:
            w.add(f"  - id: {ident}")
            w.add(f"    namn: {name}")
            w.add(f"    enhet: {unit}")
            w.add(f"    bättre: {'högre' if ident == 'trygghetsindex' else 'lägre'}")
            w.add(f"    källa: {{typ: {source}}}")
            if national:
                w.add(f"    nationell_serie: {national}")
            w.add("    värden:")
            value = base * self.rng.uniform(0.7, 1.3)
            for year in self.year_range():
                value *= self.rng.uniform(0.92, 1.06)
                w.add(f"      - period: {year}")
                w.add(f"        värde: {round(value, 1)}")
                if area:
                    w.add(f"        geografi: {{nivå: polisområde, namn: {area}}}")
                else:
                    w.add("        geografi: {nivå: kommun}")
                if year == LAST_YEAR:
                    w.add("        preliminär: true")
        return w.text()

    def mal(self) -> str:
        w = _Writer("mal", 2)
        first, last = self.first_year, LAST_YEAR
        w.add("målområden:")
        w.add("  - id: trygghet")
        w.add("    namn: Trygghet i offentlig miljö")
        w.add("    mål:")
        w.add("      - id: minska-brott")
        w.add("        text: Minska antalet anmälda brott per 100 000 invånare.")
        w.add("        typ: effektmål")
        w.add("        nyckeltal: anmalda-brott")
        w.add(f"        utgångsläge: {{värde: 9500, period: {first}}}")
        w.add(f"        målvärde: {{värde: 8000, period: {last}}}")
        w.add("        ansvarig: lokala-bra")
        w.add(f"        senast: {last}-12-31")
        w.add("        aktiviteter: [est-arbete, trygghetsvandringar]")
        w.add(f"        dokument: [overenskommelse-{first}]")
        w.add("        delmål:")
        w.add("          - id: minska-skadegorelse")
        w.add("            text: Minska den anmälda skadegörelsen.")
        w.add("            typ: effektmål")
        w.add("            nyckeltal: skadegorelse")
        w.add(f"            utgångsläge: {{värde: 450, period: {first}}}")
        w.add(f"            målvärde: {{värde: 350, period: {last}}}")
        w.add("            ansvarig: samordnare")
        w.add(f"            senast: {last}-12-31")
        w.add("            aktiviteter:")
        for year in self.year_range():
            w.add(f"              - belysning-{year}")
        w.add("      - id: minska-otrygghet")
        w.add("        text: Minska andelen som känner sig otrygga sen kväll.")
        w.add("        typ: effektmål")
        w.add("        nyckeltal: otrygghet-kvall")
        w.add(f"        utgångsläge: {{värde: 29.0, period: {first}}}")
        w.add(f"        målvärde: {{värde: 24.0, period: {last}}}")
        w.add("        ansvarig: lokala-bra")
        w.add(f"        senast: {last}-12-31")
        w.add("  - id: samverkan")
        w.add("    namn: Samverkan och lägesbild")
        w.add("    mål:")
        w.add("      - id: gemensam-lagesbild")
        w.add("        text: Ta fram en gemensam lägesbild varannan vecka.")
        w.add("        typ: processmål")
        w.add("        ansvarig: samordnare")
        w.add("        aktiviteter: [est-arbete]")
        w.add("      - id: kartlaggningar")
        w.add("        text: Genomföra en fördjupad kartläggning om året.")
        w.add("        typ: produktionsmål")
        w.add("        ansvarig: samordnare")
        w.add("        aktiviteter:")
        for year in self.year_range():
            w.add(f"          - kartlaggning-{year}")
        w.add("uppföljning:")
        w.add("  - id: nyckeltalsanalys")
        w.add("    beskrivning: Analys av nyckeltal ur brottsstatistik och trygghetsmätningar.")
        w.add("    ansvarig: samordnare")
        w.add("    kadens: varje år")
        w.add("    redovisas_för: [lokala-bra, styrgrupp]")
        w.add("    nyckeltal: [anmalda-brott, utsatthet-ntu, otrygghet-kvall, skadegorelse]")
        w.add("    genomförd:")
        for year in self.year_range():
            w.add(f"      - {year}-02-15")
        return w.text()

    # --- the meeting log ----------------------------------------------------------------------

    def meeting_dates(self, year: int) -> list[tuple[date, Body]]:
        """About 40 meetings: EST every other week, the councils as their cadence says."""
        out: list[tuple[date, Body]] = []
        by_id = {b.id: b for b in _BODIES}
        first_tuesday = date(year, 1, 1) + timedelta(days=(1 - date(year, 1, 1).weekday()) % 7)
        day = first_tuesday + timedelta(days=7)
        while day.year == year:
            out.append((day, by_id["est-grupp"]))
            day += timedelta(days=14)
        for month in (2, 4, 5, 9, 10, 12):
            out.append((date(year, month, 8 + self.rng.randrange(0, 10)), by_id["lokala-bra"]))
        for month in (3, 6, 9, 11):
            out.append((date(year, month, 20 + self.rng.randrange(0, 8)), by_id["styrgrupp"]))
        for month in (1, 4, 8, 11):
            out.append((date(year, month, 1 + self.rng.randrange(0, 6)), by_id["trygghetsrad"]))
        return sorted(out, key=lambda item: (item[0], item[1].id))

    def meeting(self, day: date, body: Body, seq: int, first_of_month: bool) -> str:
        rng = self.rng
        w = _Writer("mote", 3)
        w.add(f"datum: {day.isoformat()}")
        w.add(f"organ: {body.id}")
        w.add("plats: Kommunhuset")
        w.add(f"närvarande: [{', '.join(body.members)}]")
        w.add("dagordning:")
        for item in rng.sample(_AGENDA, 3):
            w.add(f"  - {item}")
        w.add("beslut:")
        w.add(f"  - id: beslut-{day.isoformat()}-{body.id}")
        w.add(f"    text: Lägga {rng.choice(_ACTION_TEXTS).lower()} till handlingarna.")
        if body.id in ("lokala-bra", "styrgrupp"):
            w.add("    inriktningsbeslut: true")
        w.add("åtgärder:")
        activity = rng.choice(
            ["est-arbete", "trygghetsvandringar", f"belysning-{day.year}"]
            + ([f"kartlaggning-{day.year}"] if 3 <= day.month <= 10 else [])
        )
        for n in range(rng.randrange(1, 4)):
            due = day + timedelta(days=rng.randrange(7, 60))
            closed = due.year < LAST_YEAR or due.month < 6
            w.add(f"  - id: a-{seq:04d}-{n + 1}")
            w.add(f"    text: {rng.choice(_ACTION_TEXTS)}")
            w.add(f"    ansvarig: {rng.choice(body.members)}")
            w.add(f"    senast: {due.isoformat()}")
            w.add(f"    status: {'klar' if closed else 'öppen'}")
            if closed:
                done = day + timedelta(days=rng.randrange(1, (due - day).days + 1))
                w.add(f"    klar_datum: {done.isoformat()}")
            w.add(f"    aktivitet: {activity}")
        reports = []
        if body.id == "est-grupp" and first_of_month:
            reports.append("est-manadsrapport")
        if body.id == "lokala-bra" and day.month == 12:
            reports.append("bra-till-ks")
        if reports:
            w.add(f"rapporter: [{', '.join(reports)}]")
        if body.id == "est-grupp":
            w.add("lägesbild:")
            week = day - timedelta(days=7)
            iso_year, iso_week, _ = week.isocalendar()
            for _ in range(rng.randrange(2, 6)):
                category, text = rng.choice(_CATEGORIES)
                w.add(f"  - vecka: {iso_year}-W{iso_week:02d}")
                w.add(f"    område: {rng.choice(_AREAS)}")
                w.add(f"    plats: {rng.choice(_PLACES)}")
                w.add(f"    kategori: {category}")
                w.add(f"    beskrivning: {text}")
                w.add(f"    rapporterad_av: {rng.choice(_REPORTERS)}")
                w.add(f"    antal: {rng.randrange(1, 6)}")
                w.add(f"    bedömning: {rng.randrange(1, 5)}")
        w.add("illustrativ: true")
        return w.text()


def write_plan(out: Path, index: int, years: int) -> int:
    """Write plan ``index`` below ``out``; returns the number of files written."""
    plan = _Plan(index, years, random.Random(f"trygg-corpus-{index}-{years}"))
    root = out / folder_name(index)
    (root / "moten").mkdir(parents=True, exist_ok=True)
    files = {
        "kommun.yaml": plan.kommun(),
        "organisation.yaml": plan.organisation(),
        "styrdokument.yaml": plan.styrdokument(),
        "mal.yaml": plan.mal(),
        "aktiviteter.yaml": plan.aktiviteter(),
        "nyckeltal.yaml": plan.nyckeltal(),
    }
    seq = 0
    for year in plan.year_range():
        seen_months: set[tuple[int, str]] = set()
        for day, body in plan.meeting_dates(year):
            seq += 1
            first = (day.month, body.id) not in seen_months
            seen_months.add((day.month, body.id))
            name = f"moten/{day.isoformat()}-{body.id}.yaml"
            files[name] = plan.meeting(day, body, seq, first)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return len(files)
