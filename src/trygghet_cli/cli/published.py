"""What trygg prints or writes for others to read passes through one mask.

A personnummer must not leave trygg in full, not in a finding about it, a calendar, a brief,
a CI log's file name or the echo of an edit that was refused for holding one. Rather than trust
every command to remember, the mask sits where the bytes leave:

* :func:`masked_streams` wraps standard out and standard error for the whole run of a command
  (the root group's ``main``), so whatever Click, Typer or a command prints, text or bytes,
  usage errors included, is masked;
* :func:`public` masks what is written to a file (``--output``, the export's folder, GitHub's
  step summary).

Both use :func:`trygghet_cli.identity_numbers.mask_identity_numbers`, which keeps the length of
what it masks. Plan files themselves are never masked: an edit that would put a number in one
is refused by the checks.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any, overload

from trygghet_cli.identity_numbers import mask_identity_numbers


class Masked(bytes):
    """Bytes made from text that has passed the mask already (a PDF laid out from the masked
    page): written as they are. Binary formats cannot be masked afterwards: their text is
    compressed, and a run of digits in them (a PDF's hex file identifier) is not text."""

    __slots__ = ()


@overload
def public(data: str) -> str: ...
@overload
def public(data: bytes) -> bytes: ...
def public(data: str | bytes) -> str | bytes:
    """``data`` with every identity number in it masked; bytes are read as UTF-8."""
    if isinstance(data, str):
        return mask_identity_numbers(data)
    if isinstance(data, Masked):
        return data
    text = data.decode("utf-8", errors="surrogateescape")
    masked = mask_identity_numbers(text)
    return data if masked == text else masked.encode("utf-8", errors="surrogateescape")


class _MaskedBinary(io.RawIOBase):
    """The ``buffer`` of a masked text stream: bytes written to it are masked too."""

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__()
        self._raw = raw

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        with _reader_gone(self._raw):
            self._raw.write(public(bytes(data)))
        return len(data)

    def flush(self) -> None:
        with _reader_gone(self._raw):
            self._raw.flush()

    def isatty(self) -> bool:
        return self._raw.isatty()

    def fileno(self) -> int:
        return self._raw.fileno()


class MaskedText(io.TextIOBase):
    """A text stream that masks identity numbers in everything written to it."""

    def __init__(self, stream: IO[str]) -> None:
        super().__init__()
        self._stream = stream
        raw = getattr(stream, "buffer", None)
        self._buffer = _MaskedBinary(raw) if raw is not None else None

    @property
    def buffer(self) -> Any:  # what Click writes bytes to
        return self._buffer

    @property
    def encoding(self) -> str:  # type: ignore[override]  # io's is read-only too
        return getattr(self._stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self._stream, "errors", None)

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        with _reader_gone(self._stream):
            self._stream.write(public(text))
        return len(text)

    def flush(self) -> None:
        with _reader_gone(self._stream):
            self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()


@contextmanager
def _reader_gone(stream: IO[Any]) -> Iterator[None]:
    """A pipe whose reader has gone (``trygg validate | head -1``): what is still to be
    written goes to /dev/null, so that the command runs to its end and its exit code still
    says what it found (Click would end every command with 1, and Python's last flush would
    complain on standard error)."""
    try:
        yield
    except BrokenPipeError:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, stream.fileno())
        finally:
            os.close(null)


@contextmanager
def masked_streams() -> Iterator[None]:
    """Standard out and error masked while the block runs (once, however deeply nested)."""
    if isinstance(sys.stdout, MaskedText):
        yield
        return
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = MaskedText(stdout), MaskedText(stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = stdout, stderr
