"""Languages: Swedish by default, English on request.

Every user-facing text in the core is a :class:`Text` (one string per language), rendered late
by whoever shows it. The language comes from ``--lang`` or the ``TRYGG_LANG`` environment
variable.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = ("sv", "en")
DEFAULT_LANG: Lang = "sv"
LANG_ENV = "TRYGG_LANG"


@dataclass(frozen=True, slots=True)
class Text:
    """A text in Swedish and English; ``format`` fills named fields in both."""

    sv: str
    en: str

    def __call__(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.sv

    def format(self, **kwargs: object) -> Text:
        sv_args = {k: (v("sv") if isinstance(v, Text) else v) for k, v in kwargs.items()}
        en_args = {k: (v("en") if isinstance(v, Text) else v) for k, v in kwargs.items()}
        return Text(self.sv.format(**sv_args), self.en.format(**en_args))


def resolve_lang(option: str | None) -> Lang:
    """The language asked for by an option, else the environment, else Swedish.

    Raises ``ValueError`` for a language trygg does not speak.
    """
    value = option if option else os.environ.get(LANG_ENV, "")
    value = value.strip().lower()
    if not value:
        return DEFAULT_LANG
    value = value.split("_")[0].split("-")[0]
    if value == "sv":
        return "sv"
    if value == "en":
        return "en"
    raise ValueError(value)


def no_such_path(paths: Iterable[object]) -> Text:
    """The one message for paths given on the command line that do not exist."""
    names = ", ".join(str(p) for p in paths)
    return Text(f"Sökvägen finns inte: {names}", f"No such path: {names}")
