"""`coop new`: the wizard at a terminal, or the same sheet from an answers file."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from coopwizard.cli.app import ChecklistOption, LangOption, app, h, lang_chosen, load_guide, run
from coopwizard.cli.output import deliver, refuse_overwrite
from coopwizard.core.errors import ExitCode, UsageError


@app.command(help=h("new"))
def new(
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="PATH|-", help=h("output"), show_default=False)
    ] = None,
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", metavar="yaml|md", help=h("render.format"))
    ] = None,
    answers: Annotated[
        str | None, typer.Option("--answers", "-a", metavar="FILE|-", help=h("new.answers"), show_default=False)
    ] = None,
    allow_incomplete: Annotated[bool, typer.Option("--allow-incomplete", help=h("new.allow_incomplete"))] = False,
    resume: Annotated[bool, typer.Option("--resume", help=h("new.resume"))] = False,
    force: Annotated[bool, typer.Option("--force", help=h("force"))] = False,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
) -> None:
    def action(language: str) -> int:
        import datetime as dt

        guide = load_guide(checklist)
        today = dt.date.today()
        if answers is not None:
            from coopwizard.io.textio import read_source
            from coopwizard.render.formats import choose_sheet_format, render_sheet
            from coopwizard.wizard.session import sheet_from_answers_file

            target = output or "-"
            chosen = choose_sheet_format(output_format, target)
            refuse_overwrite(target, force)
            sheet, result = sheet_from_answers_file(read_source(answers), guide, language, today, allow_incomplete)
            deliver(render_sheet(sheet, guide, result, chosen, language), target, language)
            return ExitCode.CLEAN
        if not sys.stdin.isatty():
            raise UsageError("wizard.no_tty")
        from coopwizard.wizard.draft import discard_draft
        from coopwizard.wizard.interactive import interactive_new

        asked_for = lang_chosen(lang)
        sheet, result, draft = interactive_new(guide, language, output, output_format, resume, force, today, asked_for)
        from coopwizard.render.formats import render_sheet  # only once answered: not before the first question

        deliver(render_sheet(sheet, guide, result, draft.output_format, draft.lang), draft.output, draft.lang)
        discard_draft()  # only now: if the write failed, every answer is still in the draft
        return ExitCode.CLEAN

    run(lang, action)
