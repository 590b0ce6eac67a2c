"""``trygg indicator fetch``: Kolada's API (v3) read page by page, against a local server
that answers as Kolada does (issue 13). No test here touches the internet.

The KPIs are real Kolada ids, checked against Kolada's own KPI metadata
(tests/fixtures/kolada/kpi.json, docs/indicator.md); the values are made up.
"""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run
from trygghet_cli.loading.kolada.api import data_urls

METADATA = Path(__file__).parent / "fixtures" / "kolada" / "kpi.json"

INDICATORS = """\
  - id: stold
    namn: Anmälda stöld- och tillgreppsbrott per 1 000 invånare
    enhet: per_1000_invånare
    bättre: lägre
    källa: {typ: kolada, kolada_kpi: U07417}
    värden: []
  - id: oro-inbrott
    namn: Invånare som upplevt oro för bostadsinbrott
    enhet: procent
    bättre: lägre
    källa: {typ: kolada, kolada_kpi: U07453}
    värden: []
"""


def _value(
    gender: str, value: float | None, *, deleted: bool = False, status: str = ""
) -> dict[str, Any]:
    return {"count": 1, "gender": gender, "status": status, "value": value, "isdeleted": deleted}


def _row(kpi: str, municipality: str, year: int, *values: dict[str, Any]) -> dict[str, Any]:
    return {"kpi": kpi, "municipality": municipality, "period": year, "values": list(values)}


PAGE_1 = [
    _row("U07417", "0180", 2021, _value("K", 40.1), _value("M", 50.3), _value("T", 45.2)),
    _row("U07417", "0000", 2021, _value("T", 38.5)),
    _row("U07417", "G33402", 2021, _value("T", 41.0)),
]
PAGE_2 = [
    _row("U07417", "0180", 2022, _value("T", None, status="Ej publicerad")),
    _row("U07417", "0180", 2020, _value("T", 99.9, deleted=True)),
    _row("U07417", "0000", 2022, _value("T", 37.9)),
]


@dataclass
class Kolada:
    """A local stand-in for api.kolada.se: ``pages`` maps a path (without the query) to its
    pages; ``fail`` gives a status for the first N requests; ``delay`` holds every answer."""

    base: str = ""
    pages: dict[str, list[list[dict[str, Any]]]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    status: int = 200
    fail_first: int = 0
    delay: float = 0.0
    raw: bytes | None = None

    def page(self, path: str, number: int) -> bytes:
        chain = self.pages.get(path)
        if chain is None:
            return json.dumps({"values": [], "count": 0, "next_url": ""}).encode()
        values = chain[number - 1]
        more = number < len(chain)
        body = {
            "count": sum(len(p) for p in chain),
            "values": values,
            "next_url": f"{self.base}{path}?per_page=5000&page={number + 1}" if more else "",
            "previous_url": f"{self.base}{path}?page={number - 1}" if number > 1 else "",
        }
        return json.dumps(body, ensure_ascii=False).encode()


@pytest.fixture
def kolada(monkeypatch: pytest.MonkeyPatch) -> Iterator[Kolada]:
    state = Kolada()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append(self.path)
            if state.delay:
                time.sleep(state.delay)
            path, _, query = self.path.partition("?")
            if state.fail_first > 0 or state.status != 200:
                state.fail_first -= 1
                self.send_response(state.status if state.status != 200 else 500)
                self.end_headers()
                self.wfile.write(b'{"error": "Internal Server Error"}')
                return
            number = 1
            for part in query.split("&"):
                if part.startswith("page="):
                    number = int(part[5:])
            body = (
                state.raw if state.raw is not None else state.page(path.removeprefix("/v3"), number)
            )
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: object, client_address: object) -> None:
            """A client that gave up (the timeout test) is no error of the server's, and the
            traceback would land in the next command's captured stderr."""

    server = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}/v3"
    monkeypatch.setenv("TRYGG_KOLADA_URL", state.base)
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def fetch_plan(plan: Path) -> Path:
    with (plan / "nyckeltal.yaml").open("a", encoding="utf-8") as f:
        f.write(INDICATORS)
    return plan


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


STOLD = "/data/kpi/U07417/municipality/0180,0000/year/2020,2021,2022"


