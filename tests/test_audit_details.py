"""Details of the audit's rules and phrase matching that the scenarios leave unsaid.

Written from the mutants mutation testing left alive in `src/coopwizard/audit` (docs/testing.md):
each test pins one behaviour of the rules or of audit/phrases.py, on the complete example sheet
with only the answers it is about changed, or on the phrase functions directly.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from coopwizard.audit.engine import audit
from coopwizard.audit.findings import Trigger
from coopwizard.audit.phrases import contains, find, restates, word_matches
from coopwizard.guide.model import Checklist
from coopwizard.sheet.parse import parse_sheet
from tests import sheets

TODAY = dt.date(2026, 10, 1)


def triggers(data: dict[str, Any], checklist: Checklist, rule_id: str) -> list[Trigger]:
    sheet, issues = parse_sheet(data, checklist, "x.yaml")
    assert not issues
    result = audit(sheet, checklist, issues, TODAY)
    return [t for f in result.findings if f.rule == rule_id for t in f.triggers]


def codes(data: dict[str, Any], checklist: Checklist, rule_id: str) -> list[str]:
    return [t.code for t in triggers(data, checklist, rule_id)]


# -- phrases -----------------------------------------------------------------------------------


def test_find_gives_the_phrase_found_and_its_word_positions() -> None:
    assert find("Bon, on cherchera des sponsors", ["des sponsors", "on cherchera"]) == ("des sponsors", (3, 5))
    assert find("On verra", ["on verra"]) == ("on verra", (0, 2))
    assert find("Une subvension de la ville", ["subvention"]) == ("subvention", (1, 2))
    assert find("Rien de prévu", ["on verra"]) is None
    assert contains("Rien de prévu", ["prevu"]) and not contains("Rien", ["prevu"])


@pytest.mark.parametrize(
    ("word", "expected", "matches"),
    [
        ("subvnetion", "subvention", True),  # two neighbours swapped: one typo
        ("usbvention", "subvention", True),  # the first two
        ("subventino", "subvention", True),  # the last two
        ("sunvebtion", "subvention", False),  # two letters swapped that are not neighbours
        ("subvnxtion", "subvention", False),  # two neighbours changed, not swapped
        ("subvnetoin", "subvention", False),  # two swaps
        ("subvenion", "subvention", True),  # one letter missing
        ("subvenon", "subvention", False),  # two missing
        ("ubvention", "subvention", True),  # the first one missing
        ("xbvention", "subvention", False),  # the first changed and one missing
        ("subventtion", "subvention", True),  # one added
        ("subventiion", "subvention", True),
        ("ssubventionn", "subvention", False),  # two added
        ("paie", "pied", False),  # short words match exactly
    ],
)
def test_one_typo_is_tolerated_in_a_long_word(word: str, expected: str, matches: bool) -> None:
    assert word_matches(word, expected) is matches
    assert contains(f"Une {word} de la ville", [expected]) is matches


def test_a_text_with_no_meaningful_word_restates_anything() -> None:
    assert restates("Tout pour nous", ["Un jardin partagé"])


def test_a_text_restates_another_when_each_of_its_words_is_there() -> None:
    assert restates("Des jardins partagés", ["Un jardin partagé pour le quartier"])
    assert not restates("Des jardins ouverts aux écoles", ["Un jardin partagé pour le quartier"])
    assert restates("Un jardin", ["Rien à voir", "Le jardin du quartier"])  # any of the others
    assert not restates("Un jardin", [""])


def test_a_short_word_restates_its_longer_form_either_way() -> None:
    """« fête » (four letters, no typo tolerated) is in « fêtes », and « fêtes » in « fête »."""
    assert restates("Une fête", ["Les fêtes des Linandes"])
    assert restates("Les fêtes", ["Une fête au jardin"])


# -- unclear_purpose: objectives that only restate the reason or the title --------------------------


@pytest.mark.parametrize(
    "objectives",
    [
        ["Les jardins et les fêtes des Linandes"],  # the title again
        ["Une fête", "Des jardins"],  # each a word of the title
        ["Tout pour nous"],  # nothing said at all
    ],
)
def test_objectives_that_restate_the_title_are_not_objectives(objectives: list[str], checklist: Checklist) -> None:
    data = sheets.example()
    data["topics"]["purpose"]["objectives"] = objectives
    assert codes(data, checklist, "unclear_purpose") == ["objectives_restate"]


def test_one_objective_that_says_something_new_is_enough(checklist: Checklist) -> None:
    data = sheets.example()
    data["topics"]["purpose"]["objectives"] = ["Une fête", "Faire participer les jeunes du quartier aux chantiers"]
    assert codes(data, checklist, "unclear_purpose") == []


# -- who is named, and how names are listed ------------------------------------------------------


def test_partners_without_a_representative_are_listed_with_commas(checklist: Checklist) -> None:
    data = sheets.example()
    for partner in data["partners"][1:]:
        del partner["representative"]
    (found,) = triggers(data, checklist, "dispersion")
    assert found.code == "no_representative"
    assert found.message.params == {"partners": "Club Ados Linandes, Cuisine du Monde Cergy"}


def test_one_shared_word_does_not_name_a_partner(checklist: Checklist) -> None:
    """« Ville de Cergy » is not « Cuisine du Monde Cergy »: the town's grant is not that partner's money."""
    data = sheets.example()
    data["partners"][2]["brings_money"] = 100
    needed = data["topics"]["material_resources"]["needed"]
    # 800 + 300 + 100 from the partners and the town's 500: 1,700 brought; 1,700 needed.
    needed.append({"item": "Scène couverte", "amount": 1700 - 750})
    assert codes(data, checklist, "wishes_vs_means") == []
    # The same grant said to come from the partner that pays is its money, counted once: a gap.
    data["topics"]["material_resources"]["existing"][1]["provided_by"] = "Cuisine du Monde"
    assert codes(data, checklist, "wishes_vs_means") == ["money_gap"]


# -- provider_relationship: who only pays ----------------------------------------------------------


@pytest.mark.parametrize(
    ("brings", "only_pays"),
    [
        ({"brings_money": 400}, True),
        ({"brings_money": 1}, True),  # a symbolic euro is money too
        ({"brings_money": 400, "brings_material": ["cuisine mobile"]}, False),
        ({"brings_money": 400, "brings_people": ["deux cuisinières"]}, False),
        ({"brings_material": ["cuisine mobile"]}, False),
        ({}, False),
    ],
)
def test_a_partner_with_no_mission_only_pays_when_it_brings_money_alone(
    brings: dict[str, Any], only_pays: bool, checklist: Checklist
) -> None:
    """Cuisine du Monde has no mission and every mission is the Potagers': it only asks if it brings only money."""
    data = sheets.provider_only_asks()
    cuisine = data["partners"][2]
    for key in ("brings_material", "brings_people", "brings_money"):
        cuisine.pop(key, None)
    cuisine.update(brings)
    found = triggers(data, checklist, "provider_relationship")
    assert [t.code for t in found] == (["only_asks"] if only_pays else [])
    if only_pays:
        assert found[0].message.params == {
            "askers": "Cuisine du Monde Cergy",
            "providers": "Les Potagers des Linandes",
        }


def test_paid_services_with_every_partner_working_say_only_that(checklist: Checklist) -> None:
    """Paid services between partners who all have a mission: no payer to name, the answer alone is said."""
    (found,) = triggers(sheets.provider_relationship(), checklist, "provider_relationship")
    assert (found.code, found.message.key, found.message.params) == ("paid_services", "trigger.paid_services", {})
    assert found.path == ("topics", "responsibilities", "paid_services")
