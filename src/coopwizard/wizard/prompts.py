"""Checklist questions as questionary prompts: the only module that imports questionary.

Every typed answer is validated by `answers.check_answer`, the same function that
validates sheets and answers files, so a prompt accepts exactly what a file may
hold. Ctrl-C and Ctrl-D both raise KeyboardInterrupt for the flow to handle.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import questionary
from questionary import Choice as QChoice

from coopwizard.guide.model import Question
from coopwizard.guide.types import check_answer
from coopwizard.i18n import message, say

SKIP = "__skip__"


class QuestionaryPrompter:
    """Asks one checklist question at a time, in the user's language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    # -- primitives -----------------------------------------------------------------
    def _run(self, prompt: questionary.Question) -> Any:
        try:
            return prompt.unsafe_ask()
        except EOFError as err:  # Ctrl-D: the same clean stop as Ctrl-C
            raise KeyboardInterrupt from err

    def text(
        self,
        text: str,
        default: str = "",
        validate: Callable[[str], str | None] | None = None,
        instruction: str | None = None,
    ) -> str:
        def check(typed: str) -> bool | str:
            problem = validate(typed) if validate else None
            return True if problem is None else problem

        answer = self._run(questionary.text(text, default=default, validate=check, instruction=instruction))
        return str(answer or "")

    def confirm(self, text: str, default: bool) -> bool:
        # A two-way select rather than questionary.confirm, whose "(y/N)" and "Yes/No" are English only.
        yes, no = message(self.lang, "guide.yes"), message(self.lang, "guide.no")
        choices = [("yes", yes.capitalize()), ("no", no.capitalize())]
        return self.select(text, choices, "yes" if default else "no") == "yes"

    def select(self, text: str, choices: Sequence[tuple[str, str]], default: str | None = None) -> str:
        options = [QChoice(title=label, value=value) for value, label in choices]
        chosen = default if default in {v for v, _ in choices} else None
        return str(
            self._run(
                questionary.select(
                    text,
                    choices=options,
                    default=chosen,
                    use_shortcuts=False,
                    instruction=message(self.lang, "wizard.select_hint"),
                )
            )
        )

    def checkbox(self, text: str, choices: Sequence[tuple[str, str]], checked: Sequence[str]) -> list[str]:
        options = [QChoice(title=label, value=value, checked=value in checked) for value, label in choices]
        # questionary sums up a multiple answer in English ("done (2 selections)"): erase
        # its line and write the answer in the user's words instead.
        answer = [
            str(v)
            for v in self._run(
                questionary.checkbox(
                    text,
                    choices=options,
                    instruction=message(self.lang, "wizard.checkbox_hint"),
                    erase_when_done=True,
                )
            )
            or []
        ]
        labels = ", ".join(label for value, label in choices if value in answer) or "—"
        questionary.print(f"? {text} {labels}")
        return answer

    # -- checklist questions -----------------------------------------------------------
    def ask(
        self,
        question: Question,
        default: Any,
        *,
        partners: Sequence[str] = (),
        must_answer: bool = False,
        prefix: str = "",
    ) -> Any:
        """The canonical answer to `question` (None when left empty)."""
        text = f"{prefix}{question.text(self.lang)}"
        kind = question.type
        if kind == "yes_no":
            return self.confirm(text, default if isinstance(default, bool) else bool(question.default))
        if kind == "choice":
            return self._choice(question, text, default, must_answer)
        if kind == "multi_choice":
            chosen = self.checkbox(text, [(c.id, c.label(self.lang)) for c in question.choices], default or [])
            return chosen or None
        if kind == "list":
            return self._list(question, text, default or [])
        if kind == "per_partner":
            return self._per_partner(question, text, default or {}, partners)
        return self._scalar(question, text, default, must_answer)

    def _scalar(
        self, question: Question, text: str, default: Any, must_answer: bool, instruction: str | None = None
    ) -> Any:
        def validate(typed: str) -> str | None:
            if must_answer and not typed.strip():
                return message(self.lang, "wizard.required")
            _, problems = check_answer(question, typed)
            return say(problems[0].message, self.lang) if problems else None

        shown = "" if default is None else (default.isoformat() if hasattr(default, "isoformat") else str(default))
        typed = self.text(text, default=shown, validate=validate, instruction=instruction or self._hint(question))
        value, _ = check_answer(question, typed)
        return value

    def _hint(self, question: Question) -> str | None:
        if question.type == "date":
            return message(self.lang, "wizard.date_hint")
        if question.type == "amount":
            return message(self.lang, "wizard.amount_hint")
        return None

    def _choice(self, question: Question, text: str, default: Any, must_answer: bool) -> Any:
        choices = [(c.id, c.label(self.lang)) for c in question.choices]
        if not must_answer:
            choices.append((SKIP, message(self.lang, "wizard.not_now")))
        chosen = self.select(text, choices, default if default is not None else question.default)
        return None if chosen == SKIP else chosen

    def _list(self, question: Question, text: str, existing: list[Any]) -> Any:
        items: list[Any] = []
        while True:
            number = len(items) + 1
            previous = existing[len(items)] if len(items) < len(existing) else None
            entry_label = message(self.lang, "wizard.entry", number=number)
            # The question once, then short prompts for the next entries of the list.
            prefix = f"{text} — {entry_label}" if number == 1 else f"  … {entry_label}"
            if question.fields:
                entry = self._record(question, prefix, previous or {})
                if entry is None:
                    break
                items.append(entry)
            else:
                hint = message(self.lang, "wizard.list_hint") if number == 1 else None
                typed = self.text(prefix, default=str(previous or ""), instruction=hint)
                if not typed.strip():
                    break
                items.append(typed.strip())
        return items or None

    def _record(self, question: Question, prefix: str, previous: dict[str, Any]) -> dict[str, Any] | None:
        record: dict[str, Any] = {}
        for index, field in enumerate(question.fields):
            label = f"{prefix} · {field.text(self.lang)}"
            if field.type == "choice":
                value = self._choice(field, label, previous.get(field.id), must_answer=False)
            else:
                instruction = message(self.lang, "wizard.list_hint") if index == 0 else self._hint(field)
                value = self._scalar(
                    field,
                    label,
                    previous.get(field.id),
                    must_answer=index > 0 and field.required,
                    instruction=instruction,
                )
            if index == 0 and value is None:
                return None  # an empty first field ends the list
            if value is not None:
                record[field.id] = value
        return record

    def _per_partner(self, question: Question, text: str, existing: dict[str, str], partners: Sequence[str]) -> Any:
        answers = {}
        for name in partners:
            typed = self.text(f"{text} — {name}", default=existing.get(name, ""))
            if typed.strip():
                answers[name] = typed.strip()
        return answers or None
