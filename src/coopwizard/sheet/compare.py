"""Comparing the sheets of one project filled in separately by each association: where they agree, where not.

The parsed sheets are compared, not their text: answers are normalised by the
same validation as `coop check`, then texts are compared without regard to case
or spacing, lists and choices as sets (order does not matter), records as
wholes. Each version is named by a label (by default the file's name). Points
come in the guide's order: the project, the partners, the classification, then
the checklist's topics. Pure: sheets in, a Comparison out; renderers word it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import field
from typing import Any, Literal

from coopwizard.core.message import PathPart
from coopwizard.core.records import slim_dataclass
from coopwizard.guide.levels import classify
from coopwizard.guide.model import Checklist, Question
from coopwizard.guide.paths import CLASSIFICATION, PROJECT
from coopwizard.guide.types import is_answered
from coopwizard.i18n import message
from coopwizard.sheet.model import Sheet

Status = Literal["agree", "differ", "partial"]  # partial: answered in some versions only, the same way
PARTNERS = "partners"
What = Literal["answer", "partners", "level", "reached"]


@slim_dataclass
class Version:
    """One sheet's answer to a point where the sheets differ."""

    by: str  # whose version: the label of its sheet
    value: Any  # normalised; None when that sheet does not answer


@slim_dataclass
class Point:
    """One answer compared across the sheets."""

    path: tuple[PathPart, ...]  # where it lives in a sheet: ("topics", "purpose", "objectives")
    status: Status
    versions: tuple[Version, ...]  # one per sheet, in the order given
    question: Question | None = None  # None for the partners list and the levels
    subject: str | None = None  # the partner a per-partner answer or a partner's detail is about
    what: What = "answer"
    common: tuple[Any, ...] = ()  # for lists and multiple choices: the items every version has
    only: tuple[tuple[Any, tuple[str, ...]], ...] = ()  # items only some versions have, and whose
    totals: tuple[Version, ...] = ()  # for records with an amount: each version's sum
    # For records: the same entry (by its first required text field: a milestone's label, a resource's item)
    # written differently, with each version's record (None where a version lacks it).
    changed: tuple[tuple[str, tuple[Version, ...]], ...] = ()

    def only_by_owners(self) -> list[tuple[tuple[str, ...], list[Any]]]:
        """The items only some versions have, grouped by who has them, in the order first met."""
        groups: dict[tuple[str, ...], list[Any]] = {}
        for item, owners in self.only:
            groups.setdefault(owners, []).append(item)
        return list(groups.items())

    @property
    def is_items(self) -> bool:
        return self.what == "partners" or (self.question is not None and self.question.type in ("list", "multi_choice"))


@slim_dataclass
class Section:
    """The points of one part of the sheets (the project, the partners, a topic) that differ."""

    id: str  # "project", "partners", "classification" or a topic's id
    points: tuple[Point, ...]

    def with_status(self, status: Status) -> list[Point]:
        return [p for p in self.points if p.status == status]

    @property
    def status(self) -> Status:
        if any(p.status == "differ" for p in self.points):
            return "differ"
        return "partial" if any(p.status == "partial" for p in self.points) else "agree"


@slim_dataclass
class Comparison:
    """Several partners' sheets of one project, side by side: where they differ."""

    labels: tuple[str, ...]
    sheets: tuple[Sheet, ...]
    sections: tuple[Section, ...]  # sections where some version answers something, in the guide's order
    silent: tuple[str, ...] = field(default=())  # topic ids no version answers

    @property
    def agree(self) -> bool:
        return all(p.status == "agree" for s in self.sections for p in s.points)

    def counts(self) -> dict[str, int]:
        points = [p for s in self.sections for p in s.points]
        return {status: sum(1 for p in points if p.status == status) for status in ("agree", "differ", "partial")}

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


def key(value: Any) -> Any:
    """What two answers are compared by: texts without case or spacing, lists as sets, records as wholes."""
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return tuple(sorted((str(k), key(v)) for k, v in value.items() if is_answered(v)))
    if isinstance(value, list | tuple):
        return frozenset(key(v) for v in value)
    return value


def compare_sheets(named: Sequence[tuple[str, Sheet]], checklist: Checklist) -> Comparison:
    labels = tuple(label for label, _ in named)
    sheets = tuple(sheet for _, sheet in named)
    sections = [
        Section(PROJECT, tuple(_questions(labels, [s.project for s in sheets], checklist.project, (PROJECT,)))),
        Section(PARTNERS, tuple(_partners(labels, sheets, checklist))),
        Section(CLASSIFICATION, tuple(_classification(labels, sheets, checklist))),
    ]
    silent = []
    for topic in checklist.topics:
        answers = [s.topics[topic.id].answers if topic.id in s.topics else {} for s in sheets]
        points = _questions(labels, answers, topic.questions, ("topics", topic.id))
        if not points:
            silent.append(topic.id)
        sections.append(Section(topic.id, tuple(points)))
    return Comparison(labels, sheets, tuple(s for s in sections if s.points), tuple(silent))


def _status(values: Sequence[Any]) -> Status | None:
    answered = [key(v) for v in values if is_answered(v)]
    if not answered:
        return None
    if any(k != answered[0] for k in answered):
        return "differ"
    return "agree" if len(answered) == len(values) else "partial"


