"""Rich's markup, without Rich: escaping user text into it, and reading plain text out of it.

Both regular expressions are Rich's own (rich.markup), with one addition: `(?<!\\)`, so that a
match can only start where a run of backslashes starts. Rich's patterns try every position
inside a run, each scanning to its end: a title of 40,000 backslashes took seconds, one of
5 MB hours. The matches found are the same (a match never starts inside a run, since the
scan from the run's first backslash would have found it first), in linear time.
"""

from __future__ import annotations

import re

_TAGS = re.compile(r"((?<!\\)(\\*)\[([a-z#/@][^[]*?)])")
_ESCAPE = re.compile(r"(?<!\\)(\\*)(\[[a-z#/@][^[]*?])")


def escape(text: str) -> str:
    """User text made safe inside markup, exactly as rich.markup.escape does it."""

    def double(match: re.Match[str]) -> str:
        backslashes, tag = match.groups()
        return f"{backslashes}{backslashes}\\{tag}"

    escaped = _ESCAPE.sub(double, text) if "[" in text else text
    if escaped.endswith("\\") and not escaped.endswith("\\\\"):
        return escaped + "\\"
    return escaped


def tokens(markup: str) -> list[tuple[str, str | None]]:
    """Markup as (text, None) and (tag, tag) pieces, in order, escapes undone: Rich's reading of it."""
    pieces: list[tuple[str, str | None]] = []
    position = 0
    for match in _TAGS.finditer(markup):
        full, escapes, tag = match.groups()
        start, end = match.span()
        if start > position:
            pieces.append((markup[position:start], None))
        position = end
        if escapes:
            backslashes, escaped = divmod(len(escapes), 2)
            if backslashes:
                pieces.append(("\\" * backslashes, None))
            if escaped:
                pieces.append((full[len(escapes) :], None))
                continue
        pieces.append((tag, tag))
    if position < len(markup):
        pieces.append((markup[position:], None))
    return pieces


# The same reading as _TAGS, for `plain`: a whole run of backslashes and the tag after it, if any,
# or a tag with no backslash before it. Each branch starts with one of two characters, which lets
# the engine skip ahead to the next `\\` or `[` instead of trying a lookbehind at every position:
# a report is read out about twice as fast (tests/test_markup.py compares the two readings).
_RUNS_AND_TAGS = re.compile(r"(\\+)(\[[a-z#/@][^[]*?])?|\[[a-z#/@][^[]*?]")
_TAG = re.compile(r"\[[a-z#/@][^[]*?]")  # with no backslash in the text: only tags to drop, no callback


def _plain_piece(match: re.Match[str]) -> str:
    run, tag = match.groups()
    if run is None:
        return ""  # a tag
    if tag is None:
        return run  # backslashes before no tag are text
    backslashes, escaped = divmod(len(run), 2)
    return "\\" * backslashes + (tag if escaped else "")


def plain(markup: str) -> str:
    """The text of markup, tags dropped and escapes undone, as Rich would show it without style."""
    if "[" not in markup:
        text = markup
    elif "\\" not in markup:
        return _TAG.sub("", markup)
    else:
        text = _RUNS_AND_TAGS.sub(_plain_piece, markup)
    return text[:-1] if text.endswith("\\\\") else text
