"""The Typer shim (cli/typer_shim.py): the same conversions as Typer's pydantic adapters, for every
coop parameter, and a loud failure here when Typer's internals move."""

from __future__ import annotations

from typing import Any

import pytest
import typer
import typer.main
from typer.models import OptionInfo

from coopwizard.cli import app, typer_shim
from tests.helpers import coop

# Typer's own adapters, the reference: they need pydantic, which the tests may import.
adapters = pytest.importorskip("typer._adapters")

VALUES: dict[Any, list[Any]] = {
    str: ["abc", "", "é à", "5", 5, "  spaced  ", "-"],
    bool: [
        *["true", "True", "FALSE", "yes", "no", "on", "off", "1", "0", "t", "f", "y", "n", "Y", "", " yes ", "2"],
        *["maybe", "truee", 1, 0, 2, True, False],
    ],
    int: [
        *["1", " 2 ", "+3", "-4", "1_000", "1.0", "1.00", "1.5", "", "abc", "0x10", "٣", "1e3", "007", "\t7\n"],
        *["10000000000000000000000", 5, -1, True, 2.0, "1__0", "_1", "1_", "1."],
    ],
    list[str]: [("a", "b"), ["x"], "s", (), ("", "-")],
}


def reference(annotation: Any, info: OptionInfo, value: Any) -> tuple[str, Any]:
    from pydantic import ValidationError

    try:
        return "value", adapters.build_adapter(annotation, info).validate_python(value)
    except ValidationError as err:
        return "error", err.errors()[0]["msg"]


def ours(annotation: Any, info: OptionInfo, value: Any) -> tuple[str, Any]:
    convert = typer_shim.converter(annotation, info)
    assert convert is not None
    try:
        return "value", convert(value)
    except ValueError as err:
        return "error", str(err)


@pytest.mark.parametrize(("annotation", "value"), [(a, v) for a, values in VALUES.items() for v in values])
@pytest.mark.parametrize("info", [OptionInfo(), OptionInfo(min=0), OptionInfo(min=1, max=3)], ids=["", "min", "range"])
def test_the_same_values_and_messages_as_typers_adapters(annotation: Any, value: Any, info: OptionInfo) -> None:
    assert ours(annotation, info, value) == reference(annotation, info, value)


def all_commands() -> list[Any]:
    group = typer.main.get_command(app)
    assert isinstance(group, typer_shim.Group)
    ctx = group.make_context("coop", ["topics"], resilient_parsing=True)
    return [(group, ctx), *((command, ctx) for command in group.commands.values())]


def test_the_shim_is_active_on_this_typer() -> None:
    """Fails loudly when Typer's seam (the lazily filled _runtime_param slot) is gone: see typer_shim.py."""
    from typer.core import _TyperParameter

    assert typer_shim.ACTIVE
    assert "_runtime_param" in _TyperParameter.__annotations__
    assert callable(_TyperParameter.get_runtime_param)


def test_every_coop_parameter_gets_a_conversion_without_pydantic() -> None:
    for command, ctx in all_commands():
        params = command.get_params(ctx)
        typer_shim.prepare(params)
        for param in params:
            runtime = param.get_runtime_param()
            assert isinstance(runtime, typer_shim.PlainRuntimeParam), (command.name, param.name)


def test_other_types_keep_typers_own_conversion() -> None:
    from pathlib import Path

    assert typer_shim.converter(float, OptionInfo()) is None
    assert typer_shim.converter(Path, OptionInfo()) is None
    assert typer_shim.converter(list[float], OptionInfo()) is None
    assert typer_shim.converter(str, OptionInfo(parser=str.upper)) is None
    assert typer_shim.converter(int, OptionInfo(min=0, clamp=True)) is None

    demo = typer.Typer(cls=typer_shim.Group)

    @demo.command()
    def scale(factor: float = 1.0, name: str = "x") -> None:
        typer.echo(f"{factor * 2} {name}")

    @demo.command()
    def other() -> None:
        pass

    from typer.testing import CliRunner

    result = CliRunner().invoke(demo, ["scale", "--factor", "1.5", "--name", "y"])
    assert result.stdout.strip() == "3.0 y"
    assert CliRunner().invoke(demo, ["scale", "--factor", "z"]).exit_code == 2


def test_a_bad_value_is_a_usage_error_said_from_typers_message() -> None:
    """The shim raises Typer's own messages; cli/usage_errors.py says them in words (tests/test_usage_errors.py)."""
    run = coop("check", "--jobs", "-1", "x.yaml")
    assert run.code == 2
    assert "a number of 0 or more is expected" in run.err
    run = coop("check", "--jobs", "many", "x.yaml")
    assert run.code == 2
    assert "a whole number is expected" in run.err


@pytest.mark.parametrize(
    ("argv", "named", "group_help"),
    [
        (["check", "a.yaml"], "check", False),
        (["--lang", "fr", "check", "a.yaml"], "check", False),
        (["-l", "check", "topics"], "topics", False),  # "check" is --lang's value here
        (["--lang=fr", "--debug", "topics"], "topics", False),
        (["check", "--help"], "check", False),  # the command's own help
        (["--help"], None, True),
        (["--lang", "fr", "-h"], None, True),
        (["--help", "check"], None, True),  # the group's help: --help is read first
        (["chek"], None, False),
        (["--debug"], None, False),
        ([], None, True),
        (["--", "check"], None, False),
    ],
)
def test_only_the_command_named_is_built(argv: list[str], named: str | None, group_help: bool) -> None:
    assert app.invoked(argv) == (named, group_help)


FULL_BUILD = """
import sys
from coopwizard.cli import main, typer_shim
if sys.argv[1] == "full":
    typer_shim.listed_only = lambda info: info  # every command built as for running it
sys.argv = ["coop", *sys.argv[2:]]
main()
"""


@pytest.mark.parametrize("argv", [["--help"], ["--help", "check"], ["--lang", "fr", "-h"], []])
def test_the_group_s_help_lists_every_command_as_a_full_build_does(argv: list[str]) -> None:
    """The commands built for listing only (typer_shim.listed_only) show the same help as the real ones."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "LANG": "C.UTF-8"}
    env.pop("COOP_LANG", None)

    def shown(build: str) -> str:
        command = [sys.executable, "-c", FULL_BUILD, build, *argv]
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        return done.stdout + done.stderr  # `coop` alone: the help on stderr, exit 2 (Click's no_args_is_help)

    listed = shown("listed")
    assert listed == shown("full")
    assert "  compare " in listed and "  check " in listed and "  schema " in listed


def test_a_typo_still_gets_suggestions(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from coopwizard.cli import main

    monkeypatch.setattr("sys.argv", ["coop", "chek"])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 2
    assert 'no such command "chek" (did you mean "check"?)' in capsys.readouterr().err
    commands_before = len(app.registered_commands)
    for argv in (["coop", "topics", "--format", "json"], ["coop", "--help"]):
        monkeypatch.setattr("sys.argv", argv)
        with pytest.raises(SystemExit) as stopped:
            main()
        assert stopped.value.code == 0
        assert len(app.registered_commands) == commands_before  # the others come back after the run
        assert all(c.callback is not typer_shim._listed for c in app.registered_commands)


def test_a_command_listed_only_keeps_the_help_its_docstring_gives() -> None:
    scratch = typer_shim.App()

    @scratch.command()
    def hello() -> None:
        """Say hello to the partners."""

    @scratch.command()
    def other() -> None:
        """Another one."""

    listed = typer_shim.listed_only(scratch.registered_commands[0])
    assert listed.help == "Say hello to the partners." and listed.name == "hello"
