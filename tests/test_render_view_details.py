"""What a sheet shows in every document (render/view.py: the view model the Markdown, HTML, Word,
agreement, agenda and calendar renderers all read), detail by detail.

Written from the mutation run over `src/coopwizard/render/view.py` (docs/testing.md): each test pins,
with exact values in French and English, one thing a reader of the documents sees: the dates in words,
the money the French way, the labels, the level, the open questions, the findings' dates, the budget
counted once, the milestones in order, the reviews' scores.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from coopwizard.audit.engine import audit
from coopwizard.guide.model import Checklist
from coopwizard.render.view import View, build_view, long_date
from coopwizard.sheet.model import Sheet, TopicEntry
from coopwizard.sheet.parse import parse_sheet
from tests.sheets import example

TODAY = dt.date(2026, 12, 1)
POTAGERS, ADOS, CUISINE = "Les Potagers des Linandes", "Club Ados Linandes", "Cuisine du Monde Cergy"
NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.fixture(autouse=True)
def empty_caches() -> None:
    """mutmut forks each mutant from a process that ran the tests once (docs/testing.md): no cached
    answer of the clean code may stand in for the code under test."""
    from coopwizard.render import convention, html

    for cached in (convention.clauses, html.environment, html.stylesheet):
        cached.cache_clear()


def view(data: dict[str, Any], checklist: Checklist, lang: str, issues_allowed: bool = False) -> View:
    sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
    assert issues_allowed or not issues
    return build_view(sheet, checklist, audit(sheet, checklist, issues, TODAY), lang)


def view_of(sheet: Sheet, checklist: Checklist, lang: str) -> View:
    return build_view(sheet, checklist, audit(sheet, checklist, [], TODAY), lang)


# -- dates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fr", "10 décembre 2026"), ("en", "10 December 2026"), ("de", "10 December 2026"), ("es", "10 December 2026")],
)
def test_a_date_is_written_in_words_in_the_document_s_language_english_otherwise(lang: str, said: str) -> None:
    assert long_date(dt.date(2026, 12, 10), lang) == said
    assert long_date(dt.date(2027, 1, 1), "fr") == "1 janvier 2027"


def test_the_sheet_s_own_facts_title_summary_and_date(checklist: Checklist) -> None:
    fr, en = view(example(), checklist, "fr"), view(example(), checklist, "en")
    assert (fr.title, fr.created, fr.created_text, fr.lang) == (
        "Jardins et fêtes des Linandes",
        dt.date(2026, 9, 14),
        "14 septembre 2026",
        "fr",
    )
    assert (en.created_text, en.lang) == ("14 September 2026", "en")
    assert fr.summary == (
        "Trois associations du quartier des Linandes font vivre ensemble un jardin partagé et une fête des "
        "récoltes à chaque saison, pendant trois ans."
    )
    # The title and the summary are the document's heading and lead, not facts; the date is said apart.
    assert [(a.id, a.label, a.shape, a.text) for a in fr.facts] == [
        ("territory", "Territoire", "text", "Quartier des Linandes, Cergy"),
        ("scope", "Échelle", "line", "territoriale, thématique"),
        ("theme", "Thème", "text", "Alimentation durable et lien entre voisins"),
    ]
    assert [(a.id, a.label, a.text) for a in en.facts] == [
        ("territory", "Territory", "Quartier des Linandes, Cergy"),
        ("scope", "Scale", "territorial, thematic"),
        ("theme", "Theme", "Alimentation durable et lien entre voisins"),
    ]
    assert fr.facts[1].items == fr.facts[1].columns == fr.facts[1].rows == ()


def test_a_sheet_with_no_title_summary_or_date(checklist: Checklist) -> None:
    sheet = Sheet(project={"territory": "Cergy", "summary": ""})
    fr, en = view_of(sheet, checklist, "fr"), view_of(sheet, checklist, "en")
    assert (fr.title, fr.summary, fr.created, fr.created_text) == ("(sans titre)", None, None, None)
    assert en.title == "(untitled)"
    assert [(a.id, a.text) for a in fr.facts] == [("territory", "Cergy")]
    assert fr.answers == {"project.territory": "Cergy", "project.summary": ""}


def test_the_raw_answers_are_kept_by_path_for_the_agreements(checklist: Checklist) -> None:
    answers = view(example(), checklist, "fr").answers
    assert answers["project.title"] == "Jardins et fêtes des Linandes"
    assert answers["project.created"] == dt.date(2026, 9, 14)
    assert answers["classification.formal_rapprochement"] == "ad_hoc_grouping"
    assert answers["classification.shares_work"] is True
    assert answers["governance.decision_rule"] == "consent"
    assert answers["responsibilities.paid_services"] is False
    assert answers["material_resources.needed"][0] == {
        "item": "Récupérateur d'eau de pluie",
        "amount": 450,
        "source": "Budget participatif de Cergy",
    }
    assert "level" not in answers and "classification.level" not in answers
    assert not any(key.startswith("partners") for key in answers)
    assert len([key for key in answers if key.startswith("timeline.")]) == 1


# -- answers ----------------------------------------------------------------------------------------


def test_records_show_each_field_in_its_column_dates_in_words_and_money_the_french_way(
    checklist: Checklist,
) -> None:
    data = example()
    data["topics"]["material_resources"]["existing"] = [
        {"item": "Parcelle", "provided_by": POTAGERS},
        {"item": "Subvention", "amount": 1200.5, "provided_by": "Ville de Cergy"},
    ]
    data["topics"]["timeline"]["milestones"] = [{"date": "2026-10-13", "label": "Premier comité"}]
    fr, en = view(data, checklist, "fr"), view(data, checklist, "en")
    existing = fr.answer("material_resources", "existing")
    assert existing is not None
    assert (existing.label, existing.shape) == ("Ressources existantes", "records")
    assert existing.columns == ("Ressource", "Montant", "Apportée par")
    assert existing.rows == (("Parcelle", "", POTAGERS), ("Subvention", f"1{NNBSP}200,50{NBSP}€", "Ville de Cergy"))
    # On one line: the fields answered, joined by commas; the records by the language's separator.
    assert existing.text == f"Parcelle, {POTAGERS}{NNBSP}; Subvention, 1{NNBSP}200,50{NBSP}€, Ville de Cergy"
    assert existing.items == ()
    english = en.answer("material_resources", "existing")
    assert english is not None
    assert english.columns == ("Resource", "Amount", "Provided by")
    assert english.rows[1] == ("Subvention", "€1,200.50", "Ville de Cergy")
    assert english.text == f"Parcelle, {POTAGERS}; Subvention, €1,200.50, Ville de Cergy"
    milestones = fr.answer("timeline", "milestones")
    assert milestones is not None
    assert (milestones.rows, milestones.text) == (
        (("13 octobre 2026", "Premier comité"),),
        "13 octobre 2026, Premier comité",
    )
    english_milestones = en.answer("timeline", "milestones")
    assert english_milestones is not None
    assert english_milestones.rows == (("13 October 2026", "Premier comité"),)


def test_a_list_of_texts_gives_its_items_and_one_line(checklist: Checklist) -> None:
    fr, en = view(example(), checklist, "fr"), view(example(), checklist, "en")
    objectives = fr.answer("purpose", "objectives")
    assert objectives is not None
    assert (objectives.label, objectives.shape) == ("Objectifs", "items")
    assert objectives.items == (
        "Cultiver ensemble un jardin ouvert à tous les habitants",
        "Faire une fête des récoltes à chaque saison",
        "Faire participer les jeunes du quartier à toutes les étapes",
    )
    assert objectives.text == f"{NNBSP}; ".join(objectives.items)
    assert objectives.columns == objectives.rows == ()
    english = en.answer("purpose", "objectives")
    assert english is not None
    assert (english.label, english.text) == ("Objectives", "; ".join(objectives.items))


def test_a_per_partner_answer_is_a_table_of_associations(checklist: Checklist) -> None:
    fr, en = view(example(), checklist, "fr"), view(example(), checklist, "en")
    missions = fr.answer("responsibilities", "missions")
    assert missions is not None
    assert (missions.label, missions.shape, missions.items) == ("Mission de chaque association", "per_partner", ())
    assert missions.columns == ("Association", "Mission de chaque association")
    assert missions.rows == (
        (POTAGERS, "Le jardin, les outils, la formation des nouveaux jardiniers"),
        (ADOS, "Les affiches, la sono et l'installation des fêtes"),
        (CUISINE, "Les repas des fêtes, préparés avec les récoltes"),
    )
    assert missions.text.startswith(f"{POTAGERS}{NBSP}: Le jardin")
    english = en.answer("responsibilities", "missions")
    assert english is not None
    assert english.columns == ("Association", "Each association's mission")
    assert english.text.startswith(f"{POTAGERS}: Le jardin")


def test_a_single_answer_is_one_line_in_the_language(checklist: Checklist) -> None:
    fr, en = view(example(), checklist, "fr"), view(example(), checklist, "en")
    paid = fr.answer("responsibilities", "paid_services")
    assert paid is not None
    assert (paid.id, paid.label, paid.shape, paid.text) == (
        "paid_services",
        "Prestation payée entre associations",
        "line",
        "non",
    )
    assert paid.items == paid.columns == paid.rows == ()
    rule = en.answer("governance", "decision_rule")
    assert rule is not None
    assert (rule.label, rule.text) == ("How decisions are taken", "by consent (no strong objection)")


def test_looking_up_a_section_an_answer_and_a_mission(checklist: Checklist) -> None:
    data = example()
    del data["topics"]["pricing"]
    fr = view(data, checklist, "fr")
    purpose = fr.section("purpose")
    assert purpose is not None and purpose.title == "Raison et objectifs"
    assert fr.section("nowhere") is None
    assert fr.answer("nowhere", "reason") is None
    assert fr.answer("purpose", "nothing") is None
    assert fr.answer("pricing", "model") is None
    assert fr.mission_of(ADOS) == "Les affiches, la sono et l'installation des fêtes"
    assert fr.mission_of("Une autre association") == ""
    assert fr.t("coverage", settled=1, total=2) == "1 sujets réglés sur 2"


# -- partners ---------------------------------------------------------------------------------------


def test_partners_as_the_documents_show_them(checklist: Checklist) -> None:
    data = example()
    data["partners"][0]["brings_money"] = 1200.5
    data["partners"][1]["brings_money"] = 0
    data["partners"].append({"name": "Maison de quartier"})
    fr, en = view(data, checklist, "fr"), view(data, checklist, "en")
    potagers, ados, cuisine, maison = fr.partners
    assert potagers == dataclasses.replace(
        potagers,
        name=POTAGERS,
        representative="Awa Diallo",
        contact="potagers.linandes@example.org",
        material=("parcelle de 400 m²", "outils de jardinage", "cabane de rangement"),
        money=f"1{NNBSP}200,50{NBSP}€",
        people=("12 jardiniers bénévoles", "une animatrice compost"),
        mission="Le jardin, les outils, la formation des nouveaux jardiniers",
        skills="Maraîchage, compost, accueil des débutants",
    )
    assert ados.money == ""  # no money brought is not « 0 € »
    assert cuisine.money == ""
    assert cuisine.material == ("cuisine mobile", "vaisselle réutilisable pour 150 personnes")
    assert maison == dataclasses.replace(
        maison,
        name="Maison de quartier",
        representative="",
        contact="",
        material=(),
        money="",
        people=(),
        mission="",
        skills="",
    )
    assert en.partners[0].money == "€1,200.50"


def test_partners_missions_and_skills_when_not_a_table(checklist: Checklist) -> None:
    """A checklist of one's own without those topics: what the sheet holds there is not read as a table."""
    topics = tuple(t for t in checklist.topics if t.id not in ("responsibilities", "human_resources"))
    own = dataclasses.replace(checklist, topics=topics)
    sheet = Sheet(
        project={"title": "T"},
        partners=[{"name": None, "brings_money": True}, {"name": "A", "brings_money": 50}],
        topics={
            "responsibilities": TopicEntry({"missions": "tout le monde fait tout"}),
            "human_resources": TopicEntry({"skills": ["couture"]}),
        },
    )
    # Audited as an empty sheet: the rules read answers as parsing leaves them, which these are not.
    result = audit(Sheet(), own, [], TODAY)
    nameless, named = build_view(sheet, own, result, "en").partners
    assert (nameless.name, nameless.mission, nameless.skills) == ("", "", "")
    assert (named.name, named.money, named.mission, named.skills) == ("A", "€50", "", "")


