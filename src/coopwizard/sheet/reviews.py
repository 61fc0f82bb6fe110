"""Reviews (« bilans »): each partner's health check of the partnership, kept in the sheet over time.

One validation for every way a review comes in: read from a sheet's `reviews:`
(lenient about partners and criteria that have changed since), or recorded by
`coop review --answers FILE` and, later, by the wizard (strict: the partner and
the criteria must be the sheet's). Reviews are only ever added, never replaced.
What they add up to is sheet/review_summary.py. Pure: data in, data out; the CLI
writes the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from coopwizard.core.errors import InvalidAnswersError, InvalidSheetError
from coopwizard.core.message import Message, PathPart
from coopwizard.core.records import slim_dataclass
from coopwizard.core.text import suggest
from coopwizard.guide.model import Checklist, ReviewConcern, ReviewGuide, ReviewStatement
from coopwizard.guide.types import Problem, parse_date, type_name
from coopwizard.i18n import say
from coopwizard.sheet.model import CriterionRating, Review, Sheet, review_data

REVIEW_KEYS = ("date", "partner", "by", "scores", "criteria", "comment")
CRITERION_KEYS = ("criterion", "rating", "comment")
CRITERIA_PATH = "success_criteria.criteria"  # where the sheet's success criteria are
CRITERION_FIELD = "criterion"


def review_guide(checklist: Checklist) -> ReviewGuide:
    """The checklist's review section, or an error saying the checklist has none."""
    if checklist.review is None:
        raise InvalidSheetError("review.no_review_guide", file=checklist.origin)
    return checklist.review


def sheet_criteria(sheet: Sheet) -> list[str]:
    """The success criteria a review rates: the sheet's own, in its order."""
    records = sheet.answer(CRITERIA_PATH) or []
    return [str(r[CRITERION_FIELD]) for r in records if isinstance(r, dict) and r.get(CRITERION_FIELD)]


@slim_dataclass
class ReviewItems:
    """What a review asks, for the wizard: the statements by concern, the scale, the criteria to rate."""

    guide: ReviewGuide
    statements: tuple[tuple[ReviewConcern, ReviewStatement], ...]
    criteria: tuple[str, ...]
    partners: tuple[str, ...]


def review_items(sheet: Sheet, checklist: Checklist) -> ReviewItems:
    guide = review_guide(checklist)
    statements = tuple((c, s) for c in guide.concerns for s in c.statements)
    return ReviewItems(guide, statements, tuple(sheet_criteria(sheet)), tuple(sheet.partner_names()))


def check_review(
    raw: Any,
    guide: ReviewGuide,
    partners: Sequence[str] | None = None,
    criteria: Sequence[str] | None = None,
    default_date: dt.date | None = None,
) -> tuple[Review | None, list[Problem]]:
    """A review record from untrusted data, and what is wrong with it (paths relative to the record).

    `partners` and `criteria`, when given, are the only names accepted (recording
    a new review); a sheet's earlier reviews may name partners and criteria that
    have changed since, so parsing a sheet gives None.
    """
    if not isinstance(raw, dict):
        return None, [Problem("sheet.expected_mapping", {"found": type_name(raw)})]
    problems: list[Problem] = []
    for key in raw:
        if str(key) not in REVIEW_KEYS:
            problems.append(
                Problem(
                    "sheet.unknown_key", {"key": str(key), "suggestion": suggest(str(key), REVIEW_KEYS)}, (str(key),)
                )
            )
    date = _date(raw.get("date"), default_date, problems)
    partner = _name(raw.get("partner"), "partner", partners, "review.unknown_partner", problems)
    by = _text(raw.get("by"), ("by",), problems)
    comment = _text(raw.get("comment"), ("comment",), problems)
    scores = _scores(raw.get("scores"), guide, problems)
    rated = _criteria(raw.get("criteria"), guide, criteria, problems)
    if not scores and not rated and not problems:
        problems.append(Problem("review.empty", {}))
    if date is None or partner is None or (not scores and not rated):
        return None, problems
    return Review(date, partner, scores, rated, by, comment), problems


