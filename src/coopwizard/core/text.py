"""Small text helpers every layer uses: "did you mean", and text folded for matching what people type."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence


def suggest(value: str, candidates: Sequence[str]) -> str:
    """The closest candidate, for "did you mean", or ''."""
    close = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    return close[0] if close else ""


def folded(text: str) -> str:
    """Lowercase, accents and extra spaces gone: « Échéancier » and "echeancier" match."""
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()).lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
