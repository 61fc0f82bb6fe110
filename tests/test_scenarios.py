"""Realistic sheets, written as volunteers write them, each with what the guide says of it beside it.

Each `tests/scenarios/NN_name.yaml` (a sheet) or `NN_name.answers.yaml` (answers
for `coop new --answers`) has an `NN_name.expect.yaml`: the level the whole
sheet supports (`level`), the level the answers claim when it differs
(`claimed`), the declared level (`declared`), the pitfalls and the
inconsistencies it must raise — exactly those: a false alarm fails as much as a
miss — and optional phrases the French report `says`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import coop

HERE = Path(__file__).parent / "scenarios"
EXPECTS = sorted(HERE.glob("*.expect.yaml"))
PITFALLS = ("provider_relationship", "dispersion", "unclear_purpose", "wishes_vs_means", "hasty_decisions")
CHECKS = (
    "one_event_only",
    "organised_apart",
    "work_not_shared",
    "nothing_pooled",
    "level_unsupported",
    "level_understated",
    "premature_rapprochement",
)


def _source(expect: Path) -> Path:
    stem = expect.name.removesuffix(".expect.yaml")
    for candidate in (HERE / f"{stem}.yaml", HERE / f"{stem}.answers.yaml"):
        if candidate.exists():
            return candidate
    raise AssertionError(f"{expect.name}: no sheet or answers beside it")


def _sheet(expect: Path, tmp_path: Path) -> Path:
    """The sheet to check: the scenario itself, or the sheet `coop new --answers` makes of it."""
    source = _source(expect)
    if not source.name.endswith(".answers.yaml"):
        return source
    target = tmp_path / "sheet.yaml"
    run = coop("new", "--answers", str(source), "-o", str(target), "--lang", "fr")
    assert run.code == 0, run.err
    return target


def _expected(expect: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(expect.read_text(encoding="utf-8"))
    return data


def _entry(sheet: Path) -> dict[str, Any]:
    run = coop("check", "--format", "json", "--lang", "fr", str(sheet))
    assert run.code in (0, 1), run.err
    entry: dict[str, Any] = json.loads(run.out)["files"][0]
    return entry


def _rules(entry: dict[str, Any], kind: str) -> list[str]:
    return sorted({f["rule"] for f in entry["findings"] if f["kind"] == kind})


def test_there_are_enough_scenarios() -> None:
    assert len(EXPECTS) >= 24
    for expect in EXPECTS:
        _source(expect)


@pytest.mark.parametrize("expect", EXPECTS, ids=[e.name.removesuffix(".expect.yaml") for e in EXPECTS])
def test_scenario(expect: Path, tmp_path: Path) -> None:
    wanted = _expected(expect)
    sheet = _sheet(expect, tmp_path)
    entry = _entry(sheet)
    level = entry["level"]
    assert level["supported"]["level"] == wanted["level"], "level the sheet supports"
    assert level["reached"] == wanted.get("claimed", wanted["level"]), "level the answers claim"
    assert level["declared"] == wanted.get("declared"), "declared level"
    assert _rules(entry, "pitfall") == sorted(wanted["pitfalls"]), "pitfalls"
    assert _rules(entry, "inconsistency") == sorted(wanted["inconsistencies"]), "inconsistencies"
    if wanted.get("says"):
        text = coop("check", "--lang", "fr", str(sheet)).out.replace("\u202f", " ").replace("\xa0", " ")
        for phrase in wanted["says"]:
            assert phrase in text
    if _source(expect).name.endswith(".answers.yaml"):
        written = yaml.safe_load(sheet.read_text(encoding="utf-8"))
        assert written["classification"].get("level") == wanted.get("declared")


def tally() -> dict[str, tuple[int, int, int]]:
    """Per rule: scenarios that should raise it, that should not, and how many the audit gets right."""
    counts: dict[str, list[int]] = {rule: [0, 0, 0] for rule in (*PITFALLS, *CHECKS)}
    for expect in EXPECTS:
        wanted = _expected(expect)
        source = _source(expect)
        if source.name.endswith(".answers.yaml"):
            import tempfile

            with tempfile.TemporaryDirectory() as folder:
                entry = _entry(_sheet(expect, Path(folder)))
        else:
            entry = _entry(source)
        raised = set(_rules(entry, "pitfall")) | set(_rules(entry, "inconsistency"))
        should = set(wanted["pitfalls"]) | set(wanted["inconsistencies"])
        for rule, row in counts.items():
            row[0 if rule in should else 1] += 1
            row[2] += (rule in raised) == (rule in should)
    return {rule: (a, b, c) for rule, (a, b, c) in counts.items()}


def test_every_rule_is_tried_on_both_sides() -> None:
    """Each pitfall and level check has scenarios that should raise it and scenarios that should not."""
    for rule, (should, should_not, _) in tally().items():
        if rule == "level_understated":
            continue  # no volunteer sheet here understates its level; tests/test_judgments.py covers it
        assert should >= 1 and should_not >= 1, rule


if __name__ == "__main__":  # python -m tests.test_scenarios: the table for the notes
    print("| rule | should raise | should not | right |")
    print("|---|---|---|---|")
    for rule, (should, should_not, right) in tally().items():
        print(f"| `{rule}` | {should} | {should_not} | {right}/{should + should_not} |")
