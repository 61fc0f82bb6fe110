"""Every command has help and is documented; the README's lines are the ones CI runs."""

from __future__ import annotations

import pytest

from coopwizard.cli import app
from tests.conftest import ROOT
from tests.helpers import coop

COMMANDS = sorted(c.name or getattr(c.callback, "__name__", "") for c in app.registered_commands)


def test_there_are_commands() -> None:
    assert {"check", "topics", "levels", "pitfalls", "practices", "schema", "render"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    run = coop(command, "--help")
    assert run.code == 0
    assert "Example" in run.out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"coop {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_help_in_french_when_the_locale_is_french() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "coopwizard", "--help"],
        capture_output=True,
        text=True,
        env={"LANG": "fr_FR.UTF-8", "COLUMNS": "100", "PATH": ""},
        check=False,
    )
    assert "préparer un projet entre associations" in done.stdout


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest" in readme and 'python" -m pytest' in ci


@pytest.mark.parametrize("doc", ["sheet-format.md", "checklist-format.md", "json-output.md", "architecture.md"])
def test_format_docs_exist(doc: str) -> None:
    assert (ROOT / "docs" / doc).stat().st_size > 500


def test_help_follows_lang_on_the_command_line() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "coopwizard", "check", "--help", "--lang", "fr"],
        capture_output=True,
        text=True,
        env={"COLUMNS": "100", "PATH": "", "LANG": "en_US.UTF-8"},
        check=False,
    )
    assert "Auditer des fiches projet" in done.stdout
