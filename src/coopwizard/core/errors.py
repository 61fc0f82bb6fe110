"""The one error tree: every failure a user can meet is a CoopError.

Each error carries a message key and its parameters, so the CLI can say it in
the user's language; the domain raises, only the CLI prints and exits.
"""

from __future__ import annotations

from typing import Any

from coopwizard.core.message import Message


class ExitCode:
    CLEAN = 0
    FINDINGS = 1
    ERROR = 2
    INTERRUPTED = 130


class CoopError(Exception):
    """Base error: a message key (see the i18n catalogs), its parameters, an exit code."""

    exit_code = ExitCode.ERROR

    def __init__(self, key: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
        # The code scripts read (JSON `error.code`): the key it was first said with, kept when the wording moves.
        self.code = code or key

    @property
    def message(self) -> Message:
        return Message(self.key, self.params)

    def __str__(self) -> str:  # for logs and --debug; users see the localized text
        return f"{self.key} {self.params}"


class UsageError(CoopError):
    """The command line asks for something impossible."""


class UnreadableFileError(CoopError):
    """A file cannot be read as text: missing, a directory, too big, not UTF-8."""


class InvalidYamlError(CoopError):
    """Text that is not safe, well-formed YAML of the expected shape."""


class InvalidChecklistError(CoopError):
    """A checklist that breaks the checklist format."""


class InvalidSheetError(CoopError):
    """A sheet that cannot be audited at all (not a mapping, unknown format)."""


class InvalidAnswersError(CoopError):
    """An answers file whose answers do not pass validation (all listed at once)."""

    def __init__(self, key: str, problems: list[str], **params: Any) -> None:
        super().__init__(key, **params)
        self.problems = problems


class WriteError(CoopError):
    """The output file could not be written."""


class WizardInterrupted(CoopError):
    """Ctrl-C or Ctrl-D in the wizard; the answers so far are in the draft.

    `lang`: the language the session spoke, which the stop is said in — a resumed draft or a
    sheet being edited keeps its own, whatever the command's language would be.
    """

    exit_code = ExitCode.INTERRUPTED

    def __init__(self, key: str, *, lang: str | None = None, **params: Any) -> None:
        super().__init__(key, **params)
        self.lang = lang
