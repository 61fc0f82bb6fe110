"""The command modules (cli/__init__.py): `coop X` imports X's module only, and the table says which it is."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from coopwizard.cli import COMMAND_MODULES, app
from coopwizard.cli.typer_shim import command_name


def test_the_table_names_each_command_s_own_module_in_the_help_s_order() -> None:
    registered = {command_name(c): c.callback.__module__ for c in app.registered_commands}
    assert list(registered) == list(COMMAND_MODULES)
    assert registered == {name: f"coopwizard.cli.{module}" for name, module in COMMAND_MODULES.items()}


ALL = list(dict.fromkeys(COMMAND_MODULES.values()))

PROBE = """
import json, sys
sys.argv = ["coop", *json.loads(sys.argv[1])]
from coopwizard.cli import main
try:
    main()
except SystemExit:
    pass
from coopwizard.cli import COMMAND_MODULES
names = list(dict.fromkeys(COMMAND_MODULES.values()))
print(json.dumps([n for n in names if "coopwizard.cli." + n in sys.modules]), file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("args", "modules"),
    [
        (["check", "--help"], ["check"]),
        (["merge", "--help"], ["compare", "merge"]),  # merge reads sheets as compare does
        (["--lang", "fr", "topics"], ["guide"]),
        (["schema"], ["schema"]),
        (["--help"], ALL),
        (["chek"], ALL),  # for "did you mean"
    ],
)
def test_a_run_imports_the_module_of_its_command_only(args: list[str], modules: list[str]) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True, check=False)
    assert json.loads(done.stderr.strip().splitlines()[-1]) == modules
