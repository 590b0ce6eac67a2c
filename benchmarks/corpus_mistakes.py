"""Known mistakes to break a synthetic corpus with, each with the rule that must find it.

``benchmarks/make_corpus.py --mistakes`` applies them; the tests use them to prove that every
way of running ``trygg validate`` (fast loader or reference loader, with or without the cache,
one process or several) gives the same findings, and that each mistake is found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Mistake:
    """One way to break a plan, and the rule ``trygg validate`` must report for it."""

    rule: str
    what: str
    apply: Callable[[Path], Path]
    """Breaks the plan at the given root; returns the file that now holds the mistake."""


def _meetings(root: Path) -> list[Path]:
    return sorted((root / "moten").glob("*.yaml"))


def _replace(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise ValueError(f"{old!r} not in {path}")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _nth_meeting(n: int, body: str | None = None) -> Callable[[Path], Path]:
    def pick(root: Path) -> Path:
        found = [p for p in _meetings(root) if body is None or p.stem.endswith(body)]
        return found[n % len(found)]

    return pick


def _edit(pick: Callable[[Path], Path], old: str, new: str) -> Callable[[Path], Path]:
    return lambda root: _replace(pick(root), old, new)


def _file(name: str) -> Callable[[Path], Path]:
    return lambda root: root / name


def _write_bytes(pick: Callable[[Path], Path], data: bytes) -> Callable[[Path], Path]:
    def apply(root: Path) -> Path:
        path = pick(root)
        path.write_bytes(data)
        return path

    return apply


def _append(pick: Callable[[Path], Path], text: str) -> Callable[[Path], Path]:
    def apply(root: Path) -> Path:
        path = pick(root)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(text)
        return path

    return apply


def _rename_meeting(root: Path) -> Path:
    path = _meetings(root)[5]
    target = path.with_name("1999-01-01-" + path.name[11:])
    path.rename(target)
    return target


def _duplicate_action(root: Path) -> Path:
    first, second = _meetings(root)[1], _meetings(root)[2]
    ident = next(
        line.split(": ", 1)[1]
        for line in first.read_text(encoding="utf-8").splitlines()
        if line.startswith("  - id: a-")
    )
    text = second.read_text(encoding="utf-8")
    start = text.index("  - id: a-") + len("  - id: ")
    end = text.index("\n", start)
    second.write_text(text[:start] + ident + text[end:], encoding="utf-8")
    return second


def _latin1(root: Path) -> Path:
    """A meeting saved as Latin-1 by an old editor: 'ö' becomes the byte F6."""
    path = _meetings(root)[14]
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    return path


def _duplicate_value(root: Path) -> Path:
    """The first value of the first indicator, written twice."""
    path = root / "nyckeltal.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("    värden:\n") + 1
    end = start + 1
    while not lines[end].startswith(("      - ", "  - ")):
        end += 1
    lines[start:start] = lines[start:end]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _stray_file(root: Path) -> Path:
    path = root / "aktivitet.yaml"
    path.write_text("aktiviteter: []\n", encoding="utf-8")
    return path


MISTAKES: tuple[Mistake, ...] = (
    Mistake("TRY101", "misspelt key", _edit(_nth_meeting(0), "närvarande:", "narvarande:")),
    Mistake(
        "TRY201",
        "reference to an activity that does not exist",
        _edit(_nth_meeting(3), "aktivitet: ", "aktivitet: okand-"),
    ),
    Mistake(
        "TRY105",
        "a date that does not exist",
        _edit(_nth_meeting(4), "senast: ", "senast: 2023-02-30 #"),
    ),
    Mistake("TRY202", "an action id used twice", _duplicate_action),
    Mistake(
        "TRY301",
        "a personnummer in the notes",
        _append(_nth_meeting(6), "anteckningar: Kontakt 19121212-1212 om ärendet.\n"),
    ),
    Mistake("TRY002", "a tab in the indentation", _edit(_nth_meeting(7), "\n  - ", "\n\t- ")),
    Mistake("TRY003", "a key written twice", _append(_nth_meeting(8), "plats: Biblioteket\n")),
    Mistake(
        "TRY110",
        "an unquoted kommunkod",
        lambda r: _replace(r / "kommun.yaml", 'kommunkod: "', "kommunkod: 1"),
    ),
    Mistake("TRY204", "a meeting file named for another date", _rename_meeting),
    Mistake("TRY011", "a file trygg does not know", _stray_file),
    Mistake("TRY001", "broken YAML syntax", _edit(_nth_meeting(9), "dagordning:", "dagordning: [")),
    Mistake(
        "TRY104",
        "a status that does not exist",
        _edit(_nth_meeting(10), "status: ", "status: klart-"),
    ),
    Mistake(
        "TRY206",
        "an action done without its date",
        _edit(_nth_meeting(11), "    klar_datum:", "    anmärkning:"),
    ),
    Mistake(
        "TRY208",
        "a meeting of a committee",
        _edit(_nth_meeting(12), "organ: ", "organ: kommunstyrelsen #"),
    ),
    Mistake("TRY005", "an empty file", _write_bytes(_nth_meeting(13), b"# tom\n")),
    Mistake("TRY004", "bytes that are not UTF-8", _latin1),
    Mistake(
        "TRY006",
        "a Python tag",
        _edit(
            _nth_meeting(15), "plats: Kommunhuset", "plats: !!python/object:os.system Kommunhuset"
        ),
    ),
    Mistake("TRY102", "a required key left out", _edit(_nth_meeting(16), "organ: ", "organet: ")),
    Mistake(
        "TRY203",
        "a due date before the meeting",
        _edit(_nth_meeting(17), "    senast: ", "    senast: 1990-01-01 #"),
    ),
    Mistake(
        "TRY103",
        "text where a number belongs",
        _edit(_nth_meeting(18, "est-grupp"), "antal: ", "antal: många #"),
    ),
    Mistake("TRY109", "an id with a space", _edit(_nth_meeting(19), "  - id: a-", "  - id: a b-")),
    Mistake(
        "TRY201",
        "a misspelt role in organisation.yaml",
        lambda r: _replace(
            r / "organisation.yaml", "ordförande: samordnare", "ordförande: samordnar"
        ),
    ),
    Mistake("TRY210", "the same period twice for an indicator", _duplicate_value),
)
"""The mistakes ``--mistakes`` makes, each in one plan (they take turns over the plans)."""

_ALIASES = """\
# Ankare och alias är tillåtna YAML; trygg läser dem som kopior.
x-standard: &standard
  plats: Kommunhuset
"""


def inject_mistakes(out: Path) -> list[tuple[str, Path]]:
    """Break the plans below ``out`` with every mistake in :data:`MISTAKES`.

    The mistakes are spread over the plans in turn. Returns (rule, file) for each, in order.
    One meeting also gets an anchor and an alias, which are valid but leave the fast path.
    """
    roots = sorted(p for p in out.iterdir() if (p / "kommun.yaml").is_file())
    if not roots:
        raise ValueError(f"no plans below {out}")
    done: list[tuple[str, Path]] = []
    for n, mistake in enumerate(MISTAKES):
        root = roots[n % len(roots)]
        path = mistake.apply(root)
        done.append((mistake.rule, path))
    alias_file = _meetings(roots[-1])[-1]
    text = alias_file.read_text(encoding="utf-8")
    alias_file.write_text(
        text.replace("datum:", _ALIASES.replace("x-standard", "anteckningar") + "datum:", 1),
        encoding="utf-8",
    )
    return done
