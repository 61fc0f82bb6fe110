"""The `coop` command line: the Typer app, its global options and `run` (`root.py`), then one module per
command. Each command parses its options, calls domain functions and hands the result to a renderer;
errors become one line on stderr and an exit code in `root.run`.

A command's module registers it when imported. `main` imports only the module of the
command being run (every one for the group's help, a typo or no command): each module
builds its options at import, and `coop check` has no use for `coop convention`'s.
`from coopwizard.cli import app` gives the app with every command, for tests and tools.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Any

# Each command's module, in the order the help lists them (tests/test_cli_modules.py checks it).
COMMAND_MODULES = {
    "agenda": "agenda",
    "calendar": "calendar",
    "check": "check",
    "compare": "compare",
    "convention": "convention",
    "edit": "edit",
    "levels": "guide",
    "topics": "guide",
    "pitfalls": "guide",
    "practices": "guide",
    "merge": "merge",
    "new": "new",
    "render": "render",
    "review": "review",
    "schema": "schema",
}

__all__ = ["COMMAND_MODULES", "app", "main", "register"]


def register(commands: Sequence[str] | None = None) -> None:
    """Import the modules of these commands (all when None), in the help's order: they register themselves."""
    wanted = COMMAND_MODULES if commands is None else [c for c in COMMAND_MODULES if c in commands]
    for module in dict.fromkeys(COMMAND_MODULES[c] for c in wanted):
        importlib.import_module(f"coopwizard.cli.{module}")


def __getattr__(name: str) -> Any:
    if name == "app":
        register()
        from coopwizard.cli.root import app

        globals()["app"] = app
        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """The `coop` command: descriptors closed at start are reopened on the null device first, and a broken
    pipe while Typer itself prints (--help) ends with the same 141 as in a command (docs/output.md).

    Called in-process (the tests), it leaves the garbage collector as it found it; `entry_point` is the same
    command for a process of its own."""
    _coop(owns_process=False)


def entry_point() -> None:
    """`coop` as installed (pyproject's [project.scripts], `python -m coopwizard`): main(), owning its process.

    What start-up set aside from the garbage collector stays so until exit (core/collector.py)."""
    _coop(owns_process=True)


def _coop(owns_process: bool) -> None:
    from coopwizard.core import collector

    collector.pause()  # until the command's own work starts (core/collector.py)
    try:
        _main()
    finally:
        if owns_process:
            collector.resume()
        else:
            collector.give_back()


def _main() -> None:
    from coopwizard.cli.help_texts import wants_help
    from coopwizard.cli.root import app
    from coopwizard.i18n import set_command_name
    from coopwizard.io.streams import BROKEN_PIPE_EXIT, reopen_closed_descriptors, stdout_is_null

    reopen_closed_descriptors()
    set_command_name(command_as_run(sys.argv[0]))
    named, _ = app.invoked(sys.argv[1:], COMMAND_MODULES)
    register(None if named is None else [named])
    if wants_help(sys.argv):  # Typer's own texts (Usage, Options…) in the help's language
        from coopwizard.cli.help_texts import localize_help, readable_arguments
        from coopwizard.cli.root import HELP_LANG

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
