"""The organisation diagram: every label fits its box, and bodies without links are drawn
apart, in a framed group with a heading, never as loose boxes under the hierarchy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, edit
from trygghet_cli.checks.runner import check_plan
from trygghet_cli.model.plan import Plan
from trygghet_cli.render import orgchart

NAMES = sorted(p.parent.name for p in EXAMPLES.glob("*/kommun.yaml"))
INNER = orgchart.BOX_W - 2 * orgchart.PAD_X


def _plan(root: Path) -> Plan:
    result = check_plan(root)
    assert result.ok, result.diagnostics
    return result.loaded.plan


def _dejavu_width(text: str, size: float, *, bold: bool) -> float:
    """The width DejaVu Sans really gives ``text`` (matplotlib ships the font)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    font = FontProperties(family="DejaVu Sans", size=size, weight="bold" if bold else "normal")
    width, _, _ = TextToPath().get_text_width_height_descent(text, font, ismath=False)
    return float(width)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_label_fits_its_box(name: str, lang: str) -> None:
    svg = orgchart.svg(_plan(EXAMPLES / name), lang, "Organisationen")  # type: ignore[arg-type]
    boxes = re.findall(r'<g><rect x="[\d.]+" [^>]*width="200"[^>]*/>(.*?)</g>', svg)
    assert boxes
    for box in boxes:
        for size, weight, text in re.findall(
            r'font-size="(\d+)"( font-weight="bold")? [^>]*>([^<]+)</text>', box
        ):
            text = text.replace("&amp;", "&")
            assert _dejavu_width(text, int(size), bold=bool(weight)) <= INNER, text


def test_the_estimate_is_never_below_dejavu() -> None:
    samples = [
        "cirka 6 gånger per år, även vid behov",
        "SSPF – samverkan mellan skola, socialtjänst, polis och fritid",
        "Kommunfullmäktige, Göteborgs Stad (KF) & WMW 0123456789",
        "Trygghetssamordningen Ååäö Éé []()/|!:;,.",
    ]
    for text in samples:
        for bold in (False, True):
            assert orgchart.text_width(text, 13, bold=bold) >= _dejavu_width(text, 13, bold=bold)


def test_a_long_cadence_is_wrapped() -> None:
    svg = orgchart.svg(_plan(EXAMPLES / "angered"), "sv", "Organisationen")
    assert ">cirka 6 gånger per år, även vid</text>" in svg and ">behov</text>" in svg
    assert "cirka 6 gånger per år, även vid behov</text>" not in svg


def _name_sizes(svg: str) -> list[tuple[int, str]]:
    return [
        (int(size), text)
        for size, text in re.findall(r'font-size="(\d+)" font-weight="bold" [^>]*>([^<]+)<', svg)
    ]


def test_a_long_word_gets_a_smaller_size_before_it_is_broken(plan: Path) -> None:
    edit(plan / "organisation.yaml", "namn: Lokala BRÅ", "namn: Trygghetssamordningen")
    sizes = _name_sizes(orgchart.svg(_plan(plan), "sv", "Organisationen"))
    assert (12, "Trygghetssamordningen") in sizes
    edit(
        plan / "organisation.yaml",
        "namn: Trygghetssamordningen",
        "namn: Trygghetssamordningsgruppen",
    )
    sizes = _name_sizes(orgchart.svg(_plan(plan), "sv", "Organisationen"))
    assert [text for size, text in sizes if size == orgchart.MIN_NAME_SIZE] == [
        "Trygghetssamordningsgrupp-",
        "en",
    ]


def test_bodies_without_links_are_framed_apart() -> None:
    plan = _plan(EXAMPLES / "angered")
    links = orgchart.edges(plan, "sv")
    apart = [n for row in orgchart.loose(plan, links) for n in row]
    assert apart == ["sspf", "trygghetssamordningen", "polisomrade-storgoteborg"]
    assert not {n for row in orgchart.layers(plan, links) for n in row} & set(apart)
    svg = orgchart.svg(plan, "sv", "Organisationen")
    frame = re.search(
        r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" [^>]*'
        r'stroke-dasharray="5 4"/><text [^>]*>Organ utan rapportering eller överordnat organ i '
        r"planen</text>",
        svg,
    )
    assert frame is not None
    left, top, width, height = (float(v) for v in frame.groups())
    for name in ("SSPF – samverkan", "Trygghetssamordningen", "Polisområde"):
        box = re.search(
            r'<g><rect x="([\d.]+)" y="([\d.]+)" width="200" height="(\d+)"[^>]*/>'
            r"(?:<text[^>]*>[^<]*</text>)*?<text[^>]*>" + name,
            svg,
        )
        assert box is not None, name
        x, y, h = (float(v) for v in box.groups())
        assert left < x and x + 200 < left + width and top < y and y + h < top + height
    assert "Organ utan rapportering eller överordnat organ i planen: SSPF" in svg  # <desc>
    english = orgchart.svg(plan, "en", "The organisation")
    assert "Bodies with no reporting line or parent body in the plan" in english


def test_a_plan_where_every_body_is_linked_has_no_frame(plan: Path) -> None:
    svg = orgchart.svg(_plan(plan), "sv", "Organisationen")
    assert "Lokala BRÅ" in svg and "Organ utan rapportering" not in svg
    with (plan / "organisation.yaml").open("a", encoding="utf-8") as f:
        f.write("  - id: sspf\n    namn: SSPF\n    typ: sspf\n")
    svg = orgchart.svg(_plan(plan), "sv", "Organisationen")
    assert "Organ utan rapportering eller överordnat organ i planen: SSPF." in svg
