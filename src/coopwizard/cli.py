"""The `coop` command line: parse options, call one domain function, hand the result to a renderer.

Every CoopError is caught in `_run`, said in one line on stderr in the user's
language, and turned into its exit code; a traceback only with --debug.
The wizard's modules (questionary, prompt_toolkit) are imported by the
commands that prompt, never at start-up.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from coopwizard import __version__
from coopwizard.console import emit, escape
from coopwizard.errors import CoopError, ExitCode, UsageError
from coopwizard.i18n import message, resolve_lang, say

if TYPE_CHECKING:
    from coopwizard.checklist import Checklist

# Start-up matters: each command imports what it needs when it runs, so that
# `coop --help` pays for Typer and little else (bench/run.py measures it).


def _help_lang() -> str:
    """The language of --help, chosen before Typer parses anything: --lang if given, else as usual."""
    argv = sys.argv[1:]
    asked = None
    for index, arg in enumerate(argv):
        if arg in ("--lang", "-l") and index + 1 < len(argv):
            asked = argv[index + 1]
        elif arg.startswith("--lang="):
            asked = arg.partition("=")[2]
    try:
        return resolve_lang(asked)
    except CoopError:
        return "en"


HELP_LANG = _help_lang()


def _h(key: str) -> str:
    return message(HELP_LANG, f"help.{key}")


app = typer.Typer(
    name="coop",
    help=_h("app"),
    epilog=_h("epilog"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_global: dict[str, Any] = {"debug": False, "lang": None}  # options given before the command

LangOption = Annotated[str | None, typer.Option("--lang", "-l", metavar="fr|en", help=_h("lang"), show_default=False)]
ChecklistOption = Annotated[
    str | None, typer.Option("--checklist", metavar="PATH", help=_h("checklist"), show_default=False)
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coopwizard {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help=_h("debug"))] = False,
    lang: LangOption = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help=_h("version"))] = False,
) -> None:
    _global["debug"] = debug
    _global["lang"] = lang


def _run(lang_option: str | None, action: Callable[[str], int]) -> None:
    """Resolve the language, run `action`, and turn its result or error into an exit code."""
    lang = "en"
    try:
        lang = resolve_lang(lang_option or _global["lang"])
        code = action(lang)
    except CoopError as err:
        if _global["debug"]:
            raise
        _say_failure(err, lang)
        raise typer.Exit(err.exit_code) from None
    except KeyboardInterrupt:
        _say_error(message(lang, "cli.interrupted"), lang)
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    raise typer.Exit(code)


def _say_error(text: str, lang: str) -> None:
    emit(f"[bold red]{escape(message(lang, 'cli.error', message=''))}[/]{escape(text)}", err=True, wrap=False)


def _say_failure(err: CoopError, lang: str) -> None:
    """An error in one line; an answers file's problems follow it, one a line; an interruption is no error."""
    from coopwizard.errors import InvalidAnswersError, WizardInterrupted

    if isinstance(err, WizardInterrupted):
        emit(escape(say(err, lang)), err=True, wrap=False)
        return
    _say_error(say(err, lang), lang)
    if isinstance(err, InvalidAnswersError):
        for problem in err.problems:
            emit(f"  {escape(problem)}", err=True, wrap=False)


def _lang_chosen(option: str | None) -> bool:
    """Whether the user asked for a language (--lang or COOP_LANG), rather than the locale giving one."""
    import os

    return bool(option or _global["lang"] or os.environ.get("COOP_LANG"))


def _checklist(option: str | None) -> Checklist:
    from coopwizard.checklist import load_checklist, resolve_checklist_path

    return load_checklist(resolve_checklist_path(option))


