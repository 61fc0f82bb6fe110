"""The audit: what a sheet is missing, what is inconsistent, which pitfalls it shows.

Pure: a Sheet and its Checklist in, an Audit out. Findings carry message keys
and checklist texts, never final strings, so one audit renders in either
language, as text or as JSON.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from coopwizard.audit.findings import Audit, Coverage, Finding, Trigger
from coopwizard.audit.reviews import check_reviews
from coopwizard.audit.rules import RULES, RuleContext
from coopwizard.core.message import Message, PathPart
from coopwizard.guide.levels import Classification, classify
from coopwizard.guide.model import Checklist
from coopwizard.guide.paths import AnswerPath
from coopwizard.guide.types import is_answered
from coopwizard.sheet.model import Sheet, topic_status
from coopwizard.sheet.parse import SchemaIssue


def audit(
    sheet: Sheet, checklist: Checklist, issues: list[SchemaIssue] | None = None, today: dt.date | None = None
) -> Audit:
    today = today or dt.date.today()
    findings = [_schema_finding(issue) for issue in issues or []]
    coverage, topic_findings = _coverage(sheet, checklist)
    findings += topic_findings
    classification = classify(sheet.classification, checklist)
    context = RuleContext(sheet, checklist, today, classification)
    findings += _consistency(sheet, checklist, classification, context)
    findings += _pitfalls(checklist, context)
    findings += _suggestions(checklist, coverage, context)
    # The partners' reviews over time (issue 12, audit/reviews.py): scores, spread, trend, a review due.
    reviews, review_findings = check_reviews(sheet, checklist, classification, today)
    findings += review_findings
    return Audit(sheet, classification, coverage, tuple(findings), reviews)


def _schema_finding(issue: SchemaIssue) -> Finding:
    rule = issue.key.partition(".")[2]
    return Finding("schema", rule, issue.message, issue.path)


def _coverage(sheet: Sheet, checklist: Checklist) -> tuple[Coverage, list[Finding]]:
    settled, to_complete, missing = [], [], []
    findings = []
    for topic in checklist.topics:
        entry = sheet.topics.get(topic.id)
        status = topic_status(entry, checklist, topic.id)
        path: tuple[PathPart, ...] = ("topics", topic.id)
        if status is None:
            missing.append(topic.id)
            key = "finding.topic_missing" if entry is None else "finding.topic_empty"
            findings.append(
                Finding(
                    "missing",
                    key.partition(".")[2],
                    Message(key, {"topic": topic.label}),
                    ("topics",) if entry is None else path,
                    advice=(topic.guide,),
                )
            )
            continue
        unanswered = [q for q in topic.questions if q.required and entry and not is_answered(entry.answers.get(q.id))]
        if status == "to_complete":
            to_complete.append(topic.id)
            findings.append(
                Finding(
                    "missing",
                    "topic_to_complete",
                    Message("finding.topic_to_complete", {"topic": topic.label}),
                    path,
                    advice=(topic.guide,),
                )
            )
        elif unanswered:
            to_complete.append(topic.id)
            findings.append(
                Finding(
                    "inconsistency",
                    "settled_incomplete",
                    Message(
                        "finding.settled_incomplete", {"topic": topic.label, "questions": [q.text for q in unanswered]}
                    ),
                    (*path, "status"),
                )
            )
        else:
            settled.append(topic.id)
    return Coverage(tuple(settled), tuple(to_complete), tuple(missing)), findings


def _consistency(
    sheet: Sheet, checklist: Checklist, classification: Classification, context: RuleContext
) -> list[Finding]:
    findings = []
    reached = classification.level
    if sheet.level is not None:
        declared = checklist.level(sheet.level)
        reached_rank = reached.rank if reached else 0
        if declared is not None and declared.rank > reached_rank:
            findings.append(
                Finding(
                    "inconsistency",
                    "level_unsupported",
                    Message(
                        "finding.level_unsupported",
                        {
                            "declared": declared.name,
                            "missing": [q.text for q in _missing_for(declared, sheet, checklist)],
                        },
                    ),
                    ("classification", "level"),
                )
            )
        elif declared is not None and declared.rank < reached_rank and reached is not None:
            findings.append(
                Finding(
                    "inconsistency",
                    "level_understated",
                    Message("finding.level_understated", {"declared": declared.name, "reached": reached.name}),
                    ("classification", "level"),
                )
            )
    for check in checklist.consistency:
        for found in RULES[check.rule](context, check.params):
            note = checklist.note(str(check.params.get("note"))) if check.params.get("note") else None
            findings.append(
                Finding("inconsistency", check.id, found.message, found.path, advice=(note.text,) if note else ())
            )
    findings += _unknown_partners(sheet, checklist)
    return findings


def _missing_for(level: Any, sheet: Sheet, checklist: Checklist) -> list[Any]:
    return [
        q for q in checklist.classification if q.id in level.requires and sheet.classification.get(q.id) is not True
    ]


def _unknown_partners(sheet: Sheet, checklist: Checklist) -> list[Finding]:
    names = set(sheet.partner_names())
    findings = []
    for topic in checklist.topics:
        for question in topic.questions:
            if question.type != "per_partner":
                continue
            answers = sheet.answer(f"{topic.id}.{question.id}") or {}
            for name in answers:
                if name not in names:
                    findings.append(
                        Finding(
                            "inconsistency",
                            "unknown_partner",
                            Message("finding.unknown_partner", {"name": name, "question": question.text}),
                            ("topics", topic.id, question.id, name),
                        )
                    )
    return findings


def _pitfalls(checklist: Checklist, context: RuleContext) -> list[Finding]:
    findings = []
    for pitfall in checklist.pitfalls:
        triggers = RULES[pitfall.rule](context, pitfall.params)
        if not triggers:
            continue
        practices = [p.text for p in (checklist.practice(i) for i in pitfall.practices) if p is not None]
        findings.append(
            Finding(
                "pitfall",
                pitfall.id,
                pitfall.text,
                triggers[0].path,
                triggers=tuple(triggers),
                advice=(pitfall.advice, *practices),
            )
        )
    return findings


def _suggestions(checklist: Checklist, coverage: Coverage, context: RuleContext) -> list[Finding]:
    findings = []
    for practice in checklist.practices:
        check = practice.check
        if check is None:
            continue
        params = {"paths": list(check.paths), "values": list(check.values)}
        not_applied = RULES[check.rule](context, params)
        if not not_applied:
            continue
        # A practice about a topic not yet started is already said by "topic missing".
        if all(AnswerPath.of(path).section in coverage.missing for path in check.paths):
            continue
        questions = [q.text for q in (checklist.question_at(t.about) for t in not_applied) if q is not None]
        message = Message("trigger.practice_not_applied", {"questions": questions})
        findings.append(
            Finding(
                "suggestion",
                practice.id,
                practice.text,
                AnswerPath.of(check.paths[0]).in_sheet(),
                triggers=(Trigger("practice_not_applied", message, not_applied[0].path),),
            )
        )
    return findings
