"""A draft agreement between the partners, from the sheet: numbered articles whose texts are data.

The clauses live in `checklists/documents/convention.yaml`, in French and English.
This module fills their `{placeholders}` from the sheet's view; what the sheet
cannot give is marked « à compléter » with neutral guidance, and listed
(`Agreement.todos`) for the command to say on stderr. The kind of agreement
follows the guide's level: pooling gives a « convention de mise à disposition »,
collaboration a « convention de partenariat », cooperation a « convention de
coopération » with its steering committee. The result is rendered as Markdown,
HTML or Word by the functions at the end.
"""

from __future__ import annotations

import functools
import string
from dataclasses import field
from pathlib import Path
from typing import Any

from coopwizard.audit.findings import Audit
from coopwizard.core.records import slim_dataclass
from coopwizard.guide.model import Checklist
from coopwizard.i18n.typography import colon, typeset
from coopwizard.render.view import View, build_view
from coopwizard.sheet.model import Sheet

_FORMATTER = string.Formatter()
# Pieces of a sentence that the sheet may leave out: empty, they are written as nothing, not as a gap.
_MAY_BE_EMPTY = frozenset({"territory_clause"})


def clauses_path() -> Path:
    """The clauses shipped with the package (or beside the sources, in a checkout)."""
    shipped = Path(__file__).parents[1] / "checklists" / "documents" / "convention.yaml"
    if shipped.is_file():
        return shipped
    return Path(__file__).resolve().parents[3] / "checklists" / "documents" / "convention.yaml"


@functools.cache
def clauses() -> dict[str, Any]:
    from coopwizard.io.pyyaml import yaml

    data: dict[str, Any] = yaml.safe_load(clauses_path().read_text(encoding="utf-8"))
    return data


@slim_dataclass
class Segment:
    """A piece of a paragraph: text from the sheet, or a gap to fill in with its guidance."""

    text: str
    todo: bool = False  # a gap to fill in: `text` is the guidance


@slim_dataclass
class Paragraph:
    """One paragraph of the draft agreement, as segments."""

    segments: tuple[Segment, ...]
    item: bool = False  # one of a list (a partner, a milestone…)

    @property
    def plain(self) -> str:
        return "".join(s.text for s in self.segments)


@slim_dataclass
class Article:
    """One numbered article of the draft agreement."""

    number: int | None
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def heading(self) -> str:
        if self.number is None:
            return self.title
        return f"Article {self.number} — {self.title}"  # the same word in both languages


@slim_dataclass
class Todo:
    """A gap of the draft agreement, listed at its end: where it is, and what to write there."""

    where: str  # the article's heading
    what: str  # the guidance


@slim_dataclass
class Agreement:
    """The draft partnership agreement, in articles, before it is written as Markdown, HTML or Word."""

    lang: str
    kind: str
    project: str
    notice: str
    todo_word: str
    between: str
    parties: list[Paragraph]
    parties_end: str
    agreed: str
    preamble: Article
    articles: list[Article]
    signature_title: str
    place_date: Paragraph
    signatures: list[Paragraph]
    annex: Article | None
    annex_columns: list[str]
    annex_rows: list[list[str]]
    todos: list[Todo]


def build_agreement(sheet: Sheet, checklist: Checklist, result: Audit, lang: str) -> Agreement:
    return _Builder(build_view(sheet, checklist, result, lang), result, lang).agreement()


