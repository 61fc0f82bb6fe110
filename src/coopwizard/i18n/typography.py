"""French and English typography in one place: spaces around punctuation, quotes, amounts, lists.

French puts a no-break space (U+00A0) before « : », a narrow no-break space
(U+202F) before « ; ! ? » and inside « », so that a line never breaks between a
word and its punctuation. `typeset` applies these rules to any French text the
tool shows or writes: the checklist's texts, the messages, the documents.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
NNBSP = "\u202f"

# An ordinary space (or none) before the punctuation that French spaces; not inside URLs or times.
_BEFORE_COLON = re.compile(r"(?<=\S) (:)(?=\s|$)")
_BEFORE_TIGHT = re.compile(r"(?<=\S) ([;!?»])")
_AFTER_OPENING = re.compile(r"(«) (?=\S)")


def typeset(text: str, lang: str) -> str:
    """`text` with the spaces its language's typography wants (French: no-break spaces)."""
    if lang != "fr" or " " not in text:
        return text
    text = _BEFORE_COLON.sub(NBSP + r"\1", text)
    text = _BEFORE_TIGHT.sub(NNBSP + r"\1", text)
    return _AFTER_OPENING.sub(r"\1" + NNBSP, text)


def colon(lang: str) -> str:
    """The separator between a label and its value: « : » in French, ": " in English."""
    return f"{NBSP}: " if lang == "fr" else ": "


def list_separator(lang: str) -> str:
    """Between the items of a sentence-like list: « ; » in French, "; " in English."""
    return f"{NNBSP}; " if lang == "fr" else "; "


def quote(text: str, lang: str) -> str:
    """Quotation marks: « … » in French, “…” in English."""
    return f"«{NNBSP}{text}{NNBSP}»" if lang == "fr" else f"“{text}”"


def euros(amount: float, lang: str = "fr") -> str:
    """An amount the way the language writes it: 1 200,50 in French, 1,200.50 in English (no currency sign)."""
    whole = float(amount).is_integer()
    text = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
    if lang == "fr":
        return text.replace(",", NNBSP).replace(".", ",")
    return text


def money(amount: float, lang: str) -> str:
    """An amount in euros the way the language writes it: « 1 200,50 € », "€1,200.50"."""
    return f"{euros(amount, lang)}{NBSP}€" if lang == "fr" else f"€{euros(amount, lang)}"
