"""`coop new`: the wizard at a terminal, or the same sheet from an answers file."""

import sys
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from coopwizard.audit.findings import Audit
    from coopwizard.sheet.model import Sheet
    from coopwizard.wizard.draft import Draft

from coopwizard.cli.output import deliver, format_for, refuse_overwrite
from coopwizard.cli.root import (
    ChecklistOption,
    LangOption,
    PlainOption,
    app,
    h,
    lang_chosen,
    load_guide,
    mv,
    plain_mode,
    run,
)
from coopwizard.core.errors import ExitCode, UsageError


@app.command(help=h("new"))
def new(
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar=mv("PATH|-"), help=h("output"), show_default=False)
    ] = None,
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", metavar="yaml|md", help=h("new.format"))
    ] = None,
    answers: Annotated[
        str | None, typer.Option("--answers", "-a", metavar=mv("FILE|-"), help=h("new.answers"), show_default=False)
    ] = None,
    allow_incomplete: Annotated[bool, typer.Option("--allow-incomplete", help=h("new.allow_incomplete"))] = False,
    resume: Annotated[bool, typer.Option("--resume", help=h("new.resume"))] = False,
    force: Annotated[bool, typer.Option("--force", help=h("force"))] = False,
    plain: PlainOption = False,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
) -> None:
    def action(language: str) -> int:
        import datetime as dt

        guide = load_guide(checklist)
        today = dt.date.today()
        if answers is not None:
            from coopwizard.io.textio import read_source
            from coopwizard.render.formats import render_sheet
            from coopwizard.wizard.session import sheet_from_answers_file

            target = "-" if output is None else output  # -o '' is refused, not stdout
            chosen = format_for(output_format, target)
            refuse_overwrite(target, force)
            sheet, result = sheet_from_answers_file(read_source(answers), guide, language, today, allow_incomplete)
            deliver(render_sheet(sheet, guide, result, chosen, language), target, language, force)
            return ExitCode.CLEAN
        if output is not None:
            format_for(output_format, output)  # -o '' or an unknown extension: said before the first question
        if not sys.stdin.isatty():
            raise UsageError("wizard.no_tty")
        from coopwizard.wizard.interactive import NewSession, interactive_new

        def write(sheet: "Sheet", result: "Audit", draft: "Draft", overwrite: bool) -> None:
            from coopwizard.render.formats import render_sheet  # only once answered: not before the first question

            refuse_overwrite(draft.output, overwrite)
            text = render_sheet(sheet, guide, result, draft.output_format, draft.lang)
            deliver(text, draft.output, draft.lang, force=overwrite)  # linked into place: never over a new file

        asked = NewSession(output, output_format, resume, force, today, lang_chosen(lang), plain_mode(plain))
        interactive_new(guide, language, asked, write)
        return ExitCode.CLEAN

    run(lang, action)
