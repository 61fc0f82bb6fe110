"""Every message key the code uses exists in both catalogs, and the catalogs hold no key nobody uses.

Keys are read from the source with `ast`: string literals shaped like a key whose
first part is a catalog prefix, keys built by `trigger("code")` and `h("name")`,
and f-strings whose fixed start must prefix at least one key. A key missing from
a catalog would otherwise be a KeyError traceback at the worst moment.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from coopwizard.i18n.catalogs import EN, FR
from tests.test_architecture import PACKAGE

PREFIXES = {key.partition(".")[0] for key in EN}
KEY = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)+$")


def _literal_keys(tree: ast.AST) -> Iterator[tuple[int, str]]:
    wrapped = {  # h("check.format") means help.check.format: the literal alone is not a key
        id(node.args[0])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("h", "trigger")
        if node.args
    }
    for node in ast.walk(tree):
        if id(node) in wrapped:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if KEY.match(node.value) and node.value.partition(".")[0] in PREFIXES:
                yield node.lineno, node.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if node.func.id == "trigger":
                    yield node.lineno, f"trigger.{first.value}"
                elif node.func.id == "h":
                    yield node.lineno, f"help.{first.value}"


def _prefixes(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and node.values:
            head = node.values[0]
            if isinstance(head, ast.Constant) and isinstance(head.value, str) and "." in head.value:
                start = head.value
                if start.partition(".")[0] in PREFIXES and re.fullmatch(r"[a-z_.]+", start):
                    yield node.lineno, start


def used_keys() -> tuple[list[str], list[str]]:
    """(keys used but missing from a catalog, f-string prefixes that match no key), as file:line: key."""
    missing, dangling = [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent.name == "i18n" and path.name.startswith("catalog"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(PACKAGE).as_posix()
        for line, key in _literal_keys(tree):
            if key not in FR or key not in EN:
                missing.append(f"{where}:{line}: {key}")
        for line, start in _prefixes(tree):
            if not any(k.startswith(start) for k in EN):
                dangling.append(f"{where}:{line}: {start}…")
    return missing, dangling


def test_every_key_the_code_uses_is_in_both_catalogs() -> None:
    missing, dangling = used_keys()
    assert missing == []
    assert dangling == []


def test_the_keys_the_checklist_needs_exist() -> None:
    """Codes the checklist's rules produce and statuses it shows are said in both languages."""
    data = yaml.safe_load((PACKAGE.parents[1] / "checklists" / "default.yaml").read_text(encoding="utf-8"))
    for check in data.get("consistency", []):
        assert f"finding.{check['id']}" in EN and f"finding.{check['id']}" in FR


def test_the_scan_finds_a_planted_key(tmp_path: Path) -> None:
    """The scan itself: a key missing from the catalogs is named with its line."""
    source = 'raise InvalidSheetError("edit.no_such_message", file=name)\n'
    found = [key for _, key in _literal_keys(ast.parse(source))]
    assert found == ["edit.no_such_message"]
    assert "edit.no_such_message" not in EN


@pytest.mark.parametrize("key", ["edit.topics_not_mapping", "edit.cannot_round_trip"])
def test_keys_once_missing_are_there(key: str) -> None:
    assert key in EN and key in FR
