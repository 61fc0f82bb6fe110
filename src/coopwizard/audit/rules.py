"""The rules a checklist refers to by name: pitfall detectors and practice checks.

The checklist holds the thresholds and says which answers a rule reads (as
"section.question" paths); each rule is a small function that returns the
triggers it found, each saying what in the sheet set it off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from coopwizard.core.message import PathPart
from coopwizard.guide.model import Checklist, PracticeCheck
from coopwizard.guide.types import is_answered
from coopwizard.sheet.model import Sheet


@dataclass
class Trigger:
    """What set a rule off: a message key, its parameters, and where in the sheet."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    path: tuple[PathPart, ...] = ()


@dataclass
class RuleContext:
    sheet: Sheet
    checklist: Checklist
    today: dt.date


RuleFunction = Callable[[RuleContext, Mapping[str, Any]], list[Trigger]]


@dataclass
class Param:
    """What a rule's parameter must be: a number, a list of ids, or answer path(s) to questions of given types."""

    kind: str  # "path" | "paths" | "number" | "ids"
    types: tuple[str, ...] = ()  # question types a path may name; () for any
    section: str | None = None  # "partner" when the path must name a partner question
    fields: tuple[str, ...] = ()  # for a list of records: the fields the rule reads


@dataclass
class PitfallRule:
    evaluate: RuleFunction
    params: Mapping[str, Param]


def sheet_path(answer_path: str) -> tuple[PathPart, ...]:
    """Where an answer path lives in the sheet: "purpose.reason" -> topics.purpose.reason."""
    section, _, question = answer_path.partition(".")
    if section in ("project", "classification"):
        return (section, question)
    if section == "partner":
        return ("partners",)
    return ("topics", section, question)


def _partner_value(partner: Mapping[str, Any], answer_path: str) -> Any:
    return partner.get(answer_path.partition(".")[2])


def _names(items: Sequence[str]) -> str:
    return ", ".join(items)


