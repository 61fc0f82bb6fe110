"""The project sheet: one partnership, as recorded between meetings.

The model is plain data keyed by the checklist's ids, so that a checklist can
add or drop a topic without code. `to_data` gives the sheet's YAML structure in
a stable order (the checklist's), which every renderer starts from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from typing import Any, Literal

from coopwizard.core.records import slim_dataclass
from coopwizard.guide.model import Checklist, Question
from coopwizard.guide.paths import CLASSIFICATION, PROJECT, RESERVED_PROJECT_KEYS, AnswerPath
from coopwizard.guide.types import is_answered

SHEET_FORMAT = 1
Status = Literal["settled", "to_complete"]
STATUSES: tuple[Status, ...] = ("settled", "to_complete")


@slim_dataclass
class TopicEntry:
    """One topic's answers in a sheet, with its status and notes."""

    answers: dict[str, Any] = field(default_factory=dict)
    status: Status | None = None  # None: not recorded, inferred from the answers
    notes: str | None = None


@slim_dataclass
class CriterionRating:
    """How far one success criterion of the sheet is met, in one partner's review."""

    criterion: str
    rating: str  # a rating id of the checklist's review: met, partly, not_met
    comment: str | None = None


@slim_dataclass
class Review:
    """One partner's health check on one day (`reviews:` in the sheet); reviews are only ever added."""

    date: dt.date
    partner: str
    scores: dict[str, int] = field(default_factory=dict)  # statement id -> 1..5, in the checklist's order
    criteria: list[CriterionRating] = field(default_factory=list)
    by: str | None = None  # who answered for the partner
    comment: str | None = None


@slim_dataclass
class Sheet:
    """A project sheet: the project, its partners, the classification and each topic's answers."""

    project: dict[str, Any] = field(default_factory=dict)
    partners: list[dict[str, Any]] = field(default_factory=list)
    classification: dict[str, Any] = field(default_factory=dict)
    level: str | None = None  # the level the sheet records; the audit checks it
    topics: dict[str, TopicEntry] = field(default_factory=dict)
    checklist_id: str | None = None
    checklist_version: int | None = None
    reviews: list[Review] = field(default_factory=list)  # in the order recorded

    @property
    def title(self) -> str:
        return str(self.project.get("title") or "")

    @property
    def language(self) -> str | None:
        """The language the sheet says it is written in (fr or en), if it says one."""
        value = self.project.get("language")
        return value if value in ("fr", "en") else None

    @property
    def created(self) -> dt.date | None:
        value = self.project.get("created")
        return value if isinstance(value, dt.date) else None

    def partner_names(self) -> list[str]:
        return [str(p["name"]) for p in self.partners if p.get("name")]

    def rename_partner(self, old: str, new: str) -> None:
        """Keep an association's per-partner answers (its mission, its skills) when its name is corrected."""
        for entry in self.topics.values():
            for value in entry.answers.values():
                if isinstance(value, dict) and old in value:
                    value[new] = value.pop(old)

    def entry(self, topic_id: str) -> TopicEntry:
        """The topic's entry, made empty if the sheet has none yet."""
        return self.topics.setdefault(topic_id, TopicEntry())

    def answer(self, path: AnswerPath | str) -> Any:
        """The answer at "section.question" ("purpose.reason", "project.territory"), or None."""
        where = AnswerPath.parse(path) if isinstance(path, str) else path
        if where is None:
            return None
        if where.section == PROJECT:
            return self.project.get(where.question)
        if where.section == CLASSIFICATION:
            return self.classification.get(where.question)
        entry = self.topics.get(where.section)
        return entry.answers.get(where.question) if entry else None


def applies(question: Question, sheet: Sheet) -> bool:
    """Whether the question is asked of this sheet: it has no condition, or its condition holds."""
    condition = question.when
    if condition is None:
        return True
    value = sheet.answer(condition.answer)
    values = value if isinstance(value, list) else [value]
    return any(item in condition.any_of for item in values)


def prefilled(question: Question, sheet: Sheet) -> Any:
    """What the partners said they bring, as a default for `question`; None when they said nothing."""
    prefill = question.prefill
    if prefill is None:
        return None
    source = AnswerPath.of(prefill.source).question
    brought = [(str(p["name"]), p.get(source)) for p in sheet.partners if is_answered(p.get(source))]
    items = [(name, item) for name, value in brought for item in (value if isinstance(value, list) else [value])]
    if question.type == "per_partner":
        joined: dict[str, list[str]] = {}
        for name, item in items:
            joined.setdefault(name, []).append(str(item))
        return {name: ", ".join(values) for name, values in joined.items()} or None
    if question.fields:
        first = question.fields[0].id
        by = prefill.partner_field
        return [{first: str(item), **({by: name} if by else {})} for name, item in items] or None
    return [str(item) for _, item in items] or None


def topic_status(entry: TopicEntry | None, checklist: Checklist, topic_id: str) -> Status | None:
    """settled, to_complete, or None when the topic is absent or empty."""
    if entry is None or not any(is_answered(v) for v in entry.answers.values()):
        return "to_complete" if entry is not None and entry.status == "to_complete" else None
    if entry.status is not None:
        return entry.status
    topic = checklist.topic(topic_id)
    required = [q.id for q in topic.questions if q.required] if topic else []
    return "settled" if all(is_answered(entry.answers.get(q)) for q in required) else "to_complete"


def to_data(sheet: Sheet, checklist: Checklist) -> dict[str, Any]:
    """The sheet as YAML-ready data, in the checklist's order."""
    project_keys = [q.id for q in checklist.project] + list(RESERVED_PROJECT_KEYS)
    data: dict[str, Any] = {
        "format": SHEET_FORMAT,
        "checklist": sheet.checklist_id or checklist.id,
        "checklist_version": sheet.checklist_version or checklist.version,
        "project": _ordered(sheet.project, project_keys),
        "partners": [_ordered(p, [q.id for q in checklist.partner]) for p in sheet.partners],
    }
    classification = _ordered(sheet.classification, [q.id for q in checklist.classification])
    if sheet.level:
        classification["level"] = sheet.level
    data["classification"] = classification
    topics: dict[str, Any] = {}
    for topic in checklist.topics:
        entry = sheet.topics.get(topic.id)
        if entry is None:
            continue
        item: dict[str, Any] = {}
        status = topic_status(entry, checklist, topic.id) or "to_complete"
        item["status"] = status
        item.update(_ordered(entry.answers, [q.id for q in topic.questions]))
        if entry.notes:
            item["notes"] = entry.notes
        topics[topic.id] = item
    data["topics"] = topics
    if sheet.reviews:
        data["reviews"] = [review_data(review) for review in sheet.reviews]
    return data


def review_data(review: Review) -> dict[str, Any]:
    """A review as it is written in the sheet (and in an answers file for `coop review`)."""
    data: dict[str, Any] = {"date": review.date, "partner": review.partner}
    if review.by:
        data["by"] = review.by
    if review.scores:
        data["scores"] = dict(review.scores)
    if review.criteria:
        data["criteria"] = [
            {"criterion": c.criterion, "rating": c.rating, **({"comment": c.comment} if c.comment else {})}
            for c in review.criteria
        ]
    if review.comment:
        data["comment"] = review.comment
    return data


def _ordered(values: dict[str, Any], order: list[str]) -> dict[str, Any]:
    ordered = {key: values[key] for key in order if is_answered(values.get(key))}
    ordered.update({k: v for k, v in values.items() if k not in ordered and is_answered(v)})
    return ordered
