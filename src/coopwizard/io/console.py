"""Where output goes: Rich on a terminal, plain text everywhere else.

Renderers write Rich markup. On a terminal, Rich prints it (colour, NO_COLOR
honoured, one place that makes the consoles: stdout for data, stderr for
messages). Piped or redirected, the markup is turned into plain text here,
without importing Rich at all: a script that checks a thousand sheets does not
pay for a rendering engine it cannot use.
"""

from __future__ import annotations

import functools
import os
import sys
from typing import IO, TYPE_CHECKING

from coopwizard.io.markup import plain

if TYPE_CHECKING:
    from rich.console import Console


def is_terminal(stream: IO[str]) -> bool:
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@functools.cache
def stdout_console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


@functools.cache
def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def emit(markup: str, *, err: bool = False, end: str = "\n", wrap: bool = True) -> None:
    """Print markup to stdout (data) or stderr (messages)."""
    stream = sys.stderr if err else sys.stdout
    if is_terminal(stream):
        console = stderr_console() if err else stdout_console()
        console.print(markup, end=end, soft_wrap=not wrap)
    else:
        stream.write(plain(markup) + end)


def capture(console: Console, renderable: object) -> str:
    """What `console` would print for `renderable`, as a string (ANSI codes only on a terminal)."""
    with console.capture() as captured:
        console.print(renderable)
    return captured.get()
