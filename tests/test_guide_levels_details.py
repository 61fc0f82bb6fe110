"""Which level the classification answers reach, what the next one needs, and which rules a kind has.

Written from the mutation run of guide/levels.py and guide/rule_specs.py (docs/testing.md): each test
pins, with exact values, what the wizard and the documents say of a partnership's level.
"""

from __future__ import annotations

from typing import Any

import pytest

from coopwizard.core.localized import Localized
from coopwizard.guide.levels import Classification, classify, steps_to_next
from coopwizard.guide.model import Checklist, Question
from coopwizard.guide.rule_specs import rules_of

YES = True


def _ids(levels: Any) -> list[str]:
    return [level.id for level in levels]


def _level(checklist: Checklist, level_id: str) -> Any:
    found = checklist.level(level_id)
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("answers", "level", "modes", "next_level", "missing", "answered"),
    [
        ({}, None, [], "mutualisation", ["shares_resources"], False),
        ({"shares_resources": False}, None, [], "mutualisation", ["shares_resources"], True),
        ({"formal_rapprochement": "none"}, None, [], "mutualisation", ["shares_resources"], True),
        ({"shares_resources": YES}, "mutualisation", ["mutualisation"], "collaboration", ["shares_work"], True),
        (
            {"shares_work": YES},
            "collaboration",
            ["collaboration"],
            "cooperation",
            ["shares_resources", "shared_organisation", "beyond_one_event"],
            True,
        ),
        (
            {"shares_resources": YES, "shares_work": YES},
            "collaboration",
            ["mutualisation", "collaboration"],
            "cooperation",
            ["shared_organisation", "beyond_one_event"],
            True,
        ),
        (
            {"shares_resources": YES, "shares_work": YES, "shared_organisation": YES, "beyond_one_event": False},
            "collaboration",
            ["mutualisation", "collaboration"],
            "cooperation",
            ["beyond_one_event"],
            True,
        ),
        (
            {"shares_resources": YES, "shares_work": YES, "shared_organisation": YES, "beyond_one_event": YES},
            "cooperation",
            ["mutualisation", "collaboration", "cooperation"],
            None,
            [],
            True,
        ),
        # Only a true yes counts: a text "yes" or a 1 is not one (answers are parsed before they get here).
        ({"shares_resources": "yes", "shares_work": 1}, None, [], "mutualisation", ["shares_resources"], True),
    ],
)
def test_the_level_reached_is_the_highest_whose_every_question_is_yes(
    checklist: Checklist,
    answers: dict[str, Any],
    level: str | None,
    modes: list[str],
    next_level: str | None,
    missing: list[str],
    answered: bool,
) -> None:
    result = classify(answers, checklist)
    assert (result.level.id if result.level else None) == level
    assert _ids(result.modes) == modes
    assert (result.next_level.id if result.next_level else None) == next_level
    assert _ids(result.missing) == missing
    assert result.answered is answered
    assert all(isinstance(q, Question) for q in result.missing)


def test_the_level_reached_is_the_highest_rank_not_the_last_listed(checklist: Checklist) -> None:
    """Levels listed highest first still give the highest reached, and the next by rank."""
    import dataclasses

    reversed_levels = dataclasses.replace(checklist, levels=tuple(reversed(checklist.levels)))
    result = classify({"shares_resources": YES, "shares_work": YES}, reversed_levels)
    assert result.level is not None and result.level.id == "collaboration"
    assert _ids(result.modes) == ["collaboration", "mutualisation"]
    assert result.next_level is not None and result.next_level.id == "cooperation"


def test_the_next_step_is_said_in_the_guide_s_words_or_by_the_question(checklist: Checklist) -> None:
    result = classify({"shares_work": YES}, checklist)
    assert steps_to_next(result, "fr") == [q.to_reach.fr for q in result.missing if q.to_reach is not None]
    assert steps_to_next(result, "en") == [
        "Share non-human means (premises, equipment, logistics).",
        "Organise technical and human means in common, with shared governance.",
        "Make the project last over time, beyond a single event.",
    ]
    bare = Question(id="q", type="yes_no", text=Localized("Partagez-vous ?", "Do you share?"))
    told = Question(id="r", type="yes_no", text=Localized("Texte", "Text"), to_reach=Localized("Partager", "Share"))
    cooperation = _level(checklist, "cooperation")
    pending = Classification(None, (), cooperation, (bare, told), False)
    assert steps_to_next(pending, "fr") == ["Partagez-vous ?", "Partager"]
    assert steps_to_next(pending, "en") == ["Do you share?", "Share"]
    assert steps_to_next(Classification(None, (), None, (), False), "en") == []


@pytest.mark.parametrize(
    ("kind", "names"),
    [
        ("pitfall", ["dispersion", "hasty_decisions", "provider_relationship", "unclear_purpose", "wishes_vs_means"]),
        (
            "consistency",
            [
                "claim_beyond_one_event",
                "claim_shared_organisation",
                "claim_shares_resources",
                "claim_shares_work",
                "premature_rapprochement",
            ],
        ),
        ("practice", ["answered", "choice_in", "every_partner", "is_yes"]),
    ],
)
def test_the_rules_of_a_kind_in_alphabetical_order(kind: Any, names: list[str]) -> None:
    assert rules_of(kind) == names
