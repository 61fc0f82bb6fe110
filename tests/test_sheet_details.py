"""Details of sheet/compose.py, sheet/parse.py and sheet/merge.py that the command tests leave unsaid.

Written from the mutants mutation testing left alive in `src/coopwizard/sheet` (docs/testing.md):
each test pins one behaviour, on the example answers or sheet with only what it is about changed.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from typing import Any

import pytest
import yaml

from coopwizard.core.errors import InvalidSheetError
from coopwizard.guide.model import Checklist
from coopwizard.render.view import money
from coopwizard.sheet.compare import compare_sheets
from coopwizard.sheet.compose import answers_of, build_sheet, missing_answers
from coopwizard.sheet.merge import Merged, merge_sheets
from coopwizard.sheet.migrate import drop_unaccepted
from coopwizard.sheet.model import (
    CriterionRating,
    Review,
    Sheet,
    TopicEntry,
    applies,
    prefilled,
    review_data,
    to_data,
    topic_status,
)
from coopwizard.sheet.parse import parse_sheet
from tests.conftest import ROOT
from tests.helpers import french
from tests.sheets import example

CREATED = dt.date(2026, 11, 2)


def answers() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docs" / "examples" / "answers.yaml").read_text(encoding="utf-8"))
    return data


# -- compose: from answers to a sheet ------------------------------------------------------------


def test_build_sheet_takes_the_four_sections_and_says_any_other_key(checklist: Checklist) -> None:
    given = answers() | {"format": 1, "checklist": "autre", "checklist_version": 7, "projet": {}, "notes": "x"}
    sheet, issues = build_sheet(given, checklist, CREATED, "en")
    assert [(i.path, i.key, i.params) for i in issues[:2]] == [
        (("projet",), "sheet.unknown_key", {"key": "projet", "suggestion": ""}),
        (("notes",), "sheet.unknown_key", {"key": "notes", "suggestion": ""}),
    ]
    assert len(issues) == 2  # format, checklist and checklist_version are allowed, and taken from the checklist
    assert (sheet.checklist_id, sheet.checklist_version) == (checklist.id, checklist.version)
    assert sheet.project["title"] == "Fête des Linandes"
    assert [p["name"] for p in sheet.partners] == ["Potagers des Linandes", "Club Ados Linandes"]
    assert sheet.classification["shares_work"] is True
    assert sheet.topics["purpose"].answers["reason"] == "Créer du lien entre voisins"


def test_unknown_keys_come_before_the_problems_of_the_sections(checklist: Checklist) -> None:
    given = {"extra": 1, "project": {"title": "X", "scpe": []}}
    _, issues = build_sheet(given, checklist, CREATED, "fr")
    assert [(i.path, i.key) for i in issues][:2] == [
        (("extra",), "sheet.unknown_key"),
        (("project", "scpe"), "sheet.unknown_key"),
    ]


def test_build_sheet_dates_and_languages_the_sheet_unless_the_answers_do(checklist: Checklist) -> None:
    given = answers()
    del given["project"]["language"]
    sheet, _ = build_sheet(given, checklist, CREATED, "en")
    assert (sheet.project["created"], sheet.project["language"]) == (CREATED, "en")
    given["project"] |= {"created": "2025-03-04", "language": "fr"}
    sheet, _ = build_sheet(given, checklist, CREATED, "en")
    assert (sheet.project["created"], sheet.project["language"]) == (dt.date(2025, 3, 4), "fr")


def test_build_sheet_of_nothing_is_an_empty_sheet_of_the_checklist(checklist: Checklist) -> None:
    sheet, issues = build_sheet({}, checklist, CREATED, "fr")
    assert sheet.project == {"created": CREATED, "language": "fr"}
    assert (sheet.partners, sheet.classification, sheet.topics, sheet.level) == ([], {}, {}, None)
    assert [i.key for i in issues] == ["sheet.missing_title"]  # no format key missing: build_sheet gives it


def test_missing_answers_of_an_empty_sheet_in_the_wizard_s_order(checklist: Checklist) -> None:
    paths = [m.path for m in missing_answers(Sheet(), checklist)]
    assert paths[:3] == ["project.title", "partners.0.name", "classification.shares_resources"]
    assert paths[2:7] == [f"classification.{q.id}" for q in checklist.classification]
    assert paths[7:] == [f"topics.{t.id}.{q.id}" for t in checklist.topics for q in t.questions if q.required]
    missing = missing_answers(Sheet(), checklist)
    assert missing[0].question.id == "title" and missing[1].question.id == "name"


def test_missing_answers_are_only_the_required_unanswered_ones(checklist: Checklist) -> None:
    sheet, _ = build_sheet(answers(), checklist, CREATED, "fr")
    assert [m.path for m in missing_answers(sheet, checklist)] == []
    del sheet.project["title"]
    sheet.project.pop("summary", None)  # not required
    sheet.classification["shares_work"] = False  # an answer, though false
    sheet.classification.pop("shares_resources")
    sheet.topics["purpose"].answers.pop("reason")
    sheet.topics["purpose"].answers.pop("method", None)
    assert [m.path for m in missing_answers(sheet, checklist)] == [
        "project.title",
        "classification.shares_resources",
        "topics.purpose.reason",
    ]


def test_a_required_question_asked_only_on_a_condition_is_missing_only_when_asked(checklist: Checklist) -> None:
    """No question of the default checklist is both required and conditional; a checklist of one's own may have one."""
    theme = next(q for q in checklist.project if q.id == "theme")  # asked when the scope is thematic
    method = next(q for q in checklist.topics[0].questions if q.id == "method")
    own = copy.deepcopy(checklist)
    own.project = [dataclasses.replace(theme, required=True) if q.id == "theme" else q for q in own.project]
    purpose = own.topics[0]
    purpose.questions = [
        dataclasses.replace(method, required=True, when=theme.when) if q.id == "method" else q
        for q in purpose.questions
    ]
    given = answers()
    given["project"]["scope"] = ["territorial"]
    sheet, _ = build_sheet(given, own, CREATED, "fr")
    assert [m.path for m in missing_answers(sheet, own)] == []
    sheet.project["scope"] = ["territorial", "thematic"]
    assert [m.path for m in missing_answers(sheet, own)] == ["project.theme", "topics.purpose.method"]


