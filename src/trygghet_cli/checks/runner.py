"""One plan checked: its files read, each file's own findings, then the checks across files.

Prints nothing. Many plans are checked by :mod:`trygghet_cli.checks.batch`, which calls
:func:`summarise` once per plan. What each file gives on its own can come from the cache
(:mod:`trygghet_cli.checks.cache`); checks across files run on every run.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from trygghet_cli.checks.cache import Entry, FileCache, PlanCache, entry
from trygghet_cli.checks.consistency import check_consistency
from trygghet_cli.checks.personal_data import (
    check_bytes,
    check_other_files,
    check_text,
    check_values,
    identity_findings,
    needs_values,
)
from trygghet_cli.checks.references import build_index, check_references
from trygghet_cli.checks.register import check_register
from trygghet_cli.diagnostics import Diagnostic, Severity, make, sort_diagnostics
from trygghet_cli.i18n import Text
from trygghet_cli.loading import yamlfile
from trygghet_cli.loading.national import national_data
from trygghet_cli.loading.plan import (
    LoadedFile,
    LoadedPlan,
    assemble,
    display_below,
    load_plan_file,
    plan_entries,
)
from trygghet_cli.model.plan import FileKind, Plan


@dataclass
class PlanResult:
    loaded: LoadedPlan
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return not any(d.level is Severity.ERROR for d in self.diagnostics)


@dataclass(frozen=True)
class PlanSummary:
    """What ``trygg validate`` keeps of a checked plan: its files and its findings.

    ``plan`` (the models, without documents) is kept only when asked for, by the commands that
    report on plans. ``digest`` is what a command's digest made of the checked plan (in the
    worker that checked it), so that the plan itself can go: the follow-up of one plan for
    ``trygg deadlines``, its row for ``trygg overview``.
    """

    root: Path
    files: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]
    plan: Plan | None = None
    digest: object = None

    @property
    def ok(self) -> bool:
        return not any(d.level is Severity.ERROR for d in self.diagnostics)


@dataclass(frozen=True)
class Options:
    """How to read files: none of these changes what is found, only how fast."""

    cache: Path | None = None
    """Folder of the file cache; None runs without one."""
    reference: bool = False
    """Read every file on the reference path (PyYAML's loader, the careful walker)."""


DEFAULT_OPTIONS = Options()


def check_plan(
    root: Path,
    overrides: Mapping[Path, str] | None = None,
    options: Options = DEFAULT_OPTIONS,
    *,
    keep_documents: bool = True,
) -> PlanResult:
    """Read one plan and run every check on it (with some files' text as given, unwritten).

    ``keep_documents=False`` drops each file's node tree once the file is validated; a check
    across files that needs a position parses the file again. ``trygg validate`` does so:
    keeping a plan's trees made a large run a fifth slower (its heap outgrew the processor's
    caches). Callers that read ``LoadedFile.doc`` keep them.
    """
    cache = FileCache(options.cache).plan(root) if options.cache is not None else None
    entries, layout = plan_entries(root, overrides)
    texts = dict(overrides or {})
    shown = display_below(root)
    files: list[LoadedFile] = []
    diags: list[Diagnostic] = []
    for kind, path in entries:
        loaded, found = _check_file(kind, path, shown(path), texts.get(path), options, cache)
        if not keep_documents:
            loaded.release_document()
        files.append(loaded)
        diags.extend(found)
    if cache is not None:
        cache.save()
    diags.extend(check_other_files(root, [path for _, path in entries], shown))
    loaded_plan = LoadedPlan(root, files, assemble(root, files), layout)
    diags = [*loaded_plan.diagnostics, *diags]
    diags.extend(_checks_across_files(loaded_plan))
    return PlanResult(loaded_plan, sort_diagnostics(diags))


def _checks_across_files(loaded_plan: LoadedPlan) -> list[Diagnostic]:
    """References, unique ids and the facts that must agree, on every file and on the part of
    a file that could be read when the whole did not validate; a file of which nothing could
    be read gets a TRY017 saying that it waits.

    A part left out of a file is not reported missing (``kommun.yaml saknar 'folkmängd'`` when
    the population was there but not a number): the finding about it is already there.
    """
    files = [f.readable() for f in loaded_plan.files]
    readable = (
        LoadedPlan(loaded_plan.root, files, assemble(loaded_plan.root, files))
        if any(f.readable_part for f in files)
        else loaded_plan
    )
    index = build_index(readable, (s.id for s in national_data().series))
    found = [
        *check_references(readable, index),
        *check_consistency(readable),
        *check_register(readable),
    ]
    dropped = {
        f.file: set(f.salvaged.dropped_keys)
        for f in files
        if f.readable_part and f.salvaged is not None
    }
    out = [d for d in found if not _about_dropped(d, dropped)]
    out.extend(_waiting(f) for f in files if f.model is None)
    return out


def _about_dropped(d: Diagnostic, dropped: dict[str, set[str]]) -> bool:
    """A finding that a key at the top of a file is missing, where it was left out as broken."""
    return d.file in dropped and d.pointer == "" and dict(d.args).get("key") in dropped[d.file]


def _waiting(f: LoadedFile) -> Diagnostic:
    """TRY017 for a file of which the checks across files could read nothing."""
    blocking = f.salvaged.blocking if f.salvaged is not None else []
    keys = " och ".join(f"'{key}'" for key in dict.fromkeys(blocking) if key)
    keys_en = keys.replace(" och ", " and ")
    if keys:
        many = " och " in keys
        what = Text(
            f"{keys} behöver rättas först",
            f"{keys_en} {'need' if many else 'needs'} to be fixed first",
        )
    elif f.text is not None:
        what = Text("felen i den behöver rättas först", "its errors need to be fixed first")
    else:
        what = Text("den behöver kunna läsas först", "it needs to be readable first")
    # After the mistakes it waits for, at the file's last error.
    line, column = max(((d.line, d.column) for d in f.diagnostics), default=(1, 1))
    return make("TRY017", f.file, line, column, what=what)


def _check_file(
    kind: FileKind,
    path: Path,
    file: str,
    text: str | None,
    options: Options,
    cache: PlanCache | None,
) -> tuple[LoadedFile, list[Diagnostic]]:
    """One file read (or ``text`` in its place), parsed, validated and scanned: from the cache
    when its bytes are known.

    Returns the loaded file (with the findings of loading it) and the findings of the scan.
    """
    loaded = LoadedFile(kind, path, file)
    if text is not None:
        data = text.encode("utf-8")
    else:
        read, diags = yamlfile.read_bytes(path, file)
        if read is None:
            loaded.diagnostics.extend(diags)
            return loaded, []
        data = read
    if cache is None:
        return loaded, _check_bytes(loaded, data, options)
    key = cache.key(kind.key, data)
    hit = cache.get(key)
    if hit is not None and not _has_errors(hit) and _from_cache(loaded, data, hit):
        return loaded, hit.text_for(file)
    found = _check_bytes(loaded, data, options)
    if identity_findings(found):  # the cache never keeps a personnummer's text in clear
        return loaded, found
    if loaded.model is None:
        # A file with errors is read again each run, for the part of it that can be read (the
        # checks across files run on it); it is rare, and fixed soon.
        return loaded, found
    stored = loaded.doc.data if loaded.doc is not None and loaded.model is not None else None
    cache.put(key, entry(stored, loaded.diagnostics, found))
    return loaded, found


def _check_bytes(loaded: LoadedFile, data: bytes, options: Options) -> list[Diagnostic]:
    """Load the file from its bytes; the findings of the personnummer scan."""
    load_plan_file(loaded, data, reference=options.reference)
    if loaded.text is None:
        return check_bytes(data, loaded.file)
    found = check_text(loaded.text, loaded.file)
    if loaded.doc is not None and needs_values(loaded.text):
        found.extend(check_values(loaded.doc.root, loaded.file, found))
    return found


def _has_errors(hit: Entry) -> bool:
    return any(d.level is Severity.ERROR for d in hit.load)


def _from_cache(loaded: LoadedFile, data: bytes, hit: Entry) -> bool:
    """Fill ``loaded`` from a cache entry; False if the entry does not fit the model."""
    model = None
    if hit.data is not None:
        try:
            model = loaded.kind.model.model_validate(hit.data)
        except ValidationError:  # not what trygg stored: read the file as if not cached
            return False
    loaded.text, _ = yamlfile.decode(data, loaded.file)
    loaded.model = model
    loaded.diagnostics = hit.load_for(loaded.file)
    loaded.parse_later = loaded.text is not None and model is not None
    return True


Digest = Callable[[PlanResult], object]
"""What a command keeps of a checked plan: small, plain data (it may cross processes)."""


def summarise(
    root: Path, options: Options, keep_plan: bool = False, digest: Digest | None = None
) -> PlanSummary:
    """Check one plan and keep only its file names and findings (and its models, or what
    ``digest`` makes of it, if asked)."""
    with _no_cycle_collection():
        result = check_plan(root, options=options, keep_documents=False)
        summary = PlanSummary(
            root,
            tuple(f.file for f in result.loaded.files),
            tuple(result.diagnostics),
            result.loaded.plan if keep_plan else None,
            digest(result) if digest is not None else None,
        )
        del result  # freed by reference counting before the collector is back
    return summary


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while one plan is checked.

    A plan's node trees and models are hundreds of thousands of objects without cycles; the
    collector would walk them again and again and find nothing (it doubled the time of a large
    run). Reference counting frees them when the plan is done; the collector runs as usual
    between plans.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


__all__ = [
    "Digest",
    "Options",
    "PlanResult",
    "PlanSummary",
    "check_plan",
]