def test_the_partners_labels_are_the_checklist_s_short_ones(checklist: Checklist) -> None:
    assert view(example(), checklist, "fr").partner_labels == {
        "name": "Association",
        "representative": "Représentant",
        "contact": "Contact",
        "brings_material": "Apport matériel",
        "brings_money": "Apport en argent",
        "brings_people": "Apport en personnes",
        "mission": "Mission de chaque association",
        "skills": "Expériences et compétences",
    }
    english = view(example(), checklist, "en").partner_labels
    assert (english["name"], english["mission"], english["skills"]) == (
        "Association",
        "Each association's mission",
        "Experience and skills",
    )


def test_a_checklist_without_missions_or_skills_labels_them_empty(checklist: Checklist) -> None:
    topics = tuple(t for t in checklist.topics if t.id not in ("responsibilities", "human_resources"))
    own = dataclasses.replace(checklist, topics=topics)
    labels = build_view(Sheet(project={"title": "T"}), own, audit(Sheet(project={"title": "T"}), own, [], TODAY), "fr")
    assert (labels.partner_labels["mission"], labels.partner_labels["skills"]) == ("", "")
    assert labels.partner_labels["name"] == "Association"


# -- the level --------------------------------------------------------------------------------------


def steps(level: Any) -> list[tuple[str, bool, bool]]:
    return [(s.name, s.reached, s.current) for s in level.steps]


