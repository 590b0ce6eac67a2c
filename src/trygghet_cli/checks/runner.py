"""``trygg validate`` as a function: paths in, a :class:`ValidationResult` out. Prints nothing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from trygghet_cli.checks.consistency import check_consistency
from trygghet_cli.checks.personal_data import check_text
from trygghet_cli.checks.references import build_index, check_references
from trygghet_cli.diagnostics import Diagnostic, Severity, sort_diagnostics
from trygghet_cli.loading.national import national_data
from trygghet_cli.loading.plan import LoadedPlan, discover, display_path, read_plan


@dataclass
class PlanResult:
    loaded: LoadedPlan
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return not any(d.level is Severity.ERROR for d in self.diagnostics)


@dataclass
class ValidationResult:
    plans: list[PlanResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def files(self) -> list[str]:
        return [f.file for p in self.plans for f in p.loaded.files]

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.level is severity)

    def failed(self, *, strict: bool = False) -> bool:
        worst = Severity.WARNING if strict else Severity.ERROR
        return any(d.level.rank >= worst.rank for d in self.diagnostics)


def check_plan(root: Path, overrides: Mapping[Path, str] | None = None) -> PlanResult:
    """Read one plan and run every check on it (with some files' text as given, unwritten)."""
    loaded = read_plan(root, overrides)
    diags = loaded.diagnostics
    for f in loaded.files:
        if f.text is not None:
            diags.extend(check_text(f.text, f.file))
    index = build_index(loaded, (s.id for s in national_data().series))
    diags.extend(check_references(loaded, index))
    diags.extend(check_consistency(loaded))
    return PlanResult(loaded, sort_diagnostics(diags))


def validate_paths(paths: Iterable[Path], *, ignore: Iterable[str] = ()) -> ValidationResult:
    """Validate every plan that ``paths`` name or hold."""
    found = discover(paths)
    result = ValidationResult(missing=found.missing)
    diags = list(found.diagnostics)
    for root in found.plans:
        plan_result = check_plan(root)
        result.plans.append(plan_result)
        diags.extend(plan_result.diagnostics)
    skip = set(ignore)
    result.diagnostics = sort_diagnostics(d for d in diags if d.rule not in skip)
    return result


__all__ = ["PlanResult", "ValidationResult", "check_plan", "display_path", "validate_paths"]
