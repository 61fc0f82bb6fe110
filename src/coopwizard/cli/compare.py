"""`coop compare`: the sheets each association filled in separately, compared topic by topic."""

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from coopwizard.cli.root import ChecklistOption, LangOption, app, choose, h, load_guide, mv, run
from coopwizard.core.errors import ExitCode, UsageError
from coopwizard.i18n import message
from coopwizard.io.console import emit
from coopwizard.io.markup import escape

if TYPE_CHECKING:
    from coopwizard.guide.model import Checklist
    from coopwizard.sheet.model import Sheet

FilesArgument = Annotated[
    list[str], typer.Argument(metavar=mv("SHEET..."), help=h("compare.files"), show_default=False)
]
LabelOption = Annotated[
    list[str] | None, typer.Option("--label", "-n", metavar=mv("NAME"), help=h("compare.label"), show_default=False)
]


def labels_for(files: Sequence[str], given: Sequence[str]) -> list[str]:
    """Whose each sheet is: --label in the order of the files, else the file's name without folder or extension."""
    from pathlib import Path

    if len(files) < 2:
        raise UsageError("compare.two_sheets")
    if files.count("-") > 1:
        raise UsageError("cli.stdin_twice")
    if given and len(given) != len(files):
        raise UsageError("compare.label_count", labels=len(given), files=len(files))
    labels = list(given) if given else ["stdin" if f == "-" else Path(f).stem for f in files]
    for index, label in enumerate(labels):
        if not label.strip():
            raise UsageError("compare.empty_label")
        if label in labels[:index]:
            raise UsageError("compare.same_label", label=label)
    return labels


def read_sheets(
    files: Sequence[str], labels: Sequence[str], guide: "Checklist", lang: str
) -> "list[tuple[str, Sheet]]":
    """Each sheet parsed as `coop check` parses it; what it gets wrong is left out, and said on stderr."""
    from coopwizard.audit.service import load_sheet
    from coopwizard.io.textio import read_source

    named = []
    for name, label in zip(files, labels, strict=True):
        loaded = load_sheet(read_source(name), guide)
        problems = [i for i in loaded.issues if i.key != "sheet.missing_format"]  # an answers file has none
        if problems:
            shown = "<stdin>" if name == "-" else name
            text = message(lang, "compare.problems", file=shown, count=len(problems))
            emit(escape(text), err=True, wrap=False)
        named.append((label, loaded.sheet))
    return named


@app.command(help=h("compare"))
def compare(
    files: FilesArgument,
    output_format: Annotated[str, typer.Option("--format", "-f", metavar="text|json", help=h("check.format"))] = "text",
    label: LabelOption = None,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
) -> None:
    def action(language: str) -> int:
        from coopwizard.render.compare import render_compare_json, render_compare_text
        from coopwizard.sheet.compare import compare_sheets

        as_json = choose(output_format, ("text", "json")) == "json"
        labels = labels_for(files, label or [])
        guide = load_guide(checklist)
        comparison = compare_sheets(read_sheets(files, labels, guide, language), guide)
        paths = ["<stdin>" if f == "-" else f for f in files]
        if as_json:
            sys.stdout.write(render_compare_json(comparison, paths, guide, language))
        else:
            emit(render_compare_text(comparison, paths, guide, language), end="", wrap=False)
        return ExitCode.CLEAN if comparison.agree else ExitCode.FINDINGS

    run(lang, action)
