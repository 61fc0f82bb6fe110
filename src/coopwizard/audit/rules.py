"""The rules a checklist refers to by name: pitfalls, consistency checks and practice checks, one registry.

The checklist holds the thresholds and says which answers a rule reads (as
`section.question` paths, checked when it loads against guide/rule_specs.py);
each rule is a small function registered under its name with `@rule`, that
returns the triggers it found, each saying what in the sheet set it off. For a
practice check, a trigger is a path where the practice is not applied yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from coopwizard.audit.findings import Trigger
from coopwizard.core.message import Amount, Message
from coopwizard.guide.levels import Classification
from coopwizard.guide.model import Checklist
from coopwizard.guide.paths import AnswerPath
from coopwizard.guide.types import is_answered
from coopwizard.sheet.model import Sheet


@dataclass
class RuleContext:
    sheet: Sheet
    checklist: Checklist
    today: dt.date
    classification: Classification

    def answer(self, path: str) -> Any:
        return self.sheet.answer(AnswerPath.of(path))


RuleFunction = Callable[[RuleContext, Mapping[str, Any]], list[Trigger]]
RULES: dict[str, RuleFunction] = {}


def rule(name: str) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule under the name checklists use (and guide/rule_specs.py declares)."""

    def register(function: RuleFunction) -> RuleFunction:
        RULES[name] = function
        return function

    return register


def trigger(code: str, path: str | tuple[Any, ...], **params: Any) -> Trigger:
    """A trigger whose message key is trigger.<code>; the code is what the JSON output shows."""
    where = AnswerPath.of(path).in_sheet() if isinstance(path, str) else path
    return Trigger(code, Message(f"trigger.{code}", params), where)


def _partner_value(partner: Mapping[str, Any], answer_path: str) -> Any:
    return partner.get(AnswerPath.of(answer_path).question)


def _names(items: Sequence[str]) -> str:
    return ", ".join(items)


# -- pitfalls -------------------------------------------------------------------------


