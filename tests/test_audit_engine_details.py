"""Details of the audit's engine, placeholders, reviews and service that the scenarios leave unsaid.

Written from the mutants mutation testing left alive in `src/coopwizard/audit` outside the rules and
phrases (docs/testing.md): each test pins one behaviour, on the complete example sheet with only the
answers it is about changed, with exact findings, messages and paths.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from coopwizard.audit.batch import Checked, Settings, _work, check_all, jobs_for
from coopwizard.audit.engine import audit
from coopwizard.audit.findings import Audit, Finding, Trigger
from coopwizard.audit.placeholders import Placeholder, without_placeholders
from coopwizard.audit.service import FileReport, Tally, check_file
from coopwizard.core.errors import CoopError
from coopwizard.core.localized import Localized
from coopwizard.core.message import Message
from coopwizard.guide.model import Checklist
from coopwizard.i18n import say
from coopwizard.sheet.parse import parse_sheet
from tests import sheets
from tests.conftest import EXAMPLE
from tests.helpers import coop, french

POTAGERS, ADOS, CUISINE = "Les Potagers des Linandes", "Club Ados Linandes", "Cuisine du Monde Cergy"
TODAY = dt.date(2026, 12, 1)
SCENARIOS = Path(__file__).parent / "scenarios"


def audited(data: dict[str, Any], checklist: Checklist, today: dt.date = TODAY) -> Audit:
    sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
    return audit(sheet, checklist, issues, today)


def findings(data: dict[str, Any], checklist: Checklist, rule: str) -> list[Finding]:
    return [f for f in audited(data, checklist).findings if f.rule == rule]


def practice_text(checklist: Checklist, practice_id: str) -> Localized:
    practice = checklist.practice(practice_id)
    assert practice is not None
    return practice.text


def topic(checklist: Checklist, topic_id: str) -> Any:
    found = checklist.topic(topic_id)
    assert found is not None
    return found


# -- placeholders: taken out of the copy the rules read, each said where it was ---------------------


def test_placeholders_are_taken_out_wherever_they_are_and_said_where_they_were(checklist: Checklist) -> None:
    data = sheets.example()
    data["project"]["territory"] = "à préciser"
    data["partners"][0]["brings_material"] = ["Outils de jardin", "TBD"]  # one line of a list
    data["partners"][1]["representative"] = "on verra"
    data["partners"][2]["brings_people"] = ["?"]  # the whole list
    data["topics"]["purpose"] |= {"reason": "Aucune idée", "notes": "Vu au comité de mars"}
    data["topics"]["responsibilities"]["missions"][CUISINE] = "à définir"  # one partner's answer
    data["topics"]["human_resources"]["availability"] = {POTAGERS: "Plus tard"}  # every partner's
    needed = [{"item": "Sono", "amount": 2000, "source": "on verra"}, {"item": "à trouver"}, {"item": "Barnum"}]
    data["topics"]["material_resources"]["needed"] = needed  # a record's field; a record with nothing else
    sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
    assert not issues
    clean, found = without_placeholders(sheet, checklist)

    def question(path: str) -> Any:
        asked = checklist.question_at(path)
        assert asked is not None
        return asked

    needed_fields = {f.id: f for f in question("material_resources.needed").fields}
    assert found == [
        Placeholder(("project", "territory"), "à préciser", question("project.territory"), None),
        Placeholder(("partners", 0, "brings_material", 1), "TBD", question("partner.brings_material"), None),
        Placeholder(("partners", 1, "representative"), "on verra", question("partner.representative"), None),
        Placeholder(("partners", 2, "brings_people", 0), "?", question("partner.brings_people"), None),
        Placeholder(("topics", "purpose", "reason"), "Aucune idée", question("purpose.reason"), "purpose"),
        Placeholder(
            ("topics", "responsibilities", "missions", CUISINE),
            "à définir",
            question("responsibilities.missions"),
            "responsibilities",
        ),
        Placeholder(
            ("topics", "human_resources", "availability", POTAGERS),
            "Plus tard",
            question("human_resources.availability"),
            "human_resources",
        ),
        Placeholder(
            ("topics", "material_resources", "needed", 0, "source"),
            "on verra",
            needed_fields["source"],
            "material_resources",
        ),
        Placeholder(
            ("topics", "material_resources", "needed", 1, "item"),
            "à trouver",
            needed_fields["item"],
            "material_resources",
        ),
    ]
    assert "territory" not in clean.project and clean.project["title"] == "Jardins et fêtes des Linandes"
    assert clean.partners[0]["brings_material"] == ["Outils de jardin"]
    assert "representative" not in clean.partners[1] and clean.partners[1]["name"] == ADOS
    assert "brings_people" not in clean.partners[2]
    purpose = clean.topics["purpose"]
    assert "reason" not in purpose.answers and (purpose.status, purpose.notes) == ("settled", "Vu au comité de mars")
    assert list(clean.topics["responsibilities"].answers["missions"]) == [POTAGERS, ADOS]
    assert "availability" not in clean.topics["human_resources"].answers
    assert clean.topics["material_resources"].answers["needed"] == [
        {"item": "Sono", "amount": 2000},
        {"item": "Barnum"},
    ]
    # The sheet itself is left as it was.
    assert sheet.project["territory"] == "à préciser"
    assert sheet.partners[1]["representative"] == "on verra"
    assert sheet.partners[0]["brings_material"] == ["Outils de jardin", "TBD"]
    assert sheet.topics["purpose"].answers["reason"] == "Aucune idée"
    assert sheet.topics["material_resources"].answers["needed"] == needed
    assert sheet.topics["responsibilities"].answers["missions"][CUISINE] == "à définir"


def test_a_partner_s_name_is_kept_even_when_it_reads_as_a_placeholder(checklist: Checklist) -> None:
    data = sheets.example()
    data["partners"].append({"name": "À trouver", "brings_material": ["Tables"]})  # a partner still to find
    sheet, _ = parse_sheet(data, checklist, "fiche.yaml")
    clean, found = without_placeholders(sheet, checklist)
    assert found == []
    assert clean.partners[3] == {"name": "À trouver", "brings_material": ["Tables"]}
    assert clean.partner_names() == [POTAGERS, ADOS, CUISINE, "À trouver"]


def test_a_checklist_without_placeholders_reads_every_answer(checklist: Checklist) -> None:
    data = sheets.example()
    data["project"]["territory"] = "à préciser"
    sheet, _ = parse_sheet(data, checklist, "fiche.yaml")
    clean, found = without_placeholders(sheet, dataclasses.replace(checklist, placeholders=()))
    assert clean is sheet and found == []


def test_a_sheet_without_placeholders_is_read_as_it_is_and_only_changed_parts_are_copied(
    checklist: Checklist,
) -> None:
    sheet, _ = parse_sheet(sheets.example(), checklist, "fiche.yaml")
    clean, found = without_placeholders(sheet, checklist)
    assert clean is sheet and found == []  # nothing copied for the sheets most people write
    data = sheets.example()
    data["topics"]["purpose"]["reason"] = "à voir"
    sheet, _ = parse_sheet(data, checklist, "fiche.yaml")
    clean, found = without_placeholders(sheet, checklist)
    assert [p.path for p in found] == [("topics", "purpose", "reason")]
    assert clean is not sheet and "reason" in sheet.topics["purpose"].answers
    assert clean.topics["purpose"] is not sheet.topics["purpose"] and "reason" not in clean.topics["purpose"].answers
    assert clean.topics["values"] is sheet.topics["values"]  # a topic with no placeholder is shared, not copied
    assert clean.project is sheet.project and all(a is b for a, b in zip(clean.partners, sheet.partners, strict=True))


# -- coverage: each topic settled, to complete or missing, and where it is said ---------------------


def test_each_kind_of_unsettled_topic_is_said_at_its_place(checklist: Checklist) -> None:
    data = sheets.example()
    del data["topics"]["surplus"]  # missing
    data["topics"]["pricing"] = {}  # there, but empty
    data["topics"]["communication"] |= {"status": "to_complete", "internal": "À voir"}  # said once, as to complete
    del data["topics"]["values"]["shared"]  # settled, with a required answer missing
    data["topics"]["human_resources"]["municipal_staff"] = "à voir"  # a placeholder: to complete, though settled
    data["topics"]["outlook"]["next_actions"] = "à définir"
    result = audited(data, checklist)
    assert (result.coverage.settled, result.coverage.to_complete, result.coverage.missing) == (
        ("purpose", "responsibilities", "governance", "material_resources", "timeline", "success_criteria"),
        ("values", "human_resources", "communication", "outlook"),
        ("pricing", "surplus"),
    )  # fmt: skip
    assert result.coverage.total == 12
    values, communication, pricing, surplus = (
        topic(checklist, t) for t in ("values", "communication", "pricing", "surplus")
    )
    shared = next(q for q in values.questions if q.id == "shared")
    next_actions = checklist.question_at("outlook.next_actions")
    internal = checklist.question_at("communication.internal")
    staff = checklist.question_at("human_resources.municipal_staff")
    assert next_actions is not None and internal is not None and staff is not None
    assert list(result.findings) == [
        Finding(
            "inconsistency",
            "settled_incomplete",
            Message("finding.settled_incomplete", {"topic": values.label, "questions": [shared.text]}),
            ("topics", "values", "status"),
        ),
        Finding(
            "missing",
            "topic_to_complete",
            Message("finding.topic_to_complete", {"topic": communication.label}),
            ("topics", "communication"),
            advice=(communication.guide,),
        ),
        Finding(
            "missing",
            "topic_empty",
            Message("finding.topic_empty", {"topic": pricing.label}),
            ("topics", "pricing"),
            advice=(pricing.guide,),
        ),
        Finding(
            "missing",
            "topic_missing",
            Message("finding.topic_missing", {"topic": surplus.label}),
            ("topics",),
            advice=(surplus.guide,),
        ),
        Finding(
            "missing",
            "placeholder_answer",
            Message("finding.placeholder_answer", {"text": "à voir", "question": staff.text}),
            ("topics", "human_resources", "municipal_staff"),
        ),
        Finding(
            "missing",
            "placeholder_answer",
            Message("finding.placeholder_answer", {"text": "À voir", "question": internal.text}),
            ("topics", "communication", "internal"),
        ),
        Finding(
            "missing",
            "placeholder_answer",
            Message("finding.placeholder_answer", {"text": "à définir", "question": next_actions.text}),
            ("topics", "outlook", "next_actions", 0),
        ),
        Finding(  # said at the practice's first answer, triggered at the one not written
            "suggestion",
            "act_local_think_global",
            practice_text(checklist, "act_local_think_global"),
            ("project", "territory"),
            triggers=(
                Trigger(
                    "practice_not_applied",
                    Message("trigger.practice_not_applied", {"questions": [next_actions.text]}),
                    ("topics", "outlook", "next_actions"),
                ),
            ),
        ),
        Finding(
            "suggestion",
            "fluid_communication",
            practice_text(checklist, "fluid_communication"),
            ("topics", "communication", "internal"),
            triggers=(
                Trigger(
                    "practice_not_applied",
                    Message("trigger.practice_not_applied", {"questions": [internal.text]}),
                    ("topics", "communication", "internal"),
                ),
            ),
        ),
    ]


# -- the declared level against the level the sheet supports, and the claims the topics contradict ---


def classification_question(checklist: Checklist, question_id: str) -> Any:
    return next(q for q in checklist.classification if q.id == question_id)


def level(checklist: Checklist, level_id: str) -> Any:
    found = checklist.level(level_id)
    assert found is not None
    return found


def test_a_declared_level_above_the_answers_names_each_no(checklist: Checklist) -> None:
    data = sheets.example()  # declared: cooperation
    data["classification"]["beyond_one_event"] = False
    [finding] = findings(data, checklist, "level_unsupported")
    here, where = ("classification", "level"), ("classification", "beyond_one_event")
    question = classification_question(checklist, "beyond_one_event")
    assert finding == Finding(
        "inconsistency",
        "level_unsupported",
        Message(
            "finding.level_unsupported",
            {"declared": level(checklist, "cooperation").name, "shown": level(checklist, "collaboration").name},
        ),
        here,
        (Trigger("not_yes", Message("trigger.not_yes", {"question": question.text}), where),),
        ends=(here, where),
    )


def test_a_declared_level_with_no_level_reached_says_so(checklist: Checklist) -> None:
    data = sheets.example()
    data["classification"] = {"shares_resources": False, "shares_work": False, "level": "mutualisation"}
    [finding] = findings(data, checklist, "level_unsupported")
    assert finding.message == Message(
        "finding.level_unsupported_none", {"declared": level(checklist, "mutualisation").name, "shown": ""}
    )
    assert [(t.code, t.path) for t in finding.triggers] == [("not_yes", ("classification", "shares_resources"))]
    assert finding.ends == (("classification", "level"), ("classification", "shares_resources"))


def test_a_declared_level_below_the_answers_is_understated(checklist: Checklist) -> None:
    data = sheets.example()
    data["classification"]["level"] = "mutualisation"
    here = ("classification", "level")
    assert findings(data, checklist, "level_understated") == [
        Finding(
            "inconsistency",
            "level_understated",
            Message(
                "finding.level_understated",
                {"declared": level(checklist, "mutualisation").name, "shown": level(checklist, "cooperation").name},
            ),
            here,
            ends=(here,),
        )
    ]
    data["classification"]["level"] = "cooperation"  # as the answers say: nothing to say
    result = audited(data, checklist)
    assert not [f for f in result.findings if f.rule in ("level_understated", "level_unsupported")]


def test_claims_the_topics_contradict_are_left_out_of_the_level_and_named_in_it(checklist: Checklist) -> None:
    data = yaml.safe_load((SCENARIOS / "22_tout_coche_ponctuel.yaml").read_text(encoding="utf-8"))
    data["classification"]["level"] = "cooperation"  # every box ticked, for a one-day event
    result = audited(data, checklist)
    assert result.classification.level == level(checklist, "cooperation")
    assert result.supported.level == level(checklist, "collaboration")
    assert result.contradicted == ("shared_organisation", "beyond_one_event")  # in the checklist's order
    by_rule = {f.rule: f for f in result.findings}
    cooperation = level(checklist, "cooperation")
    advice = (Message("advice.guide_level", {"level": cooperation.name, "applies_to": cooperation.applies_to}),)
    organised, lasting = (classification_question(checklist, q) for q in ("shared_organisation", "beyond_one_event"))
    assert by_rule["one_event_only"] == Finding(
        "inconsistency",
        "one_event_only",
        Message("finding.one_event_only", {"question": lasting.text}),
        ("classification", "beyond_one_event"),
        (
            Trigger("one_off_outlook", Message("trigger.one_off_outlook"), ("topics", "outlook", "renewal")),
            Trigger(
                "one_day_timeline",
                Message("trigger.one_day_timeline", {"first": "2026-09-06", "last": "2026-09-06"}),
                ("topics", "timeline", "milestones"),
            ),
        ),
        advice,
        ends=(
            ("classification", "beyond_one_event"),
            ("topics", "outlook", "renewal"),
            ("topics", "timeline", "milestones"),
        ),
    )
    apart = by_rule["organised_apart"]
    assert (apart.message, apart.path, apart.advice) == (
        Message("finding.organised_apart", {"question": organised.text}),
        ("classification", "shared_organisation"),
        advice,
    )
    unsupported = by_rule["level_unsupported"]
    assert unsupported.message.params == {"declared": cooperation.name, "shown": level(checklist, "collaboration").name}
    assert unsupported.triggers == (
        Trigger(
            "claim_contradicted",
            Message("trigger.claim_contradicted", {"question": organised.text}),
            ("classification", "shared_organisation"),
        ),
        *apart.triggers,
        Trigger(
            "claim_contradicted",
            Message("trigger.claim_contradicted", {"question": lasting.text}),
            ("classification", "beyond_one_event"),
        ),
        *by_rule["one_event_only"].triggers,
    )
    assert unsupported.ends == (
        ("classification", "level"),
        ("classification", "shared_organisation"),
        ("topics", "governance", "decision_makers"),
        ("topics", "governance", "committee"),
        ("classification", "beyond_one_event"),
        ("topics", "outlook", "renewal"),
        ("topics", "timeline", "milestones"),
    )
    kinds = [f.rule for f in result.findings if f.kind == "inconsistency"]
    assert kinds == ["level_unsupported", "one_event_only", "organised_apart"]


def test_a_claim_no_level_requires_is_said_without_a_level_s_advice(checklist: Checklist) -> None:
    """A checklist of one's own whose levels do not require « dans la durée »: nothing to quote."""
    levels = tuple(
        dataclasses.replace(lv, requires=tuple(q for q in lv.requires if q != "beyond_one_event"))
        for lv in checklist.levels
    )
    own = dataclasses.replace(checklist, levels=levels)
    data = yaml.safe_load((SCENARIOS / "22_tout_coche_ponctuel.yaml").read_text(encoding="utf-8"))
    by_rule = {f.rule: f for f in audited(data, own).findings}
    assert by_rule["one_event_only"].advice == ()
    assert [t.code for t in by_rule["one_event_only"].triggers] == ["one_off_outlook", "one_day_timeline"]
    assert len(by_rule["organised_apart"].advice) == 1  # still required by cooperation


