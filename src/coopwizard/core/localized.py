"""A text in both languages: the checklist's texts, said in the report's language."""

from __future__ import annotations

from coopwizard.core.records import slim_dataclass


@slim_dataclass
class Localized:
    """One text in both languages; called with a language, it gives that one."""

    fr: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en
