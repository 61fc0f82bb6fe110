"""The `coop` command line: the Typer app and its global options (`app.py`), then one module per
command. Each command parses its options, calls domain functions and hands the result to a renderer;
errors become one line on stderr and an exit code in `app.run`.
"""

from __future__ import annotations

import sys

from coopwizard.cli import (  # noqa: F401  (they register their commands)
    agenda,
    calendar,
    check,
    compare,
    convention,
    edit,
    guide,
    merge,
    new,
    render,
    review,
    schema,
)
from coopwizard.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """The `coop` command: descriptors closed at start are reopened on the null device first, and a broken
    pipe while Typer itself prints (--help) ends with the same 141 as in a command (docs/output.md)."""

    from coopwizard.cli.help_texts import wants_help
    from coopwizard.i18n import set_command_name
    from coopwizard.io.streams import BROKEN_PIPE_EXIT, reopen_closed_descriptors, stdout_is_null

    reopen_closed_descriptors()
    set_command_name(command_as_run(sys.argv[0]))
    if wants_help(sys.argv):  # Typer's own texts (Usage, Options…) in the help's language
        from coopwizard.cli.app import HELP_LANG
        from coopwizard.cli.help_texts import localize_help, readable_arguments

        localize_help(HELP_LANG)
        readable_arguments(HELP_LANG)
        from coopwizard.io.console import is_terminal

        if is_terminal(sys.stdout):  # Rich draws the help: no line break at a no-break space there either
            from coopwizard.io.console import keep_no_break_spaces

            keep_no_break_spaces()
    null_at_start = stdout_is_null()
    try:
        app(prog_name="coop")
    except SystemExit as done:
        # Click (wrapping the streams) and Rich (pointing stdout at the null device) end a broken
        # pipe with exit 1, which a script would read as "findings".
        clicks = type(sys.stdout).__name__ == "PacifyFlushWrapper"
        if done.code == 1 and (clicks or (not null_at_start and stdout_is_null())):
            raise SystemExit(BROKEN_PIPE_EXIT) from None
        raise


def command_as_run(argv0: str) -> str:
    """`coop` when typing coop finds this very program; else the path it was run by (`.venv/bin/coop`)."""
    import os
    import shutil
    from pathlib import Path

    run = Path(argv0)
    if run.name in ("__main__.py", "-m") or run.suffix == ".py":
        return "python -m coopwizard"
    found = shutil.which(run.name)
    try:
        if found is not None and Path(found).resolve() == run.resolve():
            return run.stem if os.name == "nt" else run.name
    except OSError:
        pass
    return argv0
