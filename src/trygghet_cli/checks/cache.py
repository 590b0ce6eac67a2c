"""A cache of what ``trygg validate`` found in each file, keyed by the file's bytes.

What one file gives on its own (its data, the findings of reading, parsing and validating it,
and the personnummer scan) depends only on its bytes, its kind and trygg itself. The cache keeps
exactly that, minus the file's name, so that an unchanged file is neither parsed nor validated
again. Checks across files (references, unique ids, dates that must agree) run on every run,
on the models the cache gives back; when one of them needs a position in a cached file, the
file is parsed again then (:meth:`~trygghet_cli.loading.plan.LoadedFile.document`). A cached
run gives exactly the findings of a cold one; a test proves it on a corpus of mistakes.

Layout: ``<folder>/<version>/<plan>.json``. ``<version>`` is a fingerprint of trygg's own source
(rules and messages included), its version and the versions of Python, pydantic and PyYAML, so
a new trygg never reads an old cache. ``<plan>`` is a hash of the plan folder's absolute path:
one file per plan, holding the entries of that plan's current files, and rewritten only when a
file changed. The entries are JSON: a cache can hide a finding if someone forges it, but it can
never run code. The folder is ``$TRYGG_CACHE_DIR``, else ``$XDG_CACHE_HOME/trygg``, else
``~/.cache/trygg``. A cache that cannot be read or written is passed over in silence: it only
ever makes trygg faster.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from trygghet_cli.diagnostics import ArgValue, Diagnostic, Severity
from trygghet_cli.i18n import Text
from trygghet_cli.rules import RULES

CACHE_ENV = "TRYGG_CACHE_DIR"
FORMAT = 2
"""Bump when the layout of an entry changes."""


def default_folder() -> Path:
    """Where the cache lives unless ``--no-cache`` is given."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "trygg"


@dataclass(frozen=True)
class Entry:
    """What one file gave: its data (when its model validated) and its findings, without path."""

    data: Any
    load: tuple[Diagnostic, ...]
    text: tuple[Diagnostic, ...]

    def load_for(self, file: str) -> list[Diagnostic]:
        return [replace(d, file=file) for d in self.load]

    def text_for(self, file: str) -> list[Diagnostic]:
        return [replace(d, file=file) for d in self.text]


def entry(data: Any, load: list[Diagnostic], text: list[Diagnostic]) -> Entry:
    """An entry for the cache: the findings are stored without the file's name."""
    return Entry(
        data, tuple(replace(d, file="") for d in load), tuple(replace(d, file="") for d in text)
    )


class FileCache:
    """The cache folder for this trygg; hands out one :class:`PlanCache` per plan."""

    def __init__(self, folder: Path) -> None:
        self.root = folder
        self.folder = folder / fingerprint()

    def plan(self, root: Path) -> PlanCache:
        name = hashlib.blake2b(str(root.resolve()).encode(), digest_size=16).hexdigest()
        return PlanCache(self.folder / f"{name}.json")

    def prune(self) -> None:
        """Remove caches of other trygg versions (once, when this version's folder is new)."""
        if self.folder.exists() or not self.root.is_dir():
            return
        import shutil

        for other in self.root.iterdir():
            if other.is_dir() and other.name.startswith("v"):
                shutil.rmtree(other, ignore_errors=True)


class PlanCache:
    """The entries of one plan's files. :meth:`save` keeps only the entries used this run."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stored = _read(path)
        self._used: dict[str, Entry] = {}
        self._added = False

    @staticmethod
    def key(kind: str, data: bytes) -> str:
        digest = hashlib.blake2b(kind.encode(), digest_size=20)
        digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> Entry | None:
        found = self._used.get(key)
        if found is None:
            raw = self._stored.get(key)
            if raw is None:
                return None
            try:
                found = _decode_entry(raw)
            except (KeyError, TypeError, ValueError, IndexError):
                return None
        self._used[key] = found
        return found

    def put(self, key: str, value: Entry) -> None:
        self._used[key] = value
        self._added = True

    def save(self) -> None:
        """Write the plan's entries if any changed. Never fails: a cache is optional."""
        if not self._added and self._used.keys() == self._stored.keys():
            return
        payload = {key: _encode_entry(value) for key, value in sorted(self._used.items())}
        try:
            text = json.dumps({"format": FORMAT, "files": payload}, ensure_ascii=False)
            _write(self.path, text.encode("utf-8"))
        except (OSError, ValueError, TypeError):
            return


@functools.cache
def fingerprint() -> str:
    """A name for this trygg's cache: its source, its version and what it runs on."""
    import pydantic_core
    import yaml

    import trygghet_cli

    digest = hashlib.blake2b(digest_size=12)
    versions = (
        trygghet_cli.__version__,
        sys.version,
        pydantic_core.__version__,
        yaml.__version__,
        str(FORMAT),
    )
    digest.update("|".join(versions).encode())
    package = Path(trygghet_cli.__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return "v" + digest.hexdigest()


# --- JSON -------------------------------------------------------------------------------------


def _read(path: Path) -> dict[str, Any]:
    try:
        stored = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(stored, dict) or stored.get("format") != FORMAT:
        return {}
    files = stored.get("files")
    return files if isinstance(files, dict) else {}


def _write(path: Path, data: bytes) -> None:
    """Replace ``path`` in one step (no fsync: a torn cache file is read as no cache)."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _encode_entry(value: Entry) -> list[Any]:
    return [value.data, [_encode(d) for d in value.load], [_encode(d) for d in value.text]]


def _decode_entry(raw: Any) -> Entry:
    data, load, text = raw
    return Entry(data, tuple(_decode(d) for d in load), tuple(_decode(d) for d in text))


def _encode(d: Diagnostic) -> list[Any]:
    return [
        d.rule,
        d.line,
        d.column,
        [[name, _encode_arg(value)] for name, value in d.args],
        d.severity.value if d.severity is not None else None,
        d.pointer,
        d.end_line,
        d.end_column,
        _encode_arg(d.hint_override) if d.hint_override is not None else None,
        d.anchor,
    ]


def _decode(raw: list[Any]) -> Diagnostic:
    rule, line, column, args, severity, pointer, end_line, end_column, hint, anchor = raw
    if rule not in RULES:  # forged, or from a trygg with other rules
        raise ValueError(f"unknown rule {rule!r}")
    return Diagnostic(
        rule=str(rule),
        file="",
        line=int(line),
        column=int(column),
        args=tuple((str(name), _decode_arg(value)) for name, value in args),
        severity=Severity(severity) if severity is not None else None,
        pointer=str(pointer),
        end_line=_optional_int(end_line),
        end_column=_optional_int(end_column),
        hint_override=_decode_text(hint) if hint is not None else None,
        anchor=str(anchor),
    )


def _optional_int(raw: Any) -> int | None:
    return None if raw is None else int(raw)


def _encode_arg(value: ArgValue) -> Any:
    if isinstance(value, Text):
        return {"sv": value.sv, "en": value.en}
    return value


def _decode_arg(raw: Any) -> ArgValue:
    if isinstance(raw, dict):
        return _decode_text(raw)
    if isinstance(raw, (str, int, float)):
        return raw
    raise TypeError(f"not an argument: {raw!r}")


def _decode_text(raw: Any) -> Text:
    return Text(str(raw["sv"]), str(raw["en"]))