def test_checks_after_a_claim_in_the_checklist_are_still_made(checklist: Checklist) -> None:
    own = dataclasses.replace(checklist, consistency=tuple(reversed(checklist.consistency)))
    data = sheets.example()
    data["classification"]["beyond_one_event"] = False
    assert [f.rule for f in audited(data, own).findings if f.kind == "inconsistency"] == [
        "level_unsupported",
        "premature_rapprochement",
    ]


# -- consistency checks and pitfalls -----------------------------------------------------------------


def test_a_rapprochement_planned_below_cooperation_quotes_the_guide_s_note(checklist: Checklist) -> None:
    data = sheets.example()  # an ad hoc grouping considered
    data["classification"]["beyond_one_event"] = False
    note = checklist.note("formal_rapprochement")
    assert note is not None
    assert findings(data, checklist, "premature_rapprochement") == [
        Finding(
            "inconsistency",
            "premature_rapprochement",
            Message("finding.premature_rapprochement", {"level": level(checklist, "cooperation").name}),
            ("classification", "formal_rapprochement"),
            advice=(note.text,),
        )
    ]


def test_a_per_partner_answer_about_no_partner_of_the_sheet_is_said_at_its_name(checklist: Checklist) -> None:
    data = sheets.example()
    data["topics"]["responsibilities"]["missions"]["Maison de quartier"] = "La salle en cas de pluie"
    data["topics"]["human_resources"]["skills"]["Maison Quartier"] = "Accueil du public"
    missions, skills = (checklist.question_at(p) for p in ("responsibilities.missions", "human_resources.skills"))
    assert missions is not None and skills is not None
    assert findings(data, checklist, "unknown_partner") == [
        Finding(
            "inconsistency",
            "unknown_partner",
            Message("finding.unknown_partner", {"name": "Maison de quartier", "question": missions.text}),
            ("topics", "responsibilities", "missions", "Maison de quartier"),
        ),
        Finding(
            "inconsistency",
            "unknown_partner",
            Message("finding.unknown_partner", {"name": "Maison Quartier", "question": skills.text}),
            ("topics", "human_resources", "skills", "Maison Quartier"),
        ),
    ]


