"""Headings and names of values in the overview's tables, in Swedish and English."""

from __future__ import annotations

from typing import Any

import pandas as pd

from trygghet_cli.analysis.overview_tables import NATIONAL, OverviewTables
from trygghet_cli.followup.crime_prevention_act import OBLIGATIONS, ObligationState
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.identity_numbers import mask_identity_numbers
from trygghet_cli.model.indicators import Unit
from trygghet_cli.model.organisation import BodyKind
from trygghet_cli.render.labels import label
from trygghet_cli.wording import Formatter

_T = Text
OBLIGATION_NAMES = {
    "lagesbild": _T("Lägesbild", "Situation picture"),
    "atgardsplan": _T("Åtgärdsplan", "Action plan"),
    "samordningsfunktion": _T("Samordningsfunktion", "Coordination function"),
}
STATE_NAMES = {
    ObligationState.CURRENT.value: _T("aktuell", "current"),
    ObligationState.OUTDATED.value: _T("inaktuell", "outdated"),
    ObligationState.UNDECIDED.value: _T("ej beslutad av kommunen", "not decided by the kommun"),
    ObligationState.MISSING.value: _T("saknas", "missing"),
}
DUTY_STATES = {
    "ok": _T("enligt plan", "on track"),
    "due-soon": _T("förfaller snart", "due soon"),
    "overdue": _T("efter", "behind"),
}
VERDICTS = {
    "better": _T("bättre", "better"),
    "worse": _T("sämre", "worse"),
    "same": _T("lika", "same"),
}
DIFFERENCE_KINDS = {
    "relative_percent": _T("procent", "per cent"),
    "percentage_points": _T("procentenheter", "percentage points"),
}

HEADINGS: dict[str, Text] = {
    "county_code": _T("Länskod", "County code"),
    "county": _T("Län", "County"),
    "kommunkod": _T("Kommunkod", "Municipality code"),
    "kommun": _T("Kommun", "Municipality"),
    "district": _T("Stadsdel", "District"),
    **OBLIGATION_NAMES,
    "law_applies": _T("Lagen gäller", "Act applies"),
    "bodies": _T("Organ med mötesfrekvens", "Bodies with a cadence"),
    "bodies_late": _T("Organ efter", "Bodies behind"),
    "overdue_actions": _T("Försenade åtgärder", "Overdue actions"),
    "overdue_reports": _T("Försenade rapporter", "Overdue reports"),
    "goals_past_due": _T("Mål efter sitt datum", "Goals past their date"),
    "overdue_total": _T("Försenat totalt", "Overdue in all"),
    "due_soon": _T("Förfaller snart", "Due soon"),
    "last_meeting": _T("Senaste möte", "Latest meeting"),
    "errors": _T("Fel", "Errors"),
    "warnings": _T("Varningar", "Warnings"),
    "path": _T("Planens mapp", "Plan folder"),
    "body": _T("Organ (id)", "Body (id)"),
    "body_name": _T("Organ", "Body"),
    "kind": _T("Typ av organ", "Type of body"),
    "cadence": _T("Mötesfrekvens", "Cadence"),
    "held": _T("Hållna", "Held"),
    "required": _T("Krävda", "Required"),
    "since": _T("Räknat från", "Counted from"),
    "missing": _T("Saknas", "Missing"),
    "last": _T("Senaste möte", "Latest meeting"),
    "state": _T("Läge", "State"),
    "due": _T("Senast", "Due by"),
    "kommuner": _T("Kommuner", "Municipalities"),
    "with_errors": _T("Planer med fel", "Plans with errors"),
    "late": _T("Efter", "Behind"),
    "share_late": _T("Andel efter", "Share behind"),
    "series": _T("Serie", "Series"),
    "series_name": _T("Nyckeltal", "Indicator"),
    "unit": _T("Enhet", "Unit"),
    "period": _T("Period", "Period"),
    "value": _T("Värde", "Value"),
    "national": _T("Riket", "Country"),
    "difference": _T("Skillnad mot riket", "Difference from the country"),
    "difference_kind": _T("Skillnaden i", "Difference in"),
    "verdict": _T("Jämfört med riket", "Against the country"),
}
for _o in OBLIGATIONS:
    for _s, _name in STATE_NAMES.items():
        HEADINGS[f"{_o}_{_s}"] = _T(
            f"{OBLIGATION_NAMES[_o].sv}: {_name.sv}", f"{OBLIGATION_NAMES[_o].en}: {_name.en}"
        )

