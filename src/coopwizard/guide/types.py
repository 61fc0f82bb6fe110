"""The question types: one object per type, holding everything that differs between them.

Each type says how an answer is checked (`check`: the single validation path, so
a sheet read from a file, an answers file and a prompt's typed text can never
disagree on what is valid), how it is described in the sheet's JSON Schema, how
it reads on one line for people, how a renderer lays it out (`shape`), and which
primitive prompt asks it (`prompt`). A new question type is one class here and
one entry in QUESTION_TYPES. An empty answer (blank text, empty list) is "not
answered", never an error.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import field
from typing import TYPE_CHECKING, Any, Literal

from coopwizard.core.message import Message
from coopwizard.core.records import slim_dataclass
from coopwizard.core.text import folded, suggest
from coopwizard.i18n import message
from coopwizard.io.visible import describe_control

if TYPE_CHECKING:
    from coopwizard.guide.model import Question

YES = frozenset({"yes", "y", "oui", "o", "true", "vrai", "1"})
NO = frozenset({"no", "n", "non", "false", "faux", "0"})
_AMOUNT_NOISE = re.compile(r"[\s\u00a0\u202f€]|eur(os?)?$", re.IGNORECASE)


@slim_dataclass
class Problem:
    """What is wrong with one answer; `path` is relative to the answer (a list index, a field)."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    path: tuple[str | int, ...] = ()

    @property
    def message(self) -> Message:
        return Message(self.key, self.params)


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
    return QUESTION_TYPES[question.type].check(question, value)


# Every kind of line break becomes a newline; any other control character is refused.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x9f]")


def clean_text(value: str) -> tuple[str, list[Problem]]:
    """Typed text as the sheet keeps it: line breaks made newlines, stripped; a control character refused.

    The one rule for every answer, whatever it comes from (a sheet, an answers file, a
    prompt): NUL, ESC, BEL, DEL and the other C0 and C1 controls (tab and newline aside)
    are refused, with their position, so that no file written ever carries them.
    """
    if value.isprintable():  # most answers: no line break and no control character (nor tab, nor NBSP)
        return value.strip(), []
    text = _LINE_BREAKS.sub("\n", value).strip()
    bad = _CONTROL.search(text)
    if bad is None:
        return text, []
    return "", [Problem("answer.control_char", {"char": describe_control(bad.group()), "position": bad.start() + 1})]


def _text(question: Question, value: Any) -> tuple[Any, list[Problem]]:
    if value.__class__ is str and value.isprintable():  # most answers (clean_text's first case, inline)
        return (value.strip() or None), []
    if value is None:  # left blank inside a list or per partner (`- ` or `Mairie:` in YAML): not answered
        return None, []
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None, [Problem("answer.expected_text", {"found": type_name(value)})]
    text, problems = clean_text(str(value))
    return (text or None), problems


def _choice(question: Question, value: Any) -> tuple[Any, list[Problem]]:
    """A choice by its id, by its label in either language, or by its number (1 for the first), as people type."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None, [Problem("answer.expected_choice", {"found": type_name(value)})]
    text = str(value).strip()
    if not text:
        return None, []
    chosen = choice_for(question, text)
    if chosen is None:
        ids = [c.id for c in question.choices]
        names = {folded(name): c.id for c in question.choices for name in (c.id, c.label.fr, c.label.en)}
        close = suggest(folded(text), list(names))
        params = {"value": text, "allowed": ", ".join(ids), "suggestion": names[close] if close else ""}
        return None, [Problem("answer.unknown_choice", params)]
    return chosen, []


def choice_for(question: Question, typed: str) -> str | None:
    """The id of the choice `typed` names (id, label, or number), ignoring case and accents; None if none."""
    if question.choice(typed) is not None:
        return typed
    key = folded(typed)
    for choice in question.choices:
        if key in (folded(choice.id), folded(choice.label.fr), folded(choice.label.en)):
            return choice.id
    if key.isdigit() and 1 <= int(key) <= len(question.choices):
        return question.choices[int(key) - 1].id
    return None


def _multi_choice(question: Question, value: Any) -> tuple[Any, list[Problem]]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        return None, [Problem("answer.expected_list", {"found": type_name(value)})]
    chosen: list[str] = []
    problems: list[Problem] = []
    for index, item in enumerate(items):
        choice, item_problems = _choice(question, item)
        if item_problems:
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


_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def parse_date(value: Any) -> dt.date | None:
    """A date from ISO (2026-12-10) or day first, as French and British people write it (10/12/2026)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    match = _DAY_FIRST.fullmatch(text)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _date(question: Question, value: Any) -> tuple[Any, list[Problem]]:
    if isinstance(value, str) and not value.strip():
        return None, []
    parsed = parse_date(value)
    if parsed is None:
        return None, [Problem("answer.bad_date", {"value": str(value)})]
    return parsed, []