def test_a_topic_left_to_complete_asks_for_nothing(checklist: Checklist) -> None:
    sheet, _ = build_sheet(answers(), checklist, CREATED, "fr")
    sheet.topics["purpose"] = TopicEntry(status="to_complete")
    sheet.topics["values"] = TopicEntry(status="settled")  # settled but empty: its answers are still asked for
    assert [m.path for m in missing_answers(sheet, checklist)] == ["topics.values.shared"]
    del sheet.topics["values"]
    assert [m.path for m in missing_answers(sheet, checklist)] == ["topics.values.shared"]


def test_answers_of_a_sheet_build_the_same_sheet(checklist: Checklist) -> None:
    sheet, _ = build_sheet(answers(), checklist, CREATED, "fr")
    sheet.topics["pricing"].status = "to_complete"
    again = answers_of(sheet, checklist)
    assert set(again) == {"project", "partners", "classification", "topics"}
    assert again["topics"]["pricing"]["status"] == "to_complete"  # written by the user: kept
    assert "status" not in again["topics"]["purpose"]  # inferred: left to infer again
    rebuilt, issues = build_sheet(again, checklist, dt.date(2000, 1, 1), "en")
    assert issues == []
    assert rebuilt == sheet


# -- parse: from YAML data to a sheet, every problem listed --------------------------------------


def parsed(data: Any, checklist: Checklist) -> tuple[Sheet, list[tuple[tuple[Any, ...], str, dict[str, Any]]]]:
    sheet, issues = parse_sheet(data, checklist, "x.yaml")
    return sheet, [(i.path, i.key, i.params) for i in issues]


def test_a_document_that_is_not_a_mapping_is_not_a_sheet(checklist: Checklist) -> None:
    with pytest.raises(InvalidSheetError) as raised:
        parse_sheet(["a"], checklist, "x.yaml")
    assert (raised.value.key, raised.value.params) == ("sheet.not_mapping", {"file": "x.yaml", "found": "list"})


@pytest.mark.parametrize("version", [2, "1", True, 0])
def test_an_unknown_format_is_refused(version: object, checklist: Checklist) -> None:
    with pytest.raises(InvalidSheetError) as raised:
        parse_sheet({"format": version, "project": {"title": "X"}}, checklist, "x.yaml")
    assert (raised.value.key, raised.value.params) == (
        "sheet.unknown_format",
        {"file": "x.yaml", "found": str(version), "version": 1},
    )


def test_a_missing_format_is_said_and_the_rest_read(checklist: Checklist) -> None:
    sheet, issues = parsed({"project": {"title": "X"}}, checklist)
    assert issues == [(("format",), "sheet.missing_format", {"version": 1})]
    assert sheet.project == {"title": "X"}


def test_the_checklist_recorded_is_kept_only_when_well_typed(checklist: Checklist) -> None:
    sheet, _ = parsed({"format": 1, "checklist": "autre", "checklist_version": 3, "project": {"title": "X"}}, checklist)
    assert (sheet.checklist_id, sheet.checklist_version) == ("autre", 3)
    sheet, _ = parsed({"format": 1, "checklist": 4, "checklist_version": True, "project": {"title": "X"}}, checklist)
    assert (sheet.checklist_id, sheet.checklist_version) == (None, None)
    sheet, _ = parsed({"format": 1, "checklist_version": "3", "project": {"title": "X"}}, checklist)
    assert sheet.checklist_version is None


def test_unknown_keys_are_said_with_a_suggestion_at_each_level(checklist: Checklist) -> None:
    _, issues = parsed(
        {
            "format": 1,
            "projet": {},
            "project": {"title": "X", "titel": "Y", "created": "2026-01-02", "language": "en"},
            "partners": [{"name": "A", "nam": "B"}],
            "classification": {"levl": "x"},
            "topics": {"purpse": {}, "pricing": {"model": "free", "statut": "settled", "notes": "n"}},
        },
        checklist,
    )
    assert [(path, params) for path, key, params in issues if key == "sheet.unknown_key"] == [
        (("projet",), {"key": "projet", "suggestion": "project"}),
        (("project", "titel"), {"key": "titel", "suggestion": "title"}),
        (("partners", 0, "nam"), {"key": "nam", "suggestion": "name"}),
        (("classification", "levl"), {"key": "levl", "suggestion": "level"}),
        (("topics", "purpse"), {"key": "purpse", "suggestion": "purpose"}),
        (("topics", "pricing", "statut"), {"key": "statut", "suggestion": "status"}),
    ]
    assert len(issues) == 6


