"""Work begun in a forked process while the build goes on: `Later(make)` calls `make()` in a child
process (which has the parent's data as it was when forked, nothing is pickled on the way in) and
`result()` waits for what it returns (a text, or any value pickle can send back). Where fork is
missing or unsafe (another thread running: `mkdocs serve` rebuilds), `make()` runs at once instead:
the same result either way.

The engine uses it for the data files (build.data_files: the JSON, the CSV tables and the calendar),
made on the second core while the first writes the pages and MkDocs renders them; the hooks, on a
big site, for the search index (html/search.py), made beside MkDocs' templates.
"""
from __future__ import annotations

import multiprocessing
import signal
import threading
from typing import Callable


def fork_context():
    """multiprocessing's fork context, or None where forking is missing or unsafe (another thread running)."""
    if threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")


class LaterError(Exception):
    """`make()` failed in the child: its exception, as text."""


class Stopped(BaseException):
    """The child was told to stop (SIGTERM: multiprocessing ends its daemon children so when the
    parent exits, and MkDocs exits on a failed build): raised inside `make`, so that its `with` and
    `finally` blocks remove what it made (temporary folders)."""


def _stopped(signum, frame):
    raise Stopped()


class Later:
    """A text being made by `make` (in a forked child where one can run)."""

    def __init__(self, make: Callable[[], object]):
        self._text: object = None
        self._failed: str | None = None          # why `make` failed in the child, once known
        self._child = None
        ctx = fork_context()
        if ctx is None:
            self._text = make()
            return
        self._recv, send = ctx.Pipe(duplex=False)

        def child() -> None:
            signal.signal(signal.SIGTERM, _stopped)    # a parent gone (a failed build): clean up on the way out
            try:
                send.send((True, make()))
            except Stopped:
                pass
            except BaseException as err:    # noqa: BLE001 - any failure goes back to the parent as text
                send.send((False, f"{type(err).__name__}: {err}"))

        self._child = ctx.Process(target=child, daemon=True)
        self._child.start()
        send.close()

    def result(self) -> object:
        """The text (waits for the child); LaterError if `make` raised or the child died."""
        if self._child is not None:
            try:
                ok, value = self._recv.recv()
            except EOFError:
                self._child.join()
                ok, value = False, f"the process making it ended (exit code {self._child.exitcode})"
            finally:
                self._recv.close()
                self._child.join()
                self._child = None
            if not ok:
                self._failed = value
            else:
                self._text = value
        if self._failed is not None:
            raise LaterError(self._failed)
        return self._text

    def part(self, key) -> "Part":
        """One item of the mapping `make` returns, as a Later of its own."""
        return Part(self, key)


class Part:
    """`later.result()[key]`, waited for like a Later."""

    def __init__(self, later: Later, key):
        self.later, self.key = later, key

    def result(self) -> object:
        return self.later.result()[self.key]
