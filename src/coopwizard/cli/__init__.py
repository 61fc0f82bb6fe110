"""The `coop` command line: the Typer app and its global options (`app.py`), then one module per
command. Each command parses its options, calls domain functions and hands the result to a renderer;
errors become one line on stderr and an exit code in `app.run`.
"""

from __future__ import annotations

from coopwizard.cli import (  # noqa: F401  (they register their commands)
    agenda,
    calendar,
    check,
    convention,
    edit,
    guide,
    new,
    render,
    schema,
)
from coopwizard.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app(prog_name="coop")
