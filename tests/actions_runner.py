"""How GitHub's runner reads a step's output: which lines it takes for workflow commands.

A port, for the tests, of what actions/runner does with each line a step prints
(``src/Runner.Common/ActionCommand.cs``, ``TryParseV2`` and ``TryParse``, and
``src/Runner.Worker/ActionCommandManager.cs``, ``TryProcessCommand``):

* lines are split at CR, LF or CRLF;
* the current form is ``::name prop=value,prop=value::data`` at the start of a line once
  leading white space is trimmed; the old form ``##[name prop=value;prop=value]data`` is found
  anywhere in a line, and is tried when the current form does not match;
* only registered command names count (case-insensitively); properties and data are
  unescaped (``%0D``, ``%0A``, ``%25``, and ``%3A``, ``%2C`` in properties);
* ``::stop-commands::TOKEN`` stops all processing until a command named ``TOKEN`` appears.

:func:`read_log` returns the commands the runner would carry out, the stop and resume lines
included, so a test can assert that a plan's text never adds one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REGISTERED = frozenset(
    {
        "stop-commands",
        "add-mask",
        "add-matcher",
        "add-path",
        "debug",
        "echo",
        "endgroup",
        "error",
        "group",
        "notice",
        "remove-matcher",
        "save-state",
        "set-env",
        "set-output",
        "warning",
    }
)

_DATA = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))
_PROPERTY = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))
_OLD = (("%3B", ";"), ("%0D", "\r"), ("%0A", "\n"), ("%5D", "]"), ("%25", "%"))


@dataclass(frozen=True)
class Command:
    name: str
    properties: tuple[tuple[str, str], ...]
    data: str

    @property
    def props(self) -> dict[str, str]:
        return dict(self.properties)


def _unescape(text: str, mapping: tuple[tuple[str, str], ...]) -> str:
    for escaped, char in mapping:
        text = text.replace(escaped, char)
    return text


Pairs = list[tuple[str, str]]


def _pairs(text: str, separator: str, mapping: tuple[tuple[str, str], ...]) -> Pairs:
    out = []
    for item in text.split(separator):
        parts = [p for p in item.split("=", 1) if p]
        if item and len(parts) == 2:
            out.append((parts[0], _unescape(parts[1], mapping)))
    return out


def parse_current(line: str, registered: set[str]) -> Command | None:
    message = line.lstrip()
    if not message.startswith("::"):
        return None
    end = message.find("::", 2)
    if end < 0:
        return None
    info = message[2:end]
    space = info.find(" ")
    name = info if space < 0 else info[:space]
    if name.lower() not in registered:
        return None
    props = _pairs(info[space + 1 :].strip(), ",", _PROPERTY) if space > 0 else []
    return Command(name, tuple(props), _unescape(message[end + 2 :], _DATA))


def parse_old(line: str, registered: set[str]) -> Command | None:
    start = line.find("##[")
    if start < 0:
        return None
    bracket = line.find("]", start)
    if bracket < 0:
        return None
    info = line[start + 3 : bracket]
    space = info.find(" ")
    name = info if space < 0 else info[:space]
    if name.lower() not in registered:
        return None
    props = _pairs(info[space + 1 :], ";", _OLD) if space > 0 else []
    return Command(name, tuple(props), _unescape(line[bracket + 1 :], _OLD))


def read_log(output: str) -> list[Command]:
    """The commands the runner carries out when a step prints ``output``."""
    registered = set(REGISTERED)
    stop: str | None = None
    done: list[Command] = []
    for line in re.split(r"\r\n|\r|\n", output):
        if not line:
            continue
        command = parse_current(line, registered) or parse_old(line, registered)
        if command is None:
            continue
        if stop is not None:
            if command.name.lower() == stop.lower():
                registered.discard(stop.lower())
                stop = None
                done.append(command)
            continue
        if command.name.lower() == "stop-commands":
            stop = command.data
            registered.add(stop.lower())
        done.append(command)
    return done