def test_sections_of_the_wrong_shape(checklist: Checklist) -> None:
    sheet, issues = parsed(
        {"format": 1, "project": ["X"], "partners": {"name": "A"}, "classification": "oui", "topics": [1]}, checklist
    )
    assert issues == [
        (("project",), "sheet.expected_mapping", {"found": "list"}),
        (("project",), "sheet.missing_title", {}),
        (("partners",), "sheet.expected_list", {"found": "mapping"}),
        (("classification",), "sheet.expected_mapping", {"found": "text"}),
        (("topics",), "sheet.expected_mapping", {"found": "list"}),
    ]
    assert (sheet.project, sheet.partners, sheet.classification, sheet.level, sheet.topics) == ({}, [], {}, None, {})


def test_no_project_or_no_title_is_said(checklist: Checklist) -> None:
    assert parsed({"format": 1}, checklist)[1] == [(("project",), "sheet.missing_title", {})]
    _, issues = parsed({"format": 1, "project": {"summary": "S"}}, checklist)
    assert issues == [(("project",), "sheet.missing_title", {})]


def test_the_project_s_date_and_language(checklist: Checklist) -> None:
    sheet, issues = parsed(
        {"format": 1, "project": {"title": "X", "created": "2026-01-02", "language": "en"}}, checklist
    )
    assert (issues, sheet.project) == ([], {"title": "X", "created": dt.date(2026, 1, 2), "language": "en"})
    sheet, issues = parsed(
        {"format": 1, "project": {"title": "X", "created": "2026-02-30", "language": "de"}}, checklist
    )
    assert sheet.project == {"title": "X"}
    assert [(path, key) for path, key, _ in issues] == [
        (("project", "created"), "answer.bad_date"),
        (("project", "language"), "answer.unknown_choice"),
    ]
    assert issues[1][2] == {"value": "de", "allowed": "fr, en", "suggestion": ""}
    _, issues = parsed({"format": 1, "project": {"title": "X", "scope": "partout"}}, checklist)
    assert [(path, key) for path, key, _ in issues] == [(("project", "scope", 0), "answer.unknown_choice")]


def test_partners_that_are_not_mappings_or_have_no_name_are_left_out(checklist: Checklist) -> None:
    sheet, issues = parsed(
        {
            "format": 1,
            "project": {"title": "X"},
            "partners": [7, {"representative": "R"}, {"name": "C", "brings_money": -1}],
        },
        checklist,
    )
    assert [p["name"] for p in sheet.partners] == ["C"]
    assert [(path, key) for path, key, _ in issues] == [
        (("partners", 0), "sheet.expected_mapping"),
        (("partners", 1), "sheet.partner_without_name"),
        (("partners", 2, "brings_money"), "answer.bad_amount"),
    ]
    assert issues[0][2] == {"found": "number"}
    assert parsed({"format": 1, "project": {"title": "X"}, "partners": None}, checklist)[1] == []


def test_the_declared_level(checklist: Checklist) -> None:
    sheet, issues = parsed(
        {"format": 1, "project": {"title": "X"}, "classification": {"level": "cooperation"}}, checklist
    )
    assert (sheet.level, issues) == ("cooperation", [])
    sheet, issues = parsed(
        {"format": 1, "project": {"title": "X"}, "classification": {"level": "cooperaton", "shares_work": True}},
        checklist,
    )
    assert (sheet.level, sheet.classification) == (None, {"shares_work": True})
    assert issues == [
        (
            ("classification", "level"),
            "answer.unknown_choice",
            {
                "value": "cooperaton",
                "allowed": "mutualisation, collaboration, cooperation",
                "suggestion": "cooperation",
            },
        )
    ]
    sheet, issues = parsed(
        {"format": 1, "project": {"title": "X"}, "classification": {"shares_work": False, "shares_resources": 3}},
        checklist,
    )
    assert [(path, key) for path, key, _ in issues] == [
        (("classification", "shares_resources"), "answer.expected_yes_no")
    ]
    assert (sheet.level, sheet.classification) == (None, {"shares_work": False})


def test_topics_their_status_and_notes(checklist: Checklist) -> None:
    sheet, issues = parsed(
        {
            "format": 1,
            "project": {"title": "X"},
            "topics": {
                "purpose": None,
                "values": ["oui"],
                "pricing": {"model": "free", "status": "setled", "notes": "  Voir\r\navec Awa  "},
                "surplus": {"status": "to_complete", "notes": 3},
                "outlook": {"notes": "   "},
                "timeline": {"notes": "a\x00b"},
            },
        },
        checklist,
    )
    assert issues == [
        (("topics", "values"), "sheet.expected_mapping", {"found": "list"}),
        (("topics", "timeline", "notes"), "answer.control_char", {"char": "U+0000", "position": 2}),
        (
            ("topics", "pricing", "status"),
            "answer.unknown_choice",
            {"value": "setled", "allowed": "settled, to_complete", "suggestion": "settled"},
        ),
        (("topics", "surplus", "notes"), "answer.expected_text", {"found": "number"}),
    ]
    assert sheet.topics["purpose"] == TopicEntry()
    assert "values" not in sheet.topics
    assert sheet.topics["pricing"] == TopicEntry(answers={"model": "free"}, notes="Voir\navec Awa")
    assert sheet.topics["surplus"] == TopicEntry(status="to_complete")
    assert sheet.topics["outlook"] == TopicEntry()
    assert list(sheet.topics) == ["purpose", "timeline", "pricing", "surplus", "outlook"]  # the checklist's order


# -- merge: the common sheet ---------------------------------------------------------------------

MERGE_DAY = dt.date(2026, 12, 1)