def _date(value: Any, default: dt.date | None, problems: list[Problem]) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if default is None:
            problems.append(Problem("answer.missing_field", {"key": "date"}, ("date",)))
        return default
    parsed = parse_date(value)
    if parsed is None:
        problems.append(Problem("answer.bad_date", {"value": str(value)}, ("date",)))
    return parsed


def _text(value: Any, path: tuple[PathPart, ...], problems: list[Problem]) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        problems.append(Problem("answer.expected_text", {"found": type_name(value)}, tuple(str(p) for p in path)))
        return None
    return str(value).strip() or None


def _name(value: Any, key: str, allowed: Sequence[str] | None, unknown: str, problems: list[Problem]) -> str | None:
    before = len(problems)
    text = _text(value, (key,), problems)
    if text is None:
        if len(problems) == before:  # absent or blank, rather than of the wrong type
            problems.append(Problem("answer.missing_field", {"key": key}, (key,)))
        return None
    if allowed is not None and text not in allowed:
        problems.append(
            Problem(
                unknown, {"value": text, "allowed": ", ".join(allowed), "suggestion": suggest(text, allowed)}, (key,)
            )
        )
        return None
    return text


def _scores(value: Any, guide: ReviewGuide, problems: list[Problem]) -> dict[str, int]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(Problem("sheet.expected_mapping", {"found": type_name(value)}, ("scores",)))
        return {}
    ids = guide.statement_ids()
    top = len(guide.scale)
    given: dict[str, int] = {}
    for key, raw in value.items():
        name = str(key)
        if name not in ids:
            problems.append(
                Problem("review.unknown_statement", {"value": name, "suggestion": suggest(name, ids)}, ("scores", name))
            )
            continue
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue  # no opinion
        score = _score(raw)
        if score is None or not 1 <= score <= top:
            problems.append(Problem("review.bad_score", {"value": str(raw), "max": top}, ("scores", name)))
            continue
        given[name] = score
    return {i: given[i] for i in ids if i in given}  # in the checklist's order


