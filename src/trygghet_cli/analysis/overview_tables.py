"""The overview's tables across plans, as pandas DataFrames.

Made from the plans' summaries (:class:`~trygghet_cli.analysis.overview.PlanOverview`), never
from the plans again: one row per kommun, one per body, the totals per county (obligations by
state, overdue items, late bodies), the bodies by county and type, and the indicators pivoted
by kommun (latest value against the country) and by kommun and year. Columns have stable
English keys; the renderers give them their Swedish or English headings.

Imported only by ``trygg overview``: ``trygg validate`` and ``trygg --help`` never load pandas.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from trygghet_cli.analysis.overview import Overview
from trygghet_cli.followup.base import Kind
from trygghet_cli.followup.crime_prevention_act import OBLIGATIONS, ObligationState
from trygghet_cli.i18n import Lang, Text

_C, _O, _U, _M = (s.value for s in ObligationState)
STATES: dict[str, tuple[str, ...]] = {
    "lagesbild": (_C, _O, _M),
    "atgardsplan": (_C, _O, _U, _M),
    "samordningsfunktion": (_C, _M),
}
"""The states each obligation can be in (only an åtgärdsplan can lack the kommun's decision,
and the samordningsfunktion has no age)."""
NATIONAL = "riket"
"""The key of the country's row in the table of indicators by year."""

KOMMUN_COLUMNS = (
    "county_code",
    "county",
    "kommunkod",
    "kommun",
    "district",
    *OBLIGATIONS,
    "law_applies",
    "bodies",
    "bodies_late",
    "overdue_actions",
    "overdue_reports",
    "goals_past_due",
    "overdue_total",
    "due_soon",
    "last_meeting",
    "errors",
    "warnings",
    "path",
)
BODY_COLUMNS = (
    "county_code",
    "county",
    "kommunkod",
    "kommun",
    "district",
    "body",
    "body_name",
    "kind",
    "cadence",
    "held",
    "required",
    "since",
    "missing",
    "last",
    "state",
    "due",
)
INDICATOR_COLUMNS = (
    "county_code",
    "county",
    "kommunkod",
    "kommun",
    "district",
    "series",
    "series_name",
    "unit",
    "period",
    "value",
    "national",
    "difference",
    "difference_kind",
    "verdict",
)
YEAR_COLUMNS = ("series", "series_name", "unit", "kommunkod", "kommun", "district", "year", "value")
_PLACE = ("county_code", "county", "kommunkod", "kommun", "district")


@dataclass(frozen=True)
class OverviewTables:
    """Every table of the overview, in the order a reader meets them."""

    counties: pd.DataFrame
    """One row per county, with a total row when there are several."""
    kommuner: pd.DataFrame
    bodies: pd.DataFrame
    body_types: pd.DataFrame
    indicators: pd.DataFrame
    """One row per kommun and indicator series: the latest value against the country."""
    indicators_wide: pd.DataFrame
    """Kommun by series: the latest value of each (columns: series ids)."""
    years: pd.DataFrame
    """Series and kommun by year: every yearly value, the country's on its own row."""


def tables(overview: Overview, lang: Lang = "sv") -> OverviewTables:
    kommuner = kommun_table(overview)
    bodies = body_table(overview, lang)
    indicators = indicator_table(overview)
    return OverviewTables(
        counties=county_totals(kommuner, bodies, lang),
        kommuner=kommuner,
        bodies=bodies,
        body_types=body_type_table(bodies),
        indicators=indicators,
        indicators_wide=indicator_pivot(indicators),
        years=year_pivot(overview, lang),
    )


