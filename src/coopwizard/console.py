"""The one place that makes Rich consoles: data on stdout, messages on stderr.

Rich already honours NO_COLOR and colours only a terminal; COLUMNS pins the
width, which tests use for stable output.
"""

from __future__ import annotations

import functools

from rich.console import Console


@functools.cache
def stdout_console() -> Console:
    return Console(highlight=False, soft_wrap=False)


@functools.cache
def stderr_console() -> Console:
    return Console(stderr=True, highlight=False)


def capture(console: Console, renderable: object) -> str:
    """What `console` would print for `renderable`, as a string (ANSI codes only on a terminal)."""
    with console.capture() as captured:
        console.print(renderable)
    return captured.get()
