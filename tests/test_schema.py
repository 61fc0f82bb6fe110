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
    "change",
    [
        lambda d: d["topics"].update(purpse={}),
        lambda d: d["topics"]["pricing"].update(model="expensive"),
        lambda d: d["partners"][0].pop("name"),
        lambda d: d["topics"]["timeline"]["milestones"].append({"label": "no date"}),
        lambda d: d["classification"].update(level="fusion"),
        lambda d: d["partners"][0].update(brings_money=-5),
    ],
)
def test_schema_and_validator_both_refuse(change, checklist: Checklist) -> None:  # type: ignore[no-untyped-def]
    data = sheets.example()
    change(data)
    _, issues = parse_sheet(data, checklist, "x.yaml")
    assert issues, "the validator finds the problem"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(sheet_schema(checklist, "en")).validate(json_ready(data))
