"""Documents as one self-contained HTML file: inline CSS, no network, no JavaScript, an A4 print stylesheet.

Templates live in `render/templates/` (shipped in the wheel) and are rendered by
Jinja2 with autoescape on: every text a user typed is escaped, and control
characters (a terminal's escape sequences) are dropped before they reach the page.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from coopwizard.audit.findings import Audit
from coopwizard.guide.model import Checklist
from coopwizard.i18n.typography import colon
from coopwizard.render.view import View, build_view
from coopwizard.sheet.model import Sheet

TEMPLATES = Path(__file__).parent / "templates"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _clean(value: Any) -> Any:
    """Every value a template prints: control characters dropped (autoescape then escapes the rest)."""
    if isinstance(value, str) and not hasattr(value, "__html__"):  # markup from a macro is already safe
        return _CONTROL.sub("", value)
    return value


@functools.cache
def environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_clean,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@functools.cache
def stylesheet() -> str:
    return (TEMPLATES / "style.css").read_text(encoding="utf-8")


def render_template(name: str, view: View, title: str, guide: str, **context: Any) -> str:
    """A page of `name` for `view`, in the view's language."""
    template = environment().get_template(name)
    return str(
        template.render(
            view=view,
            lang=view.lang,
            title=title,
            guide=guide,
            css=stylesheet(),
            colon=colon(view.lang),
            labels=view.partner_labels,
            **context,
        )
    )


def render_html(sheet: Sheet, checklist: Checklist, result: Audit, lang: str) -> str:
    view = build_view(sheet, checklist, result, lang)
    total = view.coverage.total
    percent = round(100 * view.coverage.settled / total) if total else 0
    return render_template("html-sheet.j2", view, view.title, checklist.title(lang), percent=percent)
