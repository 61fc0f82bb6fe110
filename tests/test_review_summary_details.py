"""Details of the reviews' summary (sheet/review_summary.py: `summarise`, `summary_data`, `months_before`) that
the review commands' tests leave unsaid.

Written for the mutation run over the summary, then part of `sheet/reviews.py` (docs/testing.md):
four reviews of the Linandes sheet, two partners reviewing twice, out of date order in the file and two
on the same day, with the exact summary they give.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from coopwizard.core.clock import months_before
from coopwizard.guide.model import Checklist
from coopwizard.sheet.parse import parse_sheet
from coopwizard.sheet.review_summary import ReviewSummary, summarise, summary_data
from tests.sheets import example

POTAGERS, ADOS, CUISINE = "Les Potagers des Linandes", "Club Ados Linandes", "Cuisine du Monde Cergy"
FEASTS, YOUTH = "Fréquentation des fêtes", "Participation des jeunes"


def review(partner: str, day: str, scores: dict[str, int], *criteria: tuple[str, str]) -> dict[str, Any]:
    given: dict[str, Any] = {"partner": partner, "date": dt.date.fromisoformat(day), "scores": scores}
    if criteria:
        given["criteria"] = [{"criterion": c, "rating": r} for c, r in criteria]
    return given


def summary(checklist: Checklist, reviews: list[dict[str, Any]]) -> ReviewSummary:
    data = example()
    data["reviews"] = reviews
    sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
    assert not issues
    found = summarise(sheet, checklist)
    assert found is not None
    return found


REVIEWS = [
    review(POTAGERS, "2026-03-01", {"ideas_heard": 4, "decisions_shared": 4}, (YOUTH, "partly")),
    review(ADOS, "2026-02-01", {"ideas_heard": 2}),  # the first review, though listed second
    review(
        POTAGERS,
        "2026-09-01",
        {"ideas_heard": 5, "decisions_shared": 4, "purpose_clear": 3},
        (YOUTH, "met"),
        ("Un critère d'avant", "not_met"),  # no longer among the sheet's criteria
        (FEASTS, "partly"),
    ),
    review(ADOS, "2026-09-01", {"ideas_heard": 3, "decisions_shared": 2}),  # the same day, after it in the file
]


def test_the_summary_gives_each_concern_s_latest_scores_spread_and_trend(checklist: Checklist) -> None:
    found = summary(checklist, REVIEWS)
    assert (found.count, found.latest, found.scale, found.gap) == (4, dt.date(2026, 9, 1), 5, 2)
    assert found.partners == (ADOS, POTAGERS)  # in the order they first reviewed
    assert found.not_reviewed == (CUISINE,)
    assert [c.concern.id for c in found.concerns] == ["shared_purpose", "democratic_decisions"]  # none scored the rest
    purpose, decisions = found.concerns
    assert (purpose.score, purpose.spread, purpose.trend, purpose.to_discuss) == (3.0, 0.0, None, False)
    assert [(p.partner, p.date, p.score, p.previous, p.previous_date, p.change) for p in purpose.partners] == [
        (POTAGERS, dt.date(2026, 9, 1), 3.0, None, None, None)
    ]
    assert (decisions.score, decisions.spread, decisions.trend, decisions.to_discuss) == (3.5, 2.0, 0.5, True)
    assert [(p.partner, p.date, p.score, p.previous, p.previous_date, p.change) for p in decisions.partners] == [
        (ADOS, dt.date(2026, 9, 1), 2.5, 2.0, dt.date(2026, 2, 1), 0.5),
        (POTAGERS, dt.date(2026, 9, 1), 4.5, 4.0, dt.date(2026, 3, 1), 0.5),
    ]
    assert (decisions.lowest, decisions.highest) == ([ADOS], [POTAGERS])
    # Each partner's latest rating of each criterion: the sheet's criteria in its order, then the others.
    assert [(c.criterion, [(p, d, r.rating) for p, d, r in c.ratings]) for c in found.criteria] == [
        (FEASTS, [(POTAGERS, dt.date(2026, 9, 1), "partly")]),
        (YOUTH, [(POTAGERS, dt.date(2026, 9, 1), "met")]),
        ("Un critère d'avant", [(POTAGERS, dt.date(2026, 9, 1), "not_met")]),
    ]


def test_a_spread_just_below_the_gap_is_no_point_to_discuss_and_ties_are_all_named(checklist: Checklist) -> None:
    found = summary(
        checklist,
        [
            review(POTAGERS, "2026-09-01", {"ideas_heard": 4, "decisions_shared": 3}),
            review(ADOS, "2026-09-02", {"ideas_heard": 2}),
            review(CUISINE, "2026-09-03", {"ideas_heard": 3, "decisions_shared": 4}),
        ],
    )
    [decisions] = found.concerns
    assert (decisions.score, decisions.spread, decisions.trend, decisions.to_discuss) == (3.0, 1.5, None, False)
    assert (decisions.lowest, decisions.highest) == ([ADOS], [POTAGERS, CUISINE])
    assert found.not_reviewed == ()
    assert found.criteria == ()


def test_a_partner_s_review_that_scored_another_concern_is_not_its_previous_score(checklist: Checklist) -> None:
    found = summary(
        checklist,
        [
            review(ADOS, "2026-02-01", {"ideas_heard": 1}),
            review(ADOS, "2026-05-01", {"purpose_clear": 4}),  # not about decisions
            review(ADOS, "2026-09-01", {"decisions_shared": 4}),
        ],
    )
    decisions = next(c for c in found.concerns if c.concern.id == "democratic_decisions")
    [ados] = decisions.partners
    assert (ados.score, ados.previous, ados.previous_date, ados.change) == (4.0, 1.0, dt.date(2026, 2, 1), 3.0)
    assert decisions.trend == 3.0
    assert found.latest == dt.date(2026, 9, 1)


def test_no_review_is_no_summary(checklist: Checklist) -> None:
    sheet, _ = parse_sheet(example(), checklist, "fiche.yaml")
    assert summarise(sheet, checklist) is None


def test_the_summary_as_json_data(checklist: Checklist) -> None:
    found = summary(checklist, REVIEWS[:2])
    assert summary_data(found, "fr") == {
        "count": 2,
        "latest": "2026-03-01",
        "partners": [ADOS, POTAGERS],
        "not_reviewed": [CUISINE],
        "scale": 5,
        "gap": 2,
        "concerns": [
            {
                "id": "democratic_decisions",
                "label": "Des décisions prises démocratiquement",
                "score": 3.0,
                "spread": 2.0,
                "trend": None,
                "to_discuss": True,
                "pitfalls": ["hasty_decisions"],
                "partners": [
                    {"partner": ADOS, "date": "2026-02-01", "score": 2.0, "previous": None, "previous_date": None},
                    {"partner": POTAGERS, "date": "2026-03-01", "score": 4.0, "previous": None, "previous_date": None},
                ],
            }
        ],
        "criteria": [
            {
                "criterion": YOUTH,
                "ratings": [{"partner": POTAGERS, "date": "2026-03-01", "rating": "partly", "comment": None}],
            }
        ],
    }
    later = summary_data(summary(checklist, REVIEWS), "en")
    decisions = later["concerns"][1]
    assert decisions["label"] == "Decisions taken democratically"
    assert decisions["trend"] == 0.5
    assert decisions["partners"][0] == {
        "partner": ADOS,
        "date": "2026-09-01",
        "score": 2.5,
        "previous": 2.0,
        "previous_date": "2026-02-01",
    }


@pytest.mark.parametrize(
    ("day", "months", "before"),
    [
        ("2026-12-01", 12, "2025-12-01"),
        ("2027-01-15", 1, "2026-12-15"),  # across a year
        ("2027-03-31", 1, "2027-02-28"),  # the last day of a shorter month
        ("2028-03-31", 1, "2028-02-29"),  # in a leap year
        ("2027-03-01", 14, "2026-01-01"),
        ("2027-05-31", 0, "2027-05-31"),
    ],
)
def test_months_before_is_the_same_day_or_the_month_s_last(day: str, months: int, before: str) -> None:
    assert months_before(dt.date.fromisoformat(day), months) == dt.date.fromisoformat(before)