def _choose(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise UsageError("cli.bad_format", value=value, allowed=", ".join(allowed))
    return value


@app.command(help=_h("check"))
def check(
    files: Annotated[list[str], typer.Argument(metavar="SHEET...", help=_h("check.files"), show_default=False)],
    output_format: Annotated[
        str, typer.Option("--format", "-f", metavar="text|json", help=_h("check.format"))
    ] = "text",
    strict: Annotated[bool, typer.Option("--strict", help=_h("check.strict"))] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, metavar="N", help=_h("check.jobs"))] = 0,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
) -> None:
    def action(language: str) -> int:
        from coopwizard.batch import check_all, jobs_for
        from coopwizard.checking import Tally
        from coopwizard.checklist import load_checklist, resolve_checklist_path
        from coopwizard.render_report import (
            json_document_end,
            json_document_start,
            json_separator,
            render_file,
            summary_line,
        )

        as_json = _choose(output_format, ("text", "json")) == "json"
        if files.count("-") > 1:
            raise UsageError("cli.stdin_twice")
        location = resolve_checklist_path(checklist)
        guide = load_checklist(location)  # a broken checklist stops the run before any file
        tally = Tally(strict=strict)
        if as_json:
            sys.stdout.write(json_document_start(language, guide))
        outcomes = check_all(
            files,
            location,
            language,
            as_json,
            strict,
            jobs_for(jobs, files),
            render_file,
            keep_errors=not _global["debug"],
        )
        for index, outcome in enumerate(outcomes):
            tally.add(outcome.is_error, outcome.has_findings)
            if as_json:
                sys.stdout.write(json_separator(index == 0) + outcome.rendered)
            elif outcome.error is not None:
                _say_error(outcome.error, language)
            else:
                emit(outcome.rendered, end="", wrap=False)
        if as_json:
            sys.stdout.write(json_document_end(tally.as_dict()))
        if len(files) > 1:
            emit(escape(summary_line(tally, language)), err=True, wrap=False)
        return tally.exit_code

    _run(lang, action)


@app.command(help=_h("schema"))
def schema(lang: LangOption = None, checklist: ChecklistOption = None) -> None:
    def action(language: str) -> int:
        import json

        from coopwizard.schema import sheet_schema

        sys.stdout.write(json.dumps(sheet_schema(_checklist(checklist), language), ensure_ascii=False, indent=2) + "\n")
        return ExitCode.CLEAN

    _run(lang, action)


def _guide_command(part: str) -> None:
    def command(
        output_format: Annotated[
            str, typer.Option("--format", "-f", metavar="table|json", help=_h("guide.format"))
        ] = "table",
        lang: LangOption = None,
        checklist: ChecklistOption = None,
    ) -> None:
        def action(language: str) -> int:
            from coopwizard.console import capture, is_terminal, stdout_console
            from coopwizard.render_guide import guide_json, guide_plain, guide_table

            chosen = _choose(output_format, ("table", "json"))
            guide = _checklist(checklist)
            if chosen == "json":
                sys.stdout.write(guide_json(guide, part, language))
            elif is_terminal(sys.stdout):
                sys.stdout.write(capture(stdout_console(), guide_table(guide, part, language)))
            else:
                sys.stdout.write(guide_plain(guide, part, language))
            return ExitCode.CLEAN

        _run(lang, action)

    command.__name__ = part
    app.command(name=part, help=_h(part))(command)


for _part in ("levels", "topics", "pitfalls", "practices"):
    _guide_command(_part)


def _deliver(text: str, output: str, lang: str) -> None:
    """Write to stdout for "-", else atomically to the file, and say where on stderr."""
    from pathlib import Path

    from coopwizard.textio import write_atomic

    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_atomic(Path(output), text)
    emit(escape(message(lang, "cli.written", file=output)), err=True, wrap=False)


def _refuse_overwrite(output: str, force: bool) -> None:
    from pathlib import Path

    if output != "-" and not force and Path(output).exists():
        raise UsageError("file.exists", file=output)


