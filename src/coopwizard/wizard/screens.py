"""What the wizard shows between questions: headings, the level, pitfall warnings, the review.

All of it goes to the message console (stderr), so that `-o -` keeps stdout for the sheet.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from coopwizard.audit.findings import Audit, Finding, Trigger
from coopwizard.guide.levels import Classification, steps_to_next
from coopwizard.guide.model import Checklist, Question, Topic
from coopwizard.i18n import colon, message, say
from coopwizard.io.markup import escape
from coopwizard.render.report import coverage_bar, describe_level
from coopwizard.sheet.model import Sheet, topic_status

SUGGESTIONS_SHOWN = 3


class Screen:
    def __init__(self, console: Console, checklist: Checklist, lang: str) -> None:
        self.console, self.checklist, self.lang = console, checklist, lang

    def m(self, key: str, **params: object) -> str:
        return message(self.lang, key, **params)

    def line(self, text: str = "", style: str = "") -> None:
        self.console.print(f"[{style}]{escape(text)}[/]" if style and text else escape(text))

    def heading(self, text: str) -> None:
        self.console.print()
        self.console.rule(f"[bold]{escape(text)}[/]", align="left")

    def help(self, question: Question) -> None:
        if question.help is not None:
            self.line(f"  {question.help(self.lang)}", "dim")

    def topic(self, topic: Topic, number: int, total: int) -> None:
        self.heading(self.m("wizard.topic_progress", number=number, total=total, label=topic.label(self.lang)))
        self.line(self.m("wizard.guide_says", text=topic.guide(self.lang)), "italic")
        if topic.hints:
            self.line(self.m("wizard.hints", hints=", ".join(h(self.lang) for h in topic.hints)), "dim")

    def level(self, classification: Classification) -> None:
        lines = [escape(describe_level(classification, self.checklist, self.lang))]
        if classification.level is not None:
            lines.append(escape(classification.level.applies_to(self.lang).capitalize() + "."))
        if classification.next_level is not None and classification.missing:
            lines.append("")
            lines.append(
                escape(
                    message(self.lang, "report.next", level=classification.next_level.name(self.lang))
                    + (" :" if self.lang == "fr" else ":")
                )
            )
            lines += [f"  • {escape(step)}" for step in steps_to_next(classification, self.lang)]
        if len(classification.modes) > 1 and any(n.id == "not_exclusive" for n in self.checklist.level_notes):
            note = next(n for n in self.checklist.level_notes if n.id == "not_exclusive")
            lines += ["", f"[dim]{escape(note.text(self.lang))}[/]"]
        self.console.print(Panel("\n".join(lines), title=escape(self.m("wizard.level_title")), expand=False))

    def pitfall(self, finding: Finding, triggers: Sequence[Trigger]) -> None:
        body = [f"[bold]{escape(say(finding.message, self.lang))}[/]", ""]
        body += [f"  • {escape(say(t.message, self.lang))}" for t in triggers]
        body += ["", f"[italic]{escape(self.m('report.advice'))}[/]"]
        body += [f"  → {escape(say(a, self.lang))}" for a in finding.advice]
        title = escape(self.m("wizard.pitfall_title"))
        self.console.print(Panel("\n".join(body), title=title, border_style="yellow", expand=False))

    def review(self, sheet: Sheet) -> None:
        table = Table(title=self.m("wizard.review_title"), show_lines=False, expand=False)
        table.add_column("#", justify="right")
        table.add_column(self.m("guide.topic"))
        table.add_column(self.m("wizard.status"))
        table.add_column(self.m("wizard.answers"))
        for number, topic in enumerate(self.checklist.topics, start=1):
            entry = sheet.topics.get(topic.id)
            status = topic_status(entry, self.checklist, topic.id)
            answered = sum(1 for q in topic.questions if entry and entry.answers.get(q.id) is not None)
            table.add_row(
                str(number),
                escape(topic.label(self.lang)),
                escape(self.m(f"md.status.{status or 'missing'}")),
                f"{answered}/{len(topic.questions)}",
            )
        self.console.print(table)

    def summary(self, result: Audit) -> None:
        coverage = result.coverage
        settled = len(coverage.settled)
        lines = [
            f"{escape(self.m('report.level'))}{self.colon()}"
            f"{escape(describe_level(result.classification, self.checklist, self.lang))}",
            f"{escape(self.m('report.coverage'))}{self.colon()}[green]{coverage_bar(settled, coverage.total)}[/] "
            f"{settled}/{coverage.total}",
        ]
        pitfalls = [f for f in result.findings if f.kind == "pitfall"]
        if pitfalls:
            lines += ["", f"[bold red]{escape(self.m('report.kind.pitfall'))}[/]"]
            lines += [f"  • {escape(say(f.message, self.lang))}" for f in pitfalls]
        suggestions = [f for f in result.findings if f.kind == "suggestion"][:SUGGESTIONS_SHOWN]
        if suggestions:
            lines += ["", f"[bold cyan]{escape(self.m('report.kind.suggestion'))}[/]"]
            lines += [f"  • {escape(say(f.message, self.lang))}" for f in suggestions]
        self.console.print(Panel("\n".join(lines), title=escape(self.m("wizard.summary_title")), expand=False))

    def colon(self) -> str:
        return colon(self.lang)
