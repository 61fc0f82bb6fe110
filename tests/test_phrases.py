"""The phrase matcher (audit/phrases.py): its index finds exactly what comparing every word with
every phrase finds, typos included, and its cost does not grow with the number of phrases times words."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from coopwizard.audit.phrases import (
    STOP_WORDS,
    find,
    is_only,
    is_placeholder,
    knows,
    vocabulary,
    word_matches,
    words,
)

PHRASES = (
    "à définir",
    "à trouver",
    "on verra",
    "tbd",
    "la mairie l'a demandé",
    "subvention de la ville",
    "chacun de son côté",
    "pas encore",
    "une prestation",
)
VOCABULARY = [w for p in PHRASES for w in words(p)] + ["subvension", "mairei", "definr", "verra", "jardin", "fete", "x"]


def _naive_occurrences(text_words: Sequence[str], phrases: Sequence[str]) -> list[tuple[str, int, int]]:
    """The reference: every phrase at every position, word by word."""
    found = []
    for phrase in phrases:
        expected = words(phrase)
        for start in range(len(text_words) - len(expected) + 1):
            if expected and all(word_matches(text_words[start + i], p) for i, p in enumerate(expected)):
                found.append((phrase, start, start + len(expected)))
    return found


def _naive_is_only(text: str, phrases: Sequence[str], extra_words: int) -> bool:
    text_words = words(text)
    for _, start, end in _naive_occurrences(text_words, phrases):
        rest = [*text_words[:start], *text_words[end:]]
        if sum(1 for w in rest if w not in STOP_WORDS and not w.isdigit()) <= extra_words:
            return True
    return False


texts = st.lists(st.sampled_from(VOCABULARY), max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(min_value=0, max_value=2))
def test_the_index_finds_what_the_reference_finds(text: str, extra: int) -> None:
    reference = _naive_occurrences(words(text), PHRASES)
    found = find(text, PHRASES)
    assert found == (None if not reference else (reference[0][0], reference[0][1:]))
    assert is_only(text, PHRASES, extra) == _naive_is_only(text, PHRASES, extra)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([*VOCABULARY, "mairie", "mairi", "maire", "demandee", "subventions", "vile"]))
def test_a_word_is_known_exactly_when_it_matches_one_of_the_words(word: str) -> None:
    known = vocabulary(PHRASES)
    assert knows(word, known) == any(word_matches(word, k) for k in known)


def test_the_vocabulary_is_every_word_of_the_phrases_once() -> None:
    assert vocabulary(("la mairie l'a demandé", "la Mairie", "TBD")) == ("la", "mairie", "l", "a", "demande", "tbd")


def test_typos_are_found_through_the_index() -> None:
    assert find("On cherchera une subvension de la ville", PHRASES) == ("subvention de la ville", (3, 7))
    assert find("la mariie l'a demande", PHRASES) is not None  # two letters swapped
    assert find("une prestaton", PHRASES) is not None  # one letter missing
    assert find("une prestattion", PHRASES) is not None  # one letter added
    assert is_only("À défnir", PHRASES)
    assert not is_only("À définir avec le jardin et la fête", PHRASES, 1)


def test_a_long_text_is_matched_in_one_pass() -> None:
    """A 20,000-word answer: each word looked up once, not compared with every phrase (a bound, not a timing)."""
    text = " ".join(["jardin partagé"] * 10_000 + ["à définir"])
    word_matches.cache_clear()
    assert find(text, PHRASES) == ("à définir", (20_000, 20_002))
    assert word_matches.cache_info().misses < 100  # distinct (word, phrase word) pairs actually compared


def test_a_very_long_word_costs_memory_in_proportion() -> None:
    """One 5,000-letter word: no one-edit keys for it (5,000 keys of 5,000 letters would be 25 MB)."""
    import tracemalloc

    word = "".join(chr(ord("a") + (i * 7) % 26) for i in range(5_000))
    tracemalloc.start()
    try:
        assert find(f"{word} à définir {word}b", PHRASES) == ("à définir", (1, 3))
        assert not is_only(word, PHRASES, 1)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000, peak


def test_a_list_of_phrases_changed_between_two_calls_is_read_as_it_is_now() -> None:
    """The last tuple indexed is remembered by identity (phrases._indexed); a list never is: it may change."""
    from coopwizard.audit.phrases import _indexed

    phrases = ["à voir"]
    assert is_placeholder("à voir", phrases)
    phrases[0] = "on verra"
    assert not is_placeholder("à voir", phrases)
    assert is_placeholder("on verra", phrases)
    fixed = ("à définir", "tbd")
    assert _indexed(fixed) is _indexed(fixed)
    assert _indexed(("tbd",)) is not _indexed(fixed)
    assert is_placeholder("TBD", fixed) and not is_placeholder("à voir", fixed)
