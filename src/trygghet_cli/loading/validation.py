"""Validate a document's data with its pydantic model; every error becomes a diagnostic.

Pydantic reports where a value is by a path of keys and indices (``loc``); the document's node
tree turns that path into a line and column. Messages are trygg's own, in Swedish or English,
with "did you mean" for misspelt keys and values.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import replace
from enum import Enum
from typing import Any, TypeVar, Union

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from trygghet_cli.diagnostics import Diagnostic, make, pointer_text
from trygghet_cli.i18n import Text
from trygghet_cli.loading.yamlfile import YamlDocument
from trygghet_cli.visible import lookalike_hint
from trygghet_cli.wording import plural

M = TypeVar("M", bound=BaseModel)

_EXPECTED: dict[str, Text] = {
    "string_type": Text("text", "text"),
    "int_type": Text("ett heltal", "a whole number"),
    "int_parsing": Text("ett heltal", "a whole number"),
    "int_from_float": Text("ett heltal", "a whole number"),
    "float_type": Text("ett tal", "a number"),
    "float_parsing": Text("ett tal", "a number"),
    "finite_number": Text(
        "ett vanligt tal (inte .nan eller .inf)", "an ordinary number (not .nan or .inf)"
    ),
    "bool_type": Text("true eller false", "true or false"),
    "bool_parsing": Text("true eller false", "true or false"),
    "list_type": Text("en lista", "a list"),
    "dict_type": Text("nycklar och värden", "keys and values"),
    "model_type": Text("nycklar och värden", "keys and values"),
    "model_attributes_type": Text("nycklar och värden", "keys and values"),
}
_DATE_TYPES = {
    "date_type",
    "date_parsing",
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
    "date_past",
    "date_future",
}


def validate(doc: YamlDocument, model: type[M]) -> tuple[M | None, list[Diagnostic]]:
    """The model for ``doc``, or the diagnostics that say why there is none."""
    if not isinstance(doc.data, dict):
        return None, [
            make("TRY009", doc.file, *doc.position(()), got=describe_value(doc.data, None))
        ]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, [_diagnostic(err, doc, model) for err in exc.errors(include_url=False)]


def _diagnostic(err: Any, doc: YamlDocument, model: type[BaseModel]) -> Diagnostic:
    """The finding for one validation error; a value refused because of a pasted character
    that looks like another (a non-breaking space, a non-breaking hyphen) says so first."""
    found = _finding(err, doc, model)
    loc = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
    raw = doc.raw(loc) if err["type"] not in ("extra_forbidden", "missing") else None
    value = raw if raw is not None else err.get("input")
    lookalike = lookalike_hint(value) if isinstance(value, str) else None
    if lookalike is None:
        return found
    rest = Text(found.hint("sv") or "", found.hint("en") or "")
    return replace(
        found,
        hint_override=Text(
            f"{lookalike.sv} {rest.sv}".strip(), f"{lookalike.en} {rest.en}".strip()
        ),
    )


def _finding(err: Any, doc: YamlDocument, model: type[BaseModel]) -> Diagnostic:
    loc: tuple[str | int, ...] = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
    kind: str = err["type"]
    value = err.get("input")
    ctx: dict[str, Any] = err.get("ctx") or {}
    key = next((p for p in reversed(loc) if isinstance(p, str)), "")
    pointer = pointer_text(loc)
    raw = doc.raw(loc)
    shown = _short(raw if raw is not None else value)

    if kind == "extra_forbidden":
        line, col = doc.position(loc, key=True)
        allowed = _aliases_at(model, loc[:-1])
        listed = ", ".join(allowed) or "–"
        lead = _KEY_HINTS.get((_model_name_at(model, loc[:-1]), str(loc[-1])))
        return make(
            "TRY101",
            doc.file,
            line,
            col,
            pointer=pointer,
            key=str(loc[-1]),
            allowed=listed,
            suggestion=_suggested_key(str(loc[-1]), allowed),
            hint=Text(
                f"{lead.sv} Tillåtna nycklar här: {listed}.",
                f"{lead.en} Keys allowed here: {listed}.",
            )
            if lead is not None
            else None,
        )
    if kind == "missing":
        line, col = doc.position(loc[:-1], key=True)
        info = _field_at(model, loc)
        description = info.description if info and info.description else ""
        return make(
            "TRY102",
            doc.file,
            line,
            col,
            pointer=pointer,
            key=key,
            description=Text(description, ""),
        )
    line, col = doc.position(loc)

    def wrong_type(expected: Text, got: Text, hint: Text | None) -> Diagnostic:
        hint = _KEY_HINTS.get((_model_name_at(model, loc[:-1]), key), hint)
        return make(
            "TRY103",
            doc.file,
            line,
            col,
            pointer=pointer,
            key=key,
            expected=expected,
            got=got,
            hint=hint,
        )

    if isinstance(value, (list, dict)) and kind not in _EXPECTED:
        expected = (
            Text("ett datum", "a date")
            if kind in _DATE_TYPES or kind == "trygg_date"
            else Text("ett enda värde", "a single value")
        )
        return wrong_type(expected, describe_value(value, None), _type_hint("scalar", value, key))
    if value is None and kind in _EMPTY_EXPECTED:
        # An empty value ('datum:') is said to be empty, as for text and numbers, not quoted as ''.
        choices = _choices_at(model, loc) if kind in ("enum", "literal_error") else None
        choices_hint = (
            Text(
                f"Tillåtna värden: {', '.join(choices)}.", f"Allowed values: {', '.join(choices)}."
            )
            if choices
            else None
        )
        return wrong_type(_EMPTY_EXPECTED[kind], describe_value(value, None), choices_hint)
    if kind in ("enum", "literal_error"):
        allowed = _choices_at(model, loc) or [str(ctx.get("expected", ""))]
        return make(
            "TRY104",
            doc.file,
            line,
            col,
            pointer=pointer,
            key=key,
            value=shown,
            allowed=", ".join(allowed),
            suggestion=_closest(shown, allowed),
        )
    if kind in _DATE_TYPES or kind == "trygg_date":
        return make("TRY105", doc.file, line, col, pointer=pointer, key=key, value=shown)
    if kind == "trygg_id":
        return make("TRY109", doc.file, line, col, pointer=pointer, value=shown)
    if kind == "trygg_kommunkod":
        quote = None
        if isinstance(value, int) and re.fullmatch(r"\d{4}", shown):
            quote = Text(
                f'Skriv kommunkoden inom citattecken: kommunkod: "{shown}".',
                f'Put the code in quotes: kommunkod: "{shown}".',
            )
        elif isinstance(value, (int, float)):  # 010, 0x1F, .inf: not four digits
            quote = Text(
                "En kommunkod är SCB:s fyra siffror inom citattecken, till exempel "
                'kommunkod: "1982".',
                'A kommunkod is SCB\'s four digits in quotes, for example kommunkod: "1982".',
            )
        return make("TRY110", doc.file, line, col, pointer=pointer, value=shown, hint=quote)
    if kind == "trygg_figure":
        return make(
            "TRY106",
            doc.file,
            line,
            col,
            pointer=pointer,
            key=key,
            problem=Text(
                f"{shown} är större än något nyckeltal kan vara (högst 1 000 000 000 000 till "
                "beloppet)",
                f"{shown} is larger than any indicator can be (at most 1,000,000,000,000 either "
                "way)",
            ),
        )
    if kind == "trygg_cadence":
        return make("TRY107", doc.file, line, col, pointer=pointer, value=shown)
    if kind == "trygg_pause":
        return make("TRY112", doc.file, line, col, pointer=pointer, value=shown)
    if kind == "trygg_period":
        return make("TRY108", doc.file, line, col, pointer=pointer, value=shown)
    if kind == "trygg_week":
        return make(
            "TRY106",
            doc.file,
            line,
            col,
            pointer=pointer,
            key=key,
            problem=Text(
                f"'{shown}' är ingen ISO-vecka (skriv till exempel 2021-W09; "
                "vecka 53 finns bara vissa år)",
                f"'{shown}' is not an ISO week (write for instance 2021-W09; "
                "week 53 exists only in some years)",
            ),
        )
    if kind in _EXPECTED:
        hint = _type_hint(kind, raw if raw is not None and kind == "string_type" else value, key)
        if kind == "string_type" and raw is not None and isinstance(value, (int, float, bool)):
            hint = _quote_hint(key, raw)
        return wrong_type(_EXPECTED[kind], describe_value(value, raw), hint)
    return make(
        "TRY106",
        doc.file,
        line,
        col,
        pointer=pointer,
        key=key,
        problem=_problem(kind, ctx, shown, err.get("msg", ""), key),
    )


_DATE = Text("ett datum (ÅÅÅÅ-MM-DD)", "a date (YYYY-MM-DD)")
_CHOICE = Text("ett av de tillåtna värdena", "one of the allowed values")
_EMPTY_EXPECTED: dict[str, Text] = {
    **dict.fromkeys((*_DATE_TYPES, "trygg_date"), _DATE),
    "enum": _CHOICE,
    "literal_error": _CHOICE,
    "trygg_week": Text("en ISO-vecka (till exempel 2021-W09)", "an ISO week (such as 2021-W09)"),
}


def describe_value(value: Any, raw: str | None) -> Text:
    shown = _short(raw if raw is not None else value)
    if value is None:
        return Text("ett tomt värde", "an empty value")
    if isinstance(value, bool):
        return Text(f"'{shown}'", f"'{shown}'")
    if isinstance(value, (int, float)):
        return Text(f"talet {shown}", f"the number {shown}")
    if isinstance(value, str):
        return Text(f"texten '{shown}'", f"the text '{shown}'")
    if isinstance(value, list):
        return Text("en lista", "a list")
    return Text("nycklar och värden", "keys and values")


def _quote_hint(key: str, raw: str) -> Text:
    """Quote what was written (``.inf``, ``0x1F``, ``010``), not the number YAML made of it."""
    written = raw.replace("\\", "\\\\").replace('"', '\\"')
    return Text(
        f'Skriv värdet inom citattecken: {key}: "{written}".',
        f'Put the value in quotes: {key}: "{written}".',
    )


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


SHARE_OF_POST_KEYS = frozenset({"tjänstgöringsgrad", "andel_brottsförebyggande"})
"""Keys whose number is a share of a full-time post in per cent (50 for half time)."""


def _type_hint(kind: str, value: Any, key: str) -> Text | None:
    if kind in ("int_parsing", "float_parsing", "int_type", "float_type") and isinstance(
        value, str
    ):
        compact = value.replace(" ", "").replace("\u00a0", "")
        bare = compact.removesuffix("%").removesuffix("procent").replace(",", ".")
        if bare != compact.replace(",", ".") and _is_number(bare):
            return Text(
                f"Skriv bara talet, utan % eller ordet procent: {key}: {bare}.",
                f"Write the number alone, without a percent sign: {key}: {bare}.",
            )
        if "," in compact and _is_number(compact.replace(",", ".")):
            fixed = compact.replace(",", ".")
            if key in SHARE_OF_POST_KEYS and 0 < float(fixed) <= 1:
                percent = f"{float(fixed) * 100:g}"
                return Text(
                    f"Andelen skrivs i procent av heltid: {key}: {percent} för {_short(value)} "
                    "av en heltid.",
                    f"The share is written in per cent of full time: {key}: {percent} for "
                    f"{fixed} of a full-time post.",
                )
            return Text(
                f"Använd decimalpunkt i planfilerna: skriv {fixed}, inte {_short(value)}. "
                "Rapporterna visar ändå decimalkomma.",
                f"Use a decimal point in plan files: write {fixed}, not {_short(value)}.",
            )
        if compact != value and _is_number(compact):
            return Text(
                f"Skriv talet utan mellanslag: {compact}.",
                f"Write the number without spaces: {compact}.",
            )
        if _is_number(value.strip()):
            return Text(
                f"Ta bort citattecknen kring talet: {key}: {value.strip()}.",
                f"Remove the quotes around the number: {key}: {value.strip()}.",
            )
        return None
    if kind == "string_type" and isinstance(value, (int, float, bool)):
        return Text(
            f'Skriv värdet inom citattecken: {key}: "{value}".',
            f'Put the value in quotes: {key}: "{value}".',
        )
    if kind == "list_type":
        return Text(
            f"Skriv varje post på en egen rad under '{key}:' som börjar med '- '.",
            f"Write each entry on its own line under '{key}:', starting with '- '.",
        )
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return Text(
            f"Skriv nycklarna indragna på raderna under '{key}:'.",
            f"Write the keys indented on the lines below '{key}:'.",
        )
    if kind in ("bool_type", "bool_parsing"):
        return Text("Skriv true (sant) eller false (falskt).", "Write true or false.")
    if kind == "scalar":
        return Text(
            f"Skriv ett enda värde efter '{key}:', utan bindestreck eller indragna nycklar.",
            f"Write a single value after '{key}:', without dashes or indented keys.",
        )
    return None


_PATTERN_HINTS: dict[str, Text] = {
    "e_post": Text(
        "skriv en e-postadress som trygghet@kommun.se",
        "write an e-mail address such as trygghet@kommun.se",
    ),
    "länk": Text(
        "skriv en webbadress som börjar med https://", "write a web address starting with https://"
    ),
    "kolada_kpi": Text(
        "skriv Koladas id: N eller U följt av fem siffror, till exempel N07540",
        "write Kolada's id: N or U followed by five digits, for instance N07540",
    ),
}


def _problem(kind: str, ctx: dict[str, Any], shown: str, msg: str, key: str) -> Text:
    if kind == "greater_than_equal":
        return Text(
            f"{shown} är för litet; minsta värde är {_num(ctx.get('ge'))}",
            f"{shown} is too small; the least value is {_num(ctx.get('ge'))}",
        )
    if kind == "greater_than":
        return Text(
            f"{shown} måste vara större än {_num(ctx.get('gt'))}",
            f"{shown} must be greater than {_num(ctx.get('gt'))}",
        )
    if kind == "less_than_equal":
        return Text(
            f"{shown} är för stort; största värde är {_num(ctx.get('le'))}",
            f"{shown} is too large; the greatest value is {_num(ctx.get('le'))}",
        )
    if kind == "less_than":
        return Text(
            f"{shown} måste vara mindre än {_num(ctx.get('lt'))}",
            f"{shown} must be less than {_num(ctx.get('lt'))}",
        )
    if kind == "finite_number":
        return Text(f"{shown} är inget vanligt tal", f"{shown} is not an ordinary number")
    if kind == "string_too_short":
        return Text("texten får inte vara tom", "the text must not be empty")
    if kind == "too_short":
        n = int(ctx.get("min_length", 0))
        return Text(
            f"listan måste ha minst {n} {plural(n, 'post', 'poster')}",
            f"the list must have at least {n} {plural(n, 'entry', 'entries')}",
        )
    if kind == "string_pattern_mismatch":
        how = _PATTERN_HINTS.get(key)
        if how is not None:
            return Text(
                f"'{shown}' har fel form; {how.sv}", f"'{shown}' has the wrong form; {how.en}"
            )
        return Text(f"'{shown}' har fel form", f"'{shown}' has the wrong form")
    return Text(msg, msg)


def _num(value: object) -> str:
    """A limit as people write it: 100, not 100.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _short(value: Any) -> str:
    """A value on one line, shortened: messages stay one line each."""
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:57] + "..."


