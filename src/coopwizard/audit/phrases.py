"""Matching what volunteers write against the checklist's phrases: the one place that knows how.

Texts and phrases are compared *normalised*: lowercase, accents folded (« é » is
« e »), apostrophes and punctuation turned into spaces, spaces collapsed. A word
of five letters or more also matches with one typo (one letter missing, added,
changed, or two letters swapped): « subvension » is « subvention ». Shorter
words must match exactly, so that « paie » is not « pied ».
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

TYPO_FROM = 5  # words this long or longer tolerate one typo
MEMO_WORDS = 1 << 15  # distinct words (and short texts) remembered per phrase list
MEMO_TEXT = 200  # texts up to this long are remembered: the ones that recur
_NOT_WORD = re.compile(r"[^0-9a-z]+")

# Words that say nothing of what a text is about, in both languages: left out when
# telling whether a text says more than a phrase, or restates another text.
_STOP = """
a au aux avec c ca ce ces cet cette d de des du elle en et eux il ils j je l la le les leur leurs lui m ma
mais me mes moi mon n ne nos notre nous on ou par pas pour qu que qui s sa se ses son sur t ta te tes toi
ton tu un une vos votre vous y est sont ete etre avoir ont fait faire parce car donc aussi tres plus
tout tous toute toutes comme ainsi cela ceci organiser organise realiser mener monter euros euro eur
the an of to and or for in on at by with from as is are be been was were it its this that these those we
our us they their them you your because so also very all do does did make made organise organize hold run
"""
STOP_WORDS = frozenset(_STOP.split())


@functools.lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """« À définir ! » -> "a definir"."""
    folded = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "oe"))
    bare = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return " ".join(_NOT_WORD.split(bare)).strip()


def words(text: str) -> tuple[str, ...]:
    return tuple(normalise(text).split())


def content_words(text: str) -> tuple[str, ...]:
    """The words of a text that carry its meaning (stop words left out)."""
    return _short_content_words(text) if len(text) <= MEMO_TEXT else _content_words(text)


@functools.lru_cache(maxsize=4096)
def _short_content_words(text: str) -> tuple[str, ...]:
    return _content_words(text)  # short texts recur (a partner's name, a list item): remembered


def _content_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in words(text) if w not in STOP_WORDS and not w.isdigit())


def _one_typo(a: str, b: str) -> bool:
    """Whether a and b differ by at most one edit (Damerau: a swap of neighbours counts as one)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


@functools.lru_cache(maxsize=1 << 16)
def word_matches(word: str, expected: str) -> bool:
    if word == expected:
        return True
    return len(expected) >= TYPO_FROM and len(word) >= TYPO_FROM - 1 and _one_typo(word, expected)


def _keys(word: str, fuzzy: bool) -> tuple[str, ...]:
    """The word and, when typos count, the word with each letter taken out in turn.

    Two words one edit apart (a letter missing, added, changed, or two swapped)
    always share one of these keys: looking a text's words up by key finds every
    phrase that may start there without comparing each word with each phrase.
    """
    if not fuzzy:
        return (word,)
    return (word, *{word[:i] + word[i + 1 :] for i in range(len(word))})


