"""Issue 8: judgments a coordinator can trust. Each observation of the issue, and each threshold and
phrase the rules read from the checklist, tried on both sides (thresholds at the value, one below, one above)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from coopwizard.audit.engine import audit
from coopwizard.audit.phrases import is_placeholder, normalise
from coopwizard.guide.model import Checklist
from coopwizard.sheet.parse import parse_sheet
from tests import sheets
from tests.helpers import coop, french

SCENARIOS = Path(__file__).parent / "scenarios"


def _params(checklist: Checklist, rule_id: str) -> dict[str, Any]:
    for entry in (*checklist.pitfalls, *checklist.consistency):
        if entry.id == rule_id:
            return dict(entry.params)
    raise AssertionError(rule_id)


def _codes(data: dict[str, Any], checklist: Checklist, rule_id: str) -> list[str]:
    """The trigger codes of one pitfall or check on this sheet ([] when it is not raised)."""
    sheet, issues = parse_sheet(data, checklist, "test")
    result = audit(sheet, checklist, issues, today=dt.date(2026, 9, 14))
    return [t.code for f in result.findings if f.rule == rule_id for t in f.triggers]


def _text(run_out: str) -> str:
    return run_out.replace("\u202f", " ").replace("\xa0", " ")


def _json(path: Path, *extra: str) -> dict[str, Any]:
    run = coop("check", "--format", "json", *extra, str(path))
    entry: dict[str, Any] = json.loads(run.out)["files"][0]
    return entry


def _rules(entry: dict[str, Any], kind: str) -> list[str]:
    return [f["rule"] for f in entry["findings"] if f["kind"] == kind]


# -- the observations of the issue ------------------------------------------------------


def test_a_one_day_one_off_event_with_every_box_ticked_is_not_a_cooperation() -> None:
    sheet = SCENARIOS / "22_tout_coche_ponctuel.yaml"
    run = coop("check", "--lang", "fr", str(sheet))
    run.out = _text(run.out)
    assert run.code == 1
    assert "  Niveau : ●●○ Collaboration — « travailler ensemble »" in run.out
    assert "  Les réponses annoncent : ●●● Coopération" in run.out
    assert (
        f"    {sheet}:23:3: [attention] « oui » à « Le projet est-il mené dans la durée, au-delà d'un événement "
        "particulier ? », mais la fiche ne montre qu'un événement (one_event_only)"
    ) in run.out
    assert f"      contredit par : {sheet}:41:5 (topics.outlook.renewal)" in run.out
    assert "au-delà d'un événement particulier." in run.out  # the guide, quoted as advice
    entry = _json(sheet)
    assert entry["level"]["reached"] == "cooperation"
    assert entry["level"]["supported"]["level"] == "collaboration"
    assert entry["level"]["supported"]["contradicted"] == ["shared_organisation", "beyond_one_event"]
    one_event = next(f for f in entry["findings"] if f["rule"] == "one_event_only")
    assert one_event["ends"] == [
        {"path": "classification.beyond_one_event", "line": 23, "column": 3},
        {"path": "topics.outlook.renewal", "line": 41, "column": 5},
        {"path": "topics.timeline.milestones", "line": 38, "column": 5},
    ]
    apart = next(f for f in entry["findings"] if f["rule"] == "organised_apart")
    assert [t["code"] for t in apart["triggers"]] == ["decide_apart", "no_committee"]


def test_a_paid_sound_system_is_not_a_collaboration() -> None:
    entry = _json(SCENARIOS / "07_sono_payee.yaml", "--lang", "fr")
    assert entry["level"]["supported"]["level"] == "mutualisation"
    work = next(f for f in entry["findings"] if f["rule"] == "work_not_shared")
    assert [t["code"] for t in work["triggers"]] == ["work_paid_for", "one_side_works"]
    provider = next(f for f in entry["findings"] if f["rule"] == "provider_relationship")
    assert [t["message"] for t in provider["triggers"]] == [
        "Comité des fêtes de Jouy paie Son'Asso pour sa part du travail"
    ]


def test_nobody_paid_is_dispersion_not_a_service_and_a_purchase_is_not_dispersion() -> None:
    collective = _json(SCENARIOS / "09_collectif_9.yaml")
    assert _rules(collective, "pitfall") == ["dispersion"]
    dispersion = next(f for f in collective["findings"] if f["rule"] == "dispersion")
    assert [t["code"] for t in dispersion["triggers"]] == [
        "many_partners",
        "many_objectives",
        "no_representative",
        "no_mission",
    ]
    purchase = _json(SCENARIOS / "07_sono_payee.yaml")
    assert _rules(purchase, "pitfall") == ["provider_relationship"]


@pytest.mark.parametrize(
    ("source", "said"),
    [("à trouver", "Sono"), ("On cherchera des sponsors ou une subvention", "Sono"), ("TBD", "Sono")],
)
def test_a_placeholder_source_is_no_source(source: str, said: str, write: Callable[..., Path]) -> None:
    data = sheets.example()
    data["topics"]["material_resources"]["needed"].append({"item": "Sono", "amount": 2000, "source": source})
    run = coop("check", "--lang", "en", str(write("source.yaml", sheets.as_yaml(data))))
    assert run.code == 1
    assert f"2,750 € needed, 1,600 € brought, and no source for: {said}" in _text(run.out)


def test_a_purpose_that_is_only_the_town_halls_demand_is_unclear() -> None:
    sheet = SCENARIOS / "11_mairie_demande.yaml"
    run = coop("check", "--lang", "fr", str(sheet))
    run.out = _text(run.out)
    assert run.code == 1
    assert (
        "      parce que : la raison n'est qu'une demande extérieure : « Parce que la mairie l'a demandé »" in run.out
    )
    assert "      parce que : les objectifs répètent la raison ou le titre, sans dire ce qui est recherché" in run.out


def test_an_early_planning_meeting_is_not_hasty_and_neither_is_a_timeline_to_complete(
    write: Callable[..., Path],
) -> None:
    assert "hasty_decisions" not in _rules(_json(SCENARIOS / "19_reunion_tot.yaml"), "pitfall")
    data = sheets.example()
    data["topics"]["timeline"] = {"status": "to_complete"}
    entry = _json(write("later.yaml", sheets.as_yaml(data)))
    assert _rules(entry, "pitfall") == []
    assert entry["coverage"]["to_complete"] == ["timeline"]


def test_money_brought_and_listed_again_is_counted_once() -> None:
    run = coop("check", "--lang", "fr", str(SCENARIOS / "16_argent_compte_une_fois.yaml"))
    assert "3 500 € nécessaires, 2 000 € apportés, et aucune source pour : Car aller-retour" in _text(run.out)


def test_one_association_deciding_for_the_others_is_said_as_answered(write: Callable[..., Path]) -> None:
    data = sheets.example()
    data["topics"]["governance"]["decision_rule"] = "lead_partner"
    run = coop("check", "--strict", "--lang", "fr", str(write("lead.yaml", sheets.as_yaml(data))))
    run.out = _text(run.out)
    assert run.code == 1
    assert (
        "      parce que : une association décide pour les autres : le guide demande une prise de décision démocratique"
        in run.out
    )
    assert "à préciser : Comment les décisions sont-elles prises ?" not in run.out


def test_a_declared_level_in_answers_is_kept_and_compared(tmp_path: Path) -> None:
    answers = yaml.safe_load((SCENARIOS / "28_forum_answers.answers.yaml").read_text(encoding="utf-8"))
    answers["classification"]["level"] = "cooperation"
    source = tmp_path / "answers.yaml"
    source.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    target = tmp_path / "sheet.yaml"
    assert coop("new", "--answers", str(source), "-o", str(target)).code == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["classification"]["level"] == "cooperation"
    run = coop("check", "--lang", "fr", str(target))
    run.out = _text(run.out)
    assert run.code == 1
    assert (
        "[attention] vous l'appelez « Coopération » ; la fiche montre « Collaboration » (level_unsupported)" in run.out
    )
    assert (
        "      parce que : pas de « oui » à : Le projet est-il mené dans la durée, au-delà d'un événement particulier ?"
        in run.out
    )
    assert "  Vous l'appelez : Coopération" in run.out


def test_a_level_called_lower_than_the_sheet_shows_is_understated(write: Callable[..., Path]) -> None:
    data = sheets.example()
    data["classification"]["level"] = "mutualisation"
    run = coop("check", "--lang", "en", str(write("modest.yaml", sheets.as_yaml(data))))
    assert run.code == 1
    assert 'you call it "Pooling"; the sheet already shows "Cooperation" (level_understated)' in run.out


def test_the_example_stays_clean() -> None:
    run = coop("check", "--lang", "en", "--strict", "docs/examples/linandes.yaml")
    assert run.code == 0
    assert "Nothing to report." in run.out


# -- placeholders ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "à trouver",
        "A TROUVER",
        "a trouvé",
        "À définir ensemble",
        "on verra",
        "Pas encore",
        "plus tard",
        "je sais pas",
        "?",
        "…",
        "...",
        "TBD",
        "to be found",
        "Not yet",
    ],
)
def test_placeholders_are_found_whatever_the_case_accents_or_a_typo(text: str, checklist: Checklist) -> None:
    assert is_placeholder(text, checklist.placeholders)


@pytest.mark.parametrize(
    "text",
    [
        "Budget participatif de Cergy",
        "Subvention demandée à la CAF en mars",
        "Plus tard que prévu, en juillet avec la mairie",
        "Pas de tarif : gratuité totale pour tous",
        "0",
    ],
)
def test_answers_are_not_placeholders(text: str, checklist: Checklist) -> None:
    assert not is_placeholder(text, checklist.placeholders)


def test_normalise_folds_case_accents_and_punctuation() -> None:
    assert normalise("  À Définir !  L’équipe…") == "a definir l equipe"


def test_a_placeholder_makes_its_topic_to_complete_and_says_where(write: Callable[..., Path]) -> None:
    data = sheets.example()
    data["topics"]["governance"]["decision_makers"] = "À définir"
    path = write("placeholder.yaml", sheets.as_yaml(data))
    entry = _json(path, "--lang", "fr")
    assert entry["coverage"]["to_complete"] == ["governance"]
    finding = next(f for f in entry["findings"] if f["rule"] == "placeholder_answer")
    assert finding["message"] == french("« À définir » n'est pas encore une réponse : Qui prend les décisions ?")
    assert finding["path"] == "topics.governance.decision_makers"


def test_users_can_add_placeholders(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = (Path(__file__).resolve().parents[1] / "checklists" / "default.yaml").read_text(encoding="utf-8")
    custom = tmp_path / "custom.yaml"
    custom.write_text(text.replace("fr: [à trouver,", "fr: [en attente de la mairie, à trouver,"), encoding="utf-8")
    data = sheets.example()
    data["topics"]["governance"]["decision_makers"] = "En attente de la mairie"
    path = write("wait.yaml", sheets.as_yaml(data))
    assert coop("check", str(path)).code == 0
    assert coop("check", "--checklist", str(custom), str(path)).code == 1


def test_a_placeholder_list_without_english_is_refused(tmp_path: Path) -> None:
    text = (Path(__file__).resolve().parents[1] / "checklists" / "default.yaml").read_text(encoding="utf-8")
    custom = tmp_path / "custom.yaml"
    start = text.index("  en: [TBD")
    custom.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    run = coop("topics", "--checklist", str(custom))
    assert run.code == 2
    assert '"placeholders.en"' in run.err


# -- thresholds, read from the checklist, at the value, one below and one above -----------


def _partners(count: int, represented: bool = True) -> list[dict[str, Any]]:
    return [
        {"name": f"Association {i}", **({"representative": f"Personne {i}"} if represented else {})}
        for i in range(count)
    ]


@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_max_partners(delta: int, checklist: Checklist) -> None:
    limit = int(_params(checklist, "dispersion")["max_partners"])
    data = sheets.example()
    data["partners"] = _partners(limit + delta)
    data["topics"]["responsibilities"]["missions"] = {p["name"]: "Une mission" for p in data["partners"]}
    del data["topics"]["purpose"]["main_objective"]
    assert ("many_partners" in _codes(data, checklist, "dispersion")) is (delta > 0)


@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_max_objectives(delta: int, checklist: Checklist) -> None:
    limit = int(_params(checklist, "dispersion")["max_objectives"])
    data = sheets.example()
    data["topics"]["purpose"]["objectives"] = [f"Objectif numéro {i}" for i in range(limit + delta)]
    del data["topics"]["purpose"]["main_objective"]
    assert ("many_objectives" in _codes(data, checklist, "dispersion")) is (delta > 0)


@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_min_partners(delta: int, checklist: Checklist) -> None:
    limit = int(_params(checklist, "dispersion")["min_partners"])
    data = sheets.example()
    data["partners"] = _partners(limit + delta)
    del data["partners"][0]["representative"]
    data["topics"]["responsibilities"]["missions"] = {p["name"]: "Une mission" for p in data["partners"]}
    assert ("no_representative" in _codes(data, checklist, "dispersion")) is (delta >= 0)


@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_max_other_words(delta: int, checklist: Checklist) -> None:
    limit = int(_params(checklist, "unclear_purpose")["max_other_words"])
    extra = ["jardin", "voisins", "jeunes", "quartier", "familles"][: limit + delta]
    data = sheets.example()
    data["topics"]["purpose"]["reason"] = " ".join(["La mairie l'a demandé", *extra])
    assert ("outside_demand" in _codes(data, checklist, "unclear_purpose")) is (delta <= 0)


@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_max_unfunded_amount(delta: int, checklist: Checklist) -> None:
    limit = float(_params(checklist, "wishes_vs_means")["max_unfunded_amount"])
    data = sheets.example()
    # The example brings 800 + 300 € from partners and 500 € listed as existing; needs 750 €, all sourced.
    amount = 1600 - 750 + limit + delta
    data["topics"]["material_resources"]["needed"].append({"item": "Chapiteau", "amount": amount})
    assert ("money_gap" in _codes(data, checklist, "wishes_vs_means")) is (delta > 0)


@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_min_days_to_last_milestone(delta: int, checklist: Checklist) -> None:
    limit = int(_params(checklist, "hasty_decisions")["min_days_to_last_milestone"])
    data = sheets.example()
    created = data["project"]["created"]
    data["topics"]["timeline"]["milestones"] = [{"date": created + dt.timedelta(days=limit + delta), "label": "Fête"}]
    data["topics"]["governance"]["decision_rule"] = "undecided"
    assert ("short_preparation" in _codes(data, checklist, "hasty_decisions")) is (delta < 0)


@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_max_unsettled_topics(delta: int, checklist: Checklist) -> None:
    limit = int(_params(checklist, "hasty_decisions")["max_unsettled_topics"])
    data = sheets.example()
    created = data["project"]["created"]
    data["topics"]["timeline"]["milestones"] = [{"date": created + dt.timedelta(days=10), "label": "Fête"}]
    for topic in ["values", "pricing", "surplus", "success_criteria", "communication"][: limit + delta]:
        data["topics"][topic] = {"status": "to_complete"}
    assert ("short_preparation" in _codes(data, checklist, "hasty_decisions")) is (delta > 0)


@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_max_span_days(delta: int, checklist: Checklist) -> None:
    limit = int(_params(checklist, "one_event_only")["max_span_days"])
    data = sheets.example()
    created = data["project"]["created"]
    first = created + dt.timedelta(days=60)
    data["topics"]["timeline"]["milestones"] = [
        {"date": first, "label": "Montage"},
        {"date": first + dt.timedelta(days=limit + delta), "label": "Démontage"},
    ]
    data["topics"]["outlook"] = {"renewal": "undecided"}
    assert ("one_day_timeline" in _codes(data, checklist, "one_event_only")) is (delta <= 0)


# -- phrases the checks read, in both languages and with typos ----------------------------


@pytest.mark.parametrize(
    ("makers", "apart"),
    [
        ("Chaque association décide pour son activité", True),
        ("chaque asso decide de son coté", True),
        ("Chacun décide pour son stand", True),
        ("Each association decides for its own stall", True),
        ("Le comité décide de tout, au consentement", False),
        ("Le comité, un représentant par association", False),
        ("Les trois présidentes ensemble", False),
    ],
)
def test_governance_phrases(makers: str, apart: bool, checklist: Checklist) -> None:
    data = sheets.example()
    data["topics"]["governance"]["decision_makers"] = makers
    assert ("decide_apart" in _codes(data, checklist, "organised_apart")) is apart


@pytest.mark.parametrize(
    ("reason", "outside"),
    [
        ("Parce que la mairie l'a demandé", True),
        ("La mairie nous l'a demandé", True),
        ("On nous l'a demandé", True),
        ("Pour la subvension", True),
        ("Because the town hall asked", True),
        ("La mairie nous a demandé d'agir, et les jeunes du quartier n'ont aucun lieu le soir", False),
        ("Le quartier manque de lieux où voisins et familles se rencontrent", False),
    ],
)
def test_outside_demand_phrases(reason: str, outside: bool, checklist: Checklist) -> None:
    data = sheets.example()
    data["topics"]["purpose"]["reason"] = reason
    assert ("outside_demand" in _codes(data, checklist, "unclear_purpose")) is outside


@pytest.mark.parametrize(
    ("mission", "pays"),
    [
        ("Paie la sono et le technicien (400 €)", True),
        ("Paye la prestation", True),
        ("Pays Music Makers 400 €", True),
        ("Paie les courses et tient la buvette avec ses bénévoles", False),
        ("Installe la sono et assure le son", False),
    ],
)
def test_paying_missions(mission: str, pays: bool, checklist: Checklist) -> None:
    data = sheets.example()
    missions = data["topics"]["responsibilities"]["missions"]
    missions["Cuisine du Monde Cergy"] = mission
    del missions["Club Ados Linandes"]
    assert ("only_asks" in _codes(data, checklist, "provider_relationship")) is pays
