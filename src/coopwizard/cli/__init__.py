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
    from coopwizard.i18n import set_command_name

    set_command_name(command_as_run(sys.argv[0]))
    app(prog_name="coop")


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
