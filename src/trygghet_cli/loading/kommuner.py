"""The register of Sweden's 290 kommuner that ships with trygg (``data/kommuner.csv``).

SCB's four-digit kommunkod (two digits of län, two of kommun), the kommun's short name as SCB
and Kolada write it, and its län. Used by ``trygg validate`` (a kommunkod that is no kommun,
or that belongs to another kommun or län than the plan says), ``trygg init`` (the name and län
from the code, the code from the name, a did-you-mean for a misspelt name), the Kolada import
(which rows are kommuner, Riket, regions or groups) and whatever looks at many kommuner at
once (``by_county``).

Names are compared the way people write them: ``Stockholms stad``, ``Borås Stad``, ``Region
Gotland`` and ``Fagersta kommun`` are Stockholm, Borås, Gotland and Fagersta; ``Västmanland``
is Västmanlands län; hyphens and spaces are alike (``Upplands-Väsby``). Reading the register
imports nothing heavy (the csv module).
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from importlib import resources

from trygghet_cli.i18n import Text
from trygghet_cli.visible import visible

REGISTER_FILE = "kommuner.csv"
RIKET = "0000"
"""Kolada's id for the whole country."""


@dataclass(frozen=True, order=True)
class Kommun:
    """One kommun: ``Kommun("1446", "Karlsborg", "14", "Västra Götalands län")``."""

    code: str
    name: str
    county_code: str
    county: str


class CodeKind(str, Enum):
    """What a municipality id (SCB's or Kolada's) stands for."""

    KOMMUN = "kommun"
    RIKET = "riket"
    """``0000``: the whole country (Kolada)."""
    REGION = "region"
    """``00NN``: a region (landsting), NN being the län's code (Kolada)."""
    GROUP = "grupp"
    """``G…``: one of Kolada's municipality groups."""
    UNKNOWN = "okänd"
    """Anything else: four digits that are no kommun, or no id at all."""


class RegisterError(RuntimeError):
    """The shipped register does not read: a bug in trygg, not in a plan."""


class KommunRegister:
    """The kommuner, looked up by code, by name or by län."""

    def __init__(self, kommuner: list[Kommun]) -> None:
        self._all = sorted(kommuner)
        self._by_code = {k.code: k for k in self._all}
        self._by_name = {name_key(k.name): k for k in self._all}
        self._counties = {k.county_code: k.county for k in self._all}
        if len(self._by_code) != len(self._all) or len(self._by_name) != len(self._all):
            raise RegisterError("two kommuner share a code or a name")

    def __iter__(self) -> Iterator[Kommun]:
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)

    def by_code(self, code: str) -> Kommun | None:
        """The kommun with SCB's code ``code`` (``"1446"``), or None."""
        return self._by_code.get(code.strip())

    def by_name(self, name: str) -> Kommun | None:
        """The kommun called ``name``, written as people write it (``Borås Stad``, ``region
        Gotland``, ``fagersta kommun``), or None."""
        for key in name_keys(name):
            found = self._by_name.get(key)
            if found is not None:
                return found
        return None

    def closest(self, name: str, n: int = 3) -> list[Kommun]:
        """The kommuner whose names are closest to a misspelt ``name``, best first."""
        keys = name_keys(name)
        scored: dict[str, float] = {}
        for key in keys:
            for match in difflib.get_close_matches(key, self._by_name, n=n, cutoff=0.6):
                ratio = difflib.SequenceMatcher(None, key, match).ratio()
                scored[match] = max(scored.get(match, 0.0), ratio)
        best = sorted(scored, key=lambda m: (-scored[m], m))[:n]
        return [self._by_name[m] for m in best]

    def counties(self) -> dict[str, str]:
        """Län code → the län's name, in code order: ``{"01": "Stockholms län", …}``."""
        return dict(sorted(self._counties.items()))

    def county(self, county: str) -> tuple[str, str] | None:
        """A län given by its code (``"14"``) or its name (``Västra Götalands län``,
        ``Västra Götaland``): (code, name), or None."""
        text = county.strip()
        if text in self._counties:
            return text, self._counties[text]
        key = county_key(text)
        for code, name in self._counties.items():
            if county_key(name) == key:
                return code, name
        return None

    def closest_counties(self, written: str, n: int = 2) -> list[tuple[str, str]]:
        """The län a mistaken ``written`` most likely meant, best first, as (code, name): the
        län of a kommun given by code or name (``1480`` and ``Göteborg`` are in 14), or the
        län whose names come closest to a misspelt one (``Västra Götlands län``,
        ``Vastmanland``)."""
        text = written.strip()
        owner = self.by_code(text) or self.by_name(text)
        if owner is not None:
            return [(owner.county_code, owner.county)]
        keys = {county_key(name): code for code, name in self._counties.items()}
        close = difflib.get_close_matches(county_key(text), keys, n=n, cutoff=0.75)
        return [(keys[k], self._counties[keys[k]]) for k in close]

    def by_county(self, county: str) -> list[Kommun]:
        """The kommuner of a län, given by code or name, in code order (none for no län)."""
        found = self.county(county)
        if found is None:
            return []
        return [k for k in self._all if k.county_code == found[0]]

    def kind(self, code: str) -> CodeKind:
        """What a municipality id stands for: a kommun, Riket, a region or a Kolada group."""
        text = code.strip()
        if text in self._by_code:
            return CodeKind.KOMMUN
        if text == RIKET:
            return CodeKind.RIKET
        if len(text) == 4 and text.startswith("00") and text[2:] in self._counties:
            return CodeKind.REGION
        if re.fullmatch(r"G\d+", text):
            return CodeKind.GROUP
        return CodeKind.UNKNOWN

    def names_match(self, kommun: Kommun, written: str) -> bool:
        """Whether ``written`` names ``kommun`` (see :func:`name_keys`)."""
        return name_key(kommun.name) in name_keys(written)

    def county_matches(self, kommun: Kommun, written: str) -> bool:
        """Whether ``written`` names ``kommun``'s län (by name, with or without "län")."""
        return county_key(written) == county_key(kommun.county)


