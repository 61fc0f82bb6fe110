"""Small helpers for tests: running the CLI with separate stdout and stderr."""

from __future__ import annotations

from dataclasses import dataclass

from typer.testing import CliRunner

from coopwizard.cli import app


@dataclass
class Run:
    code: int
    out: str
    err: str


def coop(*args: str, stdin: str | bytes | None = None, env: dict[str, str] | None = None) -> Run:
    result = CliRunner().invoke(app, list(args), input=stdin, env=env, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)