def test_a_per_partner_question_after_others_in_its_topic_is_checked_too(checklist: Checklist) -> None:
    topics = tuple(
        dataclasses.replace(t, questions=tuple(reversed(t.questions))) if t.id == "human_resources" else t
        for t in checklist.topics
    )  # a checklist of one's own asking the skills last
    own = dataclasses.replace(checklist, topics=topics)
    data = sheets.example()
    data["topics"]["human_resources"]["skills"]["Maison Quartier"] = "Accueil du public"
    unknown = [f for f in audited(data, own).findings if f.rule == "unknown_partner"]
    assert [f.path for f in unknown] == [("topics", "human_resources", "skills", "Maison Quartier")]


def test_a_check_with_no_note_has_no_advice(checklist: Checklist) -> None:
    consistency = tuple(
        dataclasses.replace(c, params={k: v for k, v in c.params.items() if k != "note"}) for c in checklist.consistency
    )
    own = dataclasses.replace(checklist, consistency=consistency)
    data = sheets.example()
    data["classification"]["beyond_one_event"] = False
    [finding] = [f for f in audited(data, own).findings if f.rule == "premature_rapprochement"]
    assert finding.advice == ()


def test_a_pitfall_is_said_at_its_first_trigger_with_its_advice_and_practices(checklist: Checklist) -> None:
    data = sheets.example()
    del data["partners"][1]["representative"]  # Club Ados Linandes
    del data["topics"]["responsibilities"]["missions"][ADOS]
    [finding] = findings(data, checklist, "dispersion")
    pitfall = next(p for p in checklist.pitfalls if p.id == "dispersion")
    assert (finding.kind, finding.message) == ("pitfall", pitfall.text)
    assert [(t.code, t.path) for t in finding.triggers] == [
        ("no_representative", ("partners",)),
        ("no_mission", ("topics", "responsibilities", "missions")),
    ]
    assert finding.path == ("partners",)
    assert finding.advice == (
        pitfall.advice,
        practice_text(checklist, "agree_objectives"),
        practice_text(checklist, "designate_contacts"),
        practice_text(checklist, "local_committee"),
    )


