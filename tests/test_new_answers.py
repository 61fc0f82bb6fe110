"""`coop new --answers`: no prompt, the validation of the prompts, every problem at once."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import yaml

from tests import wizard_script as script
from tests.conftest import ROOT
from tests.helpers import coop, french

ANSWERS = ROOT / "docs" / "examples" / "answers.yaml"


def test_the_documented_pipeline_writes_markdown_to_stdout(tmp_path: Path) -> None:
    run = coop("new", "--answers", str(ANSWERS), "--format", "md", "-o", "-", "--lang", "fr")
    assert run.code == 0
    assert run.err == ""
    assert run.out.startswith("---\nformat: 1\n")
    assert "# Fête des Linandes" in run.out
    sheet = tmp_path / "sheet.md"
    sheet.write_text(run.out, encoding="utf-8")
    check = coop("check", str(sheet), "--format", "json")
    assert json.loads(check.out)["files"][0]["coverage"]["to_complete"] == ["outlook"]


def test_answers_from_stdin_as_json_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "fete.yaml"
    run = coop(
        "new", "--answers", "-", "-o", str(target), "--lang", "fr", stdin=json.dumps(script.ANSWERS, ensure_ascii=False)
    )
    assert run.code == 0
    assert run.err == french("Fiche écrite : ") + f"{target}\n"
    written = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert "level" not in written["classification"]  # no declared level in the answers: none is made up
    assert written["project"]["language"] == "fr"
    assert coop("check", str(target)).code == 0


def test_every_problem_is_reported_at_once(write: Callable[..., Path]) -> None:
    answers = write(
        "answers.yaml",
        "project:\n  title: X\n  scpe: [territorial]\npartners:\n  - name: A\n"
        "    brings_money: beaucoup\ntopics:\n  pricing: {model: expensive}\n"
        "  timeline: {milestones: [{date: 2026-02-30, label: x}]}\n",
    )
    run = coop("new", "--answers", str(answers), "--allow-incomplete", "-o", "-")
    assert run.code == 2
    assert run.out == ""
    assert run.err.splitlines() == [
        f"Error: {answers}: 4 problems in the answers:",
        '  project.scpe: unknown key "scpe" (did you mean "scope"?)',
        '  partners.0.brings_money: "beaucoup" is not an amount: type for instance 1,200.50',
        '  topics.timeline.milestones.0.date: "2026-02-30" is not a date: type for instance 10/12/2026 '
        "(DD/MM/YYYY) or 2026-12-10",
        '  topics.pricing.model: "expensive" is not a possible choice (free, single_price, sliding_scale, '
        "free_contribution, other)",
    ]


def test_missing_answers_are_listed_unless_allowed_incomplete(write: Callable[..., Path], tmp_path: Path) -> None:
    answers = write("answers.yaml", "project:\n  title: Fête\npartners:\n  - name: A\n  - name: B\n")
    run = coop("new", "--answers", str(answers), "-o", "-")
    assert run.code == 2
    lines = run.err.splitlines()
    assert lines[0] == f"Error: {answers}: 20 problems in the answers:"
    assert (
        "  classification.shares_resources: missing answer: Do the associations share non-human resources "
        "(premises, equipment, logistics, money)?" in lines
    )
    assert "  topics.purpose.reason: missing answer: Why cooperate? The reason for the project" in lines
    incomplete = coop("new", "--answers", str(answers), "--allow-incomplete", "-o", str(tmp_path / "s.yaml"))
    assert incomplete.code == 0
    check = coop("check", str(tmp_path / "s.yaml"), "--format", "json")
    coverage = json.loads(check.out)["files"][0]["coverage"]
    assert coverage["settled"] == 0
    assert len(coverage["to_complete"]) == 12, "recorded as to complete, for coop edit to come back to"


def test_a_markdown_sheet_is_an_answers_file_too(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.md"
    sheet.write_text(
        coop("render", str(ROOT / "docs" / "examples" / "linandes.yaml"), "-f", "md").out, encoding="utf-8"
    )
    run = coop("new", "--answers", str(sheet), "-o", "-")
    assert run.code == 0, run.err
    assert "title: Jardins et fêtes des Linandes" in run.out


def test_an_existing_file_is_not_replaced_without_force(tmp_path: Path) -> None:
    target = tmp_path / "exists.yaml"
    target.write_text("keep me\n", encoding="utf-8")
    run = coop("new", "--answers", str(ANSWERS), "-o", str(target))
    assert run.code == 2
    assert run.err == f"Error: {target} already exists; add --force to replace it, or choose another -o.\n"
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert coop("new", "--answers", str(ANSWERS), "-o", str(target), "--force").code == 0
    assert target.read_text(encoding="utf-8").startswith(
        "---\n# yaml-language-server: $schema=./coopwizard.schema.json\nformat: 1\n"
    )


def test_a_hostile_answers_file_is_refused_like_a_sheet(write: Callable[..., Path]) -> None:
    answers = write("evil.yaml", "project: !!python/object/apply:os.system ['echo pwned']\n")
    run = coop("new", "--answers", str(answers), "-o", "-")
    assert run.code == 2
    assert "is not allowed" in run.err and run.out == ""
    listing = write("list.yaml", "- a\n- b\n")
    run = coop("new", "--answers", str(listing), "-o", "-")
    assert run.err == (f"Error: {listing}: an answers file is a mapping (project, partners, classification, topics).\n")
