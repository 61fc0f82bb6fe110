"""The HTML pages (render/html.py), beyond the golden sheets: what every printed value goes through, and the
progress bar's width.

Written from the mutation run of render/html.py (docs/testing.md). Pages are read back with the standard
library's HTML parser, never compared with text the renderer could also have produced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from markupsafe import Markup

from coopwizard.audit.engine import audit
from coopwizard.guide.model import Checklist
from coopwizard.render.html import _clean, render_html
from coopwizard.sheet.model import Sheet
from coopwizard.sheet.parse import parse_sheet
from tests.sheets import example

TODAY = dt.date(2026, 10, 1)


@pytest.fixture(autouse=True)
def empty_render_caches() -> Iterator[None]:
    """mutmut forks each mutant from a process that ran the tests once (docs/testing.md): no cached
    answer of the clean code may stand in for the code under test."""
    from coopwizard.render import convention, html

    caches = (convention.clauses, html.environment, html.stylesheet)
    for cached in caches:
        cached.cache_clear()
    yield
    for cached in caches:
        cached.cache_clear()


class _Page(HTMLParser):
    """The text of each element with a class, and each element's attributes, as the standard parser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str]] = []
        self.texts: dict[str, list[str]] = {}
        self.attributes: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes.append((tag, dict(attrs)))
        if tag not in ("meta", "br", "img", "link", "input"):
            self.open.append((tag, dict(attrs).get("class") or ""))
            self.texts.setdefault(self.open[-1][1], []).append("")

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for _tag, cls in self.open:
            if cls:
                self.texts[cls][-1] += data


def page_of(data: dict[str, Any] | Sheet, checklist: Checklist, lang: str = "fr") -> _Page:
    if isinstance(data, Sheet):
        sheet, issues = data, []
    else:
        sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
        assert not issues
    page = _Page()
    page.feed(render_html(sheet, checklist, audit(sheet, checklist, issues, TODAY), lang))
    page.close()
    return page


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        ("a\x1b[31mb\x07c", "a[31mbc"),
        ("\x00\x08\x0b\x0c\x0e\x1f\x7f\x80\x9f", ""),
        ("tab\tand\nline\rend", "tab\tand\nline\rend"),  # the white space HTML keeps is not a control here
        ("é — « ok » \u00a0\u202f🌱", "é — « ok » \u00a0\u202f🌱"),
    ],
)
def test_every_printed_text_loses_its_control_characters_and_nothing_else(value: str, printed: str) -> None:
    assert _clean(value) == printed


def test_markup_and_other_values_are_printed_as_they_are() -> None:
    safe = Markup("<b>\x07</b>")
    assert _clean(safe) is safe
    assert _clean(3) == 3 and _clean(None) is None


def test_a_summary_with_a_terminal_s_escapes_is_shown_without_them(checklist: Checklist) -> None:
    """Parsing a sheet refuses control characters; a sheet built otherwise (the wizard, the API) still has
    them dropped on the page."""
    sheet = Sheet(project={"title": "T", "summary": "Un jardin \x1b[1mpartagé\x1b[0m pour tous\x07"})
    assert page_of(sheet, checklist).texts["lead text"] == ["Un jardin [1mpartagé[0m pour tous"]


@pytest.mark.parametrize(
    ("settled", "width"), [(12, "width: 100%"), (0, "width: 0%"), (1, "width: 8%"), (5, "width: 42%")]
)
def test_the_progress_bar_is_the_share_of_settled_topics(settled: int, width: str, checklist: Checklist) -> None:
    data = example()
    topics = data["topics"]
    assert len(topics) == len(checklist.topics) == 12
    for index, entry in enumerate(topics.values()):
        if index >= settled:
            entry["status"] = "to_complete"
    page = page_of(data, checklist)
    bars = [attrs for tag, attrs in page.attributes if tag == "span" and "width" in (attrs.get("style") or "")]
    assert [bar["style"] for bar in bars] == [width]