@app.command(help=_h("render"))
def render(
    file: Annotated[str, typer.Argument(metavar="SHEET", help=_h("render.file"), show_default=False)],
    output: Annotated[str, typer.Option("--output", "-o", metavar="PATH|-", help=_h("output"))] = "-",
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", metavar="yaml|md", help=_h("render.format"))
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=_h("force"))] = False,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
) -> None:
    def action(language: str) -> int:
        from coopwizard.audit import audit
        from coopwizard.checking import load_sheet
        from coopwizard.render_sheet import choose_sheet_format, render_sheet
        from coopwizard.textio import read_source

        chosen = choose_sheet_format(output_format, output)
        _refuse_overwrite(output, force)
        guide = _checklist(checklist)
        loaded = load_sheet(read_source(file), guide)
        result = audit(loaded.sheet, guide, loaded.issues)
        _deliver(render_sheet(loaded.sheet, guide, result, chosen, language), output, language)
        return ExitCode.CLEAN

    _run(lang, action)


@app.command(help=_h("new"))
def new(
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="PATH|-", help=_h("output"), show_default=False)
    ] = None,
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", metavar="yaml|md", help=_h("render.format"))
    ] = None,
    answers: Annotated[
        str | None, typer.Option("--answers", "-a", metavar="FILE|-", help=_h("new.answers"), show_default=False)
    ] = None,
    allow_incomplete: Annotated[bool, typer.Option("--allow-incomplete", help=_h("new.allow_incomplete"))] = False,
    resume: Annotated[bool, typer.Option("--resume", help=_h("new.resume"))] = False,
    force: Annotated[bool, typer.Option("--force", help=_h("force"))] = False,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
) -> None:
    def action(language: str) -> int:
        import datetime as dt

        from coopwizard.render_sheet import choose_sheet_format, render_sheet

        guide = _checklist(checklist)
        today = dt.date.today()
        if answers is not None:
            from coopwizard.textio import read_source
            from coopwizard.wizard.session import sheet_from_answers_file

            target = output or "-"
            chosen = choose_sheet_format(output_format, target)
            _refuse_overwrite(target, force)
            sheet, result = sheet_from_answers_file(read_source(answers), guide, language, today, allow_incomplete)
            _deliver(render_sheet(sheet, guide, result, chosen, language), target, language)
            return ExitCode.CLEAN
        if not sys.stdin.isatty():
            raise UsageError("wizard.no_tty")
        from coopwizard.wizard.draft import discard_draft
        from coopwizard.wizard.interactive import interactive_new

        asked_for = _lang_chosen(lang)
        sheet, result, draft = interactive_new(guide, language, output, output_format, resume, force, today, asked_for)
        _deliver(render_sheet(sheet, guide, result, draft.output_format, draft.lang), draft.output, draft.lang)
        discard_draft()  # only now: if the write failed, every answer is still in the draft
        return ExitCode.CLEAN

    _run(lang, action)


@app.command(help=_h("edit"))
def edit(
    file: Annotated[str, typer.Argument(metavar="SHEET", help=_h("edit.file"), show_default=False)],
    topic: Annotated[
        list[str] | None, typer.Option("--topic", "-t", metavar="ID", help=_h("edit.topic"), show_default=False)
    ] = None,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
) -> None:
    def action(language: str) -> int:
        import datetime as dt
        from pathlib import Path

        from coopwizard.edit import plan_edit
        from coopwizard.errors import WizardInterrupted
        from coopwizard.textio import write_atomic

        guide = _checklist(checklist)
        plan = plan_edit(file, guide, topic or [], dt.date.today())
        if not plan.topic_ids:
            emit(escape(message(language, "edit.nothing", file=file)), err=True, wrap=False)
            return ExitCode.CLEAN
        if not sys.stdin.isatty():
            raise UsageError("edit.no_tty")
        from coopwizard.wizard.interactive import interactive_edit

        if not _lang_chosen(lang):  # the sheet's own language, before the locale's
            language = str(plan.loaded.sheet.project.get("language") or language)
        outcome = interactive_edit(plan, guide, language)
        write_atomic(Path(file), outcome.text)
        if outcome.interrupted:
            raise WizardInterrupted("edit.interrupted", file=file)
        emit(escape(message(language, "cli.written", file=file)), err=True, wrap=False)
        return ExitCode.CLEAN

    _run(lang, action)


def main() -> None:
    app(prog_name="coop")
