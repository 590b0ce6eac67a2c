"""Changing ruamel.yaml nodes the way a person would: keys where the schema puts them.

The plan model defines an order of keys for each mapping (``id``, ``namn``, ``typ``, ...). A
key an edit adds goes after the nearest key before it in that order, so a new ``klar_datum``
lands right after ``status``; keys the person wrote stay where they are.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Union

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from trygghet_cli.loading.roundtrip import RoundTripFile


def key_order(model: type[BaseModel]) -> list[str]:
    """The model's keys (aliases) in the order it defines them."""
    return [f.alias for f in model.model_fields.values() if f.alias]


def child_model(model: type[BaseModel], key: str) -> type[BaseModel] | None:
    """The model of the mapping (or of the items of the list) under ``key``."""
    info = next((f for f in model.model_fields.values() if f.alias == key), None)
    if info is None:
        return None
    return model_in(info.annotation)


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model inside an annotation such as ``list[Value] | None``."""
    stack = [annotation]
    while stack:
        item = stack.pop()
        origin = typing.get_origin(item)
        if origin is typing.Annotated:
            stack.append(typing.get_args(item)[0])
        elif origin in (Union, types.UnionType, list, tuple):
            stack.extend(typing.get_args(item))
        elif isinstance(item, type) and issubclass(item, BaseModel):
            return item
    return None


def put(node: CommentedMap, key: str, value: Any, model: type[BaseModel]) -> None:
    """Set ``key``; a new key goes where the model's order puts it among the present ones.

    Comment lines and blank lines below the key it follows stay below the new key, so they
    keep standing above whatever came next.
    """
    if key in node:
        node[key] = value
        return
    order = key_order(model)
    rank = order.index(key) if key in order else len(order)
    position = 0
    for index, existing in enumerate(node):
        if existing in order and order.index(existing) < rank:
            position = index + 1
    before = _holder_of(node, list(node)[position - 1]) if position else None
    node.insert(position, key, value)
    if before is not None:
        _move_below(before, _holder_of(node, key))


def insert_item(items: CommentedSeq, position: int, item: Any) -> None:
    """Insert ``item``; the lines below the item before it move below the new one."""
    before = _holder(items[position - 1]) if position else None
    items.insert(position, item)
    if before is not None:
        _move_below(before, _holder(item))


def append_item(items: CommentedSeq, item: Any) -> None:
    insert_item(items, len(items), item)


Holder = tuple[CommentedMap, str]
"""The mapping and key whose comment token keeps the lines right after a node."""


def _holder_of(node: CommentedMap, key: str) -> Holder | None:
    return (node, key) if _keeps_comments(node[key]) else _holder(node[key])


def _holder(node: Any) -> Holder | None:
    """Where ruamel keeps the lines after ``node``: with its last scalar key, as it reads."""
    while True:
        if isinstance(node, CommentedMap) and node and not node.fa.flow_style():
            key = list(node)[-1]
            if _keeps_comments(node[key]):
                return node, key
            node = node[key]
        elif isinstance(node, CommentedSeq) and node and not node.fa.flow_style():
            node = node[-1]
        else:
            return None


def _move_below(source: Holder, target: Holder | None) -> None:
    """Move the lines below ``source``'s key (not its own comment) to below ``target``'s."""
    node, key = source
    entry = node.ca.items.get(key)
    if target is None or not entry or len(entry) < 3 or entry[2] is None:
        return
    eol, below = _split(entry[2])
    if not below:
        return
    if eol.strip():
        entry[2].value = eol + "\n"
    else:
        entry[2] = None
    target_node, target_key = target
    held = target_node.ca.items.setdefault(target_key, [None, None, None, None])
    if held[2] is None:
        held[2] = _token(_join("", below))
    else:
        own, rest = _split(held[2])
        held[2].value = _join(own, [*rest, *below])


def remove(opened: RoundTripFile, node: CommentedMap, key: str) -> None:
    """Remove ``key`` with the comments that belong to it: the one on its line and the comment
    lines directly above it (noted as removed on purpose). Blank lines and comments below it
    stay where they were.

    ruamel.yaml keeps the lines between two keys with the first key's value when that value is
    a scalar (or in flow style); those are moved, not lost. Where it keeps them elsewhere, the
    comment guard in :meth:`RoundTripFile.render` refuses an edit that would drop one.
    """
    if key not in node:
        return
    keys = list(node)
    index = keys.index(key)
    previous = keys[index - 1] if index else None
    entry = node.ca.items.get(key) or [None, None, None, None]
    own_eol, below = _split(entry[2] if len(entry) > 2 else None)
    if own_eol.strip():
        opened.removed_comments.append(own_eol.strip())
    for token in (entry[1] if len(entry) > 1 else None) or []:
        opened.removed_comments.extend(_comment_lines(token.value))
    if previous is not None and _keeps_comments(node[previous]):
        holder = node.ca.items.get(previous)
        if holder is not None and len(holder) > 2 and holder[2] is not None:
            eol, lines = _split(holder[2])
            cut = len(lines)
            while cut and lines[cut - 1].strip().startswith("#"):
                cut -= 1
            opened.removed_comments.extend(line.strip() for line in lines[cut:])
            holder[2].value = _join(eol, [*lines[:cut], *below])
        elif below:
            node.ca.items[previous] = [None, None, _token(_join("", below)), None]
    del node[key]


def _keeps_comments(value: Any) -> bool:
    if isinstance(value, (CommentedMap, CommentedSeq)):
        return bool(value.fa.flow_style())
    return True


def _split(token: Any) -> tuple[str, list[str]]:
    """A comment token's text: the comment on the key's line (as written), then the lines
    below it."""
    if token is None:
        return "", []
    parts = token.value.split("\n")
    if parts and parts[-1] == "":
        parts = parts[:-1]
    return (parts[0] if parts else ""), parts[1:]


def _join(eol: str, lines: list[str]) -> str:
    return "\n".join([eol, *lines]) + "\n"


def _token(value: str) -> Any:
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    return CommentToken(value, CommentMark(0), None)


def _comment_lines(value: str) -> list[str]:
    return [line.strip() for line in value.split("\n") if line.strip().startswith("#")]


def block_list(node: CommentedMap, key: str, model: type[BaseModel]) -> CommentedSeq:
    """The list under ``key``, created or turned from an empty ``[]`` into a block list."""
    current = node.get(key)
    if isinstance(current, CommentedSeq) and (len(current) or not current.fa.flow_style()):
        return current
    fresh = CommentedSeq()
    put(node, key, fresh, model)
    return fresh


def mapping(items: dict[str, Any], *, flow: bool = False) -> CommentedMap:
    out = CommentedMap()
    for key, value in items.items():
        if value is not None:
            out[key] = value
    if flow:
        out.fa.set_flow_style()
    return out


def flow_like(siblings: list[Any], key: str) -> bool:
    """Whether the neighbours write ``key`` in flow style (``geografi: {nivå: kommun}``)."""
    for sibling in siblings:
        if isinstance(sibling, CommentedMap) and isinstance(sibling.get(key), CommentedMap):
            return bool(sibling[key].fa.flow_style())
    return True