class _Builder:
    def __init__(self, view: View, result: Audit, lang: str) -> None:
        self.view, self.lang, self.data = view, lang, clauses()
        level = result.classification.level
        self.level_id = level.id if level else "none"
        self.context = self._context(view)
        self.todos: list[Todo] = []
        self.where = ""

    def t(self, localized: Any) -> str:
        # The agreement's own clauses (checklists/documents/convention.yaml), spaced as French wants.
        return typeset(str(localized[self.lang]), self.lang)

    # -- what the sheet gives -------------------------------------------------------
    def _context(self, view: View) -> dict[str, Any]:
        lang = view.lang
        answers = view.answers
        level = view.level

        def text(section: str, question: str) -> str | None:
            answer = view.answer(section, question)
            return answer.text if answer else None

        rapprochement = level.rapprochement if level.rapprochement_considered else None
        values = _joined(text("values", "shared"), text("values", "other"))
        territory = view.answers.get("project.territory")
        pricing = _joined(text("pricing", "model"), text("pricing", "details"))
        surplus = _joined(text("surplus", "distribution"), text("surplus", "details"))
        budget = view.budget
        last = next((m for m in reversed(view.milestones) if m.date), None)
        context: dict[str, Any] = {
            "project": view.title,
            "territory_clause": (f" ({territory})" if territory else ""),
            "reason": _sentence(answers.get("purpose.reason")),
            "method": _sentence(answers.get("purpose.method")),
            "values": values,
            "main_objective": _joined(answers.get("purpose.main_objective")),
            "level": level.supported,
            "level_applies_to": level.applies_to,
            "rapprochement": _lower_first(rapprochement) if rapprochement else ("aucun" if lang == "fr" else "none"),
            "end_date": last.date_text if last else None,
            "municipal_staff": _joined(answers.get("human_resources.municipal_staff")),
            "total_existing": None if budget.empty else budget.total_existing,
            "total_needed": None if budget.empty else budget.total_needed,
            "gap": None if budget.empty else budget.gap_text,
            "pricing": pricing,
            "surplus": surplus,
            "decision_makers": _joined(answers.get("governance.decision_makers")),
            "decision_rule": text("governance", "decision_rule")
            if answers.get("governance.decision_rule") not in (None, "undecided")
            else None,
            "meetings": _joined(answers.get("governance.meetings")),
            "internal": _sentence(answers.get("communication.internal")),
            "external": _sentence(answers.get("communication.external")),
            "channels": text("communication", "channels"),
            "renewal": text("outlook", "renewal"),
            "copies": str(len(view.partners)) if view.partners else None,
        }
        none = "aucun" if lang == "fr" else "none"
        context["partners"] = [
            {
                "name": p.name,
                "representative": p.representative or None,
                "contact": p.contact or None,
                "mission": p.mission or None,
                "material": ", ".join(p.material) or None,
                "money": p.money or (none if p.material or p.people else None),
                "people": ", ".join(p.people) or None,
            }
            for p in view.partners
        ]
        context["objectives"] = [{"item": o} for o in answers.get("purpose.objectives") or []]
        context["next_actions"] = [{"item": o} for o in answers.get("outlook.next_actions") or []]
        context["milestones"] = [{"date": m.date_text or None, "label": m.label or None} for m in view.milestones]
        criteria = view.answer("success_criteria", "criteria")
        context["criteria"] = [
            {"criterion": row[0] or None, "measure": (row[1] if len(row) > 1 else "") or None}
            for row in (criteria.rows if criteria else ())
        ]
        lent = [(item, p.name) for p in view.partners for item in p.material]
        context["lent"] = lent
        return context

    def holds(self, when: list[str]) -> bool:
        flags = {self.level_id}
        if self.context["lent"]:
            flags.add("lends")
        return any(token in flags for token in when)

    # -- filling clauses ------------------------------------------------------------
    def fill(self, template: str, values: dict[str, Any], optional: bool = False) -> Paragraph | None:
        segments: list[Segment] = []
        for literal, name, _spec, _conv in _FORMATTER.parse(template):
            if literal:
                # French spacing as if the placeholders were words: "x" stands for them on either side.
                segments.append(Segment(typeset(f"x{literal}x", self.lang)[1:-1]))
            if name is None:
                continue
            value = values.get(name)
            if value is None or (value == "" and name not in _MAY_BE_EMPTY):
                if optional:
                    return None
                guidance = self.t(self.data["todos"].get(name, {"fr": name, "en": name}))
                segments.append(Segment(f"[{self.t(self.data['todo'])}{colon(self.lang)}{guidance}]", todo=True))
                self.todos.append(Todo(self.where, guidance))
            else:
                segments.append(Segment(str(value)))
        return Paragraph(tuple(segments))

    def paragraphs(self, items: list[dict[str, Any]]) -> list[Paragraph]:
        result: list[Paragraph] = []
        for item in items:
            if "when" in item and not self.holds(item["when"]):
                continue
            template = self.t(item["text"])
            optional = bool(item.get("optional"))
            if "each" in item:
                rows: list[dict[str, Any]] = self.context.get(item["each"]) or []
                if not rows and not optional:
                    guidance = self.t(self.data["todos"][f"{item['each']}_list"])
                    todo = f"[{self.t(self.data['todo'])}{colon(self.lang)}{guidance}]"
                    result.append(Paragraph((Segment(todo, todo=True),), item=True))
                    self.todos.append(Todo(self.where, guidance))
                for row in rows:
                    values = {**self.context, **{k: v for k, v in row.items()}}
                    filled = self.fill(template, values, optional)
                    if filled is not None:
                        result.append(Paragraph(filled.segments, item=True))
                continue
            filled = self.fill(template, self.context, optional)
            if filled is not None:
                result.append(filled)
        return result

    def article(self, number: int | None, spec: dict[str, Any]) -> Article:
        article = Article(number, self.t(spec["title"]))
        self.where = article.heading
        article.paragraphs = self.paragraphs(spec["paragraphs"])
        return article

    def agreement(self) -> Agreement:
        data, view = self.data, self.view
        self.where = self.t(data["between"]).rstrip(" :\u00a0")
        parties = []
        between = self.where
        for partner in self.context["partners"] or [{"name": None}]:
            self.where = f"{between} — {partner['name']}" if partner["name"] else between
            values = {**partner, "address": None, "role": None}
            filled = self.fill(self.t(data["party"]), values)
            assert filled is not None
            parties.append(Paragraph(filled.segments, item=True))
        preamble = self.article(None, data["preamble"])
        articles = [self.article(n, spec) for n, spec in enumerate(data["articles"], start=1)]
        signature = data["signature"]
        self.where = self.t(signature["title"])
        place_date = self.fill(self.t(signature["place_date"]), {**self.context, "place": None, "signature_date": None})
        assert place_date is not None
        blocks = []
        for partner in self.context["partners"]:
            self.where = f"{self.t(signature['title'])} — {partner['name']}"
            block = self.fill(self.t(signature["block"]), {**partner, "role": None})
            assert block is not None
            blocks.append(block)
        annex = None
        rows: list[list[str]] = []
        if self.context["lent"]:
            annex = Article(
                None, self.t(data["annex"]["title"]), [Paragraph((Segment(self.t(data["annex"]["intro"])),))]
            )
            rows = [[item, name, "", ""] for item, name in self.context["lent"]]
        return Agreement(
            lang=self.lang,
            kind=self.t(data["kinds"][self.level_id]),
            project=view.title,
            notice=self.t(data["notice"]),
            todo_word=self.t(data["todo"]),
            between=self.t(data["between"]),
            parties=parties,
            parties_end=self.t(data["parties_end"]),
            agreed=self.t(data["agreed"]),
            preamble=preamble,
            articles=articles,
            signature_title=self.t(signature["title"]),
            place_date=place_date,
            signatures=blocks,
            annex=annex,
            annex_columns=[self.t(c) for c in data["annex"]["columns"]],
            annex_rows=rows,
            todos=self.todos,
        )


