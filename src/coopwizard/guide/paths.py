"""Answer paths and the sheet's reserved names: the one place that knows how answers are addressed.

A checklist's rules name the answers they read as `section.question`:
`purpose.reason` (a topic's question), `project.territory`, `classification.shares_work`,
or `partner.representative` (a question asked of every partner). `AnswerPath` is
that address parsed once; `in_sheet` says where the answer lives in a sheet file.
The keys a sheet uses for itself are reserved here, so that no checklist can name
a question after them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from coopwizard.core.message import PathPart

PROJECT = "project"
PARTNER = "partner"
CLASSIFICATION = "classification"
SECTIONS = (PROJECT, PARTNER, CLASSIFICATION)  # not topic ids: the sections asked before the topics

# The sheet file's own keys.
SHEET_KEYS = ("format", "checklist", "checklist_version", "project", "partners", "classification", "topics", "reviews")
ANSWER_SECTIONS = ("project", "partners", "classification", "topics")  # what an answers file may hold
RESERVED_PROJECT_KEYS = ("created", "language")
RESERVED_CLASSIFICATION_KEYS = ("level",)
RESERVED_TOPIC_KEYS = ("status", "notes")
LANGUAGES = ("fr", "en")


@dataclass(frozen=True)
class AnswerPath:
    """Where an answer is, as the checklist names it: `purpose.reason`, `project.title`."""

    section: str  # "project", "partner", "classification", or a topic's id
    question: str

    @staticmethod
    @functools.cache
    def parse(text: str) -> AnswerPath | None:
        section, dot, question = text.partition(".")
        if not dot or not section or not question or "." in question:
            return None
        return AnswerPath(section, question)

    @staticmethod
    def of(text: str) -> AnswerPath:
        """For paths the checklist loader already checked."""
        path = AnswerPath.parse(text)
        if path is None:
            raise ValueError(f"not an answer path: {text!r}")
        return path

    @property
    def is_partner(self) -> bool:
        return self.section == PARTNER

    @property
    def is_topic(self) -> bool:
        return self.section not in SECTIONS

    def in_sheet(self) -> tuple[PathPart, ...]:
        """Where the answer lives in a sheet: purpose.reason -> topics.purpose.reason."""
        if self.section in (PROJECT, CLASSIFICATION):
            return (self.section, self.question)
        if self.is_partner:
            return ("partners",)
        return ("topics", self.section, self.question)

    def __str__(self) -> str:
        return f"{self.section}.{self.question}"
