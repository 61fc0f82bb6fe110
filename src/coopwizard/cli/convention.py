"""`coop convention`: a draft agreement between the partners, from the sheet (Markdown, HTML or Word)."""

from typing import Annotated

import typer

from coopwizard.cli.output import deliver, refuse_overwrite
from coopwizard.cli.root import ChecklistOption, LangOption, app, h, mv, run
from coopwizard.core.errors import ExitCode

CONVENTION_FORMATS = ("md", "html", "docx")


@app.command(help=h("convention"))
def convention(
    file: Annotated[str, typer.Argument(metavar=mv("SHEET"), help=h("document.file"), show_default=False)],
    output: Annotated[str, typer.Option("--output", "-o", metavar=mv("PATH|-"), help=h("output"))] = "-",
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", metavar="md|html|docx", help=h("convention.format"))
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=h("force"))] = False,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
) -> None:
    def action(language: str) -> int:
        from coopwizard.cli.documents import audited
        from coopwizard.i18n import message
        from coopwizard.io.console import emit
        from coopwizard.io.markup import escape
        from coopwizard.render.convention import agreement_document, build_agreement
        from coopwizard.render.formats import choose_format

        chosen = choose_format(output_format, output, CONVENTION_FORMATS, "md").name
        refuse_overwrite(output, force)
        done = audited(file, checklist, lang, language)
        agreement = build_agreement(done.sheet, done.checklist, done.audit, done.lang)
        deliver(agreement_document(agreement, chosen), output, done.lang, force)
        counted: dict[tuple[str, str], int] = {}
        for todo in agreement.todos:
            counted[(todo.where, todo.what)] = counted.get((todo.where, todo.what), 0) + 1
        if counted:
            header = message(done.lang, "agreement.todo_header", count=len(agreement.todos))
            emit(escape(header), err=True, wrap=False)
        for (where, what), count in counted.items():
            times = f" (×{count})" if count > 1 else ""
            line = message(done.lang, "agreement.todo_item", where=where, what=what) + times
            emit(escape(line), err=True, wrap=False)
        return ExitCode.CLEAN

    run(lang, action)
