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
    escaped = _escape_tags(text)
    if escaped.endswith("\\") and not escaped.endswith("\\\\"):
        return escaped + "\\"
    return escaped


def _double(match: re.Match[str]) -> str:
    backslashes, tag = match.groups()
    return f"{backslashes}{backslashes}\\{tag}"


def _escape_tags(text: str) -> str:
    """What reads as a tag in `text` made literal: escape() without its rule for a final backslash."""
    return _ESCAPE.sub(_double, text) if "[" in text else text


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


class Marks:
    """How a renderer marks its styles: Rich markup for a terminal, or nothing at all for plain text.

    A report written once against these three calls comes out either as markup
    (user text escaped, styles as tags) or as the plain text `plain()` would read
    out of that markup, without writing the markup first: `coop check` on a
    thousand sheets into a file or a pipe spent a third of its rendering on
    escaping, then un-escaping, text that no terminal would ever draw.
    """

    __slots__ = ("markup",)

    def __init__(self, markup: bool) -> None:
        self.markup = markup

    def text(self, text: str) -> str:
        """User text (or any text that may hold brackets), as it must be written."""
        return _escape_tags(text) if self.markup else text

    def styled(self, style: str, marked: str) -> str:
        """`marked` (already written with `text`) in a Rich style: "bold", "dim", "green"…"""
        if not self.markup:
            return marked
        # Backslashes that end the text would escape the closing tag: each is doubled, so that
        # Rich shows as many as were typed. (escape() adds one to a single final backslash,
        # wherever the text goes: at the end of a line Rich then shows two.)
        final = "\\" * (len(marked) - len(marked.rstrip("\\")))
        return f"[{style}]{marked}{final}[/]"

    def bracketed(self, word: str) -> str:
        """A word between square brackets, shown as such ("[error]") and never read as a tag."""
        return f"\\[{word}]" if self.markup else f"[{word}]"


MARKUP = Marks(True)
PLAIN = Marks(False)