class KommunNotFound(LookupError):
    """No kommun answers to what was given, or name and code are two kommuner; ``text`` says
    which, with the kommuner that come closest."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


def checked_code(register: KommunRegister, code: str) -> str:
    """``code`` as a kommunkod: SCB's four digits, the first two a county's code; else
    :class:`KommunNotFound` saying what one looks like."""
    text = code.strip()
    if not re.fullmatch(r"\d{4}", text) or text[:2] not in register.counties():
        raise KommunNotFound(
            Text(
                f"'{code}' är inte en kommunkod: fyra siffror från SCB, där de två första är "
                "länskoden (01–25), till exempel 1982 för Fagersta.",
                f"'{code}' is not a municipality code: SCB's four digits, the first two "
                "being the county code (01–25), for instance 1982 for Fagersta.",
            )
        )
    return text


def resolve(register: KommunRegister, name: str | None, code: str | None) -> Kommun:
    """The kommun that a name, a code or both give (``trygg init --kommun Karlsborg``,
    ``--kommunkod 1446``); :class:`KommunNotFound` otherwise.

    A name is read as people write it (:func:`name_keys`); a misspelt one gets the closest
    kommuner as suggestions. Given both, they must be the same kommun.
    """
    owner = None
    if code is not None:
        text = checked_code(register, code)
        owner = register.by_code(text)
        if owner is None:
            raise KommunNotFound(
                Text(
                    f"'{text}' är ingen kommuns kod i SCB:s register över Sveriges 290 kommuner.",
                    f"'{text}' is no kommun's code in SCB's register of Sweden's 290 kommuner.",
                )
            )
    if name is None:
        if owner is None:
            raise KommunNotFound(
                Text(
                    "Ange kommunen: --kommun NAMN eller --kommunkod NNNN.",
                    "Give the kommun: --kommun NAME or --kommunkod NNNN.",
                )
            )
        return owner
    named = register.by_name(name)
    if named is None:
        close = register.closest(name)
        listed = ", ".join(f"{k.name} ({k.code})" for k in close)
        if owner is not None and owner in close:
            listed = f"{owner.name} ({owner.code})"
        shown = visible(name)
        raise KommunNotFound(
            Text(
                f"'{shown}' är ingen kommun i SCB:s register"
                + (f"; menade du {listed}?" if close else "; skriv namnet som SCB skriver det."),
                f"'{shown}' is no kommun in SCB's register"
                + (f"; did you mean {listed}?" if close else "; write the name as SCB does."),
            )
        )
    if owner is not None and owner != named:
        raise KommunNotFound(
            Text(
                f"Kommunkoden {owner.code} är {owner.name} i {owner.county}, inte {named.name} "
                f"(som har {named.code}).",
                f"The code {owner.code} is {owner.name} in {owner.county}, not {named.name} "
                f"(which has {named.code}).",
            )
        )
    return named


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"[-\u2010-\u2015]", " ", text)  # Upplands-Väsby, Malung–Sälen
    return " ".join(text.split())


def name_key(name: str) -> str:
    """A kommun's name as it is compared: case, spaces, hyphens and dashes set aside."""
    return _fold(name)


_SUFFIX = re.compile(r"^(?P<stem>.+?)(?P<s>s?) (kommun|stad|municipality)$")


def name_keys(written: str) -> set[str]:
    """The names ``written`` may stand for: ``Stockholms stad`` is Stockholm, ``Borås Stad``
    Borås, ``Lunds kommun`` Lund, ``Region Gotland`` Gotland."""
    folded = _fold(written)
    keys = {folded}
    if folded.startswith("region "):
        keys.add(folded.removeprefix("region "))
    match = _SUFFIX.match(folded)
    if match:
        keys.add(match["stem"] + match["s"])  # Borås stad, Kalix kommun
        keys.add(match["stem"])  # Stockholms stad, Lunds kommun
    return keys


def county_key(county: str) -> str:
    """A län's name as it is compared: ``Västmanlands län``, ``västmanland`` and ``Region
    Västmanland`` alike (no län's own name ends in s)."""
    folded = _fold(county).removeprefix("region ").removesuffix(" län")
    return folded.removesuffix("s")


def parse_register(text: str) -> KommunRegister:
    """The register from its CSV text (``kommunkod,kommun,länskod,län``)."""
    reader = csv.DictReader(io.StringIO(text))
    kommuner = []
    for row in reader:
        code, county_code = row["kommunkod"].strip(), row["länskod"].strip()
        if not re.fullmatch(r"\d{4}", code) or code[:2] != county_code:
            raise RegisterError(f"{REGISTER_FILE}:{reader.line_num}: {code} {county_code}")
        kommuner.append(Kommun(code, row["kommun"].strip(), county_code, row["län"].strip()))
    return KommunRegister(kommuner)


@lru_cache(maxsize=1)
def kommun_register() -> KommunRegister:
    """The register that ships with trygg (read once)."""
    text = resources.files("trygghet_cli.data").joinpath(REGISTER_FILE).read_text("utf-8")
    return parse_register(text)
