"""The sheet's JSON Schema (render/schema.py), key by key: what an editor completes and shows.

Written for the mutation run over `src/coopwizard/render/schema.py` (docs/testing.md): the whole
schema of a small checklist of one's own, exactly, in both languages, and the modeline.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from coopwizard.core.localized import Localized
from coopwizard.guide.model import Checklist, Choice, Question
from coopwizard.i18n import message
from coopwizard.render.schema import (
    DRAFT,
    SCHEMA_ENV,
    SCHEMA_FILE,
    question_schema,
    schema_id,
    schema_modeline,
    sheet_schema,
)


@pytest.fixture(autouse=True)
def empty_caches() -> None:
    """mutmut forks each mutant from a process that ran the tests once (docs/testing.md): no cached
    answer of the clean code may stand in for the code under test."""
    from coopwizard.render import convention, html

    for cached in (convention.clauses, html.environment, html.stylesheet):
        cached.cache_clear()


def small(checklist: Checklist) -> Checklist:
    """The default checklist cut down: two project questions, one partner question, two classification
    questions, one level, one topic, a review of one concern with one statement and one rating."""
    title, *_ = checklist.project
    scope = next(q for q in checklist.project if q.id == "scope")
    name = checklist.partner[0]
    shares, *_ = checklist.classification
    rapprochement = next(q for q in checklist.classification if q.type == "choice")
    timeline = next(t for t in checklist.topics if t.id == "timeline")
    assert checklist.review is not None
    concern = checklist.review.concerns[0]
    review = dataclasses.replace(
        checklist.review,
        concerns=(dataclasses.replace(concern, statements=concern.statements[:1]),),
        ratings=checklist.review.ratings[:1],
    )
    return dataclasses.replace(
        checklist,
        project=(title, scope),
        partner=(name,),
        classification=(shares, rapprochement),
        levels=checklist.levels[:1],
        topics=(timeline,),
        review=review,
    )


def labelled(name: str, lang: str, **schema: Any) -> dict[str, Any]:
    return {
        **schema,
        "title": message(lang, f"schema.{name}.title"),
        "description": message(lang, f"schema.{name}.description"),
    }


def choices(*pairs: tuple[str, str]) -> dict[str, Any]:
    return {"oneOf": [{"const": value, "title": label, "description": label} for value, label in pairs]}


def test_the_whole_schema_of_a_small_checklist_in_french(checklist: Checklist) -> None:
    own = small(checklist)
    schema = sheet_schema(own, "fr")
    status = labelled("status", "fr", **choices(("settled", "réglé"), ("to_complete", "à compléter")))
    notes = labelled("notes", "fr", type="string")
    review_key = "schema.review"

    def review_labelled(name: str, **part: Any) -> dict[str, Any]:
        return {
            **part,
            "title": message("fr", f"{review_key}.{name}.title"),
            "description": message("fr", f"{review_key}.{name}.description"),
        }

    assert schema == {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:coopwizard:sheet:1:cergy-cooperation:1:fr",
        "title": "Fiche projet — Tout petit guide pour grand projet inter-associatif",
        "description": "Une fiche projet (format 1) de la grille «\u202fTout petit guide pour grand projet "
        "inter-associatif\u202f»\u00a0: coop check l'audite, coop render la réécrit.",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "project"],
        "properties": {
            "format": labelled("format", "fr", const=1),
            "checklist": labelled("checklist", "fr", type="string", examples=["cergy-cooperation"]),
            "checklist_version": labelled("checklist_version", "fr", type="integer", examples=[1]),
            "project": labelled(
                "project",
                "fr",
                type="object",
                additionalProperties=False,
                properties={
                    "title": {
                        "type": "string",
                        "title": "Titre",
                        "description": own.project[0].text("fr"),
                    },
                    "scope": {
                        "type": "array",
                        "items": choices(("territorial", "territoriale"), ("thematic", "thématique")),
                        "uniqueItems": True,
                        "title": "Échelle",
                        "description": "À quelle échelle coopérez-vous (territoriale, thématique, ou les deux)\u202f?"
                        "\n\nChoisir de coopérer au niveau territorial et/ou au niveau thématique.",
                    },
                    "created": labelled("created", "fr", type="string", format="date"),
                    "language": labelled("language", "fr", **choices(("fr", "français"), ("en", "anglais"))),
                },
                required=["title"],
            ),
            "partners": labelled(
                "partners",
                "fr",
                type="array",
                items={
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "name": {"type": "string", "title": "Association", "description": "Nom de l'association"}
                    },
                    "required": ["name"],
                    "title": "Association partenaire",
                },
            ),
            "classification": labelled(
                "classification",
                "fr",
                type="object",
                additionalProperties=False,
                properties={
                    "shares_resources": question_schema(own.classification[0], "fr"),
                    "formal_rapprochement": question_schema(own.classification[1], "fr"),
                    "level": labelled(
                        "level", "fr", **choices(("mutualisation", "Mutualisation — facilitation réciproque"))
                    ),
                },
            ),
            "topics": labelled(
                "topics",
                "fr",
                type="object",
                additionalProperties=False,
                properties={
                    "timeline": {
                        "title": "Échéancier",
                        "description": "l'échéancier de réalisation",
                        "anyOf": [
                            {
                                "type": "object",
                                "additionalProperties": False,
                                "properties": {
                                    "milestones": question_schema(own.topics[0].questions[0], "fr"),
                                    "status": status,
                                    "notes": notes,
                                },
                            },
                            {"type": "null"},
                        ],
                    }
                },
            ),
            "reviews": review_labelled(
                "reviews",
                type="array",
                items={
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["date", "partner"],
                    "properties": {
                        "date": review_labelled("date", type="string", format="date"),
                        "partner": review_labelled("partner", type="string"),
                        "by": review_labelled("by", type="string"),
                        "scores": review_labelled(
                            "scores",
                            type="object",
                            additionalProperties=False,
                            properties={
                                "purpose_clear": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "maximum": 5,
                                    "title": "Une raison et des objectifs partagés",
                                    "description": own.review.concerns[0].statements[0].text("fr"),  # type: ignore[union-attr]
                                }
                            },
                        ),
                        "criteria": review_labelled(
                            "criteria",
                            type="array",
                            items={
                                "type": "object",
                                "additionalProperties": False,
                                "required": ["criterion", "rating"],
                                "properties": {
                                    "criterion": review_labelled("criterion", type="string"),
                                    "rating": review_labelled("rating", **choices(("met", "atteint"))),
                                    "comment": review_labelled("criterion_comment", type="string"),
                                },
                            },
                        ),
                        "comment": review_labelled("comment", type="string"),
                    },
                },
            ),
        },
    }
    assert list(schema["properties"]["project"]["properties"]) == ["title", "scope", "created", "language"]


def test_the_schema_s_own_words_in_french_and_english(checklist: Checklist) -> None:
    fr, en = sheet_schema(checklist, "fr"), sheet_schema(checklist, "en")
    assert fr["properties"]["format"]["title"] == "Format de la fiche"
    assert fr["properties"]["project"]["properties"]["created"]["title"] == "Créée le"
    assert fr["properties"]["topics"]["properties"]["pricing"]["anyOf"][0]["properties"]["status"]["title"] == (
        "État du sujet"
    )
    assert en["title"] == "Project sheet — A very small guide for a big inter-association project"
    assert en["$id"] == "urn:coopwizard:sheet:1:cergy-cooperation:1:en"
    assert en["properties"]["project"]["properties"]["language"]["oneOf"] == [
        {"const": "fr", "title": "French", "description": "French"},
        {"const": "en", "title": "English", "description": "English"},
    ]
    assert en["properties"]["partners"]["items"]["title"] == message("en", "schema.partner.title")
    assert en["properties"]["reviews"]["items"]["properties"]["criteria"]["items"]["properties"]["rating"]["oneOf"][
        1
    ] == {
        "const": "partly",
        "title": "partly met",
        "description": "partly met",
    }
    level = en["properties"]["classification"]["properties"]["level"]["oneOf"]
    assert level[2] == {
        "const": "cooperation",
        "title": "Cooperation — building a common work",
        "description": "Cooperation — building a common work",
    }


def test_a_checklist_without_reviews_has_no_reviews_key(checklist: Checklist) -> None:
    schema = sheet_schema(dataclasses.replace(checklist, review=None), "fr")
    assert "reviews" not in schema["properties"]
    assert list(schema["properties"]) == [
        "format",
        "checklist",
        "checklist_version",
        "project",
        "partners",
        "classification",
        "topics",
    ]


def question(kind: str, **more: Any) -> Question:
    return Question(id="q", type=kind, text=Localized("Quoi ?", "What?"), **more)  # type: ignore[arg-type]


STATUS_CHOICES = (
    Choice("asso", Localized("Association", "Non-profit")),
    Choice("coop", Localized("Coopérative", "Co-op")),
)


@pytest.mark.parametrize(
    ("asked", "lang", "expected"),
    [
        (question("text"), "fr", {"type": "string", "title": "Quoi ?", "description": "Quoi ?"}),
        (
            question("text", help=Localized("Une aide.", "Some help."), label=Localized("Court", "Short")),
            "en",
            {"type": "string", "title": "Short", "description": "What?\n\nSome help."},
        ),
        (
            question("choice", choices=STATUS_CHOICES),
            "en",
            {
                "oneOf": [
                    {"const": "asso", "title": "Non-profit", "description": "Non-profit"},
                    {"const": "coop", "title": "Co-op", "description": "Co-op"},
                ],
                "title": "What?",
                "description": "What?",
            },
        ),
        (
            question("multi_choice", choices=STATUS_CHOICES),
            "fr",
            {
                "type": "array",
                "items": {
                    "oneOf": [
                        {"const": "asso", "title": "Association", "description": "Association"},
                        {"const": "coop", "title": "Coopérative", "description": "Coopérative"},
                    ]
                },
                "uniqueItems": True,
                "title": "Quoi ?",
                "description": "Quoi ?",
            },
        ),
        (question("yes_no"), "en", {"type": "boolean", "title": "What?", "description": "What?"}),
        (
            question(
                "list",
                fields=(
                    Question(id="what", type="text", text=Localized("Quoi", "What"), required=True),
                    Question(id="kind", type="choice", text=Localized("Genre", "Kind"), choices=STATUS_CHOICES),
                ),
            ),
            "en",
            {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "what": {"type": "string", "title": "What", "description": "What"},
                        "kind": {
                            "oneOf": [
                                {"const": "asso", "title": "Non-profit", "description": "Non-profit"},
                                {"const": "coop", "title": "Co-op", "description": "Co-op"},
                            ],
                            "title": "Kind",
                            "description": "Kind",
                        },
                    },
                    "required": ["what"],
                },
                "title": "What?",
                "description": "What?",
            },
        ),
    ],
)
def test_one_answer_s_schema(asked: Question, lang: str, expected: dict[str, Any]) -> None:
    assert question_schema(asked, lang) == expected


def test_the_schema_s_id_names_the_format_checklist_version_and_language(checklist: Checklist) -> None:
    own = dataclasses.replace(checklist, id="mon-reseau", version=4)
    assert schema_id(own, "en") == "urn:coopwizard:sheet:1:mon-reseau:4:en"
    assert DRAFT == "https://json-schema.org/draft/2020-12/schema"
    assert (SCHEMA_FILE, SCHEMA_ENV) == ("coopwizard.schema.json", "COOP_SCHEMA")


@pytest.mark.parametrize(
    ("env", "line"),
    [
        ({}, "# yaml-language-server: $schema=./coopwizard.schema.json"),
        (
            {"COOP_SCHEMA": "  https://example.org/fiche.json "},
            "# yaml-language-server: $schema=https://example.org/fiche.json",
        ),
        ({"COOP_SCHEMA": "../schemas/coop.json"}, "# yaml-language-server: $schema=../schemas/coop.json"),
        ({"COOP_SCHEMA": ""}, ""),
        ({"COOP_SCHEMA": "  "}, ""),
        ({"COOP_SCHEMA": "None"}, ""),
        ({"COOP_SCHEMA": "OFF"}, ""),
        ({"COOP_SCHEMA": "no"}, ""),
        ({"COOP_SCHEMA": "0"}, ""),
        ({"OTHER": "none"}, "# yaml-language-server: $schema=./coopwizard.schema.json"),
    ],
)
def test_the_modeline_points_at_the_schema_unless_turned_off(env: dict[str, str], line: str) -> None:
    assert schema_modeline(env) == line


def test_the_modeline_reads_the_environment_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert schema_modeline() == "# yaml-language-server: $schema=./coopwizard.schema.json"
    monkeypatch.setenv("COOP_SCHEMA", "off")
    assert schema_modeline() == ""
    monkeypatch.setenv("COOP_SCHEMA", "fiche.schema.json")
    assert schema_modeline() == "# yaml-language-server: $schema=fiche.schema.json"
    assert schema_modeline({}) == "# yaml-language-server: $schema=./coopwizard.schema.json"


def test_a_record_s_fields_are_titled_in_the_language(checklist: Checklist) -> None:
    milestones = next(t for t in checklist.topics if t.id == "timeline").questions[0]
    fields = question_schema(milestones, "fr")["items"]["properties"]
    assert fields == {
        "date": {"type": "string", "format": "date", "title": "Date", "description": "Date (AAAA-MM-JJ)"},
        "label": {"type": "string", "title": "Étape", "description": "Étape"},
    }
    assert question_schema(milestones, "en")["items"]["properties"]["date"]["description"] == "Date (YYYY-MM-DD)"