def _joined(*parts: str | None) -> str | None:
    """Answers one after the other, as sentences: "participation libre. Les fêtes sont gratuites" (the clause
    puts the last full stop: one answer alone also loses its own)."""
    kept = [p.strip().rstrip(".") for p in parts if p and p.strip()]
    return ". ".join(kept) or None


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _sentence(value: Any) -> str | None:
    """A typed answer as the end of a sentence: a final full stop when it has none."""
    if value is None or value == "":
        return None
    text = " ".join(str(value).split())
    return text if text.endswith((".", "!", "?", "…")) else text + "."


# -- rendering ----------------------------------------------------------------------
def agreement_markdown(agreement: Agreement) -> str:
    from coopwizard.render.markdown import escape_inline, escape_segment

    def para(paragraph: Paragraph) -> str:
        text = "".join(
            f"**{escape_segment(s.text)}**" if s.todo else escape_segment(s.text) for s in paragraph.segments
        )
        text = text.strip(" ")
        return f"- {text}" if paragraph.item else text

    def block(paragraphs: list[Paragraph]) -> list[str]:
        lines: list[str] = []
        previous_item = False
        for paragraph in paragraphs:
            if lines and not (paragraph.item and previous_item):
                lines.append("")
            lines.append(para(paragraph))
            previous_item = paragraph.item
        return lines

    a = agreement
    out = [f"# {escape_inline(a.kind)}", "", f"## {escape_inline(a.project)}", "", f"> {escape_inline(a.notice)}", ""]
    out += [escape_inline(a.between), "", *block(a.parties), "", escape_inline(a.parties_end), ""]
    out += [f"## {escape_inline(a.preamble.heading)}", "", *block(a.preamble.paragraphs), ""]
    out += [escape_inline(a.agreed), ""]
    for article in a.articles:
        out += [f"## {escape_inline(article.heading)}", "", *block(article.paragraphs), ""]
    out += [f"## {escape_inline(a.signature_title)}", "", para(a.place_date), ""]
    for signature in a.signatures:
        out += [para(signature), "", "&nbsp;", ""]
    if a.annex is not None:
        out += [f"## {escape_inline(a.annex.title)}", "", *block(a.annex.paragraphs), ""]
        out.append("| " + " | ".join(escape_inline(c) for c in a.annex_columns) + " |")
        out.append("|" + "---|" * len(a.annex_columns))
        out += ["| " + " | ".join(escape_inline(c) for c in row) + " |" for row in a.annex_rows]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def agreement_html(agreement: Agreement) -> str:
    from coopwizard.render.html import environment, stylesheet

    template = environment().get_template("html-convention.j2")
    return str(
        template.render(
            a=agreement, lang=agreement.lang, title=f"{agreement.kind} — {agreement.project}", css=stylesheet()
        )
    )


