"""`coop agenda`: the next meeting's agenda, from what the sheet still leaves open."""

from typing import Annotated

import typer

from coopwizard.cli.output import deliver, refuse_overwrite
from coopwizard.cli.root import ChecklistOption, LangOption, app, h, mv, run
from coopwizard.core.errors import ExitCode

AGENDA_FORMATS = ("md", "html")


@app.command(help=h("agenda"))
def agenda(
    file: Annotated[str, typer.Argument(metavar=mv("SHEET"), help=h("document.file"), show_default=False)],
    output: Annotated[str, typer.Option("--output", "-o", metavar=mv("PATH|-"), help=h("output"))] = "-",
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", metavar="md|html", help=h("agenda.format"))
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=h("force"))] = False,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
) -> None:
    def action(language: str) -> int:
        import datetime as dt

        from coopwizard.cli.documents import audited
        from coopwizard.render.agenda import render_agenda_html, render_agenda_markdown
        from coopwizard.render.formats import choose_format

        chosen = choose_format(output_format, output, AGENDA_FORMATS, "md").name
        refuse_overwrite(output, force)
        done = audited(file, checklist, lang, language)
        render = render_agenda_html if chosen == "html" else render_agenda_markdown
        deliver(render(done.sheet, done.checklist, done.audit, done.lang, dt.date.today()), output, done.lang, force)
        return ExitCode.CLEAN

    run(lang, action)
