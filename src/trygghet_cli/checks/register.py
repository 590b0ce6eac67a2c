"""The plan's kommun against SCB's register of kommuner (:mod:`trygghet_cli.loading.kommuner`).

A kommunkod that is no kommun's is an error (TRY217); a code that belongs to another kommun
than ``namn`` says, or lies in another län than ``län`` says, is an error that names the kommun
the code belongs to (TRY218): 1447 is Gullspång, not Karlsborg. Names are compared as people
write them (``Stockholms stad``, ``Region Gotland``, ``Västmanland``), so a plan written the
old way keeps passing.
"""

from __future__ import annotations

from trygghet_cli.checks.context import Site
from trygghet_cli.diagnostics import Diagnostic
from trygghet_cli.i18n import Text
from trygghet_cli.loading.kommuner import Kommun, KommunRegister, kommun_register
from trygghet_cli.loading.plan import LoadedPlan
from trygghet_cli.model.municipality import Municipality


def check_register(lp: LoadedPlan) -> list[Diagnostic]:
    register = kommun_register()
    out: list[Diagnostic] = []
    for f in lp.files:
        if isinstance(f.model, Municipality):
            out.extend(municipality_findings(f.model, Site(f, ()), register))
    return out


def municipality_findings(
    model: Municipality, root: Site, register: KommunRegister
) -> list[Diagnostic]:
    """TRY217 and TRY218 for one ``kommun.yaml``."""
    owner = register.by_code(model.kommunkod)
    named = register.by_name(model.name)
    if owner is None:
        known = (
            Text(f" ({named.name} har {named.code})", f" ({named.name} has {named.code})")
            if named is not None
            else Text("", "")
        )
        return [root.child("kommunkod").diagnostic("TRY217", value=model.kommunkod, known=known)]
    out = []
    if not register.names_match(owner, model.name):
        out.append(
            root.child("kommunkod").diagnostic(
                "TRY218",
                code=owner.code,
                owner=owner.name,
                county=owner.county,
                problem=Text(f"inte {model.name}", f"not {model.name}"),
                fix=_name_fix(owner, named, model.name),
            )
        )
    if not register.county_matches(owner, model.county):
        out.append(
            root.child("län").diagnostic(
                "TRY218",
                code=owner.code,
                owner=owner.name,
                county=owner.county,
                problem=Text(f"inte i {model.county}", f"not in {model.county}"),
                fix=Text(f"Skriv län: {owner.county}.", f"Write län: {owner.county}."),
            )
        )
    return out


def _name_fix(owner: Kommun, named: Kommun | None, written: str) -> Text:
    if named is not None:
        return Text(
            f"{named.name} har kommunkoden {named.code} ({named.county}). Skriv "
            f'kommunkod: "{named.code}", eller namn: {owner.name} om koden är rätt.',
            f"{named.name} has the code {named.code} ({named.county}). Write "
            f'kommunkod: "{named.code}", or namn: {owner.name} if the code is right.',
        )
    return Text(
        f"'{written}' är ingen kommun i SCB:s register. Skriv namn: {owner.name} om koden är rätt.",
        f"'{written}' is no kommun in SCB's register. Write namn: {owner.name} if the code is "
        "right.",
    )
