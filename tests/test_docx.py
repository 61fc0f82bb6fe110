"""The Word sheet, read back by python-docx: real headings, the tables a town hall expects, hostile text as text."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import docx

from coopwizard.audit.engine import audit
from coopwizard.guide.model import Checklist
from coopwizard.render.docx import render_docx
from tests.conftest import EXAMPLE
from tests.documents import LONG_WORD, RTL, SCRIPT, hostile_sheet
from tests.golden import HALF, audited
from tests.helpers import coop


def _read(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def _tables(document: Any) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def test_headings_styles_and_tables(checklist: Checklist) -> None:
    sheet, result = audited(EXAMPLE, checklist)
    document = _read(render_docx(sheet, checklist, result, "fr"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Associations partenaires" in headings and "Budget" in headings and "Échéancier" in headings
    assert "1. Raison et objectifs — réglé" in headings
    assert document.paragraphs[0].style.name == "Title" and document.core_properties.language == "fr-FR"
    tables = _tables(document)
    partners = next(t for t in tables if t[0][0] == "Association" and t[0][1] == "Représentant")
    assert [row[0] for row in partners[1:]] == [
        "Les Potagers des Linandes",
        "Club Ados Linandes",
        "Cuisine du Monde Cergy",
    ]
    budget = next(t for t in tables if t[0][0] == "Poste")
    assert ["Total des ressources existantes", "1\u202f600\u00a0€", ""] in budget
    milestones = next(t for t in tables if t[0] == ["Date", "Étape"])
    assert milestones[1] == ["13 octobre 2026", "Signature de la charte et premier comité"]
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_a_half_filled_sheet_in_english(checklist: Checklist) -> None:
    sheet, result = audited(HALF, checklist)
    document = _read(render_docx(sheet, checklist, result, "en"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Not yet discussed" in text and "Formal rapprochement considered: A merger" in text
    assert "Points to discuss" in text and "hasty_decisions" not in text


def test_hostile_text_is_kept_as_text(checklist: Checklist) -> None:
    sheet = hostile_sheet()
    document = _read(render_docx(sheet, checklist, audit(sheet, checklist, [], dt.date(2026, 10, 1)), "fr"))
    text = "\n".join(p.text for p in document.paragraphs) + str(_tables(document))
    assert SCRIPT in text and LONG_WORD in text and RTL in text and "🌱" in text
    assert "\x1b" not in text


def test_coop_render_writes_word_from_the_extension(tmp_path: Path) -> None:
    target = tmp_path / "fiche.docx"
    run = coop("render", str(EXAMPLE), "-o", str(target))
    assert run.code == 0, run.err
    assert target.read_bytes()[:2] == b"PK"
    assert _read(target.read_bytes()).paragraphs[0].text == "Jardins et fêtes des Linandes"
