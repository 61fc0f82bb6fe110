"""The phrase matcher's details (audit/phrases.py), written from the mutants mutation testing left alive.

Each test starts with the matcher's caches empty (`word_matches`, `_index`, `normalise`): mutmut runs
every mutant in a process forked after the clean test run, so a cached answer computed by the
unmutated code would hide a mutant of `_one_typo`, `_keys` or `_Index.firsts` (docs/testing.md).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from coopwizard.audit import phrases
from coopwizard.audit.phrases import (
    MEMO_WORDS,
    contains,
    content_words,
    find,
    is_only,
    is_placeholder,
    phrase_list,
    restates,
    word_matches,
    words,
)


@pytest.fixture(autouse=True)
def empty_caches() -> Iterator[None]:
    def clear() -> None:
        phrases.word_matches.cache_clear()
        phrases._index.cache_clear()
        phrases.normalise.cache_clear()
        phrases._short_content_words.cache_clear()
        phrases.vocabulary.cache_clear()
        phrases._PHRASE_LISTS.clear()

    clear()
    yield
    clear()


# -- one typo ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "one_edit"),
    [
        ("jardin", "jardin", True),  # no edit at all
        ("jardin", "jardim", True),  # one letter changed
        ("jardin", "jadrin", True),  # two neighbours swapped
        ("jardin", "jarnid", False),  # two letters swapped that are not neighbours
        ("jardin", "jbrdim", False),  # two letters changed
        ("jardin", "jardi", True),  # one missing, at the end
        ("jardin", "ardin", True),  # at the start
        ("jardin", "jardins", True),  # one added
        ("jardin", "jard", False),  # two missing
        ("jard", "jardin", False),  # two added
        ("jardin", "xardi", False),  # one changed and one missing
        ("jxrdin", "jardinn", False),  # one changed and one added, the letters between them alike
        ("ab", "ba", True),
    ],
)
def test_one_typo_is_at_most_one_edit(a: str, b: str, one_edit: bool) -> None:
    assert phrases._one_typo(a, b) is one_edit
    assert phrases._one_typo(b, a) is one_edit


@pytest.mark.parametrize(
    ("word", "expected", "matches"),
    [
        ("vile", "ville", True),  # a five-letter word tolerates a typo, even down to four letters
        ("vill", "ville", True),
        ("villes", "ville", True),
        ("vlile", "ville", True),
        ("valle", "ville", True),
        ("vil", "ville", False),
        ("pied", "paie", False),  # a four-letter word must match exactly
        ("pie", "paie", False),
        ("paies", "paie", False),
        ("paie", "paie", True),
    ],
)
def test_words_match_with_one_typo_from_five_letters(word: str, expected: str, matches: bool) -> None:
    assert word_matches(word, expected) is matches


# -- the index: a phrase found whatever the typo in its first word -------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "la salle des fêtes",
        "la sale des fêtes",  # a letter missing: a four-letter word in the text
        "la slale des fêtes",  # two swapped
        "la selle des fêtes",  # one changed
        "la sallle des fêtes",  # one added: one letter longer than every phrase's first word
        "la salles des fêtes",
    ],
)
def test_a_phrase_is_found_with_a_typo_in_its_five_letter_first_word(written: str) -> None:
    assert find(written, ["salle des fetes"]) == ("salle des fetes", (1, 4))
    assert is_only(written, ("salle des fetes",), 0)


def test_a_word_two_letters_longer_than_every_first_word_is_not_looked_up() -> None:
    assert find("la salllle des fêtes", ["salle des fetes"]) is None
    index = phrases._index(("salle des fetes",))
    assert index.longest_first == 5
    assert index.firsts("sallle") == ("salle",)
    assert index.firsts("salllle") == ()
    assert "salllle" not in index.starts  # nothing kept for it: a hostile long word costs nothing
    assert "sallle" in index.starts  # a word looked up once is remembered


def test_a_word_is_compared_with_the_first_words_once() -> None:
    index = phrases._index(("salle des fetes", "sales affaires"))
    assert index.firsts("sallle") == ("salle",)
    compared = word_matches.cache_info()
    assert index.firsts("sallle") == ("salle",)  # from the memo: no comparison made again
    assert word_matches.cache_info() == compared


def test_a_short_first_word_tolerates_no_typo() -> None:
    assert find("tbx", ["tbd"]) is None
    assert find("pis encore", ["pas encore"]) is None
    assert find("tbd", ["tbd"]) == ("tbd", (0, 1))


def test_the_memo_of_words_looked_up_is_bounded() -> None:
    index = phrases._index(("salle des fetes",))
    for n in range(MEMO_WORDS + 1):
        index.firsts(f"w{n}")
    assert 0 < len(index.starts) <= MEMO_WORDS
    assert index.firsts("salle") == ("salle",)  # still right after the memo was emptied


def test_phrases_sharing_a_first_word_are_each_found() -> None:
    found = ["a definir", "a trouver", "a voir"]
    assert find("À trouver", found) == ("a trouver", (0, 2))
    assert find("Il reste à voir", found) == ("a voir", (2, 4))
    assert find("À", found) is None


# -- where a phrase stands ------------------------------------------------------------------------


def test_the_first_phrase_of_the_list_is_found_wherever_it_is_in_the_text() -> None:
    listed = ["à définir", "on verra"]
    assert find("On verra, c'est à définir", listed) == ("à définir", (4, 6))
    assert find("On verra, c'est à définir", listed[::-1]) == ("on verra", (0, 2))
    assert find("on verra puis on verra", ["on verra"]) == ("on verra", (0, 2))  # the first place


def test_a_phrase_at_the_very_end_of_the_text_is_found_and_a_cut_one_is_not() -> None:
    assert find("Pour le reste on verra", ["on verra"]) == ("on verra", (3, 5))
    assert find("Pour le reste on", ["on verra"]) is None
    assert find("la salle des", ["salle des fetes"]) is None


def test_every_word_of_a_phrase_must_match() -> None:
    assert find("On verrait", ["on verra"]) is None  # the second word two letters off
    assert find("la salle des sports", ["salle des fetes"]) is None  # the last word
    assert find("la salle du fond", ["salle des fetes"]) is None  # a middle word
    assert find("la salle des fetes", ["salle des fetes"]) == ("salle des fetes", (1, 4))


def test_phrases_given_as_a_list_or_a_generator_are_all_looked_for() -> None:
    assert find("à définir", (p for p in ["on verra", "à définir"])) == ("à définir", (0, 2))
    assert contains("à définir", ["on verra", "à définir"])
    assert is_only("à définir", (p for p in ["on verra", "à définir"]))
    assert is_only("à définir", ["on verra", "à définir"])
    assert not contains("à définir", [])
    assert not is_only("à définir", [])


def test_a_phrase_with_no_word_is_never_found() -> None:
    assert find("?", ["?", "…"]) is None
    assert find("? on verra", ["?", "on verra"]) == ("on verra", (0, 2))


# -- is_only -------------------------------------------------------------------------------------


def test_is_only_allows_exactly_the_extra_meaningful_words_given() -> None:
    assert is_only("TBD", ["tbd"])
    assert is_only("TBD demain", ["tbd"], 1)  # as many meaningful words as the phrase and the one allowed
    assert not is_only("TBD demain", ["tbd"])
    assert not is_only("TBD demain matin", ["tbd"], 1)
    assert is_only("TBD demain matin", ["tbd"], 2)
    assert is_only("demain TBD", ["tbd"], 1)  # words before the phrase count as well
    assert not is_only("demain TBD", ["tbd"], 0)


def test_is_only_leaves_out_stop_words_and_numbers() -> None:
    assert is_only("Parce que la mairie l'a demandé", ["la mairie l'a demandé"])
    assert is_only("TBD pour 2027", ["tbd"])
    assert is_only("1 2 3 4 5 6 TBD", ["tbd"])  # numbers do not make a text longer than the phrase
    assert is_only("et de la et de la TBD", ["tbd"])


def test_is_only_looks_at_every_place_the_phrase_stands() -> None:
    # « tbd », found first, leaves « demain » over; « tbd demain » leaves nothing.
    assert is_only("TBD demain", ["tbd", "tbd demain"])
    assert not is_only("TBD demain", ["tbd"])


def test_a_long_phrase_is_only_itself() -> None:
    long_phrase = "subvention régionale jeunesse quartier solidaire"
    assert is_only(long_phrase, [long_phrase, "tbd"])
    assert is_only(f"{long_phrase} demain", [long_phrase], 1)
    assert not is_only(f"{long_phrase} demain", [long_phrase])


# -- the other helpers ---------------------------------------------------------------------------


def test_words_and_content_words() -> None:
    assert words("À définir ! L'équipe") == ("a", "definir", "l", "equipe")
    assert content_words("Le jardin de 2026 et la fête") == ("jardin", "fete")
    assert content_words("pour 12 et 3") == ()


def test_restates_tolerates_a_typo_either_way() -> None:
    assert restates("La ville", ["vile"])  # a four-letter word of the other text, one letter short
    assert restates("La vile", ["ville"])
    assert not restates("La ville", ["Le village"])
    assert not restates("Jardin", ["Le 2026", "jardin"][:1])  # the other text has no meaningful word
    assert restates("Jardin 2026", ["le jardin"])  # numbers are not meaningful


def test_phrase_list_takes_a_mapping_by_language_or_a_plain_list() -> None:
    assert phrase_list({"fr": ["à définir"], "en": ["tbd", "to be found"]}) == ("tbd", "to be found", "à définir")
    assert phrase_list({"fr": None, "en": ["tbd"]}) == ("tbd",)
    assert phrase_list(["à définir", 3]) == ("à définir", "3")
    assert phrase_list(("tbd",)) == ("tbd",)
    assert phrase_list("tbd") == ()
    assert phrase_list(None) == ()


@pytest.mark.parametrize(
    ("value", "placeholder"),
    [
        ("à définir", True),
        ("À définir ensemble", True),  # one more word
        ("à définir ensemble demain", False),
        ("?", True),  # punctuation only
        ("…", True),
        ("- ", True),
        ("   ", False),  # blank is not a placeholder: it is no answer
        ("", False),
        ("Un jardin partagé", False),
        (None, False),
        (3, False),
        (["à définir"], False),
    ],
)
def test_is_placeholder(value: object, placeholder: bool) -> None:
    assert is_placeholder(value, ("à définir", "tbd")) is placeholder


def test_is_placeholder_takes_the_extra_words_allowed() -> None:
    assert not is_placeholder("à définir ensemble", ("à définir",), 0)
    assert is_placeholder("à définir ensemble demain", ("à définir",), 2)
