"""`coop review` at a terminal: one partner's health check, asked through the primitive prompts.

The statements, the scale and the ratings are the checklist's data (`review:`);
the answers are gathered in the answers-file shape and go through
`sheet.reviews.review_from_answers`, the validation `coop review --answers` uses,
so a typed review and a review file can never disagree. Ctrl-C stops without
writing anything: a review is recorded whole or not at all.
"""

from __future__ import annotations

from typing import Any

from coopwizard.guide.model import Checklist
from coopwizard.i18n import message
from coopwizard.sheet.model import Sheet
from coopwizard.sheet.reviews import review_items
from coopwizard.wizard.prompter import Prompter
from coopwizard.wizard.screens import Screen

SKIP = "__skip__"


def ask_review(sheet: Sheet, checklist: Checklist, prompter: Prompter, screen: Screen, lang: str) -> dict[str, Any]:
    """One partner's answers, in the shape of a review answers file (docs/compare-merge-review.md)."""
    items = review_items(sheet, checklist)

    def m(key: str, **params: object) -> str:
        return message(lang, key, **params)

    screen.heading(m("review.wizard_title", title=sheet.title))
    screen.line(m("review.wizard_intro"))
    partner = prompter.choice(m("review.wizard_partner"), [(name, name) for name in items.partners], None)
    answers: dict[str, Any] = {"partner": partner}
    by = prompter.text(m("review.wizard_by")).strip()
    if by:
        answers["by"] = by
    scale = [(str(number), f"{number} — {label(lang)}") for number, label in enumerate(items.guide.scale, start=1)]
    scores: dict[str, int] = {}
    current = None
    for number, (concern, statement) in enumerate(items.statements, start=1):
        if concern.id != current:
            screen.heading(concern.label(lang))
            current = concern.id
        prompt = m("review.wizard_statement", number=number, total=len(items.statements), text=statement.text(lang))
        scores[statement.id] = int(prompter.choice(prompt, scale, None))
    answers["scores"] = scores
    ratings = [(r.id, r.label(lang)) for r in items.guide.ratings] + [(SKIP, m("wizard.not_now"))]
    criteria = []
    if items.criteria:
        screen.heading(m("review.wizard_criteria"))
    for criterion in items.criteria:
        rating = prompter.choice(m("review.wizard_criterion", criterion=criterion), ratings, None)
        if rating == SKIP:
            continue
        entry: dict[str, Any] = {"criterion": criterion, "rating": rating}
        comment = prompter.text(m("review.wizard_criterion_comment")).strip()
        if comment:
            entry["comment"] = comment
        criteria.append(entry)
    if criteria:
        answers["criteria"] = criteria
    comment = prompter.text(m("review.wizard_comment")).strip()
    if comment:
        answers["comment"] = comment
    return answers
