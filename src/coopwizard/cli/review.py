"""`coop review SHEET [--answers FILE]`: record one partner's review (health check) in the sheet, in place.

At a terminal without --answers, the wizard asks the statements (wizard/review.py).
"""

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


@app.command(help=h("review"))
def review(
    file: Annotated[str, typer.Argument(metavar=mv("SHEET"), help=h("review.file"), show_default=False)],
    answers: Annotated[
        str | None, typer.Option("--answers", "-a", metavar=mv("FILE|-"), help=h("review.answers"), show_default=False)
    ] = None,
    plain: PlainOption = False,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
) -> None:
    def action(language: str) -> int:
        import datetime as dt
        from pathlib import Path

        from coopwizard.audit.service import load_sheet
        from coopwizard.io.textio import read_source, write_atomic
        from coopwizard.io.yamlio import load_yaml
        from coopwizard.sheet.reviews import append_review, review_from_answers

        if file == "-":
            raise UsageError("review.sheet_stdin")
        guide = load_guide(checklist)
        source = read_source(file)
        loaded = load_sheet(source, guide)
        language = sheet_language(lang, language, loaded.sheet)
        if answers is not None:
            given = read_source(answers)
            data, origin = load_yaml(given.text, given.name).data, given.name
        elif sys.stdin.isatty():
            from coopwizard.wizard.interactive import interactive_review

            data, origin = interactive_review(loaded.sheet, guide, language, plain_mode(plain)), "<terminal>"
        else:
            raise UsageError("review.no_answers", file=file)
        recorded = review_from_answers(data, loaded.sheet, guide, dt.date.today(), language, origin)
        text = append_review(source.text, loaded.markdown, recorded, file)
        write_atomic(Path(file), text)
        said = message(language, "review.recorded", partner=recorded.partner, date=recorded.date.isoformat(), file=file)
        emit(escape(said), err=True, wrap=False)
        return ExitCode.CLEAN

    run(lang, action)
