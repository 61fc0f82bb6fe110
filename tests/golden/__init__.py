"""Golden files, and the one script that writes them: `python -m tests.golden` (then review the diff).

Tests only compare against these files; they never rewrite them, so a change in
the output can only land through a reviewed diff of the golden files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from coopwizard.audit.engine import audit
from coopwizard.audit.findings import Audit
from coopwizard.audit.service import load_sheet
from coopwizard.guide.model import Checklist
from coopwizard.io.textio import SourceText
from coopwizard.render.markdown import render_markdown
from coopwizard.sheet.model import Sheet

GOLDEN = Path(__file__).parent
TODAY = dt.date(2026, 10, 1)  # the golden sheets are audited on a fixed day
HALF = GOLDEN.parent / "data" / "half.yaml"  # a half-filled sheet


def audited(path: Path, checklist: Checklist) -> tuple[Sheet, Audit]:
    loaded = load_sheet(SourceText(path.name, path.read_text(encoding="utf-8")), checklist)
    return loaded.sheet, audit(loaded.sheet, checklist, loaded.issues, TODAY)


def golden_markdown(path: Path, lang: str, checklist: Checklist) -> str:
    sheet, result = audited(path, checklist)
    return render_markdown(sheet, checklist, result, lang)


def golden_html(path: Path, lang: str, checklist: Checklist) -> str:
    from coopwizard.render.html import render_html

    sheet, result = audited(path, checklist)
    return render_html(sheet, checklist, result, lang)


def golden_agenda(path: Path, lang: str, checklist: Checklist) -> str:
    from coopwizard.render.agenda import render_agenda_markdown

    sheet, result = audited(path, checklist)
    return render_agenda_markdown(sheet, checklist, result, lang, TODAY)


# name pattern -> (source sheet, renderer); `python -m tests.golden` writes each in fr and en.
GOLDEN_FILES: dict[str, tuple[Path, Callable[[Path, str, Checklist], str]]] = {
    "linandes.{lang}.md": (GOLDEN.parent.parent / "docs" / "examples" / "linandes.yaml", golden_markdown),
    "linandes.{lang}.html": (GOLDEN.parent.parent / "docs" / "examples" / "linandes.yaml", golden_html),
    "half.{lang}.md": (HALF, golden_markdown),
    "half.agenda.{lang}.md": (HALF, golden_agenda),
}
