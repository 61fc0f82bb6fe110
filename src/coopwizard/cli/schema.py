"""`coop schema`: the sheets' JSON Schema, for editors."""

from __future__ import annotations

import sys

from coopwizard.cli.app import ChecklistOption, LangOption, app, h, load_guide, run
from coopwizard.core.errors import ExitCode


@app.command(help=h("schema"))
def schema(lang: LangOption = None, checklist: ChecklistOption = None) -> None:
    def action(language: str) -> int:
        import json

        from coopwizard.render.schema import sheet_schema

        sys.stdout.write(json.dumps(sheet_schema(load_guide(checklist), language), ensure_ascii=False, indent=2) + "\n")
        return ExitCode.CLEAN

    run(lang, action)