def _point(
    labels: Sequence[str],
    values: Sequence[Any],
    path: tuple[PathPart, ...],
    question: Question | None,
    *,
    subject: str | None = None,
    what: What = "answer",
) -> Point | None:
    status = _status(values)
    if status is None:
        return None
    versions = tuple(
        Version(label, value if is_answered(value) else None) for label, value in zip(labels, values, strict=True)
    )
    point = Point(path, status, versions, question, subject, what)
    if point.is_items:
        point.common, point.only = _items(versions)
        if question is not None and question.fields:
            point.only, point.changed = _changed(point.only, versions, question)
    if question is not None and question.type == "list":
        amounts = [f.id for f in question.fields if f.type == "amount"]
        if amounts:
            point.totals = tuple(
                Version(v.by, sum(r.get(f, 0) for r in v.value or [] for f in amounts)) for v in versions
            )
    return point


def _items(versions: Sequence[Version]) -> tuple[tuple[Any, ...], tuple[tuple[Any, tuple[str, ...]], ...]]:
    """The items every version has, and those only some have (with whose), in the order first met."""
    seen: dict[Any, Any] = {}
    owners: dict[Any, list[str]] = {}
    for version in versions:
        for item in version.value or []:
            k = key(item)
            seen.setdefault(k, item)
            if version.by not in owners.setdefault(k, []):
                owners[k].append(version.by)
    everyone = len(versions)
    common = tuple(seen[k] for k in seen if len(owners[k]) == everyone)
    only = tuple((seen[k], tuple(owners[k])) for k in seen if len(owners[k]) < everyone)
    return common, only


def _changed(
    only: tuple[tuple[Any, tuple[str, ...]], ...], versions: Sequence[Version], question: Question
) -> tuple[tuple[tuple[Any, tuple[str, ...]], ...], tuple[tuple[str, tuple[Version, ...]], ...]]:
    """Records only some versions have that are one entry written differently: same name, other details."""
    name = next((f.id for f in question.fields if f.required and f.type == "text"), None)
    if name is None:
        return only, ()
    for version in versions:  # a name used twice in one version does not name one entry
        names = [key(r.get(name)) for r in version.value or []]
        if len(names) != len(set(names)):
            return only, ()
    groups: dict[Any, list[tuple[Any, tuple[str, ...]]]] = {}
    for record, owners in only:
        groups.setdefault(key(record.get(name)), []).append((record, owners))
    kept = tuple(item for group in groups.values() if len(group) == 1 for item in group)
    changed = []
    for group in groups.values():
        if len(group) < 2:
            continue
        whose = {owner: record for record, owners in group for owner in owners}
        changed.append((str(group[0][0].get(name)), tuple(Version(v.by, whose.get(v.by)) for v in versions)))
    return kept, tuple(changed)


def _questions(
    labels: Sequence[str],
    answers: Sequence[dict[str, Any]],
    questions: Sequence[Question],
    path: tuple[PathPart, ...],
    subject: str | None = None,
) -> list[Point]:
    points: list[Point] = []
    for question in questions:
        values = [a.get(question.id) for a in answers]
        if question.type == "per_partner":
            names: dict[Any, str] = {}
            for value in values:
                for name in value or {}:
                    names.setdefault(key(name), name)
            for k, name in names.items():
                per = [_by_key(v or {}, k) for v in values]
                point = _point(labels, per, (*path, question.id, name), question, subject=name)
                if point is not None:
                    points.append(point)
            continue
        found = _point(labels, values, (*path, question.id), question, subject=subject)
        if found is not None:
            points.append(found)
    return points


def _by_key(mapping: dict[str, Any], wanted: Any) -> Any:
    return next((v for k, v in mapping.items() if key(k) == wanted), None)


def _partners(labels: Sequence[str], sheets: Sequence[Sheet], checklist: Checklist) -> list[Point]:
    names = [s.partner_names() for s in sheets]
    listed = _point(labels, names, (PARTNERS,), None, what="partners")
    if listed is None:
        return []
    points = [listed]
    details = [q for q in checklist.partner if q.id != "name"]
    for name in listed.common:  # the details of the partners every sheet lists
        records = [_partner(s, key(name)) for s in sheets]
        points += _questions(labels, records, details, (PARTNERS, name), subject=name)
    return points


def _partner(sheet: Sheet, wanted: Any) -> dict[str, Any]:
    return next((p for p in sheet.partners if key(p.get("name")) == wanted), {})


def _classification(labels: Sequence[str], sheets: Sequence[Sheet], checklist: Checklist) -> list[Point]:
    points = _questions(labels, [s.classification for s in sheets], checklist.classification, (CLASSIFICATION,))
    declared = _point(labels, [s.level for s in sheets], (CLASSIFICATION, "level"), None, what="level")
    reached_ids = []
    for sheet in sheets:
        reached = classify(sheet.classification, checklist).level
        reached_ids.append(reached.id if reached else None)
    reached_point = _point(labels, reached_ids, (CLASSIFICATION, "reached"), None, what="reached")
    return points + [p for p in (declared, reached_point) if p is not None]


def describe(value: object, point: Point, checklist: Checklist, lang: str) -> str:
    """One version's answer, or one item, on one line for people."""
    if value is None:
        return message(lang, "compare.no_answer")
    if point.what in ("level", "reached"):
        level = checklist.level(str(value))
        return level.name(lang) if level else str(value)
    question = point.question
    if question is None:
        return ", ".join(str(v) for v in value) if isinstance(value, list | tuple) else str(value)
    if question.type == "per_partner":  # one partner's answer
        return str(value)
    if point.is_items and not isinstance(value, list):
        value = [value]
    return question.kind.display(question, value, lang)


def point_label(point: Point, checklist: Checklist, lang: str) -> str:
    """What a point is about: the question (and the partner it is about)."""
    if point.what == "partners":
        return message(lang, "compare.partners")
    if point.what == "level":
        return message(lang, "compare.level_declared")
    if point.what == "reached":
        return message(lang, "compare.level_reached")
    assert point.question is not None
    label = point.question.short(lang)
    return f"{label} — {point.subject}" if point.subject else label
