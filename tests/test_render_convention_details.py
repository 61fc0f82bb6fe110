"""The draft agreement (render/convention.py), clause by clause: what the sheet fills in, what is marked
« à compléter » and listed, which clauses each level and each sheet gets, and how it is written as
Markdown, HTML and Word.

Written from the mutation run of render/convention.py (docs/testing.md): each test pins, word for word in
French and English, one part of the draft the partners read and sign.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from coopwizard.audit.engine import audit
from coopwizard.guide.model import Checklist
from coopwizard.render.convention import Agreement, Article, build_agreement
from coopwizard.sheet.parse import parse_sheet
from tests.helpers import french
from tests.sheets import example

TODAY = dt.date(2026, 10, 1)


@pytest.fixture(autouse=True)
def empty_render_caches() -> Iterator[None]:
    """mutmut forks each mutant from a process that ran the tests once (docs/testing.md): no cached
    answer of the clean code may stand in for the code under test."""
    from coopwizard.render import convention, html

    caches = (convention.clauses, html.environment, html.stylesheet)
    for cached in caches:
        cached.cache_clear()
    yield
    for cached in caches:
        cached.cache_clear()


def agreement_of(data: dict[str, Any], checklist: Checklist, lang: str) -> Agreement:
    sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
    assert not issues
    return build_agreement(sheet, checklist, audit(sheet, checklist, issues, TODAY), lang)


def article(agreement: Agreement, number: int | None) -> Article:
    if number is None:
        return agreement.preamble
    found = agreement.articles[number - 1]
    assert found.number == number
    return found


def texts(agreement: Agreement, number: int | None) -> list[str]:
    """An article's paragraphs as plain text."""
    return [p.plain for p in article(agreement, number).paragraphs]


# -- the preamble ---------------------------------------------------------------------------------


REASON = (
    "Le quartier manque de lieux où voisins, jeunes et familles se rencontrent ; chacune de nos associations le "
    "constate de son côté."
)  # the sheet's words, written as typed (only the clauses' own text is spaced the French way)


@pytest.mark.parametrize(
    ("lang", "first"),
    [
        (
            "fr",
            french("Les parties souhaitent mener ensemble le projet « Jardins et fêtes des Linandes ». Elles le font ")
            + french("pour la raison suivante : ")
            + REASON,
        ),
        (
            "en",
            'The parties wish to carry out together the project "Jardins et fêtes des Linandes". They do so '
            "for the following reason: " + REASON,
        ),
    ],
)
def test_a_sheet_with_no_territory_names_none_and_leaves_no_gap(lang: str, first: str, checklist: Checklist) -> None:
    data = example()
    del data["project"]["territory"]
    agreement = agreement_of(data, checklist, lang)
    assert texts(agreement, None)[0] == first
    assert not [s for s in article(agreement, None).paragraphs[0].segments if s.todo]
    assert not [t for t in agreement.todos if "territory" in t.what]


@pytest.mark.parametrize(
    ("lang", "party", "what"),
    [
        (
            "fr",
            french(
                "[à compléter : nom de l'association], association régie par la loi du 1er juillet 1901, dont le "
                "siège est situé [à compléter : adresse du siège], représentée par [à compléter : nom du "
                "représentant], en sa qualité de [à compléter : fonction du représentant (président·e, "
                "co-président·e…)], ci-après dénommée « [à compléter : nom de l'association] »,"
            ),
            "nom de l'association",
        ),
        (
            "en",
            "[to complete: the association's name], an association under the French law of 1 July 1901, whose "
            "registered office is at [to complete: registered office address], represented by [to complete: name "
            "of the representative], acting as [to complete: the representative's role (chair, co-chair…)], "
            'hereinafter "[to complete: the association\'s name]",',
            "the association's name",
        ),
    ],
)
def test_a_sheet_with_no_partner_leaves_one_party_to_name_in_words(
    lang: str, party: str, what: str, checklist: Checklist
) -> None:
    data = example()
    data["partners"] = []
    del data["topics"]["responsibilities"]["missions"]
    del data["topics"]["human_resources"]["skills"]
    del data["topics"]["human_resources"]["availability"]
    agreement = agreement_of(data, checklist, lang)
    assert [p.plain for p in agreement.parties] == [party]
    assert [p.item for p in agreement.parties] == [True]
    between = "Entre les soussignées" if lang == "fr" else "Between the undersigned"
    assert [t.what for t in agreement.todos if t.where == between][::4] == [what, what]
