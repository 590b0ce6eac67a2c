"""An edit session on one plan: open files, change them, check the result, then write.

The session reads the plan once (every check, as ``trygg validate`` runs them), opens the files
an operation changes in ruamel.yaml's round-trip mode, and collects new files. ``finish`` turns
that into an :class:`~trygghet_cli.editing.changes.EditOutcome`: the new texts, the changes with
their lines, and the findings the edit would introduce, found by checking the whole plan with
the new texts in place of the old, before anything is written. ``write`` writes atomically and
never over a file that someone else changed since it was read.
"""

from __future__ import annotations

import dataclasses
import shlex
from collections import Counter
from pathlib import Path
from typing import Any

from trygghet_cli.checks.runner import PlanResult, check_plan
from trygghet_cli.diagnostics import Diagnostic, make, pointer_text
from trygghet_cli.editing.changes import Change, ChangeKind, EditError, EditOutcome, FileEdit
from trygghet_cli.i18n import Text, no_such_path
from trygghet_cli.loading import yamlfile
from trygghet_cli.loading.atomic import FileChangedError, plan_lock, write_bytes_atomic
from trygghet_cli.loading.plan import LoadedFile, discover, display_path, plan_root_of
from trygghet_cli.loading.roundtrip import LostCommentError, RoundTripFile, open_file
from trygghet_cli.model.plan import MARKER


def find_plan(start: Path) -> Path:
    """The plan folder that ``start`` is, is inside, or (alone) holds."""
    if not start.exists():
        raise EditError(no_such_path([start]))
    if start.is_dir() and (start / MARKER).is_file():
        return start
    root = plan_root_of(start.resolve() if start.is_file() else start.resolve() / MARKER)
    if root is not None:
        return root
    found = discover([start]).plans if start.is_dir() else []
    if len(found) == 1:
        return found[0]
    if found:
        shown, cut = ", ".join(display_path(p) for p in found[:5]), len(found) - 5
        where = display_path(start)
        raise EditError(
            Text(
                f"Det finns {len(found)} planer under {where}: {shown}"
                + (f" och {cut} till" if cut > 0 else ""),
                f"There are {len(found)} plans under {where}: {shown}"
                + (f" and {cut} more" if cut > 0 else ""),
            ),
            Text("Välj en av dem med --plan MAPP.", "Choose one of them with --plan FOLDER.")
            if cut <= 0
            else Text(
                "Välj en av dem med --plan MAPP. Varje plan är en mapp med en kommun.yaml; alla "
                f"visas med: find {shlex.quote(where)} -name kommun.yaml",
                "Choose one of them with --plan FOLDER. Each plan is a folder with a kommun.yaml; "
                f"to see them all: find {shlex.quote(where)} -name kommun.yaml",
            ),
        )
    raise EditError(
        Text(
            f"Ingen plan i {display_path(start)} eller mapparna ovanför (ingen {MARKER})",
            f"No plan in {display_path(start)} or the folders above it (no {MARKER})",
        ),
        Text(
            "Gå till planens mapp eller ange den med --plan.",
            "Go to the plan's folder or name it with --plan.",
        ),
    )


