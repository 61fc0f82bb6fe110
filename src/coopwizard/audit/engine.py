"""The audit: what a sheet is missing, what is inconsistent, which pitfalls it shows.

Pure: a Sheet and its Checklist in, an Audit out. Findings carry message keys
and checklist texts, never final strings, so one audit renders in either
language, as text or as JSON.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from coopwizard.audit.classify import Classification, classify
from coopwizard.audit.findings import Audit, Coverage, Finding
from coopwizard.audit.rules import PITFALL_RULES, RuleContext, Trigger, practice_applied, sheet_path
from coopwizard.core.message import Message, PathPart
from coopwizard.guide.model import Checklist, PracticeCheck
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
    findings += _consistency(sheet, checklist, classification)
    findings += _pitfalls(sheet, checklist, today)
    findings += _suggestions(sheet, checklist, coverage)
    return Audit(sheet, classification, coverage, tuple(findings))


def _schema_finding(issue: SchemaIssue) -> Finding:
    rule = issue.key.partition(".")[2]
    return Finding("schema", rule, Message(issue.key, issue.params), issue.path)


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


def _consistency(sheet: Sheet, checklist: Checklist, classification: Classification) -> list[Finding]:
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
    rapprochement = sheet.classification.get("formal_rapprochement")
    top = max(checklist.levels, key=lambda lv: lv.rank)
    if rapprochement not in (None, "none") and (reached is None or reached.rank < top.rank):
        note = next((n.text for n in checklist.level_notes if n.id == "formal_rapprochement"), None)
        findings.append(
            Finding(
                "inconsistency",
                "premature_rapprochement",
                Message("finding.premature_rapprochement", {"level": top.name}),
                ("classification", "formal_rapprochement"),
                advice=(note,) if note else (),
            )
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


def _pitfalls(sheet: Sheet, checklist: Checklist, today: dt.date) -> list[Finding]:
    context = RuleContext(sheet, checklist, today)
    findings = []
    for pitfall in checklist.pitfalls:
        triggers: list[Trigger] = PITFALL_RULES[pitfall.rule].evaluate(context, pitfall.params)
        if not triggers:
            continue
        practices = [p.text for p in (checklist.practice(i) for i in pitfall.practices) if p is not None]
        findings.append(
            Finding(
                "pitfall",
                pitfall.id,
                pitfall.text,
                triggers[0].path,
                triggers=tuple(Message(t.key, t.params, t.path) for t in triggers),
                advice=(pitfall.advice, *practices),
            )
        )
    return findings


def _suggestions(sheet: Sheet, checklist: Checklist, coverage: Coverage) -> list[Finding]:
    findings = []
    for practice in checklist.practices:
        if practice.check is None or practice_applied(practice.check, sheet):
            continue
        # A practice about a topic not yet started is already said by "topic missing".
        if all(path.partition(".")[0] in coverage.missing for path in practice.check.paths):
            continue
        missing = [
            p
            for p in practice.check.paths
            if not practice_applied(PracticeCheck(practice.check.rule, (p,), practice.check.values), sheet)
        ]
        questions = [q.text for q in (checklist.question_at(p) for p in missing) if q is not None]
        findings.append(
            Finding(
                "suggestion",
                practice.id,
                practice.text,
                sheet_path(practice.check.paths[0]),
                triggers=(Message("trigger.practice_not_applied", {"questions": questions}),),
            )
        )
    return findings
