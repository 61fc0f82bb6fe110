"""Where a command's document goes: stdout for "-", else a file written atomically, never over one by surprise.

The promises (docs/output.md): `-o ''` and a name whose extension is no sheet format are
refused before any work; without --force an existing name, a dangling symbolic link or a
link loop is refused, and the final write links the file into place so that a file that
appeared meanwhile is not replaced either; with --force a link is written through (its
target is replaced). On a terminal, control characters are shown escaped.
"""

from __future__ import annotations

import sys

from coopwizard.i18n import message
from coopwizard.io.console import emit, is_terminal
from coopwizard.io.markup import escape

STDOUT = "-"


def format_for(option: str | None, output: str) -> str:
    """The sheet format for `-o output`: --format, else the file's extension; refused when they cannot be."""
    from coopwizard.render.formats import SHEET_FORMATS, choose_format

    return choose_format(option, output, SHEET_FORMATS, "yaml").name


def refuse_overwrite(output: str, force: bool) -> None:
    """Before any work: the name exists, dangles or loops (without --force), or cannot be a file."""
    from pathlib import Path

    from coopwizard.io.textio import write_target

    if output != STDOUT:
        write_target(Path(output), overwrite=force)


def deliver(text: str | bytes, output: str, lang: str, force: bool = True) -> None:
    """Write to stdout for "-", else atomically to the file (never over one without `force`), and say where.

    Bytes (a Word file) go to stdout as they are; text on a terminal has its control characters escaped.
    """
    from pathlib import Path

    from coopwizard.io.textio import write_atomic
    from coopwizard.io.visible import visible

    if output == STDOUT and isinstance(text, bytes):
        sys.stdout.buffer.write(text)
        sys.stdout.buffer.flush()
        return
    if output == STDOUT and isinstance(text, str):
        sys.stdout.write(visible(text) if is_terminal(sys.stdout) else text)
        sys.stdout.flush()
        return
    write_atomic(Path(output), text, overwrite=force)
    emit(escape(visible(message(lang, "cli.written", file=output))), err=True, wrap=False)
