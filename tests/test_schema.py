"""The shipped JSON Schema agrees with the validator on the example and on broken sheets."""

from __future__ import annotations

import jsonschema
import pytest
import yaml

from coopwizard.guide.model import Checklist
from coopwizard.io.yamlio import json_ready
from coopwizard.render.schema import sheet_schema
from coopwizard.sheet.parse import parse_sheet
from tests import sheets
from tests.conftest import EXAMPLE


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
