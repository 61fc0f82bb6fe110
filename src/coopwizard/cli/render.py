"""`coop render`: a sheet written again in another format: YAML, Markdown, or a document to hand out (HTML, Word)."""

from typing import Annotated

import typer

from coopwizard.cli.output import deliver, refuse_overwrite
from coopwizard.cli.root import ChecklistOption, LangOption, app, h, mv, run
from coopwizard.core.errors import ExitCode


@app.command(help=h("render"))
def render(
    file: Annotated[str, typer.Argument(metavar=mv("SHEET"), help=h("render.file"), show_default=False)],
    output: Annotated[str, typer.Option("--output", "-o", metavar=mv("PATH|-"), help=h("output"))] = "-",
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", metavar="yaml|md|html|docx", help=h("render.format"))
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=h("force"))] = False,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
) -> None:
    def action(language: str) -> int:
        from coopwizard.cli.documents import audited
        from coopwizard.render.formats import RENDER_FORMATS, choose_format

        chosen = choose_format(output_format, output, RENDER_FORMATS, "yaml")
        refuse_overwrite(output, force)
        done = audited(file, checklist, lang, language)
        deliver(chosen.render(done.sheet, done.checklist, done.audit, done.lang), output, done.lang, force)
        return ExitCode.CLEAN

    run(lang, action)
