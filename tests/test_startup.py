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
