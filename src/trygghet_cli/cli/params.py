"""The command line's parameter types, in one module.

Each parser reads one kind of value where its parameter is declared (Typer's ``parser=``) and
returns it typed: a quarter or a period as a :class:`Period`, a day as a :class:`date`, a
language, a Kolada gender, a geography, a kommunkod, a county, an indicator's value. A value
the parameter does not take raises :class:`~trygghet_cli.cli.usage_errors.ValueRefused`, and
the typer adapter shows it as every other usage error, in the user's language::

    Användning: trygg report [FLAGGOR] [PLAN]
    Försök 'trygg report -h' för hjälp.

    Fel: Ogiltigt värde för '--quarter': '2021' är inget kvartal; skriv till exempel 2021Q1, …

so no command checks its parameters again in its body. The parsers import what they need when
called: ``trygg --help`` imports this module, and stays fast.
"""

from __future__ import annotations

from datetime import date

from trygghet_cli.cli.usage_errors import ValueRefused
from trygghet_cli.editing.geography import Geography
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.install_source import InstallSource
from trygghet_cli.model.periods import MAX_YEAR, MIN_YEAR, Period, PeriodError, PeriodKind


def quarter(value: str) -> Period:
    """``2021Q1``, ``2021-Q1``, ``2021K1``."""
    try:
        period = Period.parse(value)
    except PeriodError:
        period = None
    if period is None or period.kind is not PeriodKind.QUARTER:
        raise ValueRefused(
            Text(
                f"'{value}' är inget kvartal; skriv till exempel 2021Q1, 2021-Q1 eller 2021K1.",
                f"'{value}' is not a quarter; write for example 2021Q1, 2021-Q1 or 2021K1.",
            )
        )
    return period


def period(value: str) -> Period:
    """A year, half-year, tertial, quarter or month: ``2021``, ``2021H1``, ``2021-03``."""
    try:
        return Period.parse(value)
    except PeriodError:
        raise ValueRefused(
            Text(
                f"'{value}' är inte en period; skriv till exempel 2021 eller 2021Q1.",
                f"'{value}' is not a period; write for example 2021 or 2021Q1.",
            )
        ) from None


def day(value: str) -> date:
    """``ÅÅÅÅ-MM-DD``, in the years trygg accepts."""
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError:
        raise ValueRefused(
            Text(
                f"'{value}' är inte ett datum; skriv ÅÅÅÅ-MM-DD, till exempel 2021-03-02.",
                f"'{value}' is not a date; write YYYY-MM-DD, for example 2021-03-02.",
            )
        ) from None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise ValueRefused(
            Text(
                f"året i '{value}' ligger utanför {MIN_YEAR}–{MAX_YEAR}; kontrollera datumet.",
                f"the year of '{value}' is outside {MIN_YEAR}–{MAX_YEAR}; check the date.",
            )
        )
    return parsed


def language(value: str) -> Lang:
    """``sv`` or ``en`` (also ``sv_SE``, ``en-GB``)."""
    from trygghet_cli.i18n import resolve_lang

    try:
        if value.strip():
            return resolve_lang(value)
    except ValueError:
        pass
    raise ValueRefused(
        Text(
            f"okänt språk '{value}'; välj sv eller en.",
            f"unknown language '{value}'; choose sv or en.",
        )
    )


def install_source(value: str) -> InstallSource:
    """Where the CI of a new plan repository installs trygg from (``trygg init
    --install-from``): ``pypi``, an index's address, a git address or a wheel file."""
    from trygghet_cli import __version__
    from trygghet_cli.install_source import InstallSourceError, chosen

    try:
        return chosen(value, __version__)
    except InstallSourceError as exc:
        raise ValueRefused(exc.text) from None


def rule(value: str) -> str:
    """A rule's id, ``TRY204`` (also ``try204``)."""
    from trygghet_cli.rules import RULES

    chosen = value.strip().upper()
    if chosen not in RULES:
        raise ValueRefused(
            Text(
                f"'{value}' är ingen regel i trygg; reglerna står i docs/rules.md.",
                f"'{value}' is no rule of trygg; the rules are listed in docs/rules.md.",
            )
        )
    return chosen


def deadline_rule(value: str) -> str:
    """A deadline rule's id: ``TRY4xx``."""
    chosen = rule(value)
    if not chosen.startswith("TRY4"):
        raise ValueRefused(
            Text(
                f"'{value}' är ingen regel för tidsfristerna; de är TRY4xx.",
                f"'{value}' is no deadline rule; those are TRY4xx.",
            )
        )
    return chosen


def gender(value: str) -> str:
    """Kolada's gender: ``T`` (totalt), ``K`` or ``M``, in either case."""
    from trygghet_cli.loading.kolada import GENDERS

    chosen = value.strip().upper()
    if chosen not in GENDERS:
        raise ValueRefused(
            Text(f"'{value}' ska vara T, K eller M.", f"'{value}' must be T, K or M.")
        )
    return chosen


