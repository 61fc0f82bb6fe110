"""One whole French session of the wizard: the keys a person types, and the same answers as a file."""

from __future__ import annotations

import datetime as dt
from typing import Any

ENTER = "\r"
UP = "\x1b[A"
DOWN = "\x1b[B"
SPACE = " "
TODAY = dt.date.today()  # the wizard dates a new sheet today; the script follows
FIRST_MILESTONE = (TODAY + dt.timedelta(days=40)).isoformat()
HARVEST = (TODAY + dt.timedelta(days=220)).isoformat()  # a project that lasts: more than one event


def typed(text: str) -> str:
    return text + ENTER


YES = UP + ENTER  # a yes/no select starts on "Non" unless the default is yes
DEFAULT = ENTER

# The theme is not asked: only "territorial" is ticked.
PROJECT = [typed("Fête des Linandes"), typed("Une fête de quartier"), typed("Les Linandes"), SPACE + ENTER]
PARTNERS = [
    typed("Potagers"),
    typed("Awa"),
    typed("awa@example.org"),
    typed("parcelle"),
    typed(""),
    typed("800"),
    typed("jardiniers"),
    typed(""),
    DEFAULT,  # add another? (yes by default below two)
    typed("Club Ados"),
    typed("Karim"),
    typed(""),
    typed("sono"),
    typed(""),
    typed(""),
    typed("jeunes"),
    typed(""),
    DEFAULT,  # add another? (no by default from two on)
]
CLASSIFICATION = [YES, YES, YES, YES, DEFAULT, DEFAULT]  # ..., rapprochement: none; declared level: no name
NOW = DEFAULT
TOPICS = [
    [
        NOW,
        typed("Créer du lien entre voisins"),
        typed("Une fête par saison"),
        typed(""),
        typed("Une fête qui rassemble le quartier"),
        typed("Des chantiers le samedi"),
    ],
    [NOW, SPACE + ENTER, typed("")],
    [NOW, typed("Le jardin"), typed("Les affiches"), DEFAULT],
    [NOW, typed("Le comité"), DEFAULT, YES, typed("Chaque mois")],
    # Skills: what each association said it brings is offered; kept as it is, then availability typed.
    [NOW, DEFAULT, DEFAULT, typed("Samedi"), typed("Mercredi"), typed(""), typed("")],
    # Existing resources: the material partners bring, with who brings it, confirmed entry by entry.
    [NOW, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, typed(""), typed("")],
    [NOW, typed(FIRST_MILESTONE), typed("Premier chantier"), typed(HARVEST), typed("Fête des récoltes"), typed("")],
    [NOW, typed("Réunions"), typed("Affiches"), SPACE + ENTER],
    [NOW, DEFAULT, typed("")],
    [NOW, DEFAULT, typed("")],
    [NOW, typed("Fréquentation"), typed("Repas servis"), typed("")],
    [NOW, DOWN + ENTER, typed("Recommencer"), typed("")],  # outlook: renew the action (a cooperation lasts)
]
REVIEW = [DEFAULT]


def keys() -> list[str]:
    """Every prompt's keys, in order."""
    return PROJECT + PARTNERS + CLASSIFICATION + [k for topic in TOPICS for k in topic] + REVIEW


ANSWERS: dict[str, Any] = {
    "project": {
        "title": "Fête des Linandes",
        "summary": "Une fête de quartier",
        "territory": "Les Linandes",
        "scope": ["territorial"],
    },
    "partners": [
        {
            "name": "Potagers",
            "representative": "Awa",
            "contact": "awa@example.org",
            "brings_material": ["parcelle"],
            "brings_money": 800,
            "brings_people": ["jardiniers"],
        },
        {"name": "Club Ados", "representative": "Karim", "brings_material": ["sono"], "brings_people": ["jeunes"]},
    ],
    "classification": {
        "shares_resources": True,
        "shares_work": True,
        "shared_organisation": True,
        "beyond_one_event": True,
        "formal_rapprochement": "none",
    },
    "topics": {
        "purpose": {
            "reason": "Créer du lien entre voisins",
            "objectives": ["Une fête par saison"],
            "main_objective": "Une fête qui rassemble le quartier",
            "method": "Des chantiers le samedi",
        },
        "values": {"shared": ["solidarity"]},
        "responsibilities": {
            "missions": {"Potagers": "Le jardin", "Club Ados": "Les affiches"},
            "paid_services": False,
        },
        "governance": {
            "decision_makers": "Le comité",
            "decision_rule": "consensus",
            "committee": True,
            "meetings": "Chaque mois",
        },
        "human_resources": {
            "skills": {"Potagers": "jardiniers", "Club Ados": "jeunes"},
            "availability": {"Potagers": "Samedi", "Club Ados": "Mercredi"},
        },
        "material_resources": {
            "existing": [{"item": "parcelle", "provided_by": "Potagers"}, {"item": "sono", "provided_by": "Club Ados"}]
        },
        "timeline": {
            "milestones": [
                {"date": FIRST_MILESTONE, "label": "Premier chantier"},
                {"date": HARVEST, "label": "Fête des récoltes"},
            ]
        },
        "communication": {"internal": "Réunions", "external": "Affiches", "channels": ["meetings"]},
        "pricing": {"model": "free"},
        "surplus": {"distribution": "shared_equally"},
        "success_criteria": {"criteria": [{"criterion": "Fréquentation", "measure": "Repas servis"}]},
        "outlook": {"renewal": "renew", "next_actions": ["Recommencer"]},
    },
}