class EditSession:
    """The plan as read, the files opened for editing, and the changes made so far."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.before: PlanResult = check_plan(root)
        self.plan = self.before.loaded.plan
        self.changes: list[Change] = []
        self._files: dict[Path, RoundTripFile] = {}
        self._new: dict[Path, str] = {}
        self._paths: dict[Path, dict[int, tuple[str | int, ...]]] = {}

    # --- reading -----------------------------------------------------------------------------

    def loaded(self, path: Path) -> LoadedFile | None:
        return next((f for f in self.before.loaded.files if f.path == path), None)

    def plan_file(self, key: str) -> LoadedFile:
        """A plan file that must have validated, such as ``nyckeltal``."""
        found = self.before.loaded.file(key)
        if found is None or found.model is None:
            name = f"{key}.yaml"
            raise EditError(
                Text(
                    f"{name} saknas i planen eller har fel",
                    f"{name} is missing from the plan or has errors",
                ),
                Text(
                    f"Kör 'trygg validate {display_path(self.root)}' och rätta felen först.",
                    f"Run 'trygg validate {display_path(self.root)}' and fix the errors first.",
                ),
                diagnostics=found.diagnostics if found else [],
            )
        return found

    def expect_id(self, opened: RoundTripFile, node: Any, wanted: str) -> None:
        """The entry found by reading the plan is the one opened for editing; if not, the
        file changed in between (someone saved it while trygg was reading)."""
        if not isinstance(node, dict) or str(node.get("id")) != wanted:
            raise EditError(
                Text(
                    f"{opened.file} ändrades medan trygg läste planen; inget skrevs.",
                    f"{opened.file} changed while trygg was reading the plan; nothing was written.",
                ),
                Text("Kör kommandot igen.", "Run the command again."),
            )

    def broken_files(self) -> list[LoadedFile]:
        return [f for f in self.before.loaded.files if f.model is None]

    def broken_hint(self) -> Text | None:
        """A hint for "not found": perhaps it is in a file that could not be read."""
        broken = self.broken_files()
        if not broken:
            return None
        return Text(
            f"{len(broken)} av planens filer har fel och kunde inte läsas; kör 'trygg validate'.",
            f"{len(broken)} of the plan's files have errors and could not be read; run "
            "'trygg validate'.",
        )

    def open(self, path: Path) -> RoundTripFile:
        """The file at ``path``, opened for editing (once per session)."""
        if path in self._files:
            return self._files[path]
        opened, diags = open_file(path, display_path(path))
        if opened is None:
            raise EditError(
                Text(
                    f"{display_path(path)} kan inte ändras eftersom den har fel",
                    f"{display_path(path)} cannot be edited because it has errors",
                ),
                Text("Rätta felen först.", "Fix the errors first."),
                diagnostics=diags,
            )
        self._files[path] = opened
        return opened

    # --- changing ----------------------------------------------------------------------------

    def create(self, path: Path, text: str) -> None:
        if path.exists() or path in self._new:
            raise EditError(
                Text(
                    f"{display_path(path)} finns redan",
                    f"{display_path(path)} already exists",
                ),
                Text(
                    "Ändra den befintliga filen, eller ta bort den först.",
                    "Edit the existing file, or remove it first.",
                ),
            )
        self._new[path] = text

    def record(
        self,
        kind: ChangeKind,
        path: Path,
        pointer: tuple[str | int, ...],
        text: Text,
        anchor: Any = None,
    ) -> Change:
        """Note a change; ``anchor`` (the node changed) finds its line even if items moved."""
        change = Change(kind, path, display_path(path), pointer, text, anchor=anchor)
        self.changes.append(change)
        return change

    # --- finishing ---------------------------------------------------------------------------

    def finish(self) -> EditOutcome:
        """The new texts, the changes with their lines, and what the edit would break."""
        edits: list[FileEdit] = []
        for path, opened in self._files.items():
            try:
                after = opened.render()
            except LostCommentError as exc:
                raise EditError(
                    Text("Inget skrevs.", "Nothing was written."),
                    diagnostics=[_lost_comment(opened, exc.comment)],
                ) from None
            edits.append(
                FileEdit(path, opened.file, opened.text, after, opened.raw, opened.encode(after))
            )
        for path, text in self._new.items():
            edits.append(FileEdit(path, display_path(path), None, text, None, text.encode()))
        outcome = EditOutcome(edits=edits)
        self._paths = {}
        self._refuse_spill_over([e for e in edits if e.changed and e.before is not None])
        overrides = {e.path: e.after for e in edits if e.changed}
        result = check_plan(self.root, overrides) if overrides else self.before
        outcome.introduced = introduced(self.before.diagnostics, result.diagnostics)
        docs = {f.path: f.doc for f in result.loaded.files}
        for change in self.changes:
            pointer = self._pointer(change)
            doc = docs.get(change.path)
            created = change.kind is ChangeKind.CREATED
            line = doc.position(pointer)[0] if doc is not None and not created else 1
            outcome.changes.append(dataclasses.replace(change, pointer=pointer, line=line))
        return outcome

    def _refuse_spill_over(self, edits: list[FileEdit]) -> None:
        """Refuse an edit that changes a value it did not name.

        A YAML merge key (``- <<: *mall``) makes one item take another's values: closing the
        anchored action would close the one that merges it too, silently. The file's data
        before and after (as trygg reads it, merges expanded) must differ only at what the
        recorded changes point to.
        """
        for edit in edits:
            named = [
                pointer
                for change in self.changes
                if change.path == edit.path
                for pointer in (change.pointer, self._pointer(change))
            ]
            before, _ = yamlfile.parse(edit.before or "", edit.file)
            after, _ = yamlfile.parse(edit.after, edit.file)
            if before is None or after is None:
                continue  # the checks say what is wrong with the text
            self._refuse_shared(edit, before)
            for path in differences(before.data, after.data):
                if any(_related(path, pointer) for pointer in named):
                    continue
                line, _column = before.position(path)
                item = _item_name(before.data, path)
                where = f"{edit.file}:{line}"
                sv = f"posten {item}, {where}" if item else where
                en = f"the item {item}, {where}" if item else where
                raise EditError(
                    Text(
                        f"Ändringen skulle också ändra {pointer_text(path)} ({sv}), som tar "
                        "sina värden från det som ändras genom en YAML-sammanslagning "
                        "(<<: *ankare); inget skrevs.",
                        f"The edit would also change {pointer_text(path)} ({en}), which takes "
                        "its values from what is edited through a YAML merge key "
                        "(<<: *anchor); nothing was written.",
                    ),
                    Text(
                        "Skriv ut värdena i den posten i stället för <<: *ankare (eller ge den "
                        "egna värden för det som ändras), och kör kommandot igen.",
                        "Write the values out in that item instead of <<: *anchor (or give it "
                        "values of its own for what is edited), and run the command again.",
                    ),
                )

    def _refuse_shared(self, edit: FileEdit, before: yamlfile.YamlDocument) -> None:
        """Refuse an edit of a list or mapping that a YAML alias shows in a second place too.

        ``värden: &v`` in one indicator and ``värden: *v`` in another are one list: a value set
        in the one is set in the other, and the data before and after differ at both places,
        both under the node that changed. So a change whose node, or a node that holds it, is
        reachable by two paths is refused, naming the other place.
        """
        source = self._files.get(edit.path)
        if source is None:
            return
        places: _Places | None = None
        for change in self.changes:
            if change.path != edit.path or change.anchor is None:
                continue
            places = places or _places(source.data)
            node: Any = change.anchor
            while node is not None and id(node) in places.first:
                parent, path = places.first[id(node)]
                again = places.again.get(id(node))
                if again is not None:
                    other = again if _related(path, change.pointer) else path
                    line, _column = before.position(other, key=True)
                    item = _item_name(before.data, other)
                    where = f"{edit.file}:{line}"
                    sv = f"posten {item}, {where}" if item else where
                    en = f"the item {item}, {where}" if item else where
                    raise EditError(
                        Text(
                            f"Ändringen skulle också ändra {pointer_text(other)} ({sv}), som "
                            "delar sina värden med det som ändras genom ett YAML-alias "
                            "(*ankare); inget skrevs.",
                            f"The edit would also change {pointer_text(other)} ({en}), which "
                            "shares its values with what is edited through a YAML alias "
                            "(*anchor); nothing was written.",
                        ),
                        Text(
                            "Skriv ut värdena på båda ställena i stället för &ankare och *ankare "
                            "(eller låt det ena stället få egna värden), och kör kommandot igen.",
                            "Write the values out in both places instead of &anchor and *anchor "
                            "(or give one of the places values of its own), and run the command "
                            "again.",
                        ),
                    )
                node = parent

    def _pointer(self, change: Change) -> tuple[str | int, ...]:
        """Where the change's node is now (items may have moved since it was recorded); the
        paths of a file's nodes are found once per :meth:`finish`, not once per change, so
        an import of thousands of values takes time in proportion to them."""
        source = self._files.get(change.path)
        if change.anchor is None or source is None:
            return change.pointer
        paths = self._paths.get(change.path)
        if paths is None:
            paths = self._paths[change.path] = node_paths(source.data)
        return paths.get(id(change.anchor)) or change.pointer


def differences(
    before: Any, after: Any, path: tuple[str | int, ...] = ()
) -> list[tuple[str | int, ...]]:
    """The paths at which two documents' plain data differ; a list whose length changed is one
    difference, at the list (its items moved)."""
    if isinstance(before, dict) and isinstance(after, dict):
        out: list[tuple[str | int, ...]] = []
        for key in [*before, *(k for k in after if k not in before)]:
            if key not in before or key not in after:
                out.append((*path, key))
            else:
                out.extend(differences(before[key], after[key], (*path, key)))
        return out
    if isinstance(before, list) and isinstance(after, list):
        if len(before) != len(after):  # items came or went: the list changed as a whole
            return [path]
        out = []
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            out.extend(differences(old, new, (*path, index)))
        return out
    return [] if type(before) is type(after) and before == after else [path]


def _related(path: tuple[str | int, ...], pointer: tuple[str | int, ...]) -> bool:
    """Whether a difference at ``path`` is part of a change at ``pointer`` (or holds it)."""
    shorter = min(len(path), len(pointer))
    return path[:shorter] == pointer[:shorter]


def _item_name(data: Any, path: tuple[str | int, ...]) -> str:
    """The id of the innermost item with one that ``path`` goes through, or nothing."""
    node = data
    found = ""
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            found = node["id"]
    return found


def node_paths(data: Any) -> dict[int, tuple[str | int, ...]]:
    """The path of every mapping and list in ``data``, by the node's identity: for each node
    the path :func:`pointer_to` would give (the first found, in the same order)."""
    paths: dict[int, tuple[str | int, ...]] = {}
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if not isinstance(node, (dict, list)):
            continue
        paths.setdefault(id(node), path)
        if isinstance(node, dict):
            stack.extend((value, (*path, str(key))) for key, value in node.items())
        else:
            stack.extend((value, (*path, index)) for index, value in enumerate(node))
    return paths


@dataclasses.dataclass
class _Places:
    first: dict[int, tuple[Any, tuple[str | int, ...]]]
    """Every mapping and list by identity: the node that holds it and its path, as found
    first."""
    again: dict[int, tuple[str | int, ...]]
    """Those reached by a second path (a YAML alias shows the anchored node again): that path."""


def _places(data: Any) -> _Places:
    """Where each mapping and list of ``data`` is (one walk; a node met again is not walked
    again, so an alias does not multiply the work)."""
    places = _Places({}, {})
    stack: list[tuple[Any, Any, tuple[str | int, ...]]] = [(data, None, ())]
    while stack:
        node, parent, path = stack.pop()
        if not isinstance(node, (dict, list)):
            continue
        if id(node) in places.first:
            places.again.setdefault(id(node), path)
            continue
        places.first[id(node)] = (parent, path)
        if isinstance(node, dict):
            stack.extend((value, node, (*path, str(key))) for key, value in node.items())
        else:
            stack.extend((value, node, (*path, index)) for index, value in enumerate(node))
    return places


def pointer_to(data: Any, target: Any) -> tuple[str | int, ...] | None:
    """The path of keys and indices from ``data`` to the node ``target`` (by identity)."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if node is target:
            return path
        if isinstance(node, dict):
            stack.extend((value, (*path, str(key))) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, (*path, index)) for index, value in enumerate(node))
    return None


