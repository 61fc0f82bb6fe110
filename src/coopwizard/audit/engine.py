"""The audit: what a sheet is missing, what is inconsistent, which pitfalls it shows.

Pure: a Sheet and its Checklist in, an Audit out. Findings carry message keys
and checklist texts, never final strings, so one audit renders in either
language, as text or as JSON.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from coopwizard.audit.findings import Audit, Coverage, Finding, Trigger
from coopwizard.audit.placeholders import Placeholder, has_placeholder, without_placeholders
from coopwizard.audit.reviews import check_reviews
from coopwizard.audit.rules import RULES, RuleContext
from coopwizard.core import clock
from coopwizard.core.localized import Localized
from coopwizard.core.message import Message, PathPart
from coopwizard.guide.levels import Classification, classify
from coopwizard.guide.model import Checklist, Question
from coopwizard.guide.paths import AnswerPath
from coopwizard.guide.types import is_answered
from coopwizard.sheet.model import Sheet, topic_status
from coopwizard.sheet.parse import SchemaIssue


def audit(
    sheet: Sheet, checklist: Checklist, issues: list[SchemaIssue] | None = None, today: dt.date | None = None
) -> Audit:
    """Every finding on the sheet; the rules read it with its placeholders taken out."""
    today = today or clock.today()
    findings = [_schema_finding(issue) for issue in issues or []]
    clean, placeholders = without_placeholders(sheet, checklist)
    coverage, topic_findings = _coverage(clean, checklist, placeholders)
    findings += topic_findings
    findings += [_placeholder_finding(p) for p in placeholders]
    classification = classify(clean.classification, checklist)
    context = RuleContext(clean, checklist, today, classification, coverage.to_complete + coverage.missing)
    contradicted, claim_findings = _claims(checklist, context)
    kept = {k: v for k, v in clean.classification.items() if k not in contradicted}
    supported = classify(kept, checklist)
    context.classification = supported  # the checks after this one read the level the sheet supports
    findings += _declared_level(clean, checklist, supported, contradicted)
    findings += claim_findings
    findings += _consistency(clean, checklist, context)
    findings += _pitfalls(checklist, context)
    findings += _suggestions(checklist, coverage, context)
    # The partners' reviews over time (issue 12, audit/reviews.py): scores, spread, trend, a review due.
    reviews, review_findings = check_reviews(sheet, checklist, supported, today)
    findings += review_findings
    left_out = tuple(q.id for q in checklist.classification if q.id in contradicted)  # in the checklist's order
    return Audit(sheet, classification, coverage, tuple(findings), supported, left_out, reviews)


def _placeholder_finding(placeholder: Placeholder) -> Finding:
    return Finding(
        "missing",
        "placeholder_answer",
        Message("finding.placeholder_answer", {"text": placeholder.text, "question": placeholder.question.text}),
        placeholder.path,
    )


def _schema_finding(issue: SchemaIssue) -> Finding:
    rule = issue.key.partition(".")[2]
    return Finding("schema", rule, issue.message, issue.path)


def _coverage(sheet: Sheet, checklist: Checklist, placeholders: list[Placeholder]) -> tuple[Coverage, list[Finding]]:
    settled, to_complete, missing = [], [], []
    findings = []
    for topic in checklist.topics:
        entry = sheet.topics.get(topic.id)
        status = topic_status(entry, checklist, topic.id)
        path: tuple[PathPart, ...] = ("topics", topic.id)
        if has_placeholder(placeholders, topic.id) and (entry is None or entry.status != "to_complete"):
            to_complete.append(topic.id)  # each placeholder's finding says where
            continue
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


def _declared_level(
    sheet: Sheet, checklist: Checklist, supported: Classification, contradicted: dict[str, Finding]
) -> list[Finding]:
    """The level partners call their partnership, against the level the whole sheet supports."""
    if sheet.level is None:
        return []
    declared = checklist.level(sheet.level)
    if declared is None:
        return []
    shown = supported.level
    shown_rank = shown.rank if shown else 0
    here: tuple[PathPart, ...] = ("classification", "level")
    if declared.rank > shown_rank:
        by_id = {q.id: q for q in checklist.classification}
        triggers = []
        for question_id in declared.requires:
            question = by_id[question_id]
            where = ("classification", question_id)
            if question_id in contradicted:
                against = contradicted[question_id]
                said = Message("trigger.claim_contradicted", {"question": question.text})
                triggers.append(Trigger("claim_contradicted", said, where))
                triggers.extend(against.triggers)
            elif sheet.classification.get(question_id) is not True:
                triggers.append(Trigger("not_yes", Message("trigger.not_yes", {"question": question.text}), where))
        key = "finding.level_unsupported" if shown else "finding.level_unsupported_none"
        params = {"declared": declared.name, "shown": shown.name if shown else ""}
        ends = (here, *dict.fromkeys(t.path for t in triggers if t.path))
        return [Finding("inconsistency", "level_unsupported", Message(key, params), here, tuple(triggers), ends=ends)]
    if declared.rank < shown_rank and shown is not None:
        message = Message("finding.level_understated", {"declared": declared.name, "shown": shown.name})
        return [Finding("inconsistency", "level_understated", message, here, ends=(here,))]
    return []


def _claims(checklist: Checklist, context: RuleContext) -> tuple[dict[str, Finding], list[Finding]]:
    """Each "yes" the topics contradict: the claim's question id and its finding, naming both answers."""
    contradicted: dict[str, Finding] = {}
    for check in checklist.consistency:
        if "claim" not in check.params:
            continue
        found = RULES[check.rule](context, check.params)
        if not found:
            continue
        claim = AnswerPath.of(check.params["claim"])
        question = checklist.question_at(claim)
        level = next((lv for lv in checklist.levels if claim.question in lv.requires), None)
        advice: tuple[Message, ...] = ()
        if level is not None:
            advice = (Message("advice.guide_level", {"level": level.name, "applies_to": level.applies_to}),)
        where = claim.in_sheet()
        finding = Finding(
            "inconsistency",
            check.id,
            Message(f"finding.{check.id}", {"question": question.text if question else str(claim)}),
            where,
            tuple(found),
            advice,
            ends=(where, *dict.fromkeys(t.path for t in found)),
        )
        contradicted.setdefault(claim.question, finding)
    return contradicted, list(contradicted.values())


