"""Placeholders are not answers: « à trouver », « on verra », "TBD", « ? » count as not written yet.

The audit reads a copy of the sheet with every placeholder taken out (a text
answer, a line of a list, a record's text field, a partner's answer), so that
coverage and every rule see them as missing; where each one was is kept, for
the findings that say so. The checklist's `placeholders` list says which texts
are placeholders (audit/phrases.py says how they are matched).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from coopwizard.audit.phrases import is_placeholder
from coopwizard.core.message import PathPart
from coopwizard.core.records import slim_dataclass
from coopwizard.guide.model import Checklist, Question
from coopwizard.sheet.model import Sheet, TopicEntry


@slim_dataclass
class Placeholder:
    """An answer that only says it is not known yet, and where it was."""

    path: tuple[PathPart, ...]  # where it is in the sheet file
    text: str
    question: Question
    topic: str | None  # the topic it belongs to, if any


_TEXTUAL = frozenset({"text", "per_partner", "list"})  # the only answers a placeholder can be written in


def _clean(
    value: Any, question: Question, words: Sequence[str], path: tuple[PathPart, ...], found: list[Placeholder]
) -> Any:
    """The answer without its placeholders (None when nothing is left): `value` itself when it had none."""
    kind = question.type
    if kind == "text":
        if is_placeholder(value, words):
            found.append(Placeholder(path, str(value), question, None))
            return None
        return value
    if kind == "per_partner" and isinstance(value, dict):
        kept = {}
        for name, text in value.items():
            if is_placeholder(text, words):
                found.append(Placeholder((*path, name), str(text), question, None))
            else:
                kept[name] = text
        return (value if len(kept) == len(value) else kept) or None
    if kind == "list" and isinstance(value, list):
        items = []
        changed = False
        for index, item in enumerate(value):
            if isinstance(item, dict):
                record = item
                for field in question.fields:
                    if field.type == "text" and is_placeholder(record.get(field.id), words):
                        found.append(Placeholder((*path, index, field.id), str(record[field.id]), field, None))
                        if record is item:
                            record = dict(item)
                        del record[field.id]
                if record is not item:
                    changed = True
                if any(v not in (None, "") for v in record.values()):
                    items.append(record)
                else:
                    changed = True  # nothing left in it
            elif is_placeholder(item, words):
                found.append(Placeholder((*path, index), str(item), question, None))
                changed = True
            else:
                items.append(item)
        return (items if changed else value) or None
    return value


def without_placeholders(sheet: Sheet, checklist: Checklist) -> tuple[Sheet, list[Placeholder]]:
    """The sheet with its placeholders taken out, and where they were.

    The sheet itself is never changed: a part with a placeholder is copied, and a
    sheet with none (most of them) is returned as it is, with nothing copied.
    """
    words = checklist.placeholders
    found: list[Placeholder] = []
    if not words:
        return sheet, found
    project = _cleaned(sheet.project, checklist.project, words, ("project",), found)
    asked = [q for q in checklist.partner if q.id != "name"]  # a partner's name is who they are, never a placeholder
    partners = [_cleaned(p, asked, words, ("partners", i), found) for i, p in enumerate(sheet.partners)]
    topics = {}
    for topic_id, entry in sheet.topics.items():
        topic = checklist.topic(topic_id)
        before = len(found)
        answers = _cleaned(entry.answers, topic.questions if topic else (), words, ("topics", topic_id), found)
        for placeholder in found[before:]:
            placeholder.topic = topic_id
        topics[topic_id] = entry if answers is entry.answers else TopicEntry(answers, entry.status, entry.notes)
    unchanged = (
        project is sheet.project
        and all(kept is partner for kept, partner in zip(partners, sheet.partners, strict=True))
        and all(topics[topic_id] is entry for topic_id, entry in sheet.topics.items())
    )
    if unchanged:
        return sheet, found
    clean = copy.copy(sheet)
    clean.project, clean.partners, clean.topics = project, partners, topics
    return clean, found


def _cleaned(
    answers: dict[str, Any],
    questions: Sequence[Question],
    words: Sequence[str],
    path: tuple[PathPart, ...],
    found: list[Placeholder],
) -> dict[str, Any]:
    """`answers` without their placeholders: the same dict when it has none, else a copy."""
    kept = answers
    for question in questions:
        if question.type not in _TEXTUAL or question.id not in answers:
            continue
        answer = answers[question.id]
        value = _clean(answer, question, words, (*path, question.id), found)
        if value is answer:
            continue  # nothing taken out: the answer stays as it is
        if kept is answers:
            kept = dict(answers)
        if value is None:
            del kept[question.id]
        else:
            kept[question.id] = value
    return kept


def has_placeholder(found: Sequence[Placeholder], topic_id: str) -> bool:
    return any(p.topic == topic_id for p in found)
