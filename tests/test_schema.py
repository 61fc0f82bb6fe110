"""The shipped JSON Schema agrees with the validator on the example and on broken sheets."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from coopwizard.guide.model import Checklist
from coopwizard.io.frontmatter import split_front_matter
from coopwizard.io.yamlio import json_ready
from coopwizard.render.schema import schema_modeline, sheet_schema
from coopwizard.sheet.parse import parse_sheet
from tests import sheets
from tests.conftest import EXAMPLE, ROOT
from tests.helpers import coop, french


def test_the_example_is_valid_for_the_schema(checklist: Checklist) -> None:
    data = json_ready(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))
    jsonschema.Draft202012Validator(sheet_schema(checklist, "en")).validate(data)


@pytest.mark.parametrize(
    ("change", "key", "path"),
    [
        (lambda d: d["topics"].update(purpse={}), "sheet.unknown_key", ("topics", "purpse")),
        (
            lambda d: d["topics"]["pricing"].update(model="expensive"),
            "answer.unknown_choice",
            ("topics", "pricing", "model"),
        ),
        (lambda d: d["partners"][0].pop("name"), "sheet.partner_without_name", ("partners", 0)),
        (
            lambda d: d["topics"]["timeline"]["milestones"].append({"label": "no date"}),
            "answer.missing_field",
            ("topics", "timeline", "milestones", 4, "date"),
        ),
        (lambda d: d["classification"].update(level="fusion"), "answer.unknown_choice", ("classification", "level")),
        (lambda d: d["partners"][0].update(brings_money=-5), "answer.bad_amount", ("partners", 0, "brings_money")),
    ],
)
def test_schema_and_validator_both_refuse(change, key: str, path: tuple[object, ...], checklist: Checklist) -> None:  # type: ignore[no-untyped-def]
    data = sheets.example()
    change(data)
    _, issues = parse_sheet(data, checklist, "x.yaml")
    assert [(i.key, i.path) for i in issues] == [(key, path)], "the validator finds this problem, and only it"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(sheet_schema(checklist, "en")).validate(json_ready(data))


# -- issue 14: what an editor shows ---------------------------------------------------------------------------------


def _keys(schema: dict[str, Any], path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every key a sheet may hold, with its schema, at any depth."""
    for alternative in schema.get("anyOf", []):
        if alternative.get("type") == "object":
            yield from _keys(alternative, path)
    for name, sub in schema.get("properties", {}).items():
        yield f"{path}{name}", sub
        yield from _keys(sub, f"{path}{name}.")
    items = schema.get("items")
    if isinstance(items, dict):
        yield from _keys(items, f"{path}[].")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_schema_passes_its_metaschema_and_has_an_id(checklist: Checklist, lang: str) -> None:
    schema = sheet_schema(checklist, lang)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == f"urn:coopwizard:sheet:1:cergy-cooperation:1:{lang}"


def test_the_titles_in_each_language(checklist: Checklist) -> None:
    french, english = sheet_schema(checklist, "fr"), sheet_schema(checklist, "en")
    assert french["title"] == "Fiche projet — Tout petit guide pour grand projet inter-associatif"
    assert english["title"] == "Project sheet — A very small guide for a big inter-association project"
    assert (
        french["properties"]["topics"]["properties"]["pricing"]["anyOf"][0]["properties"]["status"]["title"]
        == "État du sujet"
    )
    assert french["properties"]["project"]["properties"]["created"]["description"] == (
        "Le jour où la fiche a été commencée (AAAA-MM-JJ)."
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_key_has_a_title_and_a_description(checklist: Checklist, lang: str) -> None:
    keys = dict(_keys(sheet_schema(checklist, lang)))
    assert {"format", "checklist", "checklist_version", "project", "partners", "classification", "topics"} <= set(keys)
    assert {"project.created", "project.language", "classification.level", "topics.pricing.status"} <= set(keys)
    assert "topics.timeline.milestones.[].date" in keys
    untitled = [key for key, sub in keys.items() if not sub.get("title") or not sub.get("description")]
    assert untitled == []


def test_choices_carry_their_labels(checklist: Checklist) -> None:
    keys = dict(_keys(sheet_schema(checklist, "fr")))
    assert keys["topics.pricing.model"]["oneOf"][:2] == [
        {"const": "free", "title": "gratuité", "description": "gratuité"},
        {"const": "single_price", "title": "tarif unique", "description": "tarif unique"},
    ]
    assert [c["const"] for c in keys["project.scope"]["items"]["oneOf"]] == ["territorial", "thematic"]
    assert keys["project.language"]["oneOf"] == [
        {"const": "fr", "title": "français", "description": "français"},
        {"const": "en", "title": "anglais", "description": "anglais"},
    ]
    assert "enum" not in json.dumps(keys["topics.pricing.model"])


def _validates(text: str, checklist: Checklist) -> None:
    data = json_ready(yaml.safe_load(text))
    for lang in ("fr", "en"):
        jsonschema.Draft202012Validator(sheet_schema(checklist, lang)).validate(data)


def test_every_sheet_the_tool_writes_is_valid_for_the_schema(checklist: Checklist, tmp_path: Path) -> None:
    _validates(coop("render", str(EXAMPLE)).out, checklist)
    _validates(split_front_matter(coop("render", str(EXAMPLE), "-f", "md").out, "x.md")[0], checklist)
    answers = ROOT / "docs" / "examples" / "answers.yaml"
    _validates(coop("new", "--answers", str(answers), "--allow-incomplete", "-o", "-").out, checklist)
    _validates(coop("render", str(answers)).out, checklist)


def test_coop_schema_writes_the_file_new_sheets_point_at(tmp_path: Path) -> None:
    target = tmp_path / "coopwizard.schema.json"
    run = coop("schema", "--lang", "fr", "-o", str(target))
    assert (run.code, run.err) == (0, french("Schéma écrit : ") + f"{target}\n")
    assert json.loads(target.read_text(encoding="utf-8"))["$id"].endswith(":fr")
    again = coop("schema", "-o", str(target))
    assert (again.code, again.err) == (
        2,
        f"Error: {target} already exists; add --force to replace it, or choose another -o.\n",
    )
    assert coop("schema", "--lang", "en", "-o", str(target), "--force").code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["$id"].endswith(":en")
    assert coop("schema", "--lang", "en").out == target.read_text(encoding="utf-8")


def test_the_modeline(checklist: Checklist) -> None:
    assert schema_modeline({}) == "# yaml-language-server: $schema=./coopwizard.schema.json"
    assert schema_modeline({"COOP_SCHEMA": "../schemas/fiche.json"}) == (
        "# yaml-language-server: $schema=../schemas/fiche.json"
    )
    assert [schema_modeline({"COOP_SCHEMA": off}) for off in ("", " none ", "OFF", "0")] == ["", "", "", ""]