def kommun_table(overview: Overview) -> pd.DataFrame:
    records = []
    for p in overview.plans:
        states = dict.fromkeys(OBLIGATIONS, "")
        applies = False
        for o in p.obligations:
            states[o.key] = o.state.value
            applies = applies or o.required
        records.append(
            {
                "county_code": p.county_code,
                "county": p.county,
                "kommunkod": p.kommunkod,
                "kommun": p.kommun,
                "district": p.district,
                **states,
                "law_applies": applies,
                "bodies": len(p.bodies),
                "bodies_late": p.bodies_late,
                "overdue_actions": p.overdue_of(Kind.ACTION),
                "overdue_reports": p.overdue_of(Kind.REPORT),
                "goals_past_due": p.overdue_of(Kind.GOAL),
                "overdue_total": p.overdue_total,
                "due_soon": p.due_soon,
                "last_meeting": p.last_meeting,
                "errors": p.errors,
                "warnings": p.warnings,
                "path": p.path,
            }
        )
    frame = pd.DataFrame.from_records(records, columns=list(KOMMUN_COLUMNS))
    table: pd.DataFrame = frame.astype(dict.fromkeys(_COUNTS, "int64"))
    return table


_COUNTS = (
    "bodies",
    "bodies_late",
    "overdue_actions",
    "overdue_reports",
    "goals_past_due",
    "overdue_total",
    "due_soon",
    "errors",
    "warnings",
)


def body_table(overview: Overview, lang: Lang = "sv") -> pd.DataFrame:
    records = [
        {
            "county_code": p.county_code,
            "county": p.county,
            "kommunkod": p.kommunkod,
            "kommun": p.kommun,
            "district": p.district,
            "body": b.id,
            "body_name": b.name,
            "kind": b.kind,
            "cadence": Text(b.cadence, b.cadence_en)(lang),
            "held": b.held,
            "required": b.required,
            "since": b.since,
            "missing": b.missing,
            "last": b.last,
            "state": b.state,
            "due": b.due,
        }
        for p in overview.plans
        for b in p.bodies
    ]
    frame = pd.DataFrame.from_records(records, columns=list(BODY_COLUMNS))
    table: pd.DataFrame = frame.astype({"held": "int64", "required": "int64", "missing": "int64"})
    return table


def county_totals(kommuner: pd.DataFrame, bodies: pd.DataFrame, lang: Lang = "sv") -> pd.DataFrame:
    """Per county: the kommuner, how many meet each obligation of the act (by state), the
    late bodies and the overdue items; a total row ("Alla län") when there are several."""
    keys = ["county_code", "county"]
    sums = kommuner.groupby(keys, sort=True).agg(
        kommuner=("kommunkod", "size"),
        with_errors=("errors", lambda s: int((s > 0).sum())),
        overdue_actions=("overdue_actions", "sum"),
        overdue_reports=("overdue_reports", "sum"),
        goals_past_due=("goals_past_due", "sum"),
        overdue_total=("overdue_total", "sum"),
    )
    long = kommuner.melt(id_vars=keys, value_vars=list(OBLIGATIONS), var_name="obligation")
    long = long[long["value"] != ""]
    states = pd.crosstab([long["county_code"], long["county"]], [long["obligation"], long["value"]])
    wanted = pd.MultiIndex.from_tuples([(o, s) for o in OBLIGATIONS for s in STATES[o]])
    states = states.reindex(columns=wanted, fill_value=0)
    states.columns = pd.Index([f"{o}_{s}" for o, s in states.columns])
    late = (
        bodies.assign(late=bodies["state"] == "overdue")
        .groupby(keys)
        .agg(bodies=("body", "size"), bodies_late=("late", "sum"))
    )
    out = sums.join(states, how="left").join(late, how="left").fillna(0)
    out = out.astype("int64").reset_index()
    if len(out) > 1:
        total = out.drop(columns=keys).sum().to_frame().T.astype("int64")
        total.insert(0, "county", Text("Alla län", "All counties")(lang))
        total.insert(0, "county_code", "")
        out = pd.concat([out, total], ignore_index=True)
    table: pd.DataFrame = out
    return table


