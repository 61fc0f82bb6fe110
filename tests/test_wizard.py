"""The wizard through the real questionary prompts, fed by prompt_toolkit's pipe input."""

from __future__ import annotations

import io
import json
import signal
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from coopwizard.audit.findings import Audit
from coopwizard.core.errors import WizardInterrupted
from coopwizard.guide.model import Checklist
from coopwizard.io.textio import SourceText
from coopwizard.render.formats import render_sheet
from coopwizard.sheet.model import Sheet
from coopwizard.wizard.draft import Draft, load_draft, save_draft
from coopwizard.wizard.flow import Wizard
from coopwizard.wizard.prompts import QuestionaryPrompter
from coopwizard.wizard.screens import Screen
from coopwizard.wizard.session import new_draft, reconcile, sheet_from_answers_file
from tests import wizard_script as script
from tests.helpers import coop, french


class KeysRanOut(Exception):
    """The wizard waited for more keys than the test typed: its script and the flow disagree."""


@contextmanager
def piped(keys: Sequence[str], seconds: int = 30) -> Iterator[None]:
    def give_up(*_: object) -> None:
        raise KeysRanOut

    alarm = hasattr(signal, "SIGALRM")
    if alarm:
        signal.signal(signal.SIGALRM, give_up)
        signal.alarm(seconds)
    try:
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
            pipe.send_text("".join(keys))
            yield
    finally:
        if alarm:
            signal.alarm(0)


class Session:
    """A wizard wired to real prompts, a captured screen and a draft file."""

    def __init__(self, checklist: Checklist, tmp_path: Path, draft: Draft | None = None) -> None:
        self.checklist = checklist
        self.draft_file = tmp_path / "draft.json"
        self.draft = draft or new_draft(checklist, "fr", str(tmp_path / "sheet.yaml"), "yaml", script.TODAY)
        self.screen_text = io.StringIO()
        console = Console(file=self.screen_text, width=100, no_color=True)
        self.wizard = Wizard(
            checklist,
            self.draft,
            QuestionaryPrompter("fr"),
            Screen(console, checklist, "fr"),
            lambda d: save_draft(d, self.draft_file),
        )

    def run(self, keys: Sequence[str]) -> tuple[Sheet, Audit]:
        with piped(keys):
            return self.wizard.run()

    @property
    def shown(self) -> str:
        return self.screen_text.getvalue()


def test_a_whole_session_in_french(checklist: Checklist, tmp_path: Path) -> None:
    session = Session(checklist, tmp_path)
    sheet, result = session.run(script.keys())
    assert sheet.title == "Fête des Linandes"
    assert sheet.partner_names() == ["Potagers", "Club Ados"]
    assert "theme" not in sheet.project  # not asked: the cooperation is territorial only
    assert sheet.level is None  # no declared level asked: none is made up from the computed one
    assert result.supported.level is not None and result.supported.level.id == "cooperation"
    assert result.coverage.settled == tuple(t.id for t in checklist.topics)
    assert [f for f in result.findings if f.kind == "pitfall"] == []
    shown = session.shown
    assert "Sujet 4/12 — Gouvernance" in shown
    assert "Sujet 12/12 — Perspectives" in shown
    assert french("●●● Coopération — « faire œuvre commune »") in shown
    assert "Relecture" in shown


def test_interactive_and_answers_file_write_byte_identical_sheets(checklist: Checklist, tmp_path: Path) -> None:
    sheet, result = Session(checklist, tmp_path).run(script.keys())
    source = SourceText("answers.json", json.dumps(script.ANSWERS, ensure_ascii=False))
    scripted, scripted_result = sheet_from_answers_file(source, checklist, "fr", script.TODAY, allow_incomplete=False)
    for output_format in ("yaml", "md"):
        typed = render_sheet(sheet, checklist, result, output_format, "fr")
        from_file = render_sheet(scripted, checklist, scripted_result, output_format, "fr")
        assert typed.encode() == from_file.encode()