def test_the_level_reached_below_the_one_declared(checklist: Checklist) -> None:
    data = example()
    data["classification"] = {"shares_resources": True, "shares_work": False, "level": "cooperation"}
    fr, en = view(data, checklist, "fr").level, view(data, checklist, "en").level
    assert steps(fr) == [("Mutualisation", True, True), ("Collaboration", False, False), ("Coopération", False, False)]
    assert [s.motto for s in fr.steps] == ["facilitation réciproque", "travailler ensemble", "faire œuvre commune"]
    assert fr.steps[1].applies_to == "les ressources humaines, au travail partagé (ou organisé de concert)"
    assert (fr.rank, fr.supported, fr.modes) == (1, "Mutualisation", ("Mutualisation",))
    assert fr.summary == f"Mutualisation — «{NNBSP}facilitation réciproque{NNBSP}»"
    assert fr.applies_to == fr.steps[0].applies_to
    assert (fr.next_name, fr.to_next) == (
        "Collaboration",
        ("Partager le travail lui-même entre les membres des associations.",),
    )
    assert (fr.declared, fr.declared_differs) == ("Coopération", True)
    # The rapprochement not answered: nothing said, nothing considered.
    assert (fr.rapprochement, fr.rapprochement_considered) == (None, False)
    assert [(a.id, a.label, a.text) for a in fr.answers] == [
        ("shares_resources", "Mise en commun de moyens non humains", "oui"),
        ("shares_work", "Travail partagé", "non"),
    ]
    assert fr.notes[0] == "La mutualisation et la collaboration ne sont pas exclusives l'une de l'autre."
    assert len(fr.notes) == 2
    assert en.summary == "Pooling — “mutual facilitation”"
    assert (en.declared, en.next_name) == ("Cooperation", "Collaboration")
    assert en.notes[0] == "Pooling and collaboration are not mutually exclusive."


