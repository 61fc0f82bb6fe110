"""Text from sheets made harmless for a terminal: control characters shown escaped, never sent raw.

A sheet is untrusted: a title holding ``ESC [2J`` would clear the screen of whoever
audits it, and an OSC sequence could retitle the window or fake a clean result. Every
text a person reads (reports, messages) goes through `visible`: C0 controls other than
tab and newline, DEL, and C1 controls become ``\\x1b``-style escapes. Only the text is
changed; the colours Rich adds afterwards on a terminal are not user text.
"""

from __future__ import annotations

import re

# C0 except tab (09) and newline (0a), DEL (7f), C1 (80-9f).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# In JSON, json.dumps escapes C0 itself; DEL, C1 and the two line separators stay raw.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def visible(text: str) -> str:
    """`text` with every control character but tab and newline shown as ``\\xNN``."""
    return _CONTROL.sub(_escaped, text) if _CONTROL.search(text) else text


def json_visible(document: str) -> str:
    """JSON text with DEL, C1 and U+2028/U+2029 written as ``\\uXXXX``: the same data, nothing raw."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", document) if _JSON_RAW.search(document) else document


def describe_control(char: str) -> str:
    """A control character as people can look it up: ``U+001B``."""
    return f"U+{ord(char):04X}"
