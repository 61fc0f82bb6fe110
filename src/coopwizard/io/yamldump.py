"""YAML out, for people and for other tools: block style, the checklist's key order, UTF-8 as typed.

The writer is our own, over plain data only (mappings, lists, text, numbers,
booleans, dates, null), so that what it writes is the same for every reader and
passes yamllint with its default configuration:

- a document start (`---`) for YAML files (not for front matter, whose fence is one);
- sequences indented under their key, two spaces a level;
- no line over 80 characters, when it can be helped: text is folded at single
  spaces (a fold reads back as that space), and text too long to fold is split
  with escaped line breaks inside double quotes, which read back as nothing;
- any text a YAML 1.1 or 1.2 reader could take for something else (a number in
  any base or notation, `.inf`, `~`, `null`, yes/no/on/off/y/n, a date, a time,
  `<<`, `=`) is quoted, and so is text that plain YAML cannot carry (leading or
  trailing spaces, `: `, ` #`, an indicator first, control characters);
- multi-line text is a literal block (`|`) when its lines fit, a folded block
  (`>`) when they can be folded, else double-quoted with escapes.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

WIDTH = 80  # yamllint's default line-length
INDENT = 2

# Text that some reader would resolve to a number, a boolean, null, a date or a time.
# ("_", "+_" and "._" are numbers to ruamel's resolver: underscores count as digits there)
_NUMBER_LIKE = re.compile(r"[-+]?(\.?[0-9_]|\.(inf|nan)$)[0-9A-Za-z_.:+-]*", re.IGNORECASE)
_DATE_LIKE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_WORDS = frozenset({"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "=", "<<"})
# Characters that YAML cannot carry raw, or that readers of 1.1 and 1.2 disagree on
# (NEL, LS and PS are line breaks in 1.1 and text in 1.2): they are escaped.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_SINGLE_SPACE = re.compile(r"(?<! ) (?! )")  # where a fold may replace a space
_INDICATOR_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@`")
_ESCAPES = {
    "\0": "\\0",
    "\a": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\v": "\\v",
    "\f": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    '"': '\\"',
    "\\": "\\\\",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


def dump_yaml(data: Any, *, document_start: bool = True, comment: str = "") -> str:
    """YAML text of plain data, keys in the order given, after `---` and `comment` (a line, "# ...")."""
    lines: list[str] = ["---"] if document_start else []
    if comment:
        lines.append(comment)
    if isinstance(data, dict) and data:
        _mapping(data, 0, lines)
    elif isinstance(data, list | tuple) and data:
        _sequence(data, 0, lines)
    else:
        lines.extend(_scalar_lines(data, "", 0))
    return "\n".join(lines) + "\n"


def needs_quotes(text: str) -> bool:
    """Whether a plain (unquoted) scalar would not read back as this very text everywhere."""
    if not text or text.lower() in _WORDS:
        return True
    if _NUMBER_LIKE.fullmatch(text) or _DATE_LIKE.match(text):
        return True
    if text[0] in _INDICATOR_FIRST or text[0].isspace() or text[-1].isspace() or text.endswith(":"):
        return True
    if text.startswith("...") or ": " in text or " #" in text or "\t" in text or "\n" in text:
        return True
    return _UNSAFE.search(text) is not None


def _mapping(data: dict[Any, Any], indent: int, lines: list[str], first: str | None = None) -> None:
    """`first`, when given, is the prefix of the first line (a sequence's "- ")."""
    pad = " " * indent
    for index, (key, value) in enumerate(data.items()):
        lead = first if first is not None and index == 0 else pad
        head = f"{lead}{_key(key)}:"
        _value(value, head, indent, lines)


def _sequence(data: list[Any] | tuple[Any, ...], indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for item in data:
        head = f"{pad}- "
        if isinstance(item, dict) and item:
            _mapping(item, indent + INDENT, lines, first=head)
        elif isinstance(item, list | tuple) and item:
            lines.append(f"{pad}-")
            _sequence(item, indent + INDENT, lines)
        else:
            lines.extend(_scalar_lines(item, head, indent + INDENT))


def _value(value: Any, head: str, indent: int, lines: list[str]) -> None:
    """A mapping value after its `key:` head, at the key's indentation."""
    if isinstance(value, dict) and value:
        lines.append(head)
        _mapping(value, indent + INDENT, lines)
    elif isinstance(value, list | tuple) and value:
        lines.append(head)
        _sequence(value, indent + INDENT, lines)
    else:
        lines.extend(_scalar_lines(value, head + " ", indent + INDENT))


def _key(key: Any) -> str:
    if isinstance(key, str):
        return _double_quoted_line(key) if needs_quotes(key) else key
    return _plain_value(key)


def _plain_value(value: Any) -> str:
    """Anything but text, as YAML writes it; every reader reads it back the same."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        if "." not in text and "e" in text:  # 1e+16 must read as a float in YAML 1.1 too
            text = text.replace("e", ".0e", 1)
        return text
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list | tuple):
        return "[]"
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


def _scalar_lines(value: Any, head: str, indent: int) -> list[str]:
    """The lines of one scalar whose first line starts with `head`; continuation lines at `indent`."""
    if not isinstance(value, str):
        return [head + _plain_value(value)]
    if "\n" in value and not _UNSAFE.search(value):
        block = _literal(value, head, indent) or _folded(value, head, indent)
        if block and all(map(_fits, block)):
            return block
    if not needs_quotes(value):
        plain = _fill(_SINGLE_SPACE.split(value), head, indent)
        if all(map(_fits, plain)):
            return plain
    return _double_quoted(value, head, indent)


def _fits(line: str) -> bool:
    """Within WIDTH, or one word that cannot be folded (yamllint allows that: after the indentation
    and a "- ", no space)."""
    if len(line) <= WIDTH:
        return True
    rest = line.lstrip(" ")
    return " " not in rest.removeprefix("- ")


def _fill(words: list[str], head: str, indent: int) -> list[str]:
    """Words on lines of at most WIDTH, the first after `head`, the next at `indent`, joined by spaces.

    After a `key: ` head, a first word that does not fit starts the next line. A word
    that starts with an indicator never starts a line: it stays with the word before.
    """
    merged: list[str] = []
    for word in words:
        if merged and (not word or word[0] in _INDICATOR_FIRST or word.startswith("...")):
            merged[-1] += " " + word
        else:
            merged.append(word)
    pad = " " * indent
    lines: list[str] = []
    line = head
    for index, word in enumerate(merged):
        if index == 0:
            if len(head) + len(word) > WIDTH and head.endswith(": "):
                lines.append(head.rstrip())
                line = pad
            line += word
        elif len(line) + 1 + len(word) > WIDTH:
            lines.append(line)
            line = pad + word
        else:
            line += " " + word
    lines.append(line)
    return lines


def _block_header(value: str, style: str) -> tuple[str, list[str]] | None:
    """The block indicator with its chomping, and the lines; None when a block cannot carry the text."""
    body = value[:-1] if value.endswith("\n") else value
    if body.endswith("\n") or value.startswith("\n") or value.startswith((" ", "\t")):
        return None  # several trailing breaks, leading breaks or a leading space: quoted instead
    lines = body.split("\n")
    if any(line != line.rstrip() for line in lines):
        return None  # trailing spaces would be kept, and yamllint refuses them
    if "\n\n\n" in body:
        return None  # more than two empty lines in a row (yamllint's empty-lines), or almost
    return (style if value.endswith("\n") else style + "-"), lines


def _literal(value: str, head: str, indent: int) -> list[str] | None:
    found = _block_header(value, "|")
    if found is None:
        return None
    indicator, lines = found
    pad = " " * indent
    if any(len(pad + line) > WIDTH for line in lines):
        return None
    return [head + indicator] + [pad + line if line else "" for line in lines]


def _folded(value: str, head: str, indent: int) -> list[str] | None:
    """A folded block: each line folded at single spaces; one line break is written as an empty line."""
    found = _block_header(value, ">")
    if found is None:
        return None
    indicator, lines = found
    if any(line.startswith(" ") or "\t" in line for line in lines):
        return None  # more-indented lines are not folded: keep it simple, quote instead
    pad = " " * indent
    out = [head + indicator]
    for index, line in enumerate(lines):
        if index and line:
            out.append("")  # before a text line, one more empty line: n line breaks are n empty lines
        if line:
            out.extend(_fill(_SINGLE_SPACE.split(line), pad, indent))
        else:
            out.append("")
    return out


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if _UNSAFE.match(char):
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return char


def _double_quoted_line(text: str) -> str:
    return '"' + "".join(_escape(c) for c in text) + '"'


def _double_quoted(text: str, head: str, indent: int) -> list[str]:
    """Double-quoted text on lines of at most WIDTH where it can be helped.

    It is folded at single spaces (a line break there reads as that space), after each
    `\\n`, and inside a piece too long for a line, with an escaped line break (`\\` at the
    end of a line reads as nothing). A raw space starting a line is escaped (`\\ `),
    since leading spaces on a continuation line are dropped.
    """
    pieces: list[list[str]] = [[]]
    joints: list[str] = []  # between pieces: "fold" (a single space) or "break" (after a line break)
    for at, char in enumerate(text):
        if char == " " and pieces[-1] and text[at - 1] != " " and at < len(text) - 1 and text[at + 1] != " ":
            joints.append("fold")
            pieces.append([])
            continue
        pieces[-1].append(_escape(char))
        if char == "\n" and at < len(text) - 1:
            joints.append("break")
            pieces.append([])
    pad = " " * indent
    lines: list[str] = []
    line = head + '"'
    for index, piece in enumerate(pieces):
        size = sum(len(unit) for unit in piece)
        if index:
            if joints[index - 1] == "fold":
                if len(line) + 1 + size + 1 <= WIDTH:  # room for the closing quote or a "\\" after it
                    line += " " + "".join(piece)
                    continue
                lines.append(line)
            else:
                lines.append(line + "\\")
            line = pad
        for unit in piece:
            if len(line) + len(unit) + 1 > WIDTH and len(line) > len(pad) + 1:
                lines.append(line + "\\")
                line = pad
            line += "\\ " if unit == " " and line == pad else unit
    lines.append(line + '"')
    return lines
