"""The intranet export's pages, built from a plan as :class:`~trygghet_cli.render.export.Page`
values: overview, organisation (with the diagram), documents, goals, activities, indicators
(with a chart against the national figures for each) and the meeting log.
"""

from __future__ import annotations

from trygghet_cli.followup.deadlines import PlanFollowUp
from trygghet_cli.i18n import Lang
from trygghet_cli.model.national import NationalData
from trygghet_cli.model.plan import Plan
from trygghet_cli.render.export import Page, Site
from trygghet_cli.render.labels import ILLUSTRATIVE_NOTE
from trygghet_cli.render.site.activities import activities_page
from trygghet_cli.render.site.common import PAGES, has_illustrative
from trygghet_cli.render.site.documents import documents_page
from trygghet_cli.render.site.goals import goals_page
from trygghet_cli.render.site.indicators import indicators_page
from trygghet_cli.render.site.meetings import meetings_page
from trygghet_cli.render.site.organisation import organisation_page
from trygghet_cli.render.site.overview import overview_page
from trygghet_cli.render.templating import translator
from trygghet_cli.wording import Formatter

__all__ = ["PAGES", "build_site"]


def build_site(plan: Plan, national: NationalData, lang: Lang, followup: PlanFollowUp) -> Site:
    """The pages of ``plan``, every status as ``followup`` has it on its day (the same follow-up
    that the brief and ``trygg deadlines`` show for that day)."""
    fmt = Formatter(lang)
    nav = {name: text(lang) for name, text in PAGES}
    footer = _footer(plan, lang, followup, fmt)
    pages = (
        overview_page(plan, fmt, nav, followup),
        organisation_page(plan, fmt, nav["organisation"]),
        documents_page(plan, fmt, nav["styrdokument"], followup),
        goals_page(plan, fmt, nav["mal"], followup),
        activities_page(plan, fmt, nav["aktiviteter"], followup),
        indicators_page(plan, national, fmt, nav["nyckeltal"]),
        meetings_page(plan, fmt, nav["moten"], followup),
    )
    return Site(plan.name, tuple(_with_footer(p, footer) for p in pages))


def _with_footer(page: Page, footer: tuple[str, ...]) -> Page:
    return Page(page.name, page.nav, page.title, page.lead, page.sections, footer)


def _footer(plan: Plan, lang: Lang, followup: PlanFollowUp, fmt: Formatter) -> tuple[str, ...]:
    t = translator(lang)
    day = fmt.date(followup.as_of)
    out = [
        t(
            f"Sidorna är gjorda med trygg ur planen för {plan.name}. Ändringar görs i planens "
            "YAML-filer, inte här.",
            f"These pages were made by trygg from the plan for {plan.name}. Changes are made "
            "in the plan's YAML files, not here.",
        ),
        t(
            f"Läget är bedömt per {day}, som i trygg deadlines och lägesrapporten.",
            f"Statuses are as of {day}, as in trygg deadlines and the quarterly brief.",
        ),
    ]
    if has_illustrative(plan):
        out.append(ILLUSTRATIVE_NOTE(lang))
    return tuple(out)