@dataclass(frozen=True)
class _Index:
    """One phrase list, indexed for matching texts against it in one pass (see `_keys`)."""

    phrases: tuple[tuple[str, tuple[str, ...]], ...]  # (phrase, its words), in the checklist's order
    by_key: Mapping[str, frozenset[str]]  # a key -> the phrases' first words that have it
    by_first: Mapping[str, tuple[int, ...]]  # a first word -> the phrases that start with it
    longest: int  # the most words in one phrase
    longest_first: int  # the most letters in a phrase's first word
    starts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # memo: a text's word -> first words it matches
    only: dict[tuple[str, int], bool] = field(default_factory=dict)  # memo: (text, extra words) -> is_only's answer
    placeholder: dict[tuple[str, int], bool] = field(default_factory=dict)  # memo: the same for is_placeholder

    def firsts(self, word: str) -> tuple[str, ...]:
        """The phrases' first words that `word` matches (typos tolerated), looked up by key once per word."""
        known = self.starts.get(word)
        if known is None:
            # A word longer than every first word by two letters or more is one edit from none of them:
            # no keys for it (a hostile 16,000-letter word would make 16,000 keys of 16,000 letters).
            if len(word) > self.longest_first + 1:
                return ()
            candidates: set[str] = set()
            for key in _keys(word, len(word) >= TYPO_FROM - 1):
                candidates.update(self.by_key.get(key, ()))
            if len(self.starts) >= MEMO_WORDS:
                self.starts.clear()  # a bounded memo: a folder of sheets does not keep every word it has seen
            known = self.starts[word] = tuple(sorted(f for f in candidates if word_matches(word, f)))
        return known


@functools.lru_cache(maxsize=512)
def _index(phrases: tuple[str, ...]) -> _Index:
    compiled = tuple((phrase, expected) for phrase in phrases if (expected := words(phrase)))
    by_key: dict[str, set[str]] = {}
    by_first: dict[str, list[int]] = {}
    for position, (_, expected) in enumerate(compiled):
        first = expected[0]
        by_first.setdefault(first, []).append(position)
        for key in _keys(first, len(first) >= TYPO_FROM):
            by_key.setdefault(key, set()).add(first)
    return _Index(
        compiled,
        {key: frozenset(firsts) for key, firsts in by_key.items()},
        {first: tuple(positions) for first, positions in by_first.items()},
        max((len(expected) for _, expected in compiled), default=0),
        max((len(expected[0]) for _, expected in compiled), default=0),
    )


def _indexed(phrases: Iterable[str]) -> _Index:
    """`_index` of these phrases; the very tuple asked for last time is not hashed again.

    Every answer of every sheet is matched against the same few tuples of the loaded
    checklist (its placeholders, a rule's phrases): hashing thirty phrases for the
    cache's key, sixty times a sheet, cost more than the memoised answer it led to.
    """
    last, index = _LAST_INDEXED[0]
    if last is phrases and index is not None:
        return index
    key = phrases if isinstance(phrases, tuple) else tuple(phrases)
    index = _index(key)
    if key is phrases:  # a list may change: only a tuple is remembered
        _LAST_INDEXED[0] = (key, index)
    return index


_LAST_INDEXED: list[tuple[Any, _Index | None]] = [((), None)]  # the tuple last indexed, and its index


def _occurrences(text_words: Sequence[str], index: _Index) -> Iterator[tuple[str, int, int]]:
    """Every place a phrase stands in the text: (phrase, first word, word after), phrases in their order.

    Linear in the text: each word is looked up by its keys (`_keys`), and only the
    phrases that may start there are compared, word by word.
    """
    hits: list[tuple[int, int]] = []
    for start, word in enumerate(text_words):
        for first in index.firsts(word):
            for position in index.by_first[first]:
                expected = index.phrases[position][1]
                end = start + len(expected)
                if end <= len(text_words) and all(
                    word_matches(text_words[start + i], expected[i]) for i in range(1, len(expected))
                ):
                    hits.append((position, start))
    for position, start in sorted(hits):
        phrase, expected = index.phrases[position]
        yield phrase, start, start + len(expected)


