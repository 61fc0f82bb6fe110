"""Text from sheets made safe for a terminal: control characters shown escaped, never sent raw.

A title holding ESC sequences could clear the screen or fake a clean report.
Tab and newline pass; every other C0 character, DEL and the C1 range are shown as
`\\xNN` (or `\\u2028`), so the person sees that they are there.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with control characters shown escaped (tab and newline kept)."""
    return _CONTROL.sub(_escaped, text)
