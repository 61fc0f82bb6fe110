"""Documents as Word files (python-docx): real headings, styles and tables, A4, in the document's language.

python-docx is imported only here, when a Word file is asked for. `WordWriter`
is shared by the sheet and the agreement: headings, paragraphs, bullets and
tables with the built-in styles, so that Word and LibreOffice show a proper
outline and the town hall can edit the text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from coopwizard.audit.findings import Audit
from coopwizard.guide.model import Checklist
from coopwizard.i18n.typography import colon
from coopwizard.render.view import Answer, View, build_view
from coopwizard.sheet.model import Sheet

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # not allowed in XML
_WORD_LANG = {"fr": "fr-FR", "en": "en-GB"}


def clean_text(text: str) -> str:
    """Text Word can hold: control characters (not allowed in XML) dropped."""
    return _CONTROL.sub("", str(text))


class WordWriter:
    def __init__(self, lang: str, title: str) -> None:
        import docx
        from docx.shared import Mm, Pt

        self.lang = lang
        self.doc: Any = docx.Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin = section.bottom_margin = Mm(18)
        normal = self.doc.styles["Normal"]
        normal.font.name = "Liberation Sans"
        normal.font.size = Pt(10.5)
        self._set_language()
        properties = self.doc.core_properties
        properties.title = clean_text(title)
        properties.language = _WORD_LANG.get(lang, "en-GB")
        properties.author = "coopwizard"

    def _set_language(self) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        rpr = self.doc.styles["Normal"].element.get_or_add_rPr()
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), _WORD_LANG.get(self.lang, "en-GB"))
        rpr.append(lang)

    def title(self, text: str) -> None:
        self.doc.add_heading(clean_text(text), level=0)

    def heading(self, text: str, level: int = 1) -> None:
        self.doc.add_heading(clean_text(text), level=level)

    def para(self, text: str = "", *, bold: str = "", italic: bool = False, style: str | None = None) -> Any:
        paragraph = self.doc.add_paragraph(style=style)
        if bold:
            paragraph.add_run(clean_text(bold)).bold = True
        if text:
            run = paragraph.add_run(clean_text(text))
            run.italic = italic
        return paragraph

    def labelled(self, label: str, text: str) -> None:
        self.para(text, bold=f"{label}{colon(self.lang)}")

    def bullets(self, items: Sequence[str]) -> None:
        for item in items:
            self.doc.add_paragraph(clean_text(item), style="List Bullet")

    def numbered(self, items: Sequence[str]) -> None:
        for item in items:
            self.doc.add_paragraph(clean_text(item), style="List Number")

    def table(self, head: Sequence[str], rows: Sequence[Sequence[str]], bold_rows: Sequence[int] = ()) -> None:
        table = self.doc.add_table(rows=1, cols=len(head))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, head, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(clean_text(text)).bold = True
        self._repeat_header(table.rows[0])
        for index, row in enumerate(rows):
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = ""
                run = cell.paragraphs[0].add_run(clean_text(text))
                run.bold = index in bold_rows
        self.doc.add_paragraph()

    def _repeat_header(self, row: Any) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(header)

    def answer(self, answer: Answer) -> None:
        if answer.shape == "items":
            self.para(bold=answer.label)
            self.bullets(answer.items)
        elif answer.shape in ("records", "per_partner"):
            self.para(bold=answer.label)
            self.table(answer.columns, answer.rows)
        else:
            self.labelled(answer.label, answer.text)

    def page_break(self) -> None:
        self.doc.add_page_break()

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def render_docx(sheet: Sheet, checklist: Checklist, result: Audit, lang: str) -> bytes:
    view = build_view(sheet, checklist, result, lang)
    word = WordWriter(lang, view.title)
    sheet_to_word(word, view)
    word.para(view.t("footer", guide=checklist.title(lang)), italic=True)
    return word.to_bytes()


def sheet_to_word(word: WordWriter, view: View) -> None:
    word.title(view.title)
    if view.summary:
        word.para(view.summary)
    for fact in view.facts:
        word.labelled(fact.label, fact.text)
    if view.created_text:
        word.labelled(view.t("created"), view.created_text)
    labels = view.partner_labels
    word.heading(view.t("partners"))
    if view.partners:
        word.table(
            [labels["name"], labels["representative"], labels["contact"], labels["mission"]],
            [[p.name, p.representative, p.contact, p.mission] for p in view.partners],
        )
        word.heading(view.t("who_brings"), 2)
        word.table(
            [labels["name"], labels["brings_material"], labels["brings_money"], labels["brings_people"]],
            [[p.name, "\n".join(p.material), p.money, "\n".join(p.people)] for p in view.partners],
        )
    else:
        word.para(view.t("no_partner"))
    level = view.level
    word.heading(view.t("level"))
    word.table(
        [f"{i}. {s.name}" for i, s in enumerate(level.steps, start=1)],
        [
            [s.motto for s in level.steps],
            [view.t("reached") if s.reached else view.t("not_reached") for s in level.steps],
        ],
    )
    word.para(bold=level.summary)
    if level.applies_to:
        word.para(level.applies_to[:1].upper() + level.applies_to[1:] + ".")
    if level.declared:
        differs = f" {view.t('declared_differs', level=level.claimed or '—')}" if level.declared_differs else ""
        word.labelled(view.t("declared"), level.declared + differs)
    for answer in level.answers:
        word.labelled(answer.label, answer.text)
    if level.next_name and level.to_next:
        word.para(bold=f"{view.t('to_next', level=level.next_name)}{colon(view.lang)}")
        word.bullets(level.to_next)
    for note in level.notes:
        word.para(note, italic=True, style="Quote")
    word.heading(view.t("progress"))
    word.para(f"{view.coverage.text}.")
    if view.coverage.to_complete:
        word.labelled(view.t("to_complete"), ", ".join(view.coverage.to_complete))
    if view.coverage.missing:
        word.labelled(view.t("not_started"), ", ".join(view.coverage.missing))
    findings_to_word(word, view)
    word.heading(view.t("timeline"))
    if view.milestones:
        word.table([view.t("date"), view.t("milestone")], [[m.date_text, m.label] for m in view.milestones])
    else:
        word.para(view.t("no_milestone"))
    budget_to_word(word, view)
    word.heading(view.t("topics"))
    for section in view.sections:
        word.heading(f"{section.number}. {section.title} — {section.status_label}", 2)
        word.para(section.guide, italic=True)
        for answer in section.answers:
            if section.id == "timeline" and answer.id == "milestones":
                continue  # shown above as the timeline
            word.answer(answer)
        if section.notes:
            word.labelled(view.t("notes"), section.notes)


def findings_to_word(word: WordWriter, view: View) -> None:
    word.heading(view.t("findings"))
    if not view.findings:
        word.para(view.t("clean"))
    for group in view.findings:
        word.heading(group.title, 2)
        for item in group.items:
            word.para(item.text, style="List Bullet")
            for because in item.because:
                word.para(because, italic=True, style="List Bullet 2")
            for advice in item.advice:
                word.para(advice, bold=f"{view.t('advice')}{colon(view.lang)}", style="List Bullet 2")


def budget_to_word(word: WordWriter, view: View) -> None:
    budget = view.budget
    if budget.empty:
        return
    word.heading(view.t("budget"))
    rows = [[f"{view.t('contributions')} — {b.label}", b.amount_text, b.note] for b in budget.contributions]
    rows += [[f"{view.t('existing')} — {b.label}", b.amount_text, b.note] for b in budget.existing]
    rows.append([view.t("total_existing"), budget.total_existing, ""])
    rows += [[f"{view.t('needed')} — {b.label}", b.amount_text, b.note] for b in budget.needed]
    rows.append([view.t("total_needed"), budget.total_needed, ""])
    rows.append([view.t("gap"), budget.gap_text, ""])
    totals = [
        i for i, row in enumerate(rows) if row[0] in (view.t("total_existing"), view.t("total_needed"), view.t("gap"))
    ]
    word.table([view.t("budget_line"), view.t("amount"), view.t("source")], rows, bold_rows=totals)
    if budget.unsourced:
        word.para(view.t("unsourced", items=", ".join(budget.unsourced)))