SHEETS: dict[str, Text] = {
    "counties": _T("Län", "Counties"),
    "kommuner": _T("Kommuner", "Municipalities"),
    "bodies": _T("Organ", "Bodies"),
    "body_types": _T("Organtyper", "Body types"),
    "indicators": _T("Nyckeltal", "Indicators"),
    "indicators_wide": _T("Nyckeltal per kommun", "Indicators by municipality"),
    "years": _T("Nyckeltal per år", "Indicators by year"),
}
"""The tables, in the order they are shown, with their names (sheet names: 31 characters at
most)."""

FILE_NAMES = {
    "counties": "lan",
    "kommuner": "kommuner",
    "bodies": "organ",
    "body_types": "organtyper",
    "indicators": "nyckeltal",
    "indicators_wide": "nyckeltal-per-kommun",
    "years": "nyckeltal-per-ar",
}


def heading(column: object, lang: Lang) -> str:
    """A column's heading; a series id (in the pivots) or a year stays as it is."""
    text = HEADINGS.get(str(column))
    return text(lang) if text is not None else str(column)


def body_kind(value: str, lang: Lang) -> str:
    try:
        return label(BodyKind(value), lang)
    except ValueError:
        return value


def unit_name(value: str, lang: Lang) -> str:
    try:
        return Formatter(lang).unit(Unit(value))
    except ValueError:
        return value


def _word(table: dict[str, Text], value: object, lang: Lang) -> object:
    text = table.get(str(value))
    return text(lang) if text is not None else value


def worded(name: str, frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """A table with its codes as words (states, types, units, yes and no) and its headings in
    ``lang``; every text masked. Numbers and dates stay what they are."""
    out = frame.copy()
    for column in out.columns:
        key = str(column)
        if key in OBLIGATIONS:
            out[column] = out[column].map(lambda v: _word(STATE_NAMES, v, lang))
        elif key == "state":
            out[column] = out[column].map(lambda v: _word(DUTY_STATES, v, lang))
        elif key == "verdict":
            out[column] = out[column].map(lambda v: _word(VERDICTS, v, lang))
        elif key == "difference_kind":
            out[column] = out[column].map(lambda v: _word(DIFFERENCE_KINDS, v, lang))
        elif key == "kind":
            out[column] = out[column].map(lambda v: body_kind(str(v), lang))
        elif key == "unit":
            out[column] = out[column].map(lambda v: unit_name(str(v), lang))
        elif key == "law_applies":
            answers = Text("ja", "yes")(lang), Text("nej", "no")(lang)
            out[column] = out[column].map(lambda v, a=answers: a[0] if v else a[1])
        elif key == "kommunkod" and name == "years":
            out[column] = out[column].map(
                lambda v: Text("Riket", "Country")(lang) if v == NATIONAL else v
            )
    for column in out.columns:
        if _textual(out[column]):
            out[column] = out[column].map(_masked)
    out.columns = pd.Index([heading(c, lang) for c in out.columns])
    table: pd.DataFrame = out
    return table


def _masked(value: Any) -> Any:
    return mask_identity_numbers(value) if isinstance(value, str) else value


def named_tables(tables: OverviewTables) -> list[tuple[str, pd.DataFrame]]:
    """(key, table) in the order of :data:`SHEETS`."""
    return [(key, getattr(tables, key)) for key in SHEETS]


def _textual(column: pd.Series) -> bool:
    """A column that may hold text (object, or pandas' own string type)."""
    return pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)
