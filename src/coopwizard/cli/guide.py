"""`coop levels|topics|pitfalls|practices`: the guide at a glance."""

import sys
from typing import Annotated

import typer

from coopwizard.cli.root import ChecklistOption, LangOption, app, choose, h, load_guide, run
from coopwizard.core.errors import ExitCode


def _guide_command(part: str) -> None:
    def command(
        output_format: Annotated[
            str, typer.Option("--format", "-f", metavar="table|json", help=h("guide.format"))
        ] = "table",
        lang: LangOption = None,
        checklist: ChecklistOption = None,
    ) -> None:
        def action(language: str) -> int:
            from coopwizard.io.console import capture, is_terminal, stdout_console
            from coopwizard.render.guide import guide_json, guide_plain, guide_table

            chosen = choose(output_format, ("table", "json"))
            guide = load_guide(checklist)
            if chosen == "json":
                sys.stdout.write(guide_json(guide, part, language))
            elif is_terminal(sys.stdout):
                sys.stdout.write(capture(stdout_console(), guide_table(guide, part, language)))
            else:
                sys.stdout.write(guide_plain(guide, part, language))
            return ExitCode.CLEAN

        run(lang, action)

    command.__name__ = part
    app.command(name=part, help=h(part))(command)


for _part in ("levels", "topics", "pitfalls", "practices"):
    _guide_command(_part)
