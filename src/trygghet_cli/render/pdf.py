"""The brief as an archivable PDF: the HTML page, laid out by WeasyPrint.

The PDF is made from the same HTML as ``trygg report --format html`` (the built-in template or a
kommun's own), so the two never say different things. It is PDF/A-2a: archivable (PDF/A-2),
with every font embedded, text that can be selected and searched, and the page's structure
tagged (headings, lists, tables with their header cells) for screen readers. Title and
language come from the page's ``<title>`` and ``<html lang>``.

Pages carry a running head (the page's ``<h1>``: the kommun's name and the quarter) and
"Sida 2 av 5" at the foot, from a stylesheet of trygg's own that a template's CSS may override.
The text is set in DejaVu Sans, the copy matplotlib ships, so the PDF is the same on every
machine whatever fonts it has. Nothing outside the page is fetched: a template that points at
a file or an address gets it refused (listed in :attr:`Pdf.refused`), so a template cannot
read the machine's files into a published PDF.

WeasyPrint is imported only here, when a PDF is asked for; it needs Pango from the system
(Debian: ``libpango-1.0-0``, ``libpangoft2-1.0-0``).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from trygghet_cli.i18n import Lang, Text

VARIANT = "pdf/a-2a"
"""PDF/A-2, level A: archivable and accessible (tagged, Unicode text)."""

_FACES = (
    ("DejaVuSans.ttf", "normal", "normal"),
    ("DejaVuSans-Bold.ttf", "bold", "normal"),
    ("DejaVuSans-Oblique.ttf", "normal", "italic"),
    ("DejaVuSans-BoldOblique.ttf", "bold", "italic"),
)

_PAGE_CSS = """\
@page {{
  size: A4;
  margin: 22mm 18mm 20mm;
  @top-left {{
    content: string(trygg-title);
    font: 8.5pt "DejaVu Sans", sans-serif; color: #5a6272;
  }}
  @bottom-right {{
    content: "{page} " counter(page) " {of} " counter(pages);
    font: 8.5pt "DejaVu Sans", sans-serif; color: #5a6272;
  }}
}}
h1 {{ string-set: trygg-title content(); }}
"""


@dataclass(frozen=True)
class Pdf:
    data: bytes
    refused: tuple[str, ...]
    """Addresses the page pointed at and that were not fetched (files, web addresses)."""


class PdfError(Exception):
    """The PDF could not be made (the system lacks what WeasyPrint needs)."""

    def __init__(self, message: Text) -> None:
        super().__init__(message("en"))
        self.message = message


def font_files() -> dict[str, Path]:
    """DejaVu Sans as matplotlib ships it (found without importing matplotlib)."""
    spec = find_spec("matplotlib")
    assert spec is not None and spec.origin is not None, "matplotlib is a dependency of trygg"
    folder = Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"
    files = {name: folder / name for name, _, _ in _FACES}
    missing = [str(p) for p in files.values() if not p.is_file()]
    assert not missing, f"matplotlib's DejaVu Sans is missing: {missing}"
    return files


def stylesheet(lang: Lang) -> str:
    """trygg's own print stylesheet: the embedded font, the page, its head and its number."""
    files = font_files()
    faces = "".join(
        '@font-face { font-family: "DejaVu Sans"; '
        f'src: url("{files[name].as_uri()}"); font-weight: {weight}; font-style: {style}; }}\n'
        for name, weight, style in _FACES
    )
    page, of = Text("Sida", "Page")(lang), Text("av", "of")(lang)
    return faces + _PAGE_CSS.format(page=page, of=of)


def html_to_pdf(html: str, lang: Lang) -> Pdf:
    """The page as PDF/A-2a bytes: the same for the same page on every machine."""
    try:
        import weasyprint
    except OSError as exc:  # WeasyPrint loads Pango when imported
        raise PdfError(
            Text(
                "PDF kräver Pango (Debian/Ubuntu: apt-get install libpango-1.0-0 "
                f"libpangoft2-1.0-0). Felet: {exc}",
                "PDF needs Pango (Debian/Ubuntu: apt-get install libpango-1.0-0 "
                f"libpangoft2-1.0-0). The error: {exc}",
            )
        ) from exc

    fetcher = _LocalOnly(weasyprint.URLFetcher, set(font_files().values()))
    with _quiet():
        document = weasyprint.HTML(string=html, url_fetcher=fetcher.instance, base_url=None)
        css = weasyprint.CSS(string=stylesheet(lang), url_fetcher=fetcher.instance)
        data = document.write_pdf(stylesheets=[css], pdf_variant=VARIANT)
    assert isinstance(data, bytes)
    return Pdf(data, tuple(dict.fromkeys(fetcher.refused)))


class _LocalOnly:
    """A WeasyPrint fetcher that reads ``data:`` URLs and the font files, and nothing else."""

    def __init__(self, base: Any, allowed: set[Path]) -> None:
        self.refused: list[str] = []
        allowed_uris = {p.as_uri() for p in allowed}
        refused = self.refused

        class Fetcher(base):  # type: ignore[misc]
            def fetch(self, url: str, headers: Any = None) -> Any:
                if url.startswith("data:") or url in allowed_uris:
                    return super().fetch(url, headers)
                refused.append(url)
                raise ValueError(f"trygg fetches nothing outside the page: {url}")

        self.instance = Fetcher(allowed_protocols=("data", "file"))


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """WeasyPrint logs what CSS it ignores to stderr; the user cannot act on that."""
    logger = logging.getLogger("weasyprint")
    handler = logging.NullHandler()
    saved = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = saved
