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
from contextlib import contextmanager
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


@contextmanager
def stops_like_ctrl_c() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP stop the session as Ctrl-C does (where the system has them)."""
    previous = {}
    _NOTE.pending = False
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, _stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        _NOTE.pending = False
