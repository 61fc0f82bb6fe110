"""Start-up stays light: the commands that do not prompt never import questionary or prompt_toolkit."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLE

PROBE = """
import json, sys
sys.argv = ["coop", *json.loads(sys.argv[1])]
from coopwizard.cli import app
try:
    app(prog_name="coop")
except SystemExit:
    pass
heavy = sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in ("questionary", "prompt_toolkit",
                                                                             "ruamel", "jsonschema",
                                                                             # the document libraries (issue 10)
                                                                             "jinja2", "docx", "icalendar", "babel")})
print(json.dumps(heavy), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args", [["--help"], ["check", str(EXAMPLE)], ["topics"], ["check", "--format", "json", str(EXAMPLE)]]
)
def test_no_prompt_library_is_imported(args: list[str]) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True, check=False)
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []
