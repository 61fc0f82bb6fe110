"""From untrusted YAML data to a Sheet, with every schema problem listed.

Parsing never stops at the first problem: what is valid is kept, so the audit
can still run, and each problem carries the key path that a report turns into
file:line. Only a document that is not a sheet at all raises.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field
from typing import Any

from coopwizard.core.errors import InvalidSheetError
from coopwizard.core.message import Message, PathPart
from coopwizard.core.records import slim_dataclass
from coopwizard.core.text import suggest
from coopwizard.guide.model import Checklist, Question
from coopwizard.guide.types import Problem, check_answer, clean_text, type_name
from coopwizard.sheet.model import SHEET_FORMAT, STATUSES, Sheet, TopicEntry

TOP_KEYS = ("format", "checklist", "checklist_version", "project", "partners", "classification", "topics", "reviews")
LANGUAGES = ("fr", "en")


@slim_dataclass
class SchemaIssue:
    """Something wrong in a sheet file's shape or answers, and where."""

    path: tuple[PathPart, ...]
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> Message:
        return Message(self.key, self.params)


def parse_sheet(data: Any, checklist: Checklist, source: str) -> tuple[Sheet, list[SchemaIssue]]:
    if not isinstance(data, dict):
        raise InvalidSheetError("sheet.not_mapping", file=source, found=type_name(data))
    issues: list[SchemaIssue] = []
    version = data.get("format")
    if version is None:
        issues.append(SchemaIssue(("format",), "sheet.missing_format", {"version": SHEET_FORMAT}))
    elif version != SHEET_FORMAT or isinstance(version, bool):
        raise InvalidSheetError("sheet.unknown_format", file=source, found=str(version), version=SHEET_FORMAT)
    _unknown_keys(data, TOP_KEYS, (), issues)

    sheet = Sheet()
    checklist_id = data.get("checklist")
    sheet.checklist_id = str(checklist_id) if isinstance(checklist_id, str) else None
    checklist_version = data.get("checklist_version")
    if isinstance(checklist_version, int) and not isinstance(checklist_version, bool):
        sheet.checklist_version = checklist_version
    sheet.project = _project(data.get("project"), checklist, issues)
    sheet.partners = _partners(data.get("partners"), checklist, issues)
    sheet.classification, sheet.level = _classification(data.get("classification"), checklist, issues)
    sheet.topics = _topics(data.get("topics"), checklist, issues)
    if data.get("reviews") is not None:  # the partners' reviews; most sheets have none, and skip the import
        from coopwizard.sheet.reviews import parse_reviews

        sheet.reviews, problems = parse_reviews(data.get("reviews"), checklist)
        issues.extend(_issue(path, problem) for path, problem in problems)
    return sheet, issues


def _unknown_keys(
    data: dict[Any, Any], allowed: Sequence[str], path: tuple[PathPart, ...], issues: list[SchemaIssue]
) -> None:
    for key in data:
        if str(key) not in allowed:
            issues.append(
                SchemaIssue(
                    (*path, str(key)), "sheet.unknown_key", {"key": str(key), "suggestion": suggest(str(key), allowed)}
                )
            )


