"""The sheet's JSON Schema, derived from the checklist, for editors' YAML language servers.

The schema is generated rather than hand-kept so that it always matches the
checklist in force: a network that adds a topic gets it in the schema too.
Every key has a title and a description in the language asked, and every
choice its label (`oneOf` of `const` with a `title` and a `description`, which
editors show beside the id they complete).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from coopwizard.guide.model import Checklist, Question
from coopwizard.i18n import message
from coopwizard.sheet.model import SHEET_FORMAT, STATUSES
from coopwizard.sheet.parse import LANGUAGES

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILE = "coopwizard.schema.json"  # where the modeline of a new YAML sheet points, beside the sheet
SCHEMA_ENV = "COOP_SCHEMA"  # another path or URL for the modeline; empty or "none" for no modeline
_NO_MODELINE = ("", "none", "off", "no", "0")


def schema_id(checklist: Checklist, lang: str) -> str:
    """An identifier, not a location: sheet format, checklist id and version, language."""
    return f"urn:coopwizard:sheet:{SHEET_FORMAT}:{checklist.id}:{checklist.version}:{lang}"


def schema_modeline(env: Mapping[str, str] | None = None) -> str:
    """The comment that points a YAML language server at the schema, or "" when COOP_SCHEMA turns it off."""
    target = (os.environ if env is None else env).get(SCHEMA_ENV, f"./{SCHEMA_FILE}").strip()
    if target.lower() in _NO_MODELINE:
        return ""
    return f"# yaml-language-server: $schema={target}"


def sheet_schema(checklist: Checklist, lang: str) -> dict[str, Any]:
    def m(key: str, **params: Any) -> str:
        return message(lang, key, **params)

    def labelled(schema: dict[str, Any], name: str) -> dict[str, Any]:
        return {**schema, "title": m(f"schema.{name}.title"), "description": m(f"schema.{name}.description")}

    project = _object(checklist.project, lang, required=["title"])
    project["properties"]["created"] = labelled({"type": "string", "format": "date"}, "created")
    project["properties"]["language"] = labelled(
        _choices([(code, m(f"schema.language.{code}")) for code in LANGUAGES]), "language"
    )
    classification = _object(checklist.classification, lang)
    classification["properties"]["level"] = labelled(
        _choices([(lv.id, f"{lv.name(lang)} — {lv.motto(lang)}") for lv in checklist.levels]), "level"
    )
    topics: dict[str, Any] = {}
    for topic in checklist.topics:
        entry = _object(topic.questions, lang)
        entry["properties"]["status"] = labelled(
            _choices([(status, m(f"md.status.{status}")) for status in STATUSES]), "status"
        )
        entry["properties"]["notes"] = labelled({"type": "string"}, "notes")
        topics[topic.id] = {
            "title": topic.label(lang),
            "description": topic.guide(lang),
            "anyOf": [entry, {"type": "null"}],
        }
    title = checklist.title(lang)
    partner = {**_object(checklist.partner, lang, required=["name"]), "title": m("schema.partner.title")}
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": schema_id(checklist, lang),
        "title": m("schema.title", checklist=title),
        "description": m("schema.description", checklist=title, format=SHEET_FORMAT),
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "project"],
        "properties": {
            "format": labelled({"const": SHEET_FORMAT}, "format"),
            "checklist": labelled({"type": "string", "examples": [checklist.id]}, "checklist"),
            "checklist_version": labelled({"type": "integer", "examples": [checklist.version]}, "checklist_version"),
            "project": labelled(project, "project"),
            "partners": labelled({"type": "array", "items": partner}, "partners"),
            "classification": labelled(classification, "classification"),
            "topics": labelled({"type": "object", "additionalProperties": False, "properties": topics}, "topics"),
        },
    }
    if checklist.review is not None:  # the partners' reviews (docs/compare-merge-review.md)
        schema["properties"]["reviews"] = _reviews(checklist, lang)
    return schema


def _reviews(checklist: Checklist, lang: str) -> dict[str, Any]:
    """The partners' reviews (docs/compare-merge-review.md), every key titled and described in `lang`."""
    guide = checklist.review
    assert guide is not None

    def labelled(schema: dict[str, Any], name: str) -> dict[str, Any]:
        key = f"schema.review.{name}"
        return {**schema, "title": message(lang, f"{key}.title"), "description": message(lang, f"{key}.description")}

    score = {"type": "integer", "minimum": 1, "maximum": len(guide.scale)}
    statements = {
        s.id: {**score, "title": c.label(lang), "description": s.text(lang)}
        for c in guide.concerns
        for s in c.statements
    }
    ratings = _choices([(r.id, r.label(lang)) for r in guide.ratings])
    criterion = {
        "type": "object",
        "additionalProperties": False,
        "required": ["criterion", "rating"],
        "properties": {
            "criterion": labelled({"type": "string"}, "criterion"),
            "rating": labelled(ratings, "rating"),
            "comment": labelled({"type": "string"}, "criterion_comment"),
        },
    }
    review = {
        "type": "object",
        "additionalProperties": False,
        "required": ["date", "partner"],
        "properties": {
            "date": labelled({"type": "string", "format": "date"}, "date"),
            "partner": labelled({"type": "string"}, "partner"),
            "by": labelled({"type": "string"}, "by"),
            "scores": labelled({"type": "object", "additionalProperties": False, "properties": statements}, "scores"),
            "criteria": labelled({"type": "array", "items": criterion}, "criteria"),
            "comment": labelled({"type": "string"}, "comment"),
        },
    }
    return labelled({"type": "array", "items": review}, "reviews")


def _object(questions: tuple[Question, ...], lang: str, required: list[str] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {q.id: question_schema(q, lang) for q in questions},
    }
    if required:
        schema["required"] = required
    return schema


def question_schema(question: Question, lang: str) -> dict[str, Any]:
    """One answer's schema: its type's, with the question as title and description, and labelled choices."""
    schema = question.kind.schema(question, lang)
    labels = _choices([(c.id, c.label(lang)) for c in question.choices]) if question.choices else None
    if labels and "enum" in schema:
        schema = {key: value for key, value in schema.items() if key != "enum"} | labels
    elif labels and isinstance(schema.get("items"), dict) and "enum" in schema["items"]:
        schema = {**schema, "items": labels}
    if question.type == "list" and question.fields:
        record = schema["items"]
        record["properties"] = {f.id: question_schema(f, lang) for f in question.fields}
    description = question.text(lang)
    if question.help is not None:
        description += "\n\n" + question.help(lang)
    return {**schema, "title": question.short(lang), "description": description}


def _choices(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Ids that an editor completes with their labels: one `const` a choice."""
    return {"oneOf": [{"const": value, "title": label, "description": label} for value, label in pairs]}