def test_fetch_follows_next_url_and_writes_kommun_and_riket(
    kolada: Kolada, fetch_plan: Path, run: Run
) -> None:
    kolada.pages[STOLD] = [PAGE_1, PAGE_2]
    result = run("indicator", "fetch", "U07417", "--years", "2020-2022", "--plan", str(fetch_plan))
    assert result.exit_code == 0, result.output
    assert kolada.requests == [
        f"/v3{STOLD}?per_page=5000",
        f"/v3{STOLD}?per_page=5000&page=2",
    ]
    assert result.output.splitlines() == [
        "Kolada sida 1, post 1: överhoppat: U07417 2021: kön K, importen tar T",
        "Kolada sida 1, post 2: överhoppat: U07417 2021: kön M, importen tar T",
        "Kolada sida 1, post 3: tillagt: stold 2021 (kommun): 45,2",
        "Kolada sida 1, post 4: tillagt: stold 2021 (riket): 38,5 (Kolada, 0000 Riket)",
        "Kolada sida 1, post 5: överhoppat: G33402 är en kommungrupp i Kolada, inte en kommun",
        "Kolada sida 2, post 1: överhoppat: U07417 2022: inget värde (status: Ej publicerad)",
        "Kolada sida 2, post 2: tillagt: stold 2022 (riket): 37,9 (Kolada, 0000 Riket)",
        "7 rader i Kolada (kön T): 3 tillagda, 4 överhoppade.",
        "Obs: 1 rad gällde en kommungrupp eller en region i Kolada, inte en kommun; den "
        "hoppades över.",
        f"Hämtade 2 sidor från Kolada ({kolada.base}): U07417 för 0180 och 0000 Riket, 2020–2022.",
        f"Skrev {fetch_plan}/nyckeltal.yaml.",
    ]
    text = (fetch_plan / "nyckeltal.yaml").read_text(encoding="utf-8")
    assert (
        "    källa: {typ: kolada, kolada_kpi: U07417}\n"
        "    värden:\n"
        "      - period: 2021\n"
        "        värde: 45.2\n"
        "        geografi: {nivå: kommun}\n"
        "      - period: 2021\n"
        "        värde: 38.5\n"
        "        geografi: {nivå: riket}\n"
        "        källa: {typ: kolada, kolada_kpi: U07417}\n"
        "      - period: 2022\n"
        "        värde: 37.9\n"
        "        geografi: {nivå: riket}\n"
        "        källa: {typ: kolada, kolada_kpi: U07417}\n"
    ) in text
    assert "99.9" not in text  # the row Kolada marked deleted
    assert run("validate", str(fetch_plan)).exit_code == 0
    compare = run("compare", str(fetch_plan)).stdout
    assert "Rikets värde för 2021 är hämtat ur Kolada (U07417, 0000 Riket)." in compare