# -- suggestions: a practice not applied, or answered otherwise -----------------------------------


def test_a_yes_no_answered_no_is_said_as_answered_not_as_to_settle(checklist: Checklist) -> None:
    data = sheets.example()
    data["topics"]["governance"]["committee"] = False
    [finding] = findings(data, checklist, "local_committee")
    check = checklist.practice("local_committee").check  # type: ignore[union-attr]
    assert check is not None and check.expects is not None
    assert finding.kind == "suggestion"
    assert finding.path == ("topics", "governance", "committee")
    assert finding.triggers == (
        Trigger(
            "practice_answered_otherwise",
            Message("trigger.practice_answered_otherwise", {"answer": Message("guide.no"), "expects": check.expects}),
            ("topics", "governance", "committee"),
        ),
    )
    assert say(finding.triggers[0].message, "en") == (
        "no: the guide advises a local organising committee where each organisation has its representative"
    )
    assert say(finding.triggers[0].message, "fr") == french(
        "non : le guide conseille un comité local d'organisation où chaque entité a son représentant"
    )


def test_a_partner_without_a_mission_is_a_question_to_settle_not_an_answer(checklist: Checklist) -> None:
    data = sheets.example()
    del data["topics"]["responsibilities"]["missions"][ADOS]  # the others' missions are answered
    [finding] = findings(data, checklist, "involve_participants")
    missions = checklist.question_at("responsibilities.missions")
    assert missions is not None
    assert finding.triggers == (
        Trigger(
            "practice_not_applied",
            Message("trigger.practice_not_applied", {"questions": [missions.text]}),
            ("topics", "responsibilities", "missions"),
        ),
    )


