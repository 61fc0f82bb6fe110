"""The Markdown sheet: golden output, hostile text that cannot break it, and a faithful round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopwizard.audit.engine import audit
from coopwizard.audit.service import load_sheet
from coopwizard.guide.model import Checklist
from coopwizard.io.textio import SourceText
from coopwizard.render.markdown import escape_inline, render_markdown
from coopwizard.sheet.model import Sheet, TopicEntry, to_data
from tests.conftest import EXAMPLE
from tests.golden import GOLDEN, HALF, golden_markdown
from tests.helpers import coop, french

TODAY = dt.date(2026, 10, 1)


def _markdown_of(path: Path, lang: str, checklist: Checklist) -> str:
    return golden_markdown(path, lang, checklist)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_golden_markdown(lang: str, checklist: Checklist) -> None:
    """Compared, never rewritten here: `python -m tests.golden` regenerates the files, for a person to review."""
    golden = GOLDEN / f"linandes.{lang}.md"
    assert _markdown_of(EXAMPLE, lang, checklist) == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_golden_markdown_of_a_half_filled_sheet(lang: str, checklist: Checklist) -> None:
    assert _markdown_of(HALF, lang, checklist) == (GOLDEN / f"half.{lang}.md").read_text(encoding="utf-8")


def test_the_markdown_sheet_reads_back_as_the_same_sheet(checklist: Checklist, tmp_path: Path) -> None:
    path = tmp_path / "sheet.md"
    path.write_text(_markdown_of(EXAMPLE, "fr", checklist), encoding="utf-8")
    again = load_sheet(SourceText(path.name, path.read_text(encoding="utf-8")), checklist)
    original = load_sheet(SourceText("x.yaml", EXAMPLE.read_text(encoding="utf-8")), checklist)
    assert to_data(again.sheet, checklist) == to_data(original.sheet, checklist)
    assert coop("check", str(path)).code == 0


HOSTILE = "a | b\n# not a heading\n---\n`code` <script>alert(1)</script> **bold** [link](x) & 1. item\n..."


def test_hostile_user_text_stays_text(checklist: Checklist) -> None:
    sheet = Sheet(
        project={"title": "# Titre | avec --- `tout`", "summary": HOSTILE},
        partners=[{"name": "A | B", "representative": "<b>moi</b>"}],
        topics={"purpose": TopicEntry({"reason": HOSTILE, "objectives": ["| x |", "---"]})},
    )
    markdown = render_markdown(sheet, checklist, audit(sheet, checklist, [], TODAY), "en")
    body = markdown.split("\n---\n", 1)[1]
    assert "<script>" not in body and "<b>" not in body
    assert "\n---\n" not in body and "\n# not" not in body
    table_rows = [line for line in body.splitlines() if line.startswith("| A \\|")]
    assert table_rows and table_rows[0].count(" | ") == 3  # association, representative, contact, mission
    loaded = load_sheet(SourceText("s.md", markdown), checklist)
    assert loaded.sheet.project["summary"] == HOSTILE.strip()
    assert loaded.sheet.topics["purpose"].answers["reason"] == HOSTILE.strip()


def test_escape_inline_keeps_a_table_cell_whole() -> None:
    assert escape_inline("a | b") == "a \\| b"
    assert escape_inline("# t") == "\\# t"
    assert escape_inline("line\nbreak") == "line break"


texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(
    lambda s: s.strip() == s and s != ""
)


# Any text an answer can hold: control characters are refused on input, other line breaks made "\n".
answer_texts = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), whitelist_characters="\n\t"), max_size=200
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(title=texts, summary=answer_texts, reason=texts, objectives=st.lists(texts, max_size=4))
def test_any_text_survives_the_markdown_round_trip(
    title: str, summary: str, reason: str, objectives: list[str], checklist: Checklist
) -> None:
    """The front matter carries the data back; what people read is checked in test_markdown_reading.py."""
    sheet = Sheet(
        project={"title": title, "summary": summary.strip() or None},
        topics={"purpose": TopicEntry({"reason": reason, "objectives": objectives or None})},
    )
    sheet.project = {k: v for k, v in sheet.project.items() if v is not None}
    sheet.topics["purpose"].answers = {k: v for k, v in sheet.topics["purpose"].answers.items() if v is not None}
    markdown = render_markdown(sheet, checklist, audit(sheet, checklist, [], TODAY), "fr")
    loaded = load_sheet(SourceText("s.md", markdown), checklist)
    assert to_data(loaded.sheet, checklist) == to_data(sheet, checklist)


def test_the_body_speaks_to_people(checklist: Checklist) -> None:
    """Issue 10: labels not prompts, dates in words, no rule codes or bars, the rapprochement, the scale, a budget."""
    body = _markdown_of(EXAMPLE, "fr", checklist).split("\n---\n", 1)[1]
    assert "(un par ligne)" not in body and "(pour de l'argent)" not in body
    assert "2026-10-13" not in body and "13 octobre 2026" in body and "14 septembre 2026" in body
    assert "█" not in body and "`" not in body
    assert french("Rapprochement formel envisagé : Un groupement « ad hoc »") in body  # a label of the guide
    assert "**Échelle**\u00a0: territoriale, thématique" in body and "Niveau de coopération" not in body
    assert "| **Total des ressources existantes** | **1\u202f600\u00a0€** |" in body
    english = _markdown_of(EXAMPLE, "en", checklist)
    assert "13 October 2026" in english and "**Scale**: territorial, thematic" in english


def test_findings_say_no_rule_code(checklist: Checklist) -> None:
    sheet = Sheet(project={"title": "T"}, partners=[{"name": "A"}], topics={"purpose": TopicEntry({"reason": "x"})})
    body = render_markdown(sheet, checklist, audit(sheet, checklist, [], TODAY), "fr").split("\n---\n", 1)[1]
    assert "## Points à discuter" in body
    for pitfall in checklist.pitfalls:
        assert pitfall.id not in body


def test_every_question_has_a_short_label_without_instructions(checklist: Checklist) -> None:
    questions = [*checklist.classification, *checklist.project, *checklist.partner]
    questions += [q for topic in checklist.topics for q in topic.questions]
    assert all(q.label is not None for q in questions), [q.id for q in questions if q.label is None]
    everything = questions + [f for q in questions for f in q.fields]
    for lang in ("fr", "en"):
        shorts = [q.short(lang) for q in everything]
        assert not [s for s in shorts if "(" in s or "?" in s or len(s) > 40], shorts


def test_the_budget_counts_each_sum_once(checklist: Checklist) -> None:
    from coopwizard.render.view import build_view

    sheet = Sheet(
        project={"title": "T"},
        partners=[{"name": "Les Potagers", "brings_money": 800}, {"name": "Club", "brings_money": 300}],
        topics={
            "material_resources": TopicEntry(
                {
                    "existing": [
                        {
                            "item": "Apport des Potagers",
                            "amount": 800,
                            "provided_by": "les  potagers",
                        },  # the same money
                        {"item": "Subvention", "amount": 500, "provided_by": "Ville de Cergy"},
                    ],
                    "needed": [{"item": "Cuve", "amount": 2000, "source": "Budget participatif"}, {"item": "Graines"}],
                }
            )
        },
    )
    budget = build_view(sheet, checklist, audit(sheet, checklist, [], TODAY), "fr").budget
    assert sum(line.amount for line in (*budget.contributions, *budget.existing)) == 1600
    assert budget.total_existing == "1\u202f600\u00a0€" and budget.total_needed == "2\u202f000\u00a0€"
    assert budget.gap == 400 and budget.gap_text == "400\u00a0€"
