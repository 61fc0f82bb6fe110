"""The output formats: one registry that `coop render` (and the other document commands) choose from.

Each format has a name (`-f`), the file extensions that choose it from `-o`,
whether it is text or bytes, and its renderer. Renderers are imported when they
run, so that choosing a format never pays for another format's library.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from coopwizard.core.errors import UsageError

if TYPE_CHECKING:  # types only: the wizard chooses a format before its first question, without the audit
    from coopwizard.audit.findings import Audit
    from coopwizard.guide.model import Checklist
    from coopwizard.sheet.model import Sheet

Renderer = Callable[["Sheet", "Checklist", "Audit", str], "str | bytes"]


@dataclass(frozen=True)
class OutputFormat:
    """A format a sheet can be written in: its name, its file extensions and its renderer."""

    name: str
    extensions: tuple[str, ...]
    binary: bool
    render: Renderer
    sheet: bool = False  # whether `coop check` can read the output back as a sheet


def _yaml(sheet: Sheet, checklist: Checklist, result: Audit, lang: str) -> str:
    from coopwizard.io.yamldump import dump_yaml
    from coopwizard.render.schema import schema_modeline  # points editors at the schema (docs/sheet-format.md)
    from coopwizard.sheet.model import to_data

    return dump_yaml(to_data(sheet, checklist), comment=schema_modeline())


def _markdown(sheet: Sheet, checklist: Checklist, result: Audit, lang: str) -> str:
    from coopwizard.render.markdown import render_markdown

    return render_markdown(sheet, checklist, result, lang)


def _html(sheet: Sheet, checklist: Checklist, result: Audit, lang: str) -> str:
    from coopwizard.render.html import render_html

    return render_html(sheet, checklist, result, lang)


def _docx(sheet: Sheet, checklist: Checklist, result: Audit, lang: str) -> bytes:
    from coopwizard.render.docx import render_docx

    return render_docx(sheet, checklist, result, lang)


FORMATS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("yaml", (".yaml", ".yml"), False, _yaml, sheet=True),
        OutputFormat("md", (".md", ".markdown"), False, _markdown, sheet=True),
        OutputFormat("html", (".html", ".htm"), False, _html),
        OutputFormat("docx", (".docx",), True, _docx),
    )
}

SHEET_FORMATS = tuple(name for name, f in FORMATS.items() if f.sheet)


def choose_format(option: str | None, output: str | None, allowed: tuple[str, ...], default: str) -> OutputFormat:
    """The format named by -f, else the one -o's extension names, else `default` (stdout, or no -o).

    A file name must say what it holds: `-o ''`, an extension no allowed format has, or -f naming
    another format than the extension are refused before any work (docs/output.md).
    """
    if option is not None and option not in allowed:
        raise UsageError("cli.bad_format", value=option, allowed=", ".join(allowed))
    extensions = ", ".join(ext for name in allowed for ext in FORMATS[name].extensions)
    if output == "":
        raise UsageError("output.empty", allowed=extensions)
    if output is None or output == "-":
        return FORMATS[option or default]
    suffix = PurePath(output).suffix.lower()
    by_name = next((FORMATS[name] for name in allowed if suffix in FORMATS[name].extensions), None)
    if by_name is None:
        if suffix == ".pdf":
            raise UsageError("cli.no_pdf")
        for other in FORMATS.values():  # a known format this command does not write: say so, do not guess
            if suffix in other.extensions:
                raise UsageError("cli.bad_format", value=other.name, allowed=", ".join(allowed))
        raise UsageError("output.unknown_extension", file=output, suffix=suffix or '""', allowed=extensions)
    if option is not None and option != by_name.name:  # a YAML sheet named .md would not read back as Markdown
        raise UsageError("output.format_mismatch", file=output, format=option, expected=by_name.name)
    return by_name


def render_sheet(sheet: Sheet, checklist: Checklist, result: Audit, output_format: str, lang: str) -> str:
    """The sheet itself, as YAML or Markdown with front matter (the formats `coop check` reads back)."""
    rendered = FORMATS[output_format if output_format in SHEET_FORMATS else "yaml"].render(
        sheet, checklist, result, lang
    )
    assert isinstance(rendered, str)
    return rendered


def choose_sheet_format(option: str | None, output: str | None) -> str:
    """md or yaml: the option, else the output file's extension, else yaml."""
    return choose_format(option, output, SHEET_FORMATS, "yaml").name


RENDER_FORMATS = tuple(FORMATS)
# The file names each sheet format is written under (`-o` with any other is refused).
SHEET_EXTENSIONS = {ext: name for name in SHEET_FORMATS for ext in FORMATS[name].extensions}
