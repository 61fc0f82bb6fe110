"""How each typed answer is checked and kept, value by value (guide/types.py).

Written from the mutation run of guide/types.py (docs/testing.md): each test pins a
behaviour a volunteer relies on when typing an answer, with its exact value and message.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from coopwizard.core.localized import Localized
from coopwizard.guide.model import Choice, Question
from coopwizard.guide.types import (
    QUESTION_TYPES,
    Problem,
    check_answer,
    choice_for,
    clean_text,
    is_answered,
    parse_amount,
    parse_date,
    parse_yes_no,
    type_name,
)
from coopwizard.i18n import say
from tests.helpers import french


def _q(kind: str, **more: Any) -> Question:
    return Question(id="q", type=kind, text=Localized("Question ?", "Question?"), **more)  # type: ignore[arg-type]


STATUS = _q(
    "choice",
    choices=(
        Choice("asso", Localized("Association loi 1901", "Non-profit association")),
        Choice("coop", Localized("Coopérative", "Cooperative")),
        Choice("mairie", Localized("Collectivité", "Local authority")),
    ),
)
SCOPE = _q("multi_choice", choices=STATUS.choices)
NEEDS = _q(
    "list",
    fields=(
        Question(id="what", type="text", text=Localized("Quoi", "What"), required=True),
        Question(id="amount", type="amount", text=Localized("Montant", "Amount")),
        Question(id="when", type="date", text=Localized("Quand", "When")),
    ),
)


def _said(problem: Problem, lang: str = "fr") -> str:
    return say(problem.message, lang)


# --- type_name, is_answered ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "name"),
    [
        (True, "yes/no"),
        (False, "yes/no"),
        (3, "number"),
        (2.5, "number"),
        ({"a": 1}, "mapping"),
        ([1], "list"),
        (dt.date(2026, 9, 15), "date"),
        (dt.datetime(2026, 9, 15, 10, 0), "date"),
        ("oui", "text"),
        (None, "text"),
    ],
)
def test_type_name_says_what_was_found(value: Any, name: str) -> None:
    assert type_name(value) == name


@pytest.mark.parametrize(
    ("value", "answered"),
    [(None, False), ([], False), ({}, False), ("", False), (0, True), (False, True), (" ", True), (["x"], True)],
)
def test_is_answered(value: Any, answered: bool) -> None:
    assert is_answered(value) is answered


# --- clean_text and text ------------------------------------------------------------------------


def test_clean_text_strips_and_keeps_printable_text() -> None:
    assert clean_text("  Les Amis du Quartier  ") == ("Les Amis du Quartier", [])


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("ligne 1\r\nligne 2", "ligne 1\nligne 2"),
        ("ligne 1\rligne 2", "ligne 1\nligne 2"),
        ("a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i", "a\nb\nc\nd\ne\nf\ng\nh\ni"),
        ("\tavec une tabulation\t", "avec une tabulation"),
        ("col1\tcol2\n", "col1\tcol2"),
        ("prix\u00a0: 10", "prix\u00a0: 10"),
    ],
)
def test_clean_text_makes_every_line_break_a_newline(typed: str, kept: str) -> None:
    assert clean_text(typed) == (kept, [])


@pytest.mark.parametrize(
    ("typed", "char", "position"),
    [
        ("\x00début", "U+0000", 1),
        ("Bonjour\x1b[31m", "U+001B", 8),
        ("ab\x08", "U+0008", 3),
        ("x\x0ey", "U+000E", 2),
        ("x\x1fy", "U+001F", 2),
        ("x\x7fy", "U+007F", 2),
        ("x\x9fy", "U+009F", 2),
        ("  \x07 cloche", "U+0007", 1),
        ("a\r\nb\x01", "U+0001", 4),
    ],
)
def test_a_control_character_is_refused_with_its_position(typed: str, char: str, position: int) -> None:
    text, problems = clean_text(typed)
    assert text == ""
    assert problems == [Problem("answer.control_char", {"char": char, "position": position})]


def test_a_control_character_is_said_in_both_languages() -> None:
    _, problems = check_answer(_q("text"), "Réunion\x1b le 3")
    assert _said(problems[0]) == french(
        "un caractère de contrôle (U+001B, caractère n° 8) ne peut pas figurer dans une réponse ; retirez-le"
    )
    assert _said(problems[0], "en") == "a control character (U+001B, character 8) cannot be in an answer; remove it"


@pytest.mark.parametrize(
    ("typed", "kept"), [(" Atelier vélo ", "Atelier vélo"), (12, "12"), (2.5, "2.5"), ("   ", None)]
)
def test_a_text_answer(typed: Any, kept: Any) -> None:
    assert check_answer(_q("text"), typed) == (kept, [])


@pytest.mark.parametrize(("typed", "found"), [(True, "yes/no"), (["a"], "list"), ({"a": "b"}, "mapping")])
def test_a_text_answer_refuses_other_values(typed: Any, found: str) -> None:
    value, problems = check_answer(_q("text"), typed)
    assert value is None
    assert problems == [Problem("answer.expected_text", {"found": found})]
    assert _said(problems[0], "en") == f"a text is expected, not a {found}"


def test_no_answer_is_no_problem_whatever_the_type() -> None:
    for kind in QUESTION_TYPES:
        assert check_answer(_q(kind), None) == (None, [])


# --- choice -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "chosen"),
    [
        ("asso", "asso"),
        (" coop ", "coop"),
        ("COOP", "coop"),
        ("cooperative", "coop"),
        ("Coopérative", "coop"),
        ("Local authority", "mairie"),
        ("collectivite", "mairie"),
        ("association loi 1901", "asso"),
        ("1", "asso"),
        ("3", "mairie"),
        (2, "coop"),
    ],
)
def test_a_choice_by_id_label_or_number(typed: Any, chosen: str) -> None:
    assert check_answer(STATUS, typed) == (chosen, [])


def test_choice_for_gives_the_id_or_none() -> None:
    assert choice_for(STATUS, "mairie") == "mairie"
    assert choice_for(STATUS, "Cooperative") == "coop"
    assert choice_for(STATUS, "0") is None
    assert choice_for(STATUS, "4") is None
    assert choice_for(STATUS, "3") == "mairie"
    assert choice_for(STATUS, "1") == "asso"
    assert choice_for(STATUS, "autre") is None


def test_an_empty_choice_is_not_answered() -> None:
    assert check_answer(STATUS, "  ") == (None, [])
    assert check_answer(STATUS, "") == (None, [])


@pytest.mark.parametrize(("typed", "found"), [(True, "yes/no"), (1.5, "number"), (["asso"], "list")])
def test_a_choice_refuses_other_values(typed: Any, found: str) -> None:
    assert check_answer(STATUS, typed) == (None, [Problem("answer.expected_choice", {"found": found})])


def test_an_unknown_choice_lists_the_ids_and_suggests_the_closest() -> None:
    value, problems = check_answer(STATUS, " cooperativ ")
    assert value is None
    assert problems == [
        Problem("answer.unknown_choice", {"value": "cooperativ", "allowed": "asso, coop, mairie", "suggestion": "coop"})
    ]
    assert _said(problems[0], "en").startswith('"cooperativ" is not a possible choice (asso, coop, mairie)')
    assert "coop" in _said(problems[0], "en")[len('"cooperativ" is not a possible choice (asso, coop, mairie)') :]


def test_an_unknown_choice_by_a_french_label_suggests_its_id() -> None:
    _, problems = check_answer(STATUS, "Colectivité")
    assert problems[0].params["suggestion"] == "mairie"


def test_an_unknown_choice_far_from_every_name_suggests_nothing() -> None:
    _, problems = check_answer(STATUS, "zzzzzzzz")
    assert problems == [
        Problem("answer.unknown_choice", {"value": "zzzzzzzz", "allowed": "asso, coop, mairie", "suggestion": ""})
    ]
    assert _said(problems[0]) == french("« zzzzzzzz » n'est pas un choix possible (asso, coop, mairie)")


# --- multi_choice -------------------------------------------------------------------------------


def test_several_choices_keep_their_order_once_each() -> None:
    assert check_answer(SCOPE, ["coop", "1", "Coopérative", "mairie"]) == (["coop", "asso", "mairie"], [])


def test_one_choice_typed_alone_is_a_list_of_one() -> None:
    assert check_answer(SCOPE, "Cooperative") == (["coop"], [])


def test_no_choice_is_not_answered() -> None:
    assert check_answer(SCOPE, []) == (None, [])
    assert check_answer(SCOPE, ["", " "]) == (None, [])


def test_a_wrong_choice_among_several_is_said_at_its_place() -> None:
    value, problems = check_answer(SCOPE, ["asso", "zzzzzzzz", True])
    assert value == ["asso"]
    assert problems == [
        Problem(
            "answer.unknown_choice", {"value": "zzzzzzzz", "allowed": "asso, coop, mairie", "suggestion": ""}, (1,)
        ),
        Problem("answer.expected_choice", {"found": "yes/no"}, (2,)),
    ]


@pytest.mark.parametrize(("typed", "found"), [({"a": 1}, "mapping"), (3, "number"), (True, "yes/no")])
def test_several_choices_must_be_a_list(typed: Any, found: str) -> None:
    assert check_answer(SCOPE, typed) == (None, [Problem("answer.expected_list", {"found": found})])


# --- yes_no -------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["yes", "Y", " oui ", "O", "true", "Vrai", "1", True])
def test_yes_as_people_type_it(typed: Any) -> None:
    assert parse_yes_no(typed) is True
    assert check_answer(_q("yes_no"), typed) == (True, [])


@pytest.mark.parametrize("typed", ["no", "N", " non ", "false", "FAUX", "0", False])
def test_no_as_people_type_it(typed: Any) -> None:
    assert parse_yes_no(typed) is False
    assert check_answer(_q("yes_no"), typed) == (False, [])


@pytest.mark.parametrize("typed", ["peut-être", "oui non", 1, 0, None, "2"])
def test_neither_yes_nor_no(typed: Any) -> None:
    assert parse_yes_no(typed) is None


def test_an_empty_yes_no_is_not_answered_and_a_wrong_one_is_said() -> None:
    assert check_answer(_q("yes_no"), "  ") == (None, [])
    value, problems = check_answer(_q("yes_no"), "peut-être")
    assert value is None
    assert problems == [Problem("answer.expected_yes_no", {"value": "peut-être"})]
    assert _said(problems[0]) == french("oui ou non est attendu, pas « peut-être »")
    assert check_answer(_q("yes_no"), 1) == (None, [Problem("answer.expected_yes_no", {"value": "1"})])


# --- date ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "date"),
    [
        ("2026-09-15", dt.date(2026, 9, 15)),
        ("15/09/2026", dt.date(2026, 9, 15)),
        (" 15/09/2026\n", dt.date(2026, 9, 15)),
        ("5/9/2026", dt.date(2026, 9, 5)),
        ("31.12.2026", dt.date(2026, 12, 31)),
        ("01-01-2027", dt.date(2027, 1, 1)),
        (dt.date(2026, 9, 15), dt.date(2026, 9, 15)),
        (dt.datetime(2026, 9, 15, 18, 30), dt.date(2026, 9, 15)),
    ],
)
def test_dates_as_volunteers_type_them(typed: Any, date: dt.date) -> None:
    parsed = parse_date(typed)
    assert parsed == date
    assert type(parsed) is dt.date
    assert check_answer(_q("date"), typed) == (date, [])


@pytest.mark.parametrize(
    "typed",
    [
        "15/09/26",
        "115/09/2026",
        "15/109/2026",
        "15/09/20266",
        "30/02/2026",
        "15 09 2026",
        "x15/09/2026",
        "15/09/2026x",
        "",
        20260915,
        None,
    ],
)
def test_what_is_not_a_date(typed: Any) -> None:
    assert parse_date(typed) is None


def test_a_wrong_date_is_said_and_an_empty_one_is_not_answered() -> None:
    assert check_answer(_q("date"), " ") == (None, [])
    value, problems = check_answer(_q("date"), "32/01/2026")
    assert value is None
    assert problems == [Problem("answer.bad_date", {"value": "32/01/2026"})]
    assert _said(problems[0], "en") == (
        '"32/01/2026" is not a date: type for instance 10/12/2026 (DD/MM/YYYY) or 2026-12-10'
    )
    assert check_answer(_q("date"), 15) == (None, [Problem("answer.bad_date", {"value": "15"})])


# --- amount -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1 200,50 €", 1200.5),
        ("1200", 1200),
        ("  350 ", 350),
        ("350,5", 350.5),
        ("350,55", 350.55),
        ("1,200.50", 1200.5),
        ("1.200,50", 1200.5),
        ("1,200", 1200),
        ("1,2", 1.2),
        ("12,34", 12.34),
        ("1234,567", 1234.57),
        ("1.200.000", 1200000),
        ("1.5", 1.5),
        ("500€", 500),
        ("500 euros", 500),
        ("500 EUR", 500),
        ("500euro", 500),
        ("2\u00a0000\u202f€", 2000),
        ("0", 0),
        (1200, 1200),
        (99.999, 100.0),
        (12.345, 12.35),
        (3.0, 3),
        (0.1, 0.1),
    ],
)
def test_amounts_as_volunteers_type_them(typed: Any, amount: float) -> None:
    parsed = parse_amount(typed)
    assert parsed == amount
    assert type(parsed) is type(amount)


@pytest.mark.parametrize(
    "typed",
    [
        "-5",
        -1,
        -0.5,
        "beaucoup",
        "1,2,3.4.5",
        float("nan"),
        float("inf"),
        float("-inf"),
        "inf",
        "nan",
        True,
        False,
        None,
        [100],
        "12 €uros",
    ],
)
def test_what_is_not_an_amount(typed: Any) -> None:
    assert parse_amount(typed) is None


def test_amount_1_234_567_with_commas_is_thousands() -> None:
    assert parse_amount("1,234,567") == 1234567
    assert parse_amount("1234,567") == 1234.57
    assert parse_amount("12,3456") == 12.35


def test_a_wrong_amount_is_said_and_an_empty_one_is_not_answered() -> None:
    assert check_answer(_q("amount"), "  ") == (None, [])
    assert check_answer(_q("amount"), "1 200,50 €") == (1200.5, [])
    value, problems = check_answer(_q("amount"), "mille euros")
    assert value is None
    assert problems == [Problem("answer.bad_amount", {"value": "mille euros"})]
    assert _said(problems[0]) == french("« mille euros » n'est pas un montant : tapez par exemple 1 200,50")
    assert check_answer(_q("amount"), -3) == (None, [Problem("answer.bad_amount", {"value": "-3"})])


# --- list and records ---------------------------------------------------------------------------


def test_a_list_of_texts() -> None:
    assert check_answer(_q("list"), [" Salle ", "", "Vidéoprojecteur"]) == (["Salle", "Vidéoprojecteur"], [])
    assert check_answer(_q("list"), "Salle") == (["Salle"], [])
    assert check_answer(_q("list"), []) == (None, [])
    assert check_answer(_q("list"), ["  "]) == (None, [])


def test_a_wrong_item_is_said_at_its_place() -> None:
    value, problems = check_answer(_q("list"), ["Salle", ["x"], "a\x00"])
    assert value == ["Salle"]
    assert problems == [
        Problem("answer.expected_text", {"found": "list"}, (1,)),
        Problem("answer.control_char", {"char": "U+0000", "position": 2}, (2,)),
    ]


@pytest.mark.parametrize(("typed", "found"), [(3, "number"), (True, "yes/no")])
def test_a_list_must_be_a_list(typed: Any, found: str) -> None:
    assert check_answer(_q("list"), typed) == (None, [Problem("answer.expected_list", {"found": found})])


def test_records_are_checked_field_by_field() -> None:
    value, problems = check_answer(
        NEEDS,
        [
            {"what": " Salle ", "amount": "1 200,50 €", "when": "15/09/2026"},
            {"what": "Affiches"},
        ],
    )
    assert problems == []
    assert value == [
        {"what": "Salle", "amount": 1200.5, "when": dt.date(2026, 9, 15)},
        {"what": "Affiches"},
    ]


def test_one_record_alone_is_a_list_of_one() -> None:
    assert check_answer(NEEDS, {"what": "Salle"}) == ([{"what": "Salle"}], [])


def test_a_record_that_is_not_a_mapping_names_the_fields() -> None:
    value, problems = check_answer(NEEDS, ["Salle"])
    assert value is None
    assert problems == [Problem("answer.expected_record", {"found": "text", "fields": "what, amount, when"}, (0,))]
    assert _said(problems[0], "en") == "an entry with the fields what, amount, when is expected, not a text"


def test_a_record_s_problems_are_said_at_their_field() -> None:
    value, problems = check_answer(NEEDS, [{"what": "Salle", "amount": "beaucoup", "whem": "x"}, {"amount": 3}])
    assert value == [{"what": "Salle"}, {"amount": 3}]
    assert problems == [
        Problem(
            "answer.unknown_field", {"key": "whem", "allowed": "what, amount, when", "suggestion": "when"}, (0, "whem")
        ),
        Problem("answer.bad_amount", {"value": "beaucoup"}, (0, "amount")),
        Problem("answer.missing_field", {"key": "what"}, (1, "what")),
    ]
    assert _said(problems[2]) == french("le champ « what » manque")


def test_a_required_field_with_a_wrong_answer_is_not_also_missing() -> None:
    _, problems = check_answer(NEEDS, [{"what": ["x"], "amount": 5}])
    assert problems == [Problem("answer.expected_text", {"found": "list"}, (0, "what"))]


def test_a_record_with_nothing_answered_is_dropped() -> None:
    value, problems = check_answer(NEEDS, [{"what": "  "}, {"what": "Salle"}])
    assert value == [{"what": "Salle"}]
    assert problems == [Problem("answer.missing_field", {"key": "what"}, (0, "what"))]
    assert check_answer(NEEDS, [{}]) == (None, [Problem("answer.missing_field", {"key": "what"}, (0, "what"))])


def test_an_unknown_field_far_from_every_field_suggests_nothing() -> None:
    _, problems = check_answer(NEEDS, [{"what": "Salle", 7: "x"}])
    assert problems == [
        Problem("answer.unknown_field", {"key": "7", "allowed": "what, amount, when", "suggestion": ""}, (0, "7"))
    ]


# --- per_partner --------------------------------------------------------------------------------


def test_one_answer_per_partner() -> None:
    question = _q("per_partner")
    assert check_answer(question, {" Les Amis ": " la salle ", "Vélo Cité": ""}) == (
        {"Les Amis": "la salle"},
        [],
    )
    assert check_answer(question, {}) == (None, [])
    assert check_answer(question, {2026: 12}) == ({"2026": "12"}, [])


def test_a_partner_s_wrong_name_or_answer_is_said_at_its_name() -> None:
    value, problems = check_answer(_q("per_partner"), {"Amis\x1b": "salle", "Mairie": ["x"], "Vélo": "atelier\x07"})
    assert value is None
    assert problems == [
        Problem("answer.control_char", {"char": "U+001B", "position": 5}, ("Amis\x1b",)),
        Problem("answer.expected_text", {"found": "list"}, ("Mairie",)),
        Problem("answer.control_char", {"char": "U+0007", "position": 8}, ("Vélo",)),
    ]


def test_a_partner_s_wrong_name_skips_its_answer() -> None:
    value, problems = check_answer(_q("per_partner"), {"Amis\x00": ["x"], "Mairie": "salle"})
    assert value == {"Mairie": "salle"}
    assert problems == [Problem("answer.control_char", {"char": "U+0000", "position": 5}, ("Amis\x00",))]


@pytest.mark.parametrize(("typed", "found"), [("salle", "text"), (["salle"], "list")])
def test_per_partner_answers_must_be_a_mapping(typed: Any, found: str) -> None:
    value, problems = check_answer(_q("per_partner"), typed)
    assert (value, problems) == (None, [Problem("answer.expected_per_partner", {"found": found})])
    assert _said(problems[0], "en") == f"one answer per association is expected (name: answer), not a {found}"


# --- what each type says about itself -----------------------------------------------------------


def test_shapes_and_prompts() -> None:
    expected = {
        "text": ("text", "text", None),
        "choice": ("line", "choice", None),
        "multi_choice": ("line", "multi_choice", None),
        "yes_no": ("line", "yes_no", None),
        "date": ("line", "text", "wizard.date_hint"),
        "amount": ("line", "text", "wizard.amount_hint"),
        "list": ("items", "items", None),
        "per_partner": ("per_partner", "per_partner", None),
    }
    assert list(QUESTION_TYPES) == list(expected)
    for name, (shape, prompt, hint) in expected.items():
        kind = QUESTION_TYPES[name]
        assert kind.name == name
        question = _q(name)
        assert (kind.shape(question), kind.prompt(question), kind.hint_key) == (shape, prompt, hint)
    assert NEEDS.kind.shape(NEEDS) == "records"
    assert NEEDS.kind.prompt(NEEDS) == "records"


def test_schemas() -> None:
    assert _q("text").kind.schema(_q("text"), "fr") == {"type": "string"}
    assert STATUS.kind.schema(STATUS, "fr") == {"enum": ["asso", "coop", "mairie"]}
    assert SCOPE.kind.schema(SCOPE, "en") == {
        "type": "array",
        "items": {"enum": ["asso", "coop", "mairie"]},
        "uniqueItems": True,
    }
    assert QUESTION_TYPES["yes_no"].schema(_q("yes_no"), "fr") == {"type": "boolean"}
    assert QUESTION_TYPES["date"].schema(_q("date"), "fr") == {"type": "string", "format": "date"}
    assert QUESTION_TYPES["amount"].schema(_q("amount"), "fr") == {"type": "number", "minimum": 0}
    assert QUESTION_TYPES["list"].schema(_q("list"), "fr") == {"type": "array", "items": {"type": "string"}}
    assert QUESTION_TYPES["per_partner"].schema(_q("per_partner"), "fr") == {
        "type": "object",
        "additionalProperties": {"type": "string"},
    }
    assert NEEDS.kind.schema(NEEDS, "en") == {
        "type": "array",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "what": {"type": "string", "description": "What"},
                "amount": {"type": "number", "minimum": 0, "description": "Amount"},
                "when": {"type": "string", "format": "date", "description": "When"},
            },
            "required": ["what"],
        },
    }
    optional = _q("list", fields=(Question(id="what", type="text", text=Localized("Quoi", "What")),))
    assert optional.kind.schema(optional, "fr")["items"] == {
        "type": "object",
        "additionalProperties": False,
        "properties": {"what": {"type": "string", "description": "Quoi"}},
    }


def test_answers_on_one_line() -> None:
    assert _q("text").kind.display(_q("text"), "Atelier", "fr") == "Atelier"
    assert STATUS.kind.display(STATUS, "coop", "fr") == "Coopérative"
    assert STATUS.kind.display(STATUS, "coop", "en") == "Cooperative"
    assert STATUS.kind.display(STATUS, "autre", "en") == "autre"
    assert SCOPE.kind.display(SCOPE, ["mairie", "asso"], "en") == "Non-profit association, Local authority"
    assert QUESTION_TYPES["yes_no"].display(_q("yes_no"), True, "fr") == "oui"
    assert QUESTION_TYPES["yes_no"].display(_q("yes_no"), False, "en") == "no"
    date = QUESTION_TYPES["date"]
    assert date.display(_q("date"), dt.date(2026, 9, 15), "fr") == "2026-09-15"
    assert date.display(_q("date"), "bientôt", "fr") == "bientôt"
    amount = QUESTION_TYPES["amount"]
    assert amount.display(_q("amount"), 1200.5, "fr") == "1\u202f200,50\u00a0€"
    assert amount.display(_q("amount"), 1200.5, "en") == "€1,200.50"
    assert amount.display(_q("amount"), "beaucoup", "fr") == "beaucoup €"
    texts = _q("list")
    assert texts.kind.display(texts, ["Salle", "Café"], "en") == "Salle; Café"
    assert texts.kind.display(texts, ["Salle", "Café"], "fr") == french("Salle ; Café")
    rows = [{"what": "Salle", "amount": 300, "when": ""}, {"what": "Affiches"}]
    assert NEEDS.kind.display(NEEDS, rows, "en") == "Salle, €300; Affiches"
    per = _q("per_partner")
    assert per.kind.display(per, {"Les Amis": "la salle", "Mairie": "le prêt"}, "fr") == french(
        "Les Amis : la salle ; Mairie : le prêt"
    )
    assert per.kind.display(per, {"Les Amis": "la salle"}, "en") == "Les Amis: la salle"


def test_answers_as_typed_again() -> None:
    assert QUESTION_TYPES["text"].as_typed(None) == ""
    assert QUESTION_TYPES["text"].as_typed(12) == "12"
    assert QUESTION_TYPES["date"].as_typed(dt.date(2026, 9, 15)) == "2026-09-15"
    assert QUESTION_TYPES["date"].as_typed(None) == ""
    assert QUESTION_TYPES["date"].as_typed("15/09/2026") == "15/09/2026"


def test_a_problem_s_message() -> None:
    problem = Problem("answer.bad_amount", {"value": "x"})
    assert problem.path == ()
    assert problem.message.key == "answer.bad_amount"
    assert problem.message.params == {"value": "x"}
    assert Problem("answer.missing_field").params == {}


def test_a_partner_left_blank_is_not_answered() -> None:
    assert check_answer(_q("per_partner"), {"Les Amis": "la salle", "Mairie": None}) == ({"Les Amis": "la salle"}, [])


# --- from the survivors of the first run ----------------------------------------------------------

GIFTS = _q(
    "list",
    fields=(
        Question(id="what", type="text", text=Localized("Quoi", "What"), required=True),
        Question(id="value", type="amount", text=Localized("Valeur", "Value")),
        Question(id="kind", type="choice", text=Localized("Nature", "Kind"), choices=STATUS.choices),
    ),
)


def test_records_on_one_line_in_french() -> None:
    rows = [{"what": "Salle", "value": 1200.5, "kind": "mairie"}, {"what": "Affiches", "kind": "coop"}]
    assert (
        GIFTS.kind.display(GIFTS, rows, "fr")
        == "Salle, 1\u202f200,50\u00a0€, Collectivité\u202f; Affiches, Coopérative"
    )
    assert GIFTS.kind.display(GIFTS, rows, "en") == "Salle, €1,200.50, Local authority; Affiches, Cooperative"


def test_a_record_with_a_choice_field_in_the_schema() -> None:
    assert GIFTS.kind.schema(GIFTS, "fr")["items"]["properties"]["kind"] == {
        "enum": ["asso", "coop", "mairie"],
        "description": "Nature",
    }


def test_a_record_that_is_a_number_says_so() -> None:
    assert check_answer(GIFTS, [12]) == (
        None,
        [Problem("answer.expected_record", {"found": "number", "fields": "what, value, kind"}, (0,))],
    )


def test_an_id_typed_exactly_wins_over_another_choice_s_label() -> None:
    question = _q(
        "choice",
        choices=(
            Choice("collectif", Localized("Association", "Association")),
            Choice("association", Localized("Association loi 1901", "Non-profit association")),
        ),
    )
    assert check_answer(question, "association") == ("association", [])
    assert check_answer(question, "Association") == ("collectif", [])


@pytest.mark.parametrize("typed", ["1,234.567,89", "1.234,56.7"])
def test_separators_mixed_up_are_not_an_amount(typed: str) -> None:
    assert parse_amount(typed) is None


def test_a_blank_list_item_is_left_out() -> None:
    assert check_answer(_q("list"), ["Salle", None]) == (["Salle"], [])
