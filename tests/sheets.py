"""Sheets written by hand, each to fall into one pitfall (and as little else as possible)."""

from __future__ import annotations

from typing import Any

import yaml

from tests.conftest import EXAMPLE


def example() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    return data


def as_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def provider_relationship() -> dict[str, Any]:
    data = example()
    data["topics"]["responsibilities"]["paid_services"] = True
    return data


def provider_only_asks() -> dict[str, Any]:
    """Cuisine du Monde only brings money, and every mission is the Potagers'."""
    data = example()
    cuisine = data["partners"][2]
    for key in ("brings_material", "brings_people"):
        del cuisine[key]
    cuisine["brings_money"] = 400
    missions = data["topics"]["responsibilities"]["missions"]
    del missions["Cuisine du Monde Cergy"]
    del missions["Club Ados Linandes"]
    return data


def dispersion() -> dict[str, Any]:
    data = example()
    del data["partners"][1]["representative"]
    return data


def unclear_purpose() -> dict[str, Any]:
    data = example()
    data["topics"]["purpose"] = {"status": "to_complete", "main_objective": "Un jardin"}
    return data


def wishes_vs_means() -> dict[str, Any]:
    data = example()
    data["topics"]["material_resources"]["needed"].append({"item": "Scène couverte", "amount": 5000})
    return data


def hasty_decisions() -> dict[str, Any]:
    """The whole programme squeezed into the three weeks after the sheet, with no way of deciding agreed."""
    data = example()
    data["topics"]["timeline"]["milestones"] = [
        {"date": "2026-09-20", "label": "Premier comité"},
        {"date": "2026-10-04", "label": "Fête des récoltes"},
    ]
    data["topics"]["governance"]["decision_rule"] = "undecided"
    return data


PITFALL_SHEETS = {
    "provider_relationship": provider_relationship,
    "dispersion": dispersion,
    "unclear_purpose": unclear_purpose,
    "wishes_vs_means": wishes_vs_means,
    "hasty_decisions": hasty_decisions,
}
