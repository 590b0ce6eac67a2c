"""The HTML pages in a real browser: headless Chromium (Debian's ``chromium``, which
``.ci/run`` installs) renders them, and the rendered DOM and a screenshot are checked."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.chromium import CHROMIUM, MISSING
from tests.conftest import EXAMPLES, Run
from tests.htmlcheck import parse_strict

pytestmark = pytest.mark.slow


def _chromium(tmp_path: Path, *args: str) -> str:
    assert CHROMIUM is not None, MISSING
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _dom(tmp_path: Path, page: Path) -> str:
    return _chromium(tmp_path, "--dump-dom", page.as_uri())


def _screenshot(tmp_path: Path, page: Path, size: str = "1280,1600") -> Path:
    png = tmp_path / f"{page.stem}.png"
    _chromium(tmp_path, f"--screenshot={png}", f"--window-size={size}", page.as_uri())
    assert png.is_file()
    return png


def _ink(png: Path) -> tuple[float, int]:
    """Share of pixels that are not background, and how many colours there are."""
    from PIL import Image

    with Image.open(png) as image:
        rgb = image.convert("RGB")
        total = rgb.width * rgb.height
        colours: list[tuple[int, tuple[int, int, int]]] = rgb.getcolors(maxcolors=total) or []
    _, background = max(colours)
    ink = sum(
        n
        for n, colour in colours
        if sum(abs(a - b) for a, b in zip(colour, background, strict=True)) > 60
    )
    return ink / total, len(colours)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from trygghet_cli.cli.app import app

    out = tmp_path_factory.mktemp("intranat")
    result = CliRunner().invoke(app, ["export", str(EXAMPLES / "fagersta"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_indicator_page_renders_charts_and_tables(site: Path, tmp_path: Path) -> None:
    dom = parse_strict("<!DOCTYPE html>\n" + _dom(tmp_path, site / "nyckeltal.html"))
    assert "Nyckeltal" in dom.text and "Anmälda brott per 100 000 invånare" in dom.text
    charts = dom.with_attr("svg", "role")
    assert len(charts) == 4 and all(c["role"] == "img" for c in charts)
    assert dom.count("table") >= 4 and dom.count("th") > 20
    assert "Riket" in dom.text and "Fagersta" in dom.text
    share, colours = _ink(_screenshot(tmp_path, site / "nyckeltal.html"))
    assert share > 0.03 and colours > 50


def test_organisation_page_renders_the_diagram(site: Path, tmp_path: Path) -> None:
    dom = parse_strict("<!DOCTYPE html>\n" + _dom(tmp_path, site / "organisation.html"))
    assert dom.with_attr("svg", "aria-labelledby")
    assert "EST-gruppen" in dom.text and "Kommunstyrelsen" in dom.text
    share, _ = _ink(_screenshot(tmp_path, site / "organisation.html"))
    assert share > 0.03


def test_index_links_to_every_page(site: Path, tmp_path: Path) -> None:
    dom = parse_strict("<!DOCTYPE html>\n" + _dom(tmp_path, site / "index.html"))
    hrefs = {str(a["href"]) for a in dom.with_attr("a", "href")}
    assert {"organisation.html", "nyckeltal.html", "moten.html"} <= hrefs
    assert dom.count("h1") == 1


def test_the_brief_renders(run: Run, tmp_path: Path) -> None:
    page = tmp_path / "brief.html"
    result = run("report", "-q", "2021Q1", str(EXAMPLES / "fagersta"), "-o", str(page))
    assert result.exit_code == 0
    dom = parse_strict("<!DOCTYPE html>\n" + _dom(tmp_path, page))
    assert "Lägesrapport kvartal 1 2021: Fagersta" in dom.text
    assert dom.count("table") >= 5
    share, colours = _ink(_screenshot(tmp_path, page, "1280,2000"))
    assert share > 0.03 and colours > 50


_MEASURE = """<script>
const out = [];
for (const g of document.querySelectorAll("svg[aria-labelledby] g")) {
  const rect = g.querySelector("rect");
  if (!rect) continue;
  const r = rect.getBBox();
  for (const t of g.querySelectorAll("text")) {
    const b = t.getBBox();
    if (b.x < r.x || b.x + b.width > r.x + r.width || b.y < r.y || b.y + b.height > r.y + r.height)
      out.push(t.textContent);
  }
}
document.body.setAttribute("data-overflow", JSON.stringify(out));
document.body.setAttribute("data-boxes", String(document.querySelectorAll("svg rect").length));
</script>"""


@pytest.mark.parametrize("name", sorted(p.parent.name for p in EXAMPLES.glob("*/kommun.yaml")))
def test_organisation_labels_fit_their_boxes(run: Run, tmp_path: Path, name: str) -> None:
    """Chromium lays out the diagram's text; no label may run over its box (Angered's
    "cirka 6 gånger per år, även vid behov" once did)."""
    import json
    import re

    out = tmp_path / "site"
    assert run("export", str(EXAMPLES / name), "-o", str(out)).exit_code == 0
    page = out / "organisation.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</body>", _MEASURE + "</body>"), encoding="utf-8"
    )
    dom = _dom(tmp_path, page)
    found = re.search(r'data-overflow="([^"]*)"', dom)
    boxes = re.search(r'data-boxes="(\d+)"', dom)
    assert found is not None and boxes is not None and int(boxes.group(1)) > 3
    assert json.loads(found.group(1).replace("&quot;", '"')) == []
