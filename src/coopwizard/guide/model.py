"""The guide as data: the checklist model.

A checklist says what the wizard asks, how a sheet is validated and which
rules the audit applies. These dataclasses are its one description: the
loader (parse.py) takes its allowed keys from them, and the cache (cache.py)
rebuilds them from their type hints.
"""

import functools
from collections.abc import Mapping
from dataclasses import field
from typing import Any, Literal

from coopwizard.core.localized import Localized
from coopwizard.core.records import slim_dataclass
from coopwizard.guide.paths import CLASSIFICATION, PARTNER, PROJECT, AnswerPath
from coopwizard.guide.types import QUESTION_TYPES, QuestionType

CHECKLIST_FORMAT = 1
LANGS = ("fr", "en")
FIELD_TYPES = ("text", "choice", "date", "amount")

Lang = Literal["fr", "en"]
TypeName = Literal["text", "choice", "multi_choice", "yes_no", "date", "amount", "list", "per_partner"]


# The model's classes are plain dataclasses, treated as immutable: frozen ones take
# twice as long to define, and every command pays that at start-up (bench/run.py).


@slim_dataclass
class Choice:
    """One of a choice question's answers: the id a sheet stores, and its label."""

    id: str
    label: Localized


@slim_dataclass
class Condition:
    """A question asked only when an earlier answer is one of these values (or, for a list, holds one)."""

    answer: str  # an answer path: project.scope
    any_of: tuple[Any, ...]


@slim_dataclass
class Prefill:
    """What partners said they bring, offered as this question's default, to confirm or change."""

    source: str  # a partner question: partner.brings_people
    partner_field: str | None = None  # for a list of records: the field that names the partner


@slim_dataclass
class Question:
    """One question of the checklist: what is asked, how it is answered, and when it is asked."""

    id: str
    type: TypeName
    text: Localized
    help: Localized | None = None
    required: bool = False
    default: Any = None
    choices: tuple[Choice, ...] = ()
    fields: tuple["Question", ...] = ()  # for a list of records
    to_reach: Localized | None = None  # classification only
    label: Localized | None = None  # a short name for tables and reviews
    when: Condition | None = None  # asked only when it holds
    prefill: Prefill | None = None

    @property
    def kind(self) -> QuestionType:
        """Everything that depends on the question's type: checking, schema, display, prompt."""
        return QUESTION_TYPES[self.type]

    def short(self, lang: str) -> str:
        return (self.label or self.text)(lang)

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)


@slim_dataclass
class Level:
    """One step of the guide's scale: mutualisation, collaboration, coopération."""

    id: str
    rank: int  # 1, 2, 3: the three-step scale
    name: Localized
    motto: Localized
    applies_to: Localized
    requires: tuple[str, ...]


@slim_dataclass
class Note:
    """A note about levels that the wizard and the documents show beside the level reached."""

    id: str
    text: Localized
    shown: Literal["several_modes"] | None = None  # when the wizard shows it beside the level


@slim_dataclass
class Topic:
    """One of the twelve topics partners must settle, with its questions and the guide's words."""

    id: str
    label: Localized
    guide: Localized
    questions: tuple[Question, ...]
    hints: tuple[Localized, ...] = ()

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


@slim_dataclass
class Pitfall:
    """One of the guide's five pitfalls: the rule that spots it, its parameters and the guide's advice."""

    id: str
    text: Localized
    advice: Localized
    rule: str
    params: Mapping[str, Any]
    practices: tuple[str, ...] = ()


@slim_dataclass
class Consistency:
    """A check that answers agree with each other, run by the named rule with these parameters."""

    id: str
    rule: str
    params: Mapping[str, Any]


@slim_dataclass
class PracticeCheck:
    """How to tell from a sheet that a good practice is not applied yet: a rule and the answers it reads."""

    rule: str
    paths: tuple[str, ...]
    values: tuple[str, ...] = ()
    expects: Localized | None = None  # what the guide asks, said when the answer is something else


@slim_dataclass
class Practice:
    """One of the guide's fourteen good practices, and how the audit checks it, when it can."""

    id: str
    text: Localized
    check: PracticeCheck | None = None


@slim_dataclass
class ReviewStatement:
    """A short statement a partner scores on the review's scale (1: not at all, 5: fully agree)."""

    id: str
    text: Localized


@slim_dataclass
class ReviewConcern:
    """One of the guide's concerns, reviewed through a few statements; tied to the pitfalls it guards against."""

    id: str
    label: Localized
    statements: tuple[ReviewStatement, ...]
    pitfalls: tuple[str, ...] = ()
    practices: tuple[str, ...] = ()


@slim_dataclass
class ReviewRating:
    """How far a success criterion of the sheet is met: met, partly, not_met."""

    id: str
    label: Localized


@slim_dataclass
class ReviewGuide:
    """The health check each partner answers separately (`coop review`), as data."""

    scale: tuple[Localized, ...]  # the labels of 1, 2, … (« pas du tout d'accord » … « tout à fait d'accord »)
    concerns: tuple[ReviewConcern, ...]
    ratings: tuple[ReviewRating, ...]
    due_months: int = 12  # a cooperation project is reviewed at least this often
    gap: int = 2  # a spread between partners of this many points or more is a point to discuss

    def statement(self, statement_id: str) -> tuple[ReviewConcern, ReviewStatement] | None:
        for concern in self.concerns:
            for statement in concern.statements:
                if statement.id == statement_id:
                    return concern, statement
        return None

    def statement_ids(self) -> list[str]:
        return [s.id for c in self.concerns for s in c.statements]

    def rating(self, rating_id: str) -> ReviewRating | None:
        return next((r for r in self.ratings if r.id == rating_id), None)


@slim_dataclass
class Checklist:
    """The whole guide as data: levels, questions, topics, pitfalls, practices and the rules' thresholds."""

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
    review: ReviewGuide | None = None
    origin: str = field(default="", compare=False)

    def topic(self, topic_id: str) -> Topic | None:
        return self._topics_by_id.get(topic_id)

    @functools.cached_property
    def _topics_by_id(self) -> dict[str, Topic]:
        """Asked for by every rule and every answer of every sheet: looked up, not searched (the first of an id)."""
        found: dict[str, Topic] = {}
        for topic in self.topics:
            found.setdefault(topic.id, topic)
        return found

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
