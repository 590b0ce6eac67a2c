"""``trygg report`` as PDF/A for the meeting system and the diarium, read back with pypdf:
its text, pages, metadata, fonts, PDF/A identification and tagged structure."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pypdf import PageObject, PdfReader
from pypdf.generic import DictionaryObject

from tests.conftest import EXAMPLES, ROOT, Run, write
from trygghet_cli.checks.runner import check_plan

EXAMPLE_NAMES = sorted(p.parent.name for p in EXAMPLES.glob("*/kommun.yaml"))
pytestmark = pytest.mark.slow


def _report(run: Run, tmp_path: Path, name: str, *args: str) -> tuple[Path, Any]:
    out = tmp_path / f"{name}.pdf"
    result = run("report", "--quarter", "2024Q4", str(EXAMPLES / name), "-o", str(out), *args)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-1.7")
    return out, result


def _catalog(reader: PdfReader) -> Any:
    return reader.trailer["/Root"]


def _resources(page: PageObject) -> Any:
    return page["/Resources"]


def _xmp(reader: PdfReader) -> str:
    metadata = _catalog(reader)["/Metadata"].get_object()
    return bytes(metadata.get_data()).decode("utf-8")


def _structure(reader: PdfReader) -> Counter[str]:
    """How many structure elements of each type (H1, Table, TH, …) the tag tree holds."""
    found: Counter[str] = Counter()
    stack: list[Any] = [_catalog(reader)["/StructTreeRoot"].get_object()]
    while stack:
        node = stack.pop()
        if isinstance(node, DictionaryObject):
            if "/S" in node:
                found[str(node["/S"]).lstrip("/")] += 1
            kids = node.get("/K")
            if kids is not None:
                kids = kids.get_object()
                stack.extend(k.get_object() for k in (kids if isinstance(kids, list) else [kids]))
    return found


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_brief_as_pdf_a(run: Run, tmp_path: Path, name: str) -> None:
    out, _ = _report(run, tmp_path, name)
    kommun = check_plan(EXAMPLES / name).loaded.plan.name
    reader = PdfReader(out)
    assert reader.metadata is not None
    assert reader.metadata.title == f"Lägesrapport kvartal 4 2024: {kommun}"
    root = _catalog(reader)
    assert root["/Lang"] == "sv"
    xmp = _xmp(reader)
    assert 'pdfaid:part="2"' in xmp and 'pdfaid:conformance="A"' in xmp
    assert f"Lägesrapport kvartal 4 2024: {kommun}" in xmp
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a PDF BooleanObject)
    pages = len(reader.pages)
    assert pages >= 2
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        # the running head names the kommun and the quarter; the foot numbers the pages
        assert f"Lägesrapport kvartal 4 2024: {kommun}" in text
        assert text.rstrip().endswith(f"Sida {number} av {pages}"), text[-200:]
    every = "\n".join(p.extract_text() for p in reader.pages)
    for heading in ("Sammanfattning", "Möten", "Åtgärder", "Mål", "Jämfört med riket"):
        assert re.search(rf"^{heading}$", every, re.MULTILINE), heading
    assert "Att göra kvartal 1 2025" in every
    tags = _structure(reader)
    assert tags["H1"] == 1 and tags["H2"] >= 6 and tags["Table"] >= 2 and tags["TH"] > 10
    assert tags["L"] >= 1 and tags["LI"] >= 1


def test_every_font_is_embedded_and_the_same_on_every_machine(run: Run, tmp_path: Path) -> None:
    out, _ = _report(run, tmp_path, "fagersta")
    fonts = set()
    for page in PdfReader(out).pages:
        for font in _resources(page)["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]).split("+", 1)[1])
    assert fonts == {"DejaVu-Sans", "DejaVu-Sans-Bold"}


def test_the_pdf_is_deterministic(run: Run, tmp_path: Path) -> None:
    first, _ = _report(run, tmp_path / "a", "fagersta")
    second, _ = _report(run, tmp_path / "b", "fagersta")
    assert first.read_bytes() == second.read_bytes()


def test_format_pdf_and_english(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "brief.bin"
    result = run(
        "report", "-q", "2024Q4", str(EXAMPLES / "umea"), "--format", "pdf", "-o", str(out),
        "--lang", "en",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    reader = PdfReader(out)
    assert _catalog(reader)["/Lang"] == "en"
    assert reader.metadata is not None
    assert reader.metadata.title == "Quarterly brief, Q4 2024: Umeå"
    last = len(reader.pages)
    assert reader.pages[-1].extract_text().rstrip().endswith(f"Page {last} of {last}")


def test_a_pdf_needs_an_output_file(run: Run) -> None:
    result = run("report", "-q", "2024Q4", str(EXAMPLES / "fagersta"), "--format", "pdf")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "trygg: En PDF skrivs till en fil: ange --output, till exempel --output lagesrapport.pdf.\n"
    )


_OWN = """\
<!DOCTYPE html>
<html lang="{{ lang }}">
<head><meta charset="utf-8"><title>{{ view.title }} (Fagersta kommun)</title>
<style>@page { @bottom-left { content: "Dnr KS 2024/17"; } }</style></head>
<body>
<h1>{{ view.title }}</h1>
<p>Kommunens egen mall: {{ view.intro }}</p>
<img src="file://SECRET" alt="Hemlig bild">
<img src="http://127.0.0.1:9/logga.png" alt="Logga">
</body>
</html>
"""


def test_a_kommuns_own_template_makes_the_pdf(run: Run, tmp_path: Path) -> None:
    """The kommun's brief.html.j2 gives the PDF (its title, its text, its page rules), and
    nothing it points at outside the page is read into the PDF: not a file of the machine,
    not a web address."""
    from PIL import Image

    secret = tmp_path / "hemlig.png"
    Image.new("RGB", (40, 40), (200, 0, 0)).save(secret)
    own = tmp_path / "mallar"
    write(own / "brief.html.j2", _OWN.replace("SECRET", str(secret)))
    out = tmp_path / "egen.pdf"
    result = run(
        "report", "-q", "2024Q4", str(EXAMPLES / "fagersta"), "--template", str(own),
        "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    reader = PdfReader(out)
    assert reader.metadata is not None
    assert reader.metadata.title == "Lägesrapport kvartal 4 2024: Fagersta (Fagersta kommun)"
    text = reader.pages[0].extract_text()
    assert "Kommunens egen mall: Uppföljning av det brottsförebyggande" in text
    assert "Dnr KS 2024/17" in text and "Sida 1 av 1" in text
    assert not any(_resources(page).get("/XObject") for page in reader.pages)
    assert result.stderr.splitlines() == [
        f"trygg report: varning: mallen pekar på {secret.as_uri()}; PDF:en hämtar ingenting "
        "utanför sidan (bädda in bilder som data:-adresser).",
        "trygg report: varning: mallen pekar på http://127.0.0.1:9/logga.png; PDF:en hämtar "
        "ingenting utanför sidan (bädda in bilder som data:-adresser).",
    ]


def test_html_and_markdown_briefs_do_not_load_weasyprint() -> None:
    code = (
        "import sys\n"
        "from trygghet_cli.cli.app import app\n"
        "for fmt in ('markdown', 'html'):\n"
        "    try:\n"
        "        app(['report', '-q', '2021Q1', 'tests/fixtures/minimal', '-f', fmt])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print('WEASYPRINT', 'weasyprint' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    assert out.rstrip().endswith("WEASYPRINT False")


def test_make_demo_writes_the_pdf_briefs(tmp_path: Path) -> None:
    """``make demo`` (with this test's own environment, which it does not reinstall) writes a
    PDF brief for every example, and each reads back as a Swedish PDF/A."""
    venv = Path(sys.executable).parent.parent
    done = subprocess.run(
        ["make", "-o", f"{venv}/.installed-stamp", "demo", f"VENV={venv}", f"DEMO_OUT={tmp_path}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    written = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert written == [f"{name}-2024Q4.pdf" for name in EXAMPLE_NAMES]
    for name in EXAMPLE_NAMES:
        reader = PdfReader(tmp_path / f"{name}-2024Q4.pdf")
        kommun = check_plan(EXAMPLES / name).loaded.plan.name
        assert _catalog(reader)["/Lang"] == "sv"
        assert 'pdfaid:part="2"' in _xmp(reader)
        pages = len(reader.pages)
        assert pages >= 2
        first = reader.pages[0].extract_text()
        assert f"\nLägesrapport kvartal 4 2024: {kommun}\n" in first
        assert first.rstrip().endswith(f"Sida 1 av {pages}")


def test_no_personnummer_in_the_pdf(run: Run, tmp_path: Path) -> None:
    """The PDF's text is compressed, so the mask on written files cannot see into it: the page
    is masked before it becomes a PDF (here a kommun's template writes a number itself)."""
    own = tmp_path / "mallar"
    write(
        own / "brief.html.j2",
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>{{ view.title }}'
        "</title></head><body><h1>{{ view.title }}</h1><p>Kontakt: 19121212-1212</p></body>"
        "</html>\n",
    )
    out = tmp_path / "brief.pdf"
    result = run(
        "report", "-q", "2024Q4", str(EXAMPLES / "fagersta"), "--template", str(own),
        "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = PdfReader(out).pages[0].extract_text()
    assert "Kontakt: 19121212-****" in text and "1212-1212" not in text


def test_the_pdf_is_written_as_laid_out(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mask ran on the page before layout; the PDF's bytes are then written untouched. A
    file identifier is hex, and about one in 5 000 holds ten digits that read as a
    personnummer: masked there, the PDF would break."""
    from trygghet_cli.render import pdf

    made = b"%PDF-1.7\n/ID [<6d146b1f8112189876ef23676d9c2ab1>]\n%%EOF\n"
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html, lang: pdf.Pdf(made, ()))
    out = tmp_path / "brief.pdf"
    result = run("report", "-q", "2024Q4", str(EXAMPLES / "fagersta"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == made
