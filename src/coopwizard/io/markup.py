"""Rich's markup, without Rich: escaping user text into it, and reading plain text out of it."""

from __future__ import annotations

import re

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
