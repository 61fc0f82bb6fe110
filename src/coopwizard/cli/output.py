"""Where a command's document goes: stdout for "-", else a file written atomically, never over one by surprise."""

from __future__ import annotations

import sys

from coopwizard.core.errors import UsageError
from coopwizard.i18n import message
from coopwizard.io.console import emit
from coopwizard.io.markup import escape


def deliver(text: str | bytes, output: str, lang: str) -> None:
    """Write to stdout for "-", else atomically to the file, and say where on stderr (bytes: a Word file)."""
    from pathlib import Path

    from coopwizard.io.textio import write_atomic

    if output == "-" and isinstance(text, bytes):
        sys.stdout.buffer.write(text)
        sys.stdout.buffer.flush()
        return
    if output == "-" and isinstance(text, str):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_atomic(Path(output), text)
    emit(escape(message(lang, "cli.written", file=output)), err=True, wrap=False)


def refuse_overwrite(output: str, force: bool) -> None:
    from pathlib import Path

    if output != "-" and not force and Path(output).exists():
        raise UsageError("file.exists", file=output)