def introduced(before: list[Diagnostic], after: list[Diagnostic]) -> list[Diagnostic]:
    """Findings in ``after`` that ``before`` did not have (by rule, file and place)."""
    seen = Counter(_identity(d) for d in before)
    out = []
    for d in after:
        key = _identity(d)
        if seen[key]:
            seen[key] -= 1
        else:
            out.append(d)
    return out


def _identity(d: Diagnostic) -> tuple[str, str, str]:
    """A finding's identity that lines moving up or down do not change."""
    return (d.rule, d.file, d.pointer or repr(d.args))


def _lost_comment(opened: RoundTripFile, comment: str) -> Diagnostic:
    for number, line in enumerate(opened.text.split("\n"), start=1):
        column = line.find(comment)
        if column >= 0:
            return make("TRY521", opened.file, number, column + 1, comment=comment)
    return make("TRY521", opened.file, 1, 1, comment=comment)


def write(outcome: EditOutcome, root: Path) -> list[FileEdit]:
    """Write the changed files; :class:`FileChangedError` if one changed since it was read.

    Under the plan's lock (:func:`~trygghet_cli.loading.atomic.plan_lock`) every file is
    compared with what was read before the first one is written, and again just before its own
    rename: another trygg that edits the plan waits, then finds the files changed and refuses,
    so no change is lost however slow a rename is. A file that is a link inside the plan is
    written at the file the link points to.
    """
    edits = outcome.written
    with plan_lock(root):
        for edit in edits:
            current = edit.path.read_bytes() if edit.path.exists() else None
            if current != edit.original:
                raise FileChangedError(edit.path)
        for edit in edits:
            write_bytes_atomic(_within(root, edit.path), edit.data, unchanged_from=edit.original)
    return edits


def _within(root: Path, path: Path) -> Path:
    """Where a plan file is written: the file a link inside the plan points to, else itself."""
    if not path.is_symlink():
        return path
    target = path.resolve()
    base = root.resolve()
    return target if base in target.parents else path
