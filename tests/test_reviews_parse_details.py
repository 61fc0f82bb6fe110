"""Reading and recording reviews, field by field (sheet/reviews.py, all but the summary).

Written from the mutation run of sheet/reviews.py (docs/testing.md): what `check_review`
keeps and refuses, with the exact problem, its parameters and its path; what
`review_from_answers` says (English and French); how `append_review` adds a review to a
YAML or Markdown sheet and keeps the rest; `parse_reviews` over a sheet's `reviews:`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from coopwizard.core.errors import InvalidAnswersError, InvalidSheetError
from coopwizard.guide.model import Checklist
from coopwizard.guide.types import Problem
from coopwizard.i18n import say
from coopwizard.sheet.model import CriterionRating, Review, Sheet
from coopwizard.sheet.parse import parse_sheet
from coopwizard.sheet.reviews import (
    append_review,
    check_review,
    parse_reviews,
    review_from_answers,
    review_guide,
    review_items,
    sheet_criteria,
)
from tests.helpers import french
from tests.sheets import example

POTAGERS, ADOS, CUISINE = "Les Potagers des Linandes", "Club Ados Linandes", "Cuisine du Monde Cergy"
PARTNERS = (POTAGERS, ADOS, CUISINE)
CRITERIA = ("Fréquentation des fêtes", "Qualité des échanges", "Participation des jeunes")
DAY = dt.date(2025, 3, 30)


@pytest.fixture(scope="module")
def sheet(checklist: Checklist) -> Sheet:
    parsed, _ = parse_sheet(example(), checklist, "fiche.yaml")
    return parsed


def check(raw: Any, checklist: Checklist, strict: bool = False, default: dt.date | None = None) -> Any:
    assert checklist.review is not None
    if strict:
        return check_review(raw, checklist.review, PARTNERS, CRITERIA, default)
    return check_review(raw, checklist.review, default_date=default)


def keyed(problems: list[Problem]) -> list[tuple[str, dict[str, Any], tuple[Any, ...]]]:
    return [(p.key, p.params, p.path) for p in problems]


# --- check_review: the record ----------------------------------------------------------------


def test_a_whole_review_is_kept_as_given(checklist: Checklist) -> None:
    raw = {
        "date": "30/03/2025",
        "partner": f"  {ADOS} ",
        "by": " Inès ",
        "scores": {"time_to_think": "3", "purpose_clear": 4.0, "pace_ok": " 2 ", "ideas_heard": 5},
        "criteria": [{"criterion": CRITERIA[2], "rating": "partly", "comment": " à suivre "}],
        "comment": " Bien. ",
    }
    review, problems = check(raw, checklist, strict=True)
    assert problems == []
    assert review == Review(
        DAY,
        ADOS,
        {"purpose_clear": 4, "ideas_heard": 5, "pace_ok": 2, "time_to_think": 3},  # the checklist's order
        [CriterionRating(CRITERIA[2], "partly", "à suivre")],
        "Inès",
        "Bien.",
    )
    assert list(review.scores) == ["purpose_clear", "ideas_heard", "pace_ok", "time_to_think"]
    assert all(type(v) is int for v in review.scores.values())


@pytest.mark.parametrize(("raw", "found"), [([], "list"), ("bilan oral", "text"), (3, "number"), (None, "nothing")])
def test_a_review_that_is_no_mapping(raw: Any, found: str, checklist: Checklist) -> None:
    from coopwizard.guide.types import type_name

    review, problems = check(raw, checklist)
    assert review is None
    assert keyed(problems) == [("sheet.expected_mapping", {"found": type_name(raw)}, ())]
    assert type_name(raw) == found or raw is None


def test_unknown_keys_are_said_each_with_a_suggestion(checklist: Checklist) -> None:
    raw = {"date": DAY, "partner": ADOS, "scores": {"pace_ok": 4}, "scors": 1, 5: 2}
    review, problems = check(raw, checklist)
    assert keyed(problems) == [
        ("sheet.unknown_key", {"key": "scors", "suggestion": "scores"}, ("scors",)),
        ("sheet.unknown_key", {"key": "5", "suggestion": ""}, ("5",)),
    ]
    assert say(problems[0].message, "en") == 'unknown key "scors" (did you mean "scores"?)'
    assert review is not None and review.scores == {"pace_ok": 4}  # the rest is read all the same


def test_every_review_key_is_known(checklist: Checklist) -> None:
    raw = {"date": DAY, "partner": ADOS, "by": "x", "scores": {"pace_ok": 4}, "criteria": [], "comment": "y"}
    assert check(raw, checklist)[1] == []


def test_a_review_with_no_score_and_no_rating_is_empty(checklist: Checklist) -> None:
    review, problems = check({"date": DAY, "partner": ADOS}, checklist)
    assert review is None
    assert keyed(problems) == [("review.empty", {}, ())]
    assert say(problems[0].message, "en") == (
        "the review scores no statement (scores) and rates no criterion (criteria)"
    )
    assert say(problems[0].message, "fr") == french(
        "le bilan ne note aucune affirmation (scores) et n'évalue aucun critère (criteria)"
    )


def test_an_empty_review_with_other_problems_is_not_also_said_empty(checklist: Checklist) -> None:
    review, problems = check({"date": "x", "partner": ADOS, "scores": {}}, checklist)
    assert review is None
    assert [p.key for p in problems] == ["answer.bad_date"]


def test_a_review_with_only_ratings_is_kept(checklist: Checklist) -> None:
    review, problems = check({"date": DAY, "partner": ADOS, "criteria": {"criterion": "c", "rating": "met"}}, checklist)
    assert problems == []
    assert review == Review(DAY, ADOS, {}, [CriterionRating("c", "met")])


def test_a_review_with_problems_elsewhere_is_still_kept(checklist: Checklist) -> None:
    review, problems = check({"date": DAY, "partner": ADOS, "scores": {"pace_ok": 4, "x": 1}, "by": []}, checklist)
    assert review == Review(DAY, ADOS, {"pace_ok": 4})
    assert [p.key for p in problems] == ["answer.expected_text", "review.unknown_statement"]


# --- the date ---------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, "", "  "])
def test_no_date_is_missing_unless_there_is_a_default(value: Any, checklist: Checklist) -> None:
    raw = {"date": value, "partner": ADOS, "scores": {"pace_ok": 4}}
    review, problems = check(raw, checklist)
    assert review is None
    assert keyed(problems) == [("answer.missing_field", {"key": "date"}, ("date",))]
    review, problems = check(raw, checklist, default=DAY)
    assert problems == [] and review is not None and review.date == DAY


@pytest.mark.parametrize(("value", "day"), [("2025-03-30", DAY), ("30/03/2025", DAY), (DAY, DAY)])
def test_a_date_as_typed(value: Any, day: dt.date, checklist: Checklist) -> None:
    review, _ = check(
        {"date": value, "partner": ADOS, "scores": {"pace_ok": 4}}, checklist, default=dt.date(2000, 1, 1)
    )
    assert review is not None and review.date == day


@pytest.mark.parametrize("value", ["hier", "2025-02-30", 12])
def test_a_bad_date_is_said_and_no_default_taken(value: Any, checklist: Checklist) -> None:
    review, problems = check({"date": value, "partner": ADOS, "scores": {"pace_ok": 4}}, checklist, default=DAY)
    assert review is None
    assert keyed(problems) == [("answer.bad_date", {"value": str(value)}, ("date",))]


# --- partner, by, comment ------------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, "", "   "])
def test_no_partner_is_missing(value: Any, checklist: Checklist) -> None:
    review, problems = check({"date": DAY, "partner": value, "scores": {"pace_ok": 4}}, checklist, strict=True)
    assert review is None
    assert keyed(problems) == [("answer.missing_field", {"key": "partner"}, ("partner",))]
    assert say(problems[0].message, "en") == 'the field "partner" is missing'


@pytest.mark.parametrize(("value", "found"), [(["x"], "list"), ({"a": 1}, "mapping"), (True, "yes/no")])
def test_a_partner_of_the_wrong_type_is_said_once(value: Any, found: str, checklist: Checklist) -> None:
    review, problems = check({"date": DAY, "partner": value, "scores": {"pace_ok": 4}}, checklist)
    assert review is None
    assert keyed(problems) == [("answer.expected_text", {"found": found}, ("partner",))]


def test_a_partner_given_as_a_number_is_its_text(checklist: Checklist) -> None:
    review, problems = check({"date": DAY, "partner": 12, "scores": {"pace_ok": 4}}, checklist)
    assert problems == [] and review is not None and review.partner == "12"
    review, _ = check({"date": DAY, "partner": 1.5, "scores": {"pace_ok": 4}}, checklist)
    assert review is not None and review.partner == "1.5"


def test_a_partner_not_of_the_sheet_is_refused_when_recording(checklist: Checklist) -> None:
    review, problems = check({"date": DAY, "partner": "Club Ados", "scores": {"pace_ok": 4}}, checklist, strict=True)
    assert review is None
    allowed = ", ".join(PARTNERS)
    assert keyed(problems) == [
        ("review.unknown_partner", {"value": "Club Ados", "allowed": allowed, "suggestion": ADOS}, ("partner",))
    ]
    assert say(problems[0].message, "en") == (
        f'"Club Ados" is not one of the sheet\'s partners ({allowed}) (did you mean "{ADOS}"?)'
    )
    assert say(problems[0].message, "fr") == french(
        f"« Club Ados » n'est pas l'une des associations de la fiche ({allowed}) (vouliez-vous dire « {ADOS} » ?)"
    )
    review, problems = check({"date": DAY, "partner": "Club Ados", "scores": {"pace_ok": 4}}, checklist)
    assert problems == [] and review is not None and review.partner == "Club Ados"  # in a sheet: kept


@pytest.mark.parametrize("key", ["by", "comment"])
def test_by_and_comment_are_texts(key: str, checklist: Checklist) -> None:
    base = {"date": DAY, "partner": ADOS, "scores": {"pace_ok": 4}}
    for value, kept in ((" Inès ", "Inès"), (12, "12"), (0.5, "0.5"), ("  ", None), (None, None)):
        review, problems = check({**base, key: value}, checklist)
        assert problems == [] and review is not None and getattr(review, key) == kept, value
    for value, found in ((False, "yes/no"), (["a"], "list"), ({"a": 1}, "mapping")):
        review, problems = check({**base, key: value}, checklist)
        assert keyed(problems) == [("answer.expected_text", {"found": found}, (key,))]
        assert review is not None and getattr(review, key) is None


# --- scores --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "found"), [([4], "list"), ("4", "text"), (4, "number")])
def test_scores_that_are_no_mapping(value: Any, found: str, checklist: Checklist) -> None:
    review, problems = check({"date": DAY, "partner": ADOS, "scores": value}, checklist)
    assert review is None
    assert keyed(problems) == [("sheet.expected_mapping", {"found": found}, ("scores",))]


@pytest.mark.parametrize(
    ("raw", "kept"),
    [(1, 1), (5, 5), ("3", 3), (" 2 ", 2), (4.0, 4), ("05", 5)],
)
def test_a_score_from_1_to_5(raw: Any, kept: int, checklist: Checklist) -> None:
    review, problems = check({"date": DAY, "partner": ADOS, "scores": {"pace_ok": raw}}, checklist)
    assert problems == [] and review is not None and review.scores == {"pace_ok": kept}


@pytest.mark.parametrize("raw", [0, 6, -1, "6", "x", "3.5", 2.5, True, False, [3], {"a": 3}, "-2", "+3", "1e0"])
def test_a_score_out_of_the_scale_is_said_with_the_scale(raw: Any, checklist: Checklist) -> None:
    review, problems = check({"date": DAY, "partner": ADOS, "scores": {"pace_ok": raw, "informed": 1}}, checklist)
    assert keyed(problems) == [("review.bad_score", {"value": str(raw), "max": 5}, ("scores", "pace_ok"))]
    assert review is not None and review.scores == {"informed": 1}
    if raw == 6:
        assert say(problems[0].message, "en") == (
            'a score from 1 to 5 is expected (1: strongly disagree, 5: fully agree), not "6"'
        )
        assert say(problems[0].message, "fr") == french(
            "une note de 1 à 5 est attendue (1 : pas du tout d'accord, 5 : tout à fait d'accord), pas « 6 »"
        )


@pytest.mark.parametrize("raw", ["²", "³", "2²"])
def test_a_superscript_digit_is_no_score(raw: str, checklist: Checklist) -> None:
    """« ² » is a key of its own on a French keyboard (top left): a slip there is a bad score, not a crash."""
    review, problems = check({"date": DAY, "partner": ADOS, "scores": {"pace_ok": raw, "informed": 1}}, checklist)
    assert keyed(problems) == [("review.bad_score", {"value": raw, "max": 5}, ("scores", "pace_ok"))]
    assert review is not None and review.scores == {"informed": 1}


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_a_score_left_blank_is_no_opinion(raw: Any, checklist: Checklist) -> None:
    review, problems = check({"date": DAY, "partner": ADOS, "scores": {"pace_ok": raw, "informed": 2}}, checklist)
    assert problems == [] and review is not None and review.scores == {"informed": 2}


def test_an_unknown_statement_is_said_and_the_others_read(checklist: Checklist) -> None:
    review, problems = check({"date": DAY, "partner": ADOS, "scores": {"pace_okay": 3, 7: 2, "informed": 2}}, checklist)
    assert keyed(problems) == [
        ("review.unknown_statement", {"value": "pace_okay", "suggestion": "pace_ok"}, ("scores", "pace_okay")),
        ("review.unknown_statement", {"value": "7", "suggestion": ""}, ("scores", "7")),
    ]
    assert (
        say(problems[0].message, "en")
        == 'no statement "pace_okay" in the checklist\'s review (did you mean "pace_ok"?)'
    )
    assert review is not None and review.scores == {"informed": 2}


def test_scores_left_all_blank_are_an_empty_review(checklist: Checklist) -> None:
    review, problems = check({"date": DAY, "partner": ADOS, "scores": {"pace_ok": None}}, checklist)
    assert review is None and [p.key for p in problems] == ["review.empty"]


def test_the_top_of_the_scale_is_the_checklist_s(checklist: Checklist) -> None:
    assert checklist.review is not None
    guide = dataclasses.replace(checklist.review, scale=checklist.review.scale[:3])
    review, problems = check_review({"date": DAY, "partner": ADOS, "scores": {"pace_ok": 3, "informed": 4}}, guide)
    assert keyed(problems) == [("review.bad_score", {"value": "4", "max": 3}, ("scores", "informed"))]
    assert review is not None and review.scores == {"pace_ok": 3}


# --- criteria ---------------------------------------------------------------------------------


def rated(value: Any, checklist: Checklist, strict: bool = False) -> tuple[list[CriterionRating], list[Any]]:
    review, problems = check(
        {"date": DAY, "partner": ADOS, "scores": {"pace_ok": 4}, "criteria": value}, checklist, strict
    )
    assert review is not None
    return review.criteria, keyed(problems)


def test_criteria_as_a_list_or_a_single_record(checklist: Checklist) -> None:
    one = {"criterion": " Qualité des échanges ", "rating": " met "}
    assert rated([one, {"criterion": CRITERIA[0], "rating": "not_met", "comment": "peu"}], checklist, True) == (
        [CriterionRating(CRITERIA[1], "met"), CriterionRating(CRITERIA[0], "not_met", "peu")],
        [],
    )
    assert rated(one, checklist) == ([CriterionRating(CRITERIA[1], "met")], [])
    assert rated([], checklist) == ([], [])
    assert rated(None, checklist) == ([], [])


@pytest.mark.parametrize(("value", "found"), [("met", "text"), (3, "number"), (True, "yes/no")])
def test_criteria_that_are_no_list(value: Any, found: str, checklist: Checklist) -> None:
    assert rated(value, checklist) == ([], [("answer.expected_list", {"found": found}, ("criteria",))])


def test_a_criterion_that_is_no_record(checklist: Checklist) -> None:
    ok = {"criterion": "c", "rating": "met"}
    assert rated(["met", ok, 3], checklist) == (
        [CriterionRating("c", "met")],
        [
            ("answer.expected_record", {"found": "text", "fields": "criterion, rating, comment"}, ("criteria", 0)),
            ("answer.expected_record", {"found": "number", "fields": "criterion, rating, comment"}, ("criteria", 2)),
        ],
    )


def test_an_unknown_field_of_a_criterion_is_said_first(checklist: Checklist) -> None:
    ratings, problems = rated([{"criterion": "c", "ratting": "met", 4: "x"}], checklist)
    assert ratings == []
    assert problems == [
        (
            "answer.unknown_field",
            {"key": "ratting", "allowed": "criterion, rating, comment", "suggestion": "rating"},
            ("criteria", 0, "ratting"),
        ),
        (
            "answer.unknown_field",
            {"key": "4", "allowed": "criterion, rating, comment", "suggestion": ""},
            ("criteria", 0, "4"),
        ),
        ("answer.missing_field", {"key": "rating"}, ("criteria", 0, "rating")),
    ]


def test_a_criterion_with_no_name_or_no_rating(checklist: Checklist) -> None:
    assert rated(
        [{"rating": "met"}, {"criterion": "c", "rating": "  "}, {"criterion": "", "rating": None}], checklist
    ) == (
        [],
        [
            ("answer.missing_field", {"key": "criterion"}, ("criteria", 0, "criterion")),
            ("answer.missing_field", {"key": "rating"}, ("criteria", 1, "rating")),
            ("answer.missing_field", {"key": "criterion"}, ("criteria", 2, "criterion")),
            ("answer.missing_field", {"key": "rating"}, ("criteria", 2, "rating")),
        ],
    )


def test_a_rating_of_the_wrong_type_is_said_once(checklist: Checklist) -> None:
    assert rated([{"criterion": "c", "rating": ["met"]}], checklist) == (
        [],
        [("answer.expected_text", {"found": "list"}, ("criteria", 0, "rating"))],
    )


def test_an_unknown_rating_is_said_with_the_ratings(checklist: Checklist) -> None:
    ratings, problems = rated([{"criterion": "c", "rating": "metp", "comment": "x"}], checklist)
    assert ratings == []
    assert problems == [
        (
            "answer.unknown_choice",
            {"value": "metp", "allowed": "met, partly, not_met", "suggestion": "met"},
            ("criteria", 0, "rating"),
        )
    ]


def test_a_criterion_not_of_the_sheet_is_refused_when_recording(checklist: Checklist) -> None:
    allowed = ", ".join(CRITERIA)
    ratings, problems = rated([{"criterion": "Fréquentation", "rating": "met"}], checklist, strict=True)
    assert ratings == []
    assert problems == [
        (
            "review.unknown_criterion",
            {"value": "Fréquentation", "allowed": allowed, "suggestion": CRITERIA[0]},
            ("criteria", 0, "criterion"),
        )
    ]
    assert rated([{"criterion": "Fréquentation", "rating": "met"}], checklist) == (
        [CriterionRating("Fréquentation", "met")],
        [],
    )


def test_a_comment_of_the_wrong_type_drops_only_the_comment(checklist: Checklist) -> None:
    assert rated([{"criterion": "c", "rating": "met", "comment": ["x"]}], checklist) == (
        [CriterionRating("c", "met", None)],
        [("answer.expected_text", {"found": "list"}, ("criteria", 0, "comment"))],
    )


# --- the sheet's criteria, the review guide, the items -------------------------------------


def test_the_sheet_s_criteria_are_its_named_records_in_order(checklist: Checklist) -> None:
    data = example()
    data["topics"]["success_criteria"]["criteria"] = [
        {"criterion": "B"},
        "not a record",
        {"indicator": "no name"},
        {"criterion": ""},
        {"criterion": 2026},
        {"criterion": "A"},
    ]
    parsed, _ = parse_sheet(data, checklist, "fiche.yaml")
    assert sheet_criteria(parsed) == ["B", "2026", "A"]


def test_the_sheet_s_criteria_leave_out_what_is_no_named_record() -> None:
    """Whatever a Sheet holds (one built in code, not parsed): only records with a criterion count."""
    from coopwizard.sheet.model import TopicEntry

    records = ["not a record", {"indicator": "no name"}, {"criterion": ""}, {"criterion": None}, {"criterion": "A"}]
    built = Sheet(topics={"success_criteria": TopicEntry(answers={"criteria": records})})
    assert sheet_criteria(built) == ["A"]


def test_a_sheet_with_no_criteria(checklist: Checklist) -> None:
    data = example()
    del data["topics"]["success_criteria"]["criteria"]
    parsed, _ = parse_sheet(data, checklist, "fiche.yaml")
    assert sheet_criteria(parsed) == []


def test_a_checklist_with_no_review_section(checklist: Checklist, sheet: Sheet) -> None:
    bare = dataclasses.replace(checklist, review=None)
    with pytest.raises(InvalidSheetError) as raised:
        review_guide(bare)
    assert (raised.value.key, raised.value.params) == ("review.no_review_guide", {"file": checklist.origin})
    assert say(raised.value, "en") == (
        f"{checklist.origin}: this checklist has no review section (review:), so no review can be recorded."
    )
    assert review_guide(checklist) is checklist.review
    with pytest.raises(InvalidSheetError):
        review_items(sheet, bare)


def test_the_items_of_a_review(checklist: Checklist, sheet: Sheet) -> None:
    items = review_items(sheet, checklist)
    assert checklist.review is not None
    assert items.guide is checklist.review
    assert [(c.id, s.id) for c, s in items.statements] == [
        (c.id, s.id) for c in checklist.review.concerns for s in c.statements
    ]
    assert len(items.statements) == 15 and items.statements[-1][1].id == "public_reached"
    assert (items.criteria, items.partners) == (CRITERIA, PARTNERS)


# --- recording: review_from_answers ------------------------------------------------------------

TODAY = dt.date(2025, 4, 1)


def recorded(data: Any, sheet: Sheet, checklist: Checklist, lang: str = "en") -> Review:
    return review_from_answers(data, sheet, checklist, TODAY, lang, "bilan.yaml")


def refused(data: Any, sheet: Sheet, checklist: Checklist, lang: str = "en") -> InvalidAnswersError:
    with pytest.raises(InvalidAnswersError) as raised:
        recorded(data, sheet, checklist, lang)
    return raised.value


def test_a_review_is_recorded_dated_today_unless_it_says(sheet: Sheet, checklist: Checklist) -> None:
    assert recorded({"partner": ADOS, "scores": {"pace_ok": 4}}, sheet, checklist) == Review(
        TODAY, ADOS, {"pace_ok": 4}
    )
    assert recorded({"partner": ADOS, "date": TODAY, "scores": {"pace_ok": 4}}, sheet, checklist).date == TODAY
    assert recorded({"partner": ADOS, "date": DAY, "scores": {"pace_ok": 4}}, sheet, checklist).date == DAY


@pytest.mark.parametrize("data", [[], "bilan", None])
def test_answers_that_are_no_mapping(data: Any, sheet: Sheet, checklist: Checklist) -> None:
    err = refused(data, sheet, checklist)
    assert (err.key, err.params, err.problems) == ("review.answers_not_mapping", {"file": "bilan.yaml"}, [])
    assert say(err, "en") == "bilan.yaml: a review is a mapping (partner, date, scores, criteria)."


def test_a_review_dated_after_today_is_refused(sheet: Sheet, checklist: Checklist) -> None:
    err = refused({"partner": ADOS, "date": "2025-04-02", "scores": {"pace_ok": 4}}, sheet, checklist)
    assert (err.key, err.params) == ("wizard.answers_invalid", {"file": "bilan.yaml", "count": 1})
    assert err.problems == [
        "date: the review is dated 2025-04-02, a day still to come: give the day the partner answered"
    ]


def test_every_problem_is_listed_at_its_path_in_the_language_asked(sheet: Sheet, checklist: Checklist) -> None:
    data = {"partner": "Club Ados", "scores": {"purpose_clear": 6}, "criteria": [{"criterion": "c", "rating": "x"}]}
    err = refused(data, sheet, checklist, "fr")
    assert (err.key, err.params) == ("wizard.answers_invalid", {"file": "bilan.yaml", "count": 4})
    assert say(err, "en") == "bilan.yaml: 4 problems in the answers:"
    assert err.problems[0] == french(
        f"partner : « Club Ados » n'est pas l'une des associations de la fiche ({', '.join(PARTNERS)})"
        f" (vouliez-vous dire « {ADOS} » ?)"
    ).replace("partner\u00a0:", "partner:")
    assert [line.split(":")[0] for line in err.problems] == [
        "partner",
        "scores.purpose_clear",
        "criteria.0.criterion",
        "criteria.0.rating",
    ]


def test_a_problem_of_the_whole_review_is_said_at_the_document(sheet: Sheet, checklist: Checklist) -> None:
    err = refused({"partner": ADOS}, sheet, checklist)
    assert err.problems == ["(document): the review scores no statement (scores) and rates no criterion (criteria)"]
    assert err.params["count"] == 1


def test_a_second_review_the_same_day_is_refused(sheet: Sheet, checklist: Checklist) -> None:
    earlier = dataclasses.replace(sheet, reviews=[Review(DAY, ADOS, {"pace_ok": 3}), Review(TODAY, POTAGERS, {})])
    err = refused({"partner": ADOS, "date": DAY, "scores": {"pace_ok": 4}}, earlier, checklist)
    assert err.problems == [
        f"{ADOS} already has a review dated 2025-03-30 in the sheet; reviews are never replaced: give another date"
    ]
    assert err.params["count"] == 1
    assert recorded({"partner": ADOS, "scores": {"pace_ok": 4}}, earlier, checklist).date == TODAY
    assert (
        recorded({"partner": POTAGERS, "date": DAY, "scores": {"pace_ok": 4}}, earlier, checklist).partner == POTAGERS
    )


def test_a_future_duplicate_says_both(sheet: Sheet, checklist: Checklist) -> None:
    later = dt.date(2025, 5, 1)
    earlier = dataclasses.replace(sheet, reviews=[Review(later, ADOS, {"pace_ok": 3})])
    err = refused({"partner": ADOS, "date": later, "scores": {"pace_ok": 4}}, earlier, checklist, "fr")
    assert len(err.problems) == 2 and err.params["count"] == 2
    assert err.problems[1] == french(
        f"{ADOS} a déjà un bilan daté du 2025-05-01 dans la fiche ; un bilan n'est jamais remplacé : "
        "donnez une autre date"
    )


# --- recording: append_review ---------------------------------------------------------------

REVIEW = Review(DAY, ADOS, {"pace_ok": 4}, [CriterionRating("c", "met")], "Inès")
ADDED = (
    "  - date: 2025-03-30\n"
    "    partner: Club Ados Linandes\n"
    "    by: Inès\n"
    "    scores:\n"
    "      pace_ok: 4\n"
    "    criteria:\n"
    "      - criterion: c\n"
    "        rating: met\n"
)
FLUSH = (  # into a sheet with no indented list: its own style, none
    "- date: 2025-03-30\n"
    "  partner: Club Ados Linandes\n"
    "  by: Inès\n"
    "  scores:\n"
    "    pace_ok: 4\n"
    "  criteria:\n"
    "  - criterion: c\n"
    "    rating: met\n"
)


def test_a_first_review_makes_the_reviews_list(checklist: Checklist) -> None:
    text = "# ma fiche\nformat: 1\nproject:\n  title: Fête  # le titre\n"
    assert append_review(text, False, REVIEW, "s.yaml") == text + "reviews:\n" + FLUSH


def test_a_review_is_added_after_the_others(checklist: Checklist) -> None:
    text = "---\nformat: 1\nreviews:\n  - date: 2025-01-01\n    partner: X\n    scores: {pace_ok: 2}\n"
    assert append_review(text, False, REVIEW, "s.yaml") == text + ADDED


def test_a_comment_before_the_document_start_is_kept() -> None:
    """docs/examples/fete-ados.yaml starts with « # Fiche remplie par Karim… » and a --- line."""
    text = "# Fiche remplie par Karim.\n---\nformat: 1\n"
    assert append_review(text, False, REVIEW, "s.yaml") == text + "reviews:\n" + FLUSH