def _score(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdecimal():  # not isdigit(): « ² » is a digit int() refuses
        return int(value.strip())
    return None


def _criteria(
    value: Any, guide: ReviewGuide, allowed: Sequence[str] | None, problems: list[Problem]
) -> list[CriterionRating]:
    if value is None:
        return []
    items = [value] if isinstance(value, dict) else value
    if not isinstance(items, list):
        problems.append(Problem("answer.expected_list", {"found": type_name(value)}, ("criteria",)))
        return []
    ratings = [r.id for r in guide.ratings]
    result: list[CriterionRating] = []
    for index, raw in enumerate(items):
        at: tuple[PathPart, ...] = ("criteria", index)
        if not isinstance(raw, dict):
            problems.append(
                Problem("answer.expected_record", {"found": type_name(raw), "fields": ", ".join(CRITERION_KEYS)}, at)
            )
            continue
        for key in raw:
            if str(key) not in CRITERION_KEYS:
                problems.append(
                    Problem(
                        "answer.unknown_field",
                        {
                            "key": str(key),
                            "allowed": ", ".join(CRITERION_KEYS),
                            "suggestion": suggest(str(key), CRITERION_KEYS),
                        },
                        (*at, str(key)),
                    )
                )
        sub: list[Problem] = []
        criterion = _name(raw.get("criterion"), "criterion", allowed, "review.unknown_criterion", sub)
        before = len(sub)
        rating = _text(raw.get("rating"), ("rating",), sub)
        if rating is None and len(sub) == before:
            sub.append(Problem("answer.missing_field", {"key": "rating"}, ("rating",)))
        elif rating is not None and rating not in ratings:
            sub.append(
                Problem(
                    "answer.unknown_choice",
                    {"value": rating, "allowed": ", ".join(ratings), "suggestion": suggest(rating, ratings)},
                    ("rating",),
                )
            )
            rating = None
        comment = _text(raw.get("comment"), ("comment",), sub)
        problems.extend(Problem(p.key, p.params, (*at, *p.path)) for p in sub)
        if criterion is not None and rating is not None:
            result.append(CriterionRating(criterion, rating, comment))
    return result


# -- recording a review --------------------------------------------------------------


def review_from_answers(
    data: Any, sheet: Sheet, checklist: Checklist, today: dt.date, lang: str, source: str
) -> Review:
    """One partner's review from answers (a file, or what the wizard asked), checked against the sheet.

    Every problem is listed at once (InvalidAnswersError); the date defaults to
    today; a second review by the same partner on the same day is refused, since
    reviews are never replaced.
    """
    guide = review_guide(checklist)
    if not isinstance(data, dict):
        raise InvalidAnswersError("review.answers_not_mapping", [], file=source)
    review, problems = check_review(data, guide, sheet.partner_names(), sheet_criteria(sheet), today)
    if review is not None and review.date > today:
        problems.append(Problem("review.future_date", {"date": review.date.isoformat()}, ("date",)))
    lines = [f"{_dotted(p.path)}: {say(p.message, lang)}" for p in problems]
    if review is not None and any(r.partner == review.partner and r.date == review.date for r in sheet.reviews):
        lines.append(
            say(Message("review.duplicate", {"partner": review.partner, "date": review.date.isoformat()}), lang)
        )
    if lines or review is None:
        raise InvalidAnswersError("wizard.answers_invalid", lines, file=source, count=len(lines))
    return review


def _dotted(path: tuple[PathPart, ...]) -> str:
    return ".".join(str(p) for p in path) or "(document)"


def append_review(original: str, markdown: bool, review: Review, name: str) -> str:
    """The sheet's text with `review` added at the end of `reviews:`; everything else exactly as it was.

    ruamel.yaml's round trip keeps comments, order and quoting; a Markdown sheet
    keeps its body as it is (only the front matter changes).
    """
    from coopwizard.io.frontmatter import split_front_matter
    from coopwizard.io.roundtrip import dump_round_trip, load_round_trip

    body = ""
    yaml_text = original
    if markdown:
        yaml_text = split_front_matter(original, name)[0]
        lines = original.split("\n")
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
        body = "\n".join(lines[end + 1 :])
    rt, document = load_round_trip(yaml_text, name)
    if not isinstance(document, dict):
        raise InvalidSheetError("sheet.not_mapping", file=name, found=type_name(document))
    reviews = document.get("reviews")
    if reviews is None:
        document["reviews"] = reviews = []
    if not isinstance(reviews, list):
        raise InvalidSheetError("review.reviews_not_list", file=name)
    reviews.append(review_data(review))
    text = dump_round_trip(rt, document)
    if not markdown:
        return text
    front = text.removeprefix("---\n")  # the Markdown fence opens the document already
    return f"---\n{front}---\n{body}"


# -- what the reviews say ------------------------------------------------------------


def parse_reviews(value: Any, checklist: Checklist) -> tuple[list[Review], list[tuple[tuple[PathPart, ...], Problem]]]:
    """A sheet's `reviews:` list; problems with their path from the sheet's root."""
    if value is None:
        return [], []
    if not isinstance(value, list):
        return [], [(("reviews",), Problem("sheet.expected_list", {"found": type_name(value)}))]
    guide = checklist.review
    if guide is None:
        return [], [(("reviews",), Problem("review.no_review_guide_in_sheet", {}))]
    reviews: list[Review] = []
    problems: list[tuple[tuple[PathPart, ...], Problem]] = []
    for index, raw in enumerate(value):
        review, found = check_review(raw, guide)
        problems.extend((("reviews", index), p) for p in found)
        if review is not None:
            reviews.append(review)
    return reviews, problems