@functools.lru_cache(maxsize=512)
def vocabulary(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """Every word of the phrases, once each, in their order: « la mairie », « mairie » -> la, mairie."""
    return tuple(dict.fromkeys(w for phrase in phrases for w in words(phrase)))


def knows(word: str, known: tuple[str, ...]) -> bool:
    """Whether `word` matches one of the `known` words (typos tolerated), looked up by key, not word by word."""
    return bool(_indexed(known).firsts(word))


def find(text: str, phrases: Iterable[str]) -> tuple[str, tuple[int, int]] | None:
    """The first phrase found in text, and where (word positions), or None."""
    found = next(_occurrences(words(text), _indexed(phrases)), None)
    return None if found is None else (found[0], (found[1], found[2]))


def contains(text: str, phrases: Iterable[str]) -> bool:
    return find(text, phrases) is not None


def is_only(text: str, phrases: Iterable[str], extra_words: int = 0) -> bool:
    """Whether text is one of the phrases, give or take `extra_words` words that carry meaning.

    « Parce que la mairie l'a demandé » is only « la mairie l'a demandé »: the
    words left (« parce que ») are stop words.
    """
    index = _indexed(phrases)
    if len(text) > MEMO_TEXT:
        return _is_only(words(text), index, extra_words)
    # The same short answers come back in sheet after sheet (« bénévoles », « la salle », « à voir »):
    # each one is worked out once per phrase list, in a bounded memo of short texts.
    known = index.only.get((text, extra_words))
    if known is None:
        if len(index.only) >= MEMO_WORDS:
            index.only.clear()
        known = index.only[(text, extra_words)] = _is_only(words(text), index, extra_words)
    return known


def _is_only(text_words: tuple[str, ...], index: _Index, extra_words: int) -> bool:
    meaningful = sum(1 for w in text_words if w not in STOP_WORDS and not w.isdigit())
    if meaningful > index.longest + extra_words:
        return False  # more to it than any phrase and the words allowed: no need to look
    for _, start, end in _occurrences(text_words, index):
        rest = [*text_words[:start], *text_words[end:]]
        if sum(1 for w in rest if w not in STOP_WORDS and not w.isdigit()) <= extra_words:
            return True
    return False


def restates(text: str, others: Iterable[str]) -> bool:
    """Whether every meaningful word of text is already in one of the other texts (typos tolerated)."""
    mine = content_words(text)
    if not mine:
        return True
    for other in others:
        theirs = content_words(other)
        if theirs and all(any(word_matches(w, t) or word_matches(t, w) for t in theirs) for w in mine):
            return True
    return False


def phrase_list(value: Any) -> tuple[str, ...]:
    """A checklist's phrases ({fr: [...], en: [...]}, or a plain list) as one list: matching ignores the language.

    The same few parameters of the loaded checklist are asked for by every rule of
    every sheet: each one's list is made once, remembered by the parameter's identity
    (the entry keeps the parameter itself, so its id is never another object's). A
    checklist is never changed once loaded; a parameter changed in place would be
    read as it was.
    """
    known = _PHRASE_LISTS.get(id(value))
    if known is not None and known[0] is value:
        return known[1]
    if isinstance(value, Mapping):
        phrases = tuple(str(p) for lang in sorted(value) for p in value[lang] or ())
    elif isinstance(value, list | tuple):
        phrases = tuple(str(p) for p in value)
    else:
        return ()
    if len(_PHRASE_LISTS) >= 256:
        _PHRASE_LISTS.clear()
    _PHRASE_LISTS[id(value)] = (value, phrases)
    return phrases


_PHRASE_LISTS: dict[int, tuple[Any, tuple[str, ...]]] = {}


def is_placeholder(value: Any, placeholders: Sequence[str], extra_words: int = 1) -> bool:
    """Whether a text answer only says it is not known yet: « à trouver », "TBD", « ? », « … ».

    A text made only of punctuation counts; so does a placeholder with one more
    word (« à définir ensemble »).
    """
    if not isinstance(value, str):
        return False
    index = _indexed(placeholders)
    known = index.placeholder.get((value, extra_words)) if len(value) <= MEMO_TEXT else None
    if known is None:
        if not value.strip():
            known = False
        elif not normalise(value):
            known = True  # « ? », « … », « - »
        else:
            known = _is_only(words(value), index, extra_words)  # remembered below, once
        if len(value) <= MEMO_TEXT:  # sixty answers a sheet, most of them short ones that recur
            if len(index.placeholder) >= MEMO_WORDS:
                index.placeholder.clear()
            index.placeholder[(value, extra_words)] = known
    return known
