"""Usage errors (an unknown option, a missing file argument, a value that is not a number) said like every
other error: one line on stderr, in the language in force, with how to fix it.

Click, which Typer 0.29 vendors, writes four lines in English for them (the usage line,
"Try 'coop check -h' for help.", a blank line, "Error: No such option: --foo"), with
Typer's `{SHEET...}...` notation. `say_usage_error` reads the exception Click raised —
its class and the parameter it names — and says it from the catalogs;
`localize_usage_errors` makes Click's `UsageError.show` use it. A message this module does
not know is said as Click worded it, behind our « Erreur : » and hint: still one line.
A test fails if a Typer upgrade moves these classes (tests/test_usage_errors.py).
"""

import re
from typing import IO, Any

from coopwizard.i18n import message

ARGV_KEY = "coopwizard.argv"  # where typer_shim.Group keeps the command line, in the context's meta

# What our own conversions (cli/typer_shim.py) and Typer's say of a bad value -> our keys.
_REASONS = {
    "Input should be a valid integer, unable to parse string as an integer": "usage.reason.not_integer",
    "Input should be a valid boolean, unable to interpret input": "usage.reason.not_boolean",
}
_AT_LEAST = re.compile(r"Input should be greater than or equal to (-?\d+)")
_AT_MOST = re.compile(r"Input should be less than or equal to (-?\d+)")
_EXTRA = re.compile(r"Got unexpected extra argument\(s\) \((.*)\)", re.S)
_REQUIRES = re.compile(r"Option '(.+)' requires (?:an argument|\d+ arguments)\.")
_NO_VALUE = re.compile(r"Option '(.+)' does not take a value\.")


def say_usage_error(err: Any, lang: str) -> str:
    """The one line for a Click usage error: « Erreur : option inconnue : --foo ; voir coop check -h. »"""
    what = _what(err, lang)
    ctx = getattr(err, "ctx", None)
    tool = message(lang, "usage.tool")  # the tool as it was run: `.venv/bin/coop` when coop is not on the PATH
    if ctx is not None and getattr(ctx, "help_option_names", None):
        subcommand = ctx.command_path.partition(" ")[2]
        help_command = " ".join(part for part in (tool, subcommand, ctx.help_option_names[0]) if part)
    else:  # raised before Click knew the command (an option's missing value): the tool's own help
        help_command = f"{tool} -h"
    what = message(lang, "usage.see_help", what=what, help=help_command)
    return message(lang, "cli.error", message=what)


def _what(err: Any, lang: str) -> str:
    kind = type(err).__name__
    ctx = getattr(err, "ctx", None)
    if kind == "NoSuchOption":
        possible = sorted(getattr(err, "possibilities", None) or ())
        if possible:
            return message(lang, "usage.no_such_option_like", option=err.option_name, possible=", ".join(possible))
        return message(lang, "usage.no_such_option", option=err.option_name)
    if kind == "MissingParameter":
        param = getattr(err, "param", None)
        name = _param_name(param, lang)
        key = "usage.missing_option" if getattr(param, "param_type_name", "") == "option" else "usage.missing_argument"
        return message(lang, key, name=name)
    if kind == "BadParameter":
        param = getattr(err, "param", None)
        name = _param_name(param, lang) if err.param_hint is None else _hint(err.param_hint)
        return message(lang, "usage.bad_value", name=name, reason=_reason(str(err.message), lang))
    typed = getattr(err, "typed_command", None)  # set by typer_shim.Group for a command it does not know
    if typed is not None and ctx is not None:
        from coopwizard.core.text import suggest

        close = suggest(typed, sorted(getattr(ctx.command, "commands", {})))
        return message(lang, "usage.no_such_command", name=typed, suggestion=close)
    text = str(getattr(err, "message", "") or err)
    for pattern, key in (
        (_EXTRA, "usage.extra_arguments"),
        (_REQUIRES, "usage.needs_value"),
        (_NO_VALUE, "usage.no_value"),
    ):
        found = pattern.fullmatch(text)
        if found:
            return message(lang, key, value=found.group(1))
    return text.rstrip(".")


def _param_name(param: Any, lang: str) -> str:
    from coopwizard.cli.root import mv

    if param is None:
        return "?"
    if getattr(param, "param_type_name", "") == "option":
        return str(max(param.opts, key=len))  # --jobs rather than -j
    return mv(str(param.metavar or param.name.upper()), lang)


def _hint(hint: Any) -> str:
    return " / ".join(hint) if isinstance(hint, list | tuple) else str(hint)


def _reason(reason: str, lang: str) -> str:
    if reason in _REASONS:
        return message(lang, _REASONS[reason])
    low = _AT_LEAST.fullmatch(reason)
    if low:
        return message(lang, "usage.reason.at_least", low=low.group(1))
    high = _AT_MOST.fullmatch(reason)
    if high:
        return message(lang, "usage.reason.at_most", high=high.group(1))
    return reason


def language_of_error(err: Any) -> str:
    """The run's language, read from its command line as the help's is (--lang, COOP_LANG, the locale)."""
    from coopwizard.cli.root import language_of

    ctx = getattr(err, "ctx", None)
    argv = ctx.meta.get(ARGV_KEY, []) if ctx is not None else []
    return language_of(argv)


def localize_usage_errors() -> bool:
    """Click's usage errors said by `say_usage_error`; False if Typer's click moved (then Click's own)."""
    try:
        from typer._click import exceptions
    except ImportError:  # pragma: no cover - another Typer
        return False
    usage_error = getattr(exceptions, "UsageError", None)
    if usage_error is None or not callable(getattr(usage_error, "show", None)):
        return False

    def show(self: Any, file: IO[str] | None = None) -> None:
        import sys

        stream = sys.stderr if file is None else file
        stream.write(say_usage_error(self, language_of_error(self)) + "\n")

    usage_error.show = show
    return True
