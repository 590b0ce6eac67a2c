"""Indicator values: record one (``indicator set``) or a file of them (``indicator import``).

A value is identified by its period and geography. Setting a value that exists changes it
(and says from what); a new one is inserted among the indicator's values in period order,
written like its neighbours (``geografi: {nivå: kommun}`` in flow style when they use it).

An import from Kolada maps each row to the plan: the KPI to the indicators whose
``källa.kolada_kpi`` names it, the municipality to the plan's ``kommunkod``, the period to
``period``; by default only the total (gender ``T``). Imported values are the municipality's:
geography ``kommun`` (with the municipality's name when the plan is for a district, since
Kolada's figure is then for the whole city). Each row's outcome is reported.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from trygghet_cli.editing.changes import ChangeKind, EditError, not_found
from trygghet_cli.editing.geography import Geography
from trygghet_cli.editing.nodes import block_list, flow_like, insert_item, mapping, put, remove
from trygghet_cli.editing.session import EditSession
from trygghet_cli.i18n import Text
from trygghet_cli.loading.kolada import RIKET, KoladaFile, KoladaRow
from trygghet_cli.loading.plan import LoadedFile
from trygghet_cli.loading.roundtrip import RoundTripFile
from trygghet_cli.model.indicators import Indicator, Indicators, Level, SourceKind, Value
from trygghet_cli.model.periods import Period, PeriodError
from trygghet_cli.wording import number_text


@dataclass(frozen=True)
class NewValue:
    period: Period
    value: float
    geography: Geography
    preliminary: bool = False
    illustrative: bool = False
    note: str | None = None
    source: dict[str, str] | None = None
    """The value's own ``källa`` (``{typ: kolada, kolada_kpi: N07540}`` for Riket from Kolada)."""


def _yaml_number(value: float) -> int | float:
    """Whole numbers are written without decimals (``11264``, not ``11264.0``)."""
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def indicators_file(session: EditSession) -> LoadedFile:
    return session.plan_file("nyckeltal")


def find_indicator(session: EditSession, indicator_id: str) -> tuple[int, Indicator]:
    model = indicators_file(session).model
    assert isinstance(model, Indicators)
    for index, indicator in enumerate(model.indicators):
        if indicator.id == indicator_id:
            return index, indicator
    raise EditError(
        not_found(
            Text("nyckeltalet", "the indicator"),
            indicator_id,
            [i.id for i in model.indicators],
        ),
        session.broken_hint(),
    )


def set_value(session: EditSession, indicator_id: str, new: NewValue) -> ChangeKind:
    index, _ = find_indicator(session, indicator_id)
    loaded = indicators_file(session)
    opened = session.open(loaded.path)
    session.expect_id(opened, opened.data["nyckeltal"][index], indicator_id)
    kind, text, node = apply_value(opened, index, indicator_id, new)
    session.record(kind, loaded.path, ("nyckeltal", index), text, anchor=node)
    return kind


class ValueIndex:
    """An indicator's values in the file by period and geography, and where a new one goes.

    Built once per indicator for an import, so that each row finds its value (or its place)
    without reading the whole list again: an import takes time in proportion to its rows, not
    to their square. Only :func:`apply_value` changes the list while the index is in use.
    """

    def __init__(self, values: CommentedSeq) -> None:
        self.values = values
        self.flow = flow_like(list(values), "geografi")
        self._nodes: dict[tuple[Period, str, str | None], CommentedMap] = {}
        self._periods: list[Period] | None = []
        for node in values:
            period = _period_of(node)
            self._remember(period, node)
            if self._periods is not None:
                if period is None or (self._periods and period < self._periods[-1]):
                    self._periods = None  # not in period order: places are found by reading
                else:
                    self._periods.append(period)

    def _remember(self, period: Period | None, node: Any) -> None:
        geography = node.get("geografi") if isinstance(node, dict) else None
        if period is not None and isinstance(geography, dict):
            key = (period, str(geography.get("nivå")), geography.get("namn") or None)
            self._nodes.setdefault(key, node)

    def find(self, new: NewValue) -> CommentedMap | None:
        """The first value of the period and geography (as :meth:`Geography.matches` says)."""
        return self._nodes.get((new.period, new.geography.level.value, new.geography.name))

    def position(self, period: Period) -> int:
        """After the last value of the same or an earlier period."""
        if self._periods is not None:
            return bisect.bisect_right(self._periods, period)
        position = 0
        for i, node in enumerate(self.values):
            found = _period_of(node)
            if found is not None and found <= period:
                position = i + 1
        return position

    def inserted(self, position: int, period: Period, node: CommentedMap) -> None:
        self._remember(period, node)
        if self._periods is not None:
            self._periods.insert(position, period)


