"""What people type: dates day first, amounts the French and the English way, choices by label or number.

Through `check_answer`, the one function behind prompts, answers files and sheets.
"""

from __future__ import annotations

import datetime as dt

import pytest

from coopwizard.guide.model import Checklist
from coopwizard.guide.types import check_answer
from coopwizard.i18n import say
from tests.helpers import coop, french


def _question(checklist: Checklist, path: str):  # type: ignore[no-untyped-def]
    question = checklist.question_at(path)
    assert question is not None
    return question


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-10", dt.date(2026, 12, 10)),
        ("10/12/2026", dt.date(2026, 12, 10)),
        ("1/2/2027", dt.date(2027, 2, 1)),
        ("10.12.2026", dt.date(2026, 12, 10)),
        ("10-12-2026", dt.date(2026, 12, 10)),
        (" 10/12/2026 ", dt.date(2026, 12, 10)),
    ],
)
def test_dates_as_people_write_them(checklist: Checklist, typed: str, expected: dt.date) -> None:
    field = _question(checklist, "timeline.milestones").fields[0]
    assert check_answer(field, typed) == (expected, [])


@pytest.mark.parametrize("typed", ["31/02/2026", "12/10", "10/12/26", "demain", "2026-13-01"])
def test_what_is_not_a_date_is_refused_in_words(checklist: Checklist, typed: str) -> None:
    field = _question(checklist, "timeline.milestones").fields[0]
    value, problems = check_answer(field, typed)
    assert value is None
    assert say(problems[0].message, "fr") == french(
        f"« {typed} » n'est pas une date : tapez par exemple 10/12/2026 (JJ/MM/AAAA)"
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1200", 1200),
        ("1 200,50 €", 1200.5),
        ("1\u202f200,50\u00a0€", 1200.5),
        ("1,200.50", 1200.5),
        ("1.200,50", 1200.5),
        ("1,200", 1200),
        ("12,345,678", 12345678),
        ("350,5", 350.5),
        ("350.50", 350.5),
        ("1.200.000", 1200000),
        ("400 euros", 400),
    ],
)
def test_amounts_the_french_and_the_english_way(checklist: Checklist, typed: str, expected: float) -> None:
    assert check_answer(_question(checklist, "partner.brings_money"), typed) == (expected, [])


@pytest.mark.parametrize("typed", ["beaucoup", "-5", "1,2,3", "12,34,56"])
def test_what_is_not_an_amount_is_refused(checklist: Checklist, typed: str) -> None:
    value, problems = check_answer(_question(checklist, "partner.brings_money"), typed)
    assert value is None and problems[0].key == "answer.bad_amount"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("free", "free"),
        ("gratuité", "free"),
        ("Gratuite", "free"),
        ("GRATUITÉ", "free"),
        ("tarif unique", "single_price"),
        ("single price", "single_price"),
        ("2", "single_price"),
        (3, "sliding_scale"),
        ("participation libre", "free_contribution"),
    ],
)
def test_choices_by_id_label_or_number(checklist: Checklist, typed: str | int, expected: str) -> None:
    assert check_answer(_question(checklist, "pricing.model"), typed) == (expected, [])


def test_a_misspelt_label_gets_the_choice_it_meant(checklist: Checklist) -> None:
    value, problems = check_answer(_question(checklist, "pricing.model"), "gratuitée")
    assert value is None
    assert say(problems[0].message, "fr") == french(
        "« gratuitée » n'est pas un choix possible (free, single_price, sliding_scale, free_contribution, other)"
        " (vouliez-vous dire « free » ?)"
    )


def test_a_french_answers_file_in_french_words(write) -> None:  # type: ignore[no-untyped-def]
    answers = write(
        "reponses.yaml",
        "project:\n  title: Fête\n  scope: [territorial]\npartners:\n  - name: A\n    brings_money: 1 200,50 €\n"
        "topics:\n  pricing: {model: gratuité}\n  timeline: {milestones: [{date: 10/12/2026, label: Fête}]}\n",
    )
    run = coop("new", "--answers", str(answers), "--allow-incomplete", "-o", "-")
    assert run.code == 0, run.err
    assert "model: free" in run.out
    assert "brings_money: 1200.5" in run.out
    assert "date: 2026-12-10" in run.out
