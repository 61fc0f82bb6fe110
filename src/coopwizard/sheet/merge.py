"""The common sheet: what every association answered the same way is taken; nothing else is decided for them.

An answer the sheets disagree on, or that only some of them give, is left out
and its topic left « à compléter », with each version kept in the topic's notes,
attributed to its sheet. Lists and multiple choices keep the items every version
has; the others go to the notes. What is not in a topic goes to the notes of a
topic too: the project's and the classification's to the first topic (the
reason and objectives), the partners' to the first topic with a per-partner
question (who does what). Partners that only some sheets list are not added.
Reviews are all kept. Pure: sheets in, a Sheet out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from coopwizard.core.records import slim_dataclass
from coopwizard.guide.model import Checklist
from coopwizard.guide.paths import CLASSIFICATION, PROJECT
from coopwizard.guide.types import is_answered
from coopwizard.i18n import colon, message
from coopwizard.i18n.typography import list_separator, quote
from coopwizard.sheet.compare import PARTNERS, Comparison, Point, describe, key, point_label
from coopwizard.sheet.model import Review, Sheet, TopicEntry, review_data


@slim_dataclass
class Merged:
    """One sheet made from several partners' versions, and what is left to agree on."""

    sheet: Sheet
    left: int  # answers left to complete (differing, or given by only some)
    topics_left: tuple[str, ...]  # the topics left to complete, in the checklist's order


def merge_sheets(comparison: Comparison, checklist: Checklist, lang: str, today: dt.date) -> Merged:
    sheets = comparison.sheets
    merged = Sheet(checklist_id=checklist.id, checklist_version=checklist.version)
    notes: dict[str, list[str]] = {}
    head_topic = checklist.topics[0].id
    partner_topic = next(
        (t.id for t in checklist.topics if any(q.type == "per_partner" for q in t.questions)), head_topic
    )
    left = 0

    def note(topic_id: str, point: Point) -> None:
        nonlocal left
        left += 1
        notes.setdefault(topic_id, []).extend(_note_lines(point, comparison, checklist, lang))

    # The project.
    project = comparison.section(PROJECT)
    for point in project.points if project else ():
        question_id = str(point.path[1])
        if point.status == "agree":
            merged.project[question_id] = point.versions[0].value
        else:
            note(head_topic, point)
            if question_id == "title":  # a sheet has a title: every version, side by side
                merged.project["title"] = " / ".join(_distinct(v.value for v in point.versions if v.value))
    created = [s.created for s in sheets if s.created is not None]
    if created:
        merged.project["created"] = min(created)  # when the project's first sheet was started
    languages = {s.project.get("language") for s in sheets}
    if len(languages) == 1 and None not in languages:
        merged.project["language"] = languages.pop()

    # The partners every sheet lists, with the details they agree on.
    partners = comparison.section(PARTNERS)
    if partners is not None:
        listed = partners.points[0]
        for name in listed.common:
            merged.partners.append({"name": name})
        if listed.status != "agree":
            note(partner_topic, listed)
            for name, owners in listed.only:
                for sheet, label in zip(sheets, comparison.labels, strict=True):
                    record = next((p for p in sheet.partners if key(p.get("name")) == key(name)), None)
                    if label in owners and record is not None:
                        details = _partner_details(record, checklist, lang)
                        if details:
                            notes[partner_topic].append(f"  - {label}{colon(lang)}{name} — {details}")
        by_name = {key(p["name"]): p for p in merged.partners}
        for point in partners.points[1:]:
            if point.status == "agree":
                by_name[key(point.subject)][str(point.path[-1])] = point.versions[0].value
            else:
                note(partner_topic, point)
                if point.common and point.question is not None and point.question.type == "list":
                    by_name[key(point.subject)][str(point.path[-1])] = list(point.common)

    # The classification and the declared level.
    classification = comparison.section(CLASSIFICATION)
    for point in classification.points if classification else ():
        if point.what == "reached":
            if point.status != "agree":
                note(head_topic, point)
            continue
        if point.status == "agree":
            if point.what == "level":
                merged.level = point.versions[0].value
            else:
                merged.classification[str(point.path[1])] = point.versions[0].value
        else:
            note(head_topic, point)

    # The topics.
    for topic in checklist.topics:
        versions = [s.topics.get(topic.id) for s in sheets]
        section = comparison.section(topic.id)
        entry = TopicEntry()
        for point in section.points if section else ():
            question_id = str(point.path[2])
            if point.status == "agree":
                if point.subject is not None:  # one partner's answer to a per-partner question
                    entry.answers.setdefault(question_id, {})[point.subject] = point.versions[0].value
                else:
                    entry.answers[question_id] = point.versions[0].value
                continue
            note(topic.id, point)
            if point.common and point.question is not None and point.question.type in ("list", "multi_choice"):
                entry.answers[question_id] = list(point.common)
        written = [
            (label, v.notes) for label, v in zip(comparison.labels, versions, strict=True) if v is not None and v.notes
        ]
        earlier = _earlier_notes(written, lang)
        left_here = topic.id in notes
        if not left_here and not entry.answers and not earlier and all(v is None for v in versions):
            continue
        lines = []
        if left_here:
            lines.append(message(lang, "merge.notes_head", date=today.isoformat()))
            lines.extend(notes[topic.id])
        lines.extend(earlier)
        entry.notes = "\n".join(lines) or None
        if left_here or any(v is not None and v.status == "to_complete" for v in versions):
            entry.status = "to_complete"
        merged.topics[topic.id] = entry
    merged.reviews = _reviews([r for s in sheets for r in s.reviews])
    topics_left = tuple(t.id for t in checklist.topics if t.id in notes)
    return Merged(merged, left, topics_left)


