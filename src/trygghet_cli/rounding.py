"""Numbers as Swedish official statistics round them: in decimal, half away from zero.

A float holds 78.15 as 78.1499999…, and Python's ``round`` and Babel round half to even, so a
difference of −21,85 became "−21,8" and +0,05 "0,0" while −0,05 became "−0,1". Here every
figure is first taken as the decimal number it was written as (the shortest text that reads
back as the same float: ``78.15``), computed on in :class:`~decimal.Decimal`, and rounded half
away from zero: 0,05 → 0,1 and −0,05 → −0,1, −21,85 → −21,9. The context is wide enough that
no figure trygg accepts overflows it.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

CONTEXT = Context(prec=60, rounding=ROUND_HALF_UP)
"""Decimal arithmetic for figures: 60 digits, rounding half away from zero."""


def exact(value: float | int | Decimal) -> Decimal:
    """The decimal number a float was written as (``78.15``, not ``78.1499999…``)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if not math.isfinite(value):
        return Decimal("NaN")
    return Decimal(repr(float(value)))  # float(): numpy numbers reach here from charts


def rounded(value: float | int | Decimal, places: int) -> Decimal:
    """``value`` rounded half away from zero to ``places`` decimals (NaN stays NaN)."""
    number = exact(value)
    if number.is_nan():
        return number
    with localcontext(CONTEXT):
        return number.quantize(Decimal(1).scaleb(-places))


def divide(numerator: Decimal, denominator: Decimal) -> Decimal:
    """``numerator / denominator`` in the wide context (the caller rules out zero)."""
    return CONTEXT.divide(numerator, denominator)
