"""End to end in a real pseudo-terminal: a French session, Ctrl-C halfway, resume, finish, check."""

from __future__ import annotations

import io
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
    child.expect("python -m coopwizard new --resume")  # the hint names the command as it was run
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")
    assert not (tmp_path / "fete.yaml").exists()

    child = _spawn(["new", "--resume", "--lang", "fr"], tmp_path)
    child.expect("Reprise du brouillon")
    child.expect("Sujet 6/12")
    _type(child, keys[cut : -len(script.REVIEW)])
    # The review lists every answer, page by page on a 40-row terminal, its title on each page.
    pages = 0
    while child.expect(["Entrée pour la suite", "Tout est juste"]) == 0:
        pages += 1
        child.send("\r")
    assert pages >= 1
    _type(child, script.REVIEW)
    child.expect("Fiche écrite\u00a0: fete.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    sheet = tmp_path / "fete.yaml"
    check = coop("check", str(sheet), "--lang", "fr")
    assert check.code == 0, check.out
    assert "Sujets réglés\u00a0: ████████████ 12/12" in check.out
    assert not (tmp_path / "state" / "draft.json").exists()


def test_a_resumed_session_is_stopped_in_its_own_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COOP_LANG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # the command's own language would be English
    child = _spawn(["new", "--lang", "fr", "-o", "fete.yaml"], tmp_path)
    child.expect("Titre du projet")
    _type(child, [script.PROJECT[0]])
    child.expect("Le projet en une ou deux phrases")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child = _spawn(["new", "--resume"], tmp_path)  # no --lang: the draft's French
    child.expect("Le projet en une ou deux phrases")
    time.sleep(0.3)
    child.sendcontrol("c")
    child.expect(r"Interrompu\s+:\s+vos\s+réponses\s+sont\s+gardées")  # the line may wrap
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def test_kill_int_during_a_menu_stops_the_session_like_ctrl_c(tmp_path: Path) -> None:
    import signal

    child = _spawn(["new", "--lang", "fr", "-o", "fete.yaml"], tmp_path)
    child.expect("Titre du projet")
    _type(child, script.keys()[: len(script.PROJECT) + len(script.PARTNERS)])
    child.expect("prochaine réunion|flèches")  # a menu, drawn and waiting for keys
    time.sleep(0.3)
    child.kill(signal.SIGINT)
    child.expect("python -m coopwizard new --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


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
    child.expect(f"Fiche écrite\u00a0: {path}")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = path.read_text(encoding="utf-8")
    assert "model: single_price" in text
    assert "**Tarification**\n\ntarif unique" in text
    assert coop("check", str(path)).code == 0


GLYPHS = "●○█░│─╭╮╰╯•→↑↓"  # the scale, bars, boxes, bullets, arrows (« » are French quotes, kept)


def test_a_plain_session_completes_with_numbers_and_letters_only(tmp_path: Path) -> None:
    """TERM=dumb NO_COLOR=1: numbered choices, o/n, progress in words; no escape code, no box or glyph."""
    env = {**os.environ, "COOP_STATE_DIR": str(tmp_path / "state"), "TERM": "dumb", "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "coopwizard", "new", "--lang", "fr", "-o", "fete.yaml"],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(30, 80),
    )
    child.logfile_read = io.StringIO()
    lines = ["Fête du quai", "", "Cergy", "1", ""]  # title, summary, territory, scope "1" (territorial), theme
    lines += ["Potagers", "Awa", "", "", "", "", "o"]  # first association, then "another one?": o
    lines += ["Club Ados", "Karim", "", "", "", "", "n"]
    lines += ["o", "o", "n", "n", "", ""]  # classification: two yes, two no; Enter: no rapprochement, no name
    for line in lines:
        child.sendline(line)
    child.expect("Sujet 1 sur 12\u00a0: Raison et objectifs")
    for _ in range(12):
        child.sendline("2")  # leave it "to complete"
    child.expect("Tapez un numéro")
    child.sendline("1")  # write the sheet
    child.expect("Fiche écrite\u00a0: fete.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (tmp_path / "fete.yaml").is_file()
    shown = child.logfile_read.getvalue() if child.logfile_read else ""
    assert "\x1b" not in shown and not any(glyph in shown for glyph in GLYPHS)
    assert "Sujet 12 sur 12\u00a0: Perspectives" in shown and "Tapez un numéro (Entrée\u00a0: 1)" in shown
    check = coop("check", str(tmp_path / "fete.yaml"), "--lang", "fr")
    assert "Collaboration" in check.out


def _edit_session(path: Path) -> pexpect.spawn:
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "NO_COLOR": "1"}
    return pexpect.spawn(
        sys.executable,
        ["-m", "coopwizard", "edit", str(path), "--lang", "fr"],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )


def _pricing_to_complete(write: Callable[..., Path]) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "  pricing:\n    status: settled\n    model: free_contribution\n", "  pricing:\n    status: to_complete\n"
    )
    return write(
        "sheet.yaml",
        text.replace("    details: Les fêtes sont gratuites ; une boîte à participation libre pour les repas\n", "", 1),
    )


def test_edit_never_writes_over_a_sheet_changed_meanwhile(write: Callable[..., Path]) -> None:
    path = _pricing_to_complete(write)
    child = _edit_session(path)
    child.expect("Sujet 9/12 — Tarification")
    colleague = path.read_text(encoding="utf-8") + "# relu par le trésorier\n"
    path.write_text(colleague, encoding="utf-8")  # saved by someone else during the session
    for key in ["\r", "\x1b[B\r", "5 € le repas\r"]:  # now; single price; details
        child.send(key)
        time.sleep(0.15)
    child.expect(r"modifié\s+par\s+quelqu'un")
    child.send("\r")  # write beside it
    child.expect("vos réponses sont dans")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert path.read_text(encoding="utf-8") == colleague
    beside = [p for p in path.parent.iterdir() if p.name.startswith("sheet.edit-")]
    assert len(beside) == 1 and "model: single_price" in beside[0].read_text(encoding="utf-8")


def test_edit_keeps_the_answers_given_when_the_terminal_closes(write: Callable[..., Path]) -> None:
    import signal

    path = _pricing_to_complete(write)
    child = _edit_session(path)
    child.expect("Sujet 9/12 — Tarification")
    for key in ["\r", "\x1b[B\r"]:  # now; single price
        child.send(key)
        time.sleep(0.15)
    child.expect("Précisions")
    child.kill(signal.SIGHUP)
    child.expect(pexpect.EOF)
    child.close()
    text = path.read_text(encoding="utf-8")
    assert "model: single_price" in text  # the answer given is written back
    assert "  pricing:\n    status: to_complete\n" in text  # the topic left halfway stays to complete


def test_a_review_in_plain_mode_is_recorded_in_the_sheet(write: Callable[..., Path], tmp_path: Path) -> None:
    """`coop review` at a terminal, plain mode: numbers typed; the sheet gains the review, nothing else changes."""
    sheet = write("fiche.yaml", EXAMPLE.read_text(encoding="utf-8"))
    before = sheet.read_text(encoding="utf-8")
    env = {**os.environ, "TERM": "dumb", "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "coopwizard", "review", str(sheet), "--lang", "fr"],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=20,
    )
    child.logfile_read = io.StringIO()
    child.expect("Pour quelle association répondez-vous")
    lines = ["3", "Lucia"]  # Cuisine du Monde Cergy; by Lucia
    lines += ["5"] * 15  # every statement: « tout à fait d'accord »
    lines += ["1", "", "2", "", "3", "Trop peu de jeunes", ""]  # met; partly; not met, with a comment; no more
    for line in lines:
        child.sendline(line)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.logfile_read.getvalue()[-500:]
    after = sheet.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))  # everything else as it was
    assert "partner: Cuisine du Monde Cergy" in after and "comment: Trop peu de jeunes" in after
    assert "\x1b" not in child.logfile_read.getvalue()


