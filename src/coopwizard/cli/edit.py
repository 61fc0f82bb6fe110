"""`coop edit`: ask again the topics still missing or to complete, and write the sheet back."""

import sys
from typing import Annotated

import typer

from coopwizard.cli.root import (
    ChecklistOption,
    LangOption,
    PlainOption,
    app,
    h,
    load_guide,
    mv,
    plain_mode,
    run,
    sheet_language,
)
from coopwizard.core.errors import ExitCode, UsageError
from coopwizard.i18n import message
from coopwizard.io.console import emit
from coopwizard.io.markup import escape


@app.command(help=h("edit"))
def edit(
    file: Annotated[str, typer.Argument(metavar=mv("SHEET"), help=h("edit.file"), show_default=False)],
    topic: Annotated[
        list[str] | None, typer.Option("--topic", "-t", metavar=mv("ID"), help=h("edit.topic"), show_default=False)
    ] = None,
    plain: PlainOption = False,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
) -> None:
    def action(language: str) -> int:
        import datetime as dt
        from pathlib import Path

        from coopwizard.core.errors import WizardInterrupted
        from coopwizard.io.textio import write_atomic
        from coopwizard.wizard.edit import plan_edit

        guide = load_guide(checklist)
        plan = plan_edit(file, guide, topic or [], dt.date.today())
        language = sheet_language(lang, language, plan.loaded.sheet)
        if not plan.topic_ids:
            emit(escape(message(language, "edit.nothing", file=file)), err=True, wrap=False)
            return ExitCode.CLEAN
        if not sys.stdin.isatty():
            raise UsageError("edit.no_tty")
        from coopwizard.wizard.interactive import interactive_edit

        outcome = interactive_edit(plan, guide, language, plain_mode(plain))
        write_atomic(Path(outcome.target), outcome.text)
        if outcome.changed_meanwhile:
            emit(escape(message(language, "edit.written_beside", file=file, target=outcome.target)), err=True)
        if outcome.interrupted:
            raise WizardInterrupted("edit.interrupted", lang=language, file=outcome.target)
        emit(escape(message(language, "cli.written", file=outcome.target)), err=True, wrap=False)
        return ExitCode.CLEAN

    run(lang, action)