_KEY_SYNONYMS = {
    "sista_datum": "senast",
    "sista_dag": "senast",
    "deadline": "senast",
    "förfallodatum": "senast",
    "klart_senast": "senast",
    "klar_senast": "senast",
    "färdigt_datum": "klar_datum",
    "avklarad": "klar_datum",
}
"""Keys written for what trygg calls otherwise: 'sista_datum' is the deadline ('senast'), not
'klar_datum' (the day it was done), however alike the spelling."""


def _suggested_key(word: str, allowed: list[str]) -> str:
    synonym = _KEY_SYNONYMS.get(word.casefold())
    return synonym if synonym in allowed else _closest(word, allowed)


def _closest(word: str, options: list[str]) -> str:
    if not word or not options:
        return ""
    folded = {o.casefold(): o for o in options}
    if word.casefold() in folded:
        return folded[word.casefold()]
    match = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return match[0] if match else ""


_KEY_HINTS: dict[tuple[str, str], Text] = {
    ("Body", "ordförande"): Text(
        "Ordföranden är en roll: skriv rollens id (en roll under 'roller'), till exempel "
        "ordförande: samordnare. Vem som utser ordföranden skrivs för sig, "
        "ordförande_utses_av: kommunstyrelsen.",
        "The chair is a role: write the role's id (a role under 'roller'), for instance "
        "ordförande: samordnare. Who appoints the chair is written apart, "
        "ordförande_utses_av: kommunstyrelsen.",
    ),
    ("Activity", "mål"): Text(
        "Ett mål pekar ut sina aktiviteter, inte tvärtom: skriv aktivitetens id under "
        "'aktiviteter:' vid målet i mal.yaml.",
        "A goal names its activities, not the other way round: write the activity's id under "
        "'aktiviteter:' at the goal in mal.yaml.",
    ),
}
"""Where a key is a common mistake (model, key): a hint that says what the key is for, or
where what was meant is written instead."""


