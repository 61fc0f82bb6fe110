"""Realistic, varied project sheets for the benchmark: French text, 2 to 9 partners, some pitfalls."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

QUARTIERS = [
    "Axe Majeur-Horloge",
    "Les Linandes",
    "Saint-Christophe",
    "L'Orée du Bois",
    "Les Touleuses",
    "Le Hazay",
    "Les Hauts-de-Cergy",
    "Grand Centre",
    "Visitation",
    "Les Chênes",
]
ASSOCIATIONS = [
    "Les Potagers",
    "Club Ados",
    "Cuisine du Monde",
    "Vélo Solidaire",
    "Théâtre du Quartier",
    "Amicale des Locataires",
    "Parents d'Élèves",
    "Lire Ensemble",
    "Repair Café",
    "Danse Urbaine",
    "Femmes Relais",
    "Chorale des Voisins",
    "Jardin des Possibles",
    "Échecs Club",
    "Foot Citoyen",
]
PRENOMS = ["Awa", "Karim", "Lucia", "Mathieu", "Inès", "Jean-Pierre", "Fatou", "Nadia", "Paul", "Samira"]
OBJECTIFS = [
    "Créer du lien entre voisins",
    "Faire venir les jeunes",
    "Une fête par saison",
    "Partager nos locaux",
    "Mieux nous faire connaître",
    "Réduire le gaspillage",
    "Ouvrir le quartier aux familles",
    "Former des bénévoles",
    "Trouver des financements communs",
]


def make_sheet(rng: random.Random, index: int) -> dict[str, Any]:
    created = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(0, 300))
    partners = rng.sample(ASSOCIATIONS, rng.randint(2, 9))
    quartier = rng.choice(QUARTIERS)
    sheet: dict[str, Any] = {
        "format": 1,
        "project": {
            "title": f"Projet {index} — {quartier}",
            "summary": f"Un projet commun à {len(partners)} associations",
            "territory": f"{quartier}, Cergy",
            "scope": rng.choice([["territorial"], ["territorial", "thematic"]]),
            "created": created,
            "language": "fr",
        },
        "partners": [
            {
                "name": n,
                "representative": rng.choice(PRENOMS) if rng.random() > 0.1 else None,
                "contact": f"contact{i}@example.org",
                "brings_material": rng.sample(["salle", "barnums", "sono", "outils"], 2),
                "brings_money": rng.choice([0, 150, 300, 800]),
                "brings_people": ["bénévoles"],
            }
            for i, n in enumerate(partners)
        ],
        "classification": {
            "shares_resources": True,
            "shares_work": rng.random() > 0.3,
            "shared_organisation": rng.random() > 0.5,
            "beyond_one_event": rng.random() > 0.5,
            "formal_rapprochement": rng.choice(["none", "none", "ad_hoc_grouping"]),
        },
        "topics": {},
    }
    for p in sheet["partners"]:
        if p["representative"] is None:
            del p["representative"]
    topics = sheet["topics"]
    objectives = rng.sample(OBJECTIFS, rng.randint(1, 7))
    topics["purpose"] = {
        "status": "settled",
        "reason": "Le quartier manque de lieux où se retrouver ; " * rng.randint(1, 3),
        "objectives": objectives,
    }
    if rng.random() > 0.3:
        topics["purpose"]["main_objective"] = objectives[0]
    topics["values"] = {"shared": rng.sample(["solidarity", "openness", "ecology", "conviviality", "democracy"], 3)}
    topics["responsibilities"] = {
        "missions": {n: f"La part de {n}" for n in partners if rng.random() > 0.15},
        "paid_services": rng.random() > 0.9,
    }
    topics["governance"] = {
        "decision_makers": "Le comité",
        "decision_rule": rng.choice(["consensus", "consent", "majority_vote", "undecided"]),
        "committee": rng.random() > 0.4,
    }
    topics["human_resources"] = {"skills": {n: "Accueil, logistique" for n in partners}}
    topics["material_resources"] = {
        "existing": [{"item": "Salle polyvalente", "provided_by": partners[0]}],
        "needed": [
            {
                "item": "Scène",
                "amount": rng.choice([300, 1200, 5000]),
                **({"source": "Budget participatif"} if rng.random() > 0.4 else {}),
            }
        ],
    }
    topics["timeline"] = {
        "milestones": [
            {"date": created + dt.timedelta(days=rng.randint(5, 60) + 30 * k), "label": f"Étape {k + 1}"}
            for k in range(4)
        ]
    }
    if rng.random() > 0.2:
        topics["communication"] = {"internal": "Un groupe de messagerie", "external": "Affiches et presse locale"}
    if rng.random() > 0.3:
        topics["pricing"] = {"model": rng.choice(["free", "single_price", "sliding_scale"]), "details": "Tarif réduit"}
    if rng.random() > 0.5:
        topics["surplus"] = {"distribution": "reinvested"}
    topics["success_criteria"] = {
        "criteria": [
            {"criterion": "Fréquentation", "measure": "Entrées comptées"},
            {"criterion": "Qualité des échanges", "measure": "Bilan en comité"},
        ]
    }
    if rng.random() > 0.4:
        topics["outlook"] = {"renewal": "renew", "next_actions": ["Recommencer l'an prochain"]}
    return sheet


def write_sheets(directory: Path, count: int, seed: int = 2026) -> list[Path]:
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = directory / f"sheet-{index:04d}.yaml"
        path.write_text(yaml.safe_dump(make_sheet(rng, index), allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths.append(path)
    return paths
