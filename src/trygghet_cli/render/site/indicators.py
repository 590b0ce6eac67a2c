"""The indicators page: each indicator with a chart against the national figures."""

from __future__ import annotations

from trygghet_cli.analysis.comparison import change
from trygghet_cli.analysis.national import NationalFigure, is_national, national_figures
from trygghet_cli.followup.geography import (
    Place,
    in_place,
    other_geographies,
    own_place,
    trend_geography,
)
from trygghet_cli.i18n import Lang
from trygghet_cli.model.indicators import Better, Indicator, Unit
from trygghet_cli.model.national import NationalData, NationalSeries
from trygghet_cli.model.periods import Period
from trygghet_cli.model.plan import Plan
from trygghet_cli.render import charts
from trygghet_cli.render.comparisons import delta
from trygghet_cli.render.export import (
    Block,
    Figure,
    Page,
    Section,
    facts,
    figure,
    para,
)
from trygghet_cli.render.labels import ILLUSTRATIVE, label, level_name
from trygghet_cli.render.tables import Table
from trygghet_cli.render.templating import translator
from trygghet_cli.wording import Formatter, decimals_by_unit


def indicators_page(plan: Plan, national: NationalData, fmt: Formatter, nav: str) -> Page:
    lang = fmt.lang
    t = translator(lang)
    series_by_id = national.by_id()
    goals = plan.goals_list()
    sections = []
    for ind in plan.indicators_by_id().values():
        series = series_by_id.get(ind.national) if ind.national else None
        blocks: list[Block] = []
        if ind.description:
            blocks.append(para(ind.description))
        better = t("lägre", "lower") if ind.better is Better.LOWER else t("högre", "higher")
        blocks.append(
            facts(
                [
                    (t("Enhet", "Unit"), fmt.unit(ind.unit)),
                    (t("Bättre", "Better"), better),
                    (t("Källa", "Source"), _source(ind, lang)),
                    (t("Jämförs med", "Compared with"), series.name if series else ""),
                ]
            )
        )
        if ind.values:
            targets = tuple(
                (g.target.period, g.target.value)
                for g in goals
                if g.indicator == ind.id and g.target is not None and g.target.period is not None
            )
            blocks.append(figure(_chart(plan, ind, series, targets, fmt)))
        sections.append(Section(ind.name, tuple(blocks), anchor=f"nyckeltal-{ind.id}"))
    return Page(
        "nyckeltal",
        nav,
        t("Nyckeltal", "Indicators"),
        t(
            "Nyckeltalen som arbetet följs med, över tid och jämförda med riket där det finns "
            "en nationell siffra för samma period.",
            "The indicators the work is followed with, over time and against the national "
            "figure for the same period where there is one.",
        ),
        tuple(sections),
    )


def _place_label(place: Place, lang: Lang) -> str:
    """``Norra Västmanland (lokalpolisområde)``, for a chart's legend."""
    level = label(place.level, lang)
    return f"{place.name} ({level.lower()})" if place.name else level


def _source(ind: Indicator, lang: Lang) -> str:
    text = ind.source.name or label(ind.source.kind, lang)
    if ind.source.kolada_kpi:
        text += f" (Kolada {ind.source.kolada_kpi})"
    return text