def body_type_table(bodies: pd.DataFrame) -> pd.DataFrame:
    """Bodies by county and type: how many, how many late or due soon, the share late."""
    keys = ["county_code", "county", "kind"]
    marked = bodies.assign(late=bodies["state"] == "overdue", soon=bodies["state"] == "due-soon")
    out = marked.groupby(keys, sort=True).agg(
        bodies=("body", "size"),
        late=("late", "sum"),
        due_soon=("soon", "sum"),
        held=("held", "sum"),
        required=("required", "sum"),
    )
    out = out.astype("int64").reset_index()
    out["share_late"] = (out["late"] / out["bodies"]).astype("float64")
    table: pd.DataFrame = out
    return table


def indicator_table(overview: Overview) -> pd.DataFrame:
    records = [
        {
            "county_code": p.county_code,
            "county": p.county,
            "kommunkod": p.kommunkod,
            "kommun": p.kommun,
            "district": p.district,
            "series": f.series,
            "series_name": f.series_name,
            "unit": f.unit.value,
            "period": f.period,
            "value": f.value,
            "national": f.national,
            "difference": f.difference,
            "difference_kind": f.difference_kind.value,
            "verdict": f.verdict.value if f.verdict is not None else "",
        }
        for p in overview.plans
        for f in p.indicators
    ]
    frame = pd.DataFrame.from_records(records, columns=list(INDICATOR_COLUMNS))
    table: pd.DataFrame = frame.astype(
        {"value": "float64", "national": "float64", "difference": "float64"}
    )
    return table


def shared_series(indicators: pd.DataFrame) -> list[str]:
    """The series, most widely shared first (then by id)."""
    counts = indicators.groupby("series")["kommunkod"].nunique()
    return sorted(counts.index, key=lambda s: (-int(counts[s]), s))


def indicator_pivot(indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per kommun, one column per series: the latest value compared."""
    index = list(_PLACE)
    if indicators.empty:
        empty: pd.DataFrame = pd.DataFrame(columns=pd.Index(index))
        return empty
    wide = indicators.pivot_table(
        index=index, columns="series", values="value", aggfunc="last", sort=True
    )
    wide = wide.reindex(columns=shared_series(indicators))
    wide.columns.name = None
    table: pd.DataFrame = wide.reset_index()
    return table


def year_pivot(overview: Overview, lang: Lang = "sv") -> pd.DataFrame:
    """Every yearly value of every series by kommun and year, the country's on its own row
    under each series."""
    records = []
    national: dict[tuple[str, str, str, int], float] = {}
    for p in overview.plans:
        for f in p.indicators:
            for v in f.values:
                if v.year is None:
                    continue
                records.append(
                    {
                        "series": f.series,
                        "series_name": f.series_name,
                        "unit": f.unit.value,
                        "kommunkod": p.kommunkod,
                        "kommun": p.kommun,
                        "district": p.district,
                        "year": v.year,
                        "value": v.value,
                    }
                )
                if v.national is not None:
                    national[(f.series, f.series_name, f.unit.value, v.year)] = v.national
    for (series, name, unit, year), value in national.items():
        records.append(
            {
                "series": series,
                "series_name": name,
                "unit": unit,
                "kommunkod": NATIONAL,
                "kommun": Text("Riket", "Country")(lang),
                "district": "",
                "year": year,
                "value": value,
            }
        )
    long = pd.DataFrame.from_records(records, columns=list(YEAR_COLUMNS))
    index = ["series", "series_name", "unit", "kommunkod", "kommun", "district"]
    if long.empty:
        empty: pd.DataFrame = pd.DataFrame(columns=pd.Index(index))
        return empty
    wide = long.pivot_table(index=index, columns="year", values="value", aggfunc="last")
    wide.columns = pd.Index([int(c) for c in wide.columns])
    wide = wide.reset_index()
    # the country last under each series
    wide["_national"] = wide["kommunkod"] == NATIONAL
    wide = wide.sort_values(["series", "_national", "kommunkod", "district"], kind="stable")
    table: pd.DataFrame = wide.drop(columns="_national").reset_index(drop=True)
    return table