def test_the_level_declared_and_reached_alike(checklist: Checklist) -> None:
    fr = view(example(), checklist, "fr").level
    assert steps(fr) == [("Mutualisation", True, False), ("Collaboration", True, False), ("Coopération", True, True)]
    assert (fr.rank, fr.supported, fr.declared, fr.declared_differs) == (3, "Coopération", "Coopération", False)
    assert fr.modes == ("Mutualisation", "Collaboration", "Coopération")
    assert (fr.next_name, fr.to_next) == (None, ())
    assert (fr.rapprochement, fr.rapprochement_considered) == (f"Un groupement «{NNBSP}ad hoc{NNBSP}»", True)
    en = view(example(), checklist, "en").level
    assert (en.summary, en.rapprochement) == ("Cooperation — “building a common work”", "An ad hoc grouping")


def test_collaboration_alone_is_reached_without_pooling(checklist: Checklist) -> None:
    data = example()
    data["classification"] = {"shares_resources": False, "shares_work": True, "formal_rapprochement": "none"}
    level = view(data, checklist, "en").level
    assert steps(level) == [("Pooling", False, False), ("Collaboration", True, True), ("Cooperation", False, False)]
    assert (level.rank, level.modes, level.declared, level.declared_differs) == (2, ("Collaboration",), None, False)
    # « none », the default, is said but not a rapprochement considered.
    assert (level.rapprochement, level.rapprochement_considered) == ("None", False)


@pytest.mark.parametrize(
    ("classification", "fr_summary", "en_summary"),
    [
        (
            {},
            "Non renseigné (répondez aux questions de classement)",
            "Not stated (answer the classification questions)",
        ),
        (
            {"shares_resources": False, "shares_work": False, "shared_organisation": False, "beyond_one_event": False},
            "Pas encore de partage",
            "No sharing yet",
        ),
    ],
)
def test_no_level_reached_is_said_with_a_capital(
    classification: dict[str, Any], fr_summary: str, en_summary: str, checklist: Checklist
) -> None:
    data = example()
    data["classification"] = classification
    fr, en = view(data, checklist, "fr").level, view(data, checklist, "en").level
    assert (fr.summary, en.summary) == (fr_summary, en_summary)
    assert steps(fr) == [
        ("Mutualisation", False, False),
        ("Collaboration", False, False),
        ("Coopération", False, False),
    ]
    assert (fr.rank, fr.supported, fr.applies_to, fr.modes) == (0, None, None, ())
    assert (fr.declared, fr.declared_differs) == (None, False)
    assert fr.next_name == "Mutualisation"
    assert fr.to_next == ("Mettre en commun des moyens non humains (un local, du matériel, de la logistique).",)


def test_a_level_declared_with_none_reached_differs_and_an_unknown_one_is_said_as_written(
    checklist: Checklist,
) -> None:
    known = Sheet(project={"title": "T"}, level="collaboration")
    level = view_of(known, checklist, "fr").level
    assert (level.supported, level.declared, level.declared_differs) == (None, "Collaboration", True)
    unknown = Sheet(project={"title": "T"}, level="fusion")
    level = view_of(unknown, checklist, "fr").level
    assert (level.declared, level.declared_differs) == ("fusion", True)


def test_the_steps_are_drawn_in_the_order_of_their_rank(checklist: Checklist) -> None:
    own = dataclasses.replace(checklist, levels=tuple(reversed(checklist.levels)))
    data = example()
    data["classification"] = {"shares_resources": True}
    sheet, _ = parse_sheet(data, own, "fiche.yaml")
    level = build_view(sheet, own, audit(sheet, own, [], TODAY), "en").level
    assert [s.name for s in level.steps] == ["Pooling", "Collaboration", "Cooperation"]


# -- topics -----------------------------------------------------------------------------------------


