"""The help entirely in the language asked: Typer's and click's own texts too (Usage, Options, [default: …])."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ENGLISH = ("Usage:", "Show this message and exit.", "[default:", "[required]", "Commands", "Options:")


def _help(*args: str, terminal: bool = False) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "COOP_LANG")}
    if terminal:
        env["FORCE_COLOR"] = "1"  # Rich's panels, as on a terminal
    env["COLUMNS"] = "100"
    run = subprocess.run([sys.executable, "-m", "coopwizard", *args], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    return re.sub(r"\x1b\[[0-9;]*m", "", run.stdout)


@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "terminal"])
def test_the_french_help_has_no_english_left(terminal: bool) -> None:
    shown = _help("check", "--help", "--lang", "fr", terminal=terminal)
    assert "Utilisation : coop check" in shown
    assert "Afficher cette aide et quitter." in shown
    assert "[par défaut : text]" in shown and "[obligatoire]" in shown
    assert not [text for text in ENGLISH if text in shown]


def test_the_group_s_help_lists_commandes() -> None:
    shown = _help("--help", "--lang", "fr")
    assert "Commandes:" in shown or "Commandes" in shown
    assert "Commands" not in shown


def test_the_english_help_is_typer_s_own() -> None:
    shown = _help("check", "--help", "--lang", "en")
    assert "Usage: coop check" in shown and "Show this message and exit." in shown


def test_the_seams_are_where_typer_has_them() -> None:
    """A Typer upgrade that moves these seams fails here, not silently in a help page."""
    import typer.core
    from typer._click import core, formatting

    from coopwizard.cli.help_texts import GETTEXT_KEYS, RICH_CONSTANTS

    assert callable(getattr(typer.core, "_", None))
    assert callable(formatting.HelpFormatter.write_usage) and callable(core.Command.get_help_option)
    import typer.rich_utils

    assert all(hasattr(typer.rich_utils, name) for name in RICH_CONSTANTS)
    source = Path(typer.core.__file__).read_text(encoding="utf-8")
    assert all(f'_("{text}")' in source for text in GETTEXT_KEYS)