def geography(value: str | Geography) -> Geography:
    """``kommun`` or ``NIVÅ:NAMN`` (``lokalpolisområde:Norra Västmanland``); a default given
    as a :class:`Geography` is taken as it is."""
    from trygghet_cli.model.indicators import Level

    if isinstance(value, Geography):
        return value
    try:
        return Geography.parse(value)
    except ValueError:
        levels = ", ".join(level.value for level in Level)
        raise ValueRefused(
            Text(
                f"'{value}' är ingen geografisk nivå; välj {levels}.",
                f"'{value}' is not a level; choose {levels}.",
            )
        ) from None


def name(value: str) -> str:
    """A name that is not empty (a kommun's), without the spaces around it."""
    if not value.strip():
        raise ValueRefused(Text("namnet får inte vara tomt.", "the name is empty."))
    return value.strip()


def kommunkod(value: str) -> str:
    """SCB's four digits, the first two a county's code."""
    from trygghet_cli.loading.kommuner import KommunNotFound, checked_code, kommun_register

    try:
        return checked_code(kommun_register(), value)
    except KommunNotFound as exc:
        raise ValueRefused(exc.text) from None


def county(value: str) -> str:
    """A län by its code (``19``, ``1``) or its name as people write it: its code."""
    from trygghet_cli.loading.kommuner import kommun_register

    register = kommun_register()
    wanted = value.strip()
    if wanted.isdigit() and len(wanted) == 1:
        wanted = "0" + wanted
    found = register.county(wanted)
    if found is None:
        known = ", ".join(f"{c} {n}" for c, n in register.counties().items())
        close = " eller ".join(f"{n} ({c})" for c, n in register.closest_counties(wanted))
        close_en = close.replace(" eller ", " or ")
        raise ValueRefused(
            Text(
                f"okänt län '{value}'"
                + (f"; menade du {close}? " if close else ". ")
                + f"Välj en länskod: {known}.",
                f"unknown county '{value}'"
                + (f"; did you mean {close_en}? " if close else ". ")
                + f"Choose a county code: {known}.",
            )
        )
    return found[0]


def figure(value: str) -> float:
    """An indicator's value, with a decimal comma or point (``22,6``), within what any
    indicator can be."""
    from trygghet_cli.loading.kolada import parse_number
    from trygghet_cli.model.common import FIGURE_LIMIT

    number = parse_number(value)
    if number is None:
        raise ValueRefused(Text(f"'{value}' är inte ett tal.", f"'{value}' is not a number."))
    if abs(number) > FIGURE_LIMIT:
        raise ValueRefused(
            Text(
                f"'{value}' är större än något nyckeltal kan vara (högst 1 000 000 000 000 till "
                "beloppet).",
                f"'{value}' is larger than any indicator can be (at most 1,000,000,000,000 either "
                "way).",
            )
        )
    return number


def kolada_kpi(value: str) -> str:
    """Kolada's id of a KPI: a letter and five digits (``N07540``), in either case."""
    from trygghet_cli.loading.kolada.fields import KPI_ID

    chosen = value.strip().upper()
    if not KPI_ID.match(chosen):
        raise ValueRefused(
            Text(
                f"'{value}' är inget Kolada-id; ett id är en bokstav och fem siffror, t.ex. "
                "N07540.",
                f"'{value}' is not a Kolada id; an id is a letter and five digits, e.g. N07540.",
            )
        )
    return chosen


class Years(tuple[int, ...]):
    """Years in order, each once, as ``--years 2019-2023`` or ``--years 2021,2023`` gives them."""

    __slots__ = ()


def years(value: str | Years) -> Years:
    """``2023``, ``2021,2023`` or ``2019-2023`` (both ends included)."""
    if isinstance(value, Years):
        return value
    found: set[int] = set()
    for part in value.replace(" ", "").split(","):
        first, dash, last = part.partition("-")
        try:
            start = int(first)
            end = int(last) if dash else start
        except ValueError:
            raise ValueRefused(
                Text(
                    f"'{value}' är inga år; skriv t.ex. 2023, 2021,2023 eller 2019-2023.",
                    f"'{value}' are not years; write e.g. 2023, 2021,2023 or 2019-2023.",
                )
            ) from None
        if not (MIN_YEAR <= start <= end <= MAX_YEAR):
            raise ValueRefused(
                Text(
                    f"'{part}': åren ska ligga mellan {MIN_YEAR} och {MAX_YEAR}, det första "
                    "före det sista.",
                    f"'{part}': the years must lie between {MIN_YEAR} and {MAX_YEAR}, the first "
                    "before the last.",
                )
            )
        found.update(range(start, end + 1))
    return Years(sorted(found))


def seconds(value: str | float) -> float:
    """A time to wait, in seconds, with a decimal comma or point (``0,5``); above zero and at
    most ten minutes. A default given as a number is taken as it is."""
    from trygghet_cli.loading.kolada import parse_number

    number = float(value) if isinstance(value, (int, float)) else parse_number(value)
    if number is None or not 0 < number <= 600:
        raise ValueRefused(
            Text(
                f"'{value}' är ingen väntetid; skriv ett antal sekunder över 0 och högst 600.",
                f"'{value}' is no time to wait; write a number of seconds above 0 and at most 600.",
            )
        )
    return number
