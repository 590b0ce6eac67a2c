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
from trygghet_cli.diagnostics import Diagnostic, Severity, sort_diagnostics
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

    options = Options(cache=default_folder())
    result = validate_paths(paths or [Path()], options=options, digest=digest)
    refuse_missing(result.missing, lang)
    if single:
        _refuse_many(len(result.plans), lang, command)
    _refuse_errors(result.diagnostics, result.files, len(result.plans), lang, command)
    return [p.digest for p in result.plans]


def load_plan_files(path: Path | None, lang: Lang, command: str) -> LoadedPlan:
    """One valid plan with its files, for a command whose findings point into them (the brief
    gives its deadlines as ``trygg deadlines`` does); exits as :func:`load_plans` does. The
    plan is checked once, keeping its files' node trees."""
    from trygghet_cli.checks.cache import default_folder
    from trygghet_cli.checks.runner import Options, check_plan
    from trygghet_cli.loading.plan import discover

    found = discover([path or Path()])
    refuse_missing(found.missing, lang)
    _refuse_many(len(found.plans), lang, command)
    if not found.plans:
        _refuse_errors(list(found.diagnostics), [], 0, lang, command)
    [root] = found.plans
    checked = check_plan(root, options=Options(cache=default_folder()))
    diagnostics = sort_diagnostics([*found.diagnostics, *checked.diagnostics])
    _refuse_errors(diagnostics, [f.file for f in checked.loaded.files], 1, lang, command)
    return checked.loaded


def _refuse_many(plans: int, lang: Lang, command: str) -> None:
    """Exit 2 when a command that works on one plan is given a path that holds several."""
    if plans > 1:
        usage_error(
            Text(
                f"'{command}' gäller en plan, men sökvägen innehåller {plans}; ange planens mapp.",
                f"'{command}' works on one plan, but the path holds {plans}; "
                "give the plan's folder.",
            ),
            lang,
        )


def _refuse_errors(
    diagnostics: list[Diagnostic], files: list[str], plans: int, lang: Lang, command: str
) -> None:
    """Show the findings as ``trygg validate`` does and exit 1 when there are errors, or no
    plan at all."""
    from trygghet_cli.render.reporters import REPORTERS, Report

    if plans and not any(d.level is Severity.ERROR for d in diagnostics):
        return
    report = Report(
        command=f"trygg {command}",
        diagnostics=diagnostics,
        files=files,
        plans=plans,
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