def test_reviews_that_are_empty_are_made_a_list(checklist: Checklist) -> None:
    assert append_review("format: 1\nreviews:\n", False, REVIEW, "s.yaml") == "format: 1\nreviews:\n" + FLUSH


@pytest.mark.parametrize("reviews", ["reviews: bilan\n", "reviews: {a: 1}\n"])
def test_reviews_that_are_no_list_are_refused(reviews: str) -> None:
    with pytest.raises(InvalidSheetError) as raised:
        append_review("format: 1\n" + reviews, False, REVIEW, "s.yaml")
    assert (raised.value.key, raised.value.params) == ("review.reviews_not_list", {"file": "s.yaml"})


@pytest.mark.parametrize(("text", "found"), [("- a\n", "list"), ("just words\n", "text")])
def test_a_sheet_that_is_no_mapping_is_refused(text: str, found: str) -> None:
    with pytest.raises(InvalidSheetError) as raised:
        append_review(text, False, REVIEW, "s.yaml")
    assert (raised.value.key, raised.value.params) == ("sheet.not_mapping", {"file": "s.yaml", "found": found})


@pytest.mark.parametrize("fence", ["---", "..."])
def test_a_markdown_sheet_keeps_its_body(fence: str) -> None:
    body = "\n# Fête\n\n---\n\nLe texte.\n"
    text = f"---\nformat: 1\nproject:\n  title: Fête\n{fence}\n{body}"
    assert append_review(text, True, REVIEW, "s.md") == (
        "---\nformat: 1\nproject:\n  title: Fête\nreviews:\n" + FLUSH + "---\n" + body
    )


