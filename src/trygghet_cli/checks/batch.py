"""``trygg validate`` as a function: paths in, a :class:`ValidationResult` out. Prints nothing.

Plans are checked one at a time and only their findings and file names are kept, so memory
holds one plan's documents at a time however many plans there are. With many files the plans
are shared out over a pool of processes, one plan per task, results in order.

A pool only pays off when there is much to do: starting it and sending results back costs
some tens of milliseconds, one plan's year of meetings a few. With fewer than
:data:`PARALLEL_MIN_FILES` files, or one plan, everything runs in this process. Each worker
checks whole plans (references cross files, never plans) and sends back the plan's file names
and findings; they are put back in the order of the plans, so the output is the same however
many processes did the work.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from trygghet_cli.checks.cache import FileCache
from trygghet_cli.checks.runner import DEFAULT_OPTIONS, Digest, Options, PlanSummary, summarise
from trygghet_cli.diagnostics import Diagnostic, Severity, sort_diagnostics
from trygghet_cli.loading.plan import discover
from trygghet_cli.model.plan import MEETINGS_DIR, PLAN_FILES

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

PARALLEL_MIN_FILES = 1000
"""Below this many files one process is faster than a pool."""


def available_cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)  # pragma: no cover - macOS and Windows


def choose_jobs(plans: Sequence[Path], jobs: int | None) -> int:
    """How many processes to use: ``jobs`` when given, else by the amount of work."""
    if jobs is not None:
        return max(1, min(jobs, len(plans)))
    if len(plans) < 2 or estimate_files(plans) < PARALLEL_MIN_FILES:
        return 1
    return min(available_cores(), len(plans))


def estimate_files(plans: Sequence[Path]) -> int:
    """About how many files the plans hold: their own files and their meeting logs."""
    total = 0
    for root in plans:
        total += len(PLAN_FILES)
        try:
            with os.scandir(root / MEETINGS_DIR) as entries:
                total += sum(1 for _ in entries)
        except OSError:
            continue
    return total


def check_plans(
    plans: Sequence[Path],
    options: Options,
    jobs: int,
    keep_plans: bool = False,
    digest: Digest | None = None,
) -> Iterator[PlanSummary]:
    """The summary of every plan, in the order given, from ``jobs`` processes."""
    if jobs <= 1 or len(plans) < 2:
        for root in plans:
            yield summarise(root, options, keep_plans, digest)
        return
    from concurrent.futures import ProcessPoolExecutor  # only now: it takes a while to import

    n = len(plans)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
        yield from pool.map(summarise, plans, [options] * n, [keep_plans] * n, [digest] * n)


def _context() -> BaseContext:
    """Fork on Linux: the workers start with trygg already imported."""
    import multiprocessing

    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()  # pragma: no cover - spawn elsewhere


@dataclass
class ValidationResult:
    plans: list[PlanSummary] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    discovery: list[Diagnostic] = field(default_factory=list)
    """The findings of looking for plans (a folder without one), apart from the plans' own."""
    jobs: int = 1
    """How many processes checked the plans."""

    @property
    def files(self) -> list[str]:
        return [f for p in self.plans for f in p.files]

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.level is severity)

    def failed(self, *, strict: bool = False) -> bool:
        worst = Severity.WARNING if strict else Severity.ERROR
        return any(d.level.rank >= worst.rank for d in self.diagnostics)


def validate_paths(
    paths: Iterable[Path],
    *,
    ignore: Iterable[str] = (),
    options: Options = DEFAULT_OPTIONS,
    jobs: int | None = None,
    keep_plans: bool = False,
    digest: Digest | None = None,
) -> ValidationResult:
    """Validate every plan that ``paths`` name or hold.

    ``jobs`` is the number of processes (None: as many as there are cores when there are many
    files, else one). The result does not depend on it, nor on ``options``. ``keep_plans``
    keeps each plan's models in its summary; ``digest`` (a function that can be pickled: a
    module's function, or a ``functools.partial`` of one) is called on each checked plan in
    the process that checked it, and what it returns is kept in the summary instead: memory
    then holds one plan at a time, in each process.
    """
    found = discover(paths)
    result = ValidationResult(missing=found.missing, discovery=list(found.diagnostics))
    diags = list(found.diagnostics)
    if options.cache is not None:
        FileCache(options.cache).prune()
    result.jobs = choose_jobs(found.plans, jobs)
    for summary in check_plans(found.plans, options, result.jobs, keep_plans, digest):
        result.plans.append(summary)
        diags.extend(summary.diagnostics)
    skip = set(ignore)
    result.diagnostics = sort_diagnostics(d for d in diags if d.rule not in skip)
    return result
