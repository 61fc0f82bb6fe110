"""A sheet as Markdown for people, carrying the whole sheet as YAML front matter.

The front matter is what `coop check` reads back; the body is for reading and
sharing. Every user text is escaped, so that `|`, `#`, `---`, backticks or HTML
typed in a meeting never break a table, a heading or the front matter.
"""

from __future__ import annotations

import re

from coopwizard.audit.findings import Audit
from coopwizard.guide.model import Checklist
from coopwizard.i18n import colon
from coopwizard.io.frontmatter import join_front_matter
from coopwizard.io.yamldump import dump_yaml
from coopwizard.render.view import Answer, View, build_view
from coopwizard.sheet.model import Sheet, to_data

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_BREAKS = re.compile(r"[ \t\r\n\f\v\u2028\u2029\x85]+")
_LINE_START = re.compile(r"^(\s*)([#+=-]|\d+[.)])")


def escape_inline(text: str) -> str:
    """Text that Markdown shows as typed, on one line (for headings and table cells)."""
    flat = _BREAKS.sub(" ", str(text)).strip(" ")  # keeps French no-break spaces
    return _escape(flat)


def escape_segment(text: str) -> str:
    """A piece of a line (its spaces kept at both ends), escaped like `escape_inline`."""
    return _escape(_BREAKS.sub(" ", str(text)))


def _escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    # A leading "#", "-", "+", "=" or "1." would make a heading, a list or a rule.
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def escape_block(text: str) -> str:
    """Multi-line text as a paragraph whose line breaks are kept."""
    lines = [_escape(line.strip()) for line in str(text).split("\n")]
    return "  \n".join(line for line in lines if line)


def render_markdown(sheet: Sheet, checklist: Checklist, result: Audit, lang: str) -> str:
    return join_front_matter(dump_yaml(to_data(sheet, checklist)), markdown_body(sheet, checklist, result, lang))


def markdown_body(sheet: Sheet, checklist: Checklist, result: Audit, lang: str) -> str:
    """The part for people, below the front matter: the same view as every other document."""
    return body_of_view(build_view(sheet, checklist, result, lang))


def body_of_view(view: View) -> str:
    return _Body(view).render()


def _e(text: str) -> str:
    return escape_inline(text)


