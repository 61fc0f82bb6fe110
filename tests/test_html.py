"""The HTML sheet: golden text, read back by an HTML5 parser, hostile text escaped, and drawn by a real browser."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from xml.etree.ElementTree import Element

import html5lib
import pytest

from coopwizard.audit.engine import audit
from coopwizard.guide.model import Checklist
from coopwizard.render.html import render_html
from tests.conftest import EXAMPLE
from tests.documents import ESCAPE, LONG_WORD, RTL, chromium, hostile_sheet, run_chromium
from tests.golden import GOLDEN, HALF, golden_html
from tests.helpers import coop

NS = {"h": "http://www.w3.org/1999/xhtml"}
TODAY = dt.date(2026, 10, 1)


def _parse(text: str) -> Element:
    """The page's <html> element, read by an HTML5 parser that raises on any parse error."""
    root: Element = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(text)
    return root


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_golden_html(lang: str, checklist: Checklist) -> None:
    """Compared, never rewritten here: `python -m tests.golden` regenerates the files, for a person to review."""
    assert golden_html(EXAMPLE, lang, checklist) == (GOLDEN / f"linandes.{lang}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_page_is_valid_html5_self_contained_and_in_the_sheets_language(lang: str, checklist: Checklist) -> None:
    page = golden_html(EXAMPLE, lang, checklist)
    root = _parse(page)
    assert root.get("lang") == lang
    assert root.findall(".//h:script", NS) == [] and root.findall(".//h:link", NS) == []
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page), "no network"
    assert "@page" in page and "A4" in page and "@media print" in page
    ladder = root.find(".//h:ol[@class='ladder']", NS)
    assert ladder is not None and len(ladder) == 3
    timeline = root.find(".//h:ol[@class='timeline']", NS)
    assert timeline is not None and len(timeline) == 4
    assert root.find(".//h:table[@class='matrix']", NS) is not None
    assert root.find(".//h:aside", NS) is not None
    text = "".join(root.itertext())
    assert ("13 octobre 2026" if lang == "fr" else "13 October 2026") in text
    assert "hasty_decisions" not in text and "█" not in text


def test_hostile_text_stays_text(checklist: Checklist) -> None:
    sheet = hostile_sheet()
    page = render_html(sheet, checklist, audit(sheet, checklist, [], TODAY), "fr")
    root = _parse(page)
    assert root.findall(".//h:script", NS) == [] and root.findall(".//h:img", NS) == []
    text = "".join(root.itertext())
    assert "<script>alert('x')</script>" in text  # shown as typed
    assert "{{ 7*7 }}" in text and "49" not in text  # not a template
    assert ESCAPE not in page and "\x1b" not in page and "\x07" not in page and "rouge" in text
    assert LONG_WORD in text and RTL in text and "🌱🍅" in text


def test_a_half_filled_sheet_in_english(checklist: Checklist) -> None:
    page = golden_html(HALF, "en", checklist)
    root = _parse(page)
    text = "".join(root.itertext())
    assert "Not yet discussed" in text and "Still to fund" in text and "A merger" in text


def test_coop_render_writes_html_from_the_extension(tmp_path: Path) -> None:
    target = tmp_path / "fiche.html"
    run = coop("render", str(EXAMPLE), "-o", str(target))
    assert run.code == 0, run.err
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fr">' in page  # the sheet's language
    assert '<html lang="en">' in coop("render", str(EXAMPLE), "-f", "html", "--lang", "en").out


BROWSER = chromium()


@pytest.mark.skipif(BROWSER is None, reason="no Chromium on this machine (apt-get install chromium; .ci/run does)")
def test_a_real_browser_draws_and_prints_it(checklist: Checklist, tmp_path: Path) -> None:
    assert BROWSER is not None
    page = tmp_path / "fiche.html"
    page.write_text(golden_html(EXAMPLE, "fr", checklist), encoding="utf-8")
    shot, pdf = tmp_path / "fiche.png", tmp_path / "fiche.pdf"
    run_chromium(BROWSER, tmp_path / "p1", "--window-size=1000,1400", f"--screenshot={shot}", page.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    run_chromium(BROWSER, tmp_path / "p2", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert 2 <= pages <= 8, pages
    # The hostile sheet: the layout holds (nothing wider than the window), no script ran.
    sheet = hostile_sheet()
    hostile = tmp_path / "hostile.html"
    probe = "<script>document.title = 'W' + (document.documentElement.scrollWidth <= window.innerWidth)</script>"
    body = render_html(sheet, checklist, audit(sheet, checklist, [], TODAY), "fr")
    assert "<script" not in body
    hostile.write_text(body.replace("</body>", probe + "</body>"), encoding="utf-8")
    dom = run_chromium(BROWSER, tmp_path / "p3", "--window-size=800,1000", "--dump-dom", hostile.as_uri()).stdout
    assert "<title>Wtrue</title>" in dom, "a long word or right-to-left text pushed the page wider than the window"
    assert "alert('x')</script>" not in dom.replace("&lt;", "<").split("<body>")[0]


def test_pdf_is_printed_from_the_browser_and_unknown_pairs_are_refused(tmp_path: Path) -> None:
    run = coop("render", str(EXAMPLE), "-o", str(tmp_path / "fiche.pdf"))
    assert run.code == 2 and "-o sheet.html" in run.err and not (tmp_path / "fiche.pdf").exists()
    run = coop("agenda", str(EXAMPLE), "-o", str(tmp_path / "agenda.docx"))
    assert run.code == 2 and "md, html" in run.err
