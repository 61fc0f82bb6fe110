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
from typing import Any

from coopwizard.audit.findings import Trigger
from coopwizard.audit.phrases import (
    contains,
    content_words,
    is_only,
    knows,
    phrase_list,
    restates,
    vocabulary,
    word_matches,
)
from coopwizard.core.message import Amount, Message
from coopwizard.core.records import slim_dataclass
from coopwizard.guide.levels import Classification
from coopwizard.guide.model import Checklist
from coopwizard.guide.paths import AnswerPath
from coopwizard.guide.types import is_answered
from coopwizard.sheet.model import Sheet


@slim_dataclass
class RuleContext:
    """What every rule reads: the sheet (placeholders taken out), its checklist, the day and its level."""

    sheet: Sheet
    checklist: Checklist
    today: dt.date
    classification: Classification
    unsettled: tuple[str, ...] = ()  # topic ids not settled yet (to complete or missing)

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


# -- who pays whom: read by provider_relationship and the shares_work check ------------------


def _mission_of(missions: Mapping[str, Any], name: str) -> str:
    value = missions.get(name)
    return str(value) if is_answered(value) else ""


def _money(partner: Mapping[str, Any], path: str) -> float:
    value = _partner_value(partner, path)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


PAYING_EXTRA_WORDS = 3  # « Paie la sono et le technicien » pays; « Paie les courses et tient la buvette » works


@slim_dataclass
class Sides:
    """Who works and who only pays, from the missions and what each partner brings."""

    workers: list[str]  # partners with a mission that is more than paying
    payers: list[str]  # partners whose mission is to pay, or who bring only money
    idle: list[str]  # partners with no mission at all


def sides(ctx: RuleContext, missions_path: str, money_path: str, contributions: Sequence[str], paying: Any) -> Sides:
    missions = ctx.answer(missions_path) or {}
    phrases = phrase_list(paying)
    workers, payers, idle = [], [], []
    for partner in ctx.sheet.partners:
        name = str(partner["name"])
        mission = _mission_of(missions, name)
        brings_other = any(is_answered(_partner_value(partner, p)) for p in contributions)
        if mission and is_only(mission, phrases, extra_words=PAYING_EXTRA_WORDS):
            payers.append(name)
        elif mission:
            workers.append(name)
        elif _money(partner, money_path) > 0 and not brings_other:
            payers.append(name)
            idle.append(name)
        else:
            idle.append(name)
    return Sides(workers, payers, idle)


# -- pitfalls -------------------------------------------------------------------------


