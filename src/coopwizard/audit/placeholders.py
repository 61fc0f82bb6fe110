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


def _clean(
    value: Any, question: Question, words: Sequence[str], path: tuple[PathPart, ...], found: list[Placeholder]
) -> Any:
    """The answer without its placeholders (None when nothing is left)."""
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
        return kept or None
    if kind == "list" and isinstance(value, list):
        items = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                record = dict(item)
                for field in question.fields:
                    if field.type == "text" and is_placeholder(record.get(field.id), words):
                        found.append(Placeholder((*path, index, field.id), str(record[field.id]), field, None))
                        del record[field.id]
                if any(v not in (None, "") for v in record.values()):
                    items.append(record)
            elif is_placeholder(item, words):
                found.append(Placeholder((*path, index), str(item), question, None))
            else:
                items.append(item)
        return items or None
    return value


def without_placeholders(sheet: Sheet, checklist: Checklist) -> tuple[Sheet, list[Placeholder]]:
    """A copy of the sheet with its placeholders taken out, and where they were."""
    words = checklist.placeholders
    found: list[Placeholder] = []
    if not words:
        return sheet, found
    clean = copy.copy(sheet)
    clean.project = dict(sheet.project)
    for question in checklist.project:
        if question.id in clean.project:
            value = _clean(clean.project[question.id], question, words, ("project", question.id), found)
            if value is None:
                del clean.project[question.id]
            else:
                clean.project[question.id] = value
    clean.partners = []
    for index, partner in enumerate(sheet.partners):
        kept = dict(partner)
        for question in checklist.partner:
            if question.id == "name" or question.id not in kept:
                continue
            value = _clean(kept[question.id], question, words, ("partners", index, question.id), found)
            if value is None:
                del kept[question.id]
            else:
                kept[question.id] = value
        clean.partners.append(kept)
    clean.topics = {}
    for topic_id, entry in sheet.topics.items():
        topic = checklist.topic(topic_id)
        answers = dict(entry.answers)
        before = len(found)
        for question in topic.questions if topic else ():
            if question.id in answers:
                value = _clean(answers[question.id], question, words, ("topics", topic_id, question.id), found)
                if value is None:
                    del answers[question.id]
                else:
                    answers[question.id] = value
        for placeholder in found[before:]:
            placeholder.topic = topic_id
        clean.topics[topic_id] = TopicEntry(answers, entry.status, entry.notes)
    return clean, found


def has_placeholder(found: Sequence[Placeholder], topic_id: str) -> bool:
    return any(p.topic == topic_id for p in found)
