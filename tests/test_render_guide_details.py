"""The guide at a glance (render/guide.py): `coop levels`, `coop topics`, `coop pitfalls`, `coop practices`
as tables, tab-separated lines and JSON, detail by detail.

Written for the mutation run over `src/coopwizard/render/guide.py` (docs/testing.md): the exact rows and
headings in French and English, and the whole JSON of a small checklist of one's own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import pytest

from coopwizard.core.localized import Localized
from coopwizard.guide.model import Checklist, Condition, Question
from coopwizard.i18n import message
from coopwizard.render.guide import _plain, _reads, guide_json, guide_plain, guide_rows, guide_table


@pytest.fixture(autouse=True)
def empty_caches() -> None:
    """mutmut forks each mutant from a process that ran the tests once (docs/testing.md): no cached
    answer of the clean code may stand in for the code under test."""
    from coopwizard.render import convention, html

    for cached in (convention.clauses, html.environment, html.stylesheet):
        cached.cache_clear()


@pytest.mark.parametrize(
    ("part", "lang", "head", "first", "count"),
    [
        (
            "levels",
            "fr",
            ["id", "Niveau", "Devise", "S'applique à"],
            ["mutualisation", "1. Mutualisation", "facilitation réciproque", None],
            3,
        ),
        (
            "levels",
            "en",
            ["id", "Level", "Motto", "Applies to"],
            ["mutualisation", "1. Pooling", "mutual facilitation", None],
            3,
        ),
        (
            "topics",
            "fr",
            ["id", "Sujet", "Dans le guide", "Questions"],
            ["purpose", "Raison et objectifs", "la raison du projet de coopération et ses objectifs", "4"],
            12,
        ),
        (
            "topics",
            "en",
            ["id", "Topic", "In the guide", "Questions"],
            ["purpose", "Purpose and objectives", None, "4"],
            12,
        ),
        ("pitfalls", "fr", ["id", "Écueil", "Conseil"], ["provider_relationship", None, None], 5),
        ("pitfalls", "en", ["id", "Pitfall", "Advice"], ["provider_relationship", None, None], 5),
        (
            "practices",
            "fr",
            ["id", "Bonne pratique", "Vérifiée par coop check"],
            ["act_local_think_global", "Agir localement et penser globalement… et réciproquement", "oui"],
            14,
        ),
        (
            "practices",
            "en",
            ["id", "Good practice", "Checked by coop check"],
            ["act_local_think_global", "Act locally and think globally… and the other way round", "yes"],
            14,
        ),
    ],
)
def test_each_part_s_headings_and_rows(
    part: str, lang: str, head: list[str], first: list[str | None], count: int, checklist: Checklist
) -> None:
    found_head, rows = guide_rows(checklist, part, lang)
    assert found_head == head
    assert len(rows) == count
    assert [cell for cell, wanted in zip(rows[0], first, strict=True) if wanted is not None] == [
        wanted for wanted in first if wanted is not None
    ]
    assert len(rows[0]) == len(head)


def test_the_rows_say_each_item_in_the_language(checklist: Checklist) -> None:
    _, levels = guide_rows(checklist, "levels", "en")
    assert levels[2] == [
        "cooperation",
        "3. Cooperation",
        "building a common work",
        checklist.levels[2].applies_to("en"),
    ]
    _, topics = guide_rows(checklist, "topics", "fr")
    assert topics[-1] == ["outlook", "Perspectives", checklist.topics[-1].guide("fr"), "2"]
    _, pitfalls = guide_rows(checklist, "pitfalls", "en")
    assert pitfalls[0] == [
        "provider_relationship",
        checklist.pitfalls[0].text("en"),
        checklist.pitfalls[0].advice("en"),
    ]


def test_a_practice_no_rule_checks_is_said_unchecked(checklist: Checklist) -> None:
    first, *others = checklist.practices
    own = dataclasses.replace(checklist, practices=(dataclasses.replace(first, check=None), *others))
    assert guide_rows(own, "practices", "fr")[1][0][2] == "non"
    assert guide_rows(own, "practices", "en")[1][0][2] == "no"
    assert json.loads(guide_json(own, "practices", "en"))["practices"][0] == {
        "id": "act_local_think_global",
        "text": "Act locally and think globally… and the other way round",
        "checked": False,
    }


def test_the_plain_lines_are_tab_separated_one_item_a_line(checklist: Checklist) -> None:
    assert guide_plain(checklist, "levels", "en") == "".join(
        f"{lv.id}\t{lv.rank}. {lv.name('en')}\t{lv.motto('en')}\t{lv.applies_to('en')}\n" for lv in checklist.levels
    )
    assert guide_plain(checklist, "practices", "fr").splitlines()[0] == (
        "act_local_think_global\tAgir localement et penser globalement… et réciproquement\toui"
    )


def test_the_table_shows_names_not_ids_under_the_guide_s_title(checklist: Checklist) -> None:
    table = guide_table(checklist, "levels", "fr")
    assert table.title == "Tout petit guide pour grand projet inter-associatif"
    assert [c.header for c in table.columns] == ["Niveau", "Devise", "S'applique à"]
    assert list(table.columns[0].cells) == ["1. Mutualisation", "2. Collaboration", "3. Coopération"]
    assert list(table.columns[1].cells) == ["facilitation réciproque", "travailler ensemble", "faire œuvre commune"]
    assert table.show_lines is False
    english = guide_table(checklist, "topics", "en")
    assert [c.header for c in english.columns] == ["Topic", "In the guide", "Questions"]
    assert english.row_count == 12


def small(checklist: Checklist) -> Checklist:
    timeline = next(t for t in checklist.topics if t.id == "timeline")
    return dataclasses.replace(
        checklist,
        levels=checklist.levels[:1],
        classification=checklist.classification[-1:],
        project=checklist.project[:1],
        partner=checklist.partner[:1],
        topics=(dataclasses.replace(timeline, hints=(Localized("Une date par étape", "A date a step"),)),),
        pitfalls=checklist.pitfalls[:1],
        practices=checklist.practices[:1],
    )


def labels(text: Localized) -> dict[str, str]:
    return {"fr": text("fr"), "en": text("en")}


def choice(choice_id: str, text: Localized, lang: str) -> dict[str, Any]:
    return {"id": choice_id, "label": text(lang), "labels": labels(text)}


def classification_part(own: Checklist, lang: str) -> dict[str, Any]:
    rapprochement = own.classification[0]
    return {
        "questions": [
            {
                "id": "formal_rapprochement",
                "path": "classification.formal_rapprochement",
                "type": "choice",
                "text": rapprochement.text(lang),
                "required": False,
                "help": rapprochement.help(lang) if rapprochement.help else None,
                "choices": [choice(c.id, c.label, lang) for c in rapprochement.choices],
            }
        ],
        "reserved": [
            {
                "id": "level",
                "path": "classification.level",
                "type": "choice",
                "text": message(lang, "schema.level.description"),
                "choices": [
                    {
                        "id": "mutualisation",
                        "label": own.levels[0].name(lang),
                        "labels": {"fr": "Mutualisation", "en": "Pooling"},
                    }
                ],
            }
        ],
    }


def test_the_levels_as_json_with_the_classification_questions(checklist: Checklist) -> None:
    own = small(checklist)
    document = json.loads(guide_json(own, "levels", "fr"))
    assert document == {
        "checklist": {"id": "cergy-cooperation", "version": 1},
        "levels": [
            {
                "id": "mutualisation",
                "rank": 1,
                "name": "Mutualisation",
                "motto": "facilitation réciproque",
                "applies_to": own.levels[0].applies_to("fr"),
                "requires": ["shares_resources"],
            }
        ],
        "classification": classification_part(own, "fr"),
    }
    assert document["classification"]["questions"][0]["choices"][1]["labels"]["en"] == "An ad hoc grouping"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_topics_as_json_with_the_sheet_s_other_sections(lang: str, checklist: Checklist) -> None:
    own = small(checklist)
    text = guide_json(own, "topics", lang)
    assert text.endswith("}\n") and "\n  " in text  # indented, one document
    if lang == "fr":
        assert "Échéancier" in text  # UTF-8, not escaped
    status = message(lang, "schema.status.description")
    milestones = own.topics[0].questions[0]
    assert json.loads(text) == {
        "checklist": {"id": "cergy-cooperation", "version": 1},
        "topics": [
            {
                "id": "timeline",
                "label": own.topics[0].label(lang),
                "guide": own.topics[0].guide(lang),
                "hints": ["Une date par étape" if lang == "fr" else "A date a step"],
                "questions": [
                    {
                        "id": "milestones",
                        "path": "timeline.milestones",
                        "type": "list",
                        "text": milestones.text(lang),
                        "required": True,
                        "help": milestones.help(lang) if milestones.help else None,
                        "fields": [
                            {
                                "id": "date",
                                "path": "timeline.milestones.date",
                                "type": "date",
                                "text": milestones.fields[0].text(lang),
                                "required": True,
                            },
                            {
                                "id": "label",
                                "path": "timeline.milestones.label",
                                "type": "text",
                                "text": milestones.fields[1].text(lang),
                                "required": True,
                            },
                        ],
                    }
                ],
                "reserved": [
                    {
                        "id": "status",
                        "path": "timeline.status",
                        "type": "choice",
                        "text": status,
                        "choices": [
                            {
                                "id": "settled",
                                "label": message(lang, "md.status.settled"),
                                "labels": {"fr": "réglé", "en": "settled"},
                            },
                            {
                                "id": "to_complete",
                                "label": message(lang, "md.status.to_complete"),
                                "labels": {"fr": "à compléter", "en": "to complete"},
                            },
                        ],
                    },
                    {
                        "id": "notes",
                        "path": "timeline.notes",
                        "type": "text",
                        "text": message(lang, "schema.notes.description"),
                    },
                ],
            }
        ],
        "project": {
            "questions": [
                {
                    "id": "title",
                    "path": "project.title",
                    "type": "text",
                    "text": own.project[0].text(lang),
                    "required": True,
                }
            ],
            "reserved": [
                {
                    "id": "created",
                    "path": "project.created",
                    "type": "date",
                    "text": message(lang, "schema.created.description"),
                },
                {
                    "id": "language",
                    "path": "project.language",
                    "type": "choice",
                    "text": message(lang, "schema.language.description"),
                    "choices": [
                        {
                            "id": "fr",
                            "label": message(lang, "schema.language.fr"),
                            "labels": {"fr": "français", "en": "French"},
                        },
                        {
                            "id": "en",
                            "label": message(lang, "schema.language.en"),
                            "labels": {"fr": "anglais", "en": "English"},
                        },
                    ],
                },
            ],
        },
        "partners": {
            "questions": [
                {
                    "id": "name",
                    "path": "partner.name",
                    "type": "text",
                    "text": own.partner[0].text(lang),
                    "required": True,
                }
            ]
        },
        "classification": classification_part(own, lang),
    }


def test_the_pitfalls_and_practices_as_json_name_what_they_read(checklist: Checklist) -> None:
    own = small(checklist)
    assert json.loads(guide_json(own, "pitfalls", "en"))["pitfalls"] == [
        {
            "id": "provider_relationship",
            "text": own.pitfalls[0].text("en"),
            "advice": own.pitfalls[0].advice("en"),
            "practices": ["involve_participants", "diverse_skills"],
            "rule": "provider_relationship",
            "reads": [
                "responsibilities.missions",
                "responsibilities.paid_services",
                "partner.brings_money",
                "partner.brings_material",
                "partner.brings_people",
            ],
        }
    ]
    assert json.loads(guide_json(own, "practices", "fr")) == {
        "checklist": {"id": "cergy-cooperation", "version": 1},
        "practices": [
            {
                "id": "act_local_think_global",
                "text": "Agir localement et penser globalement… et réciproquement",
                "checked": True,
                "check": {"rule": "answered", "reads": ["project.territory", "outlook.next_actions"], "values": []},
            }
        ],
    }


def test_a_rule_s_paths_once_each_in_order_and_none_for_a_rule_not_known() -> None:
    params = {
        "milestones": "timeline.milestones",
        "min_days_to_last_milestone": 30,
        "undecided": ["undecided"],
        "decision_rule": "governance.decision_rule",
        "unknown": "purpose.reason",
    }
    assert _reads("hasty_decisions", params) == ["timeline.milestones", "governance.decision_rule"]
    assert _reads("claim_shares_work", {"contributions": ("a.b", "c.d", "a.b"), "missions": "c.d", "claim": "e.f"}) == [
        "a.b",
        "c.d",
        "e.f",
    ]
    assert _reads("no_such_rule", {"paths": ["a.b"]}) == []


def test_a_condition_and_any_value_as_json_data() -> None:
    condition = Condition(answer="project.scope", any_of=("territorial", Localized("a", "b")))
    assert _plain(condition) == {"answer": "project.scope", "any_of": ["territorial", {"fr": "a", "en": "b"}]}
    assert _plain(Localized("oui", "yes")) == {"fr": "oui", "en": "yes"}
    assert _plain({1: (Localized("a", "b"), None), "k": [dt.date(2026, 1, 2), 2.5, False]}) == {
        "1": [{"fr": "a", "en": "b"}, None],
        "k": ["2026-01-02", 2.5, False],
    }
    assert _plain(Condition) == str(Condition)  # a class is not data


def test_a_question_asked_on_a_condition_says_it(checklist: Checklist) -> None:
    asked = Question(
        id="when_asked",
        type="text",
        text=Localized("Quand ?", "When?"),
        when=Condition(answer="governance.committee", any_of=(True,)),
    )
    timeline = next(t for t in checklist.topics if t.id == "timeline")
    own = dataclasses.replace(small(checklist), topics=(dataclasses.replace(timeline, questions=(asked,)),))
    [entry] = json.loads(guide_json(own, "topics", "en"))["topics"][0]["questions"]
    assert entry == {
        "id": "when_asked",
        "path": "timeline.when_asked",
        "type": "text",
        "text": "When?",
        "required": False,
        "when": {"answer": "governance.committee", "any_of": [True]},
    }


def test_the_french_rows_are_all_french(checklist: Checklist) -> None:
    """From the first run's survivors: each cell of a French row in French, the long ones too."""
    _, levels = guide_rows(checklist, "levels", "fr")
    assert levels[0][3] == (
        "les ressources non humaines (locaux, moyens techniques, logistiques, éventuellement financiers, etc.)"
    )
    _, pitfalls = guide_rows(checklist, "pitfalls", "fr")
    assert pitfalls[0] == [
        "provider_relationship",
        "Confondre coopération et prestation, c'est-à-dire placer une association en position de "
        "«\u202fdemandeur\u202f» et l'autre de «\u202fprestataire\u202f»",
        "Chaque association apporte quelque chose et porte une mission\u202f; si l'une paie l'autre, "
        "c'est une prestation, pas une coopération.",
    ]


def test_the_json_is_indented_by_two_and_the_pitfalls_said_in_french(checklist: Checklist) -> None:
    text = guide_json(small(checklist), "pitfalls", "fr")
    assert text.startswith('{\n  "checklist": {\n    "id": "cergy-cooperation",\n')
    [pitfall] = json.loads(text)["pitfalls"]
    assert (pitfall["text"], pitfall["advice"]) == (
        checklist.pitfalls[0].text("fr"),
        checklist.pitfalls[0].advice("fr"),
    )
    assert pitfall["text"].startswith("Confondre coopération et prestation")
    assert pitfall["advice"].startswith("Chaque association apporte quelque chose")
