"""`coop check`: audit sheets like a linter, text or JSON, several files on several cores."""

import sys
from typing import Annotated

import typer

from coopwizard.cli.root import (
    ChecklistOption,
    LangOption,
    app,
    choose,
    global_options,
    h,
    lang_chosen,
    mv,
    run,
    say_error,
)
from coopwizard.core.errors import UsageError
from coopwizard.io.console import emit, is_terminal
from coopwizard.io.markup import escape


@app.command(help=h("check"))
def check(
    files: Annotated[list[str], typer.Argument(metavar=mv("SHEET..."), help=h("check.files"), show_default=False)],
    output_format: Annotated[str, typer.Option("--format", "-f", metavar="text|json", help=h("check.format"))] = "text",
    strict: Annotated[bool, typer.Option("--strict", help=h("check.strict"))] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, metavar=mv("N"), help=h("check.jobs"))] = 0,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
) -> None:
    def action(language: str) -> int:
        from coopwizard.audit.batch import check_all, jobs_for
        from coopwizard.audit.service import Tally
        from coopwizard.guide.load import load_checklist, resolve_checklist_path
        from coopwizard.render.report import (
            json_document_end,
            json_document_start,
            json_separator,
            render_file,
            render_file_as_text,
            summary_line,
        )

        as_json = choose(output_format, ("text", "json")) == "json"
        if files.count("-") > 1:
            raise UsageError("cli.stdin_twice")
        location = resolve_checklist_path(checklist)
        guide = load_checklist(location)  # a broken checklist stops the run before any file
        tally = Tally(strict=strict)
        drawn = not as_json and is_terminal(sys.stdout)  # Rich draws it; else the workers make the plain text
        if as_json:
            sys.stdout.write(json_document_start(language, guide))
        outcomes = check_all(
            files,
            location,
            language,
            as_json,
            strict,
            jobs_for(jobs, files),
            render_file if drawn else render_file_as_text,
            keep_errors=not global_options["debug"],
            follow_sheets=not lang_chosen(lang),  # README: a sheet's own language, unless --lang or COOP_LANG
        )
        for index, outcome in enumerate(outcomes):
            tally.add(outcome.is_error, outcome.has_findings)
            if as_json:
                sys.stdout.write(json_separator(index == 0) + outcome.rendered)
            elif outcome.error is not None:
                say_error(outcome.error, language)
            elif drawn:
                emit(outcome.rendered, end="", wrap=False)
            else:
                sys.stdout.write(outcome.rendered)
        if as_json:
            sys.stdout.write(json_document_end(tally.as_dict()))
        if len(files) > 1:
            emit(escape(summary_line(tally, language)), err=True, wrap=False)
        return tally.exit_code

    run(lang, action)
