"""What each rule a checklist may name reads: its parameters, and the questions and fields behind them.

The checklist names its rules and gives their parameters; this table is what the
loader checks them against, so that a checklist that points a rule at a question
of the wrong type, or at a field a record does not have, is refused when it loads
instead of silently losing the check. The audit implements each rule under the
same name (audit/rules.py; a test checks the two agree).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Literal

from coopwizard.core.records import slim_dataclass

ParamKind = Literal["path", "paths", "number", "ids", "id", "note", "phrases"]
RuleKind = Literal["pitfall", "practice", "consistency"]


@slim_dataclass
class Param:
    """A number, a list of ids, a level note's id, or answer path(s) to questions of given types."""

    kind: ParamKind
    types: tuple[str, ...] = ()  # question types a path may name; () for any
    section: str | None = None  # "partner" when the path must name a partner question
    fields: tuple[str, ...] = ()  # for a list of records: the fields the rule reads
    optional: bool = False


@slim_dataclass
class RuleSpec:
    """What kind of rule a name is, and the parameters a checklist must give it."""

    kind: RuleKind
    params: Mapping[str, Param] = field(default_factory=dict)


NUMBER = Param("number")
LIST = ("list",)

PHRASES = Param("phrases")  # {fr: [...], en: [...]}: matched normalised (audit/phrases.py)
MISSIONS = Param("path", ("per_partner",))
MONEY = Param("path", ("amount",), section="partner")
CLAIM = Param("path", ("yes_no",))

RULE_SPECS: dict[str, RuleSpec] = {
    # -- pitfalls -------------------------------------------------------------------
    "provider_relationship": RuleSpec(
        "pitfall",
        {
            "missions": MISSIONS,
            "paid_services": Param("path", ("yes_no",)),
            "money": MONEY,
            "contributions": Param("paths", section="partner"),
            "paying_phrases": PHRASES,
        },
    ),
    "dispersion": RuleSpec(
        "pitfall",
        {
            "max_partners": NUMBER,
            "max_objectives": NUMBER,
            "min_partners": NUMBER,
            "objectives": Param("path", LIST),
            "focus": Param("path"),
            "missions": MISSIONS,
            "representative": Param("path", section="partner"),
        },
    ),
    "unclear_purpose": RuleSpec(
        "pitfall",
        {
            "reason": Param("path"),
            "objectives": Param("path"),
            "title": Param("path"),
            "object": Param("paths"),
            "demand_words": PHRASES,
            "outside_words": PHRASES,
            "max_other_words": NUMBER,
        },
    ),
    "wishes_vs_means": RuleSpec(
        "pitfall",
        {
            "existing": Param("path", LIST, fields=("amount", "provided_by")),
            "needed_material": Param("path", LIST, fields=("item", "amount", "source")),
            "needed_people": Param("path", LIST, fields=("need", "source")),
            "money": MONEY,
            "max_unfunded_amount": NUMBER,
            "unsure_sources": PHRASES,
        },
    ),
    "hasty_decisions": RuleSpec(
        "pitfall",
        {
            "milestones": Param("path", LIST, fields=("date", "label")),
            "decision_rule": Param("path"),
            "undecided": Param("ids"),
            "min_days_to_last_milestone": NUMBER,
            "max_unsettled_topics": NUMBER,
        },
    ),
    # -- consistency checks -----------------------------------------------------------
    "premature_rapprochement": RuleSpec(
        "consistency",
        {
            "rapprochement": Param("path", ("choice",)),
            "no_rapprochement": Param("ids"),
            "note": Param("note", optional=True),
        },
    ),
    # A "yes" to a classification question (`claim`) against the topics that show it.
    "claim_beyond_one_event": RuleSpec(
        "consistency",
        {
            "claim": CLAIM,
            "renewal": Param("path", ("choice",)),
            "one_off": Param("ids"),
            "lasting": Param("ids"),
            "next_actions": Param("path", LIST),
            "milestones": Param("path", LIST, fields=("date",)),
            "max_span_days": NUMBER,
        },
    ),
    "claim_shared_organisation": RuleSpec(
        "consistency",
        {
            "claim": CLAIM,
            "decision_rule": Param("path", ("choice",)),
            "one_decides": Param("ids"),
            "shared_rules": Param("ids"),
            "decision_makers": Param("path", ("text",)),
            "apart_phrases": PHRASES,
            "committee": Param("path", ("yes_no",)),
        },
    ),
    "claim_shares_work": RuleSpec(
        "consistency",
        {
            "claim": CLAIM,
            "paid_services": Param("path", ("yes_no",)),
            "missions": MISSIONS,
            "money": MONEY,
            "contributions": Param("paths", section="partner"),
            "paying_phrases": PHRASES,
        },
    ),
    "claim_shares_resources": RuleSpec(
        "consistency",
        {
            "claim": CLAIM,
            "existing": Param("path", LIST, fields=("provided_by",)),
            "contributions": Param("paths", section="partner"),
            "described_by": Param("paths", section="partner"),
        },
    ),
    # -- practice checks: the practice is applied when every path passes -----------------
    "answered": RuleSpec("practice", {"paths": Param("paths")}),
    "is_yes": RuleSpec("practice", {"paths": Param("paths", ("yes_no",))}),
    "every_partner": RuleSpec("practice", {"paths": Param("paths", ("per_partner", "text", "list", "amount"))}),
    "choice_in": RuleSpec("practice", {"paths": Param("paths", ("choice",)), "values": Param("ids")}),
}


def rules_of(kind: RuleKind) -> list[str]:
    return sorted(name for name, spec in RULE_SPECS.items() if spec.kind == kind)
