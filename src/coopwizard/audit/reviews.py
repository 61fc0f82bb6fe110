"""What `coop check` says about the partners' reviews: points to discuss, and when a review is due.

A spread of the checklist's `gap` (2) points or more between partners on one
concern is a point to discuss (an inconsistency: the partners' views differ).
A cooperation project (the checklist's top level) is reviewed at least every
`due_months` (12) months, and again when a partner joins: a partner of the
sheet with no review while others have reviewed is taken as having joined since.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from coopwizard.audit.findings import Finding, Trigger
from coopwizard.core.clock import months_before
from coopwizard.core.localized import Localized
from coopwizard.core.message import Message
from coopwizard.guide.levels import Classification
from coopwizard.guide.model import Checklist
from coopwizard.sheet.model import Sheet

if TYPE_CHECKING:
    from coopwizard.sheet.review_summary import ReviewSummary


def check_reviews(
    sheet: Sheet, checklist: Checklist, classification: Classification, today: dt.date
) -> tuple[ReviewSummary | None, list[Finding]]:
    guide = checklist.review
    if guide is None:
        return None, []
    summary = None
    if sheet.reviews:  # most sheets have none: sheet/review_summary.py is then not even imported
        from coopwizard.sheet.review_summary import summarise

        summary = summarise(sheet, checklist)
    findings: list[Finding] = []
    if summary is not None:
        for concern in summary.concerns:
            if not concern.to_discuss:
                continue
            practices = [p.text for p in (checklist.practice(i) for i in concern.concern.practices) if p is not None]
            low, high = min(p.score for p in concern.partners), max(p.score for p in concern.partners)
            findings.append(
                Finding(
                    "inconsistency",
                    "review_spread",
                    Message(
                        "finding.review_spread",
                        {
                            "concern": concern.concern.label,
                            "low": _score(low),
                            "lowest": concern.lowest,
                            "high": _score(high),
                            "highest": concern.highest,
                        },
                    ),
                    ("reviews",),
                    advice=tuple(practices),
                )
            )
    top = max(checklist.levels, key=lambda lv: lv.rank) if checklist.levels else None
    if top is None or classification.level is None or classification.level.id != top.id:
        return summary, findings
    limit = months_before(today, guide.due_months)
    triggers: list[Trigger] = []
    if summary is None:
        if sheet.created is not None and sheet.created < limit:
            triggers.append(
                Trigger(
                    "no_review",
                    Message("trigger.no_review", {"created": sheet.created.isoformat(), "months": guide.due_months}),
                    ("project", "created"),
                )
            )
    else:
        if summary.latest < limit:
            triggers.append(
                Trigger(
                    "review_old",
                    Message("trigger.review_old", {"date": summary.latest.isoformat(), "months": guide.due_months}),
                    ("reviews",),
                )
            )
        if summary.not_reviewed:
            triggers.append(
                Trigger(
                    "partner_not_reviewed",
                    Message("trigger.partner_not_reviewed", {"partners": list(summary.not_reviewed)}),
                    ("partners",),
                )
            )
    if triggers:
        findings.append(
            Finding(
                "suggestion",
                "review_due",
                Message("finding.review_due", {"months": guide.due_months}),
                triggers[0].path,
                triggers=tuple(triggers),
            )
        )
    return summary, findings


def _score(value: float) -> Localized:
    """A score as each language writes it: 4.5, 4,5."""
    text = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    return Localized(fr=text.replace(".", ","), en=text)
