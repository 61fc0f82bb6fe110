"""`coop edit`: only the topics to complete are asked; the rest of the file stays byte for byte."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from coopwizard.guide.model import Checklist
from coopwizard.wizard.edit import plan_edit, write_back
from tests.conftest import EXAMPLE
from tests.helpers import coop, french

# Without its document start: ruamel's round trip drops a "---" line (tests/test_yamllint.py has it as xfail).
COMMENTED = (
    EXAMPLE.read_text(encoding="utf-8")
    .removeprefix("---\n")
    .replace(
        "  pricing:\n    status: settled\n    model: free_contribution\n"
        "    details: >-\n      Les fêtes sont gratuites ; une boîte à participation libre pour les repas\n",
        "  pricing:  # à revoir avec le trésorier\n    status: to_complete\n",
    )
)


def test_nothing_to_complete_is_said_and_exits_0() -> None:
    run = coop("edit", str(EXAMPLE), "--lang", "en")
    assert run.code == 0
    assert run.err == (
        f"Nothing to complete in {EXAMPLE}: every topic is settled. To revise one: coop edit {EXAMPLE} --topic ID\n"
    )


def test_a_french_sheet_is_spoken_of_in_french() -> None:
    """No --lang, no COOP_LANG, an English (C) locale: the sheet says `language: fr`, so French it is."""
    run = coop("edit", str(EXAMPLE))
    assert run.code == 0
    assert run.err == french(
        f"Rien à compléter dans {EXAMPLE} : tous les sujets sont réglés. "
        f"Pour en revoir un : coop edit {EXAMPLE} --topic ID\n"
    )


def test_an_unknown_topic_is_a_usage_error() -> None:
    run = coop("edit", str(EXAMPLE), "--topic", "prices")
    assert run.code == 2
    assert run.err.startswith('Error: unknown topic "prices"; possible topics: purpose, values,')


def test_no_terminal_no_questions(write: Callable[..., Path]) -> None:
    path = write("sheet.yaml", COMMENTED)
    run = coop("edit", str(path))
    assert run.code == 2
    assert "without a terminal, change the sheet in an editor" in run.err
    assert path.read_text(encoding="utf-8") == COMMENTED


def test_the_plan_asks_the_topics_to_complete(write: Callable[..., Path], checklist: Checklist) -> None:
    plan = plan_edit(str(write("sheet.yaml", COMMENTED)), checklist, [], dt.date(2026, 10, 1))
    assert plan.topic_ids == ["pricing"]


def test_write_back_keeps_comments_and_every_other_answer(write: Callable[..., Path], checklist: Checklist) -> None:
    path = write("sheet.yaml", COMMENTED)
    plan = plan_edit(str(path), checklist, [], dt.date(2026, 10, 1))
    sheet = plan.loaded.sheet
    sheet.topics["pricing"].answers = {"model": "single_price", "details": "5 € le repas\nGratuit pour les enfants"}
    sheet.topics["pricing"].status = None
    text = write_back(COMMENTED, False, sheet, checklist, ["pricing"], "", str(path))
    before, after = COMMENTED.split("  pricing:"), text.split("  pricing:")
    assert after[0] == before[0], "everything above the topic is unchanged, comments included"
    assert after[1].split("  surplus:")[1] == before[1].split("  surplus:")[1], "and everything below"
    assert "# à revoir avec le trésorier" in text
    assert "model: single_price" in text and "details: |" in text
    path.write_text(text, encoding="utf-8")
    assert coop("check", str(path)).code == 0


def test_a_sheet_whose_topics_are_a_list_is_refused_in_one_line(write: Callable[..., Path]) -> None:
    """Once a KeyError traceback: the message key was in neither catalog."""
    path = write("sheet.yaml", "format: 1\nproject:\n  title: Fête\ntopics: [a, b]\n")
    run = coop("edit", str(path))
    assert run.code == 2
    assert run.err == (
        f'Error: {path}: "topics" must be a mapping of topic ids to answers; it cannot be completed as it is.\n'
    )
    in_french = coop("edit", str(path), "--lang", "fr")
    assert in_french.err == french(
        f"Erreur : {path} : « topics » doit associer chaque sujet à ses réponses ; "
        "la fiche ne peut pas être complétée telle quelle.\n"
    )