def apply_value(
    opened: RoundTripFile,
    index: int,
    indicator_id: str,
    new: NewValue,
    values_index: ValueIndex | None = None,
) -> tuple[ChangeKind, Text, CommentedMap]:
    """Set one value of the indicator at ``index`` (whose id is ``indicator_id``); what
    happened, and the value's node. An import passes the indicator's :class:`ValueIndex`."""
    indicator = opened.data["nyckeltal"][index]
    values = block_list(indicator, "värden", Indicator)
    if values_index is None or values_index.values is not values:
        values_index = ValueIndex(values)
    what = f"{indicator_id} {new.period} ({new.geography.label()})"
    found = values_index.find(new)
    if found is not None:
        return _change(opened, found, new, what)
    position = values_index.position(new.period)
    item = mapping(
        {
            "period": new.period.as_yaml(),
            "värde": _yaml_number(new.value),
            "geografi": mapping(new.geography.items(), flow=values_index.flow),
            "källa": mapping(new.source, flow=True) if new.source else None,
            "preliminär": True if new.preliminary else None,
            "anmärkning": new.note,
            "illustrativ": True if new.illustrative else None,
        }
    )
    insert_item(values, position, item)
    values_index.inserted(position, new.period, item)
    flags = _flags(new.preliminary, new.illustrative)
    shown = number_text(new.value)
    return (
        ChangeKind.ADDED,
        Text(f"{what}: {shown('sv')}{flags('sv')}", f"{what}: {shown('en')}{flags('en')}"),
        item,
    )


def _flags(preliminary: bool, illustrative: bool) -> Text:
    parts = []
    if preliminary:
        parts.append(Text("preliminär", "preliminary"))
    if illustrative:
        parts.append(Text("illustrativ", "illustrative"))
    if not parts:
        return Text("", "")
    return Text(
        " (" + ", ".join(p("sv") for p in parts) + ")",
        " (" + ", ".join(p("en") for p in parts) + ")",
    )


def _change(
    opened: RoundTripFile, node: CommentedMap, new: NewValue, what: str
) -> tuple[ChangeKind, Text, CommentedMap]:
    notes: list[Text] = []
    old = node.get("värde")
    if not isinstance(old, (int, float)) or float(old) != new.value:
        old_text = number_text(float(old)) if isinstance(old, (int, float)) else Text("–", "–")
        new_text = number_text(new.value)
        notes.append(
            Text(f"{old_text('sv')} → {new_text('sv')}", f"{old_text('en')} → {new_text('en')}")
        )
        node["värde"] = _yaml_number(new.value)
    was_preliminary = node.get("preliminär") is True
    if new.preliminary and not was_preliminary:
        put(node, "preliminär", True, Value)
        notes.append(Text("nu preliminär", "now preliminary"))
    elif was_preliminary and not new.preliminary:
        remove(opened, node, "preliminär")
        notes.append(Text("inte längre preliminär", "no longer preliminary"))
    was_illustrative = node.get("illustrativ") is True
    if new.illustrative and not was_illustrative:
        put(node, "illustrativ", True, Value)
        notes.append(Text("nu illustrativ", "now illustrative"))
    elif was_illustrative and not new.illustrative:
        remove(opened, node, "illustrativ")
        notes.append(Text("inte längre illustrativ", "no longer illustrative"))
    if new.note is not None and node.get("anmärkning") != new.note:
        put(node, "anmärkning", new.note, Value)
        notes.append(Text("ny anmärkning", "new note"))
    if not notes:
        shown = number_text(new.value)
        return (
            ChangeKind.UNCHANGED,
            Text(f"{what}: {shown('sv')}, som förut", f"{what}: {shown('en')}, as before"),
            node,
        )
    return (
        ChangeKind.CHANGED,
        Text(
            f"{what}: " + "; ".join(n("sv") for n in notes),
            f"{what}: " + "; ".join(n("en") for n in notes),
        ),
        node,
    )


def _period_of(node: Any) -> Period | None:
    if not isinstance(node, dict):
        return None
    try:
        return Period.parse(node.get("period"))
    except PeriodError:
        return None


# --- import ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowOutcome:
    """What became of one row of the import file (for one indicator, when it matched)."""

    row: KoladaRow
    kind: ChangeKind
    text: Text
    indicator: str | None = None
    not_a_kommun: bool = False
    """Skipped because Kolada's id is a group of kommuner (``G…``) or a region (``00NN``)."""