class _Body:
    def __init__(self, view: View) -> None:
        self.v = view
        self.out: list[str] = []
        self.sep = colon(view.lang)

    def add(self, *lines: str) -> None:
        self.out.extend(lines)

    def render(self) -> str:
        self.project()
        self.partners()
        self.level()
        self.progress()
        self.budget()
        self.topics()
        self.findings()
        return "\n".join(self.out).rstrip("\n") + "\n"

    def project(self) -> None:
        v = self.v
        self.add(f"# {_e(v.title)}", "")
        if v.summary:
            self.add(escape_block(v.summary), "")
        for fact in v.facts:
            self.add(f"- **{_e(fact.label)}**{self.sep}{_e(fact.text)}")
        if v.created_text:
            self.add(f"- **{_e(v.t('created'))}**{self.sep}{_e(v.created_text)}")
        self.add("")

    def table(self, head: list[str], rows: list[list[str]]) -> None:
        self.add("| " + " | ".join(_e(h) for h in head) + " |", "|" + "---|" * len(head))
        self.add(*["| " + " | ".join(cell for cell in row) + " |" for row in rows])
        self.add("")

    def partners(self) -> None:
        v = self.v
        labels = v.partner_labels
        self.add(f"## {_e(v.t('partners'))}", "")
        if not v.partners:
            self.add(_e(v.t("no_partner")), "")
            return
        self.table(
            [labels["name"], labels["representative"], labels["contact"], labels["mission"]],
            [[_e(p.name), _e(p.representative), _e(p.contact), _e(p.mission)] for p in v.partners],
        )
        if any(p.material or p.money or p.people for p in v.partners):
            self.add(f"### {_e(v.t('who_brings'))}", "")
            self.table(
                [labels["name"], labels["brings_material"], labels["brings_money"], labels["brings_people"]],
                [
                    [
                        _e(p.name),
                        "<br>".join(_e(m) for m in p.material),
                        _e(p.money),
                        "<br>".join(_e(m) for m in p.people),
                    ]
                    for p in v.partners
                ],
            )

    def level(self) -> None:
        v = self.v
        level = v.level
        self.add(f"## {_e(v.t('level'))}", "")
        ladder = " → ".join(f"**{_e(s.name)}** ✓" if s.reached else _e(s.name) for s in level.steps)
        self.add(f"{_e(v.t('ladder'))}{self.sep}{ladder}", "")
        self.add(f"**{_e(level.summary)}**", "")
        if level.applies_to:
            self.add(escape_block(level.applies_to[:1].upper() + level.applies_to[1:]) + ".", "")
        if level.declared:
            line = f"{_e(v.t('declared'))}{self.sep}{_e(level.declared)}"
            if level.declared_differs:
                line += f" {_e(v.t('declared_differs', level=level.claimed or '—'))}"
            self.add(line, "")
        for answer in level.answers:
            self.add(f"- {_e(answer.label)}{self.sep}{_e(answer.text)}")
        if level.answers:
            self.add("")
        if level.next_name and level.to_next:
            self.add(f"{_e(v.t('to_next', level=level.next_name))}{self.sep.rstrip()}", "")
            self.add(*[f"- {_e(step)}" for step in level.to_next])
            self.add("")
        for note in level.notes:
            self.add(f"> {_e(note)}", ">")
        if level.notes:
            self.out.pop()
            self.add("")

    def progress(self) -> None:
        v = self.v
        coverage = v.coverage
        self.add(f"## {_e(v.t('progress'))}", "", f"{_e(coverage.text)}.", "")
        if coverage.to_complete:
            self.add(f"- {_e(v.t('to_complete'))}{self.sep}{_e(', '.join(coverage.to_complete))}")
        if coverage.missing:
            self.add(f"- {_e(v.t('not_started'))}{self.sep}{_e(', '.join(coverage.missing))}")
        if coverage.to_complete or coverage.missing:
            self.add("")

    def budget(self) -> None:
        v = self.v
        budget = v.budget
        if budget.empty:
            return
        self.add(f"## {_e(v.t('budget'))}", "")
        rows: list[list[str]] = []
        for title, lines in ((v.t("contributions"), budget.contributions), (v.t("existing"), budget.existing)):
            rows.extend([_e(f"{title} — {line.label}"), _e(line.amount_text), _e(line.note)] for line in lines)
        rows.append([f"**{_e(v.t('total_existing'))}**", f"**{_e(budget.total_existing)}**", ""])
        rows.extend(
            [_e(f"{v.t('needed')} — {line.label}"), _e(line.amount_text), _e(line.note)] for line in budget.needed
        )
        rows.append([f"**{_e(v.t('total_needed'))}**", f"**{_e(budget.total_needed)}**", ""])
        rows.append([f"**{_e(v.t('gap'))}**", f"**{_e(budget.gap_text)}**", ""])
        self.table([v.t("budget_line"), v.t("amount"), v.t("source")], rows)
        if budget.unsourced:
            self.add(_e(v.t("unsourced", items=", ".join(budget.unsourced))), "")

    def topics(self) -> None:
        v = self.v
        self.add(f"## {_e(v.t('topics'))}", "")
        for section in v.sections:
            self.add(f"### {section.number}. {_e(section.title)} — {_e(section.status_label)}", "")
            self.add(f"*{_e(section.guide)}*", "")
            for answer in section.answers:
                self.add(f"**{_e(answer.label)}**", "")
                self.add(self.block(answer), "")
            if section.notes:
                self.add(f"**{_e(v.t('notes'))}**", "", escape_block(section.notes), "")

    def block(self, answer: Answer) -> str:
        if answer.shape == "text":
            return escape_block(answer.text)
        if answer.shape == "items":
            return "\n".join(f"- {_e(item)}" for item in answer.items)
        if answer.shape in ("records", "per_partner"):
            head = "| " + " | ".join(_e(c) for c in answer.columns) + " |"
            rows = ["| " + " | ".join(_e(c) for c in row) + " |" for row in answer.rows]
            return "\n".join([head, "|" + "---|" * len(answer.columns), *rows])
        return _e(answer.text)

    def findings(self) -> None:
        v = self.v
        self.add(f"## {_e(v.t('findings'))}", "")
        if not v.findings:
            self.add(_e(v.t("clean")))
            return
        for group in v.findings:
            self.add(f"### {_e(group.title)}", "")
            for item in group.items:
                self.add(f"- {_e(item.text)}")
                self.add(*[f"  - {_e(because)}" for because in item.because])
                self.add(*[f"  - *{_e(v.t('advice'))}*{self.sep}{_e(advice)}" for advice in item.advice])
            self.add("")