def test_a_choice_answered_otherwise_is_said_by_its_label(checklist: Checklist) -> None:
    data = sheets.example()
    data["topics"]["governance"]["decision_rule"] = "lead_partner"
    [finding] = findings(data, checklist, "democratic_decisions")
    question = checklist.question_at("governance.decision_rule")
    assert question is not None
    lead = question.choice("lead_partner")
    assert lead is not None
    [trigger] = finding.triggers
    assert trigger.code == "practice_answered_otherwise"
    assert trigger.message.params["answer"] == lead.label
    assert trigger.path == ("topics", "governance", "decision_rule")


def test_a_practice_about_a_missing_topic_is_left_to_its_finding_and_the_next_are_said(checklist: Checklist) -> None:
    data = sheets.example()
    del data["topics"]["communication"]  # fluid_communication and gain_visibility read only this topic
    data["topics"]["governance"]["committee"] = False
    result = audited(data, checklist)
    assert [(f.kind, f.rule) for f in result.findings] == [
        ("missing", "topic_missing"),
        ("suggestion", "local_committee"),
    ]


def test_a_practice_with_no_check_is_never_suggested_and_the_next_are(checklist: Checklist) -> None:
    first, *others = checklist.practices
    own = dataclasses.replace(checklist, practices=(dataclasses.replace(first, check=None), *others))
    data = sheets.example()
    del data["project"]["territory"]  # act_local_think_global and define_territory read it
    data["topics"]["governance"]["committee"] = False
    assert [f.rule for f in audited(data, own).findings] == ["local_committee", "define_territory"]


# -- the audit's counts -----------------------------------------------------------------------------


def test_counts_give_each_kind_its_number_of_findings(checklist: Checklist) -> None:
    data = sheets.example()
    data["topics"]["governance"]["committee"] = False  # one suggestion
    del data["topics"]["surplus"]  # one topic missing
    result = audited(data, checklist)
    assert [(f.kind, f.rule) for f in result.findings] == [
        ("missing", "topic_missing"),
        ("suggestion", "local_committee"),
    ]
    assert result.counts() == {"schema": 0, "missing": 1, "inconsistency": 0, "pitfall": 0, "suggestion": 1}


def test_a_suggestion_alone_is_a_finding_only_when_strict(checklist: Checklist) -> None:
    data = sheets.example()
    data["topics"]["governance"]["committee"] = False
    result = audited(data, checklist)
    assert [f.severity for f in result.findings] == ["info"]
    assert not result.has_findings()
    assert result.has_findings(strict=True)
    assert not audited(sheets.example(), checklist).has_findings(strict=True)


