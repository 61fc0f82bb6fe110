"""The io layer's details that people see: YAML as written, front-matter fences, line numbers in Markdown sheets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from coopwizard.io.yamldump import dump_yaml
from coopwizard.io.yamlio import json_ready
from tests.helpers import coop


def test_yaml_is_written_in_block_style_in_the_given_order() -> None:
    # A document start and indented sequences: yamllint's defaults (tests/test_yamllint.py).
    assert dump_yaml({"b": [1, 2], "a": {"c": 1}}) == "---\nb:\n  - 1\n  - 2\na:\n  c: 1\n"


def test_yaml_lines_are_folded_under_80_columns() -> None:
    text = dump_yaml({"d": " ".join(["www"] * 73)})
    lines = text.splitlines()
    assert lines[0] == "---" and all(len(line) <= 80 for line in lines)
    assert len(lines) > 3  # the 291 characters are folded, not left on one line


def test_json_ready_converts_dates_and_keys_everywhere() -> None:
    day = dt.date(2026, 10, 13)
    assert json_ready({1: [day, {"d": day}], "x": None}) == {"1": ["2026-10-13", {"d": "2026-10-13"}], "x": None}


MD_SHEET = "---\nformat: 1\nproject:\n  title: Fête\n  colour: bleu\n---\n\n# Fête\n"


@pytest.mark.parametrize("fence", ["---", "--- ", "---\t"])
def test_a_front_matter_fence_may_end_with_spaces(fence: str, write: Callable[..., Path]) -> None:
    path = write("s.md", MD_SHEET.replace("---\n", fence + "\n", 1))
    run = coop("check", str(path))
    assert run.code == 1 and run.err == ""


def test_the_front_matter_may_close_with_three_dots(write: Callable[..., Path]) -> None:
    path = write("s.md", MD_SHEET.replace("\n---\n\n", "\n...\n\n"))
    assert coop("check", str(path)).code == 1  # read: only findings


def test_an_empty_front_matter(write: Callable[..., Path]) -> None:
    path = write("s.md", "---\n---\n# rien\n")
    run = coop("check", str(path))
    assert run.code == 2
    assert run.err == f"Error: {path} holds no YAML document.\n"


def test_findings_in_a_markdown_sheet_are_located_at_the_file_s_lines(write: Callable[..., Path]) -> None:
    path = write("s.md", MD_SHEET)
    run = coop("check", str(path))
    assert f'{path}:5:3: [error] unknown key "colour"' in run.out  # line 5 of the file, the fence counted


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\nformat: 1\nproject: [unclosed\n---\n", 4),  # a syntax error
        ("---\nformat: 1\nproject:\n  title: A\n  title: B\n---\n", 5),  # a duplicate key
    ],
)
def test_yaml_errors_in_a_markdown_sheet_name_the_file_s_line(text: str, line: int, write: Callable[..., Path]) -> None:
    path = write("s.md", text)
    run = coop("check", str(path))
    assert run.code == 2
    assert run.err.startswith(f"Error: {path}:{line}: ")