def unsettled() -> dict[str, Any]:
    """Pricing not discussed, the surplus and the outlook left to complete, the values with a note."""
    data = example()
    del data["topics"]["pricing"]
    data["topics"]["surplus"]["status"] = "to_complete"
    data["topics"]["outlook"] = {"status": "to_complete"}
    data["topics"]["values"]["notes"] = "À revoir\navec la charte"
    del data["topics"]["purpose"]["objectives"]
    return data


def test_the_coverage_names_the_topics_left_by_their_label(checklist: Checklist) -> None:
    fr, en = view(unsettled(), checklist, "fr").coverage, view(unsettled(), checklist, "en").coverage
    assert fr == dataclasses.replace(
        fr,
        settled=8,
        total=12,
        to_complete=("Raison et objectifs", "Répartition des excédents", "Perspectives"),
        missing=("Tarification",),
        text="8 sujets réglés sur 12",
    )
    assert (en.to_complete, en.missing, en.text) == (
        ("Purpose and objectives", "Sharing any surplus", "Outlook"),
        ("Pricing",),
        "8 of 12 topics settled",
    )


def test_each_topic_is_a_numbered_section_with_its_status_answers_and_open_questions(checklist: Checklist) -> None:
    fr = view(unsettled(), checklist, "fr")
    # The purpose says `status: settled` but its objectives (required) are gone: the audit's verdict is shown.
    assert unsettled()["topics"]["purpose"]["status"] == "settled"
    assert [(s.number, s.id, s.status, s.status_label) for s in fr.sections][:2] == [
        (1, "purpose", "to_complete", "à compléter"),
        (2, "values", "settled", "réglé"),
    ]
    purpose, values = fr.sections[0], fr.sections[1]
    assert (purpose.title, purpose.guide) == (
        "Raison et objectifs",
        "la raison du projet de coopération et ses objectifs",
    )
    assert [a.id for a in purpose.answers] == ["reason", "main_objective", "method"]
    # How to type an answer (« (un par ligne) ») is not what there is to settle.
    assert purpose.open_questions == (
        dataclasses.replace(
            purpose.open_questions[0], label="Objectifs", prompt="Les objectifs recherchés", required=True
        ),
    )
    assert (purpose.notes, values.notes) == (None, "À revoir\navec la charte")
    pricing = fr.section("pricing")
    assert pricing is not None
    assert (pricing.number, pricing.status, pricing.status_label, pricing.answers) == (
        9,
        "missing",
        "pas encore abordé",
        (),
    )
    assert [(q.label, q.prompt, q.required) for q in pricing.open_questions] == [
        ("Tarification", f"Quelle tarification{NNBSP}?", True),
        ("Précisions", "Précisions (montants, publics concernés)", False),
    ]
    surplus, outlook = fr.section("surplus"), fr.section("outlook")
    assert surplus is not None and outlook is not None
    assert (surplus.status, surplus.status_label, surplus.open_questions) == ("to_complete", "à compléter", ())
    assert [a.id for a in surplus.answers] == ["distribution", "details"]
    assert (outlook.status, outlook.answers) == ("to_complete", ())
    assert [(q.prompt, q.required) for q in outlook.open_questions] == [
        (f"Et après{NNBSP}?", True),
        ("Les prochaines actions envisagées", False),
    ]
    en = view(unsettled(), checklist, "en")
    english = en.sections[0]
    assert (english.title, english.status_label) == ("Purpose and objectives", "to complete")
    assert english.open_questions[0].prompt == "The objectives sought"
    english_pricing = en.section("pricing")
    assert english_pricing is not None
    assert english_pricing.status_label == "not yet discussed"
    english_surplus = en.section("surplus")
    assert english_surplus is not None
    assert english_surplus.status_label == "to complete"
    assert [s.number for s in en.sections] == list(range(1, 13))


# -- findings ---------------------------------------------------------------------------------------


def test_findings_are_grouped_by_kind_in_order_without_the_topics_missing(checklist: Checklist) -> None:
    from tests.sheets import hasty_decisions

    data = hasty_decisions()
    del data["topics"]["pricing"]
    fr = view(data, checklist, "fr").findings
    assert [(g.kind, g.title, len(g.items)) for g in fr] == [
        ("pitfall", "Écueils", 1),
        ("suggestion", "Bonnes pratiques à tester", 1),
    ]
    [pitfall] = fr[0].items
    assert pitfall.text == f"Réfléchir «{NNBSP}à chaud{NNBSP}»"
    # Each date of a trigger in words, in the document's language.
    assert pitfall.because == (
        f"20 jours entre la fiche du 14 septembre 2026 et «{NNBSP}Fête des récoltes{NNBSP}» "
        "le 4 octobre 2026 (moins de 30)",
        "la façon de décider n'est pas convenue",
    )
    assert pitfall.advice[2] == "Prioriser les actions et s'organiser"
    assert len(pitfall.advice) == 3
    [suggestion] = fr[1].items
    assert suggestion.because == (f"pas encore décidé{NBSP}: le guide demande une prise de décision démocratique",)
    assert suggestion.advice == ()
    en = view(data, checklist, "en").findings
    assert [g.title for g in en] == ["Pitfalls", "Good practices to try"]
    assert en[0].items[0].because[0] == (
        '20 days between the sheet of 14 September 2026 and "Fête des récoltes" on 4 October 2026 (fewer than 30)'
    )


