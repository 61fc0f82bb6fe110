"""Small text helpers every layer uses: "did you mean"."""

from __future__ import annotations

import difflib
from collections.abc import Sequence


def suggest(value: str, candidates: Sequence[str]) -> str:
    """The closest candidate, for "did you mean", or ''."""
    close = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    return close[0] if close else ""
