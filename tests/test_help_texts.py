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
    assert "Utilisation\u00a0: coop check [OPTIONS] FICHE..." in shown
    assert "Afficher cette aide et quitter." in shown
    assert "[par défaut\u00a0: text]" in shown and "[obligatoire]" in shown
    assert "Options\u00a0:" in shown or "─ Options ─" in shown
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


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "terminal"])
@pytest.mark.parametrize("command", ["check", "compare", "render", "new", "review"])
def test_arguments_are_named_for_people_not_python(command: str, terminal: bool, lang: str) -> None:
    """Typer's `{SHEET...}...`, `<list[str]>`, `<str>`, `<bool>` and `x>=0` are notations for programmers."""
    shown = _help(command, "--help", "--lang", lang, terminal=terminal)
    assert not re.search(r"<(str|bool|int|list\[str\])>|\{[A-Z]+|x>=", shown), shown
    sheet = "FICHE" if lang == "fr" else "SHEET"
    if command in ("check", "compare"):
        assert f"[OPTIONS] {sheet}..." in shown
    elif command != "new":
        assert f"[OPTIONS] {sheet}" in shown
    if command == "check":
        assert ("0 ou plus" if lang == "fr" else "0 or more") in shown


def test_command_examples_can_be_copied_as_they_are() -> None:
    """No « ; » between examples: French typography would put a U+202F before it, and a pasted
    `coop check fiche.yaml\u202f;` names a file that does not exist."""
    from coopwizard.i18n.catalogs import CATALOGS

    for lang, catalog in CATALOGS.items():
        for key, text in catalog.items():
            if key.startswith("help.") and ("Exemple" in text or "Example" in text):
                examples = re.split(r"Exemples? :|Examples?:", text, maxsplit=1)[1]
                assert ";" not in examples, (lang, key)


@pytest.mark.parametrize("width", [50, 55, 60, 70, 80])
def test_rich_help_does_not_break_at_a_no_break_space(width: int) -> None:
    env = {k: v for k, v in os.environ.items() if k != "COOP_LANG"}
    env.update(FORCE_COLOR="1", COLUMNS=str(width))
    for args in (["--help"], ["agenda", "--help"], ["edit", "--help"]):
        run = subprocess.run(
            [sys.executable, "-m", "coopwizard", *args, "--lang", "fr"], capture_output=True, text=True, env=env
        )
        shown = re.sub(r"\x1b\[[0-9;]*m", "", run.stdout)
        assert not re.search(r"│ *[»:;?!]|« *│", shown), shown
