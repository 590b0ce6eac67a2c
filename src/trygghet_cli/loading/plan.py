"""Find plan folders and read their files.

A plan is a folder with ``kommun.yaml``. A path given on the command line may be a plan, a
folder holding many plans (found recursively), or a file inside a plan (as pre-commit passes
them): then the whole plan the file belongs to is read, since references cross files.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from trygghet_cli.diagnostics import Diagnostic, anchor_text, make, pointer_path
from trygghet_cli.i18n import Text
from trygghet_cli.loading import validation, yamlfile
from trygghet_cli.loading.salvage import Salvage, salvage
from trygghet_cli.loading.yamlfile import YamlDocument
from trygghet_cli.model.common import TryggModel
from trygghet_cli.model.meetings import Meeting
from trygghet_cli.model.plan import (
    MARKER,
    MEETING_FILE,
    MEETINGS_DIR,
    PLAN_FILES,
    YAML_SUFFIXES,
    FileKind,
    MeetingRecord,
    Plan,
)

SKIP_DIRS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}


@dataclass
class LoadedFile:
    """One plan file after reading: its text, its document and its model, as far as each got.

    A file whose results came from the cache has its text and model but no document until a
    finding needs a position in it: :meth:`document` parses it again then.
    """

    kind: FileKind
    path: Path
    file: str
    text: str | None = None
    doc: YamlDocument | None = None
    model: TryggModel | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    parse_later: bool = False
    salvaged: Salvage | None = None
    """For a file that did not validate: the model of what could be read of it."""
    readable_part: bool = False
    """This copy's model is the readable part of a file that did not validate
    (:meth:`readable`): its list indices are mapped to the file's by :meth:`source_path`."""

    def release_document(self) -> None:
        """Let the node tree go; :meth:`document` parses the text again if it is needed."""
        if self.doc is not None and self.text is not None:
            self.doc = None
            self.parse_later = self.model is not None or self.partial is not None

    @property
    def partial(self) -> TryggModel | None:
        """The model of the readable part of a file that did not validate."""
        model = self.salvaged.model if self.salvaged is not None else None
        return model if isinstance(model, TryggModel) else None

    def readable(self) -> LoadedFile:
        """This file for the checks across files: as it is, or, when it did not validate, a
        copy with the model of the part that could be read."""
        if self.model is None and self.partial is not None:
            return replace(self, model=self.partial, readable_part=True)
        return self

    def source_path(self, path: tuple[str | int, ...]) -> tuple[str | int, ...]:
        """The path in the file of a value at ``path`` in the model."""
        if self.readable_part and self.salvaged is not None:
            return self.salvaged.source_path(path)
        return path

    def document(self) -> YamlDocument | None:
        """The document with the position of every value, parsed on demand when cached."""
        if self.doc is None and self.parse_later and self.text is not None:
            self.doc, _ = yamlfile.parse(self.text, self.file)
            self.parse_later = False
        return self.doc


@dataclass
class LoadedPlan:
    root: Path
    files: list[LoadedFile]
    plan: Plan
    layout: list[Diagnostic] = field(default_factory=list)

    def file(self, key: str) -> LoadedFile | None:
        return next((f for f in self.files if f.kind.key == key), None)

    def meeting_files(self) -> list[LoadedFile]:
        return [f for f in self.files if f.kind is MEETING_FILE]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        out = list(self.layout)
        for f in self.files:
            out.extend(f.diagnostics)
        return out


def display_path(path: Path) -> str:
    """A path as shown in findings: relative to the working folder when inside it.

    Bytes in a file name that are not UTF-8 are shown as ``\\xff`` escapes, so every output
    format can carry the name.
    """
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return printable(path.as_posix())
    if rel.startswith(".."):
        return printable(path.as_posix())
    return printable(Path(rel).as_posix())


