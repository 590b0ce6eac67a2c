"""The overview as CSV (for Excel: formulas guarded, Swedish separators) and as JSON."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from enum import Enum
from typing import Any

import pandas as pd

from trygghet_cli.analysis.overview import Overview
from trygghet_cli.analysis.overview_tables import OverviewTables
from trygghet_cli.i18n import Lang
from trygghet_cli.identity_numbers import mask_identity_numbers
from trygghet_cli.render.comparisons import excel_csv
from trygghet_cli.render.overview.labels import FILE_NAMES, named_tables, worded

JSON_VERSION = 1
"""Bumped when a key changes meaning or goes away (new keys may come at any time)."""


def as_csv(tables: OverviewTables, lang: Lang, key: str = "kommuner") -> str:
    """One table as CSV: Swedish with ``;``, decimal comma, a BOM and CRLF, as Excel opens it
    with a double-click; text that would start a formula begins with an apostrophe."""
    frame = dict(named_tables(tables))[key]
    return excel_csv(worded(key, frame, lang), lang)


def csv_files(tables: OverviewTables, lang: Lang) -> dict[str, str]:
    """Every table as a CSV file, by file name (``oversikt-kommuner.csv`` …)."""
    return {
        f"oversikt-{FILE_NAMES[key]}.csv": as_csv(tables, lang, key)
        for key, _ in named_tables(tables)
    }


def as_json(overview: Overview, tables: OverviewTables) -> str:
    """Every plan's figures as the follow-up gives them, and the totals per county."""
    data = {
        "version": JSON_VERSION,
        "as_of": overview.as_of.isoformat(),
        "within_days": overview.window.within,
        "county": overview.county,
        "counties": _records(tables.counties),
        "plans": [_plain(dataclasses.asdict(p)) for p in overview.plans],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [_plain(r) for r in frame.to_dict(orient="records")]


def _plain(value: Any) -> Any:
    """Dates as ISO text, enums as their values, every text masked."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return mask_identity_numbers(value)
    if hasattr(value, "item"):  # a numpy number from a DataFrame
        return value.item()
    return value
