"""The sheet's JSON Schema, derived from the checklist, for editors' YAML language servers.

The schema is generated rather than hand-kept so that it always matches the
checklist in force: a network that adds a topic gets it in the schema too.
"""

from __future__ import annotations

from typing import Any

from coopwizard.guide.model import Checklist, Question
from coopwizard.sheet.model import SHEET_FORMAT, STATUSES
from coopwizard.sheet.parse import LANGUAGES

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def sheet_schema(checklist: Checklist, lang: str) -> dict[str, Any]:
    project = _object(checklist.project, lang, required=["title"])
    project["properties"]["created"] = {"type": "string", "format": "date"}
    project["properties"]["language"] = {"enum": list(LANGUAGES)}
    classification = _object(checklist.classification, lang)
    classification["properties"]["level"] = {"enum": [lv.id for lv in checklist.levels]}
    topics: dict[str, Any] = {}
    for topic in checklist.topics:
        entry = _object(topic.questions, lang)
        entry["description"] = topic.label(lang)
        entry["properties"]["status"] = {"enum": list(STATUSES)}
        entry["properties"]["notes"] = {"type": "string"}
        topics[topic.id] = {"anyOf": [entry, {"type": "null"}]}
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "title": f"coopwizard sheet — {checklist.title(lang)}",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "project"],
        "properties": {
            "format": {"const": SHEET_FORMAT},
            "checklist": {"type": "string"},
            "checklist_version": {"type": "integer"},
            "project": project,
            "partners": {"type": "array", "items": _object(checklist.partner, lang, required=["name"])},
            "classification": classification,
            "topics": {"type": "object", "additionalProperties": False, "properties": topics},
        },
    }
    if checklist.review is not None:  # the partners' reviews (docs/compare-merge-review.md)
        schema["properties"]["reviews"] = _reviews(checklist, lang)
    return schema


def _reviews(checklist: Checklist, lang: str) -> dict[str, Any]:
    guide = checklist.review
    assert guide is not None
    score = {"type": "integer", "minimum": 1, "maximum": len(guide.scale)}
    statements = {s.id: {**score, "description": s.text(lang)} for c in guide.concerns for s in c.statements}
    criterion = {
        "type": "object",
        "additionalProperties": False,
        "required": ["criterion", "rating"],
        "properties": {
            "criterion": {"type": "string"},
            "rating": {"enum": [r.id for r in guide.ratings]},
            "comment": {"type": "string"},
        },
    }
    review = {
        "type": "object",
        "additionalProperties": False,
        "required": ["date", "partner"],
        "properties": {
            "date": {"type": "string", "format": "date"},
            "partner": {"type": "string"},
            "by": {"type": "string"},
            "scores": {"type": "object", "additionalProperties": False, "properties": statements},
            "criteria": {"type": "array", "items": criterion},
            "comment": {"type": "string"},
        },
    }
    return {"type": "array", "items": review}


def _object(questions: tuple[Question, ...], lang: str, required: list[str] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {q.id: _question(q, lang) for q in questions},
    }
    if required:
        schema["required"] = required
    return schema


def _question(question: Question, lang: str) -> dict[str, Any]:
    schema = _value(question, lang)
    schema["description"] = question.text(lang)
    return schema


def _value(question: Question, lang: str) -> dict[str, Any]:
    ids = [c.id for c in question.choices]
    match question.type:
        case "text":
            return {"type": "string"}
        case "choice":
            return {"enum": ids}
        case "multi_choice":
            return {"type": "array", "items": {"enum": ids}, "uniqueItems": True}
        case "yes_no":
            return {"type": "boolean"}
        case "date":
            return {"type": "string", "format": "date"}
        case "amount":
            return {"type": "number", "minimum": 0}
        case "per_partner":
            return {"type": "object", "additionalProperties": {"type": "string"}}
        case "list" if question.fields:
            required = [f.id for f in question.fields if f.required]
            return {"type": "array", "items": _object(question.fields, lang, required=required)}
        case _:
            return {"type": "array", "items": {"type": "string"}}
