"""`coop render`: a sheet written again in another format."""

from __future__ import annotations

from typing import Annotated

import typer

from coopwizard.cli.app import ChecklistOption, LangOption, app, h, load_guide, run
from coopwizard.cli.output import deliver, format_for, refuse_overwrite
from coopwizard.core.errors import ExitCode


@app.command(help=h("render"))
def render(
    file: Annotated[str, typer.Argument(metavar="SHEET", help=h("render.file"), show_default=False)],
    output: Annotated[str, typer.Option("--output", "-o", metavar="PATH|-", help=h("output"))] = "-",
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", metavar="yaml|md", help=h("render.format"))
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=h("force"))] = False,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
) -> None:
    def action(language: str) -> int:
        from coopwizard.audit.engine import audit
        from coopwizard.audit.service import load_sheet
        from coopwizard.io.textio import read_source
        from coopwizard.render.formats import render_sheet

        chosen = format_for(output_format, output)
        refuse_overwrite(output, force)
        guide = load_guide(checklist)
        loaded = load_sheet(read_source(file), guide)
        result = audit(loaded.sheet, guide, loaded.issues)
        deliver(render_sheet(loaded.sheet, guide, result, chosen, language), output, language, force)
        return ExitCode.CLEAN

    run(lang, action)
