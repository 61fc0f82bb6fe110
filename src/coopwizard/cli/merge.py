"""`coop merge`: the common sheet of the sheets each association filled in; what differs is left to complete."""

from typing import Annotated

import typer

from coopwizard.cli.compare import FilesArgument, LabelOption, labels_for, read_sheets
from coopwizard.cli.output import deliver, refuse_overwrite
from coopwizard.cli.root import ChecklistOption, LangOption, app, h, load_guide, mv, run
from coopwizard.core.errors import ExitCode
from coopwizard.i18n import message
from coopwizard.io.console import emit
from coopwizard.io.markup import escape


@app.command(help=h("merge"))
def merge(
    files: FilesArgument,
    output: Annotated[str, typer.Option("--output", "-o", metavar=mv("PATH|-"), help=h("output"))] = "-",
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", metavar="yaml|md", help=h("render.format"))
    ] = None,
    label: LabelOption = None,
    force: Annotated[bool, typer.Option("--force", help=h("force"))] = False,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
) -> None:
    def action(language: str) -> int:
        import datetime as dt

        from coopwizard.audit.engine import audit
        from coopwizard.render.formats import choose_sheet_format, render_sheet
        from coopwizard.sheet.compare import compare_sheets
        from coopwizard.sheet.merge import merge_sheets

        chosen = choose_sheet_format(output_format, output)
        labels = labels_for(files, label or [])
        refuse_overwrite(output, force)
        guide = load_guide(checklist)
        comparison = compare_sheets(read_sheets(files, labels, guide, language), guide)
        today = dt.date.today()
        merged = merge_sheets(comparison, guide, language, today)
        result = audit(merged.sheet, guide, today=today)
        deliver(render_sheet(merged.sheet, guide, result, chosen, language), output, language)
        if merged.left:
            topics = ", ".join(t.label(language) for t in guide.topics if t.id in merged.topics_left)
            text = message(language, "merge.left", count=merged.left, topics=topics)
        else:
            text = message(language, "merge.all_agree")
        emit(escape(text), err=True, wrap=False)
        return ExitCode.FINDINGS if merged.left else ExitCode.CLEAN

    run(lang, action)