def printable(name: str) -> str:
    """A file name with undecodable bytes (surrogate escapes) written as ``\\xNN``."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


@dataclass
class Discovery:
    plans: list[Path]
    diagnostics: list[Diagnostic]
    missing: list[str]


def discover(paths: Iterable[Path]) -> Discovery:
    """The plan folders that ``paths`` name or hold, in a stable order.

    A path that does not exist is returned in ``missing`` (a usage error); a folder with no
    plan in it gets a TRY010 diagnostic.
    """
    plans: dict[Path, None] = {}
    diagnostics: list[Diagnostic] = []
    missing: list[str] = []
    for path in paths:
        if not path.exists():
            missing.append(str(path))
            continue
        if not path.is_dir():
            root = plan_root_of(path)
            if root is None:
                diagnostics.append(make("TRY010", display_path(path), 1, 1, marker=MARKER))
            else:
                plans[root] = None
            continue
        found = list(_plans_below(path, diagnostics))
        if not found:
            above = plan_root_of(path / MARKER)  # a folder inside a plan, such as moten/
            if above is not None:
                found = [above]
            else:
                diagnostics.append(make("TRY010", display_path(path), 1, 1, marker=MARKER))
        for root in found:
            plans[root] = None
    return Discovery(sorted(plans, key=lambda p: p.as_posix()), diagnostics, missing)


MARKERS = tuple(Path(MARKER).stem + suffix for suffix in YAML_SUFFIXES)
"""``kommun.yaml`` or ``kommun.yml``: the file that makes a folder a plan."""


def is_plan(folder: Path) -> bool:
    return any((folder / marker).is_file() for marker in MARKERS)


def plan_root_of(path: Path) -> Path | None:
    """The plan folder a file belongs to: the nearest folder above it with kommun.yaml.

    A relative path is resolved first, so ``trygg validate 2021-03-02-lokala-bra.yaml`` run
    inside ``moten/`` finds its plan; the plan is returned as the user would write it when it
    lies inside the working folder.
    """
    absolute = path.absolute()
    for folder in [absolute.parent, *absolute.parent.parents]:
        if is_plan(folder):
            return _as_given(folder)
    return None


def _as_given(folder: Path) -> Path:
    try:
        return folder.relative_to(Path.cwd())
    except ValueError:
        return folder


def _plans_below(folder: Path, diagnostics: list[Diagnostic]) -> Iterator[Path]:
    """Plan folders below ``folder``, never round in a loop.

    A symbolic link is followed when it stays inside ``folder`` or leads to a plan (a
    länsstyrelse may keep a folder of links to the kommuners' plans); any other link out of
    ``folder`` (to ``/``, say) is reported (TRY016) and not walked.
    """
    visited: set[str] = set()
    for current, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(current)
        if real in visited:
            dirs[:] = []
            continue
        visited.add(real)
        kept = []
        for name in sorted(dirs):
            if name in SKIP_DIRS or name.startswith("."):
                continue
            below = Path(current) / name
            link = link_out_of(folder, below)
            if link is not None and not is_plan(below):
                diagnostics.append(link)
                continue
            kept.append(name)
        dirs[:] = kept
        if any(marker in files for marker in MARKERS):
            yield Path(current)
            dirs[:] = []  # a plan's own folders hold no further plans


def link_out_of(root: Path, path: Path) -> Diagnostic | None:
    """TRY016 when ``path`` is a symbolic link that leads out of ``root``."""
    if not path.is_symlink():
        return None
    real = os.path.realpath(path)
    base = os.path.realpath(root)
    if real == base or real.startswith(base.rstrip(os.sep) + os.sep):
        return None
    try:
        target = str(path.readlink())
    except OSError:
        target = "?"
    return make("TRY016", display_path(path), 1, 1, target=printable(target))


_TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{6,}\.tmp$")


def leftover_temporary(path: Path, shown: str) -> Diagnostic | None:
    """TRY019 for a ``.NAME.xxxxxxxx.tmp`` that a write interrupted by a kill left behind."""
    return make("TRY019", shown, 1, 1) if _TEMPORARY.match(path.name) else None


def is_plan_candidate(root: Path, path: Path) -> bool:
    """Whether :func:`plan_files` looks at ``path`` (and so reports it if it is a link out)."""
    if path.name.startswith("."):
        return False
    if path.parent == root:
        return path.suffix in YAML_SUFFIXES
    meetings = root / MEETINGS_DIR
    return meetings in path.parents and (path.suffix in YAML_SUFFIXES or path.is_dir())


def plan_files(root: Path) -> tuple[list[tuple[FileKind, Path]], list[Diagnostic]]:
    """The files of the plan at ``root`` with their kinds, and layout findings."""
    found: list[tuple[FileKind, Path]] = []
    layout: list[Diagnostic] = []
    by_name = {k.filename: k for k in PLAN_FILES}
    known_names = [k.filename for k in PLAN_FILES]
    seen_stems: set[str] = set()
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        if entry.name.startswith(".") or entry.suffix not in YAML_SUFFIXES:
            continue
        name = entry.stem + ".yaml"
        kind = by_name.get(name)
        link = link_out_of(root, entry)
        if link is not None:  # reported, never read
            layout.append(link)
            if kind is not None:
                seen_stems.add(kind.key)
            continue
        # A folder, pipe or device with a plan file's name is read as one, to be reported
        # (TRY012) instead of passed over.
        if kind is not None and kind.key not in seen_stems:
            seen_stems.add(kind.key)
            found.append((kind, entry))
            continue
        suggestion = difflib.get_close_matches(name, known_names, n=1, cutoff=0.7)
        duplicate = kind is not None  # mal.yml beside mal.yaml
        layout.append(
            make(
                "TRY011",
                display_path(entry),
                1,
                1,
                name=entry.name,
                known=", ".join(known_names) + f", {MEETINGS_DIR}/*.yaml",
                suggestion="" if duplicate else (suggestion[0] if suggestion else ""),
                hint=_duplicate_hint(entry.name, name) if duplicate else None,
            )
        )
    for kind in PLAN_FILES:
        if kind.required and kind.key not in seen_stems:
            layout.append(
                make("TRY015", display_path(root / kind.filename), 1, 1, name=kind.filename)
            )
    meetings_dir = root / MEETINGS_DIR
    if meetings_dir.is_dir():
        for current, dirs, files in os.walk(meetings_dir):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in dirs:
                link = link_out_of(root, Path(current) / name)
                if link is not None:
                    layout.append(link)
            for name in sorted(files):
                if not name.startswith(".") and name.endswith(YAML_SUFFIXES):
                    link = link_out_of(root, Path(current) / name)
                    if link is not None:
                        layout.append(link)
                    else:
                        found.append((MEETING_FILE, Path(current) / name))
    return found, layout


def _duplicate_hint(name: str, kept: str) -> Text:
    other = kept if kept != name else kept.removesuffix(".yaml") + ".yml"
    return Text(
        f"Planen läser redan {other}; slå ihop innehållet där och ta bort {name}.",
        f"The plan already reads {other}; merge the content there and delete {name}.",
    )


def read_plan(
    root: Path, overrides: Mapping[Path, str] | None = None, *, reference: bool = False
) -> LoadedPlan:
    """Read and validate every file of one plan, file by file (no cross-file checks).

    ``overrides`` gives the text of some files as an edit would leave them (a new meeting file
    included), so that an edit can be checked before anything is written.
    """
    entries, layout = plan_entries(root, overrides)
    texts = dict(overrides or {})
    shown = display_below(root)
    files: list[LoadedFile] = []
    for kind, path in entries:
        files.append(read_plan_file(kind, path, texts.get(path), shown(path), reference=reference))
    return LoadedPlan(root, files, assemble(root, files), layout)


def plan_entries(
    root: Path, overrides: Mapping[Path, str] | None = None
) -> tuple[list[tuple[FileKind, Path]], list[Diagnostic]]:
    """:func:`plan_files`, and the new meeting files that ``overrides`` would write."""
    entries, layout = plan_files(root)
    listed = {path for _, path in entries}
    entries.extend(
        (MEETING_FILE, path)
        for path in sorted(overrides or {})
        if path not in listed and (root / MEETINGS_DIR) in path.parents
    )
    return entries, layout


def display_below(root: Path) -> Callable[[Path], str]:
    """:func:`display_path` for the files of the plan at ``root``, without a system call each."""
    base = display_path(root)
    base = "" if base == "." else base.rstrip("/") + "/"
    prefix = str(root) + os.sep
    if prefix == "." + os.sep:
        prefix = ""

    def shown(path: Path) -> str:
        text = str(path)
        if text.startswith(prefix):  # the files of a plan are its folder's path and a name
            rel = text[len(prefix) :]
            return printable(base + (rel if os.sep == "/" else rel.replace(os.sep, "/")))
        return printable(base + path.relative_to(root).as_posix())

    return shown


def read_plan_file(
    kind: FileKind,
    path: Path,
    text: str | None = None,
    file: str | None = None,
    *,
    reference: bool = False,
) -> LoadedFile:
    """Read, parse and validate one file (or ``text`` in its place); ``file`` is its name in
    findings."""
    loaded = LoadedFile(kind, path, file if file is not None else display_path(path))
    if text is not None:
        return load_plan_file(loaded, text.encode("utf-8"), reference=reference)
    data, diags = yamlfile.read_bytes(path, loaded.file)
    if data is None:
        loaded.diagnostics.extend(diags)
        return loaded
    return load_plan_file(loaded, data, reference=reference)


def load_plan_file(loaded: LoadedFile, data: bytes, *, reference: bool = False) -> LoadedFile:
    """Decode, parse and validate the bytes of ``loaded``'s file into it."""
    text, diags = yamlfile.decode(data, loaded.file)
    loaded.text = text
    loaded.diagnostics.extend(diags)
    if text is None:
        return loaded
    doc, diags = yamlfile.parse(text, loaded.file, reference=reference)
    loaded.doc = doc
    loaded.diagnostics.extend(diags)
    if doc is None:
        return loaded
    model, diags = validation.validate(doc, loaded.kind.model)
    loaded.model = model
    loaded.diagnostics.extend(diags)
    if model is None and isinstance(doc.data, dict):
        loaded.salvaged = salvage(doc.data, loaded.kind.model)
    loaded.diagnostics = [
        replace(d, anchor=anchor_text(pointer_path(d.pointer), doc.data))
        if d.pointer and not d.anchor
        else d
        for d in loaded.diagnostics
    ]
    return loaded


def assemble(root: Path, files: Iterable[LoadedFile]) -> Plan:
    """The :class:`Plan` made of the files that validated."""
    plan = Plan(root=root)
    for f in files:
        if f.model is None:
            continue
        if f.kind is MEETING_FILE:
            assert isinstance(f.model, Meeting)
            rel = f.path.relative_to(root).as_posix()
            plan.meetings.append(MeetingRecord(rel, f.model))
        else:
            setattr(plan, _PLAN_ATTR[f.kind.key], f.model)
    plan.meetings.sort(key=lambda r: (r.meeting.date, r.file))
    return plan


_PLAN_ATTR = {
    "kommun": "municipality",
    "organisation": "organisation",
    "styrdokument": "documents",
    "mal": "goals",
    "aktiviteter": "activities",
    "nyckeltal": "indicators",
}
