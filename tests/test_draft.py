"""The wizard's draft in the state folder, without a terminal: made where none exists yet, read back whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coopwizard.core.errors import UsageError
from coopwizard.guide.model import Checklist
from coopwizard.wizard.draft import draft_path, load_draft, save_draft
from coopwizard.wizard.session import new_draft


def test_the_first_draft_creates_the_state_folder(checklist: Checklist, tmp_path: Path) -> None:
    state = tmp_path / "state"  # XDG_STATE_HOME, as the fixtures set it: not created yet
    assert not state.exists()
    draft = new_draft(checklist, "fr", "fiche.yaml", "yaml", dt.date(2026, 10, 1))
    draft.answers = {"project": {"title": "Fête & jardin"}}
    written = save_draft(draft)
    assert written == draft_path("fiche.yaml") and written.is_relative_to(state)  # one draft per sheet
    assert written.is_file()
    assert load_draft(written) == draft


def test_a_nested_state_folder_from_the_environment(
    checklist: Checklist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "a" / "b" / "c"
    monkeypatch.setenv("COOP_STATE_DIR", str(folder))
    draft = new_draft(checklist, "en", "-", "md", dt.date(2026, 10, 1))
    assert save_draft(draft) == folder / "drafts" / "stdout.json"  # the draft of a sheet written to stdout
    assert load_draft(folder / "drafts" / "stdout.json") == draft


def test_no_draft_is_a_usage_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        load_draft(tmp_path / "none.json")
    assert raised.value.key == "wizard.no_draft" and raised.value.params["file"] == str(tmp_path / "none.json")