def test_a_finding_s_text_starts_with_a_capital_and_its_dates_are_said_in_words(checklist: Checklist) -> None:
    from coopwizard.audit.findings import Finding, Trigger
    from coopwizard.core.localized import Localized
    from coopwizard.core.message import Message

    def trigger(**params: Any) -> Trigger:
        return Trigger("short_preparation", Message("trigger.short_preparation", params))

    dates = {"label": "Fête", "days": 3, "min": 30}
    finding = Finding(
        "inconsistency",
        "test",
        Message("finding.topic_missing", {"topic": Localized("tarification", "pricing")}),
        triggers=(
            trigger(date="2026-10-04", created=dt.date(2026, 9, 14), **dates),
            trigger(date="2026-02-30", created="14/09/2026", **dates),  # not a date: said as written
        ),
        advice=(Localized("prendre le temps", "take the time"), "tel quel"),
    )
    result = dataclasses.replace(audit(Sheet(), checklist, [], TODAY), findings=(finding,))
    [group] = build_view(Sheet(), checklist, result, "fr").findings
    [item] = group.items
    assert (group.kind, group.title) == ("inconsistency", "Incohérences")
    assert item.text == f"Sujet absent{NBSP}: tarification"
    assert item.because == (
        f"3 jours entre la fiche du 14 septembre 2026 et «{NNBSP}Fête{NNBSP}» le 4 octobre 2026 (moins de 30)",
        f"3 jours entre la fiche du 14/09/2026 et «{NNBSP}Fête{NNBSP}» le 2026-02-30 (moins de 30)",
    )
    assert item.advice == ("prendre le temps", "tel quel")
    [english] = build_view(Sheet(), checklist, result, "en").findings
    assert english.items[0].because[0] == (
        '3 days between the sheet of 14 September 2026 and "Fête" on 4 October 2026 (fewer than 30)'
    )
    assert english.items[0].advice == ("take the time", "tel quel")
    assert english.items[0].text == "Topic missing: pricing"


# -- budget and milestones --------------------------------------------------------------------------


def money_sheet() -> dict[str, Any]:
    data = example()
    data["partners"][0]["brings_money"] = 0.1
    data["partners"][1]["brings_money"] = 0.2
    data["partners"].append({"name": "  ville de  CERGY ", "brings_money": 1000})
    data["topics"]["material_resources"]["existing"] = [
        {"item": "Subvention", "amount": 1000, "provided_by": "Ville de Cergy"},  # the partner's money again
        {"item": "Don", "amount": 99.99, "provided_by": "Un voisin"},
        {"item": "Parcelle", "provided_by": POTAGERS},
        {"item": "Rien", "amount": 0},
    ]
    data["topics"]["material_resources"]["needed"] = [
        {"item": "Scène", "amount": 5000},
        {"item": "Eau", "amount": 450.25, "source": "Budget participatif"},
        {"item": "Graines"},
        {"item": "Gratuit", "amount": 0},
    ]
    return data


def lines(budget_lines: Any) -> list[tuple[str, float, str, str]]:
    return [(b.label, b.amount, b.amount_text, b.note) for b in budget_lines]


def test_the_budget_counts_each_sum_once_and_says_the_gap(checklist: Checklist) -> None:
    fr = view(money_sheet(), checklist, "fr").budget
    assert lines(fr.contributions) == [
        (POTAGERS, 0.1, f"0,10{NBSP}€", ""),
        (ADOS, 0.2, f"0,20{NBSP}€", ""),
        ("ville de  CERGY", 1000.0, f"1{NNBSP}000{NBSP}€", ""),
    ]
    # The city's grant is its money as a partner, listed again: counted once. No amount, or 0, is no line.
    assert lines(fr.existing) == [("Don", 99.99, f"99,99{NBSP}€", "Un voisin")]
    assert lines(fr.needed) == [
        ("Scène", 5000.0, f"5{NNBSP}000{NBSP}€", ""),
        ("Eau", 450.25, f"450,25{NBSP}€", "Budget participatif"),
    ]
    assert (fr.total_existing, fr.total_needed, fr.gap_text) == (
        f"1{NNBSP}100,29{NBSP}€",
        f"5{NNBSP}450,25{NBSP}€",
        f"4{NNBSP}349,96{NBSP}€",
    )
    assert fr.gap == pytest.approx(4349.96)
    assert fr.unsourced == ("Scène",)
    assert not fr.empty
    en = view(money_sheet(), checklist, "en").budget
    assert (en.total_existing, en.total_needed, en.gap_text) == ("€1,100.29", "€5,450.25", "€4,349.96")
    assert en.contributions[2].amount_text == "€1,000"