@dataclass
class ImportReport:
    file: str
    format: str
    gender: str
    rows: list[RowOutcome] = field(default_factory=list)

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for r in self.rows if r.kind is kind)

    @property
    def not_a_kommun(self) -> int:
        """Rows skipped because they are for a group of kommuner or a region."""
        return sum(1 for r in self.rows if r.not_a_kommun)


def kolada_targets(session: EditSession, requested: list[str]) -> tuple[str, list[str]]:
    """What ``trygg indicator fetch`` asks Kolada for: the plan's kommunkod, and the KPIs asked
    for (each one some indicator's ``källa.kolada_kpi``) or else every one the plan names."""
    plan = session.plan
    assert plan.municipality is not None
    indicators = plan.indicators_by_id().values()
    named = sorted({i.source.kolada_kpi for i in indicators if i.source.kolada_kpi})
    file = indicators_file(session).file
    if not requested:
        if not named:
            raise EditError(
                Text(
                    f"Inget nyckeltal i {file} har en kolada_kpi; det finns inget att hämta.",
                    f"No indicator in {file} has a kolada_kpi; there is nothing to fetch.",
                ),
                Text(
                    "Skriv Koladas id i nyckeltalets källa, t.ex. källa: {typ: brå, kolada_kpi: "
                    "N07540}, eller ange KPI:t: trygg indicator fetch N07540.",
                    "Write Kolada's id in the indicator's source, e.g. källa: {typ: brå, "
                    "kolada_kpi: N07540}, or name the KPI: trygg indicator fetch N07540.",
                ),
            )
        return plan.municipality.kommunkod, named
    unknown = [kpi for kpi in requested if kpi not in named]
    if unknown:
        listed = ", ".join(unknown)
        known = ", ".join(named) if named else "–"
        raise EditError(
            Text(
                f"Inget nyckeltal i {file} har kolada_kpi: {listed}; värdena skulle inte hamna "
                f"någonstans. Planens Kolada-id: {known}.",
                f"No indicator in {file} has kolada_kpi: {listed}; the values would go nowhere. "
                f"The plan's Kolada ids: {known}.",
            ),
            Text(
                f"Lägg till kolada_kpi: {unknown[0]} i källan för nyckeltalet det gäller.",
                f"Add kolada_kpi: {unknown[0]} to the source of the indicator it belongs to.",
            ),
        )
    return plan.municipality.kommunkod, list(dict.fromkeys(requested))


def import_rows(
    session: EditSession,
    kolada: KoladaFile,
    *,
    gender: str = "T",
    preliminary: bool = False,
    illustrative: bool = False,
) -> ImportReport:
    """Apply the rows of a Kolada file to the plan's indicators (in memory)."""
    municipality = session.plan_file("kommun")
    plan = session.plan
    assert plan.municipality is not None and municipality.model is not None
    kommunkod = plan.municipality.kommunkod
    geography = Geography(
        Level.MUNICIPALITY, plan.municipality.name if plan.municipality.district else None
    )
    country = Geography(Level.COUNTRY)
    loaded = indicators_file(session)
    model = loaded.model
    assert isinstance(model, Indicators)
    by_kpi: dict[str, list[tuple[int, Indicator]]] = {}
    for index, indicator in enumerate(model.indicators):
        if indicator.source.kolada_kpi:
            by_kpi.setdefault(indicator.source.kolada_kpi, []).append((index, indicator))
    report = ImportReport(kolada.file, kolada.format, gender)
    seen: dict[tuple[str, str, Period, str], int] = {}
    opened: RoundTripFile | None = None
    indexes: dict[int, ValueIndex] = {}
    own_national: dict[int, dict[Period, Value]] = {}
    places: dict[int, set[Geography]] = {}
    for row in kolada.rows:
        skip = _skip_reason(row, kommunkod, by_kpi, gender, seen)
        seen.setdefault(row.key, row.line)
        if skip is not None:
            report.rows.append(
                RowOutcome(
                    row, ChangeKind.SKIPPED, skip, not_a_kommun=row.is_group or row.is_region
                )
            )
            continue
        assert row.value is not None
        if opened is None:
            opened = session.open(loaded.path)
        national = row.municipality == RIKET
        for index, indicator in by_kpi[row.kpi]:
            if national:
                if index not in own_national:
                    own_national[index] = _own_national_values(indicator)
                own = own_national[index].get(row.period)
                if own is not None:
                    report.rows.append(
                        RowOutcome(row, ChangeKind.SKIPPED, _kept_own(indicator, row, own))
                    )
                    continue
            new = NewValue(
                row.period,
                row.value,
                country if national else geography,
                preliminary=preliminary,
                illustrative=illustrative,
                source={"typ": SourceKind.KOLADA.value, "kolada_kpi": row.kpi}
                if national
                else None,
            )
            node = opened.data["nyckeltal"][index]
            session.expect_id(opened, node, indicator.id)
            if index not in indexes:
                indexes[index] = ValueIndex(block_list(node, "värden", Indicator))
            kind, text, node = apply_value(opened, index, indicator.id, new, indexes[index])
            if national:
                text = Text(
                    f"{text('sv')} (Kolada, 0000 Riket)", f"{text('en')} (Kolada, 0000 Riket)"
                )
            elif kind is ChangeKind.ADDED:
                if index not in places:
                    places[index] = {
                        Geography(v.geography.level, v.geography.name) for v in indicator.values
                    }
                text = _note_other_geographies(text, places[index], geography)
            if kind is not ChangeKind.UNCHANGED:
                session.record(kind, loaded.path, ("nyckeltal", index), text, anchor=node)
            report.rows.append(RowOutcome(row, kind, text, indicator.id))
    return report