def test_ctrl_c_keeps_every_answer_and_resume_starts_at_the_first_unanswered(
    checklist: Checklist, tmp_path: Path
) -> None:
    keys = script.keys()
    cut = len(script.PROJECT) + len(script.PARTNERS) + len(script.CLASSIFICATION) + 2  # at topic 1's objectives
    first = Session(checklist, tmp_path)
    with pytest.raises(WizardInterrupted) as stopped:
        first.run([*keys[:cut], "\x03"])
    assert stopped.value.params["file"] == str(first.draft_file)
    draft = load_draft(first.draft_file)
    assert draft.answers["topics"]["purpose"]["reason"] == "Créer du lien entre voisins"
    assert draft.answers["partners"][1]["name"] == "Club Ados"
    # Resumed, the wizard asks only what was not answered: the rest of topic 1 onwards.
    second = Session(checklist, tmp_path, draft)
    sheet, _ = second.run(keys[cut:])
    assert sheet.topics["purpose"].answers["objectives"] == ["Une fête par saison"]
    assert "Titre du projet" not in second.shown and "Sujet 2/12" in second.shown


def test_ctrl_d_stops_as_cleanly(checklist: Checklist, tmp_path: Path) -> None:
    session = Session(checklist, tmp_path)
    with pytest.raises(WizardInterrupted):
        session.run([script.typed("Titre"), "\x04"])
    assert load_draft(session.draft_file).answers["project"]["title"] == "Titre"


def test_a_topic_left_to_complete(checklist: Checklist, tmp_path: Path) -> None:
    keys = list(script.keys())
    start = (
        len(script.PROJECT) + len(script.PARTNERS) + len(script.CLASSIFICATION) + sum(len(t) for t in script.TOPICS[:8])
    )
    pricing = script.TOPICS[8]
    keys[start : start + len(pricing)] = [script.DOWN + script.ENTER]  # "Le laisser « à compléter »"
    sheet, result = Session(checklist, tmp_path).run(keys)
    assert sheet.topics["pricing"].status == "to_complete"
    assert result.coverage.to_complete == ("pricing",)


def test_a_pitfall_is_shown_as_soon_as_answers_fall_into_it(checklist: Checklist, tmp_path: Path) -> None:
    keys = list(script.keys())
    start = (
        len(script.PROJECT) + len(script.PARTNERS) + len(script.CLASSIFICATION) + sum(len(t) for t in script.TOPICS[:2])
    )
    # Who does what: one association pays another (yes), then, warned, go on all the same.
    keys[start + 3] = script.YES
    keys.insert(start + 4, script.DOWN + script.ENTER)
    session = Session(checklist, tmp_path)
    _, result = session.run(keys)
    assert french("Attention : un écueil du guide") in session.shown
    assert "une association en paie une autre pour sa part du travail" in session.shown
    assert [f.rule for f in result.findings if f.kind == "pitfall"] == ["provider_relationship"]