def test_fetch_of_another_gender(kolada: Kolada, fetch_plan: Path, run: Run) -> None:
    kolada.pages[STOLD] = [PAGE_1, PAGE_2]
    result = run(
        "indicator", "fetch", "U07417", "--years", "2020-2022", "--gender", "k",
        "--plan", str(fetch_plan),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Kolada sida 1, post 1: tillagt: stold 2021 (kommun): 40,1" in result.output
    assert "(kön K): 1 tillagd, 6 överhoppade." in result.output


def test_without_ids_every_kpi_of_the_plan_is_fetched_and_all_years(
    kolada: Kolada, fetch_plan: Path, run: Run
) -> None:
    result = run("indicator", "fetch", "--plan", str(fetch_plan))
    assert result.exit_code == 0, result.output
    assert kolada.requests == ["/v3/data/kpi/U07417,U07453/municipality/0180,0000?per_page=5000"]
    assert "inget att importera" in result.output


def test_a_long_list_is_asked_for_in_parts_of_25() -> None:
    kpis = [f"N{n:05d}" for n in range(30)]
    urls = data_urls("https://api.kolada.se/v3", kpis, ["0180", "0000"], list(range(1990, 2021)))
    assert len(urls) == 4
    assert urls[0].count(",") == 24 + 1 + 24
    assert urls[3].endswith(
        "/municipality/0180,0000/year/2015,2016,2017,2018,2019,2020?per_page=5000"
    )


def test_a_server_error_is_retried_then_reported_and_the_plan_is_untouched(
    kolada: Kolada, fetch_plan: Path, run: Run
) -> None:
    kolada.status = 500
    before = snapshot(fetch_plan)
    result = run("indicator", "fetch", "U07417", "--retries", "1", "--plan", str(fetch_plan))
    assert result.exit_code == 1
    assert len(kolada.requests) == 2
    assert result.stderr.splitlines()[0] == (
        "trygg: Kolada svarade HTTP 500 (ett fel hos Kolada) 2 gånger; ingen fil ändrades."
    )
    assert "Traceback" not in result.output
    assert snapshot(fetch_plan) == before


def test_a_server_error_that_passes_is_retried(kolada: Kolada, fetch_plan: Path, run: Run) -> None:
    kolada.pages[STOLD] = [PAGE_1]
    kolada.fail_first = 1
    result = run("indicator", "fetch", "U07417", "--years", "2020-2022", "--plan", str(fetch_plan))
    assert result.exit_code == 0, result.output
    assert len(kolada.requests) == 2
    assert "tillagt: stold 2021 (kommun): 45,2" in result.output


def test_a_timeout_is_reported_in_swedish_and_english(
    kolada: Kolada, fetch_plan: Path, run: Run
) -> None:
    kolada.delay = 1.5
    before = snapshot(fetch_plan)
    args = ("indicator", "fetch", "U07417", "--timeout", "0,2", "--retries", "0")
    sv = run(*args, "--plan", str(fetch_plan))
    assert sv.exit_code == 1
    assert sv.stderr.splitlines()[0] == (
        "trygg: Kolada svarade inte inom 0,2 sekunder (en gång); ingen fil ändrades."
    )
    assert "tips: Försök igen om en stund" in sv.stderr
    en = run(*args, "--plan", str(fetch_plan), "--lang", "en")
    assert en.stderr.splitlines()[0] == (
        "trygg: Kolada did not answer within 0.2 seconds (once); no file was changed."
    )
    assert snapshot(fetch_plan) == before


def test_no_network(fetch_plan: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("TRYGG_KOLADA_URL", f"http://127.0.0.1:{port}/v3")
    result = run("indicator", "fetch", "--retries", "0", "--plan", str(fetch_plan))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"trygg: Kan inte nå Kolada (127.0.0.1:{port}) (en gång); ingen fil ändrades."
    )


def test_a_damaged_page_names_its_address(kolada: Kolada, fetch_plan: Path, run: Run) -> None:
    kolada.raw = b'{"values": [{"kpi": "U07417", "municipality": "0180", "period": 2021,'
    before = snapshot(fetch_plan)
    result = run("indicator", "fetch", "U07417", "--plan", str(fetch_plan))
    assert result.exit_code == 1
    url = f"{kolada.base}/data/kpi/U07417/municipality/0180,0000?per_page=5000"
    assert result.stderr.splitlines()[0] == (
        "trygg: Koladas svar kan inte importeras (1 fel); ingen fil ändrades."
    )
    assert f"{url}:1:" in result.stderr and "TRY501" in result.stderr
    assert snapshot(fetch_plan) == before


def test_answers_are_cached_and_refresh_asks_again(
    kolada: Kolada, fetch_plan: Path, run: Run
) -> None:
    kolada.pages[STOLD] = [PAGE_1, PAGE_2]
    args = ("indicator", "fetch", "U07417", "--years", "2020-2022", "--dry-run")
    first = run(*args, "--plan", str(fetch_plan))
    assert first.exit_code == 0, first.output
    assert len(kolada.requests) == 2
    second = run(*args, "--plan", str(fetch_plan))
    assert len(kolada.requests) == 2  # both pages from the cache
    assert "Hämtade 2 sidor från Kolada" in second.output
    assert "(båda ur cachen, högst 24 timmar gamla; --refresh hämtar på nytt)" in second.output
    third = run(*args, "--refresh", "--plan", str(fetch_plan))
    assert third.exit_code == 0
    assert len(kolada.requests) == 4
    fourth = run(*args, "--no-cache", "--plan", str(fetch_plan))
    assert fourth.exit_code == 0
    assert len(kolada.requests) == 6


def test_a_kpi_no_indicator_names_is_refused_before_asking(
    kolada: Kolada, fetch_plan: Path, run: Run
) -> None:
    result = run("indicator", "fetch", "N07403", "--plan", str(fetch_plan))
    assert result.exit_code == 1
    assert kolada.requests == []
    assert (
        f"trygg: Inget nyckeltal i {fetch_plan}/nyckeltal.yaml har kolada_kpi: N07403; värdena "
        "skulle inte hamna någonstans. Planens Kolada-id: U07417, U07453." in result.stderr
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("N0754",), "Fel: Ogiltigt värde för 'KPI': 'N0754' är inget Kolada-id; ett id är en "),
        (("--years", "2021-20"), "'2021-20': åren ska ligga mellan 1900 och 2100"),
        (("--years", "förra året"), "'förra året' är inga år; skriv t.ex. 2023, 2021,2023"),
    ],
)
def test_usage_errors(
    kolada: Kolada, fetch_plan: Path, run: Run, args: tuple[str, ...], message: str
) -> None:
    result = run("indicator", "fetch", *args, "--plan", str(fetch_plan))
    assert result.exit_code == 2
    assert message in result.output
    assert kolada.requests == []


def test_the_progress_bar_shows_on_a_terminal_for_a_long_fetch() -> None:
    from rich.console import Console

    from trygghet_cli.render.progress import page_progress

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    with page_progress("sv", console) as progress:
        progress(1, 3)
        progress(2, 3)
    assert "Hämtar från Kolada" in out.getvalue()
    quiet = io.StringIO()
    with page_progress("sv", Console(file=quiet, force_terminal=True)) as progress:
        progress(1, 1)  # one quick page: no bar
    assert quiet.getvalue() == ""


def test_the_metadata_fixture_names_every_kpi_these_tests_fetch() -> None:
    """Each id used here is one of Kolada's, with its title as Kolada's metadata gives it."""
    kpis = {k["id"]: k for k in json.loads(METADATA.read_text(encoding="utf-8"))["values"]}
    assert kpis["U07417"]["title"] == "U. Anmälda stöld- och tillgreppsbrott, antal/1000 inv"
    assert kpis["U07453"]["title"] == "U. Invånare som upplevt oro för bostadsinbrott, andel (%)"