FIRST_QUESTION_PROBE = """
import json, os, sys
import questionary

def asked(*args, **kwargs):  # the first question is about to be drawn: what has been imported so far?
    heavy = ("rich", "yaml", "jinja2", "docx", "coopwizard.audit.engine", "coopwizard.render.report")
    print("IMPORTED " + json.dumps(sorted(m for m in heavy if m in sys.modules)), flush=True)
    os._exit(0)

questionary.Question.unsafe_ask = questionary.Question.ask = asked
sys.argv = ["coop", *sys.argv[1:]]
from coopwizard.cli import main
main()
"""


@pytest.mark.parametrize("colour", [{}, {"NO_COLOR": "1"}, {"FORCE_COLOR": "1"}])
def test_coop_new_draws_its_first_screen_without_rich_or_pyyaml(tmp_path: Path, colour: dict[str, str]) -> None:
    """Issue 13: before its first question, `coop new` imports what that question needs, and no more."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(PROMPT_TOOLKIT_NO_CPR="1", COOP_STATE_DIR=str(tmp_path / "state"), TERM="xterm", **colour)
    env["COOP_CACHE_DIR"] = str(tmp_path / "cache")
    import subprocess

    # An earlier run fills the checklist cache (in its own process: this one's checklist is already loaded).
    subprocess.run([sys.executable, "-m", "coopwizard", "topics"], env=env, capture_output=True, check=True)
    child = pexpect.spawn(
        sys.executable,
        ["-c", FIRST_QUESTION_PROBE, "new", "--lang", "en", "-o", "sheet.yaml"],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )
    child.expect("IMPORTED (.*)\r\n")
    shown = child.before
    assert child.match.group(1) == "[]"
    import re

    text = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", shown)
    assert "coopwizard — a new project sheet ─" in text
    assert "Together we will prepare the sheet of your inter-association project" in text
    assert "The project ─" in text
    assert "\x1b[1mThe project\x1b[0m" in shown  # bold, as Rich draws it, even under NO_COLOR
    assert ("\x1b[92m─" in shown) == ("NO_COLOR" not in colour)  # the rule's colour
