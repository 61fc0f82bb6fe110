"""`coop calendar`: the sheet's milestones as an iCalendar file, for the partners' calendars."""

from typing import Annotated

import typer

from coopwizard.cli.output import deliver, refuse_overwrite
from coopwizard.cli.root import ChecklistOption, LangOption, app, h, mv, run
from coopwizard.core.errors import ExitCode


@app.command(help=h("calendar"))
def calendar(
    file: Annotated[str, typer.Argument(metavar=mv("SHEET"), help=h("document.file"), show_default=False)],
    output: Annotated[str, typer.Option("--output", "-o", metavar=mv("PATH|-"), help=h("output"))] = "-",
    force: Annotated[bool, typer.Option("--force", help=h("force"))] = False,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
) -> None:
    def action(language: str) -> int:
        from coopwizard.cli.documents import audited
        from coopwizard.i18n import message
        from coopwizard.io.console import emit
        from coopwizard.io.markup import escape
        from coopwizard.render.calendar import render_calendar

        refuse_overwrite(output, force)
        done = audited(file, checklist, lang, language)
        data = render_calendar(done.sheet, done.checklist, done.audit, done.lang)
        if b"BEGIN:VEVENT" not in data:
            emit(escape(message(done.lang, "calendar.no_milestone")), err=True, wrap=False)
        deliver(data, output, done.lang, force)
        return ExitCode.CLEAN

    run(lang, action)