def test_invalid_typed_answers_are_refused_with_what_is_expected(
    checklist: Checklist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import questionary

    validators: list[Any] = []  # what each text prompt checks a typed answer with (prompt_toolkit shows its text)
    original = questionary.text

    def spy(*args: Any, **kwargs: Any) -> Any:
        validators.append(kwargs["validate"])
        return original(*args, **kwargs)

    monkeypatch.setattr(questionary, "text", spy)
    keys = list(script.keys())
    money = len(script.PROJECT) + 5
    keys[money] = "beaucoup" + script.ENTER + "\x7f" * 8 + script.typed("800")
    sheet, _ = Session(checklist, tmp_path).run(keys)
    assert sheet.partners[0]["brings_money"] == 800
    said = [v("beaucoup") for v in validators]
    refusal = french("« beaucoup » n'est pas un montant : tapez par exemple 1 200,50")
    assert refusal in said  # the amount prompt refuses it, saying what is expected
    amount_check = validators[said.index(refusal)]
    assert amount_check("800") is True and amount_check("1 200,50 €") is True


def test_a_draft_from_another_checklist_keeps_what_matches(checklist: Checklist, tmp_path: Path) -> None:
    draft = new_draft(checklist, "fr", "x.yaml", "yaml", script.TODAY)
    draft.answers = {
        "project": {"title": "Vieux brouillon"},
        "topics": {
            "purpose": {"reason": "Garder", "vieux": "x"},
            "pricing": {"model": "cher"},
            "ancien_sujet": {"a": 1},
        },
    }
    draft.progress.asked = ["project.title", "topics.purpose.reason", "topics.pricing.model"]
    draft.progress.topics_done = ["purpose", "pricing"]
    draft.checklist_version = 0
    dropped = reconcile(draft, checklist)
    assert sorted(dropped) == ["topics.ancien_sujet", "topics.pricing.model", "topics.purpose.vieux"]
    assert draft.answers["topics"]["purpose"] == {"reason": "Garder"}
    assert draft.progress.asked == ["project.title", "topics.purpose.reason"]
    # The wizard comes back to the topics whose answers were dropped, to ask them again.
    assert "pricing" not in draft.progress.topics_done and "purpose" not in draft.progress.topics_done
    assert draft.checklist_version == checklist.version


def test_no_terminal_means_no_prompt() -> None:
    run = coop("new", stdin="")
    assert run.code == 2
    assert run.err == (
        "Error: no terminal to ask questions on; without a terminal, give the answers in a file: "
        "coop new --answers answers.yaml -o sheet.yaml (see docs/answers-format.md).\n"
    )
    assert "\x1b" not in run.err and run.out == ""


def test_an_empty_name_for_a_third_association_means_no_more(checklist: Checklist, tmp_path: Path) -> None:
    keys = list(script.keys())
    more = len(script.PROJECT) + len(script.PARTNERS) - 1  # "add another?" after the second association
    keys[more : more + 1] = [script.YES, script.typed("")]
    session = Session(checklist, tmp_path)
    sheet, _ = session.run(keys)
    assert sheet.partner_names() == ["Potagers", "Club Ados"]
    assert french("Association n° 3 (un nom vide : pas d'autre association)") in session.shown


def test_a_renamed_partner_keeps_its_answers(checklist: Checklist, tmp_path: Path) -> None:
    session = Session(checklist, tmp_path)
    session.run(script.keys())
    # Back at the review: change the partners, rename the second one, keep every other answer.
    keep = script.ENTER
    first = [keep] * 8  # name, representative, contact, material (1 + end), money, people (1 + end)
    second = [script.typed("\x7f" * len("Club Ados") + "Club Jeunes")] + [keep] * 7
    review = [script.DOWN * 2 + script.ENTER, *first, *second, keep, keep]  # ... no other association; write
    again = Session(checklist, tmp_path, session.draft)
    sheet, _ = again.run(review)
    assert sheet.partner_names() == ["Potagers", "Club Jeunes"]
    assert sheet.topics["responsibilities"].answers["missions"] == {
        "Potagers": "Le jardin",
        "Club Jeunes": "Les affiches",
    }


def test_the_theme_is_asked_only_of_a_thematic_cooperation(checklist: Checklist, tmp_path: Path) -> None:
    keys = [
        script.typed("Fête"),
        script.typed(""),
        script.typed("Cergy"),
        script.SPACE + script.DOWN + script.SPACE + script.ENTER,  # territorial and thematic
        script.typed("Alimentation durable"),
        "\x03",
    ]
    session = Session(checklist, tmp_path)
    with pytest.raises(WizardInterrupted):
        session.run(keys)
    assert load_draft(session.draft_file).answers["project"]["theme"] == "Alimentation durable"


def test_the_name_partners_give_is_kept_and_compared(checklist: Checklist, tmp_path: Path) -> None:
    """Called « Coopération » by partners whose answers show a collaboration: kept as said, and explained."""
    keys = [*script.PROJECT, *script.PARTNERS]
    keys += [script.YES, script.YES, script.DEFAULT, script.DEFAULT, script.DEFAULT]  # no common organisation
    keys += [script.UP + script.ENTER, script.DOWN + script.ENTER, "\x03"]  # « Coopération » (above "no name"); go on
    session = Session(checklist, tmp_path)
    with pytest.raises(WizardInterrupted):
        session.run(keys)
    assert load_draft(session.draft_file).answers["classification"]["level"] == "cooperation"
    shown = " ".join(session.shown.split())
    assert "●●○ Collaboration" in shown  # the level the sheet supports, not the name given
    assert "Attention : des réponses qui ne vont pas ensemble" in shown
    assert "vous l'appelez « Coopération »" in shown


def test_a_contradiction_is_shown_at_the_end_of_the_topic_that_shows_it(checklist: Checklist, tmp_path: Path) -> None:
    """ "Beyond one event: yes", then an outlook that says one-off: said when the outlook is answered."""
    keys = [k for topic in script.TOPICS[:-1] for k in topic]
    head = [*script.PROJECT, *script.PARTNERS, *script.CLASSIFICATION, *keys]
    outlook = [script.NOW, script.DEFAULT, script.typed("")]  # « une action ponctuelle », no next action
    session = Session(checklist, tmp_path)
    _, result = session.run([*head, *outlook, script.DOWN + script.ENTER, *script.REVIEW])  # go on; write
    shown = session.shown
    topic_12 = shown.index("Sujet 12/12 — Perspectives")
    assert shown.index(french("Attention : des réponses qui ne vont pas ensemble"), topic_12) > topic_12
    assert "one_event_only" in [f.rule for f in result.findings]


def test_a_review_asked_through_the_real_prompts_gives_what_a_review_file_gives(checklist: Checklist) -> None:
    from coopwizard.audit.service import load_sheet
    from coopwizard.io.textio import read_source
    from coopwizard.sheet.reviews import review_from_answers
    from coopwizard.wizard.review import ask_review
    from tests.conftest import EXAMPLE

    sheet = load_sheet(read_source(str(EXAMPLE)), checklist).sheet
    statements = sum(len(c.statements) for c in checklist.review.concerns) if checklist.review else 0
    keys = [script.DOWN + script.ENTER, script.typed("Karim")]  # the second partner; by Karim
    keys += [script.DOWN * 3 + script.ENTER] * statements  # 4: « d'accord », everywhere
    keys += [script.ENTER, script.typed("150 repas servis"), script.DOWN + script.ENTER, script.typed("")]
    keys += [script.DOWN * 3 + script.ENTER, script.typed("On en reparle en juin")]  # the 3rd criterion: skipped
    screen_text = io.StringIO()
    with piped(keys):
        answers = ask_review(
            sheet, checklist, QuestionaryPrompter("fr"), Screen(Console(file=screen_text), checklist, "fr"), "fr"
        )
    assert answers["partner"] == "Club Ados Linandes" and answers["by"] == "Karim"
    assert set(answers["scores"].values()) == {4} and len(answers["scores"]) == statements
    assert answers["criteria"] == [
        {"criterion": "Fréquentation des fêtes", "rating": "met", "comment": "150 repas servis"},
        {"criterion": "Qualité des échanges", "rating": "partly"},
    ]
    recorded = review_from_answers(answers, sheet, checklist, script.TODAY, "fr", "<terminal>")
    assert recorded.partner == "Club Ados Linandes" and recorded.comment == "On en reparle en juin"
    assert "Bilan du partenariat — Jardins et fêtes des Linandes" in screen_text.getvalue()


@pytest.mark.parametrize("columns", [60, 80, 100, 120])
def test_a_menu_hint_is_never_cut_mid_word_by_the_terminal(monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    import os

    from coopwizard.i18n import message
    from coopwizard.wizard.prompts import _fit, _hint_after

    monkeypatch.setattr("shutil.get_terminal_size", lambda fallback=(0, 0): os.terminal_size((columns, 30)))
    question = "À quelle échelle coopérez-vous (territoriale, thématique, ou les deux) ?"
    for lang in ("fr", "en"):
        for hint in (message(lang, "wizard.checkbox_hint"), message(lang, "wizard.select_hint")):
            for text in (question, question[:20], "Titre " * 30):
                fitted = _fit(text)
                # what questionary draws while asking: "?", " ", the question, " ", the hint
                drawn = f"? {fitted} {_hint_after(fitted, hint)}"
                assert all(len(line) <= columns for line in drawn.splitlines()), drawn
                assert any(line.strip() == hint or line.endswith(hint) for line in drawn.splitlines())
                assert "\n" not in fitted.rsplit("\n", 1)[-1]  # the answered line is « ? question answer »
    assert _hint_after(question[:20], "(Entrée)") == "(Entrée)"  # a short question keeps its hint beside it
    assert _hint_after("x" * 200, "(Entrée)") == "\n  (Entrée)"


def test_the_recap_shows_each_topic_as_the_audit_finds_it(checklist: Checklist) -> None:
    from coopwizard.audit.engine import audit
    from coopwizard.sheet.parse import parse_sheet
    from tests.sheets import example

    data = example()
    del data["topics"]["purpose"]["objectives"]  # required, gone; the box still says settled
    data["topics"]["values"]["other"] = "à définir"  # a placeholder, where the charter was
    assert data["topics"]["purpose"]["status"] == data["topics"]["values"]["status"] == "settled"
    sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
    result = audit(sheet, checklist, issues, script.TODAY)
    screen = Screen(Console(file=io.StringIO(), width=100, no_color=True), checklist, "fr")
    lines = screen.review_lines(sheet, result.coverage)
    assert "1. Raison et objectifs — à compléter" in lines
    assert "2. Valeurs partagées — à compléter" in lines
    assert "3. Qui fait quoi — réglé" in lines
