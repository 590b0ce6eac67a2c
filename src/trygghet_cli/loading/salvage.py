"""What can be read of a file that did not validate: the model without its broken parts.

A file with one wrong value must not hide the checks across files for the rest of it: a
meeting whose decisions are plain strings still has attendees to check against the roles, a
date to compare with its file name and actions to follow up. :func:`salvage` leaves out each
part that failed validation and validates again, until the rest is a model or something the
model cannot do without (a meeting's ``datum``) is broken.

What is left out, so that the rest gives no finding about it:

- an unknown key: only the key;
- a broken value inside a list item (an action, a body, a goal): the whole item, so that an
  action whose ``klar_datum`` is not a date is not also reported done without a date;
- a broken value outside any list: its key at the top of the file, or nothing can be read if
  the model requires that key.

The model's list indices then differ from the file's where items were left out;
:meth:`Salvage.source_path` turns a path in the model into the path in the file, so that a
finding points at the line it is about.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)
Path = tuple[str | int, ...]

MAX_ROUNDS = 8
"""Validation rounds before giving up (each round leaves out what the last one found)."""


@dataclass
class Salvage:
    """The readable rest of a file, or why there is none."""

    model: BaseModel | None = None
    kept: dict[Path, list[int]] = field(default_factory=dict)
    """For each list the file's items were left out of (by its path in the file): the file's
    indices of the items that are left, in order."""
    dropped_keys: list[str] = field(default_factory=list)
    """Keys at the top of the file that were left out with their values."""
    blocking: list[str] = field(default_factory=list)
    """Keys the model requires that are missing or broken: nothing can be read without them."""

    def source_path(self, path: Iterable[str | int]) -> Path:
        """The path in the file of a value at ``path`` in the model."""
        out: list[str | int] = []
        for part in path:
            if isinstance(part, int):
                kept = self.kept.get(tuple(out))
                if kept is not None and 0 <= part < len(kept):
                    part = kept[part]
            out.append(part)
        return tuple(out)


def salvage(data: Any, model: type[M]) -> Salvage:
    """The model of ``data`` without the parts that fail validation (see the module)."""
    result = Salvage()
    if not isinstance(data, dict):
        return result
    work = copy.deepcopy(data)
    for _ in range(MAX_ROUNDS):
        try:
            result.model = model.model_validate(work)
        except ValidationError as exc:
            targets = _targets(work, exc.errors(include_url=False), result)
            if result.blocking or not targets:
                result.model = None
                return result
            _remove(work, targets, result)
        else:
            return result
    return result


def _targets(work: Any, errors: list[Any], result: Salvage) -> list[Path]:
    """The parts to leave out for these errors (the outermost of nested ones)."""
    found: set[Path] = set()
    for err in errors:
        path = _data_path(work, err["loc"])
        if err["type"] == "extra_forbidden":
            if path and isinstance(path[-1], str):
                found.add(path)
            continue
        item = _innermost_item(path)
        if item is not None:
            found.add(item)
        elif path and isinstance(path[0], str):
            found.add(path[:1])  # a key at the top, or the key above a missing one
        else:  # a key the model requires is missing at the top, or the whole file is wrong
            names = [part for part in err["loc"] if isinstance(part, str)]
            result.blocking.append(names[-1] if err["type"] == "missing" and names else "")
    return [p for p in found if not any(p[: len(q)] == q and p != q for q in found)]


def _data_path(work: Any, loc: Iterable[Any]) -> Path:
    """The path in ``work`` that pydantic's ``loc`` names (the names of union members and
    validators in it are skipped)."""
    path: list[str | int] = []
    current = work
    for part in loc:
        if _holds(current, part):
            current = current[part]
            path.append(part)
    return tuple(path)


def _holds(container: Any, part: Any) -> bool:
    if isinstance(container, dict):
        return isinstance(part, str) and part in container
    return isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container)


def _innermost_item(path: Path) -> Path | None:
    """The path of the deepest list item on ``path``."""
    for end in range(len(path), 0, -1):
        if isinstance(path[end - 1], int):
            return path[:end]
    return None


def _remove(work: Any, targets: list[Path], result: Salvage) -> None:
    # The deepest first, and later items of a list before earlier ones: no removal moves a
    # part another is yet to remove.
    for target in sorted(targets, key=lambda p: (len(p), [str(x).zfill(9) for x in p]))[::-1]:
        parent = work
        for part in target[:-1]:
            parent = parent[part]
        last = target[-1]
        if isinstance(last, int):
            source = result.source_path(target[:-1])
            kept = result.kept.setdefault(source, list(range(len(parent))))
            del kept[last]
            del parent[last]
        else:
            del parent[last]
            if len(target) == 1:
                result.dropped_keys.append(last)
