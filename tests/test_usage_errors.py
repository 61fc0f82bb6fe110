"""Usage errors said like every other error: one line on stderr, exit 2, in the language in force,
with the help to read (cli/usage_errors.py) — not Click's four English lines."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.helpers import coop, french

CASES = [
    (
        ["check", "--foo", "x.yaml"],
        "Error: no such option: --foo (close ones: --format); see coop check -h.",
        "Erreur : option inconnue : --foo (options proches : --format) ; voir coop check -h.",
    ),
    (["check"], "Error: SHEET... is missing; see coop check -h.", "Erreur : il manque FICHE... ; voir coop check -h."),
    (
        ["chek", "x.yaml"],
        'Error: no such command "chek" (did you mean "check"?); see coop -h.',
        "Erreur : commande « chek » inconnue (vouliez-vous dire « check » ?) ; voir coop -h.",
    ),
    (
        ["check", "-j", "x", "x.yaml"],
        "Error: invalid value for --jobs: a whole number is expected; see coop check -h.",
        "Erreur : valeur invalide pour --jobs : un nombre entier est attendu ; voir coop check -h.",
    ),
    (
        ["check", "-j", "-1", "x.yaml"],
        "Error: invalid value for --jobs: a number of 0 or more is expected; see coop check -h.",
        "Erreur : valeur invalide pour --jobs : un nombre de 0 ou plus est attendu ; voir coop check -h.",
    ),
    (
        ["topics", "extra"],
        "Error: one too many: extra; see coop topics -h.",
        "Erreur : de trop : extra ; voir coop topics -h.",
    ),
    (
        ["check", "x.yaml", "--checklist"],
        "Error: --checklist needs a value; see coop -h.",
        "Erreur : --checklist attend une valeur ; voir coop -h.",
    ),
]


@pytest.mark.parametrize(("args", "english", "in_french"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_a_usage_error_is_one_line_in_each_language(args: list[str], english: str, in_french: str) -> None:
    run = coop(*args, env={"COOP_LANG": "en"})
    assert (run.code, run.out, run.err) == (2, "", english + "\n")
    run = coop(*args, env={"COOP_LANG": "fr"})
    assert (run.code, run.out, run.err) == (2, "", french(in_french) + "\n")


def test_the_language_option_itself_decides() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "coopwizard", "--lang", "fr", "check", "--foo"],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "COOP_LANG"},
    )
    assert run.returncode == 2
    assert run.stderr.startswith(french("Erreur : option inconnue : --foo")), run.stderr
    assert run.stderr.count("\n") == 1


def test_on_a_terminal_too_no_panel(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """FORCE_COLOR stands for a terminal: Rich's panels are for help only."""
    env = {**os.environ, "FORCE_COLOR": "1", "COOP_LANG": "en"}
    run = subprocess.run(
        [sys.executable, "-m", "coopwizard", "check", "--foo"], capture_output=True, text=True, env=env
    )
    assert run.returncode == 2
    assert run.stderr.endswith("no such option: --foo (close ones: --format); see python -m coopwizard check -h.\n")
    assert "╭" not in run.stderr and run.stderr.count("\n") == 1
