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


def french(text: str) -> str:
    """A French expectation written with ordinary spaces, spaced as the tool writes French.

    The spaces themselves (U+00A0 before « : », U+202F before « ; ! ? » and inside « »)
    are asserted character by character in tests/test_typography.py.
    """
    from coopwizard.i18n.typography import typeset

    return typeset(text, "fr")