def merged(*datas: dict[str, Any], checklist: Checklist, lang: str = "en") -> Merged:
    named = []
    for label, data in zip("ABC", datas, strict=False):
        sheet, issues = parse_sheet(data, checklist, f"{label}.yaml")
        assert issues == []
        named.append((label, sheet))
    return merge_sheets(compare_sheets(named, checklist), checklist, lang, MERGE_DAY)


def test_titles_that_differ_are_kept_side_by_side_once_each(checklist: Checklist) -> None:
    a, b, c = example(), example(), example()
    b["project"]["title"] = "Autre titre"
    c["project"]["title"] = "  AUTRE   titre "  # the same title as B's, written otherwise
    result = merged(a, b, c, checklist=checklist)
    assert result.sheet.project["title"] == "Jardins et fêtes des Linandes / Autre titre"
    assert (result.left, result.topics_left) == (1, ("purpose",))
    assert result.sheet.topics["purpose"].status == "to_complete"
    assert result.sheet.topics["purpose"].notes == (
        "To settle together (coop merge, 2026-12-01):\n- Title\n"
        "  - A: Jardins et fêtes des Linandes\n  - B: Autre titre\n  - C: AUTRE   titre"
    )
    b["project"]["title"] = "jardins et FÊTES des Linandes"
    result = merged(a, b, checklist=checklist)
    assert (result.sheet.project["title"], result.left) == ("Jardins et fêtes des Linandes", 0)  # A's words


def test_the_common_sheet_starts_with_the_first_sheet_and_its_language_if_all_share_it(checklist: Checklist) -> None:
    a, b = example(), example()
    b["project"]["created"] = dt.date(2026, 1, 5)
    result = merged(a, b, checklist=checklist)
    assert result.sheet.project["created"] == dt.date(2026, 1, 5)  # the earlier
    assert result.sheet.project["language"] == "fr"
    assert (result.sheet.checklist_id, result.sheet.checklist_version) == (checklist.id, checklist.version)
    b["project"]["language"] = "en"
    assert "language" not in merged(a, b, checklist=checklist).sheet.project
    del a["project"]["language"], b["project"]["language"], a["project"]["created"], b["project"]["created"]
    project = merged(a, b, checklist=checklist).sheet.project
    assert "language" not in project and "created" not in project


def test_partners_every_sheet_lists_with_the_details_they_agree_on(checklist: Checklist) -> None:
    a, b = example(), example()
    b["partners"][1]["representative"] = "Autre Personne"
    b["partners"][0]["brings_material"] = [*b["partners"][0]["brings_material"][:1], "brouette"]
    del b["partners"][2]
    b["partners"].append({"name": "Maison de quartier", "brings_money": 200})
    result = merged(a, b, checklist=checklist)
    potagers, ados = result.sheet.partners
    assert potagers["brings_material"] == ["parcelle de 400 m²"]  # the items both list
    assert potagers["representative"] == "Awa Diallo"
    assert ados["name"] == "Club Ados Linandes" and "representative" not in ados
    assert (result.left, result.topics_left) == (3, ("responsibilities",))
    assert result.sheet.topics["responsibilities"].notes.splitlines() == [
        "To settle together (coop merge, 2026-12-01):",
        "- The partner associations",
        "  - everyone: Les Potagers des Linandes, Club Ados Linandes",
        "  - only A: Cuisine du Monde Cergy",
        "  - only B: Maison de quartier",
        "  - A: Cuisine du Monde Cergy — Representative: Lucia Ferreira; Contact: cuisinedumonde@example.org; "
        "Material brought: cuisine mobile; vaisselle réutilisable pour 150 personnes; "
        "People brought: cuisinières et cuisiniers de six pays; accueil du public",
        "  - B: Maison de quartier — Money brought: €200",
        "- Material brought — Les Potagers des Linandes",
        "  - everyone: parcelle de 400 m²",
        "  - only A: outils de jardinage; cabane de rangement",
        "  - only B: brouette",
        "- Representative — Club Ados Linandes",
        "  - A: Karim Benali",
        "  - B: Autre Personne",
    ]


def test_a_partner_with_no_detail_is_named_alone(checklist: Checklist) -> None:
    a, b = example(), example()
    b["partners"].append({"name": "Maison de quartier"})
    notes = merged(a, b, checklist=checklist).sheet.topics["responsibilities"].notes.splitlines()
    assert "  - only B: Maison de quartier" in notes
    assert not [line for line in notes if line.startswith("  - B: Maison de quartier")]


def test_the_classification_and_levels_agreed_on_are_taken(checklist: Checklist) -> None:
    a, b = example(), example()
    result = merged(a, b, checklist=checklist)
    assert (result.sheet.level, result.sheet.classification["shares_work"], result.left) == ("cooperation", True, 0)
    b["classification"]["level"] = "collaboration"
    b["classification"]["shares_work"] = False
    result = merged(a, b, checklist=checklist)
    assert result.sheet.level is None and "shares_work" not in result.sheet.classification
    assert result.sheet.classification["shares_resources"] is True
    assert result.left == 3  # the answer, the level stated and the level reached
    assert result.sheet.topics["purpose"].notes.splitlines()[1:] == [
        "- Shared work",
        "  - A: yes",
        "  - B: no",
        "- The level the sheet states",
        "  - A: Cooperation",
        "  - B: Collaboration",
        "- The level the answers reach",
        "  - A: Cooperation",
        "  - B: Pooling",
    ]


