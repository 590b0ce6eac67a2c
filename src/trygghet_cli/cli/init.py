"""``trygg init``: start a plan repository that validates at once, with CI and editor support."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trygghet_cli.cli import params
from trygghet_cli.cli.common import LangOption, lang_or_exit, usage_error, write_reason
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.install_source import InstallSource
from trygghet_cli.model.periods import MAX_YEAR, MIN_YEAR
from trygghet_cli.wording import plural


def init(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="MAPP",
            help="Mappen som förrådet skrivs i. Skapas om den inte finns.",
            show_default=False,
        ),
    ],
    municipality: Annotated[
        str | None,
        typer.Option(
            "--municipality",
            "--kommun",
            parser=params.name,
            metavar="NAMN",
            help="Kommunens namn, till exempel Fagersta; ger kommunkoden.",
            show_default=False,
        ),
    ] = None,
    kommunkod: Annotated[
        str | None,
        typer.Option(
            "--kommunkod",
            parser=params.kommunkod,
            metavar="NNNN",
            help="SCB:s fyrsiffriga kommunkod, till exempel 1982; ger namn och län.",
            show_default=False,
        ),
    ] = None,
    population: Annotated[
        int | None,
        typer.Option(
            "--folkmangd",
            min=1,
            metavar="ANTAL",
            help="Folkmängd enligt SCB (kräver --folkmangd-ar).",
            show_default=False,
        ),
    ] = None,
    population_year: Annotated[
        int | None,
        typer.Option(
            "--folkmangd-ar",
            min=MIN_YEAR,
            max=MAX_YEAR,
            metavar="ÅR",
            help="Året som folkmängden avser.",
            show_default=False,
        ),
    ] = None,
    police_area: Annotated[
        str | None,
        typer.Option(
            "--polisomrade",
            metavar="NAMN",
            help="Polisområdet kommunen ligger i, till exempel 'Västmanland' för Fagersta.",
            show_default=False,
        ),
    ] = None,
    local_police_area: Annotated[
        str | None,
        typer.Option(
            "--lokalpolisomrade",
            metavar="NAMN",
            help="Lokalpolisområdet kommunen ligger i, till exempel 'Norra Västmanland' för "
            "Fagersta (kräver --polisomrade).",
            show_default=False,
        ),
    ] = None,
    install_from: Annotated[
        InstallSource | None,
        typer.Option(
            "--install-from",
            parser=params.install_source,
            metavar="KÄLLA",
            help="Varifrån CI installerar trygg: pypi, en paketserver (https://…), en "
            "git-adress (git+https://…) eller en wheel-fil (….whl, läggs i förrådet). "
            "Standard: samma källa som trygg på datorn installerades från.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Starta ett förråd för kommunens plan: planfiler, README, CI, pre-commit och editor.

    Kommunen anges med namn (--kommun), kommunkod (--kommunkod) eller båda; det som saknas
    fylls i ur SCB:s register. Skriver bara filer som inte finns; befintliga filer lämnas
    orörda och räknas upp.
    """
    from trygghet_cli import __version__
    from trygghet_cli.checks.batch import validate_paths
    from trygghet_cli.install_source import installed
    from trygghet_cli.loading.kommuner import KommunNotFound, kommun_register, resolve
    from trygghet_cli.render.reporters import REPORTERS, Report
    from trygghet_cli.render.scaffold import (
        NewPlan,
        RepositoryWriteError,
        guide_for,
        write_repository,
    )

    language = lang_or_exit(lang)
    try:
        kommun = resolve(kommun_register(), municipality, kommunkod)
    except KommunNotFound as exc:
        usage_error(exc.text, language)
    if (population is None) != (population_year is None):
        usage_error(
            Text(
                "Ange både --folkmangd och --folkmangd-ar, eller ingen av dem.",
                "Give both --folkmangd and --folkmangd-ar, or neither.",
            ),
            language,
        )
    area = (police_area or "").strip() or None
    local_area = (local_police_area or "").strip() or None
    if local_area and not area:
        usage_error(
            Text(
                "Ange också --polisomrade, polisområdet som lokalpolisområdet hör till (till "
                "exempel --polisomrade Västmanland --lokalpolisomrade 'Norra Västmanland').",
                "Give --polisomrade too, the police area the local police area belongs to "
                "(for instance --polisomrade Västmanland --lokalpolisomrade 'Norra Västmanland').",
            ),
            language,
        )
    blocking = next((p for p in (directory, *directory.parents) if p.exists()), None)
    if blocking is not None and not blocking.is_dir():
        usage_error(
            Text(f"{blocking} är en fil, inte en mapp.", f"{blocking} is a file, not a folder."),
            language,
        )
    source = install_from or installed(__version__)
    plan = NewPlan(
        municipality=kommun.name,
        kommunkod=kommun.code,
        population=population,
        population_year=population_year,
        police_area=area,
        local_police_area=local_area,
        guide=guide_for(directory),
        install=source,
    )
    try:
        result = write_repository(directory, plan)
    except RepositoryWriteError as exc:
        reason = write_reason(exc.error)
        typer.echo(
            Text(
                f"trygg init: kan inte skriva {exc.target}: {reason('sv')}",
                f"trygg init: cannot write {exc.target}: {reason('en')}",
            )(language),
            err=True,
        )
        if exc.written:
            typer.echo(
                Text(
                    f"Skrivet hittills: {', '.join(exc.written)}.",
                    f"Written so far: {', '.join(exc.written)}.",
                )(language),
                err=True,
            )
        raise typer.Exit(1) from None
    written, kept = result.written, result.kept

    out = _summary(directory, plan.municipality, plan.guide, written, kept, language)
    checked = validate_paths([directory])
    report = Report(
        command="trygg validate",
        diagnostics=checked.diagnostics,
        files=checked.files,
        plans=len(checked.plans),
        lang=language,
    )
    out.append("")
    out.append(Text(f"trygg validate {directory}:", f"trygg validate {directory}:")(language))
    out.append(REPORTERS["text"](report).stdout.rstrip("\n"))
    typer.echo("\n".join(out))


