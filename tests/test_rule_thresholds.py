"""Rule thresholds read from the checklist, tested at, below and above each one.

Only the thresholds' boundaries are pinned here: the sheet is the complete example with the counted
answers grown or shrunk, and the value comes from checklists/default.yaml, so the tests follow a
change of threshold there. A second checklist with other values shows the rule reads them (no
number written in the code). The pitfalls' other semantics belong to their own tests.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from coopwizard.audit.engine import audit
from coopwizard.guide.load import default_checklist_path
from coopwizard.guide.model import Checklist
from coopwizard.guide.parse import ChecklistParser
from coopwizard.io.yamlio import load_yaml
from coopwizard.sheet.parse import parse_sheet
from tests import sheets
from tests.helpers import coop

TODAY = dt.date(2026, 10, 1)


def params(checklist: Checklist, pitfall: str) -> dict[str, Any]:
    return dict(next(p for p in checklist.pitfalls if p.id == pitfall).params)


def checklist_with(**values: int) -> Checklist:
    """The default checklist with some thresholds changed in its text."""
    path = default_checklist_path()
    text = path.read_text(encoding="utf-8")
    for name, value in values.items():
        text, count = re.subn(rf"^(\s+{name}): \d+$", rf"\g<1>: {value}", text, flags=re.MULTILINE)
        assert count == 1, name
    return ChecklistParser(load_yaml(text, str(path)), str(path)).parse()


def _unfocused(partners: int, objectives: int) -> dict[str, Any]:
    """The example without its one-sentence object, with `partners` partners and `objectives` objectives."""
    data = sheets.example()
    del data["topics"]["purpose"]["main_objective"]
    base = data["partners"]
    data["partners"] = [{**base[i % len(base)], "name": f"Association {i}"} for i in range(partners)]
    data["topics"]["responsibilities"]["missions"] = {p["name"]: "Une mission" for p in data["partners"]}
    data["topics"]["human_resources"]["skills"] = {p["name"]: "Des compétences" for p in data["partners"]}
    data["topics"]["purpose"]["objectives"] = [f"Objectif {i}" for i in range(objectives)]
    return data


def trigger_codes(data: dict[str, Any], checklist: Checklist, pitfall: str) -> list[str]:
    sheet, issues = parse_sheet(data, checklist, "x.yaml")
    assert not issues
    result = audit(sheet, checklist, issues, TODAY)
    return [t.code for f in result.findings if f.rule == pitfall for t in f.triggers]


@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_partner_count_threshold(offset: int, checklist: Checklist) -> None:
    limit = params(checklist, "dispersion")["max_partners"]
    codes = trigger_codes(_unfocused(limit + offset, 1), checklist, "dispersion")
    assert ("many_partners" in codes) is (offset > 0)


@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_objective_count_threshold(offset: int, checklist: Checklist) -> None:
    limit = params(checklist, "dispersion")["max_objectives"]
    codes = trigger_codes(_unfocused(2, limit + offset), checklist, "dispersion")
    assert ("many_objectives" in codes) is (offset > 0)


@pytest.mark.parametrize(("partners", "objectives"), [(2, 3), (3, 1), (4, 4)])
def test_the_thresholds_are_read_from_the_checklist(partners: int, objectives: int) -> None:
    other = checklist_with(max_partners=partners, max_objectives=objectives)
    assert params(other, "dispersion")["max_partners"] == partners
    for count, expected in [(partners, False), (partners + 1, True)]:
        assert ("many_partners" in trigger_codes(_unfocused(count, 1), other, "dispersion")) is expected
    for count, expected in [(objectives, False), (objectives + 1, True)]:
        assert ("many_objectives" in trigger_codes(_unfocused(2, count), other, "dispersion")) is expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "{count} partners (more than {max}) with no object of the cooperation named"),
        ("fr", "{count} partenaires (plus de {max}) sans objet de la coopération nommé"),
    ],
)
def test_the_partner_count_message(lang: str, expected: str, checklist: Checklist, tmp_path: Any) -> None:
    limit = params(checklist, "dispersion")["max_partners"]
    path = tmp_path / "many.yaml"
    path.write_text(sheets.as_yaml(_unfocused(limit + 1, 1)), encoding="utf-8")
    run = coop("check", str(path), "--lang", lang)
    assert run.code == 1
    assert expected.format(count=limit + 1, max=limit) in run.out


def test_the_default_thresholds(checklist: Checklist) -> None:
    """The values the guide's checklist ships with, pinned once (the tests above follow them)."""
    assert (params(checklist, "dispersion")["max_partners"], params(checklist, "dispersion")["max_objectives"]) == (
        6,
        5,
    )
    assert params(checklist, "wishes_vs_means")["max_unfunded_amount"] == 0
