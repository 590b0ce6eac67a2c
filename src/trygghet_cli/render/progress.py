"""A progress bar on the terminal while pages are fetched (``trygg indicator fetch``).

The bar is drawn on standard error, only when that is a terminal (never in CI logs or in a
pipe), and only once a fetch turns out to be long: more than one page, or a page that takes
more than :data:`SHOW_AFTER` seconds. It disappears when the fetch ends; what was fetched is
said on standard output as usual.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from trygghet_cli.i18n import Lang, Text

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

SHOW_AFTER = 1.0

_LABEL = Text("Hämtar från Kolada", "Fetching from Kolada")


class PageProgress:
    """The callback a fetch calls after each page (pages read, pages expected or None)."""

    def __init__(self, lang: Lang, console: Console | None) -> None:
        self.lang = lang
        self.console = console
        self.started = time.monotonic()
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def __call__(self, done: int, expected: int | None) -> None:
        if self.console is None:
            return
        long = (expected or 0) > 1 or time.monotonic() - self.started > SHOW_AFTER
        if self.bar is None and long:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self.bar = Progress(
                TextColumn(_LABEL(self.lang)),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn(Text("sidor", "pages")(self.lang)),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("kolada", total=expected)
        if self.bar is not None and self.task is not None:
            total = max(expected, done) if expected is not None else None
            self.bar.update(self.task, completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def page_progress(lang: Lang, console: Console | None = None) -> Iterator[PageProgress]:
    """A :class:`PageProgress` drawing on ``console`` (by default standard error, when it is a
    terminal; otherwise nothing is drawn)."""
    if console is None and sys.stderr.isatty():
        from rich.console import Console

        console = Console(stderr=True)
    progress = PageProgress(lang, console)
    try:
        yield progress
    finally:
        progress.close()
