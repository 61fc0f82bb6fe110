"""The Typer app, its global options, and `run`: where every CoopError becomes one line and an exit code.

Every CoopError is caught in `_run`, said in one line on stderr in the user's
language, and turned into its exit code; a traceback only with --debug.
The wizard's modules (questionary, prompt_toolkit) are imported by the
commands that prompt, never at start-up.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer

from coopwizard import __version__
from coopwizard.cli.help_texts import wants_help
from coopwizard.cli.typer_shim import App, Group
from coopwizard.cli.usage_errors import localize_usage_errors
from coopwizard.core.errors import CoopError, ExitCode, UsageError
from coopwizard.i18n import message, resolve_lang, say
from coopwizard.io.console import emit, is_terminal
from coopwizard.io.markup import escape

if TYPE_CHECKING:
    from coopwizard.guide.model import Checklist
    from coopwizard.sheet.model import Sheet

# Start-up matters: each command imports what it needs when it runs, so that
# `coop --help` pays for Typer and little else (bench/run.py measures it).


def language_of(argv: Sequence[str]) -> str:
    """The language of a command line before Typer parses it (--help, usage errors): --lang if given, else as usual."""
    asked = None
    for index, arg in enumerate(argv):
        if arg in ("--lang", "-l") and index + 1 < len(argv):
            asked = argv[index + 1]
        elif arg.startswith("--lang="):
            asked = arg.partition("=")[2]
    for option in (asked, None):  # an unknown --lang: the language it would have been otherwise
        try:
            return resolve_lang(option)
        except CoopError:
            continue
    return "en"


HELP_LANG = language_of(sys.argv[1:])


def h(key: str) -> str:
    return message(HELP_LANG, f"help.{key}")


METAVARS = (
    "sheet",
    "path",
    "file",
    "name",
    "id",
    "n",
    "command",
    "args",
    "options",
)  # the words of metavars, `metavar.*` in the catalogs


@functools.cache
def _metavar_words() -> dict[str, str]:
    """Each metavar word as either language writes it (SHEET, FICHE) -> its catalog key: built once."""
    return {message(other, f"metavar.{word}"): word for other in ("en", "fr") for word in METAVARS}


def mv(placeholder: str, lang: str | None = None) -> str:
    """A metavar in the help's language: `FICHE...`, `CHEMIN|-` in French; choices (`fr|en`) as they are typed.

    Also turns a metavar from one language into the other (a usage error said in French).
    """
    said = lang or HELP_LANG
    known = _metavar_words()

    def word(found: re.Match[str]) -> str:
        key = known.get(found.group())
        return found.group() if key is None else message(said, f"metavar.{key}")  # unknown: as written

    return re.sub(r"[A-Z]+", word, placeholder)


app = App(  # Typer without pydantic, building only the command that runs (typer_shim.py)
    cls=Group,
    value_options=("--lang", "-l"),
    # Rich's panels for help on a terminal only; everything else (a usage error included: one line,
    # cli/usage_errors.py) is said without them.
    rich_markup_mode="rich" if is_terminal(sys.stdout) and wants_help(sys.argv) else None,
    name="coop",
    help=h("app"),
    epilog=h("epilog"),
    no_args_is_help=True,
    subcommand_metavar=mv("COMMAND [ARGS]..."),
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

localize_usage_errors()  # an unknown option or a missing file: one line in the run's language

global_options: dict[str, Any] = {"debug": False, "lang": None}  # options given before the command

LangOption = Annotated[str | None, typer.Option("--lang", "-l", metavar="fr|en", help=h("lang"), show_default=False)]
PlainOption = Annotated[bool, typer.Option("--plain", help=h("plain"))]
ChecklistOption = Annotated[
    str | None, typer.Option("--checklist", metavar=mv("PATH"), help=h("checklist"), show_default=False)
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coopwizard {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help=h("debug"))] = False,
    lang: LangOption = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help=h("version"))] = False,
) -> None:
    global_options["debug"] = debug
    global_options["lang"] = lang


def run(lang_option: str | None, action: Callable[[str], int]) -> None:
    """Resolve the language, run `action`, and turn its result or error into an exit code.

    The standard streams are guarded meanwhile (io/streams.py): a closed or full stdout is a
    CoopError like any other (one line, exit 2), and a broken pipe ends quietly with 141.
    """
    from coopwizard.core import collector
    from coopwizard.io.streams import BROKEN_PIPE_EXIT, guarded_streams, silence

    collector.resume()  # start-up is over: the command's work frees what it makes (core/collector.py)
    lang = language_of([])  # an unknown --lang is said in the language it would have been otherwise
    with guarded_streams():
        try:
            lang = resolve_lang(lang_option or global_options["lang"])
            code = action(lang)
            sys.stdout.flush()  # a full disk is found here, not at exit after a "success"
        except CoopError as err:
            if global_options["debug"]:
                raise
            _quietly(functools.partial(_say_failure, err, lang))
            raise typer.Exit(err.exit_code) from None
        except BrokenPipeError:
            silence(getattr(sys.stdout, "wrapped", sys.stdout))  # nothing is left to fail at exit
            raise typer.Exit(BROKEN_PIPE_EXIT) from None
        except KeyboardInterrupt:
            _quietly(functools.partial(say_error, message(lang, "cli.interrupted"), lang))
            raise typer.Exit(ExitCode.INTERRUPTED) from None
    raise typer.Exit(code)


def _quietly(say_it: Callable[[], None]) -> None:
    """Say an error on stderr; if stderr itself is closed or broken, the exit code alone tells."""
    from coopwizard.io.streams import silence

    try:
        say_it()
        sys.stderr.flush()
    except (OSError, CoopError):
        silence(getattr(sys.stderr, "wrapped", sys.stderr))


def say_error(text: str, lang: str) -> None:
    from coopwizard.io.visible import visible

    emit(f"[bold red]{escape(message(lang, 'cli.error', message=''))}[/]{escape(visible(text))}", err=True, wrap=False)


def _say_failure(err: CoopError, lang: str) -> None:
    """An error in one line; an answers file's problems follow it, one a line; an interruption is no error."""
    from coopwizard.core.errors import InvalidAnswersError, WizardInterrupted
    from coopwizard.io.visible import visible

    if isinstance(err, WizardInterrupted):
        emit(escape(visible(say(err, err.lang or lang))), err=True, wrap=False)
        return
    say_error(say(err, lang), lang)
    if isinstance(err, InvalidAnswersError):
        for problem in err.problems:
            emit(f"  {escape(visible(problem))}", err=True, wrap=False)


def lang_chosen(option: str | None) -> bool:
    """Whether the user asked for a language (--lang or COOP_LANG), rather than the locale giving one."""
    import os

    return bool(option or global_options["lang"] or os.environ.get("COOP_LANG"))


def sheet_language(option: str | None, language: str, sheet: Sheet) -> str:
    """What is said of a sheet is said in its language, unless --lang or COOP_LANG chose one (README: the order)."""
    own = sheet.language
    return own if own is not None and not lang_chosen(option) else language


def load_guide(option: str | None) -> Checklist:
    from coopwizard.guide.load import load_checklist, resolve_checklist_path

    return load_checklist(resolve_checklist_path(option))


def choose(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise UsageError("cli.bad_format", value=value, allowed=", ".join(allowed))
    return value


def plain_mode(option: bool) -> bool:
    """Plain prompts for screen readers and plain terminals: asked with --plain, or a terminal that says it is dumb."""
    import os

    chosen = option or os.environ.get("TERM", "") == "dumb" or bool(os.environ.get("COOP_PLAIN"))
    if chosen:
        from coopwizard.io.console import use_plain_text

        use_plain_text()
    return chosen
