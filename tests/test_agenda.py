"""The next meeting's agenda: topics left open in the guide's order, points to discuss, coming milestones."""

from __future__ import annotations

import datetime as dt

import html5lib

from coopwizard.guide.model import Checklist
from coopwizard.render.agenda import build_agenda, render_agenda_html
from tests.conftest import EXAMPLE
from tests.golden import GOLDEN, HALF, audited, golden_agenda
from tests.helpers import coop, french

TODAY = dt.date(2026, 10, 1)


def test_golden_agenda(checklist: Checklist) -> None:
    for lang in ("fr", "en"):
        assert golden_agenda(HALF, lang, checklist) == (GOLDEN / f"half.agenda.{lang}.md").read_text(encoding="utf-8")


def test_open_topics_in_the_guides_order_then_pitfalls_then_milestones(checklist: Checklist) -> None:
    sheet, result = audited(HALF, checklist)
    agenda = build_agenda(sheet, checklist, result, "fr", dt.date(2026, 12, 10))
    order = [t.id for t in checklist.topics]
    ids = [s.id for s in agenda.topics]
    assert ids == sorted(ids, key=order.index) and "purpose" not in ids and "values" in ids
    governance = next(s for s in agenda.topics if s.id == "governance")
    assert french("Qui prend les décisions ?") in [q.prompt for q in governance.open_questions]
    assert {g.kind for g in agenda.discuss} == {"inconsistency", "pitfall"}
    assert [m.label for m in agenda.coming] == ["Bilan du premier trimestre avec la mairie"]  # the past is past
    text = golden_agenda(HALF, "fr", checklist)
    assert text.index("## Sujets à régler") < text.index("## Points à discuter") < text.index("## Prochaines étapes")


def test_a_settled_sheet_has_little_left(checklist: Checklist) -> None:
    sheet, result = audited(EXAMPLE, checklist)
    agenda = build_agenda(sheet, checklist, result, "en", TODAY)
    assert agenda.topics == () and agenda.discuss == () and len(agenda.coming) == 4
    page = render_agenda_html(sheet, checklist, result, "en", TODAY)
    html5lib.HTMLParser(strict=True).parse(page)
    assert '<html lang="en">' in page and "Every topic of the checklist is settled." in page


def test_coop_agenda_writes_html_from_the_extension(tmp_path: object) -> None:
    run = coop("agenda", str(HALF), "--lang", "en")
    assert run.code == 0 and run.out.startswith("# Agenda — Repair café")
    assert "<!DOCTYPE html>" in coop("agenda", str(HALF), "-f", "html").out


def test_hostile_text_stays_text_in_the_agenda(checklist: Checklist) -> None:
    from coopwizard.audit.engine import audit
    from coopwizard.render.agenda import render_agenda_markdown
    from tests.documents import hostile_sheet

    sheet = hostile_sheet()
    result = audit(sheet, checklist, [], TODAY)
    markdown = render_agenda_markdown(sheet, checklist, result, "fr", TODAY)
    assert "<script>" not in markdown and "\n# " not in markdown.split("\n", 1)[1]
    page = render_agenda_html(sheet, checklist, result, "fr", TODAY)
    assert "<script>" not in page and "&lt;script&gt;" in page and "\x1b" not in page
    html5lib.HTMLParser(strict=True).parse(page)
