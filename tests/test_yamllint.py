"""Every YAML file coopwizard ships or writes passes yamllint with its default configuration and reads back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from ruamel.yaml import YAML
from yamllint import linter
from yamllint.config import YamlLintConfig

from coopwizard.io.frontmatter import split_front_matter
from tests.conftest import EXAMPLE, ROOT
from tests.helpers import coop

DEFAULTS = YamlLintConfig("extends: default")
EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.yaml"))
ANSWERS = ROOT / "docs" / "examples" / "answers.yaml"
MODELINE = "# yaml-language-server: $schema=./coopwizard.schema.json"

# Text that tempts every reader: numbers in other bases, words read as booleans, long lines.
HOSTILE = """\
format: 1
project:
  title: "0o17"
  summary: "Un très long résumé qui dépasse largement les quatre-vingts colonnes de yamllint, \
écrit d'une traite, avec : des deux-points, des # dièses et des « guillemets »."
  territory: "1e5"
  theme: "yes"
partners:
  - name: "+1e3"
    contact: "0612345678"
    brings_people: ["2e-3", "on", "~", "2026-10-13", "18:30", ".inf", "null", "n"]
topics:
  purpose:
    reason: "première ligne\\ndeuxième ligne, bien plus longue que ce que yamllint accepte sur une seule ligne"
    notes: "  indentée\\n\\ttabulée\\n"
  responsibilities:
    missions:
      "0o17": "Le jardin"
      "Une association au nom vraiment très long, comme il en existe beaucoup": "Les affiches, la sono et le reste"
"""


def lint(text: str) -> list[str]:
    return [f"{p.line}:{p.column} {p.desc} ({p.rule})" for p in linter.run(text, DEFAULTS)]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_examples_pass_yamllint(path: Path) -> None:
    assert lint(path.read_text(encoding="utf-8")) == []


def test_there_are_examples() -> None:
    assert [p.name for p in EXAMPLES] == ["answers.yaml", "fete-ados.yaml", "fete-potagers.yaml", "linandes.yaml"]


def _written(tmp_path: Path, *args: str) -> str:
    target = tmp_path / "out.yaml"
    run = coop(*args, "-o", str(target), env={"COOP_SCHEMA": "./coopwizard.schema.json"})
    assert run.code == 0, run.err
    return target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ("new", "--answers", str(ANSWERS), "--allow-incomplete"),
        ("render", str(EXAMPLE)),
    ],
    ids=["new", "render"],
)
def test_written_sheets_pass_yamllint_and_start_with_the_modeline(tmp_path: Path, args: tuple[str, ...]) -> None:
    text = _written(tmp_path, *args)
    assert text.startswith(f"---\n{MODELINE}\nformat: 1\n")
    assert lint(text) == []


def test_the_front_matter_of_a_markdown_sheet_passes_yamllint() -> None:
    markdown = coop("render", str(EXAMPLE), "-f", "md").out
    front, _ = split_front_matter(markdown, "x.md")
    assert markdown.startswith("---\nformat: 1\n")  # the fence is the document start, never doubled
    assert "yaml-language-server" not in front
    assert lint("---\n" + front) == []


def test_a_rendered_sheet_reads_back_the_same_in_every_reader(tmp_path: Path) -> None:
    """What coop render writes, PyYAML (1.1), ruamel (1.2) and coop check all read as the original answers."""
    source = tmp_path / "hostile.yaml"
    source.write_text(HOSTILE, encoding="utf-8")
    text = _written(tmp_path, "render", str(source))
    assert lint(text) == []
    original = yaml.safe_load(HOSTILE)
    for data in (yaml.safe_load(text), YAML(typ="safe", pure=True).load(text)):
        assert data["project"] == original["project"]
        assert data["partners"] == original["partners"]
        assert data["topics"]["purpose"]["reason"] == original["topics"]["purpose"]["reason"]
        assert data["topics"]["purpose"]["notes"] == original["topics"]["purpose"]["notes"].strip()
        assert data["topics"]["responsibilities"]["missions"] == original["topics"]["responsibilities"]["missions"]
    assert '  title: "0o17"\n' in text and '    - "2e-3"\n' in text and '  theme: "yes"\n' in text
    again = tmp_path / "again.yaml"
    again.write_text(text, encoding="utf-8")
    assert _written(tmp_path, "render", str(again), "--force") == text  # a fixed point


def test_the_modeline_can_be_changed_or_left_out(tmp_path: Path) -> None:
    url = "https://example.org/coop/schema.json"
    run = coop("render", str(EXAMPLE), env={"COOP_SCHEMA": url})
    assert run.out.startswith(f"---\n# yaml-language-server: $schema={url}\nformat: 1\n")
    for off in ("", "none", "off"):
        assert coop("render", str(EXAMPLE), env={"COOP_SCHEMA": off}).out.startswith("---\nformat: 1\n")


def test_a_sheet_edited_by_coop_edit_passes_yamllint(write: Callable[..., Path], checklist: object) -> None:
    import datetime as dt

    from coopwizard.wizard.edit import plan_edit, write_back

    text = coop("render", str(EXAMPLE)).out
    path = write("sheet.yaml", text)
    plan = plan_edit(str(path), checklist, ["pricing"], dt.date(2026, 10, 1))  # type: ignore[arg-type]
    sheet = plan.loaded.sheet
    sheet.topics["pricing"].answers = {"model": "free", "details": "Tout est gratuit, " * 8}
    written = write_back(text, False, sheet, checklist, ["pricing"], "", str(path))  # type: ignore[arg-type]
    # coop edit never re-wraps lines (the round trip's folding leaves trailing spaces): a long new answer
    # may pass 80 columns; everything else yamllint's defaults check holds, the document start included.
    assert [p for p in lint(written) if "line-length" not in p] == []
    assert written.startswith("---\n")


def test_the_sheet_format_doc_shows_the_example_as_it_is() -> None:
    doc = (ROOT / "docs" / "sheet-format.md").read_text(encoding="utf-8")
    assert f"```yaml\n{EXAMPLE.read_text(encoding='utf-8')}```" in doc