def _consistency(sheet: Sheet, checklist: Checklist, context: RuleContext) -> list[Finding]:
    findings = []
    for check in checklist.consistency:
        if "claim" in check.params:
            continue
        for found in RULES[check.rule](context, check.params):
            note = checklist.note(str(check.params.get("note"))) if check.params.get("note") else None
            findings.append(
                Finding("inconsistency", check.id, found.message, found.path, advice=(note.text,) if note else ())
            )
    findings += _unknown_partners(sheet, checklist)
    return findings


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
        # A choice or a yes/no answered otherwise is said as answered, not as "to settle".
        otherwise = [t for t in not_applied if _answered_otherwise(checklist, context, t.about)]
        unanswered = [t for t in not_applied if t not in otherwise]
        triggers = []
        if unanswered:
            questions = [q.text for q in (checklist.question_at(t.about) for t in unanswered) if q is not None]
            message = Message("trigger.practice_not_applied", {"questions": questions})
            triggers.append(Trigger("practice_not_applied", message, unanswered[0].path))
        for found in otherwise:
            # Something was answered: say what, and what the guide asks instead of "to settle".
            said = _said(checklist.question_at(found.about), context.answer(found.about))
            expects = check.expects or practice.text
            message = Message("trigger.practice_answered_otherwise", {"answer": said, "expects": expects})
            triggers.append(Trigger("practice_answered_otherwise", message, found.path))
        findings.append(
            Finding(
                "suggestion",
                practice.id,
                practice.text,
                AnswerPath.of(check.paths[0]).in_sheet(),
                triggers=tuple(triggers),
            )
        )
    return findings


def _answered_otherwise(checklist: Checklist, context: RuleContext, path: str) -> bool:
    question = checklist.question_at(path)
    return question is not None and question.type in ("choice", "yes_no") and is_answered(context.answer(path))


def _said(question: Question | None, answer: Any) -> Message | Localized | str:
    """An answer as the sheet's reader knows it: a choice's label, « non », the text."""
    if question is not None and isinstance(answer, str) and question.choice(answer) is not None:
        choice = question.choice(answer)
        assert choice is not None
        return choice.label
    if isinstance(answer, bool):
        return Message("guide.yes" if answer else "guide.no")
    return str(answer)