def _chart(
    plan: Plan,
    ind: Indicator,
    nat: NationalSeries | None,
    targets: tuple[tuple[Period, float], ...],
    fmt: Formatter,
) -> Figure:
    lang = fmt.lang
    t = translator(lang)
    own = own_place(plan)
    values = [v for v in ind.values if not is_national(v)]
    figures = national_figures(ind, nat)  # the plan's own, then Kolada's, then trygg's
    place = trend_geography(values, own=own)
    if place is None:  # only national values: drawn as the national line alone
        place = own
    drawn = in_place(values, place)
    others = other_geographies(values, place)
    name = plan.name if place == own else _place_label(place, lang)
    plan_series = charts.Series(
        name,
        tuple((v.period, v.value, v.preliminary) for v in drawn),
        frozenset(v.period for v in drawn if v.illustrative),
    )
    national_series = None
    if figures:
        national_series = charts.Series(
            t("Riket", "National"),
            tuple((f.period, f.value, f.preliminary) for f in figures.values()),
        )
    has_national = bool(figures)
    span_periods = [v.period for v in drawn] or list(figures)
    span = f"{fmt.period(span_periods[0])}–{fmt.period(span_periods[-1])}"
    drawn_made_up = bool(plan_series.illustrative)
    alt = t(
        f"Diagram: {ind.name}, {name}"
        + (" och riket" if has_national else "")
        + f", {span}"
        + (", med illustrativa värden" if drawn_made_up else "")
        + ".",
        f"Chart: {ind.name}, {name}"
        + (" and the country" if has_national else "")
        + f", {span}"
        + (", with illustrative values" if drawn_made_up else "")
        + ".",
    )
    data_id = f"varden-{ind.id}"
    svg = charts.line_chart(
        charts.ChartData(ind.id, ind.unit, plan_series, national_series, targets),
        lang,
        alt,
        described_by=data_id,
    )
    hollow = any(v.preliminary for v in drawn) or any(f.preliminary for f in figures.values())
    caption = t(
        f"{ind.name} ({fmt.unit(ind.unit)})."
        + (" Ofyllda punkter är preliminära värden." if hollow else "")
        + (" Streckad linje: riket." if has_national else "")
        + (" Romb: målvärde." if targets else ""),
        f"{ind.name} ({fmt.unit(ind.unit)})."
        + (" Hollow points are preliminary values." if hollow else "")
        + (" Dashed line: the country." if has_national else "")
        + (" Diamond: target." if targets else ""),
    )
    if others:
        here = level_name(place.level, lang, place.name)
        where = "; ".join(
            f"{level_name(p.level, lang, p.name)} ({', '.join(fmt.period(x) for x in periods)})"
            for p, periods in others
        )
        caption += t(
            f" Diagrammet visar värdena för {here}; värdena för {where} finns i tabellen.",
            f" The chart shows the values for {here}; the values for {where} are in the table.",
        )
    made_up = sorted((v for v in values if v.illustrative), key=lambda v: v.period)
    if made_up:
        periods = ", ".join(
            fmt.period(v.period)
            + (
                ""
                if v in drawn
                else f" ({level_name(v.geography.level, lang, v.geography.name or '')})"
            )
            for v in made_up
        )
        caption += t(
            " Illustrativa värden, påhittade för exemplet"
            + (" (kryss i diagrammet)" if drawn_made_up else "")
            + f": {periods}.",
            " Illustrative values, made up for the example"
            + (" (crosses in the chart)" if drawn_made_up else "")
            + f": {periods}.",
        )
    rows = []

    def unit_of(nv: NationalFigure | None) -> Unit:
        """The unit a national figure is in: the plan's own, or its series'."""
        return ind.unit if nv is None or nv.plan_value is not None or nat is None else nat.unit

    decimals = decimals_by_unit(
        [(ind.unit, v.value) for v in values]
        + [(unit_of(nv), nv.value) for v in values if (nv := figures.get(v.period)) is not None]
    )
    for v in sorted(values, key=lambda v: v.period):
        nv = figures.get(v.period)
        national_unit = unit_of(nv)
        diff = "–"
        if nv is not None and national_unit is ind.unit:
            gap, kind = change(nv.value, v.value, ind.unit)
            diff = delta(gap, kind, fmt)
        notes = []
        if v.preliminary:
            notes.append(t("preliminär", "preliminary"))
        if v.illustrative:
            notes.append(ILLUSTRATIVE(lang))
        if v.note:
            notes.append(v.note)
        rows.append(
            (
                fmt.period(v.period),
                fmt.value(v.value, ind.unit, decimals.get(ind.unit)),
                fmt.value(nv.value, national_unit, decimals.get(national_unit))
                if nv is not None
                else "–",
                diff,
                level_name(v.geography.level, lang, v.geography.name or ""),
                "; ".join(notes),
            )
        )
    data = Table(
        (
            t("Period", "Period"),
            t("Värde", "Value"),
            t("Riket", "National"),
            t("Skillnad", "Difference"),
            t("Geografi", "Geography"),
            t("Anmärkning", "Note"),
        ),
        tuple(rows),
        (False, True, True, True, False, False),
        caption=t(f"Värden: {ind.name}", f"Values: {ind.name}"),
    )
    return Figure(alt, caption, svg, f"{ind.id}.svg", data, data_id)
