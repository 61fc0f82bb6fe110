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
import re
import sys
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

# Rich's own tag syntax (rich.markup), so that both paths read the same markup the same way.
_TAGS = re.compile(r"((\\*)\[([a-z#/@][^[]*?)])")
_ESCAPE = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")


def escape(text: str) -> str:
    """User text made safe inside markup, exactly as rich.markup.escape does it."""

    def double(match: re.Match[str]) -> str:
        backslashes, tag = match.groups()
        return f"{backslashes}{backslashes}\\{tag}"

    escaped = _ESCAPE.sub(double, text)
    if escaped.endswith("\\") and not escaped.endswith("\\\\"):
        return escaped + "\\"
    return escaped


def plain(markup: str) -> str:
    """The text of markup, tags dropped and escapes undone, as Rich would show it without style."""
    parts: list[str] = []
    position = 0
    for match in _TAGS.finditer(markup):
        full, escapes, _ = match.groups()
        start, end = match.span()
        parts.append(markup[position:start])
        position = end
        if escapes:
            backslashes, escaped = divmod(len(escapes), 2)
            parts.append("\\" * backslashes)
            if escaped:
                parts.append(full[len(escapes) :])
    parts.append(markup[position:])
    text = "".join(parts)
    return text[:-1] if text.endswith("\\\\") else text


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