def test_the_example_s_budget_has_no_gap(checklist: Checklist) -> None:
    budget = view(example(), checklist, "fr").budget
    assert [b.label for b in budget.contributions] == [POTAGERS, ADOS]
    assert (budget.total_existing, budget.total_needed, budget.gap, budget.gap_text) == (
        f"1{NNBSP}600{NBSP}€",
        f"750{NBSP}€",
        0.0,
        f"0{NBSP}€",
    )
    assert budget.unsourced == ()


def test_a_sheet_with_no_money_has_an_empty_budget(checklist: Checklist) -> None:
    sheet = Sheet(
        project={"title": "T"},
        partners=[{"name": "A", "brings_money": True}, {"name": "B", "brings_money": -5}, {"name": "C"}],
    )
    budget = build_view(sheet, checklist, audit(Sheet(), checklist, [], TODAY), "en").budget
    assert budget.contributions == budget.existing == budget.needed == budget.unsourced == ()
    assert budget.empty
    assert (budget.total_existing, budget.total_needed, budget.gap, budget.gap_text) == ("€0", "€0", 0.0, "€0")


def test_a_need_without_a_name_and_a_resource_without_a_provider(checklist: Checklist) -> None:
    sheet = Sheet(
        project={"title": "T"},
        topics={
            "material_resources": TopicEntry(
                {"existing": [{"amount": 20}], "needed": [{"amount": 30.5, "source": None}, {"amount": "10"}]}
            )
        },
    )
    budget = build_view(sheet, checklist, audit(Sheet(), checklist, [], TODAY), "en").budget
    assert lines(budget.existing) == [("", 20.0, "€20", "")]
    assert lines(budget.needed) == [("", 30.5, "€30.50", "")]
    assert budget.unsourced == ("",)
    assert (budget.total_existing, budget.total_needed, budget.gap_text) == ("€20", "€30.50", "€10.50")


def test_milestones_in_date_order_the_undated_last(checklist: Checklist) -> None:
    data = example()
    data["topics"]["timeline"]["milestones"] = [
        {"date": "2027-03-21", "label": "Fête du printemps"},
        {"label": "Un jour"},
        {"date": "2026-10-13", "label": "Premier comité"},
        {"date": "2026-11-07"},
        {"label": "Plus tard"},
    ]
    fr = view(data, checklist, "fr", issues_allowed=True).milestones
    assert [(m.date, m.date_text, m.label) for m in fr] == [
        (dt.date(2026, 10, 13), "13 octobre 2026", "Premier comité"),
        (dt.date(2026, 11, 7), "7 novembre 2026", ""),
        (dt.date(2027, 3, 21), "21 mars 2027", "Fête du printemps"),
        (None, "", "Un jour"),
        (None, "", "Plus tard"),
    ]
    en = view(data, checklist, "en", issues_allowed=True).milestones
    assert [m.date_text for m in en] == ["13 October 2026", "7 November 2026", "21 March 2027", "", ""]
    assert view(without_timeline(), checklist, "en").milestones == ()


def without_timeline() -> dict[str, Any]:
    data = example()
    del data["topics"]["timeline"]
    return data


# -- reviews ----------------------------------------------------------------------------------------


def reviewed(*reviews: tuple[str, dt.date, dict[str, int]]) -> dict[str, Any]:
    data = example()
    data["reviews"] = [{"partner": p, "date": day, "scores": scores} for p, day, scores in reviews]
    return data


def scores(found: View) -> list[tuple[str, float, str, int, str, str | None, bool]]:
    assert found.reviews is not None
    return [
        (c.label, c.score, c.score_text, c.percent, c.spread_text, c.trend_text, c.to_discuss)
        for c in found.reviews.concerns
    ]


def test_the_reviews_scores_spread_and_trend_in_the_language(checklist: Checklist) -> None:
    data = reviewed(
        (POTAGERS, dt.date(2026, 3, 1), {"ideas_heard": 5, "decisions_shared": 5, "purpose_clear": 2, "informed": 4}),
        (POTAGERS, dt.date(2026, 9, 1), {"ideas_heard": 4, "decisions_shared": 4, "purpose_clear": 3, "informed": 4}),
        (ADOS, dt.date(2026, 9, 2), {"ideas_heard": 3, "decisions_shared": 3, "purpose_clear": 3}),
        (CUISINE, dt.date(2026, 9, 3), {"ideas_heard": 3, "decisions_shared": 4, "purpose_clear": 4}),
    )
    fr, en = view(data, checklist, "fr"), view(data, checklist, "en")
    assert fr.reviews is not None and en.reviews is not None
    assert fr.reviews.summary == "4 bilans de 3 associations, le dernier le 3 septembre 2026"
    assert en.reviews.summary == "4 reviews by 3 partners, the latest on 3 September 2026"
    assert scores(fr) == [
        ("Une raison et des objectifs partagés", 3.33, "3,33/5", 67, "1", "+1", False),
        ("Des décisions prises démocratiquement", 3.5, "3,5/5", 70, "1", "−1", False),
        ("Une communication fluide", 4.0, "4/5", 80, "0", "=", False),
    ]
    assert scores(en) == [
        ("A shared reason and objectives", 3.33, "3.33/5", 67, "1", "+1", False),
        ("Decisions taken democratically", 3.5, "3.5/5", 70, "1", "−1", False),
        ("Fluid communication", 4.0, "4/5", 80, "0", "=", False),
    ]