def test_topics_keep_what_agrees_and_the_items_every_version_has(checklist: Checklist) -> None:
    a, b = example(), example()
    b["topics"]["responsibilities"]["missions"]["Club Ados Linandes"] = "Autre chose"
    b["topics"]["purpose"]["objectives"] = [*a["topics"]["purpose"]["objectives"][:1], "Nouveau"]
    b["topics"]["values"]["shared"] = a["topics"]["values"]["shared"][:1]
    b["topics"]["outlook"]["status"] = "to_complete"
    result = merged(a, b, checklist=checklist)
    topics = result.sheet.topics
    assert (result.left, result.topics_left) == (3, ("purpose", "values", "responsibilities"))
    assert topics["responsibilities"].answers["missions"] == {
        "Les Potagers des Linandes": "Le jardin, les outils, la formation des nouveaux jardiniers",
        "Cuisine du Monde Cergy": "Les repas des fêtes, préparés avec les récoltes",
    }
    assert topics["responsibilities"].answers["paid_services"] is False
    assert topics["purpose"].answers["objectives"] == ["Cultiver ensemble un jardin ouvert à tous les habitants"]
    assert topics["values"].answers["shared"] == ["solidarity"]
    assert topics["purpose"].notes.splitlines()[1:] == [
        "- Objectives",
        "  - everyone: Cultiver ensemble un jardin ouvert à tous les habitants",
        "  - only A: Faire une fête des récoltes à chaque saison; Faire participer les jeunes du quartier à toutes "
        "les étapes",
        "  - only B: Nouveau",
    ]
    assert (topics["outlook"].status, topics["outlook"].notes) == ("to_complete", None)  # one left it to complete
    assert (topics["pricing"].status, topics["pricing"].notes) == (None, None)  # agreed: inferred settled
    b["topics"]["pricing"]["details"] = "Autre"
    assert merged(a, b, checklist=checklist).sheet.topics["pricing"].answers == {"model": "free_contribution"}


def test_the_sheets_own_notes_once_when_alike_else_each_attributed(checklist: Checklist) -> None:
    a, b = example(), example()
    a["topics"]["pricing"]["notes"] = "Même note"
    b["topics"]["pricing"]["notes"] = "même  note"
    a["topics"]["surplus"]["notes"] = "Note A"
    b["topics"]["surplus"]["notes"] = "Note B"
    a["topics"]["outlook"]["notes"] = "Seulement A"
    topics = merged(a, b, checklist=checklist).sheet.topics
    assert topics["pricing"].notes == "Même note"
    assert topics["surplus"].notes == "Notes of A: Note A\nNotes of B: Note B"
    assert topics["outlook"].notes == "Notes of A: Seulement A"
    assert topics["pricing"].status is None
    b["topics"]["governance"]["decision_rule"] = "majority_vote"
    a["topics"]["governance"]["notes"] = "Voir"
    assert merged(a, b, checklist=checklist).sheet.topics["governance"].notes.splitlines()[-1] == "Notes of A: Voir"


def test_a_topic_no_sheet_has_is_not_made(checklist: Checklist) -> None:
    a, b = example(), example()
    del a["topics"]["outlook"], b["topics"]["outlook"]
    result = merged(a, b, checklist=checklist)
    assert "outlook" not in result.sheet.topics and result.left == 0
    a["topics"]["outlook"] = None  # an empty topic in one sheet is kept, empty
    assert merged(a, b, checklist=checklist).sheet.topics["outlook"] == TopicEntry()


def test_reviews_are_all_kept_once_by_date(checklist: Checklist) -> None:
    a, b = example(), example()
    early = Review(dt.date(2026, 3, 1), "Club Ados Linandes", scores={"shared_purpose": 4})
    late = Review(dt.date(2026, 9, 1), "Les Potagers des Linandes", scores={"shared_purpose": 5})
    other = Review(dt.date(2026, 3, 1), "Club Ados Linandes", scores={"shared_purpose": 2})
    sheet_a, _ = parse_sheet(a, checklist, "a.yaml")
    sheet_b, _ = parse_sheet(b, checklist, "b.yaml")
    sheet_a.reviews = [late, early]
    sheet_b.reviews = [Review(dt.date(2026, 3, 1), "Club Ados Linandes", scores={"shared_purpose": 4}), other]
    result = merge_sheets(compare_sheets([("A", sheet_a), ("B", sheet_b)], checklist), checklist, "en", MERGE_DAY)
    assert result.sheet.reviews == [early, other, late]


def test_the_notes_are_written_in_the_language_asked_for(checklist: Checklist) -> None:
    a, b, c = example(), example(), example()
    for data in (b, c):
        data["partners"].append(
            {"name": "Maison de quartier", "representative": "Inès Roux", "brings_people": ["bénévoles"]}
        )
        data["topics"]["purpose"]["objectives"].append("Nouveau")
    b["topics"]["timeline"]["milestones"][0]["date"] = dt.date(2027, 1, 9)
    del c["topics"]["timeline"]["milestones"][0]
    topics = merged(a, b, c, checklist=checklist, lang="fr").sheet.topics
    assert topics["responsibilities"].notes.splitlines() == [
        french("À trancher ensemble (coop merge, 2026-12-01) :"),
        french("- Les associations partenaires"),
        french("  - toutes : Les Potagers des Linandes, Club Ados Linandes, Cuisine du Monde Cergy"),
        french("  - seulement B, C : Maison de quartier"),
        french("  - B : Maison de quartier — Représentant : Inès Roux ; Apport en personnes : bénévoles"),
        french("  - C : Maison de quartier — Représentant : Inès Roux ; Apport en personnes : bénévoles"),
    ]
    timeline = topics["timeline"].notes.splitlines()
    assert timeline[1:2] == ["- Étapes"]
    assert timeline[2].startswith(french("  - toutes : 2026-11-07, Premier chantier ouvert au jardin"))
    assert timeline[3:] == [
        french("  - « Signature de la charte et premier comité », écrit autrement"),
        french("    - A : 2026-10-13, Signature de la charte et premier comité"),
        french("    - B : 2027-01-09, Signature de la charte et premier comité"),
        french("    - C : (pas de réponse)"),  # C has no such milestone
    ]
    assert topics["purpose"].notes.splitlines()[-1] == french("  - seulement B, C : Nouveau")
    a["topics"]["values"]["shared"] = ["solidarity"]
    values = merged(a, b, checklist=checklist, lang="fr").sheet.topics["values"].notes.splitlines()
    assert values[2:] == [
        french("  - toutes : solidarité"),
        french("  - seulement B : ouverture, écologie, convivialité"),
    ]


