"""Asking one checklist question through the primitive prompts, whatever its type.

The question's type says which prompt asks it (`question.kind.prompt`): a line of
text, a choice, several choices, yes/no, a list of entries, a list of records
field by field, or one answer per partner. Every typed answer goes through the
type's `check`, the function that validates sheets and answers files, so a prompt
accepts exactly what a file may hold. An interruption in a list keeps the entries
already given (`Interrupted.partial`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from coopwizard.guide.model import Question
from coopwizard.guide.types import check_answer
from coopwizard.i18n import message, say
from coopwizard.wizard.prompter import Interrupted, Prompter

SKIP = "__skip__"


class Asker:
    """Asks checklist questions in the session's language through a Prompter."""

    def __init__(self, prompter: Prompter, lang: str) -> None:
        self.prompter, self.lang = prompter, lang

    def m(self, key: str, **params: Any) -> str:
        return message(self.lang, key, **params)

    def ask(
        self,
        question: Question,
        default: Any,
        *,
        partners: Sequence[str] = (),
        must_answer: bool = False,
        prefix: str = "",
        typed: str | None = None,
    ) -> Any:
        """The canonical answer to `question` (None when left empty); `typed` is text given back after a stop."""
        text = f"{prefix}{question.text(self.lang)}"
        match question.kind.prompt(question):
            case "yes_no":
                return self.prompter.yes_no(text, default if isinstance(default, bool) else bool(question.default))
            case "choice":
                return self.choice(question, text, default, must_answer)
            case "multi_choice":
                choices = [(c.id, c.label(self.lang)) for c in question.choices]
                return self.prompter.multi_choice(text, choices, default or []) or None
            case "items":
                return self.items(text, default or [], typed)
            case "records":
                return self.records(question, text, default or [], typed)
            case "per_partner":
                return self.per_partner(text, default or {}, partners, typed)
            case _:
                return self.scalar(question, text, default, must_answer, typed=typed)

    def scalar(
        self,
        question: Question,
        text: str,
        default: Any,
        must_answer: bool,
        instruction: str | None = None,
        typed: str | None = None,
    ) -> Any:
        def validate(answer: str) -> str | None:
            if must_answer and not answer.strip():
                return self.m("wizard.required")
            _, problems = check_answer(question, answer)
            return say(problems[0].message, self.lang) if problems else None

        hint = instruction or (self.m(question.kind.hint_key) if question.kind.hint_key else None)
        shown = typed if typed is not None else question.kind.as_typed(default)
        answer = self.prompter.text(text, default=shown, validate=validate, instruction=hint)
        value, _ = check_answer(question, answer)
        return value

    def choice(self, question: Question, text: str, default: Any, must_answer: bool) -> Any:
        choices = [(c.id, c.label(self.lang)) for c in question.choices]
        if not must_answer:
            choices.append((SKIP, self.m("wizard.not_now")))
        chosen = self.prompter.choice(text, choices, default if default is not None else question.default)
        return None if chosen == SKIP else chosen

    def entry_prompt(self, text: str, number: int) -> str:
        # The question once, then short prompts for the next entries of the list.
        label = self.m("wizard.entry", number=number)
        return f"{text} — {label}" if number == 1 else f"  … {label}"

    def items(self, text: str, existing: list[Any], typed: str | None) -> Any:
        items: list[str] = []
        try:
            while True:
                number = len(items) + 1
                previous = existing[len(items)] if len(items) < len(existing) else ""
                shown = typed if typed is not None and len(items) == len(existing) else str(previous)
                hint = self.m("wizard.list_hint") if number == 1 else None
                answer = self.prompter.text(self.entry_prompt(text, number), default=shown, instruction=hint)
                if not answer.strip():
                    break
                items.append(answer.strip())
        except Interrupted as stop:
            raise Interrupted(stop.typed, items or None) from None
        return items or None

    def records(self, question: Question, text: str, existing: list[Any], typed: str | None) -> Any:
        items: list[dict[str, Any]] = []
        try:
            while True:
                previous = existing[len(items)] if len(items) < len(existing) else {}
                entry = self.record(question, self.entry_prompt(text, len(items) + 1), previous)
                if entry is None:
                    break
                items.append(entry)
        except Interrupted as stop:
            raise Interrupted(stop.typed, items or None) from None
        return items or None

    def record(self, question: Question, prefix: str, previous: dict[str, Any]) -> dict[str, Any] | None:
        record: dict[str, Any] = {}
        for index, field in enumerate(question.fields):
            label = f"{prefix} · {field.text(self.lang)}"
            if field.kind.prompt(field) == "choice":
                value = self.choice(field, label, previous.get(field.id), must_answer=False)
            else:
                instruction = self.m("wizard.list_hint") if index == 0 else None
                must = index > 0 and field.required
                value = self.scalar(field, label, previous.get(field.id), must_answer=must, instruction=instruction)
            if index == 0 and value is None:
                return None  # an empty first field ends the list
            if value is not None:
                record[field.id] = value
        return record

    def per_partner(self, text: str, existing: dict[str, str], partners: Sequence[str], typed: str | None) -> Any:
        answers: dict[str, str] = {}
        try:
            for name in partners:
                shown = typed if typed is not None and name not in existing and not answers else existing.get(name, "")
                answer = self.prompter.text(f"{text} — {name}", default=shown)
                if answer.strip():
                    answers[name] = answer.strip()
        except Interrupted as stop:
            raise Interrupted(stop.typed, answers or None) from None
        return answers or None