def parse_amount(value: Any) -> int | float | None:
    """A non-negative amount from a number or as typed: "1 200,50 €", "1,200.50", "1.200,50", "350,5"."""
    if isinstance(value, bool):
        return None
    number: float
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(_decimal_text(_AMOUNT_NOISE.sub("", value.strip())))
        except ValueError:
            return None
    else:
        return None
    if number < 0 or number != number or number in (float("inf"), float("-inf")):
        return None
    return int(number) if number.is_integer() else round(number, 2)


_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+")


def _decimal_text(text: str) -> str:
    """Digits with "." as the decimal point, whichever of "," and "." the person used for what."""
    if "," in text and "." in text:  # the last one is the decimal point: 1,200.50 or 1.200,50
        decimal = "," if text.rindex(",") > text.rindex(".") else "."
        thousands = "." if decimal == "," else ","
        return text.replace(thousands, "").replace(decimal, ".")
    if "," in text:  # 1,200 (thousands, English) or 350,50 (decimal, French)
        return text.replace(",", "") if _THOUSANDS.fullmatch(text) else text.replace(",", ".")
    if text.count(".") > 1:  # 1.200.000
        return text.replace(".", "")
    return text


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
        if item_problems:
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
        if sub_problems:
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
        name, name_problems = clean_text(str(partner))
        if name_problems:  # a partner's name is written as a key: the same rule as any text
            problems.extend(Problem(p.key, p.params, (str(partner), *p.path)) for p in name_problems)
            continue
        text, text_problems = _text(question, answer)
        if text_problems:
            problems.extend(Problem(p.key, p.params, (str(partner), *p.path)) for p in text_problems)
        if text is not None:
            result[name] = text
    return (result or None), problems


Shape = Literal["text", "line", "items", "records", "per_partner"]
PromptKind = Literal["text", "choice", "multi_choice", "yes_no", "items", "records", "per_partner"]
Schema = dict[str, Any]


class QuestionType:
    """What every type shares; subclasses override what differs."""

    name: str = ""
    layout: Shape = "line"  # text: a paragraph; line: one line; items/records/per_partner: a list or a table
    asked_by: PromptKind = "text"
    hint_key: str | None = None  # the instruction under a typed prompt

    def shape(self, question: Question) -> Shape:
        """How a renderer lays the answer out."""
        return self.layout

    def prompt(self, question: Question) -> PromptKind:
        """Which primitive prompt (or loop of them) asks it."""
        return self.asked_by

    def check(self, question: Question, value: Any) -> tuple[Any, list[Problem]]:
        return _text(question, value)

    def schema(self, question: Question, lang: str) -> Schema:
        return {"type": "string"}

    def display(self, question: Question, value: Any, lang: str) -> str:
        """The answer on one line, in `lang`, as plain text (renderers escape it)."""
        return str(value)

    def as_typed(self, value: Any) -> str:
        """An answer as a person would type it again (a prompt's default)."""
        return "" if value is None else str(value)


class TextType(QuestionType):
    name, layout = "text", "text"


class ChoiceType(QuestionType):
    name, asked_by = "choice", "choice"

    def check(self, question: Question, value: Any) -> tuple[Any, list[Problem]]:
        return _choice(question, value)

    def schema(self, question: Question, lang: str) -> Schema:
        return {"enum": [c.id for c in question.choices]}

    def display(self, question: Question, value: Any, lang: str) -> str:
        choice = question.choice(str(value))
        return choice.label(lang) if choice else str(value)


