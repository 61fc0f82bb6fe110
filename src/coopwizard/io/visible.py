"""Text from sheets made safe for a terminal: control characters shown escaped, never sent raw.

A title holding ESC sequences could clear the screen or fake a clean report.
Tab and newline pass; every other C0 character, DEL and the C1 range are shown as
`\\xNN` (or `\\u2028`), so the person sees that they are there. Reports, messages
and `-o -` on a terminal go through `visible`; `json_visible` does the same for JSON
without changing the data (docs/output.md).
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# In JSON, json.dumps escapes C0 itself; DEL, C1 and the two line separators stay raw.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with control characters shown escaped (tab and newline kept)."""
    return _CONTROL.sub(_escaped, text)


def json_visible(document: str) -> str:
    """JSON text with DEL, C1 and U+2028/U+2029 written as ``\\uXXXX``: the same data, nothing raw."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def describe_control(char: str) -> str:
    """A control character as people can look it up: ``U+001B``."""
    return f"U+{ord(char):04X}"
