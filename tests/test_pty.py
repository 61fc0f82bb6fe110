"""End to end in a real pseudo-terminal: a French session, Ctrl-C halfway, resume, finish, check."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests import wizard_script as script
from tests.conftest import EXAMPLE
from tests.helpers import coop

pexpect = pytest.importorskip("pexpect")
pytestmark = [pytest.mark.pty, pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty")]


def _spawn(args: list[str], tmp_path: Path) -> pexpect.spawn:
    env = {
        **os.environ,
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "COOP_STATE_DIR": str(tmp_path / "state"),
        "COLUMNS": "100",
        "LINES": "40",
        "TERM": "xterm",
        "NO_COLOR": "1",
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "coopwizard", *args],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )
    return child


def _type(child: pexpect.spawn, keys: list[str]) -> None:
    for key in keys:
        child.send(key)
        time.sleep(0.08)  # a quick typist; prompt_toolkit keeps what it has not read yet


def test_french_session_interrupted_resumed_and_checked(tmp_path: Path) -> None:
    keys = script.keys()
    cut = (
        len(script.PROJECT) + len(script.PARTNERS) + len(script.CLASSIFICATION) + sum(len(t) for t in script.TOPICS[:5])
    )

    child = _spawn(["new", "--lang", "fr", "-o", "fete.yaml"], tmp_path)
    child.expect("Titre du projet")
    _type(child, keys[:cut])
    child.expect("Sujet 6/12 — Ressources matérielles et financières")
    child.sendcontrol("c")
    child.expect("coop new --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")
    assert not (tmp_path / "fete.yaml").exists()

    child = _spawn(["new", "--resume", "--lang", "fr"], tmp_path)
    child.expect("Reprise du brouillon")
    child.expect("Sujet 6/12")
    _type(child, keys[cut:])
    child.expect("Fiche écrite : fete.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    sheet = tmp_path / "fete.yaml"
    check = coop("check", str(sheet), "--lang", "fr")
    assert check.code == 0, check.out
    assert "Sujets réglés\u00a0: ████████████ 12/12" in check.out
    assert not (tmp_path / "state" / "draft.json").exists()


def test_edit_in_a_terminal(write: Callable[..., Path], tmp_path: Path) -> None:
    path = write(
        "sheet.md",
        coop("render", str(EXAMPLE), "--format", "md", "--lang", "fr").out.replace(
            "  pricing:\n    status: settled\n    model: free_contribution\n", "  pricing:\n    status: to_complete\n"
        ),
    )
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "NO_COLOR": "1"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "coopwizard", "edit", str(path), "--lang", "fr"],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )
    child.expect("Sujet 9/12 — Tarification")
    for key in ["\r", "\x1b[B\r", "5 € le repas\r", "\r"]:  # now; single price; details; review: write
        child.send(key)
        time.sleep(0.15)
    child.expect(f"Fiche écrite : {path}")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = path.read_text(encoding="utf-8")
    assert "model: single_price" in text
    assert "**Tarification**\n\ntarif unique" in text
    assert coop("check", str(path)).code == 0
