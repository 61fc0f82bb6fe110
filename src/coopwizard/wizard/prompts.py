"""The terminal front end: the five primitive prompts drawn with questionary.

The only module (with interactive.py, which sets up the terminal session) that
imports questionary or prompt_toolkit. Ctrl-C and Ctrl-D both raise
`Interrupted`, carrying the text that was in the prompt, so the draft keeps it.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence
from typing import Any

import questionary
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from questionary import Choice as QChoice

from coopwizard.i18n import message
from coopwizard.wizard.prompter import Choices, Interrupted, Validate
from coopwizard.wizard.stops import stop_pending


class QuestionaryPrompter:
    """Arrow-key menus and line editing, in the user's language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def _run(self, prompt: questionary.Question) -> Any:
        _stop_on_sigint(prompt)
        # A stop swallowed while the question was being built ends it as soon as it starts.
        prompt.application.pre_run_callables.append(lambda: _stop_if_pending(prompt))
        try:
            return prompt.unsafe_ask()
        except (KeyboardInterrupt, EOFError) as err:  # Ctrl-C, Ctrl-D, a closed terminal: one clean stop
            raise Interrupted(_typed_in(prompt)) from err

    def text(
        self, text: str, default: str = "", validate: Validate | None = None, instruction: str | None = None
    ) -> str:
        def check(typed: str) -> bool | str:
            problem = validate(typed) if validate else None
            return True if problem is None else problem

        if instruction:  # on a line of its own, wrapped at words, rather than cut by the prompt's line
            questionary.print(_fit(instruction, indent="  "), style="fg:ansibrightblack")
        answer = self._run(questionary.text(_fit(text), default=default, validate=check))
        return str(answer or "")

    def yes_no(self, text: str, default: bool) -> bool:
        # A two-way select rather than questionary.confirm, whose "(y/N)" and "Yes/No" are English only.
        yes, no = message(self.lang, "guide.yes"), message(self.lang, "guide.no")
        choices = [("yes", yes.capitalize()), ("no", no.capitalize())]
        return self.choice(text, choices, "yes" if default else "no") == "yes"

    def confirm(self, text: str, default: bool) -> bool:
        return self.yes_no(text, default)

    def choice(self, text: str, choices: Choices, default: str | None = None) -> str:
        options = [QChoice(title=label, value=value) for value, label in choices]
        chosen = default if default in {v for v, _ in choices} else None
        hint = message(self.lang, "wizard.select_hint")
        question = _fit(text)
        prompt = questionary.select(
            question, choices=options, default=chosen, use_shortcuts=False, instruction=_hint_after(question, hint)
        )
        return str(self._run(prompt))

    def multi_choice(self, text: str, choices: Choices, checked: Sequence[str]) -> list[str]:
        options = [QChoice(title=label, value=value, checked=value in checked) for value, label in choices]
        # questionary sums up a multiple answer in English ("done (2 selections)"): erase
        # its line and write the answer in the user's words instead.
        hint = message(self.lang, "wizard.checkbox_hint")
        question = _fit(text)
        prompt = questionary.checkbox(
            question, choices=options, instruction=_hint_after(question, hint), erase_when_done=True
        )
        answer = [str(v) for v in self._run(prompt) or []]
        labels = ", ".join(label for value, label in choices if value in answer) or "—"
        questionary.print(_fit(f"? {text} {labels}"))
        return answer


def _line_width() -> int:
    return max(40, shutil.get_terminal_size((100, 30)).columns - 4)  # room for questionary's "? " and a margin


def _fit(text: str, indent: str = "") -> str:
    """Text broken at word boundaries to fit the terminal (the prompt line would cut words: « term/iner »)."""
    return textwrap.fill(text, width=_line_width(), initial_indent=indent, subsequent_indent=indent or "  ")


def _hint_after(question: str, hint: str) -> str:
    """A menu's hint, on the question's last line if it fits there, else on a line of its own.

    Left to the terminal, a hint past the line's end is cut mid-word (« Entr/ée »). The break goes
    in the hint, which questionary draws only until the question is answered, so the answered line
    stays « ? question answer ».
    """
    if len(question.rsplit("\n", 1)[-1]) + 1 + len(hint) > _line_width():
        return "\n  " + hint
    return hint


def _stop_on_sigint(prompt: questionary.Question) -> None:
    """A SIGINT stops a menu as Ctrl-C does.

    While a prompt runs, prompt_toolkit turns SIGINT into a `<sigint>` key that
    questionary's menus do not bind, so it was ignored: a Ctrl-C pressed while the
    question was being drawn (before the terminal is in raw mode, when the
    terminal sends SIGINT rather than the key), or `kill -INT`, did nothing.
    Text prompts already bind it; binding it again there changes nothing.
    """
    sigint = KeyBindings()

    @sigint.add("<sigint>", eager=True)
    def _(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    app = prompt.application
    app.key_bindings = merge_key_bindings([app.key_bindings, sigint]) if app.key_bindings else sigint


def _stop_if_pending(prompt: questionary.Question) -> None:
    if stop_pending():
        prompt.application.exit(exception=KeyboardInterrupt, style="class:aborting")


def _typed_in(prompt: questionary.Question) -> str:
    """The text in a prompt's line when it was interrupted ('' for menus)."""
    try:
        buffer = prompt.application.current_buffer
    except Exception:  # no buffer to read: nothing was being typed
        return ""
    return str(getattr(buffer, "text", "") or "")
