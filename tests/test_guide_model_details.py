"""How the checklist model finds its parts: topics, questions, levels, practices, notes, review statements.

Written from the mutation run of guide/model.py (docs/testing.md). Each test parses its own
checklist (not `load_checklist`'s cached one), so that `Checklist._topics_by_id`, a cached
property, is filled by the code under test.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from coopwizard.core.localized import Localized
from coopwizard.guide.load import load_checklist
from coopwizard.guide.model import Checklist, Choice, Question, Topic
from coopwizard.guide.parse import ChecklistParser
from coopwizard.guide.paths import AnswerPath
from coopwizard.guide.types import QUESTION_TYPES
from coopwizard.io.yamlio import load_yaml
from tests.conftest import ROOT

TEXT = (ROOT / "checklists" / "default.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    load_checklist.cache_clear()
    AnswerPath.parse.cache_clear()
    yield
    load_checklist.cache_clear()
    AnswerPath.parse.cache_clear()


@pytest.fixture
def guide() -> Checklist:
    return ChecklistParser(load_yaml(TEXT, "default.yaml"), "default.yaml").parse()


def _q(question_id: str, **more: object) -> Question:
    return Question(id=question_id, type="text", text=Localized(f"{question_id} ?", f"{question_id}?"), **more)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", sorted(QUESTION_TYPES))
def test_a_question_s_kind_is_its_type_s_behaviour(kind: str) -> None:
    question = Question(id="q", type=kind, text=Localized("Q ?", "Q?"))  # type: ignore[arg-type]
    assert question.kind is QUESTION_TYPES[kind]


def test_a_question_is_said_short_by_its_label_else_by_its_text() -> None:
    labelled = _q("title", label=Localized("Titre", "Title"))
    assert (labelled.short("fr"), labelled.short("en")) == ("Titre", "Title")
    bare = _q("summary")
    assert (bare.short("fr"), bare.short("en")) == ("summary ?", "summary?")


def test_a_choice_is_found_by_its_id_only() -> None:
    first, second = Choice("a", Localized("Un", "One")), Choice("b", Localized("Deux", "Two"))
    question = _q("scope", choices=(first, second, Choice("b", Localized("Autre", "Other"))))
    assert question.choice("a") is first
    assert question.choice("b") is second  # the first of an id
    assert question.choice("Deux") is None
    assert question.choice("c") is None
    assert _q("none").choice("a") is None


def test_a_topic_s_question_is_found_by_its_id() -> None:
    reason, again = _q("reason"), _q("reason")
    topic = Topic("purpose", Localized("R", "R"), Localized("g", "g"), (_q("objectives"), reason, again))
    assert topic.question("reason") is reason
    assert topic.question("objectives") is topic.questions[0]
    assert topic.question("nothing") is None


def test_a_topic_is_found_by_its_id_the_first_of_an_id(guide: Checklist) -> None:
    purpose = guide.topic("purpose")
    assert purpose is guide.topics[0]
    assert guide.topic("outlook") is guide.topics[-1]
    assert guide.topic("nothing") is None
    assert guide.topic("project") is None
    doubled = dataclasses.replace(
        guide, topics=(*guide.topics, dataclasses.replace(guide.topics[1], label=Localized("x", "x")))
    )
    assert doubled.topic(guide.topics[1].id) is guide.topics[1]


def test_levels_practices_and_notes_are_found_by_their_id(guide: Checklist) -> None:
    assert guide.level("collaboration") is guide.levels[1]
    assert guide.level("Collaboration") is None
    assert guide.practice("agree_objectives") is guide.practices[-1]
    assert guide.practice("act_local_think_global") is guide.practices[0]
    assert guide.practice("nothing") is None
    assert guide.note("formal_rapprochement") is guide.level_notes[1]
    assert guide.note("not_exclusive") is guide.level_notes[0]
    assert guide.note("nothing") is None


@pytest.mark.parametrize(
    ("name", "ids"),
    [
        ("project", ["title", "summary", "territory", "scope", "theme"]),
        ("partner", ["name", "representative", "contact", "brings_material", "brings_money", "brings_people"]),
        (
            "classification",
            ["shares_resources", "shares_work", "shared_organisation", "beyond_one_event", "formal_rapprochement"],
        ),
        ("material_resources", ["existing", "needed"]),
        ("purpose", ["reason", "objectives", "main_objective", "method"]),
    ],
)
def test_a_section_is_the_questions_of_the_project_the_partners_the_classification_or_a_topic(
    guide: Checklist, name: str, ids: list[str]
) -> None:
    questions = guide.section(name)
    assert questions is not None
    assert [q.id for q in questions] == ids


@pytest.mark.parametrize("name", ["partners", "topics", "nothing", ""])
def test_no_section_of_another_name(guide: Checklist, name: str) -> None:
    assert guide.section(name) is None


@pytest.mark.parametrize(
    ("path", "found"),
    [
        ("project.title", ("project", 0)),
        ("project.theme", ("project", 4)),
        ("partner.brings_money", ("partner", 4)),
        ("classification.formal_rapprochement", ("classification", 4)),
        ("human_resources.needed", ("human_resources", 3)),
        ("material_resources.needed", ("material_resources", 1)),
    ],
)
def test_an_answer_path_names_its_question(guide: Checklist, path: str, found: tuple[str, int]) -> None:
    section, index = found
    questions = guide.section(section)
    assert questions is not None
    assert guide.question_at(path) is questions[index]
    assert guide.question_at(AnswerPath.of(path)) is questions[index]


@pytest.mark.parametrize(
    "path", ["purpose.nothing", "nothing.reason", "purpose", "purpose.reason.more", "partners.name", "project.reason"]
)
def test_an_answer_path_to_nowhere_names_no_question(guide: Checklist, path: str) -> None:
    assert guide.question_at(path) is None


def test_the_first_question_of_an_id_is_the_one_named(guide: Checklist) -> None:
    purpose = guide.topics[0]
    other = dataclasses.replace(purpose.questions[0], text=Localized("Autre", "Other"))
    doubled = dataclasses.replace(
        guide, topics=(dataclasses.replace(purpose, questions=(*purpose.questions, other)), *guide.topics[1:])
    )
    assert doubled.question_at("purpose.reason") is purpose.questions[0]


def test_review_statements_and_ratings_are_found_by_their_id(guide: Checklist) -> None:
    review = guide.review
    assert review is not None
    concern, statement = review.statement("skills_used") or (None, None)
    assert concern is review.concerns[1] and statement is review.concerns[1].statements[1]
    first = review.statement("purpose_clear")
    assert first == (review.concerns[0], review.concerns[0].statements[0])
    assert review.statement("involvement") is None
    assert review.statement("nothing") is None
    ids = review.statement_ids()
    assert ids[:5] == ["purpose_clear", "objectives_shared", "feels_concerned", "skills_used", "no_provider"]
    assert len(ids) == sum(len(c.statements) for c in review.concerns)
    assert ids == [s.id for c in review.concerns for s in c.statements]
    assert review.rating("partly") is review.ratings[1]
    assert review.rating("met") is review.ratings[0]
    assert review.rating("nothing") is None