def test_a_markdown_sheet_s_closing_fence_may_end_with_spaces() -> None:
    text = "---\nformat: 1\n---  \n# Fête\n---\nfin\n"
    assert append_review(text, True, REVIEW, "s.md") == "---\nformat: 1\nreviews:\n" + FLUSH + "---\n# Fête\n---\nfin\n"


def test_a_sheet_that_cannot_be_changed_is_refused_naming_it() -> None:
    with pytest.raises(InvalidSheetError) as raised:
        append_review("# Fête\n", True, REVIEW, "s.md")
    assert (raised.value.key, raised.value.params) == ("sheet.no_front_matter", {"file": "s.md"})
    with pytest.raises(InvalidSheetError) as raised:
        append_review("a: [1\n", False, REVIEW, "s.yaml")
    assert raised.value.key == "edit.cannot_round_trip" and raised.value.params["file"] == "s.yaml"


def test_a_markdown_sheet_with_no_body() -> None:
    assert append_review("---\nformat: 1\n---\n", True, REVIEW, "s.md") == (
        "---\nformat: 1\nreviews:\n" + FLUSH + "---\n"
    )


def test_a_markdown_sheet_with_an_empty_front_matter_is_no_mapping() -> None:
    """The closing fence right after the opening one: the front matter is empty, whatever follows."""
    with pytest.raises(InvalidSheetError) as raised:
        append_review("---\n---\n# Fête\n", True, REVIEW, "s.md")
    assert (raised.value.key, raised.value.params) == ("sheet.not_mapping", {"file": "s.md", "found": "text"})


