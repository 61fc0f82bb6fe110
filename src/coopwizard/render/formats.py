"""A sheet in the format asked for: YAML, or Markdown with front matter."""

from __future__ import annotations

from coopwizard.audit.findings import Audit
from coopwizard.core.errors import UsageError
from coopwizard.guide.model import Checklist
from coopwizard.io.yamldump import dump_yaml
from coopwizard.render.markdown import render_markdown
from coopwizard.sheet.model import Sheet, to_data


def render_sheet(sheet: Sheet, checklist: Checklist, result: Audit, output_format: str, lang: str) -> str:
    if output_format == "md":
        return render_markdown(sheet, checklist, result, lang)
    return dump_yaml(to_data(sheet, checklist))


SHEET_FORMATS = ("yaml", "md")
# The file names each format is written under; `-o` with any other extension is refused.
SHEET_EXTENSIONS = {".yaml": "yaml", ".yml": "yaml", ".md": "md", ".markdown": "md"}


def choose_sheet_format(option: str | None, output: str | None) -> str:
    """md or yaml: the option, else the output file's extension, else yaml."""
    if option is not None:
        if option not in SHEET_FORMATS:
            raise UsageError("cli.bad_format", value=option, allowed=", ".join(SHEET_FORMATS))
        return option
    return "md" if (output or "").lower().endswith((".md", ".markdown")) else "yaml"
