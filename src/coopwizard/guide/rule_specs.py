"""What each rule a checklist may name reads: its parameters, and the questions and fields behind them.

The checklist names its rules and gives their parameters; this table is what the
loader checks them against, so that a checklist that points a rule at a question
of the wrong type, or at a field a record does not have, is refused when it loads
instead of silently losing the check. The audit implements each rule under the
same name (audit/rules.py; a test checks the two agree).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

ParamKind = Literal["path", "paths", "number", "ids", "id", "note"]
RuleKind = Literal["pitfall", "practice", "consistency"]


@dataclass
class Param:
    """A number, a list of ids, a level note's id, or answer path(s) to questions of given types."""

    kind: ParamKind
    types: tuple[str, ...] = ()  # question types a path may name; () for any
    section: str | None = None  # "partner" when the path must name a partner question
    fields: tuple[str, ...] = ()  # for a list of records: the fields the rule reads
    optional: bool = False


@dataclass
class RuleSpec:
    kind: RuleKind
    params: Mapping[str, Param] = field(default_factory=dict)


NUMBER = Param("number")
LIST = ("list",)

RULE_SPECS: dict[str, RuleSpec] = {
    # -- pitfalls -------------------------------------------------------------------
    "provider_relationship": RuleSpec(
        "pitfall",
        {
            "missions": Param("path", ("per_partner",)),
            "paid_services": Param("path", ("yes_no",)),
            "contributions": Param("paths", section="partner"),
        },
    ),
    "dispersion": RuleSpec(
        "pitfall",
        {
            "max_partners": NUMBER,
            "max_objectives": NUMBER,
            "objectives": Param("path", LIST),
            "focus": Param("path"),
            "missions": Param("path", ("per_partner",)),
            "representative": Param("path", section="partner"),
        },
    ),
    "unclear_purpose": RuleSpec("pitfall", {"reason": Param("path"), "objectives": Param("path")}),
    "wishes_vs_means": RuleSpec(
        "pitfall",
        {
            "existing": Param("path", LIST, fields=("amount",)),
            "needed_material": Param("path", LIST, fields=("item", "amount", "source")),
            "needed_people": Param("path", LIST, fields=("need", "source")),
            "money": Param("path", ("amount",), section="partner"),
            "max_unfunded_amount": NUMBER,
        },
    ),
    "hasty_decisions": RuleSpec(
        "pitfall",
        {
            "milestones": Param("path", LIST, fields=("date",)),
            "decision_rule": Param("path"),
            "undecided": Param("ids"),
            "min_days_to_first_milestone": NUMBER,
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
    # -- practice checks: the practice is applied when every path passes -----------------
    "answered": RuleSpec("practice", {"paths": Param("paths")}),
    "is_yes": RuleSpec("practice", {"paths": Param("paths", ("yes_no",))}),
    "every_partner": RuleSpec("practice", {"paths": Param("paths", ("per_partner", "text", "list", "amount"))}),
    "choice_in": RuleSpec("practice", {"paths": Param("paths", ("choice",)), "values": Param("ids")}),
}


def rules_of(kind: RuleKind) -> list[str]:
    return sorted(name for name, spec in RULE_SPECS.items() if spec.kind == kind)
