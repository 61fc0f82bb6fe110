"""Which of the guide's three levels the classification answers claim, and what would reach the next one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coopwizard.core.records import slim_dataclass
from coopwizard.guide.model import Checklist, Level, Question


@slim_dataclass
class Classification:
    """The level of sharing a partnership reaches, by the guide's three-step scale, and what the next one needs."""

    level: Level | None  # the highest level reached; None: no sharing yet
    modes: tuple[Level, ...]  # every level whose conditions hold (pooling and collaboration can both)
    next_level: Level | None
    missing: tuple[Question, ...]  # the questions a "yes" to which would reach next_level
    answered: bool  # whether any classification question was answered


def steps_to_next(classification: Classification, lang: str) -> list[str]:
    """What would take the partnership to the next level, in the guide's words."""
    return [(q.to_reach or q.text)(lang) for q in classification.missing]


def classify(answers: Mapping[str, Any], checklist: Checklist) -> Classification:
    def holds(level: Level) -> bool:
        return all(answers.get(question_id) is True for question_id in level.requires)

    modes = tuple(level for level in checklist.levels if holds(level))
    reached = max(modes, key=lambda lv: lv.rank) if modes else None
    rank = reached.rank if reached else 0
    next_level = next((lv for lv in checklist.levels if lv.rank == rank + 1), None)
    missing: tuple[Question, ...] = ()
    if next_level is not None:
        by_id = {q.id: q for q in checklist.classification}
        missing = tuple(by_id[q] for q in next_level.requires if answers.get(q) is not True)
    answered = any(answers.get(q.id) is not None for q in checklist.classification)
    return Classification(reached, modes, next_level, missing, answered)
