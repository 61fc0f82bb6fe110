"""Loading a checklist, key by key: what a well-formed one becomes, and each problem that stops a broken one.

Written from the mutation run of guide/parse.py (docs/testing.md). A checklist is untrusted input
(another network may have adapted it): each test pins the exact model it gives, or the exact
problem (its key, the key path, its parameters) and, for some, the message in French and English.
The checklists are parsed with `ChecklistParser`, not `load_checklist`: no cache stands between the
code under test and them (the autouse fixture empties the process-wide ones all the same).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from coopwizard.core.errors import InvalidChecklistError
from coopwizard.core.localized import Localized
from coopwizard.guide.load import load_checklist
from coopwizard.guide.model import (
    Checklist,
    Choice,
    Condition,
    Consistency,
    Level,
    Note,
    Pitfall,
    Practice,
    PracticeCheck,
    Prefill,
    Question,
    ReviewConcern,
    ReviewGuide,
    ReviewRating,
    ReviewStatement,
    Topic,
)
from coopwizard.guide.parse import ChecklistParser, keys_of
from coopwizard.guide.paths import AnswerPath
from coopwizard.i18n import say
from coopwizard.i18n.typography import typeset
from coopwizard.io.yamlio import load_yaml
from tests.helpers import french

NAME = "mini.yaml"
DROP = object()  # an edit that removes the key


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    load_checklist.cache_clear()
    AnswerPath.parse.cache_clear()
    yield
    load_checklist.cache_clear()
    AnswerPath.parse.cache_clear()


def L(fr: str, en: str) -> dict[str, str]:  # reads as the checklist's {fr:, en:}
    return {"fr": fr, "en": en}


def T(fr: str, en: str) -> Localized:  # the same text, as the model holds it
    return Localized(typeset(fr, "fr"), typeset(en, "en"))


# A small checklist that uses every part of the format: parsing it is fast, and each case below
# breaks one key of it.
MINIMAL: dict[str, Any] = {
    "format": 1,
    "id": "mini",
    "version": 3,
    "title": L("Petit guide : essai", "Small guide: a test"),
    "source": L("Une source", "A source"),
    "levels": [
        {
            "id": "pooling",
            "name": L("Mutualisation", "Pooling"),
            "motto": L("s'entraider", "mutual help"),
            "applies_to": L("les locaux", "premises"),
            "requires": ["shares"],
        },
        {
            "id": "together",
            "name": L("Collaboration", "Collaboration"),
            "motto": L("ensemble", "together"),
            "applies_to": L("le travail", "work"),
            "requires": ["shares", "works"],
        },
    ],
    "level_notes": [
        {"id": "note", "text": L("Une note !", "A note!")},
        {"id": "both", "shown": "several_modes", "text": L("Les deux", "Both")},
    ],
    "classification": [
        {
            "id": "shares",
            "type": "yes_no",
            "text": L("Partagez-vous ?", "Do you share?"),
            "to_reach": L("Partager", "Share"),
            "label": L("Partage", "Sharing"),
        },
        {"id": "works", "type": "yes_no", "text": L("Travaillez-vous ensemble ?", "Do you work together?")},
        {
            "id": "formal",
            "type": "choice",
            "default": "none",
            "text": L("Un rapprochement ?", "A rapprochement?"),
            "choices": [{"id": "none", "label": L("Aucun", "None")}, {"id": "merger", "label": L("Fusion", "Merger")}],
        },
    ],
    "project": [
        {"id": "title", "type": "text", "required": True, "text": L("Titre", "Title"), "label": L("T", "T")},
        {
            "id": "scope",
            "type": "multi_choice",
            "text": L("Échelle ?", "Scale?"),
            "help": L("Aide : choisir", "Help: choose"),
            "choices": [{"id": "local", "label": L("locale", "local")}, {"id": "theme", "label": L("thème", "theme")}],
        },
        {
            "id": "theme",
            "type": "text",
            "text": L("Thème", "Theme"),
            "when": {"answer": "project.scope", "any_of": ["theme"]},
        },
    ],
    "partner": [
        {"id": "name", "type": "text", "required": True, "text": L("Nom", "Name")},
        {"id": "brings", "type": "list", "text": L("Apporte", "Brings")},
        {"id": "contact", "type": "text", "text": L("Contact", "Contact")},
    ],
    "topics": [
        {
            "id": "timeline",
            "label": L("Échéancier", "Timeline"),
            "guide": L("l'échéancier", "the schedule"),
            "hints": [L("une date ?", "a date?"), L("un lieu", "a place")],
            "questions": [
                {
                    "id": "milestones",
                    "type": "list",
                    "required": False,
                    "text": L("Étapes", "Milestones"),
                    "fields": [
                        {"id": "date", "type": "date", "required": True, "text": L("Date", "Date")},
                        {"id": "label", "type": "text", "text": L("Étape", "Milestone")},
                    ],
                },
                {
                    "id": "decision",
                    "type": "choice",
                    "text": L("Décision ?", "Decision?"),
                    "choices": [
                        {"id": "vote", "label": L("vote", "vote")},
                        {"id": "undecided", "label": L("à voir", "open")},
                    ],
                },
                {"id": "committee", "type": "yes_no", "text": L("Comité ?", "Committee?"), "default": False},
                {
                    "id": "material",
                    "type": "list",
                    "text": L("Matériel", "Material"),
                    "fields": [
                        {"id": "item", "type": "text", "text": L("Quoi", "What")},
                        {"id": "provided_by", "type": "text", "text": L("Par qui", "By whom")},
                    ],
                    "prefill": {"source": "partner.brings", "partner_field": "provided_by"},
                },
            ],
        },
        {
            "id": "money",
            "label": L("Argent", "Money"),
            "guide": L("l'argent", "money"),
            "questions": [
                {"id": "total", "type": "amount", "text": L("Total", "Total")},
                {"id": "gifts", "type": "list", "text": L("Dons", "Gifts"), "prefill": {"source": "partner.brings"}},
            ],
        },
    ],
    "pitfalls": [
        {
            "id": "hasty",
            "text": L("À chaud", "Hasty"),
            "advice": L("Prenez le temps !", "Take your time!"),
            "rule": "hasty_decisions",
            "practices": ["organise", "decide"],
            "params": {
                "milestones": "timeline.milestones",
                "decision_rule": "timeline.decision",
                "undecided": ["undecided"],
                "min_days_to_last_milestone": 30,
                "max_unsettled_topics": 0,
            },
        }
    ],
    "practices": [
        {
            "id": "organise",
            "text": L("S'organiser", "Get organised"),
            "check": {"rule": "answered", "paths": ["timeline.milestones"]},
        },
        {
            "id": "decide",
            "text": L("Décider", "Decide"),
            "check": {
                "rule": "choice_in",
                "paths": ["timeline.decision"],
                "values": ["vote"],
                "expects": L("un vote", "a vote"),
            },
        },
        {
            "id": "contacts",
            "text": L("Contacts", "Contacts"),
            "check": {"rule": "every_partner", "paths": ["partner.contact"]},
        },
        {
            "id": "committee",
            "text": L("Un comité", "A committee"),
            "check": {"rule": "is_yes", "paths": ["timeline.committee"]},
        },
        {"id": "listen", "text": L("Écouter", "Listen")},
    ],
    "consistency": [
        {
            "id": "early",
            "rule": "premature_rapprochement",
            "params": {"rapprochement": "classification.formal", "no_rapprochement": ["none"], "note": "note"},
        },
        {
            "id": "pooled",
            "rule": "claim_shares_resources",
            "params": {
                "claim": "classification.shares",
                "existing": "timeline.material",
                "contributions": ["partner.brings"],
                "described_by": ["partner.brings", "partner.contact"],
            },
        },
        {
            "id": "apart",
            "rule": "claim_shared_organisation",
            "params": {
                "claim": "classification.works",
                "decision_rule": "timeline.decision",
                "one_decides": ["undecided"],
                "shared_rules": ["vote"],
                "decision_makers": "project.title",
                "apart_phrases": {"fr": ["chacun pour soi"], "en": ["each on their own", "apart"]},
                "committee": "timeline.committee",
            },
        },
    ],
    "placeholders": {"fr": ["à voir", "plus tard"], "en": ["TBD"]},
    "review": {
        "scale": [L("pas d'accord", "disagree"), L("d'accord", "agree")],
        "ratings": [
            {"id": "met", "label": L("atteint", "met")},
            {"id": "not_met", "label": L("pas atteint", "not met")},
        ],
        "concerns": [
            {
                "id": "pace",
                "label": L("Le rythme", "The pace"),
                "pitfalls": ["hasty"],
                "practices": ["organise", "decide"],
                "statements": [
                    {"id": "time", "text": L("Nous avons le temps.", "We have time.")},
                    {"id": "heard", "text": L("Je suis écouté.", "I am heard.")},
                ],
            },
            {
                "id": "means",
                "label": L("Les moyens", "The means"),
                "statements": [{"id": "enough", "text": L("C'est assez ?", "Enough?")}],
            },
        ],
    },
}


def _expected() -> Checklist:
    """MINIMAL, as the model holds it: written out field by field, not computed."""
    shares = Question(
        id="shares",
        type="yes_no",
        text=T("Partagez-vous ?", "Do you share?"),
        to_reach=T("Partager", "Share"),
        label=T("Partage", "Sharing"),
    )
    works = Question(id="works", type="yes_no", text=T("Travaillez-vous ensemble ?", "Do you work together?"))
    formal = Question(
        id="formal",
        type="choice",
        text=T("Un rapprochement ?", "A rapprochement?"),
        default="none",
        choices=(Choice("none", T("Aucun", "None")), Choice("merger", T("Fusion", "Merger"))),
    )
    theme = Question(id="theme", type="text", text=T("Thème", "Theme"))
    theme.when = Condition("project.scope", ("theme",))
    material = Question(
        id="material",
        type="list",
        text=T("Matériel", "Material"),
        fields=(
            Question(id="item", type="text", text=T("Quoi", "What")),
            Question(id="provided_by", type="text", text=T("Par qui", "By whom")),
        ),
    )
    material.prefill = Prefill("partner.brings", "provided_by")
    gifts = Question(id="gifts", type="list", text=T("Dons", "Gifts"))
    gifts.prefill = Prefill("partner.brings", None)
    return Checklist(
        id="mini",
        version=3,
        title=T("Petit guide : essai", "Small guide: a test"),
        source=T("Une source", "A source"),
        levels=(
            Level(
                "pooling",
                1,
                T("Mutualisation", "Pooling"),
                T("s'entraider", "mutual help"),
                T("les locaux", "premises"),
                ("shares",),
            ),
            Level(
                "together",
                2,
                T("Collaboration", "Collaboration"),
                T("ensemble", "together"),
                T("le travail", "work"),
                ("shares", "works"),
            ),
        ),
        level_notes=(
            Note("note", T("Une note !", "A note!"), None),
            Note("both", T("Les deux", "Both"), "several_modes"),
        ),
        classification=(shares, works, formal),
        project=(
            Question(id="title", type="text", text=T("Titre", "Title"), required=True, label=T("T", "T")),
            Question(
                id="scope",
                type="multi_choice",
                text=T("Échelle ?", "Scale?"),
                help=T("Aide : choisir", "Help: choose"),
                choices=(Choice("local", T("locale", "local")), Choice("theme", T("thème", "theme"))),
            ),
            theme,
        ),
        partner=(
            Question(id="name", type="text", text=T("Nom", "Name"), required=True),
            Question(id="brings", type="list", text=T("Apporte", "Brings")),
            Question(id="contact", type="text", text=T("Contact", "Contact")),
        ),
        topics=(
            Topic(
                "timeline",
                T("Échéancier", "Timeline"),
                T("l'échéancier", "the schedule"),
                (
                    Question(
                        id="milestones",
                        type="list",
                        text=T("Étapes", "Milestones"),
                        fields=(
                            Question(id="date", type="date", text=T("Date", "Date"), required=True),
                            Question(id="label", type="text", text=T("Étape", "Milestone")),
                        ),
                    ),
                    Question(
                        id="decision",
                        type="choice",
                        text=T("Décision ?", "Decision?"),
                        choices=(Choice("vote", T("vote", "vote")), Choice("undecided", T("à voir", "open"))),
                    ),
                    Question(id="committee", type="yes_no", text=T("Comité ?", "Committee?"), default=False),
                    material,
                ),
                (T("une date ?", "a date?"), T("un lieu", "a place")),
            ),
            Topic(
                "money",
                T("Argent", "Money"),
                T("l'argent", "money"),
                (Question(id="total", type="amount", text=T("Total", "Total")), gifts),
                (),
            ),
        ),
        pitfalls=(
            Pitfall(
                "hasty",
                T("À chaud", "Hasty"),
                T("Prenez le temps !", "Take your time!"),
                "hasty_decisions",
                {
                    "milestones": "timeline.milestones",
                    "decision_rule": "timeline.decision",
                    "undecided": ["undecided"],
                    "min_days_to_last_milestone": 30,
                    "max_unsettled_topics": 0,
                },
                ("organise", "decide"),
            ),
        ),
        practices=(
            Practice(
                "organise", T("S'organiser", "Get organised"), PracticeCheck("answered", ("timeline.milestones",), ())
            ),
            Practice(
                "decide",
                T("Décider", "Decide"),
                PracticeCheck("choice_in", ("timeline.decision",), ("vote",), T("un vote", "a vote")),
            ),
            Practice("contacts", T("Contacts", "Contacts"), PracticeCheck("every_partner", ("partner.contact",), ())),
            Practice("committee", T("Un comité", "A committee"), PracticeCheck("is_yes", ("timeline.committee",), ())),
            Practice("listen", T("Écouter", "Listen"), None),
        ),
        consistency=(
            Consistency(
                "early",
                "premature_rapprochement",
                {"rapprochement": "classification.formal", "no_rapprochement": ["none"], "note": "note"},
            ),
            Consistency(
                "pooled",
                "claim_shares_resources",
                {
                    "claim": "classification.shares",
                    "existing": "timeline.material",
                    "contributions": ["partner.brings"],
                    "described_by": ["partner.brings", "partner.contact"],
                },
            ),
            Consistency(
                "apart",
                "claim_shared_organisation",
                {
                    "claim": "classification.works",
                    "decision_rule": "timeline.decision",
                    "one_decides": ["undecided"],
                    "shared_rules": ["vote"],
                    "decision_makers": "project.title",
                    "apart_phrases": {"fr": ["chacun pour soi"], "en": ["each on their own", "apart"]},
                    "committee": "timeline.committee",
                },
            ),
        ),
        placeholders=("à voir", "plus tard", "TBD"),
        review=ReviewGuide(
            scale=(T("pas d'accord", "disagree"), T("d'accord", "agree")),
            concerns=(
                ReviewConcern(
                    "pace",
                    T("Le rythme", "The pace"),
                    (
                        ReviewStatement("time", T("Nous avons le temps.", "We have time.")),
                        ReviewStatement("heard", T("Je suis écouté.", "I am heard.")),
                    ),
                    ("hasty",),
                    ("organise", "decide"),
                ),
                ReviewConcern(
                    "means",
                    T("Les moyens", "The means"),
                    (ReviewStatement("enough", T("C'est assez ?", "Enough?")),),
                    (),
                    (),
                ),
            ),
            ratings=(ReviewRating("met", T("atteint", "met")), ReviewRating("not_met", T("pas atteint", "not met"))),
            due_months=12,
            gap=2,
        ),
    )


def _path(dotted: str) -> list[Any]:
    return [int(part) if part.isdigit() else part for part in dotted.split(".")]


def _edited(edits: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(MINIMAL)
    for dotted, value in edits.items():
        *parents, last = _path(dotted)
        node: Any = data
        for part in parents:
            node = node[part]
        if value is DROP:
            del node[last]
        elif isinstance(node, list) and last == len(node):
            node.append(value)
        else:
            node[last] = value
    return data


def _text(data: Any) -> str:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)


def _parse(data: Any) -> Checklist:
    return ChecklistParser(load_yaml(_text(data), NAME), NAME).parse()


def _refused(data: Any) -> InvalidChecklistError:
    with pytest.raises(InvalidChecklistError) as caught:
        _parse(data)
    return caught.value


# --- what a well-formed checklist becomes ---------------------------------------------------------------


def test_a_checklist_becomes_its_model_field_by_field() -> None:
    parsed = _parse(MINIMAL)
    expected = _expected()
    for name in Checklist.__dataclass_fields__:
        if name == "origin":
            continue
        assert getattr(parsed, name) == getattr(expected, name), name
    assert parsed == expected
    assert parsed.origin == NAME
    assert parsed.title.fr == "Petit guide\u00a0: essai"  # the French typeset, the English as written
    assert parsed.title.en == "Small guide: a test"


def test_the_keys_of_an_entry_are_its_model_s_fields() -> None:
    assert keys_of(Checklist, extra=("format",)) == (
        "id",
        "version",
        "title",
        "source",
        "levels",
        "level_notes",
        "classification",
        "project",
        "partner",
        "topics",
        "pitfalls",
        "practices",
        "consistency",
        "placeholders",
        "review",
        "format",
    )
    assert keys_of(Level, without=("rank",)) == ("id", "name", "motto", "applies_to", "requires")
    assert keys_of(Prefill) == ("source", "partner_field")
    assert keys_of(Note, without=("id", "text")) == ("shown",)


@pytest.mark.parametrize(
    ("edits", "check"),
    [
        ({"consistency": DROP}, lambda c: c.consistency == ()),
        ({"consistency": None}, lambda c: c.consistency == ()),
        ({"consistency": []}, lambda c: c.consistency == ()),
        ({"placeholders": DROP}, lambda c: c.placeholders == ()),
        ({"review": DROP}, lambda c: c.review is None),
        ({"review": None}, lambda c: c.review is None),
        ({"review.due_months": 6, "review.gap": 3}, lambda c: (c.review.due_months, c.review.gap) == (6, 3)),
        ({"review.due_months": 1, "review.gap": 1}, lambda c: (c.review.due_months, c.review.gap) == (1, 1)),
        ({"topics.0.hints": None}, lambda c: c.topics[0].hints == ()),
        ({"topics.0.hints": DROP}, lambda c: c.topics[0].hints == ()),
        ({"id": "a_b-C9"}, lambda c: c.id == "a_b-C9"),
        ({"version": 0}, lambda c: c.version == 0),
        ({"pitfalls.0.practices": DROP}, lambda c: c.pitfalls[0].practices == ()),
        (
            {"pitfalls.0.params.max_unsettled_topics": 2.5},
            lambda c: c.pitfalls[0].params["max_unsettled_topics"] == 2.5,
        ),
        (
            {"consistency.0.params.note": DROP},
            lambda c: (
                dict(c.consistency[0].params)
                == {"rapprochement": "classification.formal", "no_rapprochement": ["none"]}
            ),
        ),
        ({"consistency.0.params.note": None}, lambda c: c.consistency[0].params["note"] is None),
        ({"practices.1.check.values": DROP}, lambda c: c.practices[1].check.values == ()),
        ({"practices.1.check.values": []}, lambda c: c.practices[1].check.values == ()),
        # A yes/no question's choices and a text's fields are not read (and not refused).
        (
            {"topics.0.questions.2.choices": [{"id": 1}], "topics.0.questions.2.fields": [{"id": "x"}]},
            lambda c: (c.topics[0].questions[2].choices, c.topics[0].questions[2].fields) == ((), ()),
        ),
        # A condition on a text, or a yes/no, takes any value of that kind.
        (
            {"project.2.when": {"answer": "project.title", "any_of": ["anything", 3]}},
            lambda c: c.project[2].when == Condition("project.title", ("anything", 3)),
        ),
        (
            {"project.2.when": {"answer": "timeline.committee", "any_of": [True, False]}},
            lambda c: c.project[2].when.any_of == (True, False),
        ),
        ({"project.2.when": {"answer": "money.total", "any_of": [5]}}, lambda c: c.project[2].when.any_of == (5,)),
        (
            {"project.2.prefill": {"source": "partner.contact"}, "project.2.type": "per_partner"},
            lambda c: c.project[2].prefill == Prefill("partner.contact"),
        ),
        (
            {"project.3": {"id": "summary", "type": "text", "text": L("R", "S"), "default": "x"}},
            lambda c: c.project[3].default == "x",
        ),
        (
            {"partner.0.id": "contact", "partner.2.id": "name"},
            lambda c: [q.id for q in c.partner] == ["contact", "brings", "name"],
        ),
        ({"levels.0.requires": ["formal"]}, lambda c: c.levels[0].requires == ("formal",)),
        # Each part reserves its own names only: the sheet keeps `level` in classification, `created` in project.
        ({"project.2.id": "level"}, lambda c: c.project[2].id == "level"),
        (
            {"project.2.id": "status", "project.3": {"id": "notes", "type": "text", "text": L("N", "N")}},
            lambda c: [q.id for q in c.project] == ["title", "scope", "status", "notes"],
        ),
        (
            {"classification.3": {"id": "created", "type": "yes_no", "text": L("C", "C")}},
            lambda c: c.classification[3].id == "created",
        ),
        (
            {"topics.1.questions.0.id": "language", "topics.1.questions.1.id": "level"},
            lambda c: c.topics[1].questions[1].id == "level",
        ),
        ({"classification.2.default": DROP}, lambda c: c.classification[2].default is None),
        (
            {"review.concerns.0.pitfalls": DROP, "review.concerns.0.practices": DROP},
            lambda c: (c.review.concerns[0].pitfalls, c.review.concerns[0].practices) == ((), ()),
        ),
        (
            {"review.concerns.0.pitfalls": [], "review.concerns.0.practices": []},
            lambda c: c.review.concerns[0].pitfalls == (),
        ),
    ],
)
def test_what_a_checklist_may_leave_out_or_give_freely(edits: dict[str, Any], check: Any) -> None:
    assert check(_parse(_edited(edits)))


# --- the problems that stop a checklist ---------------------------------------------------------------

QUESTION_TYPE_NAMES = "text, choice, multi_choice, yes_no, date, amount, list, per_partner"
PITFALL_RULES = "dispersion, hasty_decisions, provider_relationship, unclear_purpose, wishes_vs_means"
CONSISTENCY_RULES = (
    "claim_beyond_one_event, claim_shared_organisation, claim_shares_resources, claim_shares_work, "
    "premature_rapprochement"
)
Q = "topics.0.questions"

BROKEN: list[tuple[str, dict[str, Any], str, str, dict[str, Any]]] = [
    # the document
    ("no format", {"format": DROP}, "checklist.bad_format", "format", {"expected": 1}),
    ("format as text", {"format": "1"}, "checklist.bad_format", "format", {"expected": 1}),
    ("another format", {"format": 2}, "checklist.bad_format", "format", {"expected": 1}),
    ("misspelt key", {"topic": []}, "checklist.unknown_key", "topic", {"suggestion": "topics"}),
    ("origin is not a key", {"origin": "x"}, "checklist.unknown_key", "origin", {"suggestion": ""}),
    ("no version", {"version": DROP}, "checklist.not_integer", "version", {}),
    ("version as text", {"version": "3"}, "checklist.not_integer", "version", {}),
    ("version as yes", {"version": True}, "checklist.not_integer", "version", {}),
    ("version with a decimal", {"version": 3.0}, "checklist.not_integer", "version", {}),
    ("no id", {"id": DROP}, "checklist.not_text", "id", {}),
    ("blank id", {"id": "  "}, "checklist.not_text", "id", {}),
    ("id as a number", {"id": 5}, "checklist.not_text", "id", {}),
    ("id with a space", {"id": "mini guide"}, "checklist.bad_id", "id", {"value": "mini guide"}),
    ("id with an accent", {"id": "guidé"}, "checklist.bad_id", "id", {"value": "guidé"}),
    ("id of marks only", {"id": "_-"}, "checklist.bad_id", "id", {"value": "_-"}),
    ("id with a dot", {"id": "a.b"}, "checklist.bad_id", "id", {"value": "a.b"}),
    ("no title", {"title": DROP}, "checklist.not_mapping", "title", {}),
    ("title as text", {"title": "Guide"}, "checklist.not_mapping", "title", {}),
    ("title in French only", {"title.en": DROP}, "checklist.missing_language", "title.en", {"lang": "en"}),
    ("title blank in French", {"title.fr": " "}, "checklist.missing_language", "title.fr", {"lang": "fr"}),
    ("title as a number", {"title.fr": 3}, "checklist.missing_language", "title.fr", {"lang": "fr"}),
    ("title in German too", {"title.de": "Titel"}, "checklist.unknown_language", "title.de", {"value": "de"}),
    ("source in English only", {"source.fr": DROP}, "checklist.missing_language", "source.fr", {"lang": "fr"}),
    # levels and their notes
    ("no levels", {"levels": []}, "checklist.not_list", "levels", {}),
    ("levels as text", {"levels": "three"}, "checklist.not_list", "levels", {}),
    ("a level as text", {"levels.1": "x"}, "checklist.not_mapping", "levels.1", {}),
    ("a level's rank given", {"levels.0.rank": 1}, "checklist.unknown_key", "levels.0.rank", {"suggestion": ""}),
    ("a level requires nothing", {"levels.0.requires": []}, "checklist.not_list", "levels.0.requires", {}),
    ("a level requires text", {"levels.0.requires": "shares"}, "checklist.not_list", "levels.0.requires", {}),
    ("no requires", {"levels.1.requires": DROP}, "checklist.not_list", "levels.1.requires", {}),
    (
        "a level requires an unknown question",
        {"levels.1.requires": ["shares", "telepathy"]},
        "checklist.unknown_question",
        "levels.1.requires.1",
        {"value": "telepathy"},
    ),
    ("two levels of an id", {"levels.1.id": "pooling"}, "checklist.duplicate_id", "levels.1.id", {"value": "pooling"}),
    ("a level without a motto", {"levels.1.motto": DROP}, "checklist.not_mapping", "levels.1.motto", {}),
    (
        "a level without its scope",
        {"levels.0.applies_to.en": DROP},
        "checklist.missing_language",
        "levels.0.applies_to.en",
        {"lang": "en"},
    ),
    ("no level notes", {"level_notes": DROP}, "checklist.not_list", "level_notes", {}),
    (
        "a note shown always",
        {"level_notes.1.shown": "always"},
        "checklist.bad_type",
        "level_notes.1.shown",
        {"value": "always", "allowed": "several_modes"},
    ),
    (
        "a note with a misspelt key",
        {"level_notes.0.shwn": None},
        "checklist.unknown_key",
        "level_notes.0.shwn",
        {"suggestion": "shown"},
    ),
    ("a note as text", {"level_notes.0": "x"}, "checklist.not_mapping", "level_notes.0", {}),
    ("a note without text", {"level_notes.0.text": DROP}, "checklist.not_mapping", "level_notes.0.text", {}),
    # questions
    ("no classification", {"classification": DROP}, "checklist.not_list", "classification", {}),
    (
        "a classification question of text",
        {"classification.1.type": "text"},
        "checklist.bad_type",
        "classification.1.type",
        {"value": "text", "allowed": "yes_no, choice"},
    ),
    (
        "a classification question named level",
        {"classification.1.id": "level"},
        "checklist.reserved_id",
        "classification.1.id",
        {"value": "level"},
    ),
    (
        "two classification questions of an id",
        {"classification.1.id": "shares"},
        "checklist.duplicate_id",
        "classification.1.id",
        {"value": "shares"},
    ),
    (
        "a question of no type",
        {"project.1.type": DROP},
        "checklist.bad_type",
        "project.1.type",
        {"value": None, "allowed": QUESTION_TYPE_NAMES},
    ),
    (
        "a question of an unknown type",
        {"project.1.type": "essay"},
        "checklist.bad_type",
        "project.1.type",
        {"value": "essay", "allowed": QUESTION_TYPE_NAMES},
    ),
    (
        "a project question named created",
        {"project.1.id": "created"},
        "checklist.reserved_id",
        "project.1.id",
        {"value": "created"},
    ),
    (
        "a project question named language",
        {"project.2.id": "language"},
        "checklist.reserved_id",
        "project.2.id",
        {"value": "language"},
    ),
    (
        "two project questions of an id",
        {"project.2.id": "scope"},
        "checklist.duplicate_id",
        "project.2.id",
        {"value": "scope"},
    ),
    ("the title not first", {"project.0.id": "heading"}, "checklist.title_first", "project.0.id", {}),
    ("the title not a text", {"project.0.type": "yes_no"}, "checklist.title_first", "project.0.id", {}),
    ("no project", {"project": []}, "checklist.not_list", "project", {}),
    ("no partner name", {"partner.0.id": "nom"}, "checklist.partner_name", "partner", {}),
    ("a partner name not a text", {"partner.0.type": "date"}, "checklist.partner_name", "partner", {}),
    (
        "a topic question named status",
        {f"{Q}.1.id": "status"},
        "checklist.reserved_id",
        f"{Q}.1.id",
        {"value": "status"},
    ),
    ("a topic question named notes", {f"{Q}.0.id": "notes"}, "checklist.reserved_id", f"{Q}.0.id", {"value": "notes"}),
    ("a question as text", {f"{Q}.1": "x"}, "checklist.not_mapping", f"{Q}.1", {}),
    (
        "a misspelt question key",
        {f"{Q}.1.requierd": True},
        "checklist.unknown_key",
        f"{Q}.1.requierd",
        {"suggestion": "required"},
    ),
    ("required as text", {f"{Q}.1.required": "yes"}, "checklist.not_boolean", f"{Q}.1.required", {}),
    ("required as a number", {f"{Q}.1.required": 1}, "checklist.not_boolean", f"{Q}.1.required", {}),
    ("a question without text", {f"{Q}.1.text": DROP}, "checklist.not_mapping", f"{Q}.1.text", {}),
    ("help as text", {f"{Q}.1.help": "aide"}, "checklist.not_mapping", f"{Q}.1.help", {}),
    ("help left empty", {f"{Q}.1.help": None}, "checklist.not_mapping", f"{Q}.1.help", {}),
    (
        "to_reach in French only",
        {"classification.1.to_reach": {"fr": "x"}},
        "checklist.missing_language",
        "classification.1.to_reach.en",
        {"lang": "en"},
    ),
    (
        "a label in French only",
        {f"{Q}.1.label": {"fr": "x"}},
        "checklist.missing_language",
        f"{Q}.1.label.en",
        {"lang": "en"},
    ),
    ("a question without id", {f"{Q}.2.id": DROP}, "checklist.not_text", f"{Q}.2.id", {}),
    ("a choice question without choices", {f"{Q}.1.choices": DROP}, "checklist.not_list", f"{Q}.1.choices", {}),
    ("a multiple choice without choices", {"project.1.choices": []}, "checklist.not_list", "project.1.choices", {}),
    ("a choice as text", {f"{Q}.1.choices.1": "vote"}, "checklist.not_mapping", f"{Q}.1.choices.1", {}),
    ("a choice without label", {f"{Q}.1.choices.1.label": DROP}, "checklist.not_mapping", f"{Q}.1.choices.1.label", {}),
    (
        "a choice's bad id",
        {f"{Q}.1.choices.1.id": "à voir"},
        "checklist.bad_id",
        f"{Q}.1.choices.1.id",
        {"value": "à voir"},
    ),
    (
        "two choices of an id",
        {f"{Q}.1.choices.1.id": "vote"},
        "checklist.duplicate_id",
        f"{Q}.1.choices.1.id",
        {"value": "vote"},
    ),
    (
        "a default that is no choice",
        {"classification.2.default": "divorce"},
        "checklist.unknown_choice",
        "classification.2.default",
        {"value": "divorce"},
    ),
    (
        "a default given as a label",
        {"classification.2.default": "Aucun"},
        "checklist.unknown_choice",
        "classification.2.default",
        {"value": "Aucun"},
    ),
    ("a list with no fields listed", {f"{Q}.0.fields": []}, "checklist.not_list", f"{Q}.0.fields", {}),
    (
        "a field of a list type",
        {f"{Q}.0.fields.1.type": "list"},
        "checklist.bad_type",
        f"{Q}.0.fields.1.type",
        {"value": "list", "allowed": "text, choice, date, amount"},
    ),
    (
        "two fields of an id",
        {f"{Q}.0.fields.1.id": "date"},
        "checklist.duplicate_id",
        f"{Q}.0.fields.1.id",
        {"value": "date"},
    ),
    (
        "a field with a misspelt key",
        {f"{Q}.0.fields.0.tpye": "date"},
        "checklist.unknown_key",
        f"{Q}.0.fields.0.tpye",
        {"suggestion": "type"},
    ),
    # conditions
    ("a condition as text", {"project.2.when": "scope"}, "checklist.not_mapping", "project.2.when", {}),
    (
        "a condition with a misspelt key",
        {"project.2.when.any": ["theme"]},
        "checklist.unknown_key",
        "project.2.when.any",
        {"suggestion": "any_of"},
    ),
    ("a condition on no answer", {"project.2.when.answer": DROP}, "checklist.not_text", "project.2.when.answer", {}),
    (
        "a condition on a section",
        {"project.2.when.answer": "scope"},
        "checklist.unknown_answer_path",
        "project.2.when.answer",
        {"value": "scope"},
    ),
    (
        "a condition on a partner",
        {"project.2.when.answer": "partner.name"},
        "checklist.unknown_answer_path",
        "project.2.when.answer",
        {"value": "partner.name"},
    ),
    (
        "a condition on no question",
        {"project.2.when.answer": "project.scale"},
        "checklist.unknown_answer_path",
        "project.2.when.answer",
        {"value": "project.scale"},
    ),
    (
        "a condition on no topic",
        {"project.2.when.answer": "nothing.scope"},
        "checklist.unknown_answer_path",
        "project.2.when.answer",
        {"value": "nothing.scope"},
    ),
    ("a condition with no values", {"project.2.when.any_of": []}, "checklist.not_list", "project.2.when.any_of", {}),
    (
        "a condition with one value, not listed",
        {"project.2.when.any_of": "theme"},
        "checklist.not_list",
        "project.2.when.any_of",
        {},
    ),
    (
        "a condition on a choice not there",
        {"project.2.when.any_of": ["theme", "thema"]},
        "checklist.unknown_choice",
        "project.2.when.answer",
        {"value": "thema"},
    ),
    (
        "a condition on a yes/no with a text",
        {"project.2.when": {"answer": "timeline.committee", "any_of": [True, "yes"]}},
        "checklist.unknown_choice",
        "project.2.when.answer",
        {"value": "yes"},
    ),
    (
        "a condition on a yes/no with a number",
        {"project.2.when": {"answer": "timeline.committee", "any_of": [2]}},
        "checklist.unknown_choice",
        "project.2.when.answer",
        {"value": 2},
    ),
    # prefills
    ("a prefill as text", {f"{Q}.3.prefill": "partner.brings"}, "checklist.not_mapping", f"{Q}.3.prefill", {}),
    (
        "a prefill with a misspelt key",
        {f"{Q}.3.prefill.sources": "x"},
        "checklist.unknown_key",
        f"{Q}.3.prefill.sources",
        {"suggestion": "source"},
    ),
    ("a prefill from nothing", {f"{Q}.3.prefill.source": DROP}, "checklist.not_text", f"{Q}.3.prefill.source", {}),
    (
        "a prefill from a topic",
        {f"{Q}.3.prefill.source": "timeline.milestones"},
        "checklist.bad_prefill",
        f"{Q}.3.prefill.source",
        {"value": "timeline.milestones"},
    ),
    (
        "a prefill from no path",
        {f"{Q}.3.prefill.source": "partner"},
        "checklist.bad_prefill",
        f"{Q}.3.prefill.source",
        {"value": "partner"},
    ),
    (
        "a prefill of a text question",
        {"project.2.prefill": {"source": "partner.contact"}},
        "checklist.bad_prefill",
        "project.2.prefill.source",
        {"value": "partner.contact"},
    ),
    (
        "a prefill naming a field the records lack",
        {f"{Q}.3.prefill.partner_field": "brought_by"},
        "checklist.missing_field",
        f"{Q}.3.prefill.partner_field",
        {"value": "partner.brings", "field": "brought_by"},
    ),
    (
        "a prefill naming a field of a list without fields",
        {"topics.1.questions.1.prefill.partner_field": "item"},
        "checklist.missing_field",
        "topics.1.questions.1.prefill.partner_field",
        {"value": "partner.brings", "field": "item"},
    ),
    (
        "a prefill from no partner question",
        {f"{Q}.3.prefill.source": "partner.nothing"},
        "checklist.bad_prefill",
        f"{Q}.3.prefill.source",
        {"value": "partner.nothing"},
    ),
    (
        "a prefill from a partner question of another type",
        {
            "partner.2.type": "amount",
            "topics.1.questions.1.prefill.source": "partner.contact",
            "practices.2.check.paths": ["partner.brings"],
        },
        "checklist.bad_prefill",
        "topics.1.questions.1.prefill.source",
        {"value": "partner.contact"},
    ),
    # topics
    ("no topics", {"topics": DROP}, "checklist.not_list", "topics", {}),
    ("a topic as text", {"topics.1": "money"}, "checklist.not_mapping", "topics.1", {}),
    (
        "a topic with a misspelt key",
        {"topics.1.guides": "x"},
        "checklist.unknown_key",
        "topics.1.guides",
        {"suggestion": "guide"},
    ),
    ("a topic named project", {"topics.1.id": "project"}, "checklist.reserved_id", "topics.1.id", {"value": "project"}),
    ("a topic named partner", {"topics.1.id": "partner"}, "checklist.reserved_id", "topics.1.id", {"value": "partner"}),
    (
        "a topic named classification",
        {"topics.1.id": "classification"},
        "checklist.reserved_id",
        "topics.1.id",
        {"value": "classification"},
    ),
    (
        "two topics of an id",
        {"topics.1.id": "timeline"},
        "checklist.duplicate_id",
        "topics.1.id",
        {"value": "timeline"},
    ),
    ("a topic with no questions", {"topics.1.questions": []}, "checklist.not_list", "topics.1.questions", {}),
    ("a topic without guide", {"topics.1.guide": DROP}, "checklist.not_mapping", "topics.1.guide", {}),
    ("a hint as text", {"topics.0.hints.1": "un lieu"}, "checklist.not_mapping", "topics.0.hints.1.hint", {}),
    (
        "a hint in French only",
        {"topics.0.hints.0": {"fr": "x"}},
        "checklist.missing_language",
        "topics.0.hints.0.hint.en",
        {"lang": "en"},
    ),
    (
        "two questions of an id in a topic",
        {"topics.1.questions.1.id": "total"},
        "checklist.duplicate_id",
        "topics.1.questions.1.id",
        {"value": "total"},
    ),
    # pitfalls and their rules' parameters
    ("no pitfalls", {"pitfalls": []}, "checklist.not_list", "pitfalls", {}),
    ("a pitfall as text", {"pitfalls.0": "hasty"}, "checklist.not_mapping", "pitfalls.0", {}),
    (
        "a pitfall with a misspelt key",
        {"pitfalls.0.param": {}},
        "checklist.unknown_key",
        "pitfalls.0.param",
        {"suggestion": "params"},
    ),
    ("a pitfall with no rule", {"pitfalls.0.rule": DROP}, "checklist.not_text", "pitfalls.0.rule", {}),
    (
        "a pitfall with an unknown rule",
        {"pitfalls.0.rule": "vibes"},
        "checklist.unknown_rule",
        "pitfalls.0.rule",
        {"value": "vibes", "allowed": PITFALL_RULES},
    ),
    (
        "a pitfall with a practice's rule",
        {"pitfalls.0.rule": "answered"},
        "checklist.unknown_rule",
        "pitfalls.0.rule",
        {"value": "answered", "allowed": PITFALL_RULES},
    ),
    (
        "a pitfall with a consistency rule",
        {"pitfalls.0.rule": "premature_rapprochement"},
        "checklist.unknown_rule",
        "pitfalls.0.rule",
        {"value": "premature_rapprochement", "allowed": PITFALL_RULES},
    ),
    (
        "a pitfall's practices as text",
        {"pitfalls.0.practices": "organise"},
        "checklist.not_list",
        "pitfalls.0.practices",
        {},
    ),
    (
        "a pitfall's unknown practice",
        {"pitfalls.0.practices": ["organise", "wish"]},
        "checklist.unknown_practice",
        "pitfalls.0.practices",
        {"value": "wish"},
    ),
    ("a pitfall without advice", {"pitfalls.0.advice": DROP}, "checklist.not_mapping", "pitfalls.0.advice", {}),
    ("a pitfall without id", {"pitfalls.0.id": DROP}, "checklist.not_text", "pitfalls.0.id", {}),
    (
        "two pitfalls of an id",
        {"pitfalls.1": copy.deepcopy(MINIMAL["pitfalls"][0])},
        "checklist.duplicate_id",
        "pitfalls.1.id",
        {"value": "hasty"},
    ),
    (
        "a rule with no parameters",
        {"pitfalls.0.params": DROP},
        "checklist.unknown_answer_path",
        "pitfalls.0.params.milestones",
        {"value": None},
    ),
    ("a rule's parameters as a list", {"pitfalls.0.params": ["x"]}, "checklist.not_mapping", "pitfalls.0.params", {}),
    (
        "a misspelt parameter",
        {"pitfalls.0.params.max_unsettled_topic": 1},
        "checklist.unknown_key",
        "pitfalls.0.params.max_unsettled_topic",
        {"suggestion": "max_unsettled_topics"},
    ),
    (
        "a parameter missing",
        {"pitfalls.0.params.decision_rule": DROP},
        "checklist.unknown_answer_path",
        "pitfalls.0.params.decision_rule",
        {"value": None},
    ),
    (
        "a path to a section",
        {"pitfalls.0.params.milestones": "timeline"},
        "checklist.unknown_answer_path",
        "pitfalls.0.params.milestones",
        {"value": "timeline"},
    ),
    (
        "a path as a number",
        {"pitfalls.0.params.milestones": 5},
        "checklist.unknown_answer_path",
        "pitfalls.0.params.milestones",
        {"value": 5},
    ),
    (
        "a path to no question",
        {"pitfalls.0.params.decision_rule": "timeline.rule"},
        "checklist.unknown_answer_path",
        "pitfalls.0.params.decision_rule",
        {"value": "timeline.rule"},
    ),
    (
        "a path to a question of the wrong type",
        {"pitfalls.0.params.milestones": "timeline.decision"},
        "checklist.wrong_question_type",
        "pitfalls.0.params.milestones",
        {"value": "timeline.decision", "found": "choice", "allowed": "list"},
    ),
    (
        "a path to a list without a field the rule reads",
        {f"{Q}.0.fields.1.id": "name"},
        "checklist.missing_field",
        "pitfalls.0.params.milestones",
        {"value": "timeline.milestones", "field": "label"},
    ),
    (
        "a path to a list without its first field",
        {f"{Q}.0.fields.0.id": "when"},
        "checklist.missing_field",
        "pitfalls.0.params.milestones",
        {"value": "timeline.milestones", "field": "date"},
    ),
    (
        "ids as text",
        {"pitfalls.0.params.undecided": "undecided"},
        "checklist.not_list",
        "pitfalls.0.params.undecided",
        {},
    ),
    (
        "ids as numbers",
        {"pitfalls.0.params.undecided": ["undecided", 2]},
        "checklist.not_list",
        "pitfalls.0.params.undecided",
        {},
    ),
    (
        "a negative threshold",
        {"pitfalls.0.params.min_days_to_last_milestone": -1},
        "checklist.not_number",
        "pitfalls.0.params.min_days_to_last_milestone",
        {},
    ),
    (
        "a threshold as text",
        {"pitfalls.0.params.min_days_to_last_milestone": "30"},
        "checklist.not_number",
        "pitfalls.0.params.min_days_to_last_milestone",
        {},
    ),
    (
        "a threshold as yes",
        {"pitfalls.0.params.max_unsettled_topics": True},
        "checklist.not_number",
        "pitfalls.0.params.max_unsettled_topics",
        {},
    ),
    (
        "a threshold left empty",
        {"pitfalls.0.params.max_unsettled_topics": None},
        "checklist.not_number",
        "pitfalls.0.params.max_unsettled_topics",
        {},
    ),
    # consistency checks
    (
        "a check with a pitfall's rule",
        {"consistency.0.rule": "hasty_decisions"},
        "checklist.unknown_rule",
        "consistency.0.rule",
        {"value": "hasty_decisions", "allowed": CONSISTENCY_RULES},
    ),
    ("a check as text", {"consistency.1": "pooled"}, "checklist.not_mapping", "consistency.1", {}),
    (
        "a check with a misspelt key",
        {"consistency.1.parms": {}},
        "checklist.unknown_key",
        "consistency.1.parms",
        {"suggestion": "params"},
    ),
    (
        "two checks of an id",
        {"consistency.1.id": "early"},
        "checklist.duplicate_id",
        "consistency.1.id",
        {"value": "early"},
    ),
    ("a check without id", {"consistency.2.id": DROP}, "checklist.not_text", "consistency.2.id", {}),
    (
        "a note that does not exist",
        {"consistency.0.params.note": "nothing"},
        "checklist.unknown_note",
        "consistency.0.params.note",
        {"value": "nothing"},
    ),
    (
        "a note given as a number",
        {"consistency.0.params.note": 3},
        "checklist.unknown_note",
        "consistency.0.params.note",
        {"value": 3},
    ),
    (
        "a choice path to a yes/no",
        {"consistency.0.params.rapprochement": "classification.shares"},
        "checklist.wrong_question_type",
        "consistency.0.params.rapprochement",
        {"value": "classification.shares", "found": "yes_no", "allowed": "choice"},
    ),
    (
        "a claim that is no yes/no",
        {"consistency.1.params.claim": "classification.formal"},
        "checklist.wrong_question_type",
        "consistency.1.params.claim",
        {"value": "classification.formal", "found": "choice", "allowed": "yes_no"},
    ),
    (
        "paths of partners to a topic",
        {"consistency.1.params.contributions": ["partner.brings", "timeline.milestones"]},
        "checklist.partner_path",
        "consistency.1.params.contributions.1",
        {"value": "timeline.milestones"},
    ),
    (
        "a path of partners to a topic",
        {"consistency.1.params.described_by": ["money.total"]},
        "checklist.partner_path",
        "consistency.1.params.described_by.0",
        {"value": "money.total"},
    ),
    (
        "no paths",
        {"consistency.1.params.contributions": []},
        "checklist.not_list",
        "consistency.1.params.contributions",
        {},
    ),
    (
        "paths as one text",
        {"consistency.1.params.contributions": "partner.brings"},
        "checklist.not_list",
        "consistency.1.params.contributions",
        {},
    ),
    (
        "one of the paths to nothing",
        {"consistency.1.params.described_by": ["partner.brings", "partner.nothing"]},
        "checklist.unknown_answer_path",
        "consistency.1.params.described_by.1",
        {"value": "partner.nothing"},
    ),
    (
        "a list without the field of the partner",
        {f"{Q}.3.fields.1.id": "from", f"{Q}.3.prefill.partner_field": "from"},
        "checklist.missing_field",
        "consistency.1.params.existing",
        {"value": "timeline.material", "field": "provided_by"},
    ),
    (
        "phrases as a list",
        {"consistency.2.params.apart_phrases": ["apart"]},
        "checklist.not_mapping",
        "consistency.2.params.apart_phrases",
        {},
    ),
    (
        "no French phrases",
        {"consistency.2.params.apart_phrases.fr": []},
        "checklist.not_list",
        "consistency.2.params.apart_phrases.fr",
        {},
    ),
    (
        "no English phrases",
        {"consistency.2.params.apart_phrases.en": DROP},
        "checklist.not_list",
        "consistency.2.params.apart_phrases.en",
        {},
    ),
    (
        "a blank phrase",
        {"consistency.2.params.apart_phrases.en.1": " "},
        "checklist.not_text",
        "consistency.2.params.apart_phrases.en.1",
        {},
    ),
    (
        "a phrase as a number",
        {"consistency.2.params.apart_phrases.fr.0": 7},
        "checklist.not_text",
        "consistency.2.params.apart_phrases.fr.0",
        {},
    ),
    (
        "phrases in German",
        {"consistency.2.params.apart_phrases.de": ["x"]},
        "checklist.unknown_language",
        "consistency.2.params.apart_phrases.de",
        {"value": "de"},
    ),
    # practices and their checks
    ("no practices", {"practices": DROP}, "checklist.not_list", "practices", {}),
    ("a practice as text", {"practices.4": "listen"}, "checklist.not_mapping", "practices.4", {}),
    (
        "a practice with a misspelt key",
        {"practices.4.chek": {}},
        "checklist.unknown_key",
        "practices.4.chek",
        {"suggestion": "check"},
    ),
    ("a practice without text", {"practices.4.text": DROP}, "checklist.not_mapping", "practices.4.text", {}),
    (
        "two practices of an id",
        {"practices.4.id": "organise"},
        "checklist.duplicate_id",
        "practices.4.id",
        {"value": "organise"},
    ),
    ("a check as text", {"practices.0.check": "answered"}, "checklist.not_mapping", "practices.0.check", {}),
    (
        "a check with a misspelt key",
        {"practices.0.check.path": ["x"]},
        "checklist.unknown_key",
        "practices.0.check.path",
        {"suggestion": "paths"},
    ),
    (
        "a check with a pitfall's rule",
        {"practices.0.check.rule": "dispersion"},
        "checklist.unknown_rule",
        "practices.0.check.rule",
        {"value": "dispersion", "allowed": "answered, choice_in, every_partner, is_yes"},
    ),
    (
        "values for a rule without",
        {"practices.0.check.values": ["x"]},
        "checklist.unknown_key",
        "practices.0.check.values",
        {"suggestion": ""},
    ),
    ("a check with no paths", {"practices.0.check.paths": []}, "checklist.not_list", "practices.0.check.paths", {}),
    (
        "a check's path to nothing",
        {"practices.0.check.paths": ["timeline.milestones", "timeline.x"]},
        "checklist.unknown_answer_path",
        "practices.0.check.paths.1",
        {"value": "timeline.x"},
    ),
    (
        "a partner question checked by another rule",
        {"practices.0.check.paths": ["timeline.milestones", "partner.contact"]},
        "checklist.partner_path_needs_every",
        "practices.0.check.paths.1",
        {"value": "partner.contact"},
    ),
    (
        "a yes/no check on a choice",
        {"practices.3.check.paths": ["timeline.decision"]},
        "checklist.wrong_question_type",
        "practices.3.check.paths.0",
        {"value": "timeline.decision", "found": "choice", "allowed": "yes_no"},
    ),
    (
        "every partner on a yes/no",
        {"practices.2.check.paths": ["timeline.committee"]},
        "checklist.wrong_question_type",
        "practices.2.check.paths.0",
        {"value": "timeline.committee", "found": "yes_no", "allowed": "per_partner, text, list, amount"},
    ),
    ("values as text", {"practices.1.check.values": "vote"}, "checklist.not_list", "practices.1.check.values", {}),
    ("values as numbers", {"practices.1.check.values": [1]}, "checklist.not_list", "practices.1.check.values", {}),
    (
        "expects as text",
        {"practices.1.check.expects": "un vote"},
        "checklist.not_mapping",
        "practices.1.check.expects",
        {},
    ),
    (
        "expects in French only",
        {"practices.1.check.expects.en": DROP},
        "checklist.missing_language",
        "practices.1.check.expects.en",
        {"lang": "en"},
    ),
    # placeholders
    ("placeholders as a list", {"placeholders": ["TBD"]}, "checklist.not_mapping", "placeholders", {}),
    ("placeholders left empty", {"placeholders": None}, "checklist.not_mapping", "placeholders", {}),
    ("no French placeholders", {"placeholders.fr": DROP}, "checklist.not_list", "placeholders.fr", {}),
    ("placeholders as one text", {"placeholders.en": "TBD"}, "checklist.not_list", "placeholders.en", {}),
    ("a blank placeholder", {"placeholders.fr.1": ""}, "checklist.not_text", "placeholders.fr.1", {}),
    (
        "placeholders in Spanish",
        {"placeholders.es": ["x"]},
        "checklist.unknown_language",
        "placeholders.es",
        {"value": "es"},
    ),
    # the review
    ("a review as text", {"review": "yearly"}, "checklist.not_mapping", "review", {}),
    ("a review with a misspelt key", {"review.gaps": 2}, "checklist.unknown_key", "review.gaps", {"suggestion": "gap"}),
    ("a scale of one", {"review.scale": [L("oui", "yes")]}, "checklist.not_list", "review.scale", {}),
    ("no scale", {"review.scale": DROP}, "checklist.not_list", "review.scale", {}),
    ("a scale's label as text", {"review.scale.1": "d'accord"}, "checklist.not_mapping", "review.scale.1.label", {}),
    (
        "a scale's label in French only",
        {"review.scale.0.en": DROP},
        "checklist.missing_language",
        "review.scale.0.label.en",
        {"lang": "en"},
    ),
    ("no ratings", {"review.ratings": []}, "checklist.not_list", "review.ratings", {}),
    ("a rating as text", {"review.ratings.1": "not_met"}, "checklist.not_mapping", "review.ratings.1", {}),
    (
        "a rating with a misspelt key",
        {"review.ratings.1.lable": "x"},
        "checklist.unknown_key",
        "review.ratings.1.lable",
        {"suggestion": "label"},
    ),
    (
        "two ratings of an id",
        {"review.ratings.1.id": "met"},
        "checklist.duplicate_id",
        "review.ratings.1.id",
        {"value": "met"},
    ),
    (
        "a rating's bad id",
        {"review.ratings.1.id": "not met"},
        "checklist.bad_id",
        "review.ratings.1.id",
        {"value": "not met"},
    ),
    ("no concerns", {"review.concerns": DROP}, "checklist.not_list", "review.concerns", {}),
    ("a concern as text", {"review.concerns.1": "means"}, "checklist.not_mapping", "review.concerns.1", {}),
    (
        "a concern with a misspelt key",
        {"review.concerns.1.statement": []},
        "checklist.unknown_key",
        "review.concerns.1.statement",
        {"suggestion": "statements"},
    ),
    (
        "a concern with no statements",
        {"review.concerns.1.statements": []},
        "checklist.not_list",
        "review.concerns.1.statements",
        {},
    ),
    (
        "a statement as text",
        {"review.concerns.0.statements.1": "heard"},
        "checklist.not_mapping",
        "review.concerns.0.statements.1",
        {},
    ),
    (
        "a statement with a misspelt key",
        {"review.concerns.0.statements.1.txt": "x"},
        "checklist.unknown_key",
        "review.concerns.0.statements.1.txt",
        {"suggestion": "text"},
    ),
    (
        "two statements of an id",
        {"review.concerns.0.statements.1.id": "time"},
        "checklist.duplicate_id",
        "review.concerns.0.statements.1.id",
        {"value": "time"},
    ),
    (
        "two statements of an id in two concerns",
        {"review.concerns.1.statements.0.id": "heard"},
        "checklist.duplicate_id",
        "review.concerns.1.statements.0.id",
        {"value": "heard"},
    ),
    (
        "two concerns of an id",
        {"review.concerns.1.id": "pace"},
        "checklist.duplicate_id",
        "review.concerns.1.id",
        {"value": "pace"},
    ),
    (
        "a concern without label",
        {"review.concerns.1.label": DROP},
        "checklist.not_mapping",
        "review.concerns.1.label",
        {},
    ),
    (
        "a concern's pitfalls as text",
        {"review.concerns.0.pitfalls": "hasty"},
        "checklist.not_list",
        "review.concerns.0.pitfalls",
        {},
    ),
    (
        "a concern's unknown pitfall",
        {"review.concerns.0.pitfalls": ["hasty", "lazy"]},
        "checklist.unknown_pitfall",
        "review.concerns.0.pitfalls.1",
        {"value": "lazy"},
    ),
    (
        "a concern's unknown practice",
        {"review.concerns.0.practices": ["sing"]},
        "checklist.unknown_practice",
        "review.concerns.0.practices.0",
        {"value": "sing"},
    ),
    (
        "a concern's practice named as its pitfall",
        {"review.concerns.0.practices": ["hasty"]},
        "checklist.unknown_practice",
        "review.concerns.0.practices.0",
        {"value": "hasty"},
    ),
    # every id is checked where it stands
    ("a level's bad id", {"levels.1.id": "en commun"}, "checklist.bad_id", "levels.1.id", {"value": "en commun"}),
    ("a note without id", {"level_notes.1.id": DROP}, "checklist.not_text", "level_notes.1.id", {}),
    ("a topic's bad id", {"topics.1.id": "l'argent"}, "checklist.bad_id", "topics.1.id", {"value": "l'argent"}),
    ("a practice without id", {"practices.4.id": DROP}, "checklist.not_text", "practices.4.id", {}),
    ("a concern without id", {"review.concerns.1.id": DROP}, "checklist.not_text", "review.concerns.1.id", {}),
    (
        "a concern's bad id",
        {"review.concerns.0.id": "le rythme"},
        "checklist.bad_id",
        "review.concerns.0.id",
        {"value": "le rythme"},
    ),
    (
        "a statement's bad id",
        {"review.concerns.0.statements.1.id": "heard!"},
        "checklist.bad_id",
        "review.concerns.0.statements.1.id",
        {"value": "heard!"},
    ),
    (
        "a statement without text",
        {"review.concerns.1.statements.0.text": DROP},
        "checklist.not_mapping",
        "review.concerns.1.statements.0.text",
        {},
    ),
    ("a rating without label", {"review.ratings.0.label": DROP}, "checklist.not_mapping", "review.ratings.0.label", {}),
    ("due every 0 months", {"review.due_months": 0}, "checklist.not_integer", "review.due_months", {}),
    ("due as text", {"review.due_months": "12"}, "checklist.not_integer", "review.due_months", {}),
    ("due as yes", {"review.due_months": True}, "checklist.not_integer", "review.due_months", {}),
    ("a gap of 0", {"review.gap": 0}, "checklist.not_integer", "review.gap", {}),
    ("a gap with a decimal", {"review.gap": 1.5}, "checklist.not_integer", "review.gap", {}),
    ("a gap left empty", {"review.gap": None}, "checklist.not_integer", "review.gap", {}),
]


@pytest.mark.parametrize(("edits", "key", "key_path", "params"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_a_broken_checklist_is_refused_at_its_key(
    edits: dict[str, Any], key: str, key_path: str, params: dict[str, Any]
) -> None:
    err = _refused(_edited(edits))
    assert (err.key, err.params["key_path"]) == (key, key_path)
    assert err.params["file"] == NAME
    assert {k: v for k, v in err.params.items() if k not in ("file", "line", "key_path")} == params


def test_a_document_that_is_not_a_mapping_is_refused_as_a_whole() -> None:
    err = _refused(["format", 1])
    assert (err.key, err.params) == ("checklist.not_mapping", {"file": NAME, "line": 1, "key_path": "(document)"})
    assert say(err, "en") == 'mini.yaml:1: "(document)" must be a mapping (key: value).'


def test_the_first_problem_is_said_at_its_line_in_both_languages() -> None:
    text = _text(_edited({f"{Q}.1.requierd": True}))
    line = text.splitlines().index("    requierd: true") + 1
    with pytest.raises(InvalidChecklistError) as caught:
        ChecklistParser(load_yaml(text, NAME), NAME).parse()
    err = caught.value
    assert err.params["line"] == line
    assert (
        say(err, "en") == f'mini.yaml:{line}: "topics.0.questions.1.requierd": unknown key (did you mean "required"?).'
    )
    assert say(err, "fr") == (
        f"mini.yaml:{line}\u00a0: «\u202ftopics.0.questions.1.requierd\u202f»\u00a0: clé inconnue "
        "(vouliez-vous dire «\u202frequired\u202f»\u202f?)."
    )


def test_a_rule_of_the_wrong_kind_is_said_with_the_rules_of_its_kind() -> None:
    err = _refused(_edited({"practices.0.check.rule": "dispersion"}))
    assert say(err, "en").endswith(
        ': "practices.0.check.rule": unknown rule "dispersion"; '
        "possible rules: answered, choice_in, every_partner, is_yes."
    )
    err = _refused(_edited({"project.1.type": "essay"}))
    assert say(err, "fr").endswith(
        "type «\u202fessay\u202f» inconnu\u202f; types possibles\u00a0: "
        "text, choice, multi_choice, yes_no, date, amount, list, per_partner."
    )


def test_the_first_problem_stops_the_checklist() -> None:
    """Two problems: the one met first (the format, before the version) is said."""
    err = _refused(_edited({"format": 2, "version": "x", "topics": DROP}))
    assert err.params["key_path"] == "format"
    err = _refused(_edited({"id": "a b", "title": DROP}))
    assert err.params["key_path"] == "id"
    err = _refused(_edited({"project.0.id": "summary", "partner.0.id": "nom"}))
    assert err.key == "checklist.title_first"


# A list or a mapping where the checklist wants an id was met with a `TypeError` (unhashable type), a
# traceback instead of the problem at its line: found by reading parse.py during the mutation run, fixed.
NOT_AN_ID = [
    (
        "a level requiring a list",
        {"levels.1.requires": ["shares", ["works"]]},
        "checklist.unknown_question",
        "levels.1.requires.1",
        {"value": ["works"]},
    ),
    (
        "a condition on a choice with a mapping",
        {"project.2.when.any_of": [{"theme": True}]},
        "checklist.unknown_choice",
        "project.2.when.answer",
        {"value": {"theme": True}},
    ),
    (
        "a condition on a yes/no with a list",
        {"project.2.when": {"answer": "timeline.committee", "any_of": [[True]]}},
        "checklist.unknown_choice",
        "project.2.when.answer",
        {"value": [True]},
    ),
    (
        "a concern's pitfall as a mapping",
        {"review.concerns.0.pitfalls": [{"id": "hasty"}]},
        "checklist.unknown_pitfall",
        "review.concerns.0.pitfalls.0",
        {"value": {"id": "hasty"}},
    ),
    (
        "a concern's practice as a list",
        {"review.concerns.0.practices": ["organise", ["decide"]]},
        "checklist.unknown_practice",
        "review.concerns.0.practices.1",
        {"value": ["decide"]},
    ),
    (
        "a prefill's partner field as a list",
        {f"{Q}.3.prefill.partner_field": ["provided_by"]},
        "checklist.missing_field",
        f"{Q}.3.prefill.partner_field",
        {"value": "partner.brings", "field": ["provided_by"]},
    ),
]


@pytest.mark.parametrize(
    ("edits", "key", "key_path", "params"), [b[1:] for b in NOT_AN_ID], ids=[b[0] for b in NOT_AN_ID]
)
def test_a_list_or_mapping_where_an_id_is_wanted_is_refused_at_its_key(
    edits: dict[str, Any], key: str, key_path: str, params: dict[str, Any]
) -> None:
    err = _refused(_edited(edits))
    assert (err.key, err.params["key_path"]) == (key, key_path)
    assert {k: v for k, v in err.params.items() if k not in ("file", "line", "key_path")} == params
    assert say(err, "en").startswith(f"{NAME}:{err.params['line']}: ")


# An optional list given as a number or a yes (`hints: 3`, `consistency: true`) raised TypeError
# ('int' object is not iterable): found by reading parse.py during the mutation run, fixed.
NOT_A_LIST = [
    ("hints as a number", {"topics.0.hints": 3}, "topics.0.hints"),
    ("hints as text", {"topics.1.hints": "un lieu"}, "topics.1.hints"),
    ("consistency as a number", {"consistency": 5}, "consistency"),
    ("consistency as yes", {"consistency": True}, "consistency"),
    ("consistency as text", {"consistency": "early"}, "consistency"),
]


@pytest.mark.parametrize(("edits", "key_path"), [b[1:] for b in NOT_A_LIST], ids=[b[0] for b in NOT_A_LIST])
def test_an_optional_list_that_is_no_list_is_refused_at_its_key(edits: dict[str, Any], key_path: str) -> None:
    err = _refused(_edited(edits))
    assert (err.key, err.params["key_path"]) == ("checklist.not_list", key_path)
    assert say(err, "en") == f'{NAME}:{err.params["line"]}: "{key_path}" must be a non-empty list.'


def test_a_broken_partner_question_is_said_at_its_key_under_partner() -> None:
    """The partners' questions are checked like the others, and a problem names them `partner.N`."""
    text = _text(_edited({"partner.1.type": "colour"}))
    lines = text.splitlines()
    line = lines.index("  type: colour") + 1
    assert lines[line - 2] == "- id: brings"  # the second partner question
    with pytest.raises(InvalidChecklistError) as caught:
        ChecklistParser(load_yaml(text, NAME), NAME).parse()
    err = caught.value
    assert (err.key, err.params["key_path"], err.params["line"]) == ("checklist.bad_type", "partner.1.type", line)
    assert err.params["value"] == "colour"
    types = "text, choice, multi_choice, yes_no, date, amount, list, per_partner"
    assert say(err, "en") == f'mini.yaml:{line}: "partner.1.type": unknown type "colour"; possible types: {types}.'
    assert say(err, "fr") == french(
        f"mini.yaml:{line} : « partner.1.type » : type « colour » inconnu ; types possibles : {types}."
    )
    twice = _refused(_edited({"partner.2.id": "brings"}))
    assert (twice.key, twice.params["key_path"], twice.params["value"]) == (
        "checklist.duplicate_id",
        "partner.2.id",
        "brings",
    )