def test_a_spread_to_discuss_and_no_trend_without_an_earlier_review(checklist: Checklist) -> None:
    data = reviewed(
        (POTAGERS, dt.date(2026, 3, 1), {"ideas_heard": 4, "decisions_shared": 4}),
        (ADOS, dt.date(2026, 2, 1), {"ideas_heard": 2}),
        (POTAGERS, dt.date(2026, 9, 1), {"ideas_heard": 5, "decisions_shared": 4, "purpose_clear": 3}),
        (ADOS, dt.date(2026, 9, 1), {"ideas_heard": 3, "decisions_shared": 2}),
    )
    fr = view(data, checklist, "fr")
    assert fr.reviews is not None
    assert fr.reviews.summary == "4 bilans de 2 associations, le dernier le 1 septembre 2026"
    assert scores(fr) == [
        ("Une raison et des objectifs partagés", 3.0, "3/5", 60, "0", None, False),
        ("Des décisions prises démocratiquement", 3.5, "3,5/5", 70, "2", "+0,5", True),
    ]
    assert scores(view(data, checklist, "en"))[1][2:6] == ("3.5/5", 70, "2", "+0.5")


def test_a_sheet_with_no_review_has_no_reviews_part(checklist: Checklist) -> None:
    assert view(example(), checklist, "fr").reviews is None


# -- after the first run: what its survivors showed ------------------------------------------------


def test_a_checklist_with_no_choice_among_its_classification_questions_says_no_rapprochement(
    checklist: Checklist,
) -> None:
    own = dataclasses.replace(
        checklist, classification=tuple(q for q in checklist.classification if q.type != "choice")
    )
    sheet = Sheet(project={"title": "T"}, classification={"shares_resources": True})
    level = build_view(sheet, own, audit(sheet, own, [], TODAY), "fr").level
    assert (level.rapprochement, level.rapprochement_considered) == (None, False)
    assert [a.id for a in level.answers] == ["shares_resources"]


def test_a_finding_s_own_message_has_its_dates_in_words(checklist: Checklist) -> None:
    from coopwizard.audit.findings import Finding
    from coopwizard.core.message import Message

    said = Message(
        "trigger.short_preparation",
        {"date": "2026-10-04", "label": "Fête", "days": 3, "created": dt.date(2026, 9, 14), "min": 30},
    )
    result = dataclasses.replace(audit(Sheet(), checklist, [], TODAY), findings=(Finding("pitfall", "test", said),))
    [group] = build_view(Sheet(), checklist, result, "fr").findings
    assert group.items[0].text == (
        f"3 jours entre la fiche du 14 septembre 2026 et «{NNBSP}Fête{NNBSP}» le 4 octobre 2026 (moins de 30)"
    )


def test_cents_count_and_nothing_brought_is_no_line_in_the_budget(checklist: Checklist) -> None:
    sheet = Sheet(
        project={"title": "T"},
        partners=[{"name": "A", "brings_money": 0}, {"brings_money": 50}],  # the second with no name
        topics={
            "material_resources": TopicEntry(
                {
                    "existing": [{"item": "Timbre", "amount": 0.5, "provided_by": "La Poste"}],
                    "needed": [{"item": "Ficelle", "amount": 0.5}],
                }
            )
        },
    )
    budget = build_view(sheet, checklist, audit(Sheet(), checklist, [], TODAY), "fr").budget
    assert lines(budget.contributions) == [("", 50.0, f"50{NBSP}€", "")]
    assert lines(budget.existing) == [("Timbre", 0.5, f"0,50{NBSP}€", "La Poste")]
    assert lines(budget.needed) == [("Ficelle", 0.5, f"0,50{NBSP}€", "")]
    assert (budget.total_existing, budget.total_needed, budget.gap_text) == (
        f"50,50{NBSP}€",
        f"0,50{NBSP}€",
        f"0{NBSP}€",
    )


def test_a_milestone_whose_date_is_not_a_date_is_undated(checklist: Checklist) -> None:
    sheet = Sheet(
        project={"title": "T"},
        topics={"timeline": TopicEntry({"milestones": [{"date": "bientôt", "label": "Fête"}, {"label": "Bilan"}]})},
    )
    milestones = build_view(sheet, checklist, audit(Sheet(), checklist, [], TODAY), "fr").milestones
    assert [(m.date, m.date_text, m.label) for m in milestones] == [(None, "", "Fête"), (None, "", "Bilan")]