@rule("provider_relationship")
def provider_relationship(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    """A payer and a payee: a paid service, or one partner holding every mission while another only pays."""
    who = sides(ctx, params["missions"], params["money"], params["contributions"], params["paying_phrases"])
    payers = [p for p in who.payers if p not in who.workers]
    if ctx.answer(params["paid_services"]) is True:
        if payers and who.workers:
            return [
                trigger(
                    "paid_services_between", params["paid_services"], payers=_names(payers), payees=_names(who.workers)
                )
            ]
        return [trigger("paid_services", params["paid_services"])]
    # Missing missions alone are not this pitfall (dispersion says it): a payer is needed.
    if payers and len(who.workers) == 1:
        return [trigger("only_asks", params["missions"], askers=_names(payers), providers=_names(who.workers))]
    return []


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
    # Between two associations, a missing contact or mission is a practice to apply, not dispersion.
    if len(sheet.partners) < params["min_partners"]:
        return triggers
    unrepresented = [p["name"] for p in sheet.partners if not is_answered(_partner_value(p, params["representative"]))]
    if unrepresented:
        triggers.append(trigger("no_representative", ("partners",), partners=_names(unrepresented)))
    missions = ctx.answer(params["missions"])
    if missions:
        idle = [name for name in sheet.partner_names() if not is_answered(missions.get(name))]
        if idle:
            triggers.append(trigger("no_mission", params["missions"], partners=_names(idle)))
    return triggers


def only_outside_demand(text: str, params: Mapping[str, Any]) -> bool:
    """« Parce que la mairie l'a demandé », « pour la subvention »: a demand from outside and little else."""
    demand = phrase_list(params["demand_words"])
    meaningful = content_words(text)
    if not any(knows(w, vocabulary(demand)) for w in meaningful):
        return False
    known = vocabulary((*demand, *phrase_list(params["outside_words"])))
    others = [w for w in meaningful if not knows(w, known)]
    return bool(len(others) <= params["max_other_words"])


@rule("unclear_purpose")
def unclear_purpose(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    if AnswerPath.of(params["reason"]).section not in ctx.sheet.topics:
        return []  # the purpose is not written at all: "topic missing" says it
    triggers = []
    reason = ctx.answer(params["reason"])
    objectives = ctx.answer(params["objectives"])
    if not is_answered(reason):
        triggers.append(trigger("no_reason", params["reason"]))
    elif only_outside_demand(str(reason), params):
        triggers.append(trigger("outside_demand", params["reason"], reason=str(reason)))
    if not is_answered(objectives):
        triggers.append(trigger("no_objectives", params["objectives"]))
    else:
        items = [str(o) for o in objectives] if isinstance(objectives, list) else [str(objectives)]
        said = [str(x) for x in (reason, ctx.answer(params["title"])) if is_answered(x)]
        if said and all(restates(o, said) or only_outside_demand(o, params) for o in items):
            triggers.append(trigger("objectives_restate", params["objectives"]))
    if not any(is_answered(ctx.answer(p)) for p in params["object"]):
        triggers.append(trigger("no_object", params["object"][0]))
    # No object sentence alone is a detail; with another sign, it is part of the pitfall.
    return triggers if any(t.code != "no_object" for t in triggers) else []


def _names_partner(text: str, partners: Sequence[str]) -> str | None:
    """The partner a "provided by" text names, if any: its name, or two of its name's words (typos tolerated).

    « MJ et Arts et Cultures » names « Association Arts et Cultures du monde »;
    « Ville de Cergy » does not name « Cuisine du Monde Cergy » (one word only).
    """
    said = content_words(text)
    for name in partners:
        if contains(text, [name]):
            return name
        own = content_words(name)
        present = sum(1 for w in own if any(word_matches(x, w) for x in said))
        if own and present >= min(2, len(own)):
            return name
    return None


def unsure(source: Any, params: Mapping[str, Any]) -> bool:
    """No source, or one that is only a hope: « On cherchera des sponsors »."""
    return not is_answered(source) or contains(str(source), phrase_list(params["unsure_sources"]))


@rule("wishes_vs_means")
def wishes_vs_means(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    """Needs against means, every sum counted once.

    The partners' `money` is authoritative for what they bring: an existing
    resource "provided by" a partner who gives an amount there is the same
    money listed again, and is not added a second time.
    """
    sheet = ctx.sheet
    triggers = []
    needed: list[dict[str, Any]] = ctx.answer(params["needed_material"]) or []
    existing: list[dict[str, Any]] = ctx.answer(params["existing"]) or []
    paying = [str(p["name"]) for p in sheet.partners if is_answered(_partner_value(p, params["money"]))]
    brought = sum(_money(p, params["money"]) for p in sheet.partners)
    for item in existing:
        amount = item.get("amount")
        if not isinstance(amount, int | float) or not amount:
            continue
        by = item.get("provided_by")
        if is_answered(by) and _names_partner(str(by), paying):
            continue  # that partner's money, already counted
        brought += float(amount)
    wanted = sum(float(n.get("amount") or 0) for n in needed)
    unsourced_money = [n for n in needed if n.get("amount") and unsure(n.get("source"), params)]
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
    unsourced_things = [
        str(n.get("item", "?")) for n in needed if not n.get("amount") and unsure(n.get("source"), params)
    ]
    if unsourced_things:
        triggers.append(trigger("material_without_source", params["needed_material"], items=_names(unsourced_things)))
    people: list[dict[str, Any]] = ctx.answer(params["needed_people"]) or []
    unsourced_people = [str(n.get("need", "?")) for n in people if unsure(n.get("source"), params)]
    if unsourced_people:
        triggers.append(trigger("people_without_source", params["needed_people"], items=_names(unsourced_people)))
    return triggers


@rule("hasty_decisions")
def hasty_decisions(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    """Too little time to prepare what is planned, with much still open: not an early first meeting."""
    sheet = ctx.sheet
    milestones: list[dict[str, Any]] = ctx.answer(params["milestones"]) or []
    dated = [m for m in milestones if isinstance(m.get("date"), dt.date)]
    if not dated:
        return []  # no schedule yet: the timeline topic says it
    start = sheet.created or ctx.today
    last = max(dated, key=lambda m: m["date"])
    days = (last["date"] - start).days
    if days < 0 or days >= params["min_days_to_last_milestone"]:
        return []  # a sheet written after the event, or time enough
    decision = ctx.answer(params["decision_rule"])
    undecided = not is_answered(decision) or decision in params["undecided"]
    unsettled = [t.label for t in ctx.checklist.topics if t.id in ctx.unsettled]
    if not undecided and len(unsettled) <= params["max_unsettled_topics"]:
        return []
    triggers = [
        trigger(
            "short_preparation",
            params["milestones"],
            date=last["date"].isoformat(),
            label=str(last.get("label") or last["date"].isoformat()),
            days=days,
            created=start.isoformat(),
            min=params["min_days_to_last_milestone"],
        )
    ]
    if len(unsettled) > params["max_unsettled_topics"]:
        triggers.append(trigger("unsettled_topics", params["milestones"], topics=unsettled))
    if undecided:
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


# -- claim checks: a "yes" to a classification question against the topics that show it ----
# Each returns the evidence against the claim (none when the claim is not "yes"); the
# engine makes one inconsistency of it, naming both answers, and leaves the claim out of
# the level the sheet supports.


def _claimed(ctx: RuleContext, params: Mapping[str, Any]) -> bool:
    return ctx.answer(params["claim"]) is True


@rule("claim_beyond_one_event")
def claim_beyond_one_event(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    if not _claimed(ctx, params):
        return []
    renewal = ctx.answer(params["renewal"])
    next_actions = ctx.answer(params["next_actions"])
    if is_answered(next_actions) or renewal in params["lasting"]:
        return []  # the outlook names what comes after
    found = []
    if renewal in params["one_off"]:
        found.append(trigger("one_off_outlook", params["renewal"]))
    milestones: list[dict[str, Any]] = ctx.answer(params["milestones"]) or []
    dates = sorted(m["date"] for m in milestones if isinstance(m.get("date"), dt.date))
    if dates and (dates[-1] - dates[0]).days <= params["max_span_days"]:
        found.append(
            trigger("one_day_timeline", params["milestones"], first=dates[0].isoformat(), last=dates[-1].isoformat())
        )
    return found


@rule("claim_shared_organisation")
def claim_shared_organisation(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    if not _claimed(ctx, params):
        return []
    found = []
    decision = ctx.answer(params["decision_rule"])
    if decision in params["one_decides"]:
        found.append(trigger("one_decides", params["decision_rule"]))
    makers = ctx.answer(params["decision_makers"])
    if is_answered(makers) and contains(str(makers), phrase_list(params["apart_phrases"])):
        found.append(trigger("decide_apart", params["decision_makers"], text=str(makers)))
    if ctx.answer(params["committee"]) is False and decision not in params["shared_rules"]:
        found.append(trigger("no_committee", params["committee"]))
    return found


@rule("claim_shares_work")
def claim_shares_work(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    if not _claimed(ctx, params):
        return []
    found = []
    if ctx.answer(params["paid_services"]) is True:
        found.append(trigger("work_paid_for", params["paid_services"]))
    if len(ctx.sheet.partners) >= 2 and ctx.answer(params["missions"]):
        who = sides(ctx, params["missions"], params["money"], params["contributions"], params["paying_phrases"])
        if len(who.workers) == 1:
            others = [n for n in ctx.sheet.partner_names() if n not in who.workers]
            found.append(trigger("one_side_works", params["missions"], worker=who.workers[0], others=_names(others)))
    return found


@rule("claim_shares_resources")
def claim_shares_resources(ctx: RuleContext, params: Mapping[str, Any]) -> list[Trigger]:
    if not _claimed(ctx, params):
        return []
    sheet = ctx.sheet
    existing: list[dict[str, Any]] = ctx.answer(params["existing"]) or []
    said = bool(existing) or any(
        is_answered(_partner_value(p, path)) for p in sheet.partners for path in params["described_by"]
    )
    if not said or not sheet.partners:
        return []  # nothing said about resources yet: the topic says it
    brought = [
        p["name"]
        for p in sheet.partners
        if any(is_answered(v := _partner_value(p, path)) and v != 0 for path in params["contributions"])
    ]
    names = sheet.partner_names()
    from_partners = [
        e for e in existing if not is_answered(e.get("provided_by")) or _names_partner(str(e["provided_by"]), names)
    ]
    if brought or from_partners:
        return []
    where = params["existing"] if existing else params["contributions"][0]
    return [trigger("nothing_pooled", where)]


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