def _summary(
    directory: Path,
    municipality: str,
    guide: str,
    written: list[str],
    kept: list[str],
    lang: Lang,
) -> list[str]:
    out: list[str] = []
    if written:
        files = plural(len(written), Text("fil", "file"), Text("filer", "files"))
        out.append(
            Text(
                f"Skrev {len(written)} {files('sv')} för {municipality} i {directory}:",
                f"Wrote {len(written)} {files('en')} for {municipality} in {directory}:",
            )(lang)
        )
        out.extend(f"  {path}" for path in written)
    if kept:
        out.append(
            Text(
                f"Lämnade {len(kept)} filer orörda, eftersom de redan finns:"
                if len(kept) > 1
                else "Lämnade 1 fil orörd, eftersom den redan finns:",
                f"Left {len(kept)} files alone, since they already exist:"
                if len(kept) > 1
                else "Left 1 file alone, since it already exists:",
            )(lang)
        )
        out.extend(f"  {path}" for path in kept)
    if not written:
        return out
    out.append("")
    out.append(Text("Nästa steg:", "Next steps:")(lang))
    steps: list[tuple[str, Text]] = []
    if directory.resolve() != Path.cwd().resolve():
        steps.append((f"cd {directory}", Text("", "")))
    if not _in_git_repository(directory):
        steps.append(
            ("git init", Text("ett git-förråd för planen", "a git repository for the plan"))
        )
    steps += [
        (
            "pre-commit install",
            Text(
                "kontroll före varje commit (pip install pre-commit)",
                "checks before every commit (pip install pre-commit)",
            ),
        ),
        ("trygg validate", Text("kontrollera planen", "check the plan")),
        ("trygg deadlines", Text("tidsfrister och lagkrav", "deadlines and the law's demands")),
    ]
    width = max(len(command) for command, _ in steps)
    for command, note in steps:
        comment = note(lang)
        out.append(f"  {command:<{width}}   # {comment}" if comment else f"  {command}")
    if "styrdokument.yaml" in written:
        out.append("")
        out.extend(_LAW_DOCUMENTS(lang).split("\n"))
        out.append("")
    out.append(
        Text(
            f"{guide} berättar hur man installerar trygg, lägger till ett möte och tar fram "
            "kvartalsrapporten.",
            f"{guide} tells how to install trygg, add a meeting and make the quarterly report.",
        )(lang)
    )
    return out


def _in_git_repository(directory: Path) -> bool:
    """Whether the folder already lies in a git working tree (then ``git init`` is not a step)."""
    here = directory.resolve()
    return any((folder / ".git").exists() for folder in (here, *here.parents))


_LAW_DOCUMENTS = Text(
    "Lag (2023:196) kräver en lägesbild och en åtgärdsplan som kommunen har beslutat. Lägg in\n"
    "dem i styrdokument.yaml (typ: lägesbild och typ: åtgärdsplan; exemplen i filen visar hur).\n"
    "Tills de står där avslutas 'trygg deadlines' med felkod 1 (TRY420 och TRY421), och steget\n"
    "Tidsfrister i CI är rött.",
    "Act 2023:196 requires a situation picture (lägesbild) and an action plan (åtgärdsplan)\n"
    "decided by the kommun. Record them in styrdokument.yaml (typ: lägesbild and typ:\n"
    "åtgärdsplan; the examples in the file show how). Until they are there 'trygg deadlines'\n"
    "exits with 1 (TRY420 and TRY421), and the Tidsfrister step in CI is red.",
)
"""Why the new repository's deadlines step fails, and what makes it pass."""