# -- the partners' reviews ----------------------------------------------------------------------


def test_a_spread_between_half_points_is_said_with_the_language_s_decimal_mark(checklist: Checklist) -> None:
    data = sheets.example()
    data["reviews"] = [
        {"partner": POTAGERS, "date": dt.date(2026, 10, 1), "scores": {"ideas_heard": 5, "decisions_shared": 4}},
        {"partner": ADOS, "date": dt.date(2026, 10, 2), "scores": {"ideas_heard": 2, "decisions_shared": 3}},
    ]
    [spread] = findings(data, checklist, "review_spread")
    concern = next(c for c in checklist.review.concerns if c.id == "democratic_decisions")  # type: ignore[union-attr]
    assert spread.message == Message(
        "finding.review_spread",
        {
            "concern": concern.label,
            "low": Localized(fr="2,5", en="2.5"),
            "lowest": [ADOS],
            "high": Localized(fr="4,5", en="4.5"),
            "highest": [POTAGERS],
        },
    )
    assert spread.advice == (
        practice_text(checklist, "democratic_decisions"),
        practice_text(checklist, "local_committee"),
    )
    assert say(spread.message, "en") == (
        'the partners\' scores on "Decisions taken democratically" range from 2.5 (Club Ados Linandes) '
        "to 4.5 (Les Potagers des Linandes): a point to discuss together"
    )
    assert say(spread.message, "fr") == french(
        "les notes des associations sur « Des décisions prises démocratiquement » vont de 2,5 (Club Ados Linandes) "
        "à 4,5 (Les Potagers des Linandes) : un point à discuter ensemble"
    )


def test_a_review_is_due_at_the_sheet_s_date_when_there_is_none(checklist: Checklist) -> None:
    data = sheets.example()  # a cooperation project started on 2026-09-14
    [due] = [f for f in audited(data, checklist, dt.date(2027, 9, 15)).findings if f.rule == "review_due"]
    assert due == Finding(
        "suggestion",
        "review_due",
        Message("finding.review_due", {"months": 12}),
        ("project", "created"),
        triggers=(
            Trigger(
                "no_review",
                Message("trigger.no_review", {"created": "2026-09-14", "months": 12}),
                ("project", "created"),
            ),
        ),
    )
    assert say(due.message, "en") == (
        "time for a review: each partner answers separately (coop review), at least every 12 months "
        "and when a partner joins"
    )
    assert (
        say(due.triggers[0].message, "fr")
        == "aucun bilan depuis le début de la fiche, le 2026-09-14 (il y a plus de 12 mois)"
    )
    del data["project"]["created"]  # no date: nothing says since when
    assert not [f for f in audited(data, checklist, dt.date(2030, 1, 1)).findings if f.rule == "review_due"]


def test_an_old_review_and_a_partner_never_reviewed_are_both_said(checklist: Checklist) -> None:
    data = sheets.example()
    data["reviews"] = [
        {"partner": p, "date": dt.date(2027, 3, 1), "scores": {"purpose_clear": 4}} for p in (POTAGERS, ADOS)
    ]
    [due] = [f for f in audited(data, checklist, dt.date(2028, 3, 2)).findings if f.rule == "review_due"]
    assert due == Finding(
        "suggestion",
        "review_due",
        Message("finding.review_due", {"months": 12}),
        ("reviews",),
        triggers=(
            Trigger("review_old", Message("trigger.review_old", {"date": "2027-03-01", "months": 12}), ("reviews",)),
            Trigger(
                "partner_not_reviewed", Message("trigger.partner_not_reviewed", {"partners": [CUISINE]}), ("partners",)
            ),
        ),
    )
    data["reviews"].append({"partner": CUISINE, "date": dt.date(2027, 3, 1), "scores": {"purpose_clear": 4}})
    on_the_day = audited(data, checklist, dt.date(2028, 3, 1)).findings  # twelve months to the day: not yet
    assert not [f for f in on_the_day if f.rule == "review_due"]
    assert [say(t.message, "en") for t in due.triggers] == [
        "the last review dates from 2027-03-01, more than 12 months ago",
        "not reviewed yet (joined since?): Cuisine du Monde Cergy",
    ]
    assert say(due.triggers[1].message, "fr") == french(
        "pas encore de bilan (arrivée depuis ?) : Cuisine du Monde Cergy"
    )


# -- the service behind `coop check` ----------------------------------------------------------------


def test_check_file_keeps_an_unreadable_file_s_error_in_its_report(checklist: Checklist, tmp_path: Path) -> None:
    missing = tmp_path / "absent.yaml"
    report = check_file(str(missing), checklist)
    assert report.name == str(missing)
    assert report.audit is None and report.findings == ()
    assert report.error is not None and report.error.code == "file.not_found"


def test_unreadable_standard_input_is_reported_as_stdin() -> None:
    run = coop("check", "--format", "json", "-", stdin="project: [title\n")
    assert run.code == 2
    [entry] = json.loads(run.out)["files"]
    assert entry["path"] == "<stdin>"
    assert entry["error"]["code"] == "yaml.syntax"


