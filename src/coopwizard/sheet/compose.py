"""From answers (typed in the wizard or read from a file) to a Sheet: one path for both.

The wizard and `coop new --answers` hand the same structure to `build_sheet`,
so the same answers always give the same sheet, byte for byte.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from coopwizard.core.records import slim_dataclass
from coopwizard.guide.model import Checklist, Question
from coopwizard.guide.types import is_answered
from coopwizard.sheet.model import Sheet, applies, to_data
from coopwizard.sheet.parse import SchemaIssue, parse_sheet

SECTIONS = ("project", "partners", "classification", "topics")


@slim_dataclass
class MissingAnswer:
    """A required answer that an answers file or a prompt did not give."""

    path: str  # "topics.purpose.reason", "partners.1.name"
    question: Question


def build_sheet(
    answers: dict[str, Any], checklist: Checklist, created: dt.date, lang: str, source: str = "<answers>"
) -> tuple[Sheet, list[SchemaIssue]]:
    """The sheet these answers make, and what in them is invalid (left out of the sheet)."""
    data: dict[str, Any] = {"format": 1, **{k: answers[k] for k in SECTIONS if k in answers}}
    unknown = [k for k in answers if k not in SECTIONS and k not in ("format", "checklist", "checklist_version")]
    sheet, issues = parse_sheet(data, checklist, source)
    issues = [SchemaIssue((k,), "sheet.unknown_key", {"key": k, "suggestion": ""}) for k in unknown] + issues
    sheet.project.setdefault("created", created)
    sheet.project.setdefault("language", lang)
    # `classification.level` is the level the partners call their partnership: kept as
    # written (parse_sheet read it), never replaced by the computed one; the audit
    # compares the two (finding level_unsupported / level_understated).
    sheet.checklist_id, sheet.checklist_version = checklist.id, checklist.version
    return sheet, issues


def missing_answers(sheet: Sheet, checklist: Checklist) -> list[MissingAnswer]:
    """Required answers not given, in the order the wizard asks them."""
    missing = [
        MissingAnswer(f"project.{q.id}", q)
        for q in checklist.project
        if q.required and applies(q, sheet) and not is_answered(sheet.project.get(q.id))
    ]
    if not sheet.partners:
        name = next(q for q in checklist.partner if q.id == "name")
        missing.append(MissingAnswer("partners.0.name", name))
    missing += [
        MissingAnswer(f"classification.{q.id}", q)
        for q in checklist.classification
        if sheet.classification.get(q.id) is None
    ]
    for topic in checklist.topics:
        entry = sheet.topics.get(topic.id)
        if entry is not None and entry.status == "to_complete":
            continue  # left to complete on purpose
        answers = entry.answers if entry else {}
        missing += [
            MissingAnswer(f"topics.{topic.id}.{q.id}", q)
            for q in topic.questions
            if q.required and applies(q, sheet) and not is_answered(answers.get(q.id))
        ]
    return missing


def answers_of(sheet: Sheet, checklist: Checklist) -> dict[str, Any]:
    """A sheet's answers as an answers file holds them: `build_sheet` of the result gives the sheet back.

    Statuses the user did not write stay unwritten, so they are inferred again.
    """
    data = to_data(sheet, checklist)
    answers: dict[str, Any] = {key: data[key] for key in ("project", "partners", "classification")}
    answers["topics"] = {}
    for topic_id, entry in data["topics"].items():
        answers["topics"][topic_id] = dict(entry)
        if sheet.topics[topic_id].status is None:
            answers["topics"][topic_id].pop("status", None)
    return answers
