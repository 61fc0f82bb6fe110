"""Start-up stays light: no prompt library, no pydantic and no Rich for the commands that need none of them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLE

PROBE = """
import json, sys
sys.argv = ["coop", *json.loads(sys.argv[1])]
from coopwizard.cli import main
try:
    main()
except SystemExit:
    pass
heavy = sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in ("questionary", "prompt_toolkit",
                                                                             "ruamel", "jsonschema", "pydantic",
                                                                             "pydantic_core", "rich",
                                                                             # the document libraries (issue 10)
                                                                             "jinja2", "docx", "icalendar", "babel")})
print(json.dumps(heavy), file=sys.stderr)
"""


def imported(args: list[str], **env: str) -> list[str]:
    """The heavy libraries that `coop ARGS` imported, its output piped."""
    import os

    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
    )
    heavy: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return heavy


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["check", "--help"],
        ["check", str(EXAMPLE)],
        ["topics"],
        ["check", "--format", "json", str(EXAMPLE)],
        ["--lang", "fr", "check", "-j", "1", "--strict", str(EXAMPLE)],
        ["check", "--jobs", "x", str(EXAMPLE)],  # a usage error, said without pydantic's help
    ],
)
def test_no_prompt_library_no_pydantic_no_rich(args: list[str]) -> None:
    assert imported(args) == []


def test_help_on_a_terminal_is_drawn_by_rich() -> None:
    """Piped help is Click's plain text; on a terminal, Typer's Rich panels (FORCE_COLOR stands for one)."""
    assert imported(["--help"], FORCE_COLOR="1") == ["rich"]


FIRST_QUESTION_PROBE = """
import json, sys
from coopwizard.guide.load import load_checklist, resolve_checklist_path
from coopwizard.wizard.interactive import NewSession, interactive_new, default_output
from coopwizard.wizard.flow import Wizard
from coopwizard.wizard.prompts import QuestionaryPrompter
from coopwizard.wizard.draft import save_draft
from coopwizard.wizard.session import new_draft
from coopwizard.render.formats import choose_sheet_format
import coopwizard.cli.new
checklist = load_checklist(resolve_checklist_path(None))  # from the cache, warmed by the first run
today = __import__("datetime").date.today()
draft = new_draft(checklist, "fr", "fiche.yaml", choose_sheet_format(None, "fiche.yaml"), today)
save_draft(draft, __import__("pathlib").Path(sys.argv[1]))
wanted = ("yaml", "ruamel", "jinja2", "docx", "coopwizard.audit.engine", "coopwizard.audit.rules",
          "coopwizard.render.markdown", "coopwizard.render.report", "coopwizard.wizard.edit")
print(json.dumps(sorted(m for m in wanted if m in sys.modules)), file=sys.stderr)
"""


def test_coop_new_reaches_its_first_question_without_the_audit_or_pyyaml(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: what the first question needs, and nothing else (Rich draws the first screen: it may load)."""
    import os

    env = {**os.environ, "COOP_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):  # the first run parses the checklist (PyYAML) and fills the cache; the second reads it
        done = subprocess.run(
            [sys.executable, "-c", FIRST_QUESTION_PROBE, str(tmp_path / "draft.json")],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        assert done.returncode == 0, done.stderr
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []


def test_every_dataclass_has_a_docstring() -> None:
    """Without one, `@dataclass` writes a docstring from `inspect.signature` while the module is imported:
    about half a millisecond a class, some thirty of them on the way to `coop check` (docs/performance.md)."""
    import ast
    from pathlib import Path

    import coopwizard

    undocumented = []
    for path in sorted(Path(coopwizard.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            decorators = [d.func if isinstance(d, ast.Call) else d for d in node.decorator_list]
            names = [
                d.id if isinstance(d, ast.Name) else d.attr if isinstance(d, ast.Attribute) else "" for d in decorators
            ]
            is_dataclass = any(name in ("dataclass", "slim_dataclass") for name in names)
            if is_dataclass and ast.get_docstring(node) is None:
                undocumented.append(f"{path.name}:{node.lineno} {node.name}")
    assert undocumented == []


PYYAML_PROBE = """
import json, sys
sys.argv = ["coop", "check", sys.argv[1]]
from coopwizard.cli import main
try:
    main()
except SystemExit:
    pass
import yaml
pattern = yaml.reader.Reader.NON_PRINTABLE
print(json.dumps([type(pattern).__name__, getattr(pattern, "_compiled", "real") is None]), file=sys.stderr)
"""


def test_coop_check_never_compiles_pyyamls_non_printable_pattern() -> None:
    """io/pyyaml.py: the pattern only PyYAML's pure-Python reader uses (8 ms to compile) is never compiled by
    `coop check`. This fails if PyYAML spells it differently one day: copy the new spelling into NON_PRINTABLE."""
    done = subprocess.run(
        [sys.executable, "-c", PYYAML_PROBE, str(EXAMPLE)], capture_output=True, text=True, check=False
    )
    assert json.loads(done.stderr.strip().splitlines()[-1]) == ["CompiledOnFirstUse", True]


def test_the_deferred_pattern_is_pyyamls_own() -> None:
    """The stand-in compiles the very pattern PyYAML writes, and a pure-Python load still refuses a control
    character with PyYAML's own message."""
    import re
    from pathlib import Path

    import yaml

    from coopwizard.io.pyyaml import NON_PRINTABLE, CompiledOnFirstUse

    source = (Path(yaml.__file__).parent / "reader.py").read_text(encoding="utf-8")
    written = re.search(r"NON_PRINTABLE = re\.compile\('(.*)'\)", source)
    assert written is not None
    assert written.group(1).encode("ascii").decode("unicode_escape") == NON_PRINTABLE
    stand_in = CompiledOnFirstUse(NON_PRINTABLE)
    for text in ("ok", "tab\there", "bell\x07", "nul\x00", "\ufffe", "é€𝄞"):
        assert bool(stand_in.search(text)) == bool(re.compile(NON_PRINTABLE).search(text)), text
    assert stand_in.pattern == NON_PRINTABLE
    import copy
    import pickle

    for twin in (copy.copy(stand_in), copy.deepcopy(stand_in), pickle.loads(pickle.dumps(stand_in))):
        assert twin.search("bell\x07") is not None and twin.search("ok") is None
    with pytest.raises(yaml.reader.ReaderError, match="#x0007: special characters are not allowed"):
        yaml.load("a: \x07", Loader=yaml.SafeLoader)