def _own_national_values(indicator: Indicator) -> dict[Period, Value]:
    """The plan's own values for Riket (not ones from Kolada) by period: they go before
    Kolada's (:mod:`trygghet_cli.analysis.national`), so an import leaves them."""
    own: dict[Period, Value] = {}
    for value in indicator.values:
        if value.geography.level is Level.COUNTRY and (
            value.source is None or value.source.kind is not SourceKind.KOLADA
        ):
            own.setdefault(value.period, value)
    return own


def _kept_own(indicator: Indicator, row: KoladaRow, own: Value) -> Text:
    assert row.value is not None
    mine, theirs = number_text(own.value), number_text(row.value)
    what = f"{indicator.id} {row.period} (riket)"
    return Text(
        f"{what}: planens eget värde, {mine('sv')}, går före Koladas ({theirs('sv')}) och ändras "
        "inte",
        f"{what}: the plan's own value, {mine('en')}, comes before Kolada's ({theirs('en')}) and "
        "is left as it is",
    )


def _note_other_geographies(text: Text, places: set[Geography], geography: Geography) -> Text:
    """A value for the city added to an indicator whose values (``places``: their
    geographies) are all the district's (or any other geography) says so: trends and
    comparisons keep the two apart."""
    if not places or geography in places:
        return text
    listed = ", ".join(sorted(p.label() for p in places))
    return Text(
        f"{text('sv')}; obs: nyckeltalets övriga värden gäller {listed} (jämförelser och "
        "trender håller isär geografierna)",
        f"{text('en')}; note: the indicator's other values are for {listed} (comparisons and "
        "trends keep the geographies apart)",
    )


def _skip_reason(
    row: KoladaRow,
    kommunkod: str,
    by_kpi: dict[str, list[tuple[int, Indicator]]],
    gender: str,
    seen: dict[tuple[str, str, Period, str], int],
) -> Text | None:
    """Why a row is not imported, or None when it is."""
    what = f"{row.kpi} {row.period}"
    if row.is_group:
        return Text(
            f"{row.municipality} är en kommungrupp i Kolada, inte en kommun",
            f"{row.municipality} is a group of municipalities in Kolada, not a municipality",
        )
    if row.is_region:
        return Text(
            f"{row.municipality} är en region i Kolada, inte en kommun",
            f"{row.municipality} is a region in Kolada, not a municipality",
        )
    if row.municipality not in (kommunkod, RIKET):
        return Text(
            f"kommun {row.municipality}, inte planens {kommunkod}",
            f"municipality {row.municipality}, not the plan's {kommunkod}",
        )
    if row.kpi not in by_kpi:
        return Text(
            f"{row.kpi}: inget nyckeltal i planen har kolada_kpi: {row.kpi}",
            f"{row.kpi}: no indicator in the plan has kolada_kpi: {row.kpi}",
        )
    if row.gender != gender:
        return Text(
            f"{what}: kön {row.gender}, importen tar {gender}",
            f"{what}: gender {row.gender}, the import takes {gender}",
        )
    if row.key in seen:
        return Text(
            f"{what}: samma som rad {seen[row.key]}", f"{what}: same as line {seen[row.key]}"
        )
    if row.suppressed:
        return Text(
            f"{what}: värdet redovisas inte (..)", f"{what}: the value is not published (..)"
        )
    if row.value is None:
        status = f" (status: {row.status})" if row.status else ""
        return Text(f"{what}: inget värde{status}", f"{what}: no value{status}")
    return None
