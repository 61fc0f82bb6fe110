"""Changing a YAML file the user wrote, keeping everything else as it was (ruamel.yaml's round trip).

`coop edit` and `coop review` change a few keys of a sheet; every comment, the
order, the quoting and the layout of the rest stay exactly as the user left
them. A file that starts with `---` keeps it. Lines are never re-wrapped
(ruamel's folding of plain scalars leaves trailing spaces, which yamllint
refuses): a long new answer stays on one line.
"""

from __future__ import annotations

import io
import re
import sys
from typing import Any

from coopwizard.core.errors import InvalidSheetError

_INDENTED_SEQUENCE = re.compile(r"^( *)[^\s#-][^\n]*:\n\1 +- ", re.MULTILINE)
# Comment and blank lines before a `---`: ruamel.yaml drops them, the `---` with them.
_HEAD = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\n)*(?=---)")


def load_round_trip(yaml_text: str, name: str) -> tuple[Any, Any]:
    """The round-trip engine set up to write this text back the way it was written, and the document."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = sys.maxsize  # never re-wrap: past its width, ruamel folds a long answer, a space left at the line's end
    text = yaml_text.lstrip("\ufeff")
    found = _HEAD.match(text)
    head = found.group(0) if found else ""
    rt.coop_head = head  # type: ignore[attr-defined]  # written back before the document (dump_round_trip)
    rt.explicit_start = text[len(head) :].startswith("---")
    if _INDENTED_SEQUENCE.search(yaml_text):
        rt.indent(mapping=2, sequence=4, offset=2)
    try:
        return rt, rt.load(yaml_text)
    except YAMLError as err:
        raise InvalidSheetError("edit.cannot_round_trip", file=name, reason=str(err).splitlines()[0]) from err


def dump_round_trip(rt: Any, document: Any) -> str:
    buffer = io.StringIO()
    buffer.write(getattr(rt, "coop_head", ""))
    rt.dump(document, buffer)
    return buffer.getvalue()