class MultiChoiceType(QuestionType):
    name, asked_by = "multi_choice", "multi_choice"

    def check(self, question: Question, value: Any) -> tuple[Any, list[Problem]]:
        return _multi_choice(question, value)

    def schema(self, question: Question, lang: str) -> Schema:
        return {"type": "array", "items": {"enum": [c.id for c in question.choices]}, "uniqueItems": True}

    def display(self, question: Question, value: Any, lang: str) -> str:
        return ", ".join(c.label(lang) for c in question.choices if c.id in value)


class YesNoType(QuestionType):
    name, asked_by = "yes_no", "yes_no"

    def check(self, question: Question, value: Any) -> tuple[Any, list[Problem]]:
        return _yes_no(question, value)

    def schema(self, question: Question, lang: str) -> Schema:
        return {"type": "boolean"}

    def display(self, question: Question, value: Any, lang: str) -> str:
        return message(lang, "guide.yes" if value else "guide.no")


class DateType(QuestionType):
    name, hint_key = "date", "wizard.date_hint"

    def check(self, question: Question, value: Any) -> tuple[Any, list[Problem]]:
        return _date(question, value)

    def schema(self, question: Question, lang: str) -> Schema:
        return {"type": "string", "format": "date"}

    def display(self, question: Question, value: Any, lang: str) -> str:
        return value.isoformat() if isinstance(value, dt.date) else str(value)

    def as_typed(self, value: Any) -> str:
        return value.isoformat() if isinstance(value, dt.date) else super().as_typed(value)


class AmountType(QuestionType):
    name, hint_key = "amount", "wizard.amount_hint"

    def check(self, question: Question, value: Any) -> tuple[Any, list[Problem]]:
        return _amount(question, value)

    def schema(self, question: Question, lang: str) -> Schema:
        return {"type": "number", "minimum": 0}

    def display(self, question: Question, value: Any, lang: str) -> str:
        from coopwizard.i18n.typography import money

        return money(value, lang) if isinstance(value, int | float) else f"{value} €"


class ListType(QuestionType):
    """A list of texts, or of records when the question has fields."""

    name = "list"

    def shape(self, question: Question) -> Shape:
        return "records" if question.fields else "items"

    def prompt(self, question: Question) -> PromptKind:
        return "records" if question.fields else "items"

    def check(self, question: Question, value: Any) -> tuple[Any, list[Problem]]:
        return _list(question, value)

    def schema(self, question: Question, lang: str) -> Schema:
        if not question.fields:
            return {"type": "array", "items": {"type": "string"}}
        record: Schema = {
            "type": "object",
            "additionalProperties": False,
            "properties": {f.id: {**f.kind.schema(f, lang), "description": f.text(lang)} for f in question.fields},
        }
        required = [f.id for f in question.fields if f.required]
        if required:
            record["required"] = required
        return {"type": "array", "items": record}

    def display(self, question: Question, value: Any, lang: str) -> str:
        from coopwizard.i18n.typography import list_separator

        if not question.fields:
            return list_separator(lang).join(str(item) for item in value)
        return list_separator(lang).join(
            ", ".join(f.kind.display(f, item[f.id], lang) for f in question.fields if is_answered(item.get(f.id)))
            for item in value
        )


class PerPartnerType(QuestionType):
    name, layout, asked_by = "per_partner", "per_partner", "per_partner"

    def check(self, question: Question, value: Any) -> tuple[Any, list[Problem]]:
        return _per_partner(question, value)

    def schema(self, question: Question, lang: str) -> Schema:
        return {"type": "object", "additionalProperties": {"type": "string"}}

    def display(self, question: Question, value: Any, lang: str) -> str:
        from coopwizard.i18n.typography import colon, list_separator

        return list_separator(lang).join(f"{name}{colon(lang)}{text}" for name, text in value.items())


QUESTION_TYPES: dict[str, QuestionType] = {
    kind.name: kind
    for kind in (
        TextType(),
        ChoiceType(),
        MultiChoiceType(),
        YesNoType(),
        DateType(),
        AmountType(),
        ListType(),
        PerPartnerType(),
    )
}