def _section(value: Any, path: tuple[PathPart, ...], issues: list[SchemaIssue]) -> dict[Any, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        issues.append(SchemaIssue(path, "sheet.expected_mapping", {"found": type_name(value)}))
        return None
    return value


def _answers(
    raw: dict[Any, Any], questions: Sequence[Question], path: tuple[PathPart, ...], issues: list[SchemaIssue]
) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for question in questions:
        value, problems = check_answer(question, raw.get(question.id))
        if problems:
            issues.extend(_issue((*path, question.id), p) for p in problems)
        if value is not None:
            answers[question.id] = value
    return answers


def _issue(path: tuple[PathPart, ...], problem: Problem) -> SchemaIssue:
    return SchemaIssue(path + problem.path, problem.key, problem.params)


def _project(value: Any, checklist: Checklist, issues: list[SchemaIssue]) -> dict[str, Any]:
    raw = _section(value, ("project",), issues)
    if raw is None:
        issues.append(SchemaIssue(("project",), "sheet.missing_title"))
        return {}
    _unknown_keys(raw, [q.id for q in checklist.project] + ["created", "language"], ("project",), issues)
    project = _answers(raw, checklist.project, ("project",), issues)
    if "title" not in project:
        issues.append(SchemaIssue(("project",), "sheet.missing_title"))
    created, problems = check_answer(Question("created", "date", checklist.title), raw.get("created"))
    issues.extend(_issue(("project", "created"), p) for p in problems)
    if created is not None:
        project["created"] = created
    language = raw.get("language")
    if language is not None:
        if language in LANGUAGES:
            project["language"] = language
        else:
            issues.append(
                SchemaIssue(
                    ("project", "language"),
                    "answer.unknown_choice",
                    {"value": str(language), "allowed": ", ".join(LANGUAGES), "suggestion": ""},
                )
            )
    return project


def _partners(value: Any, checklist: Checklist, issues: list[SchemaIssue]) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list):
        issues.append(SchemaIssue(("partners",), "sheet.expected_list", {"found": type_name(value)}))
        return []
    partners = []
    allowed = [q.id for q in checklist.partner]
    for index, raw in enumerate(value):
        path: tuple[PathPart, ...] = ("partners", index)
        if not isinstance(raw, dict):
            issues.append(SchemaIssue(path, "sheet.expected_mapping", {"found": type_name(raw)}))
            continue
        _unknown_keys(raw, allowed, path, issues)
        partner = _answers(raw, checklist.partner, path, issues)
        if "name" not in partner:
            issues.append(SchemaIssue(path, "sheet.partner_without_name"))
            continue
        partners.append(partner)
    return partners


def _classification(value: Any, checklist: Checklist, issues: list[SchemaIssue]) -> tuple[dict[str, Any], str | None]:
    raw = _section(value, ("classification",), issues)
    if raw is None:
        return {}, None
    _unknown_keys(raw, [q.id for q in checklist.classification] + ["level"], ("classification",), issues)
    answers = _answers(raw, checklist.classification, ("classification",), issues)
    level = raw.get("level")
    if level is None:
        return answers, None
    ids = [lv.id for lv in checklist.levels]
    if level not in ids:
        issues.append(
            SchemaIssue(
                ("classification", "level"),
                "answer.unknown_choice",
                {"value": str(level), "allowed": ", ".join(ids), "suggestion": suggest(str(level), ids)},
            )
        )
        return answers, None
    return answers, str(level)


def _topics(value: Any, checklist: Checklist, issues: list[SchemaIssue]) -> dict[str, TopicEntry]:
    raw = _section(value, ("topics",), issues)
    if raw is None:
        return {}
    _unknown_keys(raw, [t.id for t in checklist.topics], ("topics",), issues)
    topics: dict[str, TopicEntry] = {}
    for topic in checklist.topics:
        if topic.id not in raw:
            continue
        path: tuple[PathPart, ...] = ("topics", topic.id)
        entry_raw = raw[topic.id]
        if entry_raw is None:
            topics[topic.id] = TopicEntry()
            continue
        if not isinstance(entry_raw, dict):
            issues.append(SchemaIssue(path, "sheet.expected_mapping", {"found": type_name(entry_raw)}))
            continue
        _unknown_keys(entry_raw, [q.id for q in topic.questions] + ["status", "notes"], path, issues)
        entry = TopicEntry(answers=_answers(entry_raw, topic.questions, path, issues))
        status = entry_raw.get("status")
        if status is not None:
            if status in STATUSES:
                entry.status = status
            else:
                issues.append(
                    SchemaIssue(
                        (*path, "status"),
                        "answer.unknown_choice",
                        {
                            "value": str(status),
                            "allowed": ", ".join(STATUSES),
                            "suggestion": suggest(str(status), STATUSES),
                        },
                    )
                )
        notes = entry_raw.get("notes")
        if isinstance(notes, str) and notes.strip():
            entry.notes, problems = clean_text(notes)  # the same rule as every answer's text
            issues.extend(_issue((*path, "notes"), p) for p in problems)
        elif notes is not None and not isinstance(notes, str):
            issues.append(SchemaIssue((*path, "notes"), "answer.expected_text", {"found": type_name(notes)}))
        topics[topic.id] = entry
    return topics
