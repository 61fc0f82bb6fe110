"""Stops that are never lost: Ctrl-C, SIGINT, SIGTERM and SIGHUP end a session alike.

Python raises KeyboardInterrupt from a signal handler wherever the main thread
happens to be. When that is inside a weakref callback or a `__del__` — and
prompt_toolkit makes and drops many objects while it builds a question — the
exception is reported as "ignored" and lost: the session then waits on a
question the user had just interrupted (a Ctrl-C pressed while the next
question was being drawn did nothing). So the handler also notes the stop, and
each prompt looks at the note before it waits for keys (`stop_pending`).
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any


class _Note:
    pending = False


_NOTE = _Note()


def stop_pending() -> bool:
    """Whether a stop signal came during this session and may have been swallowed."""
    return _NOTE.pending


def _stop(signum: int, frame: Any) -> None:
    _NOTE.pending = True
    raise KeyboardInterrupt


def raise_if_stopped() -> None:
    """Where a session is about to go on or to write: a stop that was swallowed ends it here."""
    if _NOTE.pending:
        raise KeyboardInterrupt


@contextmanager
def stops_like_ctrl_c() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP stop the session as Ctrl-C does (where the system has them).

    A signal ignored when the session starts stays ignored: under `nohup`, a closed terminal is
    meant to change nothing (as `io/textio._removed_on_signal` does). Handlers belong to the main
    thread; elsewhere, nothing is changed.
    """
    import threading

    previous: dict[int, Any] = {}
    _NOTE.pending = False
    if threading.current_thread() is threading.main_thread():
        for name in ("SIGINT", "SIGTERM", "SIGHUP"):
            number = getattr(signal, name, None)
            if number is None:
                continue
            current = signal.getsignal(number)
            if current is signal.SIG_IGN or current is None:  # ignored, or set outside Python: left alone
                continue
            previous[number] = current
            signal.signal(number, _stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            with suppress(OSError, ValueError):
                signal.signal(number, handler)
        _NOTE.pending = False
