"""Reading plans for the commands that report on them (``report``, ``compare``, ``export``).

A plan with errors is not reported on: its findings are shown as ``trygg validate`` shows them
(the text reporter, on standard error) and the command exits with 1.
"""

from __future__ import annotations

from pathlib import Path

import typer

from trygghet_cli.checks.batch import validate_paths
from trygghet_cli.checks.runner import Digest, PlanResult
from trygghet_cli.cli.common import refuse_missing, usage_error
from trygghet_cli.diagnostics import Severity
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.loading.plan import LoadedPlan
from trygghet_cli.model.plan import Plan


def load_plans(paths: list[Path] | None, lang: Lang, command: str, *, single: bool) -> list[Plan]:
    """The valid plans that ``paths`` name, or exit: 2 for a bad path, 1 for errors."""
    found = load_digests(paths, lang, command, plan_of, single=single)
    return [p for p in found if isinstance(p, Plan)]


def plan_of(checked: PlanResult) -> Plan:
    """The plan's models (without its files' text and node trees)."""
    return checked.loaded.plan


def load_digests(
    paths: list[Path] | None, lang: Lang, command: str, digest: Digest, *, single: bool = False
) -> list[object]:
    """What ``digest`` makes of each valid plan that ``paths`` name (in the process that
    checked it, so that only that is kept), or exit as :func:`load_plans` does."""
    from trygghet_cli.checks.cache import default_folder
    from trygghet_cli.checks.runner import Options
    from trygghet_cli.render.reporters import REPORTERS, Report

    options = Options(cache=default_folder())
    result = validate_paths(paths or [Path()], options=options, digest=digest)
    refuse_missing(result.missing, lang)
    if single and len(result.plans) > 1:
        usage_error(
            Text(
                f"'{command}' gäller en plan, men sökvägen innehåller {len(result.plans)}; "
                "ange planens mapp.",
                f"'{command}' works on one plan, but the path holds {len(result.plans)}; "
                "give the plan's folder.",
            ),
            lang,
        )
    errors = [d for d in result.diagnostics if d.level is Severity.ERROR]
    if errors or not result.plans:
        report = Report(
            command=f"trygg {command}",
            diagnostics=result.diagnostics,
            files=result.files,
            plans=len(result.plans),
            lang=lang,
        )
        typer.echo(REPORTERS["text"](report).stdout, nl=False, err=True)
        typer.echo(
            Text(
                f"trygg {command}: planen har fel; rätta dem först (se ovan).",
                f"trygg {command}: the plan has errors; fix them first (see above).",
            )(lang),
            err=True,
        )
        raise typer.Exit(1)
    return [p.digest for p in result.plans]


def load_plan_files(path: Path | None, lang: Lang, command: str) -> LoadedPlan:
    """One valid plan with its files, for a command whose findings point into them (the brief
    gives its deadlines as ``trygg deadlines`` does); exits as :func:`load_plans` does."""
    from trygghet_cli.checks.runner import check_plan

    [plan] = load_plans([path] if path else None, lang, command, single=True)
    return check_plan(plan.root).loaded