def test_partners_details_go_to_the_first_topic_when_no_topic_is_per_partner(checklist: Checklist) -> None:
    own = copy.deepcopy(checklist)
    for topic in own.topics:
        topic.questions = [q for q in topic.questions if q.type != "per_partner"]
    a, b = example(), example()
    b["partners"][1]["representative"] = "Autre Personne"
    named = []
    for label, data in (("A", a), ("B", b)):
        for topic in data["topics"].values():
            for question_id in ("missions", "skills", "availability"):
                topic.pop(question_id, None)
        sheet, issues = parse_sheet(data, own, f"{label}.yaml")
        assert issues == []
        named.append((label, sheet))
    result = merge_sheets(compare_sheets(named, own), own, "en", MERGE_DAY)
    assert result.topics_left == ("purpose",)
    assert result.sheet.topics["purpose"].notes.splitlines()[1:] == [
        "- Representative — Club Ados Linandes",
        "  - A: Karim Benali",
        "  - B: Autre Personne",
    ]


def test_sheets_with_no_project_answer_merge(checklist: Checklist) -> None:
    a, b = Sheet(), Sheet()
    a.topics["pricing"] = TopicEntry(answers={"model": "free"})
    b.topics["pricing"] = TopicEntry(answers={"model": "free"})
    result = merge_sheets(compare_sheets([("A", a), ("B", b)], checklist), checklist, "en", MERGE_DAY)
    assert (result.sheet.project, result.sheet.partners, result.left) == ({}, [], 0)
    assert result.sheet.topics == {"pricing": TopicEntry(answers={"model": "free"})}


def test_money_in_french_notes_is_written_the_french_way(checklist: Checklist) -> None:
    a, b = example(), example()
    b["partners"].append({"name": "Maison de quartier", "brings_money": 1200.5})
    notes = merged(a, b, checklist=checklist, lang="fr").sheet.topics["responsibilities"].notes
    assert notes.splitlines()[-1] == french("  - B : Maison de quartier — Apport en argent : ") + money(1200.5, "fr")


def test_list_items_in_french_notes_are_separated_the_french_way(checklist: Checklist) -> None:
    a, b = example(), example()
    b["partners"].append({"name": "Maison de quartier", "brings_material": ["tables", "chaises"]})
    notes = merged(a, b, checklist=checklist, lang="fr").sheet.topics["responsibilities"].notes
    assert notes.splitlines()[-1] == french("  - B : Maison de quartier — Apport matériel : tables ; chaises")


def test_answers_agreed_on_are_taken_in_the_first_sheet_s_words(checklist: Checklist) -> None:
    a, b = example(), example()
    b["partners"][1]["representative"] = "  KARIM   benali "
    b["topics"]["responsibilities"]["missions"]["Club Ados Linandes"] = (
        "les affiches, la sono et l'installation des FÊTES"
    )
    b["topics"]["purpose"]["reason"] = b["topics"]["purpose"]["reason"].upper()
    result = merged(a, b, checklist=checklist)
    assert result.left == 0
    assert result.sheet.partners[1]["representative"] == "Karim Benali"
    missions = result.sheet.topics["responsibilities"].answers["missions"]
    assert missions["Club Ados Linandes"] == "Les affiches, la sono et l'installation des fêtes"
    assert result.sheet.topics["purpose"].answers["reason"] == a["topics"]["purpose"]["reason"]
    result = merged(b, a, checklist=checklist)
    assert result.sheet.partners[1]["representative"] == "KARIM   benali"


def test_a_list_with_no_item_in_common_is_left_out(checklist: Checklist) -> None:
    a, b = example(), example()
    b["partners"][0]["brings_material"] = ["brouette"]
    b["topics"]["purpose"]["objectives"] = ["Autre chose"]
    b["topics"]["values"]["shared"] = ["democracy", "respect"]  # A's: solidarity, openness, ecology, conviviality
    result = merged(a, b, checklist=checklist)
    assert "brings_material" not in result.sheet.partners[0]
    assert "objectives" not in result.sheet.topics["purpose"].answers
    assert "shared" not in result.sheet.topics["values"].answers
    assert result.left == 3


# -- migrate: answers kept from another checklist version -----------------------------------------