@rule("provider_relationship")
def provider_relationship(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    sheet = ctx.sheet
    triggers = []
    if ctx.answer(params["paid_services"]) is True:
        triggers.append(trigger("paid_services", params["paid_services"]))
    missions = ctx.answer(params["missions"]) or {}
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
        triggers.append(trigger("only_asks", params["missions"], askers=_names(askers), providers=_names(givers)))
    return triggers


@rule("dispersion")
def dispersion(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    sheet = ctx.sheet
    triggers = []
    focused = is_answered(ctx.answer(params["focus"]))
    objectives = ctx.answer(params["objectives"]) or []
    if len(sheet.partners) > params["max_partners"] and not focused:
        triggers.append(
            trigger("many_partners", params["focus"], count=len(sheet.partners), max=params["max_partners"])
        )
    if len(objectives) > params["max_objectives"] and not focused:
        triggers.append(
            trigger("many_objectives", params["objectives"], count=len(objectives), max=params["max_objectives"])
        )
    unrepresented = [p["name"] for p in sheet.partners if not is_answered(_partner_value(p, params["representative"]))]
    if unrepresented:
        triggers.append(trigger("no_representative", ("partners",), partners=_names(unrepresented)))
    missions = ctx.answer(params["missions"])
    if missions:
        idle = [name for name in sheet.partner_names() if not missions.get(name)]
        if idle:
            triggers.append(trigger("no_mission", params["missions"], partners=_names(idle)))
    return triggers


@rule("unclear_purpose")
def unclear_purpose(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    triggers = []
    if not is_answered(ctx.answer(params["reason"])):
        triggers.append(trigger("no_reason", params["reason"]))
    if not is_answered(ctx.answer(params["objectives"])):
        triggers.append(trigger("no_objectives", params["objectives"]))
    return triggers


@rule("wishes_vs_means")
def wishes_vs_means(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    sheet = ctx.sheet
    triggers = []
    needed: list[dict[str, Any]] = ctx.answer(params["needed_material"]) or []
    existing: list[dict[str, Any]] = ctx.answer(params["existing"]) or []
    brought = sum(float(_partner_value(p, params["money"]) or 0) for p in sheet.partners)
    brought += sum(float(e.get("amount") or 0) for e in existing)
    wanted = sum(float(n.get("amount") or 0) for n in needed)
    unsourced_money = [n for n in needed if n.get("amount") and not n.get("source")]
    if unsourced_money and wanted - brought > params["max_unfunded_amount"]:
        triggers.append(
            trigger(
                "money_gap",
                params["needed_material"],
                needed=Amount(wanted),
                brought=Amount(brought),
                items=_names([str(n.get("item", "?")) for n in unsourced_money]),
            )
        )
    unsourced_things = [str(n.get("item", "?")) for n in needed if not n.get("amount") and not n.get("source")]
    if unsourced_things:
        triggers.append(trigger("material_without_source", params["needed_material"], items=_names(unsourced_things)))
    people: list[dict[str, Any]] = ctx.answer(params["needed_people"]) or []
    unsourced_people = [str(n.get("need", "?")) for n in people if not n.get("source")]
    if unsourced_people:
        triggers.append(trigger("people_without_source", params["needed_people"], items=_names(unsourced_people)))
    return triggers


@rule("hasty_decisions")
def hasty_decisions(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    sheet = ctx.sheet
    triggers = []
    milestones: list[dict[str, Any]] = ctx.answer(params["milestones"]) or []
    dates = [m["date"] for m in milestones if isinstance(m.get("date"), dt.date)]
    if not milestones:
        triggers.append(trigger("no_timeline", params["milestones"]))
    elif dates:
        start = sheet.created or ctx.today
        first = min(dates)
        days = (first - start).days
        if days < params["min_days_to_first_milestone"]:
            triggers.append(
                trigger(
                    "first_milestone_close",
                    params["milestones"],
                    date=first.isoformat(),
                    days=days,
                    created=start.isoformat(),
                    min=params["min_days_to_first_milestone"],
                )
            )
    decision = ctx.answer(params["decision_rule"])
    if not is_answered(decision) or decision in params["undecided"]:
        triggers.append(trigger("no_decision_rule", params["decision_rule"]))
    return triggers


# -- consistency checks -------------------------------------------------------------------


@rule("premature_rapprochement")
def premature_rapprochement(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    """A formal rapprochement (a merger, a grouping) planned before the partnership cooperates."""
    planned = ctx.answer(params["rapprochement"])
    top = max(ctx.checklist.levels, key=lambda lv: lv.rank)
    reached = ctx.classification.level
    if planned in (None, *params["no_rapprochement"]) or (reached is not None and reached.rank >= top.rank):
        return []
    where = AnswerPath.of(params["rapprochement"]).in_sheet()
    return [Trigger("premature_rapprochement", Message("finding.premature_rapprochement", {"level": top.name}), where)]


# -- practice checks: a trigger for each path where the practice is not applied yet --------


def _every_partner_has(ctx: RuleContext, answer_path: str) -> bool:
    sheet = ctx.sheet
    if not sheet.partners:
        return False
    if AnswerPath.of(answer_path).is_partner:
        return all(is_answered(_partner_value(p, answer_path)) for p in sheet.partners)
    per_partner = ctx.answer(answer_path) or {}
    return all(per_partner.get(name) for name in sheet.partner_names())


def _not_applied(ctx: RuleContext, params: Mapping[str, Any], applied: Callable[[str], bool]) -> list[Trigger]:
    paths: list[str] = list(params["paths"])
    message = Message("trigger.practice_not_applied")
    return [Trigger("practice_not_applied", message, AnswerPath.of(p).in_sheet(), p) for p in paths if not applied(p)]


@rule("answered")
def answered(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    return _not_applied(ctx, params, lambda p: is_answered(ctx.answer(p)))


@rule("is_yes")
def is_yes(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    return _not_applied(ctx, params, lambda p: ctx.answer(p) is True)


@rule("every_partner")
def every_partner(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    return _not_applied(ctx, params, lambda p: _every_partner_has(ctx, p))


@rule("choice_in")
def choice_in(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    return _not_applied(ctx, params, lambda p: ctx.answer(p) in params["values"])
