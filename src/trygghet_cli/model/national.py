"""National reference figures that ship with trygg (``trygghet_cli/data/nationella.yaml``).

A national value is known from the day it was published (``publicerad``). Where the source
does not give that day it is unknown, and the value is assumed to be known from the last day
of its period: early for NTU (published the autumn after), so the date is filled in wherever
the source gives it.
"""

from __future__ import annotations

from datetime import date

from pydantic import StrictBool

from trygghet_cli.model.common import Day, Figure, Id, PeriodField, TryggModel, field
from trygghet_cli.model.indicators import Better, Unit
from trygghet_cli.model.periods import Period


class NationalValue(TryggModel):
    period: PeriodField = field("period", "Perioden värdet avser.")
    value: Figure = field("värde", "Värdet för hela landet.")
    preliminary: StrictBool = field("preliminär", "Sant för en preliminär siffra.", default=False)
    edition: str | None = field("utgåva", "Publikationen värdet kommer från.", default=None)
    source: str = field("källa", "Källa för just detta värde.")
    url: str | None = field("länk", "Länk till källan.", default=None)
    published: Day | None = field(
        "publicerad",
        "Dagen värdet publicerades, när källan anger den. Utan den antas värdet vara känt "
        "från periodens sista dag.",
        default=None,
    )
    secondhand: StrictBool = field(
        "andrahandskälla",
        "Sant när värdet kommer från en andrahandskälla (en tidning, Wikipedia, någon som "
        "citerar Brå) och inte har kunnat kontrolleras mot utgivaren själv.",
        default=False,
    )
    approximate: StrictBool = field(
        "ungefärligt",
        "Sant när källan bara anger värdet ungefärligt (≈, 'drygt', 'cirka').",
        default=False,
    )

    def known_on(self, day: date) -> bool:
        """Whether the value had been published on ``day`` (see the module's docstring)."""
        return (self.published or self.period.end) <= day


class NationalSeries(TryggModel):
    id: Id = field("id", "Seriens id, som nyckeltal hänvisar till med nationell_serie.")
    name: str = field("namn", "Seriens namn.")
    unit: Unit = field("enhet", "Enhet.")
    better: Better = field("bättre", "Vilket håll som är bättre.")
    source: str = field("källa", "Utgivare.")
    note: str | None = field("anmärkning", "Anmärkning om serien.", default=None)
    values: list[NationalValue] = field("värden", "Värden per period.", min_length=1)

    def at(self, period: Period) -> NationalValue | None:
        for value in self.values:
            if value.period == period:
                return value
        return None

    def known_on(self, day: date | None) -> list[NationalValue]:
        """The values published by ``day`` (all of them when ``day`` is None)."""
        return [v for v in self.values if day is None or v.known_on(day)]


class NationalData(TryggModel):
    series: list[NationalSeries] = field("serier", "Nationella jämförelseserier.", min_length=1)

    def by_id(self) -> dict[str, NationalSeries]:
        return {s.id: s for s in self.series}
