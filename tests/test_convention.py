"""The draft agreement: its kind follows the level, every article is there, gaps are marked and listed."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import html5lib
import pytest

from coopwizard.audit.engine import audit
from coopwizard.guide.model import Checklist
from coopwizard.render.convention import agreement_docx, agreement_html, agreement_markdown, build_agreement, clauses
from coopwizard.sheet.model import Sheet
from tests.conftest import EXAMPLE
from tests.documents import hostile_sheet
from tests.golden import HALF, audited
from tests.helpers import coop

ARTICLES_FR = [
    "Objet",
    "Durée et échéancier",
    "Engagements des parties",
    "Apports et mise à disposition",
    "Dispositions financières",
    "Gouvernance",
    "Communication",
    "Assurances et responsabilités",
    "Propriété intellectuelle et données personnelles",
    "Évaluation",
    "Renouvellement",
    "Sortie d'un partenaire et résiliation",
    "Règlement des litiges",
]


def test_a_cooperation_gets_a_convention_de_cooperation_with_its_steering_committee(checklist: Checklist) -> None:
    sheet, result = audited(EXAMPLE, checklist)
    agreement = build_agreement(sheet, checklist, result, "fr")
    assert agreement.kind == "Convention de coopération"
    assert [a.title for a in agreement.articles] == ARTICLES_FR
    assert [a.number for a in agreement.articles] == list(range(1, 14))
    text = agreement_markdown(agreement)
    assert "comité de pilotage" in text
    assert "Les Potagers des Linandes\u00a0: Le jardin, les outils" in text  # the missions, as commitments
    assert "jusqu'au 25 septembre 2027" in text
    assert "n'est pas un avis juridique" in text
    assert "Annexe — Inventaire des biens mis à disposition" in text and "| parcelle de 400 m² |" in text
    assert len(agreement.signatures) == 3 and "en 3 exemplaires" in text
    assert "à l'amiable" in text or "solution amiable" in text


@pytest.mark.parametrize(
    ("answers", "kind"),
    [
        ({"shares_resources": True}, "Convention de mise à disposition"),
        ({"shares_work": True}, "Convention de partenariat"),
        ({}, "Convention de partenariat"),
    ],
)
def test_the_kind_follows_the_level(answers: dict[str, bool], kind: str, checklist: Checklist) -> None:
    sheet = Sheet(project={"title": "T"}, partners=[{"name": "A"}, {"name": "B"}], classification=answers)
    agreement = build_agreement(sheet, checklist, audit(sheet, checklist, [], dt.date(2026, 10, 1)), "fr")
    assert agreement.kind == kind
    assert "comité de pilotage" not in agreement_markdown(agreement)


def test_what_the_sheet_cannot_fill_is_marked_and_listed(checklist: Checklist) -> None:
    sheet, result = audited(HALF, checklist)
    agreement = build_agreement(sheet, checklist, result, "en")
    text = agreement_markdown(agreement)
    assert agreement.kind == "Partnership agreement"
    assert "**\\[to complete: the association's purpose as stated in its articles\\]**" in text
    wheres = {t.where for t in agreement.todos}
    assert "Article 6 — Governance" in wheres and "Preamble" in wheres
    assert all(t.what for t in agreement.todos)
    assert "not legal advice" in text


def test_the_clauses_are_data_in_both_languages() -> None:
    data = clauses()
    texts = [p["text"] for a in [data["preamble"], *data["articles"]] for p in a["paragraphs"]]
    assert texts and all(set(t) == {"fr", "en"} for t in texts)
    assert set(data["kinds"]) == {"none", "mutualisation", "collaboration", "cooperation"}


def test_word_and_html_read_back(checklist: Checklist) -> None:
    sheet, result = audited(EXAMPLE, checklist)
    agreement = build_agreement(sheet, checklist, result, "fr")
    document = docx.Document(io.BytesIO(agreement_docx(agreement)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Article 6 — Gouvernance" in headings and "Préambule" in headings
    highlighted = [r.text for p in document.paragraphs for r in p.runs if r.font.highlight_color is not None]
    assert any("à compléter" in text for text in highlighted)
    page = agreement_html(agreement)
    html5lib.HTMLParser(strict=True).parse(page)
    assert '<html lang="fr">' in page and '<mark class="todo">' in page


def test_hostile_text_stays_text(checklist: Checklist) -> None:
    sheet = hostile_sheet()
    agreement = build_agreement(sheet, checklist, audit(sheet, checklist, [], dt.date(2026, 10, 1)), "fr")
    page = agreement_html(agreement)
    assert "<script>" not in page and "&lt;script&gt;" in page and "\x1b" not in page
    assert "<script>" not in agreement_markdown(agreement)
    assert docx.Document(io.BytesIO(agreement_docx(agreement))).paragraphs


def test_coop_convention_lists_the_gaps_on_stderr(tmp_path: Path) -> None:
    target = tmp_path / "convention.docx"
    run = coop("convention", str(HALF), "-o", str(target))
    assert run.code == 0, run.err
    assert target.read_bytes()[:2] == b"PK"
    assert "À compléter dans le projet de convention" in run.err  # in the sheet's language
    assert "Article 6 — Gouvernance" in run.err
    markdown = coop("convention", str(EXAMPLE), "--lang", "en")
    assert markdown.out.startswith("# Cooperation agreement") and "Article 13 — Settling disputes" in markdown.out
