"""The guide as data: the checklist model.

A checklist says what the wizard asks, how a sheet is validated and which
rules the audit applies. These dataclasses are its one description: the
loader (parse.py) takes its allowed keys from them, and the cache (cache.py)
rebuilds them from their type hints.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from coopwizard.core.localized import Localized
from coopwizard.guide.paths import CLASSIFICATION, PARTNER, PROJECT, AnswerPath
from coopwizard.guide.types import QUESTION_TYPES, QuestionType

CHECKLIST_FORMAT = 1
LANGS = ("fr", "en")
FIELD_TYPES = ("text", "choice", "date", "amount")

Lang = Literal["fr", "en"]
TypeName = Literal["text", "choice", "multi_choice", "yes_no", "date", "amount", "list", "per_partner"]


# The model's classes are plain dataclasses, treated as immutable: frozen ones take
# twice as long to define, and every command pays that at start-up (bench/run.py).


@dataclass
class Choice:
    id: str
    label: Localized


@dataclass
class Question:
    id: str
    type: TypeName
    text: Localized
    help: Localized | None = None
    required: bool = False
    default: Any = None
    choices: tuple[Choice, ...] = ()
    fields: tuple[Question, ...] = ()  # for a list of records
    to_reach: Localized | None = None  # classification only
    label: Localized | None = None  # a short name for tables and reviews

    @property
    def kind(self) -> QuestionType:
        """Everything that depends on the question's type: checking, schema, display, prompt."""
        return QUESTION_TYPES[self.type]

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
    shown: Literal["several_modes"] | None = None  # when the wizard shows it beside the level


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
class Consistency:
    """A check that answers agree with each other, run by the named rule with these parameters."""

    id: str
    rule: str
    params: Mapping[str, Any]


@dataclass
class PracticeCheck:
    rule: str
    paths: tuple[str, ...]
    values: tuple[str, ...] = ()
    expects: Localized | None = None  # what the guide asks, said when the answer is something else


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
    consistency: tuple[Consistency, ...] = ()
    placeholders: tuple[str, ...] = ()  # texts that mean "not known yet", both languages (fr first)
    origin: str = field(default="", compare=False)

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def level(self, level_id: str) -> Level | None:
        return next((lv for lv in self.levels if lv.id == level_id), None)

    def practice(self, practice_id: str) -> Practice | None:
        return next((p for p in self.practices if p.id == practice_id), None)

    def section(self, name: str) -> tuple[Question, ...] | None:
        """The questions behind the first part of an answer path ("purpose", "project"...)."""
        if name == PROJECT:
            return self.project
        if name == PARTNER:
            return self.partner
        if name == CLASSIFICATION:
            return self.classification
        topic = self.topic(name)
        return topic.questions if topic else None

    def question_at(self, path: AnswerPath | str) -> Question | None:
        """The question an answer path such as "purpose.reason" names."""
        where = AnswerPath.parse(path) if isinstance(path, str) else path
        questions = self.section(where.section) if where is not None else None
        if where is None or questions is None:
            return None
        return next((q for q in questions if q.id == where.question), None)

    def note(self, note_id: str) -> Note | None:
        return next((n for n in self.level_notes if n.id == note_id), None)