def test_check_file_audits_as_of_the_day_given(checklist: Checklist) -> None:
    # The example was created on 2026-09-14: a cooperation project is reviewed within 12 months.
    later = check_file(str(EXAMPLE), checklist, dt.date(2027, 9, 15))
    assert later.audit is not None
    assert [f.finding.rule for f in later.findings] == ["review_due"]
    assert [t.code for t in later.findings[0].finding.triggers] == ["no_review"]
    now = check_file(str(EXAMPLE), checklist)  # the suite's day, 2026-12-01
    assert now.findings == ()


def test_a_tally_counts_every_file_once_by_its_outcome() -> None:
    tally = Tally()
    for is_error, has_findings in ((True, False), (True, True), (False, True), (False, True), (False, False)):
        tally.add(is_error, has_findings)
    tally.add(False, False)
    assert tally.as_dict() == {"files": 6, "clean": 2, "with_findings": 2, "errors": 2}
    assert tally.exit_code == 2


# -- many files: the jobs and the workers' outcome ------------------------------------------------


def test_standard_input_is_read_by_one_process_whatever_is_asked() -> None:
    assert jobs_for(4, ["a.yaml", "-"]) == 1
    assert jobs_for(4, ["a.yaml", "b.yaml"]) == 4
    assert jobs_for(0, ["a.yaml", "b.yaml"]) == 1


