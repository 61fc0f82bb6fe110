"""`coop schema`: the sheets' JSON Schema, for editors."""

from typing import Annotated

import typer

from coopwizard.cli.output import deliver, refuse_overwrite
from coopwizard.cli.root import ChecklistOption, LangOption, app, h, load_guide, mv, run
from coopwizard.core.errors import ExitCode
from coopwizard.i18n import message
from coopwizard.io.console import emit
from coopwizard.io.markup import escape


@app.command(help=h("schema"))
def schema(
    output: Annotated[str, typer.Option("--output", "-o", metavar=mv("PATH|-"), help=h("output"))] = "-",
    force: Annotated[bool, typer.Option("--force", help=h("force"))] = False,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
) -> None:
    def action(language: str) -> int:
        import json

        from coopwizard.render.schema import sheet_schema

        refuse_overwrite(output, force)
        text = json.dumps(sheet_schema(load_guide(checklist), language), ensure_ascii=False, indent=2) + "\n"
        if output == "-":
            deliver(text, output, language)
        else:
            from pathlib import Path

            from coopwizard.io.textio import write_atomic

            write_atomic(Path(output), text)
            emit(escape(message(language, "cli.schema_written", file=output)), err=True, wrap=False)
        return ExitCode.CLEAN

    run(lang, action)
