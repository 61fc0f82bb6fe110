"""The guide as data: the checklist model, and loading it with validation.

A checklist says what the wizard asks, how a sheet is validated and which
rules the audit applies. Another network of associations can adapt it without
Python; so it is untrusted input, checked field by field on load, and the
first problem is reported with its file, line and key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from coopwizard.core.localized import Localized

CHECKLIST_FORMAT = 1
LANGS = ("fr", "en")
QUESTION_TYPES = ("text", "choice", "multi_choice", "yes_no", "date", "amount", "list", "per_partner")
FIELD_TYPES = ("text", "choice", "date", "amount")
SECTIONS = ("project", "partner", "classification")
RESERVED_TOPIC_KEYS = ("status", "notes")
RESERVED_PROJECT_KEYS = ("created", "language")

Lang = Literal["fr", "en"]
QuestionType = Literal["text", "choice", "multi_choice", "yes_no", "date", "amount", "list", "per_partner"]


# The model's classes are plain dataclasses, treated as immutable: frozen ones take
# twice as long to define, and every command pays that at start-up (bench/run.py).


@dataclass
class Choice:
    id: str
    label: Localized


@dataclass
class Question:
    id: str
    type: QuestionType
    text: Localized
    help: Localized | None = None
    required: bool = False
    default: Any = None
    choices: tuple[Choice, ...] = ()
    fields: tuple[Question, ...] = ()  # for a list of records
    to_reach: Localized | None = None  # classification only
    label: Localized | None = None  # a short name for tables and reviews

    def short(self, lang: str) -> str:
        return (self.label or self.text)(lang)

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)


@dataclass
class Level:
    id: str
    rank: int  # 1, 2, 3: the three-step scale
    name: Localized
    motto: Localized
    applies_to: Localized
    requires: tuple[str, ...]


@dataclass
class Note:
    id: str
    text: Localized


@dataclass
class Topic:
    id: str
    label: Localized
    guide: Localized
    questions: tuple[Question, ...]
    hints: tuple[Localized, ...] = ()

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


@dataclass
class Pitfall:
    id: str
    text: Localized
    advice: Localized
    rule: str
    params: Mapping[str, Any]
    practices: tuple[str, ...] = ()


@dataclass
class PracticeCheck:
    rule: str
    paths: tuple[str, ...]
    values: tuple[str, ...] = ()


@dataclass
class Practice:
    id: str
    text: Localized
    check: PracticeCheck | None = None


@dataclass
class Checklist:
    id: str
    version: int
    title: Localized
    source: Localized
    levels: tuple[Level, ...]
    level_notes: tuple[Note, ...]
    classification: tuple[Question, ...]
    project: tuple[Question, ...]
    partner: tuple[Question, ...]
    topics: tuple[Topic, ...]
    pitfalls: tuple[Pitfall, ...]
    practices: tuple[Practice, ...]
    origin: str = field(default="", compare=False)

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def level(self, level_id: str) -> Level | None:
        return next((lv for lv in self.levels if lv.id == level_id), None)

    def practice(self, practice_id: str) -> Practice | None:
        return next((p for p in self.practices if p.id == practice_id), None)

    def section(self, name: str) -> tuple[Question, ...] | None:
        """The questions behind the first part of an answer path ("purpose", "project"...)."""
        if name == "project":
            return self.project
        if name == "partner":
            return self.partner
        if name == "classification":
            return self.classification
        topic = self.topic(name)
        return topic.questions if topic else None

    def question_at(self, path: str) -> Question | None:
        """The question an answer path such as "purpose.reason" names."""
        section_name, _, question_id = path.partition(".")
        questions = self.section(section_name)
        if questions is None:
            return None
        return next((q for q in questions if q.id == question_id), None)
