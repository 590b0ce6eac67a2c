"""Issue 12: bodies that are under (or appointed by) one another in a circle are a finding.

A body under itself, or two bodies each under the other, was accepted by ``trygg validate``:
the chain of responsibility then never reaches anyone. TRY219 points at the ``under`` or
``tillsatt_av`` value that closes the circle, names the bodies in it, and is given once per
circle, however many bodies lead into it.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Run, edit
from tests.plan_builder import make_plan

ORG = "organisation.yaml"


def _findings(run: Run, plan: Path, *args: str) -> list[str]:
    result = run("validate", str(plan), *args)
    assert result.exit_code == 1, result.output
    return [
        line
        for line in result.output.splitlines()
        if "TRY219" in line or line.startswith(("    tips:", "    hint:"))
    ]


def test_a_body_under_itself(run: Run, plan: Path) -> None:
    edit(plan / ORG, "    typ: lokalt_brå\n", "    typ: lokalt_brå\n    under: lokala-bra\n")
    assert _findings(run, plan) == [
        f"{plan / ORG}:18:12: fel TRY219 'under: lokala-bra' sluter en cirkel: Lokala BRÅ ligger "
        "under sig självt",
        "    tips: Ett organ kan inte ligga under sig självt, varken direkt eller genom andra "
        "organ. Ändra eller ta bort 'under' hos ett av organen i cirkeln, så att kedjan slutar "
        "hos ett organ utan 'under' (till exempel kommunstyrelsen).",
    ]


def test_two_bodies_under_each_other_in_english(run: Run, plan: Path) -> None:
    edit(plan / ORG, "    typ: lokalt_brå\n", "    typ: lokalt_brå\n    under: kommunstyrelsen\n")
    edit(plan / ORG, "    typ: nämnd\n", "    typ: nämnd\n    under: lokala-bra\n")
    # Walked from the body that comes first in the file, the circle is closed by the last
    # body's 'under'.
    assert _findings(run, plan, "--lang", "en") == [
        f"{plan / ORG}:32:12: error TRY219 'under: lokala-bra' closes a cycle: Lokala BRÅ is "
        "under Kommunstyrelsen and Kommunstyrelsen under Lokala BRÅ",
        "    hint: A body cannot be under itself, neither directly nor through other bodies. "
        "Change or remove 'under' of one of the bodies in the cycle, so that the chain ends at a "
        "body without 'under' (for instance kommunstyrelsen).",
    ]
    assert _findings(run, plan)[0] == (
        f"{plan / ORG}:32:12: fel TRY219 'under: lokala-bra' sluter en cirkel: Lokala BRÅ ligger "
        "under Kommunstyrelsen och Kommunstyrelsen under Lokala BRÅ"
    )


def _group(ident: str, key: str, target: str) -> str:
    return (
        f"  - id: {ident}\n    namn: Grupp {ident.upper()}\n    typ: arbetsgrupp\n"
        f"    {key}: {target}\n    start: 2024-01-01\n    slut: 2024-12-31\n"
    )


def test_one_finding_per_circle_not_per_body(run: Run, tmp_path: Path) -> None:
    """A circle of three bodies appointed by one another, another of two under each other, and
    bodies that lead into a circle without being in it: two findings, each naming only the
    bodies in its circle."""
    bodies = [
        _group("a", "tillsatt_av", "b"),
        _group("b", "tillsatt_av", "c"),
        _group("c", "tillsatt_av", "a"),
        _group("tail", "tillsatt_av", "a"),  # into the circle, not part of it
        _group("x", "under", "y"),
        _group("y", "under", "x"),
        _group("z", "under", "x"),
        _group("ok", "under", "ks"),
    ]
    plan = make_plan(tmp_path / "p", bodies)
    result = run("validate", "--format", "json", str(plan))
    found = [d for d in json.loads(result.output)["diagnostics"] if d["rule"] == "TRY219"]
    assert [(Path(d["file"]).name, d["line"], d["column"], d["message"]) for d in found] == [
        (
            ORG,
            _line(plan, "tillsatt_av: a", 1),
            18,
            "'tillsatt_av: a' sluter en cirkel: Grupp A är tillsatt av Grupp B, Grupp B av "
            "Grupp C och Grupp C av Grupp A",
        ),
        (
            ORG,
            _line(plan, "under: x", 1),
            12,
            "'under: x' sluter en cirkel: Grupp X ligger under Grupp Y och Grupp Y under Grupp X",
        ),
    ]


def _line(plan: Path, text: str, nth: int) -> int:
    """The line (from 1) of the ``nth`` (from 1) line of organisation.yaml that ends in
    ``text``."""
    lines = (plan / ORG).read_text(encoding="utf-8").splitlines()
    return [i for i, line in enumerate(lines, 1) if line.endswith(text)][nth - 1]


def test_a_circle_of_500_bodies_is_one_finding(run: Run, tmp_path: Path) -> None:
    """Found without recursion, once, with the bodies named up to a sensible length."""
    chain = [_group(f"g{i}", "under", f"g{(i + 1) % 500}") for i in range(500)]
    plan = make_plan(tmp_path / "p", chain)
    result = run("validate", "--format", "json", str(plan))
    found = [d for d in json.loads(result.output)["diagnostics"] if d["rule"] == "TRY219"]
    assert [(d["line"], d["message"]) for d in found] == [
        (
            _line(plan, "under: g0", 1),
            "'under: g0' sluter en cirkel: Grupp G0 ligger under Grupp G1, Grupp G1 under "
            "Grupp G2, Grupp G2 under Grupp G3, Grupp G3 under Grupp G4, … och Grupp G499 under "
            "Grupp G0 (500 organ)",
        )
    ]


def test_a_long_chain_without_a_circle_is_no_finding(run: Run, tmp_path: Path) -> None:
    chain = [_group(f"g{i}", "under", f"g{i + 1}") for i in range(499)]
    plan = make_plan(tmp_path / "p", [*chain, _group("g499", "under", "ks")])
    result = run("validate", str(plan))
    assert "TRY219" not in result.output
    assert result.exit_code == 0, result.output
