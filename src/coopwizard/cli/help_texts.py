"""Typer's and click's own help texts in the language of the help (Usage, Options, [default: …], …).

Typer marks its texts for gettext (`_("Options")`); rather than ship a compiled
catalog for a dozen strings, the texts are set here from the catalogs
(`tool_help.*` keys), where Typer reads them: its `_` function, the constants of
`typer.rich_utils` (drawn on a terminal), the usage prefix and the help option of
the click it vendors. Applied once, before Typer draws anything; English leaves
Typer as it is. A test fails if a Typer upgrade moves these seams
(tests/test_help_texts.py), and the help then stays readable, in English.
"""

from __future__ import annotations

import sys
from typing import Any

from coopwizard.i18n import message

# Typer's gettext texts (the key is Typer's English text) -> our message keys.
GETTEXT_KEYS = {
    "Arguments": "tool_help.arguments",
    "Options": "tool_help.options",
    "Commands": "tool_help.commands",
    "required": "tool_help.required",
    "default: {default}": "tool_help.default",
    "env var: {var}": "tool_help.env_var",
    "(dynamic)": "tool_help.dynamic",
    "Aborted!": "tool_help.aborted",
    "Missing command.": "tool_help.missing_command",
    "No such command {name!r}.": "tool_help.no_such_command",
}
# The constants typer.rich_utils computes at import -> our message keys.
RICH_CONSTANTS = {
    "ARGUMENTS_PANEL_TITLE": "tool_help.arguments",
    "OPTIONS_PANEL_TITLE": "tool_help.options",
    "COMMANDS_PANEL_TITLE": "tool_help.commands",
    "REQUIRED_LONG_STRING": "tool_help.required_long",
    "DEFAULT_STRING": "tool_help.default_long",
    "ENVVAR_STRING": "tool_help.env_var_long",
    "DEPRECATED_STRING": "tool_help.deprecated",
    "ERRORS_PANEL_TITLE": "tool_help.error",
    "ABORTED_TEXT": "tool_help.aborted",
}


def localize_help(lang: str) -> bool:
    """Typer's own texts in `lang`; whether they could all be set (False: Typer changed, English stays)."""
    if lang == "en":
        return True
    try:
        import typer.core as typer_core
        from typer._click import core as click_core
        from typer._click import formatting
    except ImportError:  # pragma: no cover - another Typer
        return False
    texts = {english: message(lang, key) for english, key in GETTEXT_KEYS.items()}

    def translated(text: str) -> str:
        return texts.get(text, text)

    if not hasattr(typer_core, "_") or not hasattr(formatting.HelpFormatter, "write_usage"):
        return False
    typer_core._ = translated
    usage = message(lang, "tool_help.usage")
    write_usage = formatting.HelpFormatter.write_usage

    def write_usage_here(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, usage if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage_here  # type: ignore[method-assign]
    colon = message(lang, "tool_help.heading_colon")

    def write_heading_here(self: Any, heading: str) -> None:  # "Options :" in French
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")

    if colon != ":":
        formatting.HelpFormatter.write_heading = write_heading_here  # type: ignore[method-assign]
    get_help_option = click_core.Command.get_help_option
    help_text = message(lang, "tool_help.help_option")

    def get_help_option_here(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = help_text
        return option

    click_core.Command.get_help_option = get_help_option_here  # type: ignore[method-assign]
    if "typer.rich_utils" in sys.modules or _drawn_with_rich():
        import typer.rich_utils as rich_utils

        rich_utils._ = translated  # type: ignore[attr-defined,assignment]
        for name, key in RICH_CONSTANTS.items():
            if not hasattr(rich_utils, name):
                return False
            setattr(rich_utils, name, message(lang, key))
    return True


def readable_arguments(lang: str) -> bool:
    """Arguments named as people read them, in both languages: `SHEET...`, not `{SHEET...}...` and `<list[str]>`.

    Typer 0.29 writes a required argument `{SHEET}` in the usage line, adds the Python type
    (`<str>`, `<list[str]>`) beside it, and a range as `x>=0`: notations for programmers, not
    for a coordinator reading the help. Click's own convention (SHEET, [SHEET], SHEET...) is used
    instead, the type is left to the argument's help, and a range is said in words.
    False if Typer moved these seams (tests/test_help_texts.py): its own notation then stays.
    """
    try:
        from typer.core import TyperArgument, TyperOption
    except ImportError:  # pragma: no cover - another Typer
        return False
    seams = ("_usage_display_name", "display_type_rich")
    option_seams = ("_get_number_range_help_str", "display_type_rich")
    if not all(hasattr(TyperArgument, name) for name in seams) or not all(
        hasattr(TyperOption, name) for name in option_seams
    ):
        return False
    option_type = TyperOption.display_type_rich

    def usage_name(self: Any) -> str:
        name = str(self.metavar or self.name.upper())
        if self.nargs != 1 and not name.endswith("..."):
            name += "..."
        return name if self.required else f"[{name}]"

    def no_python_type(self: Any, ctx: Any) -> None:
        return None

    def flag_without_type(self: Any, ctx: Any) -> str | None:  # `--strict <bool>` in Rich's panels
        return None if self.is_flag and self.metavar is None else option_type(self, ctx)

    def range_in_words(self: Any) -> str | None:
        low, high = getattr(self, "min", None), getattr(self, "max", None)
        if self.count and low == 0 and high is None:
            return None
        if low is not None and high is not None:
            return message(lang, "tool_help.range", low=low, high=high)
        if low is not None:
            return message(lang, "tool_help.at_least", low=low)
        if high is not None:
            return message(lang, "tool_help.at_most", high=high)
        return None

    TyperArgument._usage_display_name = usage_name  # type: ignore[method-assign]
    TyperArgument.display_type_rich = no_python_type  # type: ignore[method-assign]
    TyperOption._get_number_range_help_str = range_in_words  # type: ignore[method-assign]
    TyperOption.display_type_rich = flag_without_type  # type: ignore[method-assign]
    if lang == "fr":  # Typer joins "[par défaut : 0; 0 ou plus]" the English way
        from coopwizard.i18n.typography import list_separator

        help_record = TyperOption.get_help_record

        def help_record_here(self: Any, ctx: Any) -> Any:
            record = help_record(self, ctx)
            if record is None or not record[1].endswith("]"):
                return record
            name, text = record
            start = text.rfind("[")
            return name, text[:start] + text[start:].replace("; ", list_separator(lang))

        TyperOption.get_help_record = help_record_here  # type: ignore[method-assign]
    return True


def _drawn_with_rich() -> bool:
    """Rich's help panels are drawn only on a terminal: import them only then (help was asked for)."""
    from coopwizard.io.console import is_terminal

    return is_terminal(sys.stdout)


def wants_help(argv: list[str]) -> bool:
    """Whether this run draws a help page: -h/--help, or no command at all."""
    return len(argv) <= 1 or "-h" in argv[1:] or "--help" in argv[1:]