def _distinct(values: Iterable[Any]) -> list[str]:
    seen: dict[Any, str] = {}
    for value in values:
        seen.setdefault(key(value), str(value))
    return list(seen.values())


def _earlier_notes(written: Sequence[tuple[str, str]], lang: str) -> list[str]:
    """The sheets' own notes, once when they are the same, else each attributed."""
    if not written:
        return []
    if len({key(n) for _, n in written}) == 1 and len(written) > 1:
        return [written[0][1]]
    return [message(lang, "merge.notes_of", by=label) + colon(lang) + text for label, text in written]


def _partner_details(record: dict[str, object], checklist: Checklist, lang: str) -> str:
    parts = []
    for question in checklist.partner:
        value = record.get(question.id)
        if question.id != "name" and is_answered(value):
            parts.append(f"{question.short(lang)}{colon(lang)}{question.kind.display(question, value, lang)}")
    return list_separator(lang).join(parts)


def _note_lines(point: Point, comparison: Comparison, checklist: Checklist, lang: str) -> list[str]:
    sep = colon(lang)
    lines = [f"- {point_label(point, checklist, lang)}"]
    if point.is_items:
        if point.common:
            lines.append(
                f"  - {message(lang, 'compare.everyone')}{sep}{describe(list(point.common), point, checklist, lang)}"
            )
        for owners, mine in point.only_by_owners():
            label = ", ".join(owners)
            if mine:
                lines.append(
                    f"  - {message(lang, 'compare.only', by=label)}{sep}{describe(mine, point, checklist, lang)}"
                )
        for name, versions in point.changed:
            lines.append(f"  - {message(lang, 'compare.changed', item=quote(name, lang))}")
            for version in versions:
                value = [version.value] if version.value is not None else None
                lines.append(f"    - {version.by}{sep}{describe(value, point, checklist, lang)}")
        return lines
    for version in point.versions:
        lines.append(f"  - {version.by}{sep}{describe(version.value, point, checklist, lang)}")
    return lines


def _reviews(reviews: Sequence[Review]) -> list[Review]:
    """Every review of every sheet, once, by date."""
    seen: list[Review] = []
    for review in sorted(reviews, key=lambda r: r.date):
        if all(review_data(review) != review_data(other) for other in seen):
            seen.append(review)
    return seen
