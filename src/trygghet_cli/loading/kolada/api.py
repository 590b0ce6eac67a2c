"""Figures read from Kolada's open API (v3), page after page, into rows.

``https://api.kolada.se/v3/data/kpi/<KPI,…>/municipality/<ID,…>[/year/<YYYY,…>]`` answers a
page ``{"values": [...], "count": N, "next_url": "…"}``; the next page is at ``next_url`` until
it is missing or empty. Each page is read by the same parser as a saved export
(:func:`~trygghet_cli.loading.kolada.parse_kolada`), so a fetched figure and an imported one
are the same row, values marked ``isdeleted`` left out.

The client is ``requests`` with urllib3's retries: a connection that fails, an answer that does
not come within the timeout and a 429 or 5xx answer are tried again (with a growing pause), and
what still fails becomes a :class:`KoladaApiError` whose text says what happened in Swedish and
English. Nothing is written here: the command fetches every page first and only then edits the
plan, so a failed fetch leaves the plan as it was.

Each answer is kept in a cache folder (one JSON file per URL, named by its hash) for
:data:`CACHE_HOURS`; a fetch within that time reads the cache instead of asking Kolada again.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from trygghet_cli.i18n import Text
from trygghet_cli.loading.atomic import write_bytes_atomic
from trygghet_cli.loading.kolada.fields import KoladaRow
from trygghet_cli.wording import number_text, plural

if TYPE_CHECKING:
    import requests

    from trygghet_cli.diagnostics import Diagnostic

BASE_URL = "https://api.kolada.se/v3"
BASE_URL_ENV = "TRYGG_KOLADA_URL"
"""Another address for Kolada's API (a mirror, or a local server in the tests)."""
MAX_IDS = 25
"""Kolada refuses longer lists of KPIs, municipalities or years in one request."""
PER_PAGE = 5000
"""The most values Kolada gives on one page."""
CACHE_HOURS = 24
MAX_PAGE_BYTES = 50_000_000
"""An answer larger than this is not read (a page of 5 000 values is about 1 MB)."""
MAX_PAGES = 1000
"""A chain of ``next_url`` longer than this is a loop, not data."""


@dataclass(frozen=True)
class FetchSettings:
    base_url: str = BASE_URL
    timeout: float = 30.0
    """Seconds to wait for a connection and for each answer."""
    retries: int = 3
    """How many times a failed request is tried again."""
    backoff: float = 1.0
    """The first pause before a new try, in seconds; it doubles each time."""
    cache: Path | None = None
    """The folder of cached answers; None reads and writes no cache."""
    refresh: bool = False
    """Ask Kolada even when the cache has a fresh answer (and cache the new one)."""


class KoladaApiError(Exception):
    """Kolada could not be read; ``text`` says why and ``url`` where."""

    def __init__(self, text: Text, url: str) -> None:
        super().__init__(text("en"))
        self.text = text
        self.url = url


@dataclass
class Fetched:
    """What a fetch gave: the rows of every page (page number as the row's line, its place on
    the page as the column), the pages' findings, and how many pages came from the cache."""

    rows: list[KoladaRow] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    pages: int = 0
    cached: int = 0
    urls: list[str] = field(default_factory=list)


Progress = Callable[[int, int | None], None]
"""Called after each page with the pages read so far and the pages expected (None until the
first page of each request says how many values there are)."""


def base_url() -> str:
    return os.environ.get(BASE_URL_ENV, "").strip() or BASE_URL


def data_urls(
    base: str, kpis: Sequence[str], municipalities: Sequence[str], years: Sequence[int]
) -> list[str]:
    """The first page of each request: lists of at most :data:`MAX_IDS` each."""
    urls = []
    for kpi_chunk in _chunks(list(kpis)):
        for municipality_chunk in _chunks(list(municipalities)):
            path = f"/data/kpi/{_joined(kpi_chunk)}/municipality/{_joined(municipality_chunk)}"
            year_chunks = _chunks([str(y) for y in years]) if years else [[]]
            for year_chunk in year_chunks:
                tail = f"/year/{_joined(year_chunk)}" if year_chunk else ""
                urls.append(f"{base.rstrip('/')}{path}{tail}?per_page={PER_PAGE}")
    return urls


