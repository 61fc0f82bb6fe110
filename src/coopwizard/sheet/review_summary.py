"""What the partners' reviews add up to: what `coop check` and the documents show of them.

The latest score per concern, the spread between partners, the trend since each
partner's previous review, and how each success criterion is rated (sheet/reviews.py
reads and validates the reviews themselves). Pure: a sheet in, a summary out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from coopwizard.core.records import slim_dataclass
from coopwizard.guide.model import Checklist, ReviewConcern
from coopwizard.sheet.model import CriterionRating, Review, Sheet
from coopwizard.sheet.reviews import sheet_criteria


@slim_dataclass
class PartnerScore:
    """One partner's score for one concern: the mean of its statements in the partner's latest review."""

    partner: str
    date: dt.date
    score: float
    previous: float | None = None  # in the partner's review before, when it scored the concern
    previous_date: dt.date | None = None

    @property
    def change(self) -> float | None:
        return None if self.previous is None else round(self.score - self.previous, 2)


@slim_dataclass
class ConcernSummary:
    """One concern of the reviews, over every partner: the mean score, its spread and its trend."""

    concern: ReviewConcern
    partners: tuple[PartnerScore, ...]  # in the order the partners first reviewed
    score: float  # the mean of the partners' latest scores
    spread: float  # the highest latest score minus the lowest (0 with one partner)
    trend: float | None  # the mean change since each partner's previous review; None: no earlier review
    to_discuss: bool  # spread >= the checklist's gap

    @property
    def lowest(self) -> list[str]:
        low = min(p.score for p in self.partners)
        return [p.partner for p in self.partners if p.score == low]

    @property
    def highest(self) -> list[str]:
        high = max(p.score for p in self.partners)
        return [p.partner for p in self.partners if p.score == high]


@slim_dataclass
class CriterionSummary:
    """One criterion of the reviews: each partner's latest rating."""

    criterion: str
    ratings: tuple[tuple[str, dt.date, CriterionRating], ...]  # (partner, date, rating): each partner's latest


@slim_dataclass
class ReviewSummary:
    """What the sheet's reviews say, for `coop check` and the documents (agenda, HTML)."""

    count: int
    latest: dt.date
    partners: tuple[str, ...]  # who has reviewed, in the order they first did
    not_reviewed: tuple[str, ...]  # the sheet's partners with no review yet
    concerns: tuple[ConcernSummary, ...]  # in the checklist's order; concerns nobody scored are left out
    criteria: tuple[CriterionSummary, ...]
    scale: int  # the top of the scale (5)
    gap: int


def _mean(values: Sequence[float]) -> float:
    return round(sum(values) / len(values), 2)


def summarise(sheet: Sheet, checklist: Checklist) -> ReviewSummary | None:
    """The latest score per concern, the spread, the trend; None when there is no review (or no review guide)."""
    guide = checklist.review
    if guide is None or not sheet.reviews:
        return None
    ordered = sorted(enumerate(sheet.reviews), key=lambda pair: (pair[1].date, pair[0]))
    by_partner: dict[str, list[Review]] = {}
    for _, review in ordered:
        by_partner.setdefault(review.partner, []).append(review)
    concerns = []
    for concern in guide.concerns:
        ids = [s.id for s in concern.statements]
        scores = []
        for partner, reviews in by_partner.items():
            scored = [(r.date, _mean([r.scores[i] for i in ids if i in r.scores])) for r in reviews if _any(r, ids)]
            if not scored:
                continue
            date, score = scored[-1]
            before = scored[-2] if len(scored) > 1 else None
            scores.append(PartnerScore(partner, date, score, *(before[1], before[0]) if before else (None, None)))
        if not scores:
            continue
        latest = [p.score for p in scores]
        changes = [c for c in (p.change for p in scores) if c is not None]
        spread = round(max(latest) - min(latest), 2)
        concerns.append(
            ConcernSummary(
                concern,
                tuple(scores),
                _mean(latest),
                spread,
                _mean(changes) if changes else None,
                spread >= guide.gap,
            )
        )
    criteria: dict[str, list[tuple[str, dt.date, CriterionRating]]] = {}
    for partner, reviews in by_partner.items():
        latest_rating: dict[str, tuple[dt.date, CriterionRating]] = {}
        for review in reviews:
            for rated in review.criteria:
                latest_rating[rated.criterion] = (review.date, rated)
        for criterion, (date, rated) in latest_rating.items():
            criteria.setdefault(criterion, []).append((partner, date, rated))
    known = sheet_criteria(sheet)
    order = known + [c for c in criteria if c not in known]
    reviewed = tuple(by_partner)
    return ReviewSummary(
        count=len(sheet.reviews),
        latest=ordered[-1][1].date,
        partners=reviewed,
        not_reviewed=tuple(p for p in sheet.partner_names() if p not in by_partner),
        concerns=tuple(concerns),
        criteria=tuple(CriterionSummary(c, tuple(criteria[c])) for c in order if c in criteria),
        scale=len(guide.scale),
        gap=guide.gap,
    )


def _any(review: Review, ids: Sequence[str]) -> bool:
    return any(i in review.scores for i in ids)


def summary_data(summary: ReviewSummary, lang: str) -> dict[str, Any]:
    """The summary as JSON data (docs/json-output.md, `reviews`)."""
    return {
        "count": summary.count,
        "latest": summary.latest.isoformat(),
        "partners": list(summary.partners),
        "not_reviewed": list(summary.not_reviewed),
        "scale": summary.scale,
        "gap": summary.gap,
        "concerns": [
            {
                "id": c.concern.id,
                "label": c.concern.label(lang),
                "score": c.score,
                "spread": c.spread,
                "trend": c.trend,
                "to_discuss": c.to_discuss,
                "pitfalls": list(c.concern.pitfalls),
                "partners": [
                    {
                        "partner": p.partner,
                        "date": p.date.isoformat(),
                        "score": p.score,
                        "previous": p.previous,
                        "previous_date": p.previous_date.isoformat() if p.previous_date else None,
                    }
                    for p in c.partners
                ],
            }
            for c in summary.concerns
        ],
        "criteria": [
            {
                "criterion": c.criterion,
                "ratings": [
                    {"partner": partner, "date": date.isoformat(), "rating": r.rating, "comment": r.comment}
                    for partner, date, r in c.ratings
                ],
            }
            for c in summary.criteria
        ],
    }
