"""Golden files, and the one script that writes them: `python -m tests.golden` (then review the diff).

Tests only compare against these files; they never rewrite them, so a change in
the output can only land through a reviewed diff of the golden files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from coopwizard.audit.engine import audit
from coopwizard.audit.service import load_sheet
from coopwizard.guide.model import Checklist
from coopwizard.io.textio import SourceText
from coopwizard.render.markdown import render_markdown

GOLDEN = Path(__file__).parent
TODAY = dt.date(2026, 10, 1)  # the golden sheets are audited on a fixed day


def golden_markdown(path: Path, lang: str, checklist: Checklist) -> str:
    loaded = load_sheet(SourceText(path.name, path.read_text(encoding="utf-8")), checklist)
    return render_markdown(loaded.sheet, checklist, audit(loaded.sheet, checklist, loaded.issues, TODAY), lang)