def _chunks(items: list[str]) -> list[list[str]]:
    return [items[i : i + MAX_IDS] for i in range(0, len(items), MAX_IDS)]


def _joined(items: list[str]) -> str:
    return ",".join(quote(item, safe="") for item in items)


def fetch(
    kpis: Sequence[str],
    municipalities: Sequence[str],
    years: Sequence[int],
    settings: FetchSettings,
    progress: Progress | None = None,
) -> Fetched:
    """Every page of every request, read into rows; :class:`KoladaApiError` if Kolada cannot
    be read."""
    from trygghet_cli.loading.kolada import parse_kolada

    fetched = Fetched()
    expected: int | None = 0
    with _session(settings) as session:
        for first in data_urls(settings.base_url, kpis, municipalities, years):
            request_pages: int | None = None
            for url, body, cached in _pages(session, first, settings):
                fetched.pages += 1
                fetched.cached += cached
                fetched.urls.append(url)
                if request_pages is None:
                    request_pages = _pages_expected(body)
                    expected = (
                        None if expected is None or request_pages is None
                        else expected + request_pages
                    )  # fmt: skip
                if _empty(body):
                    continue  # no values for what was asked (a year Kolada does not have yet)
                page = parse_kolada(body, url)
                fetched.diagnostics += page.diagnostics
                fetched.rows += [
                    replace(row, line=fetched.pages, column=place)
                    for place, row in enumerate(page.rows, start=1)
                ]
                if progress is not None:
                    progress(fetched.pages, expected)
    return fetched


def _empty(body: bytes) -> bool:
    try:
        page = json.loads(body)
    except ValueError:
        return False
    return isinstance(page, dict) and page.get("values") == []