def _provider_relationship(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    sheet = ctx.sheet
    triggers = []
    if sheet.answer(params["paid_services"]) is True:
        triggers.append(Trigger("trigger.paid_services", {}, sheet_path(params["paid_services"])))
    missions = sheet.answer(params["missions"]) or {}
    contributions: list[str] = params["contributions"]

    def gives(partner: Mapping[str, Any]) -> bool:
        return bool(missions.get(partner["name"])) or any(
            is_answered(_partner_value(partner, path)) and _partner_value(partner, path) != 0 for path in contributions
        )

    givers = [p["name"] for p in sheet.partners if gives(p)]
    askers = [p["name"] for p in sheet.partners if not gives(p)]
    # Only once missions are shared out: before that, "no mission" is a topic still to complete.
    if missions and givers and askers:
        # Located at the missions: giving one is how the asker stops only asking.
        triggers.append(
            Trigger(
                "trigger.only_asks",
                {"askers": _names(askers), "providers": _names(givers)},
                sheet_path(params["missions"]),
            )
        )
    return triggers


def _dispersion(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    sheet = ctx.sheet
    triggers = []
    focused = is_answered(sheet.answer(params["focus"]))
    objectives = sheet.answer(params["objectives"]) or []
    if len(sheet.partners) > params["max_partners"] and not focused:
        triggers.append(
            Trigger(
                "trigger.many_partners",
                {"count": len(sheet.partners), "max": params["max_partners"]},
                sheet_path(params["focus"]),
            )
        )
    if len(objectives) > params["max_objectives"] and not focused:
        triggers.append(
            Trigger(
                "trigger.many_objectives",
                {"count": len(objectives), "max": params["max_objectives"]},
                sheet_path(params["objectives"]),
            )
        )
    unrepresented = [p["name"] for p in sheet.partners if not is_answered(_partner_value(p, params["representative"]))]
    if unrepresented:
        triggers.append(Trigger("trigger.no_representative", {"partners": _names(unrepresented)}, ("partners",)))
    missions = sheet.answer(params["missions"])
    if missions:
        idle = [name for name in sheet.partner_names() if not missions.get(name)]
        if idle:
            triggers.append(Trigger("trigger.no_mission", {"partners": _names(idle)}, sheet_path(params["missions"])))
    return triggers


def _unclear_purpose(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    triggers = []
    if not is_answered(ctx.sheet.answer(params["reason"])):
        triggers.append(Trigger("trigger.no_reason", {}, sheet_path(params["reason"])))
    if not is_answered(ctx.sheet.answer(params["objectives"])):
        triggers.append(Trigger("trigger.no_objectives", {}, sheet_path(params["objectives"])))
    return triggers


def _wishes_vs_means(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    sheet = ctx.sheet
    triggers = []
    needed: list[dict[str, Any]] = sheet.answer(params["needed_material"]) or []
    existing: list[dict[str, Any]] = sheet.answer(params["existing"]) or []
    brought = sum(float(p.get(params["money"].partition(".")[2]) or 0) for p in sheet.partners)
    brought += sum(float(e.get("amount") or 0) for e in existing)
    wanted = sum(float(n.get("amount") or 0) for n in needed)
    unsourced_money = [n for n in needed if n.get("amount") and not n.get("source")]
    if unsourced_money and wanted - brought > params["max_unfunded_amount"]:
        triggers.append(
            Trigger(
                "trigger.money_gap",
                {
                    "needed": _euros(wanted),
                    "brought": _euros(brought),
                    "items": _names([str(n.get("item", "?")) for n in unsourced_money]),
                },
                sheet_path(params["needed_material"]),
            )
        )
    unsourced_things = [str(n.get("item", "?")) for n in needed if not n.get("amount") and not n.get("source")]
    if unsourced_things:
        triggers.append(
            Trigger(
                "trigger.material_without_source",
                {"items": _names(unsourced_things)},
                sheet_path(params["needed_material"]),
            )
        )
    people: list[dict[str, Any]] = sheet.answer(params["needed_people"]) or []
    unsourced_people = [str(n.get("need", "?")) for n in people if not n.get("source")]
    if unsourced_people:
        triggers.append(
            Trigger(
                "trigger.people_without_source",
                {"items": _names(unsourced_people)},
                sheet_path(params["needed_people"]),
            )
        )
    return triggers


def _euros(amount: float) -> str:
    return f"{amount:,.0f}".replace(",", "\u202f") if amount.is_integer() else f"{amount:,.2f}".replace(",", "\u202f")


def _hasty_decisions(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    sheet = ctx.sheet
    triggers = []
    milestones: list[dict[str, Any]] = sheet.answer(params["milestones"]) or []
    dates = [m["date"] for m in milestones if isinstance(m.get("date"), dt.date)]
    if not milestones:
        triggers.append(Trigger("trigger.no_timeline", {}, sheet_path(params["milestones"])))
    elif dates:
        start = sheet.created or ctx.today
        first = min(dates)
        days = (first - start).days
        if days < params["min_days_to_first_milestone"]:
            triggers.append(
                Trigger(
                    "trigger.first_milestone_close",
                    {
                        "date": first.isoformat(),
                        "days": days,
                        "created": start.isoformat(),
                        "min": params["min_days_to_first_milestone"],
                    },
                    sheet_path(params["milestones"]),
                )
            )
    rule = sheet.answer(params["decision_rule"])
    if not is_answered(rule) or rule in params["undecided"]:
        triggers.append(Trigger("trigger.no_decision_rule", {}, sheet_path(params["decision_rule"])))
    return triggers


NUMBER = Param("number")
LIST = ("list",)

PITFALL_RULES: dict[str, PitfallRule] = {
    "provider_relationship": PitfallRule(
        _provider_relationship,
        {
            "missions": Param("path", ("per_partner",)),
            "paid_services": Param("path", ("yes_no",)),
            "contributions": Param("paths", section="partner"),
        },
    ),
    "dispersion": PitfallRule(
        _dispersion,
        {
            "max_partners": NUMBER,
            "max_objectives": NUMBER,
            "objectives": Param("path", LIST),
            "focus": Param("path"),
            "missions": Param("path", ("per_partner",)),
            "representative": Param("path", section="partner"),
        },
    ),
    "unclear_purpose": PitfallRule(_unclear_purpose, {"reason": Param("path"), "objectives": Param("path")}),
    "wishes_vs_means": PitfallRule(
        _wishes_vs_means,
        {
            "existing": Param("path", LIST, fields=("amount",)),
            "needed_material": Param("path", LIST, fields=("item", "amount", "source")),
            "needed_people": Param("path", LIST, fields=("need", "source")),
            "money": Param("path", ("amount",), section="partner"),
            "max_unfunded_amount": NUMBER,
        },
    ),
    "hasty_decisions": PitfallRule(
        _hasty_decisions,
        {
            "milestones": Param("path", LIST, fields=("date",)),
            "decision_rule": Param("path"),
            "undecided": Param("ids"),
            "min_days_to_first_milestone": NUMBER,
        },
    ),
}


# -- practice checks: True when the sheet already applies the practice -------------


def _every_partner_has(sheet: Sheet, answer_path: str) -> bool:
    if not sheet.partners:
        return False
    if answer_path.startswith("partner."):
        return all(is_answered(_partner_value(p, answer_path)) for p in sheet.partners)
    per_partner = sheet.answer(answer_path) or {}
    return all(per_partner.get(name) for name in sheet.partner_names())


def practice_applied(check: PracticeCheck, sheet: Sheet) -> bool:
    if check.rule == "answered":
        return all(is_answered(sheet.answer(p)) for p in check.paths)
    if check.rule == "is_yes":
        return all(sheet.answer(p) is True for p in check.paths)
    if check.rule == "every_partner":
        return all(_every_partner_has(sheet, p) for p in check.paths)
    if check.rule == "choice_in":
        return all(sheet.answer(p) in check.values for p in check.paths)
    raise ValueError(check.rule)  # the checklist loader only lets known rules through


# What each check may read: question types, and whether partner paths are allowed.
PRACTICE_CHECKS: dict[str, Param] = {
    "answered": Param("paths"),
    "is_yes": Param("paths", ("yes_no",)),
    "every_partner": Param("paths", ("per_partner", "text", "list", "amount")),
    "choice_in": Param("paths", ("choice",)),
}