def agreement_docx(agreement: Agreement) -> bytes:
    from coopwizard.render.docx import WordWriter, clean_text

    a = agreement
    word = WordWriter(a.lang, f"{a.kind} — {a.project}")
    word.title(a.kind)
    word.heading(a.project, 1)
    word.para(a.notice, italic=True, style="Intense Quote")

    def paragraphs(items: list[Paragraph]) -> None:
        for paragraph in items:
            p = word.doc.add_paragraph(style="List Bullet" if paragraph.item else None)
            for segment in paragraph.segments:
                run = p.add_run(clean_text(segment.text))
                if segment.todo:
                    from docx.enum.text import WD_COLOR_INDEX

                    run.bold = True
                    run.font.highlight_color = WD_COLOR_INDEX.YELLOW

    word.para(a.between)
    paragraphs(a.parties)
    word.para(a.parties_end)
    word.heading(a.preamble.heading, 2)
    paragraphs(a.preamble.paragraphs)
    word.para(a.agreed)
    for article in a.articles:
        word.heading(article.heading, 2)
        paragraphs(article.paragraphs)
    word.heading(a.signature_title, 2)
    paragraphs([a.place_date])
    for signature in a.signatures:
        paragraphs([signature])
        for _ in range(3):  # room to sign
            word.para()
    if a.annex is not None:
        word.page_break()
        word.heading(a.annex.title, 2)
        paragraphs(a.annex.paragraphs)
        word.table(a.annex_columns, a.annex_rows)
    return word.to_bytes()


def agreement_document(agreement: Agreement, output_format: str) -> str | bytes:
    """The agreement as a document: Word (bytes), HTML, or Markdown (anything else)."""
    if output_format == "docx":
        return agreement_docx(agreement)
    if output_format == "html":
        return agreement_html(agreement)
    return agreement_markdown(agreement)
