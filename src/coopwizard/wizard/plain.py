"""The plain front end, for screen readers and plain terminals: numbered lists, typed letters, words.

Nothing here moves the cursor, draws a box or writes an escape code: every choice
is a numbered list answered by typing its number (`1,3` for several), or its
label; yes/no by o/n (y/n in English); progress is said in words. Chosen with
`--plain`, or when `TERM=dumb`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING

from coopwizard.core.text import folded
from coopwizard.guide.levels import Classification
from coopwizard.guide.model import Checklist, Topic
from coopwizard.i18n import colon, message
from coopwizard.io.visible import visible
from coopwizard.sheet.model import Sheet
from coopwizard.wizard.prompter import Choices, Interrupted, Validate
from coopwizard.wizard.screens import Pause, Screen
from coopwizard.wizard.stops import raise_if_stopped

if TYPE_CHECKING:
    from coopwizard.audit.findings import Coverage

YES = {"o", "oui", "y", "yes"}
NO = {"n", "non", "no"}


def wrapped(text: str, width: int | None = None) -> str:
    """Text broken at word boundaries to fit the terminal, each line keeping its indent.

    A plain terminal wraps long lines wherever the width ends (« le pro/jet »); the
    no-break spaces of French typography keep « : » with its word (textwrap only breaks
    at ASCII spaces).
    """
    import shutil

    from coopwizard.io.console import wrap_words

    return wrap_words(text, width or max(20, shutil.get_terminal_size((80, 24)).columns - 1))


class PlainPrompter:
    """Reads whole lines from standard input; writes questions on standard error."""

    def __init__(self, lang: str, stdin: IO[str] | None = None, out: IO[str] | None = None) -> None:
        self.lang = lang
        self.stdin = stdin or sys.stdin
        self.out = out or sys.stderr

    def m(self, key: str, **params: object) -> str:
        return message(self.lang, key, **params)

    def say(self, text: str) -> None:
        self.out.write(wrapped(visible(text)) + "\n")
        self.out.flush()

    def read(self, prompt: str) -> str:
        self.out.write(wrapped(visible(prompt)) + " ")
        self.out.flush()
        try:
            raise_if_stopped()  # a stop swallowed since the last question ends the session here
            line = self.stdin.readline()
        except KeyboardInterrupt as err:
            raise Interrupted() from err
        if not line:  # end of input (Ctrl-D): the same clean stop as Ctrl-C
            raise Interrupted()
        return line.rstrip("\r\n")

    def text(
        self, text: str, default: str = "", validate: Validate | None = None, instruction: str | None = None
    ) -> str:
        if instruction:
            self.say(instruction)
        while True:
            shown = f"{text} [{default}]" if default else text
            answer = self.read(shown + colon(self.lang).rstrip())  # « Titre du projet : »
            answer = answer if answer.strip() else default
            problem = validate(answer) if validate else None
            if problem is None:
                return answer
            self.say(problem)

    def choice(self, text: str, choices: Choices, default: str | None = None) -> str:
        self.say(text)
        for number, (_, label) in enumerate(choices, start=1):
            self.say(f"  {number}. {label}")
        ids = [value for value, _ in choices]
        default_number = ids.index(default) + 1 if default in ids else None
        hint = self.m("plain.choice_hint", default=default_number or "")
        if default_number is None:
            hint = self.m("plain.choice_hint_no_default")
        while True:
            answer = self.read(hint)
            if not answer.strip() and default_number is not None:
                return ids[default_number - 1]
            picked = self._pick(answer, choices)
            if picked is not None:
                return picked
            self.say(self.m("plain.bad_choice", count=len(choices)))

    @staticmethod
    def _pick(answer: str, choices: Choices) -> str | None:
        typed = folded(answer)
        if typed.isdigit() and 1 <= int(typed) <= len(choices):
            return choices[int(typed) - 1][0]
        for value, label in choices:
            if typed in (folded(value), folded(label)):
                return value
        return None

    def multi_choice(self, text: str, choices: Choices, checked: Sequence[str]) -> list[str]:
        self.say(text)
        for number, (value, label) in enumerate(choices, start=1):
            mark = self.m("plain.ticked") if value in checked else ""
            self.say(f"  {number}. {label}{mark}")
        while True:
            answer = self.read(self.m("plain.multi_hint"))
            if not answer.strip():
                return [value for value, _ in choices if value in checked]
            parts = [p for p in answer.replace(";", ",").replace(" ", ",").split(",") if p.strip()]
            picked = [self._pick(part, choices) for part in parts]
            if all(p is not None for p in picked):
                return [value for value, _ in choices if value in picked]
            self.say(self.m("plain.bad_choice", count=len(choices)))

    def yes_no(self, text: str, default: bool) -> bool:
        letters = self.m("plain.yes_no_default_yes") if default else self.m("plain.yes_no_default_no")
        while True:
            answer = folded(self.read(f"{text} ({letters})"))
            if not answer:
                return default
            if answer in YES:
                return True
            if answer in NO:
                return False
            self.say(self.m("plain.bad_yes_no"))

    def confirm(self, text: str, default: bool) -> bool:
        return self.yes_no(text, default)


class PlainScreen(Screen):
    """The wizard's screens in words only: no box, no rule, no glyph, no colour, no escape code."""

    def __init__(self, console: object, checklist: Checklist, lang: str, out: IO[str] | None = None) -> None:
        self.checklist, self.lang = checklist, lang
        self.out = out or sys.stderr

    def write(self, text: str) -> None:
        self.out.write(wrapped(visible(text)) + "\n")
        self.out.flush()

    def line(self, text: str = "", style: str = "") -> None:
        self.write(text)

    def heading(self, text: str) -> None:
        self.write("")
        self.write(text)

    def box(self, title: str, lines: Sequence[str], style: str = "") -> None:
        self.write("")
        self.write(title)
        for text in lines:
            self.write(text)

    def bullet(self, text: str) -> str:
        return f"  - {text}"

    def advice(self, text: str) -> str:
        return f"  - {text}"

    def level_text(self, classification: Classification) -> str:
        total = len(self.checklist.levels)
        level = classification.level
        if level is None:
            key = "report.level_none" if classification.answered else "report.level_unknown"
            return f"{self.m(key)} ({self.m('plain.level_rank', rank=0, total=total)})"
        rank = self.m("plain.level_rank", rank=level.rank, total=total)
        return f"{level.name(self.lang)} ({rank}) — {level.motto(self.lang)}"

    def review(self, sheet: Sheet, coverage: Coverage, pause: Pause | None = None) -> None:
        self.heading(self.m("wizard.review_title"))
        for text in self.review_lines(sheet, coverage):
            self.write(text)

    def coverage_text(self, settled: int, total: int) -> str:
        return self.m("plain.coverage", settled=settled, total=total)

    def topic(self, topic: Topic, number: int, total: int) -> None:
        self.heading(self.m("plain.topic_progress", number=number, total=total, label=topic.label(self.lang)))
        self.write(self.m("wizard.guide_says", text=topic.guide(self.lang)))
        if topic.hints:
            self.write(self.m("wizard.hints", hints=", ".join(h(self.lang) for h in topic.hints)))