# --- model introspection ---------------------------------------------------------------------


def _model_name_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    """The name of the model that holds the keys at ``loc`` ('' when none)."""
    if not any(isinstance(part, str) for part in loc):
        return model.__name__
    info = _field_at(model, loc)
    found = _model_in(info.annotation) if info is not None else None
    return found.__name__ if found is not None else ""


def _field_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> FieldInfo | None:
    """The field that ``loc`` names, following nested models and lists."""
    current: Any = model
    info: FieldInfo | None = None
    for part in loc:
        if isinstance(part, int):
            continue
        target = _model_in(current)
        if target is None:
            return None
        info = next((f for f in target.model_fields.values() if f.alias == part), None)
        if info is None:
            return None
        current = info.annotation
    return info


def _aliases_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    target: Any = model
    if loc:
        info = _field_at(model, loc)
        target = info.annotation if info else None
    found = _model_in(target)
    if found is None:
        return []
    return [f.alias for f in found.model_fields.values() if f.alias]


def _choices_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    info = _field_at(model, loc)
    if info is None:
        return []
    for arg in _flatten(info.annotation):
        if isinstance(arg, type) and issubclass(arg, Enum):
            return [str(m.value) for m in arg]
    return []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    for arg in _flatten(annotation):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def _flatten(annotation: Any) -> list[Any]:
    """The types inside Optional, list, Annotated and unions."""
    out: list[Any] = []
    stack = [annotation]
    while stack:
        item = stack.pop()
        origin = typing.get_origin(item)
        if origin is typing.Annotated:
            stack.append(typing.get_args(item)[0])
        elif origin in (Union, types.UnionType, list, tuple, set):
            stack.extend(typing.get_args(item))
        else:
            out.append(item)
    return out
