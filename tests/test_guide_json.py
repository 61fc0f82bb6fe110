"""The guide's JSON keeps docs/answers-format.md's promise: an answers file can be written from it alone."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from coopwizard.guide.model import Checklist, Condition, Question
from coopwizard.render.guide import guide_json
from tests.conftest import ROOT
from tests.helpers import coop

DOC = (ROOT / "docs" / "answers-format.md").read_text(encoding="utf-8")


def topics_json(lang: str = "en") -> dict[str, Any]:
    run = coop("topics", "--format", "json", "--lang", lang)
    assert run.code == 0
    data: dict[str, Any] = json.loads(run.out)
    return data


def test_the_doc_makes_the_promise() -> None:
    assert "a choice id (`coop topics --format json` lists them)" in DOC


def _every_question(checklist: Checklist) -> list[tuple[str, Question]]:
    found = [(f"project.{q.id}", q) for q in checklist.project]
    found += [(f"partner.{q.id}", q) for q in checklist.partner]
    found += [(f"classification.{q.id}", q) for q in checklist.classification]
    found += [(f"{t.id}.{q.id}", q) for t in checklist.topics for q in t.questions]
    return found + [(f"{path}.{f.id}", f) for path, q in list(found) for f in q.fields]


def _entries(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every question entry of the JSON, by path, fields included."""
    questions = [q for t in data["topics"] for q in t["questions"]]
    for section in ("project", "partners", "classification"):
        questions += data[section]["questions"]
    by_path: dict[str, dict[str, Any]] = {}
    while questions:
        entry = questions.pop()
        by_path[entry["path"]] = entry
        questions.extend(entry.get("fields", []))
    return by_path


def test_every_question_with_its_type_choices_in_both_languages_and_fields(checklist: Checklist) -> None:
    entries = _entries(topics_json("fr"))
    expected = _every_question(checklist)
    assert sorted(entries) == sorted(path for path, _ in expected)
    for path, question in expected:
        entry = entries[path]
        assert (entry["id"], entry["type"], entry["required"]) == (question.id, question.type, question.required)
        assert entry["text"] == question.text("fr")
        assert entry.get("choices", []) == [
            {"id": c.id, "label": c.label("fr"), "labels": {"fr": c.label("fr"), "en": c.label("en")}}
            for c in question.choices
        ]
        assert [f["id"] for f in entry.get("fields", [])] == [f.id for f in question.fields]
        if question.when is None:
            assert "when" not in entry
        else:  # the theme, asked only of a thematic cooperation
            assert entry["when"] == {"answer": question.when.answer, "any_of": list(question.when.any_of)}


def test_the_pricing_model_choices_exactly() -> None:
    pricing = next(t for t in topics_json()["topics"] if t["id"] == "pricing")
    model = pricing["questions"][0]
    assert model["path"] == "pricing.model"
    assert [(c["id"], c["labels"]["en"]) for c in model["choices"]][:2] == [
        ("free", "free"),
        ("single_price", "single price"),
    ]


def test_reserved_keys_with_their_values() -> None:
    data = topics_json("en")
    statuses = data["topics"][0]["reserved"][0]
    assert (statuses["path"], [c["id"] for c in statuses["choices"]]) == ("purpose.status", ["settled", "to_complete"])
    assert statuses["choices"][1]["labels"] == {"fr": "à compléter", "en": "to complete"}
    assert [r["id"] for r in data["project"]["reserved"]] == ["created", "language"]
    assert [c["id"] for c in data["classification"]["reserved"][0]["choices"]] == [
        "mutualisation",
        "collaboration",
        "cooperation",
    ]


def _answer(entry: dict[str, Any], partners: list[str]) -> Any:
    kind = entry["type"]
    if entry.get("fields"):
        return [{f["id"]: _answer(f, partners) for f in entry["fields"]}]
    return {
        "text": "x",
        "choice": entry.get("choices", [{}])[0].get("id"),
        "multi_choice": [c["id"] for c in entry.get("choices", [])][:1],
        "yes_no": True,
        "date": "2026-10-13",
        "amount": 10,
        "list": ["x"],
        "per_partner": dict.fromkeys(partners, "x"),
    }[kind]


def test_an_answers_file_written_from_the_json_alone_is_complete(tmp_path: Path) -> None:
    data = topics_json()
    partners = ["A", "B"]

    def section(name: str) -> dict[str, Any]:
        return {q["id"]: _answer(q, partners) for q in data[name]["questions"]}

    answers = {
        "project": section("project"),
        "partners": [{**section("partners"), "name": name} for name in partners],
        "classification": section("classification"),
        "topics": {t["id"]: {q["id"]: _answer(q, partners) for q in t["questions"]} for t in data["topics"]},
    }
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    run = coop("new", "--answers", str(path), "-o", str(tmp_path / "sheet.yaml"))
    assert (run.code, run.err) == (0, f"Sheet written: {tmp_path / 'sheet.yaml'}\n")
    check = coop("check", str(tmp_path / "sheet.yaml"), "--format", "json")
    coverage = json.loads(check.out)["files"][0]["coverage"]
    assert coverage["settled_topics"] == [t["id"] for t in data["topics"]]
    assert json.loads(check.out)["files"][0]["counts"]["schema"] == 0


def test_a_condition_is_included_when_the_model_has_one(checklist: Checklist) -> None:
    question = checklist.topics[7].questions[1]  # pricing.details
    assert "when" not in json.loads(guide_json(checklist, "topics", "en"))["topics"][7]["questions"][1]
    question.when = Condition("pricing.model", ("single_price", "sliding_scale"))
    try:
        entry = json.loads(guide_json(checklist, "topics", "en"))["topics"][7]["questions"][1]
    finally:
        question.when = None
    assert entry["when"] == {"answer": "pricing.model", "any_of": ["single_price", "sliding_scale"]}


@pytest.mark.parametrize(
    ("part", "key", "expected"),
    [
        ("levels", "requires", ["shares_resources"]),
        ("pitfalls", "reads", ["responsibilities.missions", "responsibilities.paid_services"]),
    ],
)
def test_levels_and_pitfalls_name_the_answers_they_read(part: str, key: str, expected: list[str]) -> None:
    data = json.loads(coop(part, "--format", "json").out)
    assert data[part][0][key][: len(expected)] == expected
    assert data["checklist"] == {"id": "cergy-cooperation", "version": 1}
    if part == "levels":
        assert data["classification"]["questions"][0]["id"] == "shares_resources"


def test_practices_say_what_they_check() -> None:
    first = json.loads(coop("practices", "--format", "json").out)["practices"][0]
    assert first["check"] == {"rule": "answered", "reads": ["project.territory", "outlook.next_actions"], "values": []}


def test_the_doc_describes_every_key_the_json_prints() -> None:
    section = DOC.split("## Everything an answers file needs, as JSON")[1].split("\n## ")[0]
    named = set(re.findall(r"`([a-z_.]+)`", section))
    data = topics_json()
    printed = set(data) | {key for topic in data["topics"] for key in topic}
    for entry in _entries(data).values():
        printed |= set(entry) | {key for choice in entry.get("choices", []) for key in choice}
    assert printed - named == set()
    assert {"when", "labels", "fields", "reserved", "path"} <= named
