"""Typer without its start-up taxes: no pydantic for plain option types, and only the command that runs is built.

Typer 0.29 converts every parameter's value through a pydantic TypeAdapter, built
the first time the parameter is processed (`_TyperParameter.get_runtime_param`).
Even `coop --help` processes the group's own help flag, so every run imported
pydantic: 64-71 ms and 14 MiB, about half of `coop check`'s start-up.

coopwizard's parameters are all `bool`, `str`, `int` (with a minimum) and
`list[str]`, optional or not. For those, and only those, `Group` gives each
parameter a conversion of our own before Typer asks for one, with the results
and the error messages of Typer's adapters (tests/test_typer_shim.py compares
them on a table of values, the adapters' side running pydantic). Any other
type, a custom parser, a file or a path keeps Typer's own conversion.

Typer's parsing, help, errors and completion are untouched: this module only
fills the slot Typer fills lazily. If Typer's internals change (the slot, the
base class, the descriptor), nothing is installed and Typer behaves as usual,
pydantic included; tests/test_startup.py then fails loudly, since it checks
that pydantic is not imported by `coop --help`, `coop check` or `coop topics`.

`App` also builds only the command being run: Typer makes a Click command of
every registered command at each start (reading each one's signature and type
hints), a third of the time `coop check` spends in Typer. When the command line
names a registered command, the others are left out of that run; otherwise
(`coop --help`, a typo, no command) every command is built, as usual.
"""

from __future__ import annotations

import copy
import inspect
import re
import sys
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any, get_args, get_origin

import typer
from typer.core import TyperGroup

try:  # Typer's private seam: present in 0.29
    from typer._click.exceptions import BadParameter, UsageError
    from typer._coercion import RuntimeParam
    from typer.core import _TyperParameter

    ACTIVE = callable(getattr(_TyperParameter, "get_runtime_param", None))
except ImportError:  # pragma: no cover - another Typer: its own conversions, pydantic and all
    ACTIVE = False

_INT = re.compile(r"[+-]?[0-9]+(?:_[0-9]+)*(?:\.0+)?")
_TRUE = frozenset({"1", "on", "t", "true", "y", "yes"})
_FALSE = frozenset({"0", "off", "f", "false", "n", "no"})
NOT_INT = "Input should be a valid integer, unable to parse string as an integer"
NOT_BOOL = "Input should be a valid boolean, unable to interpret input"


def to_str(value: Any) -> str:
    if value is None:
        raise ValueError("None is not a valid string")
    if isinstance(value, bytes):
        return value.decode(sys.getfilesystemencoding(), "replace")
    return str(value)


def to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE or text == "":
            return False
    raise ValueError(NOT_BOOL)


def to_int(value: Any, minimum: float | None = None, maximum: float | None = None) -> int:
    if isinstance(value, bool | int) or (isinstance(value, float) and value.is_integer()):
        number = int(value)
    elif isinstance(value, str) and _INT.fullmatch(value.strip()):
        number = int(value.strip().partition(".")[0])
    else:
        raise ValueError(NOT_INT)
    if minimum is not None and number < minimum:
        raise ValueError(f"Input should be greater than or equal to {minimum}")
    if maximum is not None and number > maximum:
        raise ValueError(f"Input should be less than or equal to {maximum}")
    return number


def converter(annotation: Any, info: Any) -> Callable[[Any], Any] | None:
    """How a value of this annotation is converted, or None for Typer's own way."""
    if getattr(info, "parser", None) is not None or getattr(info, "clamp", False):
        return None
    if get_origin(annotation) is list:
        (item,) = get_args(annotation) or (None,)
        convert = converter(item, info)
        if convert is None:
            return None
        return lambda value: [convert(v) for v in (value if isinstance(value, list | tuple) else [value])]
    if annotation is str:
        return to_str
    if annotation is bool:
        return to_bool
    if annotation is int:
        minimum, maximum = info.min, info.max
        return lambda value: to_int(value, minimum, maximum)
    return None