def test_what_the_checklist_refuses_is_dropped_and_named(checklist: Checklist) -> None:
    given = answers()
    given["projet"] = {"title": "x"}
    given["project"]["scope"] = ["territorial", "partout"]
    given["partners"][0]["brings_money"] = "beaucoup"
    given["partners"][1]["ancien"] = "x"
    given["classification"]["shares_work"] = "peut-être"
    given["topics"]["pricing"] = {"model": "cher", "details": "Gratuit pour les enfants"}
    given["topics"]["timeline"] = {"milestones": [{"date": "2026-02-30", "label": "x"}]}
    given["topics"]["ancien_sujet"] = {"a": 1}
    kept = copy.deepcopy(given)
    dropped = drop_unaccepted(given, checklist, CREATED, "fr")
    assert sorted(dropped) == [
        "classification.shares_work",
        "partners.0.brings_money",
        "partners.1.ancien",
        "project.scope",
        "projet",
        "topics.ancien_sujet",
        "topics.pricing.model",
        "topics.timeline.milestones",  # the whole answer, not only its bad date
    ]
    assert given["topics"]["pricing"] == {"details": "Gratuit pour les enfants"}
    assert given["topics"]["timeline"] == {}
    assert "projet" not in given and "ancien_sujet" not in given["topics"]
    assert "scope" not in given["project"] and given["project"]["title"] == kept["project"]["title"]
    assert "brings_money" not in given["partners"][0] and "ancien" not in given["partners"][1]
    assert "shares_work" not in given["classification"]
    assert drop_unaccepted(given, checklist, CREATED, "fr") == []  # what is left is all accepted


def test_nothing_is_dropped_from_answers_the_checklist_accepts(checklist: Checklist) -> None:
    given = answers()
    kept = copy.deepcopy(given)
    assert drop_unaccepted(given, checklist, CREATED, "fr") == []
    assert given == kept


def test_a_problem_in_a_partner_that_is_not_a_mapping_drops_nothing(checklist: Checklist) -> None:
    given = {"project": {"title": "X"}, "partners": ["A", {"representative": "R"}]}
    assert drop_unaccepted(given, checklist, CREATED, "fr") == []  # a list's entry is not removed by path
    assert given["partners"] == ["A", {"representative": "R"}]
    given = {"project": {"title": "X"}, "partners": [0]}  # not even when the entry's value is its index
    assert drop_unaccepted(given, checklist, CREATED, "fr") == []
    assert given["partners"] == [0]


def test_a_bad_item_in_a_partner_s_list_drops_the_whole_answer(checklist: Checklist) -> None:
    given = {"project": {"title": "X"}, "partners": [{"name": "A", "brings_material": ["sono", {"a": 1}]}]}
    assert drop_unaccepted(given, checklist, CREATED, "fr") == ["partners.0.brings_material"]
    assert given["partners"] == [{"name": "A"}]


def test_a_missing_title_drops_no_other_project_answer(checklist: Checklist) -> None:
    given = {"project": {"summary": "Une fête de quartier", "territory": "Cergy"}, "partners": [{"name": "A"}]}
    assert drop_unaccepted(given, checklist, CREATED, "fr") == []
    assert given["project"] == {"summary": "Une fête de quartier", "territory": "Cergy"}


# -- model: the sheet and its YAML structure -----------------------------------------------------


def test_the_sheet_s_title_language_date_and_partners() -> None:
    sheet = Sheet(project={"title": 12, "language": "de", "created": "2026-01-01"})
    assert (sheet.title, sheet.language, sheet.created) == ("12", None, None)
    sheet = Sheet(project={"language": "en", "created": dt.date(2026, 1, 1)})
    assert (sheet.title, sheet.language, sheet.created) == ("", "en", dt.date(2026, 1, 1))
    sheet.partners = [{"name": "A"}, {"representative": "R"}, {"name": ""}, {"name": "B"}]
    assert sheet.partner_names() == ["A", "B"]


def test_renaming_a_partner_keeps_its_per_partner_answers() -> None:
    sheet = Sheet(
        topics={
            "responsibilities": TopicEntry(answers={"missions": {"Club": "La sono", "Autre": "x"}, "paid": False}),
            "human_resources": TopicEntry(answers={"skills": {"Autre": "y"}, "needed": ["Club"]}),
        }
    )
    sheet.rename_partner("Club", "Club Ados")
    assert sheet.topics["responsibilities"].answers == {
        "missions": {"Autre": "x", "Club Ados": "La sono"},
        "paid": False,
    }
    assert sheet.topics["human_resources"].answers == {"skills": {"Autre": "y"}, "needed": ["Club"]}


def test_answers_by_path_and_entries() -> None:
    sheet = Sheet(
        project={"title": "X"}, classification={"shares_work": False}, topics={"purpose": TopicEntry({"reason": "R"})}
    )
    assert sheet.answer("project.title") == "X"
    assert sheet.answer("classification.shares_work") is False
    assert sheet.answer("purpose.reason") == "R"
    assert sheet.answer("purpose.method") is None
    assert sheet.answer("pricing.model") is None
    assert sheet.answer("nonsense") is None
    assert sheet.entry("purpose") is sheet.topics["purpose"]
    assert sheet.entry("pricing") == TopicEntry() and "pricing" in sheet.topics


def test_a_condition_holds_on_a_value_or_an_item_of_a_list(checklist: Checklist) -> None:
    theme = next(q for q in checklist.project if q.id == "theme")  # asked when the scope is thematic
    title = next(q for q in checklist.project if q.id == "title")
    assert applies(title, Sheet())
    assert not applies(theme, Sheet())
    assert not applies(theme, Sheet(project={"scope": ["territorial"]}))
    assert applies(theme, Sheet(project={"scope": ["territorial", "thematic"]}))
    assert applies(theme, Sheet(project={"scope": "thematic"}))


