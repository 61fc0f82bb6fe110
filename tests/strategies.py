"""Hypothesis strategies built from the checklist: sheets that are valid by construction, then mutated once.

Every question's type says what a valid answer is (guide/types.py); these strategies follow the
checklist's own questions, so a topic or a question added there is fuzzed without a change here.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import yaml
from hypothesis import strategies as st

from coopwizard.guide.load import default_checklist_path
from coopwizard.guide.model import Checklist, Question
from coopwizard.guide.parse import ChecklistParser
from coopwizard.io.yamlio import load_yaml
from tests.conftest import EXAMPLE


def _read_checklist() -> Checklist:
    """The default checklist, parsed here without the compiled cache (strategies are built at import)."""
    path = default_checklist_path()
    return ChecklistParser(load_yaml(path.read_text(encoding="utf-8"), str(path)), str(path)).parse()


CHECKLIST = _read_checklist()

# What people type: words from a vocabulary of ordinary and hostile ones (cheap to draw, so whole
# sheets fit in an example), sometimes any letter, mark, digit, punctuation, symbol or space.
# Trimmed, as the validator keeps it.
WORDS = [
    "Fête",
    "jardin",
    "Linandes",
    "0612345678",
    "18:30",
    "2026-10-13",
    "oui",
    "no",
    "null",
    "~",
    "12",
    "1.5",
    "&",
    "&amp;",
    "<b>",
    "a|b",
    "#",
    "# titre",
    "*",
    "**gras**",
    "_x_",
    "`code`",
    "---",
    "1.",
    "- item",
    "> cité",
    "[lien](x)",
    "\\",
    "«\u00a0guillemets\u00a0»",
    "émoji 😀",
    "x" * 40,
    "'",
    '"',
    ":",
    ": ",
    "{",
    "}",
    "[",
    "]",
]
_chars = st.characters(whitelist_categories=("L", "M", "N", "P", "S", "Zs"), whitelist_characters="&<>|#*`-_[]\\")
one_line = (
    (st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join) | st.text(_chars, max_size=10))
    .map(str.strip)
    .filter(bool)
)
multi_line = st.lists(one_line, min_size=1, max_size=2).map("\n".join)
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))
amounts = st.integers(min_value=0, max_value=10**7) | st.decimals(
    min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False
).map(lambda d: float(d)).filter(lambda f: not f.is_integer())


def answer(question: Question, partner_names: list[str]) -> st.SearchStrategy[Any]:
    """A valid answer to `question`, in the form the validator gives back."""
    match question.type:
        case "text":
            return multi_line if question.id in {"summary", "reason", "method", "notes"} else one_line
        case "choice":
            return st.sampled_from([c.id for c in question.choices])
        case "multi_choice":
            ids = [c.id for c in question.choices]
            return st.lists(st.sampled_from(ids), min_size=1, unique=True).map(lambda xs: [i for i in ids if i in xs])
        case "yes_no":
            return st.booleans()
        case "date":
            return dates
        case "amount":
            return amounts
        case "list" if not question.fields:
            return st.lists(one_line, min_size=1, max_size=3)
        case "list":
            return st.lists(record(question.fields), min_size=1, max_size=2)
        case "per_partner":
            if not partner_names:
                return st.just({})
            return st.dictionaries(st.sampled_from(partner_names), one_line, min_size=1)
    raise AssertionError(f"no strategy for the question type {question.type}")  # a new type: add it here


def record(fields: tuple[Question, ...]) -> st.SearchStrategy[dict[str, Any]]:
    return answers(fields, [])


def answers(questions: tuple[Question, ...], partner_names: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Required questions always answered, the others sometimes."""
    parts = {}
    for question in questions:
        strategy = answer(question, partner_names)
        parts[question.id] = strategy if question.required else st.none() | strategy
    return st.fixed_dictionaries(parts).map(lambda d: {k: v for k, v in d.items() if v not in (None, {}, [])})


def _example() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    return data


EXAMPLE_DATA = _example()


@st.composite
def valid_sheets(draw: st.DrawFn, checklist: Checklist = CHECKLIST) -> dict[str, Any]:
    """A sheet's data as `coop check` reads it from YAML, valid for the checklist.

    Each section is drawn from the checklist's questions, or kept from the complete example, or
    left out: whole sheets of every kind, from a title alone to all twelve topics settled, while
    each example stays small enough for Hypothesis to draw and shrink quickly.
    """
    base = copy.deepcopy(EXAMPLE_DATA)
    data: dict[str, Any] = {"format": 1}
    keep = st.sampled_from(["drawn", "kept", "kept", "absent"])
    if draw(keep) == "kept":
        names = [p["name"] for p in base["partners"]]
        data["partners"] = base["partners"]
    else:
        names = draw(st.lists(one_line, min_size=0, max_size=7, unique=True))
        partners = [{**draw(answers(checklist.partner[1:], [])), "name": name} for name in names]
        if partners:
            data["partners"] = partners
    project = draw(answers(checklist.project, names)) if draw(keep) == "drawn" else base["project"]
    data["project"] = project
    how = draw(keep)
    if how != "absent":
        classification = base["classification"] if how == "kept" else draw(answers(checklist.classification, names))
        if classification:
            data["classification"] = classification
    topics: dict[str, Any] = {}
    for topic in checklist.topics:
        how = draw(keep)
        if how == "absent":
            continue
        if how == "kept":
            topics[topic.id] = base["topics"][topic.id]
            continue
        entry = draw(answers(topic.questions, names))
        status = draw(st.sampled_from([None, "settled", "to_complete"]))
        if status:
            entry["status"] = status
        if draw(st.integers(0, 5)) == 0:
            entry["notes"] = draw(multi_line)
        topics[topic.id] = entry
    if topics:
        data["topics"] = topics
    return data


# Values of any shape, for mutations.
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=True)
    | st.text(max_size=12)
    | dates
    | st.sampled_from(["", " ", "oui", "no", "2026-02-30", "12 €", "-5", "settled", "consensus"])
)
any_value = st.recursive(
    scalars,
    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=6), kids, max_size=3),
    max_leaves=8,
)


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in `data` (mappings and lists), the root excluded."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            found.append((*prefix, key))
            found.extend(paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.append((*prefix, index))
            found.extend(paths(value, (*prefix, index)))
    return found


@st.composite
def mutated_sheets(draw: st.DrawFn) -> tuple[dict[str, Any], tuple[Any, ...], str]:
    """A valid sheet with one change: a value replaced, a key removed, or an unknown key added."""
    data = draw(valid_sheets())
    where = draw(st.sampled_from(paths(data)))
    parent = data
    for part in where[:-1]:
        parent = parent[part]
    kind = draw(st.sampled_from(["replace", "remove", "add"]))
    if kind == "replace":
        parent[where[-1]] = draw(any_value)
    elif kind == "remove":
        del parent[where[-1]]
    elif isinstance(parent, dict):
        parent[draw(st.text(min_size=1, max_size=8))] = draw(any_value)
    else:
        parent.append(draw(any_value))
    return data, where, kind
