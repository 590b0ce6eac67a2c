"""``trygg export``: the whole plan as intranet pages, in Markdown or self-contained HTML.

A page is plain data (:class:`Page`: sections of paragraphs, facts, lists, tables and
figures) built in :mod:`trygghet_cli.render.export_pages`; one template per format lays any
page out (``templates/export/page.md.j2``, ``page.html.j2``). Links between pages are
relative, so the folder can be copied anywhere. HTML pages carry their styles and charts
inline; Markdown pages point at SVG files in ``bilder/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trygghet_cli.i18n import Lang
from trygghet_cli.render import tables
from trygghet_cli.render.tables import Table
from trygghet_cli.render.templating import (
    SUFFIX,
    Flavour,
    MarkdownSafe,
    environment,
    render_template,
    safe,
    template_root,
    translator,
)

IMAGES = "bilder"


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    """A page (``organisation``, without suffix) and optionally ``#anchor``; or only
    ``#anchor`` within the page, which the Markdown template shows as plain text."""

    def url(self, flavour: Flavour) -> str:
        page, _, anchor = self.href.partition("#")
        if not page:
            return f"#{anchor}"
        target = f"{page}.{SUFFIX[flavour]}"
        return f"{target}#{anchor}" if anchor else target


@dataclass(frozen=True)
class Figure:
    alt: str
    caption: str
    svg: str
    """The SVG document (inlined in HTML; written to ``bilder/<file>`` for Markdown)."""
    file: str
    data: Table | None = None
    """The figure's numbers as a table: its text alternative."""
    data_id: str = ""
    """The table's id in an HTML page, which the chart names as its description
    (``aria-describedby``)."""


@dataclass(frozen=True)
class Block:
    kind: str
    """``para``, ``facts``, ``list``, ``links``, ``table``, ``figure`` or ``mermaid``."""
    text: str = ""
    items: tuple[Any, ...] = ()
    table: Table | None = None
    figure: Figure | None = None


def para(text: str) -> Block:
    return Block("para", text=text)


def facts(pairs: list[tuple[str, str]]) -> Block:
    return Block("facts", items=tuple((k, v) for k, v in pairs if v))


def bullets(items: list[str]) -> Block:
    return Block("list", items=tuple(items))


def links(items: list[Link]) -> Block:
    return Block("links", items=tuple(items))


def table(t: Table) -> Block:
    return Block("table", table=t)


def figure(f: Figure) -> Block:
    return Block("figure", figure=f)


def mermaid(code: str, alt: str) -> Block:
    return Block("mermaid", text=code, items=(alt,))


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]
    anchor: str = ""
    level: int = 2
    only: Flavour | None = None
    """Show the section only in this format (the Mermaid diagram, the SVG)."""


@dataclass(frozen=True)
class Page:
    name: str
    """The file name without suffix: ``index``, ``organisation``."""
    nav: str
    title: str
    lead: str
    sections: tuple[Section, ...]
    footer: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Site:
    plan_name: str
    pages: tuple[Page, ...]


def render_site(site: Site, lang: Lang, flavour: Flavour) -> dict[str, str]:
    """Relative path → file content for every page (and every chart, for Markdown)."""
    root = template_root()
    env = environment(flavour, [root / "export", root / "shared"])
    t = translator(lang)
    files: dict[str, str] = {}
    for page in site.pages:
        context = {
            "site": site,
            "page": page,
            "lang": lang,
            "t": t,
            "flavour": flavour,
            "url": lambda link: safe(flavour, link.url(flavour)),
            "nav_url": lambda p: safe(flavour, f"{p.name}.{SUFFIX[flavour]}"),
            "md_table": lambda tb: MarkdownSafe(tables.markdown(tb)),
            "raw": lambda text: safe(flavour, text),
            "image": lambda fig: MarkdownSafe(f"{IMAGES}/{fig.file}"),
        }
        files[f"{page.name}.{SUFFIX[flavour]}"] = render_template(
            env, f"page.{SUFFIX[flavour]}.j2", context
        )
        if flavour == "markdown":
            for section in page.sections:
                if section.only not in (None, flavour):
                    continue
                for block in section.blocks:
                    if block.figure is not None:
                        files[f"{IMAGES}/{block.figure.file}"] = block.figure.svg
    return files
