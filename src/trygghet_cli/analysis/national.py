"""The national figures an indicator is compared with, from three sources in order.

1. **The plan**: values of the indicator with ``geografi: {nivå: riket}`` that the kommun has
   written itself (``trygg indicator set X 2023 14100 --geography riket``).
2. **Kolada**: values for Riket (Kolada's municipality ``0000``) that ``trygg indicator fetch``
   or ``import`` has written into the indicator, marked ``källa: {typ: kolada}``.
3. **trygg**: the national series the indicator names (``nationell_serie``), shipped in
   ``trygghet_cli/data/nationella.yaml``.

For each period the first source that has a value gives it, so a kommun can keep its
comparison current without waiting for a new trygg. :func:`national_figures` is the one place
that decides; ``trygg compare``, the brief and the export's indicator pages read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from trygghet_cli.followup.state import edition_key, value_known_on
from trygghet_cli.model.indicators import Indicator, Level, SourceKind, Value
from trygghet_cli.model.national import NationalSeries, NationalValue
from trygghet_cli.model.periods import Period


class NationalSource(str, Enum):
    """Where a national figure came from, in the order they are preferred."""

    PLAN = "plan"
    KOLADA = "kolada"
    TRYGG = "trygg"

    @property
    def rank(self) -> int:
        return list(NationalSource).index(self)


@dataclass(frozen=True)
class NationalFigure:
    """One national value of an indicator, with where it came from."""

    period: Period
    value: float
    source: NationalSource
    preliminary: bool = False
    origin: str = ""
    """The source as its publisher names it: ``Brå, pressmeddelande 2021-10-12`` (trygg's
    series), ``N07540`` (the Kolada KPI), the value's note (the plan)."""
    url: str | None = None
    published: date | None = None
    """The day the value was published, where known (trygg's series)."""
    edition: str | None = None
    secondhand: bool = False
    """From a secondary source, not checked against the publisher (trygg's series)."""
    approximate: bool = False
    """Given only roughly by its source (≈, "drygt")."""
    plan_value: Value | None = None
    """The plan's own value, for the first two sources."""

    def known_on(self, day: date, editions: dict[str, date] | None = None) -> bool:
        """Whether the value was known on ``day``: a plan's value as the plan's own values are
        (:func:`~trygghet_cli.followup.state.value_known_on`), trygg's from its publication
        day where known, else from the last day of its period."""
        if self.plan_value is not None:
            return value_known_on(self.plan_value, day, editions)
        return (self.published or self.period.end) <= day

    def known_from(self, editions: dict[str, date] | None = None) -> date:
        """The day the value became known (see :meth:`known_on`)."""
        if self.published is not None:
            return self.published
        if self.edition and editions is not None:
            day = editions.get(edition_key(self.edition))
            if day is not None:
                return max(day, self.period.end)
        return self.period.end


def is_national(value: Value) -> bool:
    """A value of the plan that is the country's, not the kommun's."""
    return value.geography.level is Level.COUNTRY


def _from_plan(value: Value) -> NationalFigure:
    kolada = value.source is not None and value.source.kind is SourceKind.KOLADA
    origin = ""
    if value.source is not None:
        origin = value.source.kolada_kpi or value.source.name or ""
    elif value.note:
        origin = value.note
    return NationalFigure(
        period=value.period,
        value=value.value,
        source=NationalSource.KOLADA if kolada else NationalSource.PLAN,
        preliminary=value.preliminary,
        origin=origin,
        url=value.source.url if value.source is not None else None,
        edition=value.edition,
        plan_value=value,
    )


def _from_trygg(value: NationalValue) -> NationalFigure:
    return NationalFigure(
        period=value.period,
        value=value.value,
        source=NationalSource.TRYGG,
        preliminary=value.preliminary,
        origin=value.source,
        url=value.url,
        published=value.published,
        edition=value.edition,
        secondhand=value.secondhand,
        approximate=value.approximate,
    )


def national_figures(
    indicator: Indicator,
    series: NationalSeries | None,
    *,
    until: date | None = None,
    editions: dict[str, date] | None = None,
) -> dict[Period, NationalFigure]:
    """Per period, the national figure of the first source that has one (plan, Kolada,
    trygg), in period order.

    As of ``until``: the first source whose value was known that day; for a period whose
    every value came later, the first source's (:meth:`~NationalFigure.known_from` says when
    it came).
    """
    candidates = [_from_plan(v) for v in indicator.values if is_national(v)]
    if series is not None:
        candidates += [_from_trygg(v) for v in series.values]
    ranked = sorted(candidates, key=lambda f: f.source.rank)
    found: dict[Period, NationalFigure] = {}
    for figure in ranked:
        if until is None or figure.known_on(until, editions):
            found.setdefault(figure.period, figure)
    for figure in ranked:
        found.setdefault(figure.period, figure)
    return dict(sorted(found.items()))


def has_national(indicator: Indicator, series: NationalSeries | None) -> bool:
    """Whether the indicator has anything to compare with: a series or its own national
    values."""
    return series is not None or any(is_national(v) for v in indicator.values)