def test_what_partners_bring_prefills_the_questions_about_it(checklist: Checklist) -> None:
    skills = checklist.topic("human_resources").questions[0]
    existing = checklist.topic("material_resources").questions[0]
    sheet = Sheet(
        partners=[
            {"name": "A", "brings_material": ["sono", "tables"], "brings_people": ["jeunes", "parents"]},
            {"name": "B", "brings_material": "barnum", "brings_people": []},
            {"name": "C"},
        ]
    )
    assert prefilled(skills, sheet) == {"A": "jeunes, parents"}
    assert prefilled(existing, sheet) == [
        {"item": "sono", "provided_by": "A"},
        {"item": "tables", "provided_by": "A"},
        {"item": "barnum", "provided_by": "B"},
    ]
    assert prefilled(
        dataclasses.replace(existing, prefill=dataclasses.replace(existing.prefill, partner_field=None)), sheet
    ) == [
        {"item": "sono"},
        {"item": "tables"},
        {"item": "barnum"},
    ]
    plain = dataclasses.replace(existing, fields=[])
    assert prefilled(plain, sheet) == ["sono", "tables", "barnum"]
    nobody = Sheet(partners=[{"name": "C"}])
    assert (prefilled(skills, nobody), prefilled(existing, nobody), prefilled(plain, nobody)) == (None, None, None)
    assert prefilled(checklist.topics[0].questions[0], sheet) is None  # a question with no prefill


def test_a_topic_s_status(checklist: Checklist) -> None:
    assert topic_status(None, checklist, "purpose") is None
    assert topic_status(TopicEntry(), checklist, "purpose") is None
    assert topic_status(TopicEntry(status="to_complete"), checklist, "purpose") == "to_complete"
    assert topic_status(TopicEntry(status="settled"), checklist, "purpose") is None  # nothing answered
    assert topic_status(TopicEntry({"reason": "R"}), checklist, "purpose") == "to_complete"  # objectives missing
    assert topic_status(TopicEntry({"reason": "R", "objectives": ["O"]}), checklist, "purpose") == "settled"
    assert topic_status(TopicEntry({"reason": "R"}, status="settled"), checklist, "purpose") == "settled"
    assert topic_status(TopicEntry({"reason": "R", "objectives": []}), checklist, "purpose") == "to_complete"
    assert topic_status(TopicEntry({"a": 1}), checklist, "no_such_topic") == "settled"


def test_to_data_orders_the_sheet_as_the_checklist(checklist: Checklist) -> None:
    sheet = Sheet(
        project={"language": "fr", "summary": "S", "extra": "kept", "title": "T", "created": dt.date(2026, 1, 2)},
        partners=[{"brings_money": 5, "name": "A", "contact": ""}],
        classification={"shares_work": True, "shares_resources": False},
        level="collaboration",
        topics={
            "pricing": TopicEntry({"details": "D", "model": "free"}, notes="N"),
            "purpose": TopicEntry({"reason": "R"}),
            "values": TopicEntry(status="to_complete"),
            "outlook": TopicEntry(status="settled"),  # settled with nothing answered: written as to complete
        },
    )
    data = to_data(sheet, checklist)
    assert list(data) == ["format", "checklist", "checklist_version", "project", "partners", "classification", "topics"]
    assert (data["format"], data["checklist"], data["checklist_version"]) == (1, checklist.id, checklist.version)
    assert list(data["project"]) == ["title", "summary", "created", "language", "extra"]
    assert data["partners"] == [{"name": "A", "brings_money": 5}]  # blank answers left out
    assert data["classification"] == {"shares_resources": False, "shares_work": True, "level": "collaboration"}
    assert data["topics"] == {
        "purpose": {"status": "to_complete", "reason": "R"},
        "values": {"status": "to_complete"},
        "pricing": {"status": "settled", "model": "free", "details": "D", "notes": "N"},
        "outlook": {"status": "to_complete"},
    }
    assert list(data["topics"]) == ["purpose", "values", "pricing", "outlook"]
    sheet.checklist_id, sheet.checklist_version, sheet.level = "autre", 3, None
    data = to_data(sheet, checklist)
    assert (data["checklist"], data["checklist_version"], "level" in data["classification"]) == ("autre", 3, False)
    assert "reviews" not in data


def test_a_review_is_written_with_only_what_it_says(checklist: Checklist) -> None:
    bare = Review(dt.date(2026, 3, 1), "Club")
    assert review_data(bare) == {"date": dt.date(2026, 3, 1), "partner": "Club"}
    full = Review(
        dt.date(2026, 3, 1),
        "Club",
        scores={"shared_purpose": 4},
        criteria=[CriterionRating("Fréquentation", "met", "Bien"), CriterionRating("Jeunes", "partly")],
        by="Karim",
        comment="Ça avance",
    )
    assert review_data(full) == {
        "date": dt.date(2026, 3, 1),
        "partner": "Club",
        "by": "Karim",
        "scores": {"shared_purpose": 4},
        "criteria": [
            {"criterion": "Fréquentation", "rating": "met", "comment": "Bien"},
            {"criterion": "Jeunes", "rating": "partly"},
        ],
        "comment": "Ça avance",
    }
    assert list(review_data(full)) == ["date", "partner", "by", "scores", "criteria", "comment"]
    assert to_data(Sheet(reviews=[bare, full]), checklist)["reviews"] == [review_data(bare), review_data(full)]
