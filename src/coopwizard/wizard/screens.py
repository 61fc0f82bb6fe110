"""What the wizard shows between questions: headings, the level, warnings, the review, the summary.

All of it goes to the message console (stderr), so that `-o -` keeps stdout for
the sheet. `Screen` draws lines and headings itself (`console.write_line`) and the
rest with Rich (panels, the ●●○ scale), which is imported at the first box: the
first screen of `coop new` is drawn before the first question without it.
`plain.PlainScreen` says the same things in words, for screen readers.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Any

from coopwizard.guide.levels import Classification, steps_to_next
from coopwizard.guide.model import Checklist, Question, Topic
from coopwizard.guide.types import is_answered
from coopwizard.i18n import colon, message, say
from coopwizard.io.console import write_line
from coopwizard.io.markup import escape
from coopwizard.sheet.model import Sheet

if TYPE_CHECKING:
    from rich.console import Console

    from coopwizard.audit.findings import Audit, Coverage, Finding, Trigger

SUGGESTIONS_SHOWN = 3
Pause = Callable[[], Any]  # waits for the person to ask for the next page


class Screen:
    """The wizard's screens on a terminal; `console` (Rich) is made when first needed, if not given."""

    def __init__(self, console: Console | None, checklist: Checklist, lang: str) -> None:
        self._console, self.checklist, self.lang = console, checklist, lang

    @property
    def console(self) -> Console:
        if self._console is None:
            from coopwizard.io.console import stderr_console

            self._console = stderr_console()
        return self._console

    @property
    def stream(self) -> IO[str]:
        """Where lines and headings go: the given console's file, else stderr (Rich's own default)."""
        return self._console.file if self._console is not None else sys.stderr

    def m(self, key: str, **params: object) -> str:
        return message(self.lang, key, **params)

    def colon(self) -> str:
        return colon(self.lang)

    # -- drawing: what PlainScreen says differently -------------------------------------------
    def line(self, text: str = "", style: str = "") -> None:
        write_line(self.stream, text, style)

    def heading(self, text: str) -> None:
        write_line(self.stream, "")
        write_line(self.stream, text, "bold", rule=True)

    def box(self, title: str, lines: Sequence[str], style: str = "") -> None:
        """A framed block; `lines` are plain text."""
        body = "\n".join(escape(line) for line in lines)
        from rich.panel import Panel

        self.console.print(Panel(body, title=escape(title), border_style=style or "none", expand=False))

    def bullet(self, text: str) -> str:
        return f"  • {text}"

    def advice(self, text: str) -> str:
        return f"  → {text}"

    def level_text(self, classification: Classification) -> str:
        from coopwizard.render.report import describe_level

        return describe_level(classification, self.checklist, self.lang)

    def coverage_text(self, settled: int, total: int) -> str:
        from coopwizard.render.report import coverage_bar

        return f"{coverage_bar(settled, total)} {settled}/{total}"

    def page_size(self) -> int:
        return max(10, self.console.size.height - 6)

    # -- what is shown ---------------------------------------------------------------------
    def help(self, question: Question) -> None:
        if question.help is not None:
            self.line(f"  {question.help(self.lang)}", "dim")

    def topic(self, topic: Topic, number: int, total: int) -> None:
        self.heading(self.m("wizard.topic_progress", number=number, total=total, label=topic.label(self.lang)))
        self.line(self.m("wizard.guide_says", text=topic.guide(self.lang)), "italic")
        if topic.hints:
            self.line(self.m("wizard.hints", hints=", ".join(h(self.lang) for h in topic.hints)), "dim")

    def level(self, classification: Classification) -> None:
        lines = [self.level_text(classification)]
        if classification.level is not None:
            lines.append(classification.level.applies_to(self.lang).capitalize() + ".")
        if classification.next_level is not None and classification.missing:
            lines += [
                "",
                self.m("report.next", level=classification.next_level.name(self.lang)) + self.colon().rstrip(),
            ]
            lines += [self.bullet(step) for step in steps_to_next(classification, self.lang)]
        if len(classification.modes) > 1:
            lines += ["", *(n.text(self.lang) for n in self.checklist.level_notes if n.shown == "several_modes")]
        self.box(self.m("wizard.level_title"), lines)

    def warning(self, finding: Finding, triggers: Sequence[Trigger]) -> None:
        """A pitfall, an inconsistency or a suggestion, titled for what it is, with the guide's advice."""
        lines = [say(finding.message, self.lang)]
        if triggers:
            lines += ["", *(self.bullet(say(t.message, self.lang)) for t in triggers)]
        if finding.advice:
            lines += ["", self.m("report.advice").capitalize()]
            lines += [self.advice(say(a, self.lang)) for a in finding.advice]
        style = "yellow" if finding.kind == "pitfall" else "magenta"
        self.box(self.m(f"wizard.title.{finding.kind}"), lines, style)

    def review(self, sheet: Sheet, coverage: Coverage, pause: Pause | None = None) -> None:
        """Every answer, topic by topic, page by page with the title kept at the top of each page."""
        lines = self.review_lines(sheet, coverage)
        size = self.page_size() if self.console.is_terminal else len(lines) or 1
        pages = [lines[i : i + size] for i in range(0, len(lines), size)] or [[]]
        for number, page in enumerate(pages, start=1):
            title = self.m("wizard.review_title")
            if len(pages) > 1:
                title = self.m("wizard.review_page", title=title, number=number, total=len(pages))
            self.heading(title)
            for text in page:
                self.line(text)
            if pause is not None and number < len(pages):
                pause()

    def review_lines(self, sheet: Sheet, coverage: Coverage) -> list[str]:
        checklist, lang = self.checklist, self.lang
        lines = [f"{self.m('wizard.section.project')}"]
        lines += self._answers(checklist.project, sheet.project)
        lines.append(self.m("wizard.section.partners"))
        for partner in sheet.partners:
            lines.append(f"  {partner.get('name', '?')}")
            lines += [f"  {line}" for line in self._answers(checklist.partner[1:], partner)]
        lines.append(self.m("wizard.section.classification"))
        lines += self._answers(checklist.classification, sheet.classification)
        for number, topic in enumerate(checklist.topics, start=1):
            entry = sheet.topics.get(topic.id)
            status = self.m(f"md.status.{coverage.status(topic.id)}")
            lines.append(f"{number}. {topic.label(lang)} — {status}")
            lines += self._answers(topic.questions, entry.answers if entry else {})
        return lines

    def _answers(self, questions: Sequence[Question], answers: dict[str, Any]) -> list[str]:
        shown = []
        for question in questions:
            value = answers.get(question.id)
            if is_answered(value):
                shown.append(
                    f"    {question.short(self.lang)}{self.colon()}{question.kind.display(question, value, self.lang)}"
                )
        return shown

    def summary(self, result: Audit) -> None:
        coverage = result.coverage
        lines = [
            f"{self.m('report.level')}{self.colon()}{self.level_text(result.classification)}",
            f"{self.m('report.coverage')}{self.colon()}{self.coverage_text(len(coverage.settled), coverage.total)}",
        ]
        from coopwizard.audit.findings import KINDS

        for kind in KINDS:
            group = [f for f in result.findings if f.kind == kind]
            if kind == "suggestion":
                group = group[:SUGGESTIONS_SHOWN]
            if group and kind != "schema":
                lines += ["", self.m(f"wizard.group.{kind}")]
                lines += [self.bullet(say(f.message, self.lang)) for f in group]
        self.box(self.m("wizard.summary_title"), lines)
