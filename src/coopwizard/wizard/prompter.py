"""The five primitive prompts a front end offers the wizard, and how an interruption carries what was typed.

The flow never sees questionary: it asks through a `Prompter` (text, choice,
multiple choice, yes/no, and `confirm` for the tool's own questions). A front end
is one class with these methods: `prompts.QuestionaryPrompter` for a terminal,
`plain.PlainPrompter` for screen readers and plain terminals, a scripted one in tests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

Choices = Sequence[tuple[str, str]]  # (id, label)
Validate = Callable[[str], str | None]  # the problem with a typed text, or None


class Interrupted(KeyboardInterrupt):
    """Ctrl-C, Ctrl-D or a closed terminal during a prompt: the text typed so far, and the part of the
    answer already given (a list's first entries, the partners already answered for)."""

    def __init__(self, typed: str = "", partial: Any = None) -> None:
        super().__init__()
        self.typed = typed
        self.partial = partial


class Prompter(Protocol):
    def text(
        self, text: str, default: str = "", validate: Validate | None = None, instruction: str | None = None
    ) -> str:
        """A line of text (validated as typed); raises Interrupted with the text typed so far."""
        ...

    def choice(self, text: str, choices: Choices, default: str | None = None) -> str: ...

    def multi_choice(self, text: str, choices: Choices, checked: Sequence[str]) -> list[str]: ...

    def yes_no(self, text: str, default: bool) -> bool: ...

    def confirm(self, text: str, default: bool) -> bool:
        """The tool's own yes/no questions (overwrite, resume): a front end may word them differently."""
        ...