@pytest.mark.parametrize(
    ("requested", "files", "cores", "jobs"),
    [
        (0, 199, 8, 1),  # too few files to start workers
        (0, 200, 8, 4),  # from 200 files, the cores, at most four
        (0, 200, 3, 3),
        (0, 200, None, 1),  # the cores unknown
        (1, 200, 8, 1),  # -j 1 as asked
        (2, 10, 8, 2),
    ],
)
def test_jobs_as_asked_or_from_the_number_of_files(
    requested: int, files: int, cores: int | None, jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    assert jobs_for(requested, [f"fiche{i}.yaml" for i in range(files)]) == jobs


def test_a_worker_checks_its_file_and_sends_back_what_is_printed(tmp_path: Path) -> None:
    from coopwizard.guide.load import default_checklist_path
    from coopwizard.render.report import render_file_as_text

    data = sheets.example()  # a French sheet
    data["topics"]["governance"]["committee"] = False  # one suggestion, on line 85
    sheet = tmp_path / "fiche.yaml"
    sheet.write_text(sheets.as_yaml(data), encoding="utf-8")
    location = default_checklist_path()

    def work(name: str, lang: str, as_json: bool, strict: bool, keep_errors: bool, follow: bool) -> Checked:
        settings = Settings(lang, as_json, strict, render_file_as_text, keep_errors, follow)
        [checked] = _work([name], location, settings)
        return checked

    text = work(str(sheet), "en", False, False, True, False)
    assert text == Checked(text.rendered, None, False, False)  # a suggestion is no finding unless strict
    assert text.rendered.endswith(
        "  Good practices to try\n"
        f"    {sheet}:85:5: [info] Create a local organising committee and designate the representatives of "
        "each organisation in it (local_committee)\n"
        "      because: no: the guide advises a local organising committee where each organisation has its "
        "representative\n"
    )
    own = work(str(sheet), "en", False, True, True, True)  # in the sheet's own language, strict
    assert own == Checked(own.rendered, None, True, False)
    assert own.rendered.startswith(f"{sheet} — Jardins et fêtes des Linandes\n" + french("  Niveau : ●●● Coopération"))
    as_json = work(str(sheet), "en", True, True, True, True)  # a JSON document keeps the language asked
    assert json.loads(as_json.rendered)["findings"][0]["triggers"][0]["message"].startswith("no: the guide")
    assert as_json.has_findings and not as_json.is_error
    absent = str(tmp_path / "absent.yaml")
    error = french(f"{absent} : fichier introuvable ; vérifiez le chemin.")
    assert work(absent, "fr", False, False, True, False) == Checked("", error, False, True)
    in_json = work(absent, "fr", True, False, True, False)
    assert json.loads(in_json.rendered) == {"path": absent, "error": {"code": "file.not_found", "message": error}}
    assert (in_json.error, in_json.has_findings, in_json.is_error) == (error, False, True)
    with pytest.raises(CoopError) as raised:
        work(absent, "fr", False, False, False, False)
    assert raised.value.code == "file.not_found"


def _pid_render(report: FileReport, checklist: Checklist, lang: str, as_json: bool) -> str:
    """A renderer saying which process rendered the report (module level: the workers import it).

    A worker takes its time (as if its core were busy), so that the run's own process has
    chunks left to take while it waits for the worker's.
    """
    if os.environ.get("COOP_TEST_RUN_PID", str(os.getpid())) != str(os.getpid()):
        time.sleep(0.02)
    return f"{report.name} {os.getpid()}"


def test_check_all_on_one_process_keeps_errors_and_the_language_asked(tmp_path: Path) -> None:
    from coopwizard.guide.load import default_checklist_path
    from coopwizard.render.report import render_file_as_text

    absent = str(tmp_path / "absent.yaml")
    outcomes = list(
        check_all([str(EXAMPLE), absent], default_checklist_path(), "en", False, False, 1, render_file_as_text)
    )
    assert [(o.has_findings, o.is_error) for o in outcomes] == [(False, False), (False, True)]
    assert outcomes[0].rendered.startswith(f"{EXAMPLE} — Jardins et fêtes des Linandes\n  Level: ●●● Cooperation")
    assert outcomes[1].error == f"{absent}: no such file; check the path."
    with pytest.raises(CoopError):
        list(
            check_all([absent], default_checklist_path(), "en", False, False, 1, render_file_as_text, keep_errors=False)
        )


def test_check_all_on_two_jobs_renders_in_other_processes_in_the_order_given(tmp_path: Path) -> None:
    from coopwizard.guide.load import default_checklist_path

    absent = str(tmp_path / "absent.yaml")
    names = [str(EXAMPLE), absent, str(EXAMPLE)]
    here = list(check_all(names, default_checklist_path(), "en", True, False, 1, _pid_render))
    assert [o.rendered for o in here] == [f"{name} {os.getpid()}" for name in names]
    names = [absent if i % 10 == 1 else str(EXAMPLE) for i in range(40)]  # in chunks of one file
    os.environ["COOP_TEST_RUN_PID"] = str(os.getpid())  # the workers, forked or spawned, inherit it
    try:
        there = list(check_all(names, default_checklist_path(), "en", True, False, 2, _pid_render))
    finally:
        del os.environ["COOP_TEST_RUN_PID"]
    assert [o.rendered.split()[0] for o in there] == names
    assert [o.is_error for o in there] == [name == absent for name in names]
    # Two processes in all: one worker, and this one, which checks the chunks no worker has started.
    processes = {o.rendered.split()[1] for o in there}
    assert len(processes) == 2
    assert str(os.getpid()) in processes


def _slow_workers(names: list[str], keep_errors: bool = True) -> Any:
    """check_all on two processes, its worker slowed down (see _pid_render): this process takes chunks ahead."""
    from coopwizard.guide.load import default_checklist_path

    os.environ["COOP_TEST_RUN_PID"] = str(os.getpid())  # the workers, forked or spawned, inherit it
    try:
        yield from check_all(names, default_checklist_path(), "en", True, False, 2, _pid_render, keep_errors)
    finally:
        del os.environ["COOP_TEST_RUN_PID"]


def test_with_debug_an_error_in_a_chunk_taken_ahead_is_raised_in_its_turn(tmp_path: Path) -> None:
    """--debug (keep_errors=False) stops at the first file that fails, as `-j 1` does: after the reports
    of every file before it, even when this process checked the failing chunk before a worker was done."""
    absent = str(tmp_path / "absent.yaml")
    names = [str(EXAMPLE)] * 30 + [absent] + [str(EXAMPLE)] * 9
    printed = []
    with pytest.raises(CoopError) as raised:
        for outcome in _slow_workers(names, keep_errors=False):
            printed.append(outcome)
    assert raised.value.code == "file.not_found"
    assert raised.value.params["file"] == absent
    assert len(printed) == 30


def test_a_chunk_s_outcomes_are_let_go_once_printed() -> None:
    """A future keeps its result: the run drops each chunk's once it is yielded, so memory does not grow
    with the number of files (100,000 sheets -j 2)."""
    import gc
    import itertools
    import weakref

    outcomes = _slow_workers([str(EXAMPLE)] * 40)
    seen = [weakref.ref(outcome) for outcome in itertools.islice(outcomes, 30)]
    gc.collect()
    assert [ref for ref in seen[:20] if ref() is not None] == []
    outcomes.close()


@pytest.mark.parametrize(
    ("name", "text", "code", "said"),
    [
        ("broken.yaml", "project: [title\n", "yaml.syntax", ':2: invalid YAML (a comma or a "]" is missing).'),
        (
            "open.md",
            "---\ntitle: Fête\n",
            "sheet.unclosed_front_matter",
            ': the YAML front matter is not closed by a "---" line.',
        ),
        (
            "list.yaml",
            "- Fête\n",
            "sheet.not_mapping",
            ": a sheet is a mapping (format, project, partners…), not a list.",
        ),
    ],
)
def test_a_sheet_that_cannot_be_read_is_said_with_its_file_s_name(
    name: str, text: str, code: str, said: str, checklist: Checklist, write: Callable[..., Path]
) -> None:
    path = write(name, text)
    report = check_file(str(path), checklist)
    assert report.error is not None and report.error.code == code
    assert say(report.error, "en") == f"{path}{said}"


def test_findings_in_a_markdown_sheet_are_at_their_line_in_the_file(
    checklist: Checklist, write: Callable[..., Path]
) -> None:
    data = sheets.example()
    data["topics"]["governance"]["committee"] = False
    plain = check_file(str(write("fiche.yaml", sheets.as_yaml(data))), checklist)
    markdown = check_file(str(write("fiche.md", "---\n" + sheets.as_yaml(data) + "---\n\nNotre fête.\n")), checklist)
    assert [(f.finding.rule, f.line, f.column) for f in plain.findings] == [("local_committee", 85, 5)]
    assert [(f.finding.rule, f.line, f.column) for f in markdown.findings] == [("local_committee", 86, 5)]
