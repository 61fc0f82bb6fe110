"""Where output goes: Rich on a terminal, plain text everywhere else.

Renderers write Rich markup. On a terminal, Rich prints it (colour, NO_COLOR
honoured, one place that makes the consoles: stdout for data, stderr for
messages). Piped or redirected, the markup is turned into plain text here,
without importing Rich at all: a script that checks a thousand sheets does not
pay for a rendering engine it cannot use.

Both paths read the markup with the same linear tokenizer (`markup.tokens`):
Rich's own markup parser tries every position of a run of backslashes (hours
for a hostile 5 MB title), and would also turn a user's `:smile:` into an emoji.
On a terminal the tokens become a `rich.text.Text` with the same spans Rich's
parser gives.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from typing import IO, TYPE_CHECKING

from coopwizard.io.markup import plain, tokens

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


_plain_text = False  # set by --plain: words only, even on a terminal


def use_plain_text() -> None:
    """Plain mode (screen readers): no colour, no bold, no box, no escape code, even on a terminal."""
    global _plain_text
    _plain_text = True


def is_terminal(stream: IO[str]) -> bool:
    """Whether to draw with Rich: a real terminal that is not a dumb one, and no plain mode."""
    if os.environ.get("FORCE_COLOR"):
        return True
    if _plain_text or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


# Rich finds words with `\s*\S+\s*`, and `\s` matches every Unicode space, the no-break ones
# included: it would break « position de « demandeur » » right after the opening quote, which is
# what French's no-break spaces are there to prevent. Its word pattern, with those two left inside words.
RICH_WORD_PATTERN = r"\s*\S+\s*"
NO_BREAK_WORD = re.compile(r"[^\S\u00a0\u202f]*[\S\u00a0\u202f]+[^\S\u00a0\u202f]*")


def keep_no_break_spaces() -> bool:
    """Teach Rich's line breaking that U+00A0 and U+202F join words; False if Rich's splitter is not the known one."""
    from rich import _wrap

    pattern = getattr(_wrap, "re_word", None)
    if pattern is NO_BREAK_WORD:
        return True
    if not isinstance(pattern, re.Pattern) or pattern.pattern != RICH_WORD_PATTERN:
        return False  # Rich changed: leave it alone (tests/test_typography.py then fails loudly)
    _wrap.re_word = NO_BREAK_WORD
    return True


@functools.cache
def stdout_console() -> Console:
    from rich.console import Console

    keep_no_break_spaces()
    return Console(highlight=False, soft_wrap=False)


@functools.cache
def stderr_console() -> Console:
    from rich.console import Console

    keep_no_break_spaces()
    return Console(stderr=True, highlight=False)


def emit(markup: str, *, err: bool = False, end: str = "\n", wrap: bool = True) -> None:
    """Print markup to stdout (data) or stderr (messages)."""
    stream = sys.stderr if err else sys.stdout
    if is_terminal(stream):
        console = stderr_console() if err else stdout_console()
        console.print(rich_text(markup), end=end, soft_wrap=not wrap)
    else:
        stream.write(plain(markup) + end)


def rich_text(markup: str) -> Text:
    """Markup as a Rich Text, spans as rich.markup.render makes them, in linear time and without emoji codes."""
    from rich.style import Style
    from rich.text import Span, Text

    parts: list[str] = []
    spans: list[Span] = []
    opened: list[tuple[int, str, str]] = []  # (start, style, normalized name)
    length = 0
    for piece, tag in tokens(markup):
        if tag is None:
            parts.append(piece)
            length += len(piece)
            continue
        name, equals, parameters = tag.partition("=")
        if not name.startswith("/"):
            style = f"{name} {parameters}" if equals else name
            opened.append((length, Style.normalize(style), Style.normalize(name)))
            continue
        closing = name[1:].strip()
        index = len(opened) - 1
        if closing:  # the innermost tag of that name; Rich refuses a closing tag that matches none
            closing = Style.normalize(closing)
            while index >= 0 and opened[index][2] != closing:
                index -= 1
        if index >= 0:
            start, style, _ = opened.pop(index)
            spans.append(Span(start, length, style))
    spans.extend(Span(start, length, style) for start, style, _ in reversed(opened) if style)
    return Text("".join(parts), spans=sorted(spans[::-1], key=lambda span: span.start))


def capture(console: Console, renderable: object) -> str:
    """What `console` would print for `renderable`, as a string (ANSI codes only on a terminal)."""
    with console.capture() as captured:
        console.print(renderable)
    return captured.get()
