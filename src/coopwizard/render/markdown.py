"""A sheet as Markdown for people, carrying the whole sheet as YAML front matter.

The front matter is what `coop check` reads back; the body is for reading and
sharing. Every user text is escaped, so that `|`, `#`, `---`, backticks or HTML
typed in a meeting never break a table, a heading or the front matter.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from coopwizard.audit.findings import KINDS, Audit
from coopwizard.guide.levels import steps_to_next
from coopwizard.guide.model import Checklist, Question
from coopwizard.guide.types import is_answered
from coopwizard.i18n import colon, message, say
from coopwizard.io.frontmatter import join_front_matter
from coopwizard.io.yamldump import dump_yaml
from coopwizard.render.report import coverage_bar, describe_level
from coopwizard.sheet.model import Sheet, to_data, topic_status

_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")  # "#" too: a title ending in " #" would lose it
_LINE_END = re.compile(r"\r\n|\r|\n")  # Markdown ends a line at a lone CR as well
_LINE_START = re.compile(r"^(\s*)([#+=-]|\d+)([.)]?)")


def escape_inline(text: str) -> str:
    """Text that Markdown shows as typed, on one line (for headings and table cells)."""
    flat = " ".join(str(text).split())
    return _escape(flat)


def _escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    # A leading "#", "-", "+", "=" or "1." would make a heading, a list or a rule.
    # A backslash escapes punctuation only: "1." becomes "1\\." (a "\\1" would show its backslash).
    return _LINE_START.sub(_unstart, text)


def _unstart(match: re.Match[str]) -> str:
    space, mark, dot = match.groups()
    if mark.isdigit():
        return f"{space}{mark}\\{dot}" if dot else match.group(0)
    return f"{space}\\{mark}{dot}"


def escape_block(text: str) -> str:
    """Multi-line text as a paragraph whose line breaks are kept."""
    lines = [_escape(line.strip()) for line in _LINE_END.split(str(text))]
    return "  \n".join(line for line in lines if line)


def render_markdown(sheet: Sheet, checklist: Checklist, result: Audit, lang: str) -> str:
    return join_front_matter(dump_yaml(to_data(sheet, checklist)), markdown_body(sheet, checklist, result, lang))


def markdown_body(sheet: Sheet, checklist: Checklist, result: Audit, lang: str) -> str:
    """The part for people, below the front matter."""
    return _Body(sheet, checklist, result, lang).render()


class _Body:
    def __init__(self, sheet: Sheet, checklist: Checklist, result: Audit, lang: str) -> None:
        self.sheet, self.checklist, self.result, self.lang = sheet, checklist, result, lang
        self.out: list[str] = []

    def m(self, key: str, **params: Any) -> str:
        return message(self.lang, f"md.{key}", **params)

    def add(self, *lines: str) -> None:
        self.out.extend(lines)

    def render(self) -> str:
        self.project()
        self.partners()
        self.level()
        self.topics()
        self.findings()
        return "\n".join(self.out).rstrip("\n") + "\n"

    def project(self) -> None:
        project = self.sheet.project
        self.add(f"# {escape_inline(self.sheet.title or message(self.lang, 'report.untitled'))}", "")
        if project.get("summary"):
            self.add(escape_block(project["summary"]), "")
        for question in self.checklist.project[1:]:
            if question.id == "summary" or not is_answered(project.get(question.id)):
                continue
            name = escape_inline(question.short(self.lang))
            self.add(f"- **{name}**{self.colon()}{self.value(question, project[question.id])}")
        created = project.get("created")
        if isinstance(created, dt.date):
            self.add(f"- **{self.m('created')}**{self.colon()}{created.isoformat()}")
        self.add("")

    def colon(self) -> str:
        return colon(self.lang)

    def partners(self) -> None:
        questions = list(self.checklist.partner)
        self.add(f"## {self.m('partners')}", "")
        if not self.sheet.partners:
            self.add(self.m("none"), "")
            return
        self.add(
            "| " + " | ".join(escape_inline(q.short(self.lang)) for q in questions) + " |",
            "|" + "---|" * len(questions),
        )
        for partner in self.sheet.partners:
            cells = [self.value(q, partner.get(q.id), cell=True) for q in questions]
            self.add("| " + " | ".join(cells) + " |")
        self.add("")

    def level(self) -> None:
        classification = self.result.classification
        self.add(f"## {self.m('level')}", "")
        self.add(f"**{escape_inline(describe_level(classification, self.checklist, self.lang))}**", "")
        if classification.level is not None:
            self.add(escape_block(classification.level.applies_to(self.lang)).capitalize() + ".", "")
        if classification.next_level is not None and classification.missing:
            self.add(
                f"{escape_inline(message(self.lang, 'report.next', level=classification.next_level.name(self.lang)))}"
                f"{self.colon()}",
                "",
            )
            self.add(*[f"- {escape_inline(step)}" for step in steps_to_next(classification, self.lang)])
            self.add("")
        for note in self.checklist.level_notes:
            self.add(f"> {escape_inline(note.text(self.lang))}", ">")
        if self.checklist.level_notes:
            self.out.pop()
            self.add("")

    def topics(self) -> None:
        coverage = self.result.coverage
        settled = len(coverage.settled)
        self.add(f"## {self.m('topics')} — {settled}/{coverage.total} {coverage_bar(settled, coverage.total)}", "")
        for number, topic in enumerate(self.checklist.topics, start=1):
            entry = self.sheet.topics.get(topic.id)
            status = topic_status(entry, self.checklist, topic.id)
            label = self.m(f"status.{status or 'missing'}")
            self.add(f"### {number}. {escape_inline(topic.label(self.lang))} — {label}", "")
            self.add(f"*{escape_inline(topic.guide(self.lang))}*", "")
            if entry is None:
                continue
            for question in topic.questions:
                value = entry.answers.get(question.id)
                if not is_answered(value):
                    continue
                self.add(f"**{escape_inline(question.text(self.lang))}**", "")
                self.add(self.block(question, value), "")
            if entry.notes:
                self.add(f"**{self.m('notes')}**", "", escape_block(entry.notes), "")

    def findings(self) -> None:
        findings = self.result.findings
        self.add(f"## {self.m('findings')}", "")
        if not findings:
            self.add(message(self.lang, "report.clean"))
            return
        for kind in KINDS:
            group = [f for f in findings if f.kind == kind]
            if not group:
                continue
            self.add(f"### {message(self.lang, f'report.kind.{kind}')}", "")
            for finding in group:
                self.add(f"- {escape_inline(say(finding.message, self.lang))} (`{finding.rule}`)")
                for trigger in finding.triggers:
                    self.add(f"  - {escape_inline(say(trigger, self.lang))}")
            self.add("")

    # -- values -------------------------------------------------------------------
    def value(self, question: Question, value: Any, cell: bool = False) -> str:
        """One answer on one line (a table cell or a list item)."""
        if not is_answered(value):
            return ""
        match question.type:
            case "choice":
                choice = question.choice(str(value))
                return escape_inline(choice.label(self.lang) if choice else str(value))
            case "multi_choice":
                labels = [c.label(self.lang) for c in question.choices if c.id in value]
                return escape_inline(", ".join(labels))
            case "yes_no":
                return message(self.lang, "guide.yes" if value else "guide.no")
            case "date":
                return value.isoformat() if isinstance(value, dt.date) else escape_inline(str(value))
            case "amount":
                return f"{value} €"
            case "list" if not question.fields:
                joined = "<br>" if cell else "; "
                return joined.join(escape_inline(item) for item in value)
            case "per_partner":
                return "; ".join(f"{escape_inline(k)}{self.colon()}{escape_inline(v)}" for k, v in value.items())
            case "list":
                return "; ".join(
                    ", ".join(self.value(f, item.get(f.id)) for f in question.fields if is_answered(item.get(f.id)))
                    for item in value
                )
            case _:
                return escape_inline(str(value))

    def block(self, question: Question, value: Any) -> str:
        """One answer as a block: a paragraph, a bulleted list or a table."""
        if question.type == "text":
            return escape_block(str(value))
        if question.type == "list" and not question.fields:
            return "\n".join(f"- {escape_inline(item)}" for item in value)
        if question.type == "list":
            head = "| " + " | ".join(escape_inline(f.short(self.lang)) for f in question.fields) + " |"
            rows = [
                "| " + " | ".join(self.value(f, item.get(f.id), cell=True) for f in question.fields) + " |"
                for item in value
            ]
            return "\n".join([head, "|" + "---|" * len(question.fields), *rows])
        if question.type == "per_partner":
            rows = [f"| {escape_inline(name)} | {escape_inline(text)} |" for name, text in value.items()]
            return "\n".join(
                [f"| {self.m('association')} | {escape_inline(question.text(self.lang))} |", "|---|---|", *rows]
            )
        return self.value(question, value)