def test_a_front_matter_with_its_own_document_start_keeps_one_fence() -> None:
    """`--- !!map` inside the front matter is its YAML's document start: written back, the fence stands for it."""
    text = "---\n--- !!map\nformat: 1\n---\n# Fête\n"
    assert append_review(text, True, REVIEW, "s.md") == "---\nformat: 1\nreviews:\n" + FLUSH + "---\n# Fête\n"


# --- parse_reviews ---------------------------------------------------------------------------


def test_a_sheet_s_reviews_are_read_with_their_problems_at_their_place(checklist: Checklist) -> None:
    value = [
        {"date": "2025-03-30", "partner": "Ancien partenaire", "scores": {"pace_ok": 0, "informed": 4}},
        {"partner": ADOS, "scores": {"pace_ok": 4}},
        "bilan oral",
        {"date": DAY, "partner": ADOS, "criteria": [{"criterion": "Ancien critère", "rating": "met"}]},
    ]
    reviews, problems = parse_reviews(value, checklist)
    assert reviews == [
        Review(DAY, "Ancien partenaire", {"informed": 4}),
        Review(DAY, ADOS, {}, [CriterionRating("Ancien critère", "met")]),
    ]
    assert [(path, p.key, p.path) for path, p in problems] == [
        (("reviews", 0), "review.bad_score", ("scores", "pace_ok")),
        (("reviews", 1), "answer.missing_field", ("date",)),
        (("reviews", 2), "sheet.expected_mapping", ()),
    ]


def test_no_reviews_in_a_sheet(checklist: Checklist) -> None:
    assert parse_reviews(None, checklist) == ([], [])
    assert parse_reviews([], checklist) == ([], [])


@pytest.mark.parametrize(("value", "found"), [({"a": 1}, "mapping"), ("bilan", "text")])
def test_reviews_in_a_sheet_that_are_no_list(value: Any, found: str, checklist: Checklist) -> None:
    reviews, problems = parse_reviews(value, checklist)
    assert reviews == []
    assert [(path, p.key, p.params) for path, p in problems] == [
        (("reviews",), "sheet.expected_list", {"found": found})
    ]


def test_reviews_under_a_checklist_with_no_review_section(checklist: Checklist) -> None:
    bare = dataclasses.replace(checklist, review=None)
    reviews, problems = parse_reviews([{"date": DAY, "partner": ADOS, "scores": {"pace_ok": 4}}], bare)
    assert reviews == []
    assert [(path, p.key, p.params) for path, p in problems] == [(("reviews",), "review.no_review_guide_in_sheet", {})]
    assert say(problems[0][1].message, "en") == (
        "the checklist in force has no review section (review:): these reviews are not read"
    )
