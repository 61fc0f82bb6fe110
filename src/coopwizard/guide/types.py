"""One answer, checked against its question: the single validation path.

A sheet read from a file, an answers file and a prompt's typed text all go
through `check_answer`, so the three can never disagree on what is valid.
An empty answer (blank text, empty list) is "not answered", never an error.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from coopwizard.core.text import suggest
from coopwizard.guide.model import Question

YES = frozenset({"yes", "y", "oui", "o", "true", "vrai", "1"})
NO = frozenset({"no", "n", "non", "false", "faux", "0"})
_AMOUNT_NOISE = re.compile(r"[\s\u00a0\u202f€]|eur(os?)?$", re.IGNORECASE)


@dataclass
class Problem:
    """What is wrong with one answer; `path` is relative to the answer (a list index, a field)."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    path: tuple[str | int, ...] = ()


def type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dt.date):
        return "date"
    return "text"


def is_answered(value: Any) -> bool:
    return value is not None and value != [] and value != {} and value != ""


def check_answer(question: Question, value: Any) -> tuple[Any, list[Problem]]:
    """The answer in its canonical form (None when unanswered), and what is wrong with it."""
    if value is None:
        return None, []
    checker = _CHECKERS[question.type]
    return checker(question, value)


def _text(question: Question, value: Any) -> tuple[Any, list[Problem]]:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None, [Problem("answer.expected_text", {"found": type_name(value)})]
    text = str(value).strip()
    return (text or None), []


def _choice(question: Question, value: Any) -> tuple[Any, list[Problem]]:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None, [Problem("answer.expected_choice", {"found": type_name(value)})]
    text = str(value).strip()
    if not text:
        return None, []
    if question.choice(text) is None:
        ids = [c.id for c in question.choices]
        return None, [
            Problem(
                "answer.unknown_choice", {"value": text, "allowed": ", ".join(ids), "suggestion": suggest(text, ids)}
            )
        ]
    return text, []


def _multi_choice(question: Question, value: Any) -> tuple[Any, list[Problem]]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        return None, [Problem("answer.expected_list", {"found": type_name(value)})]
    chosen: list[str] = []
    problems: list[Problem] = []
    for index, item in enumerate(items):
        choice, item_problems = _choice(question, item)
        problems.extend(Problem(p.key, p.params, (index, *p.path)) for p in item_problems)
        if choice is not None and choice not in chosen:
            chosen.append(choice)
    return (chosen or None), problems


def parse_yes_no(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in YES:
            return True
        if word in NO:
            return False
    return None


def _yes_no(question: Question, value: Any) -> tuple[Any, list[Problem]]:
    if isinstance(value, str) and not value.strip():
        return None, []
    answer = parse_yes_no(value)
    if answer is None:
        return None, [Problem("answer.expected_yes_no", {"value": str(value)})]
    return answer, []


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _date(question: Question, value: Any) -> tuple[Any, list[Problem]]:
    if isinstance(value, str) and not value.strip():
        return None, []
    parsed = parse_date(value)
    if parsed is None:
        return None, [Problem("answer.bad_date", {"value": str(value)})]
    return parsed, []


def parse_amount(value: Any) -> int | float | None:
    """A non-negative amount from a number or a typed "1 200,50 €"; None when it is not one."""
    if isinstance(value, bool):
        return None
    number: float
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        cleaned = _AMOUNT_NOISE.sub("", value.strip()).replace(",", ".")
        try:
            number = float(cleaned)
        except ValueError:
            return None
    else:
        return None
    if number < 0 or number != number or number in (float("inf"), float("-inf")):
        return None
    return int(number) if number.is_integer() else round(number, 2)


def _amount(question: Question, value: Any) -> tuple[Any, list[Problem]]:
    if isinstance(value, str) and not value.strip():
        return None, []
    amount = parse_amount(value)
    if amount is None:
        return None, [Problem("answer.bad_amount", {"value": str(value)})]
    return amount, []


def _list(question: Question, value: Any) -> tuple[Any, list[Problem]]:
    items = [value] if isinstance(value, str | dict) else value
    if not isinstance(items, list):
        return None, [Problem("answer.expected_list", {"found": type_name(value)})]
    result: list[Any] = []
    problems: list[Problem] = []
    for index, item in enumerate(items):
        entry, item_problems = _record(question, item) if question.fields else _text(question, item)
        problems.extend(Problem(p.key, p.params, (index, *p.path)) for p in item_problems)
        if entry is not None:
            result.append(entry)
    return (result or None), problems


def _record(question: Question, value: Any) -> tuple[Any, list[Problem]]:
    if not isinstance(value, dict):
        return None, [
            Problem(
                "answer.expected_record",
                {"found": type_name(value), "fields": ", ".join(f.id for f in question.fields)},
            )
        ]
    record: dict[str, Any] = {}
    problems: list[Problem] = []
    known = [f.id for f in question.fields]
    for key in value:
        if str(key) not in known:
            problems.append(
                Problem(
                    "answer.unknown_field",
                    {"key": str(key), "allowed": ", ".join(known), "suggestion": suggest(str(key), known)},
                    (str(key),),
                )
            )
    for sub in question.fields:
        answer, sub_problems = check_answer(sub, value.get(sub.id))
        problems.extend(Problem(p.key, p.params, (sub.id, *p.path)) for p in sub_problems)
        if answer is not None:
            record[sub.id] = answer
        elif sub.required and not sub_problems:
            problems.append(Problem("answer.missing_field", {"key": sub.id}, (sub.id,)))
    if not record:
        return None, problems
    return record, problems


def _per_partner(question: Question, value: Any) -> tuple[Any, list[Problem]]:
    if not isinstance(value, dict):
        return None, [Problem("answer.expected_per_partner", {"found": type_name(value)})]
    result: dict[str, str] = {}
    problems: list[Problem] = []
    for partner, answer in value.items():
        text, text_problems = _text(question, answer)
        problems.extend(Problem(p.key, p.params, (str(partner), *p.path)) for p in text_problems)
        if text is not None:
            result[str(partner)] = text
    return (result or None), problems


_CHECKERS = {
    "text": _text,
    "choice": _choice,
    "multi_choice": _multi_choice,
    "yes_no": _yes_no,
    "date": _date,
    "amount": _amount,
    "list": _list,
    "per_partner": _per_partner,
}
