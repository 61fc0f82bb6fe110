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
    """Whether to draw with Rich: a real terminal that is not a dumb one, and no plain mode.

    Plain mode, asked for by the person, always wins. Then the variables Rich reads, as
    Rich reads them: TTY_COMPATIBLE=0 or 1, then FORCE_COLOR (set and not empty: a
    terminal; set and empty: not one); then TERM=dumb, then the stream itself.
    """
    if _plain_text:
        return False
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    if os.environ.get("TERM") == "dumb":
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


def terminal_width(stream: IO[str]) -> int:
    """The width to draw at, as Rich finds it: $COLUMNS, else the terminal's, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns or 80
    except (AttributeError, OSError, ValueError):
        return 80


def wrap_words(text: str, width: int) -> str:
    """Text broken at word boundaries to fit `width`, each line keeping its indent.

    A terminal wraps long lines wherever the width ends (« le pro/jet »); the no-break
    spaces of French typography keep « : » with its word (textwrap only breaks at ASCII
    spaces). A word longer than the width is cut, as Rich does.
    """
    import textwrap

    lines = []
    for line in text.split("\n"):
        if len(line) <= width:
            lines.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip(" "))]
        if len(indent) >= width // 2:
            indent = ""  # a narrow terminal: room for the words first
        lines.append(
            textwrap.fill(
                line.strip(" "), width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
            )
        )
    return "\n".join(lines)


# A line of the wizard in one style, as Rich writes it on a terminal (Select Graphic Rendition codes).
LINE_STYLES = {"": "", "bold": "1", "dim": "2", "italic": "3"}
RULE_COLOUR = "92"  # Rich's rule line: bright green


def write_line(stream: IO[str], text: str, style: str = "", *, rule: bool = False) -> None:
    """One line of the wizard's screen, wrapped at words, or a heading and its rule: drawn without Rich.

    The first screen of `coop new` is made of these only (its title, a paragraph, a
    heading): drawn with Rich, it would import Rich, some 30 ms, before the first question.
    It looks as Rich draws it: bold, dim or italic on a terminal, even under NO_COLOR (which
    takes colour away, not emphasis); the rule in green unless NO_COLOR; nothing but the text
    when the stream is not a terminal. Control characters are shown, never sent (`visible`).
    """
    from coopwizard.io.visible import visible

    codes = is_terminal(stream) and _escape_codes_work()
    width = terminal_width(stream)
    text = visible(text).expandtabs(8)
    if rule:
        bar = "─" if (getattr(stream, "encoding", "") or "").lower().replace("-", "").startswith("utf") else "-"
        title = _fitted(text.replace("\n", " "), width - 2)  # Rich's left rule: the title, a space, a bar
        colour = codes and not os.environ.get("NO_COLOR")
        if title:
            line = bar * max(0, width - cell_width(title) - 1)
            shown = f"{_sgr(title, LINE_STYLES[style], codes)} {_sgr(line, RULE_COLOUR, colour)}"
        else:
            shown = _sgr(bar * width, RULE_COLOUR, colour)
    else:
        shown = "\n".join(_sgr(part, LINE_STYLES[style], codes) for part in wrap_words(text, width).split("\n"))
    stream.write(shown + "\n")
    stream.flush()


def _escape_codes_work() -> bool:
    """Whether the terminal reads escape codes: everywhere but the classic Windows console.

    Rich drives that console through Windows' own calls; its successor (Windows Terminal,
    which sets WT_SESSION) and the terminals that set TERM read the codes.
    """
    return sys.platform != "win32" or bool(os.environ.get("WT_SESSION") or os.environ.get("TERM"))


def cell_width(text: str) -> int:
    """The columns `text` takes on a terminal: wide East Asian characters two, combining marks none."""
    import unicodedata

    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fitted(text: str, width: int) -> str:
    """`text` cut to `width` columns with an ellipsis, as Rich truncates a rule's title."""
    if cell_width(text) <= width:
        return text
    used = 0
    for end, char in enumerate(text):
        used += cell_width(char)
        if used > width - 1:
            return text[:end] + "…"
    return text


def _sgr(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on and code and text else text


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