def _pages_expected(body: bytes) -> int | None:
    try:
        count = json.loads(body).get("count")
    except (ValueError, AttributeError):
        return None
    if isinstance(count, int) and not isinstance(count, bool) and count >= 0:
        return max(1, -(-count // PER_PAGE))
    return None


def _pages(
    session: requests.Session, first: str, settings: FetchSettings
) -> Iterator[tuple[str, bytes, bool]]:
    """Each page of one request: its URL, its bytes, whether it came from the cache."""
    url: str | None = first
    seen: set[str] = set()
    while url:
        if url in seen or len(seen) >= MAX_PAGES:
            raise KoladaApiError(
                Text(
                    "Kolada skickar tillbaka till en sida som redan lästs (next_url går i ring).",
                    "Kolada points back to a page already read (next_url goes round in a loop).",
                ),
                url,
            )
        seen.add(url)
        body, cached = _get(session, url, settings)
        yield url, body, cached
        url = _next_url(body, url, settings.base_url)


def _next_url(body: bytes, url: str, base: str) -> str | None:
    try:
        page = json.loads(body)
    except ValueError:
        return None  # the parser reports the damaged page
    following = page.get("next_url") or page.get("next_page") if isinstance(page, dict) else None
    if not following:
        return None
    if not isinstance(following, str):
        raise KoladaApiError(_answer_text(f"next_url = {following!r}"), url)
    # A page's next_url names the host Kolada knows itself by; a mirror's pages are read
    # from the mirror.
    if urlsplit(following).netloc != urlsplit(base).netloc:
        parts = urlsplit(following)
        own = urlsplit(base)
        following = parts._replace(scheme=own.scheme, netloc=own.netloc).geturl()
    return following


def _session(settings: FetchSettings) -> requests.Session:
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3.util.retry import Retry

    retry = Retry(
        total=settings.retries,
        connect=settings.retries,
        read=settings.retries,
        status=settings.retries,
        backoff_factor=settings.backoff / 2,  # urllib3 waits backoff_factor * 2 ** (try - 1)
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset({"GET"}),
        raise_on_status=False,
        respect_retry_after_header=True,
    )
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update({"Accept": "application/json", "User-Agent": _user_agent()})
    return session


def _user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"trygg/{version('trygghet-cli')} (+https://github.com/trygghet/trygg)"
    except PackageNotFoundError:
        return "trygg (+https://github.com/trygghet/trygg)"


def _get(session: requests.Session, url: str, settings: FetchSettings) -> tuple[bytes, bool]:
    import requests

    cache_file = _cache_file(settings.cache, url)
    if cache_file is not None and not settings.refresh:
        cached = _read_cache(cache_file)
        if cached is not None:
            return cached, True
    try:
        response = session.get(url, timeout=settings.timeout, stream=True)
        body = _body(response, url)
    except requests.exceptions.RetryError as exc:
        raise KoladaApiError(_status_text(_status_of(exc), settings), url) from None
    except requests.exceptions.Timeout:
        raise KoladaApiError(_timeout_text(settings), url) from None
    except requests.exceptions.ConnectionError as exc:
        if "timed out" in str(exc).lower():
            raise KoladaApiError(_timeout_text(settings), url) from None
        raise KoladaApiError(_connection_text(url, settings), url) from None
    except requests.exceptions.RequestException as exc:
        raise KoladaApiError(_answer_text(type(exc).__name__), url) from None
    if response.status_code != 200:
        raise KoladaApiError(_status_text(response.status_code, settings), url)
    if cache_file is not None:
        _write_cache(cache_file, body)
    return body, False


def _body(response: requests.Response, url: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(chunk_size=65536):
        size += len(chunk)
        if size > MAX_PAGE_BYTES:
            response.close()
            raise KoladaApiError(
                _answer_text(f"sidan är större än {MAX_PAGE_BYTES // 1_000_000} MB"), url
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _status_of(exc: Exception) -> int | None:
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    text = str(reason or exc)
    for code in (429, 500, 502, 503, 504):
        if str(code) in text:
            return code
    return None


def _tries(settings: FetchSettings) -> Text:
    n = settings.retries + 1
    return Text(plural(n, "en gång", f"{n} gånger"), plural(n, "once", f"{n} times"))


def _status_text(status: int | None, settings: FetchSettings) -> Text:
    shown = f"HTTP {status}" if status is not None else "ett fel"
    shown_en = f"HTTP {status}" if status is not None else "an error"
    tries = _tries(settings)
    if status is not None and (status >= 500 or status == 429):
        return Text(
            f"Kolada svarade {shown} (ett fel hos Kolada) {tries('sv')}; ingen fil ändrades.",
            f"Kolada answered {shown_en} (an error at Kolada's end) {tries('en')}; no file was "
            "changed.",
        )
    return Text(
        f"Kolada svarade {shown}; ingen fil ändrades.",
        f"Kolada answered {shown_en}; no file was changed.",
    )


def _timeout_text(settings: FetchSettings) -> Text:
    seconds = number_text(settings.timeout)
    tries = _tries(settings)
    return Text(
        f"Kolada svarade inte inom {seconds.sv} sekunder ({tries('sv')}); ingen fil ändrades.",
        f"Kolada did not answer within {seconds.en} seconds ({tries('en')}); no file was changed.",
    )


def _connection_text(url: str, settings: FetchSettings) -> Text:
    host = urlsplit(url).netloc
    tries = _tries(settings)
    return Text(
        f"Kan inte nå Kolada ({host}) ({tries('sv')}); ingen fil ändrades.",
        f"Cannot reach Kolada ({host}) ({tries('en')}); no file was changed.",
    )


def _answer_text(what: str) -> Text:
    return Text(
        f"Koladas svar går inte att läsa ({what}); ingen fil ändrades.",
        f"Kolada's answer cannot be read ({what}); no file was changed.",
    )


# --- cache -----------------------------------------------------------------------------------


def _cache_file(folder: Path | None, url: str) -> Path | None:
    if folder is None:
        return None
    return folder / f"{hashlib.sha256(url.encode('utf-8')).hexdigest()}.json"


def _read_cache(path: Path) -> bytes | None:
    """A fresh cached answer, or None (none, too old, unreadable: then Kolada is asked)."""
    try:
        if time.time() - path.stat().st_mtime > CACHE_HOURS * 3600:
            return None
        if path.stat().st_size > MAX_PAGE_BYTES or not path.is_file():
            return None
        return path.read_bytes()
    except OSError:
        return None


def _write_cache(path: Path, body: bytes) -> None:
    """Keep an answer; a cache that cannot be written is passed over (it only saves time)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, body)
    except OSError:
        pass
