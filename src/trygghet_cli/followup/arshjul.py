"""The årshjul: the plan's fixed dates of one calendar year, each with its state on the day.

Built from the recurring duties' accounts (:mod:`trygghet_cli.followup.recurring`), so that the
wheel on the export's overview page says what ``trygg deadlines`` and the brief say: a date is
*late* exactly when its account counts it as missed, *done* when an occasion met it, and
*coming* otherwise. A date missed in an earlier year stays on the wheel, at its month, until
something makes up for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from trygghet_cli.followup.accounts import fixed_demands
from trygghet_cli.followup.base import Kind
from trygghet_cli.followup.recurring import Duty
from trygghet_cli.i18n import Text
from trygghet_cli.wording import cadence_text, span_text


class WheelState(str, Enum):
    DONE = "klar"
    LATE = "försenad"
    COMING = "kommande"


@dataclass(frozen=True)
class WheelEntry:
    """One fixed date on the wheel. Plain data."""

    kind: Kind
    key: str
    """The reporting line's, follow-up's or body's id."""
    what: str
    """What is due: the report's content (or id), the follow-up's description, the body's
    name for its meeting."""
    who: str
    """Who sends it and to whom, or who is responsible."""
    due: date
    period: Text
    """The period the occasion is for: ``2024``, ``kvartal 1 2025``."""
    cadence: Text
    state: WheelState


def _what(duty: Duty) -> tuple[str, str]:
    if duty.kind is Kind.REPORT:
        sent = f"{duty.name} → {', '.join(duty.recipients)}" if duty.recipients else duty.name
        return duty.content or duty.key, sent
    return duty.name, duty.responsible  # a body's name, a follow-up's description


def wheel(duties: Iterable[Duty], year: int) -> tuple[WheelEntry, ...]:
    """The fixed dates due in ``year``, and those of earlier years still missing, in order of
    their dates (then of what is due)."""
    out: list[WheelEntry] = []
    for duty in duties:
        acc = duty.account
        cadence = acc.cadence
        if not cadence.fixed:
            continue
        what, who = _what(duty)
        words = cadence_text(cadence)
        missed = set(acc.missed)
        met = set(acc.demands[: acc.counted])
        in_year, _ = fixed_demands(cadence, acc.anchor, date(year, 12, 31), acc.end)
        dated = [(d, WheelState.LATE) for d in acc.missed]
        # an unmet date before the day judged is in ``missed``: the others are met or coming
        dated += [
            (d, WheelState.DONE if d in met else WheelState.COMING)
            for d in in_year
            if d.due.year == year and d not in missed
        ]
        out.extend(
            WheelEntry(duty.kind, duty.key, what, who, d.due, span_text(*d.span), words, state)
            for d, state in dated
        )
    return tuple(sorted(out, key=lambda e: (e.due, e.what, e.key)))