if ACTIVE:

    @dataclass(frozen=True)
    class PlainRuntimeParam(RuntimeParam):
        """Typer's runtime conversion of one parameter, without a pydantic adapter."""

        convert: Callable[[Any], Any]

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                return self.convert(value)
            except ValueError as err:
                raise BadParameter(str(err), ctx=ctx, param=param) from None


def prepare(params: Sequence[Any]) -> int:
    """Give each parameter of a plain type its conversion; the number given."""
    if not ACTIVE:
        return 0
    given = 0
    for param in params:
        if not isinstance(param, _TyperParameter) or getattr(param, "_runtime_param", False) is not None:
            continue
        descriptor = param.type_descriptor
        if descriptor.file_annotation is not None:
            continue
        convert = converter(descriptor.annotation, descriptor.parameter_info)
        if convert is not None:
            param._runtime_param = PlainRuntimeParam(
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation, convert=convert
            )
            given += 1
    return given


class Group(TyperGroup):
    """The app's group: its own options and each command's get their conversions before Typer parses them."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        ctx.meta.setdefault("coopwizard.argv", list(args))  # the run's language, for a usage error (usage_errors.py)
        prepare(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        try:
            name, command, rest = super().resolve_command(ctx, args)
        except UsageError as err:
            if ACTIVE and args and args[0] not in self.commands:
                err.typed_command = args[0]  # type: ignore[attr-defined]  # said by cli/usage_errors.py
            raise
        if command is not None:
            prepare(command.get_params(ctx))
        return name, command, rest


class App(typer.Typer):
    """A Typer app that builds only the command named on the command line (see the module's docstring)."""

    def __init__(self, *, value_options: Sequence[str] = (), **settings: Any) -> None:
        super().__init__(**settings)
        self.value_options = tuple(value_options)  # the group's options that take a value: --lang fr

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if args or "args" in kwargs:
            return super().__call__(*args, **kwargs)
        named, group_help = self.invoked(sys.argv[1:])
        everything = self.registered_commands
        if named is not None:
            self.registered_commands = [c for c in everything if command_name(c) == named]
        elif group_help:
            self.registered_commands = [listed_only(c) for c in everything]
        try:
            return super().__call__(*args, **kwargs)
        finally:
            self.registered_commands = everything

    def invoked(self, argv: Sequence[str], names: Collection[str] | None = None) -> tuple[str | None, bool]:
        """The command among `names` (default: the registered ones) that `argv` runs, None when it names
        none (then all are built), and whether the run only draws the group's own help (`coop`,
        `coop --help`, `coop --help check`)."""
        if names is None:
            names = {command_name(c) for c in self.registered_commands}
        skip = False
        for arg in argv:
            if skip:
                skip = False
            elif arg in ("-h", "--help"):
                return None, True  # eager: the group's help, whatever comes after it
            elif arg in self.value_options:
                skip = True
            elif arg == "--" or not arg.startswith("-"):
                return (arg if arg in names else None), False
        return None, not argv  # `coop` alone: the help (no_args_is_help); `coop --debug`: a usage error


def listed_only(info: Any) -> Any:
    """A registered command as the group's help lists it: its name and help, no parameters to build.

    Building a command reads its signature and every parameter's annotations: for
    `coop --help`, which only lists the commands, a third of Typer's work.
    """
    listed = copy.copy(info)
    listed.name = command_name(info)
    listed.help = info.help or inspect.getdoc(info.callback)  # Typer's own fallback: the docstring
    listed.callback = _listed
    return listed


def _listed() -> None:
    """Never run: the group's help ends the run before any command is invoked."""
    raise RuntimeError("a command built only for the group's help was invoked")


def command_name(info: Any) -> str:
    """The name Typer gives a registered command: its own, or its function's with dashes."""
    return str(info.name or info.callback.__name__.lower().replace("_", "-"))
