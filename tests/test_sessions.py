"""Wizard sessions under faults: what was being typed, concurrent sessions, the state folder, old drafts."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from coopwizard.core.errors import UsageError, WizardInterrupted
from coopwizard.guide.model import Checklist
from coopwizard.i18n import say
from coopwizard.wizard.draft import (
    check_state_dir,
    draft_path,
    list_drafts,
    load_draft,
    save_draft,
    session_lock,
    set_aside,
)
from coopwizard.wizard.interactive import _write
from coopwizard.wizard.progress import Typing
from coopwizard.wizard.session import new_draft
from tests import wizard_script as script
from tests.helpers import french
from tests.test_wizard import Session

TOPIC_ONE = len(script.PROJECT) + len(script.PARTNERS) + len(script.CLASSIFICATION)


def test_the_text_being_typed_is_kept_and_offered_back(checklist: Checklist, tmp_path: Path) -> None:
    first = Session(checklist, tmp_path)
    with pytest.raises(WizardInterrupted):
        first.run(["Fête des Lin", "\x03"])
    draft = load_draft(first.draft_file)
    assert draft.progress.typing == Typing("project.title", "Fête des Lin")
    second = Session(checklist, tmp_path, draft)
    with pytest.raises(WizardInterrupted):
        second.run(["anes" + script.ENTER, "\x03"])  # the prompt holds the text typed before: typing goes on
    assert load_draft(first.draft_file).answers["project"]["title"] == "Fête des Linanes"


def test_a_half_entered_list_keeps_its_entries_and_the_one_being_typed(checklist: Checklist, tmp_path: Path) -> None:
    keys = script.keys()
    first = Session(checklist, tmp_path)
    # Topic 1: now, the reason, objective n° 1 given, n° 2 being typed when Ctrl-C comes.
    with pytest.raises(WizardInterrupted):
        first.run([*keys[: TOPIC_ONE + 2], script.typed("Une fête par saison"), "Un repas", "\x03"])
    draft = load_draft(first.draft_file)
    assert draft.answers["topics"]["purpose"]["objectives"] == ["Une fête par saison"]
    assert draft.progress.typing == Typing("topics.purpose.objectives", "Un repas")
    second = Session(checklist, tmp_path, draft)
    sheet, _ = second.run([script.ENTER, " partagé" + script.ENTER, script.typed(""), *keys[TOPIC_ONE + 4 :]])
    assert sheet.topics["purpose"].answers["objectives"] == ["Une fête par saison", "Un repas partagé"]


def test_a_second_session_for_the_same_sheet_is_told_and_changes_nothing(tmp_path: Path) -> None:
    location = tmp_path / "drafts" / "fete.json"
    location.parent.mkdir()
    location.write_text("{}", encoding="utf-8")
    with session_lock(location, "fete.yaml"):
        with pytest.raises(UsageError) as refused, session_lock(location, "fete.yaml"):
            pass
        text = say(refused.value, "fr")
        assert text.startswith("un autre assistant est en cours pour fete.yaml depuis ")
        assert "finissez-le, ou écrivez une autre fiche avec -o" in text
    assert location.read_text(encoding="utf-8") == "{}"  # the first session's draft is untouched
    assert not location.with_suffix(".lock").exists()  # released with the session


def test_a_lock_left_by_a_dead_session_is_taken_over(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    location = tmp_path / "fete.json"
    import socket

    holder = {"pid": int(dead.stdout), "host": socket.gethostname(), "started": "2026-12-01T14:02:00", "output": "f"}
    location.with_suffix(".lock").write_text(json.dumps(holder), encoding="utf-8")
    with session_lock(location, "fete.yaml"):
        assert json.loads(location.with_suffix(".lock").read_text(encoding="utf-8"))["output"] == "fete.yaml"


def test_two_sheets_have_two_drafts(checklist: Checklist, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COOP_STATE_DIR", str(tmp_path / "state"))
    assert draft_path("fete.yaml") != draft_path("forum.yaml")
    assert draft_path("fete.yaml") == draft_path(str(Path("fete.yaml").absolute()))
    for output in ("fete.yaml", "forum.yaml"):
        save_draft(new_draft(checklist, "fr", output, "yaml", script.TODAY))
    assert sorted(d.output for _, d in list_drafts()) == ["fete.yaml", "forum.yaml"]


def test_drafts_kept_aside_in_the_same_second_never_collide(tmp_path: Path) -> None:
    kept = []
    for text in ("un", "deux", "trois"):
        draft = tmp_path / "fete.json"
        draft.write_text(text, encoding="utf-8")
        kept.append(set_aside(draft))
    assert len(set(kept)) == 3
    assert sorted(p.read_text(encoding="utf-8") for p in kept) == ["deux", "trois", "un"]


def test_an_unusable_state_folder_is_said_before_any_question(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("COOP_STATE_DIR", str(blocker))
    with pytest.raises(UsageError) as refused:
        check_state_dir()
    assert refused.value.exit_code == 2
    assert say(refused.value, "en") == (
        f"the drafts folder {blocker / 'drafts'} cannot be used (a part of the path is not a directory); "
        "choose another one with the COOP_STATE_DIR variable, for instance COOP_STATE_DIR=./drafts."
    )


def test_a_draft_of_format_1_is_read_with_its_progress(checklist: Checklist, tmp_path: Path) -> None:
    old = {
        "checklist_id": checklist.id,
        "checklist_version": checklist.version,
        "lang": "fr",
        "output": "fete.yaml",
        "output_format": "yaml",
        "created": "2026-11-20",
        "answers": {"project": {"title": "Fête"}},
        "asked": ["project.title", "partners.0.more", "partners.done", "topics.purpose.start", "topics.values.done"],
        "version": 1,
    }
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    progress = load_draft(path).progress
    assert progress.asked == ["project.title"]
    assert progress.partners_done and progress.more_partners_after == [0]
    assert progress.topics_started == ["purpose"] and progress.topics_done == ["values"]


class Answers:
    """A prompter that answers from a list, for the tool's own questions."""

    def __init__(self, *answers: Any) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def _next(self, text: str) -> Any:
        self.asked.append(text)
        return self.answers.pop(0)

    def text(self, text: str, default: str = "", validate: Any = None, instruction: str | None = None) -> str:
        return str(self._next(text))

    def choice(self, text: str, choices: Sequence[tuple[str, str]], default: str | None = None) -> str:
        return str(self._next(text))

    def multi_choice(self, text: str, choices: Sequence[tuple[str, str]], checked: Sequence[str]) -> list[str]:
        return list(self._next(text))

    def yes_no(self, text: str, default: bool) -> bool:
        return bool(self._next(text))

    def confirm(self, text: str, default: bool) -> bool:
        return bool(self._next(text))


def test_a_file_created_during_the_session_is_not_replaced_without_asking(checklist: Checklist) -> None:
    draft = new_draft(checklist, "fr", "fete.yaml", "yaml", script.TODAY)
    written: list[tuple[str, bool]] = []

    def deliver(sheet: Any, result: Any, d: Any, overwrite: bool) -> None:
        if not overwrite and d.output == "fete.yaml":
            raise UsageError("file.exists", file=d.output)
        written.append((d.output, overwrite))

    prompter = Answers(False, "fete-2.yaml")  # do not replace it; write fete-2.yaml instead
    _write(None, None, draft, False, deliver, prompter, "fr", lambda: Path("x"))
    assert written == [("fete-2.yaml", False)]
    assert prompter.asked[0] == french("fete.yaml a été créé pendant la séance. Le remplacer ?")
