"""`coop levels|topics|pitfalls|practices|schema`: the guide at a glance."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from tests.helpers import coop


def test_topics_in_french_and_english() -> None:
    french = coop("topics", "--lang", "fr")
    english = coop("topics", "--lang", "en")
    assert french.code == english.code == 0
    assert len(french.out.splitlines()) == len(english.out.splitlines()) == 12
    assert french.out.splitlines()[3].split("\t")[:2] == ["governance", "Gouvernance"]
    assert english.out.splitlines()[0].split("\t")[:2] == ["purpose", "Purpose and objectives"]


@pytest.mark.parametrize(("part", "count"), [("levels", 3), ("topics", 12), ("pitfalls", 5), ("practices", 14)])
def test_json_lists_every_item(part: str, count: int) -> None:
    run = coop(part, "--format", "json", "--lang", "fr")
    assert run.code == 0
    items = json.loads(run.out)[part]
    assert len(items) == count
    assert all(item["id"] for item in items)


def test_levels_plain_text_is_tab_separated() -> None:
    assert coop("levels", "--lang", "fr").out.splitlines()[2].split("\t")[:3] == [
        "cooperation",
        "3. Coopération",
        "faire œuvre commune",
    ]


def test_a_table_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("FORCE_COLOR", "1")  # as Rich itself reads it: a terminal, with colour
    run = coop("pitfalls")
    assert run.code == 0
    lines = re.sub(r"\x1b\[[0-9;]*m", "", run.out).splitlines()  # colours off, the drawing kept
    assert all(len(line) <= 100 for line in lines)
    assert lines[1].startswith("┏") and lines[1].endswith("┓")  # a box around the table
    header = [cell.strip() for cell in lines[2].strip("┃").split("┃")]
    assert header[0] == "Pitfall" and "id" not in header  # names for people; ids in TSV and JSON
    first_cells = " ".join(line.split("│")[1].strip() for line in lines if line.startswith("│"))
    pitfalls = json.loads(coop("pitfalls", "--format", "json").out)["pitfalls"]
    for pitfall in pitfalls:  # one row per pitfall, its text first (wrapped over lines)
        assert " ".join(pitfall["text"].split()[:3]) in first_cells
        assert pitfall["id"] not in run.out
    assert coop("pitfalls", env={"FORCE_COLOR": ""}).out.split("\t")[0] == pitfalls[0]["id"]  # piped: the id stays
    assert lines[-1].startswith("└") and lines[-1].endswith("┘")


def test_schema_is_json_schema_for_the_checklist() -> None:
    run = coop("schema")
    schema = json.loads(run.out)
    assert schema["$schema"].endswith("2020-12/schema")
    assert sorted(schema["properties"]["topics"]["properties"]) == sorted(
        json.loads(coop("topics", "--format", "json").out)["topics"][i]["id"] for i in range(12)
    )


@pytest.mark.skipif(sys.platform == "win32", reason="a program on the PATH is found by its .exe there")
def test_hints_name_the_command_as_it_was_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from coopwizard.cli import command_as_run

    program = tmp_path / "bin" / "coop"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    assert command_as_run(".venv/bin/coop") == ".venv/bin/coop"  # not on the PATH: the path as typed
    monkeypatch.setenv("PATH", str(program.parent))
    assert command_as_run(str(program)) == "coop"  # on the PATH: its name
    assert command_as_run("/somewhere/coopwizard/__main__.py") == "python -m coopwizard"
