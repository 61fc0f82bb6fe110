"""The folders' imports flow one way: cli → wizard → render → audit → sheet → guide → io → i18n → core.

Read with `ast`, function-level imports included, so that an import hidden inside a
function to dodge a circle is caught too. A failure names the module, the line and
the upward import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "coopwizard"

# Lowest first: a folder may import its own modules and those of the folders below it.
LAYERS = ("core", "i18n", "io", "guide", "sheet", "audit", "render", "wizard", "cli")
RANK = {name: rank for rank, name in enumerate(LAYERS)}
# Only the wizard's front end may draw prompts.
PROMPT_LIBRARIES = ("questionary", "prompt_toolkit")
FRONT_END = {"wizard/prompts.py", "wizard/interactive.py"}
# PyYAML is imported through io/pyyaml.py alone, which imports it without compiling a pattern never used.
PYYAML_GATE = "io/pyyaml.py"


def _layer_of_file(path: Path, package: Path) -> str | None:
    relative = path.relative_to(package)
    if len(relative.parts) == 1:
        return None  # coopwizard/__init__.py (the version) and __main__.py (the entry point)
    return relative.parts[0]


def _imported(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "coopwizard":
                found += [(node.lineno, f"coopwizard.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module))
    return found


def upward_imports(package: Path = PACKAGE) -> list[str]:
    problems = []
    for path in sorted(package.rglob("*.py")):
        layer = _layer_of_file(path, package)
        relative = path.relative_to(package).as_posix()
        for line, module in _imported(ast.parse(path.read_text(encoding="utf-8"))):
            parts = module.split(".")
            if parts[0] in PROMPT_LIBRARIES and relative not in FRONT_END:
                problems.append(f"{relative}:{line}: imports {module} (only the wizard's front end may)")
            if parts[0] == "yaml" and relative != PYYAML_GATE:
                problems.append(f"{relative}:{line}: imports {module} (import yaml from coopwizard.io.pyyaml)")
            if parts[0] != "coopwizard" or len(parts) < 2 or parts[1] not in RANK:
                continue
            target = parts[1]
            if layer is None:
                if relative == "__init__.py":
                    problems.append(f"{relative}:{line}: the package's root imports {module}")
                continue
            if RANK[target] > RANK[layer]:
                problems.append(f"{relative}:{line}: {layer} imports {module}, a folder above it")
    return problems


def test_imports_flow_one_way() -> None:
    assert upward_imports() == []


def test_every_module_is_in_a_layer() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and not p.name.startswith("__")}
    assert folders <= set(LAYERS), folders - set(LAYERS)


def test_an_upward_import_is_named(tmp_path: Path) -> None:
    """The check itself: an import planted upward, even inside a function, is reported with its line."""
    for layer in LAYERS:
        (tmp_path / layer).mkdir()
        (tmp_path / layer / "__init__.py").write_text("")
    (tmp_path / "io" / "files.py").write_text("def f():\n    from coopwizard.audit.engine import audit\n")
    (tmp_path / "sheet" / "ok.py").write_text("from coopwizard.guide.model import Checklist\n")
    (tmp_path / "render" / "prompt.py").write_text("import questionary\n")
    (tmp_path / "render" / "clauses.py").write_text("def f():\n    import yaml\n")
    (tmp_path / "io" / "pyyaml.py").write_text("import yaml\n")
    assert upward_imports(tmp_path) == [
        "io/files.py:2: io imports coopwizard.audit.engine, a folder above it",
        "render/clauses.py:2: imports yaml (import yaml from coopwizard.io.pyyaml)",
        "render/prompt.py:1: imports questionary (only the wizard's front end may)",
    ]


@pytest.mark.parametrize("folder", LAYERS)
def test_every_folder_says_what_it_owns(folder: str) -> None:
    init = PACKAGE / folder / "__init__.py"
    assert init.is_file()
    assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
