"""What an audit finds: findings of five kinds, the topics' coverage, and the audit as a whole."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from coopwizard.core.localized import Localized
from coopwizard.core.message import Message, PathPart
from coopwizard.core.records import slim_dataclass
from coopwizard.guide.levels import Classification
from coopwizard.sheet.model import Sheet

if TYPE_CHECKING:
    from coopwizard.sheet.review_summary import ReviewSummary

Kind = Literal["schema", "missing", "inconsistency", "pitfall", "suggestion"]
KINDS: tuple[Kind, ...] = ("schema", "missing", "inconsistency", "pitfall", "suggestion")
SEVERITY: dict[Kind, str] = {
    "schema": "error",
    "missing": "warning",
    "inconsistency": "warning",
    "pitfall": "warning",
    "suggestion": "info",
}


Text = Message | Localized


@slim_dataclass
class Trigger:
    """What set a rule off: a stable code (shown in JSON), its message, and where in the sheet.

    The code is the public name; the message key may change with the wording.
    """

    code: str
    message: Message
    path: tuple[PathPart, ...] = ()
    about: str = ""  # the answer path it is about, when a rule reads several


@slim_dataclass
class Finding:
    """One thing the audit says of a sheet: a gap, an inconsistency, a pitfall or a suggestion, with where and why."""

    kind: Kind
    rule: str  # a stable id: the pitfall's, the practice's, or the check's
    message: Text
    path: tuple[PathPart, ...] = ()
    triggers: tuple[Trigger, ...] = ()
    advice: tuple[Text, ...] = ()
    # For an inconsistency: the answers that disagree, its own path first (both ends).
    ends: tuple[tuple[PathPart, ...], ...] = ()

    @property
    def severity(self) -> str:
        return SEVERITY[self.kind]


@slim_dataclass
class Coverage:
    """The checklist's topics, by how far the sheet has settled them."""

    settled: tuple[str, ...]
    to_complete: tuple[str, ...]
    missing: tuple[str, ...]  # absent or empty

    @property
    def total(self) -> int:
        return len(self.settled) + len(self.to_complete) + len(self.missing)

    def status(self, topic_id: str) -> str:
        """settled, to_complete or missing: the audit's verdict, which documents and the wizard show."""
        if topic_id in self.settled:
            return "settled"
        return "to_complete" if topic_id in self.to_complete else "missing"


@slim_dataclass
class Audit:
    """Everything `coop check` says of one sheet: its level, its coverage and its findings."""

    sheet: Sheet
    classification: Classification
    coverage: Coverage
    findings: tuple[Finding, ...]
    # The level the whole sheet supports: the classification without the "yes" answers the
    # topics contradict (their question ids in `contradicted`). None: same as `classification`.
    supported_classification: Classification | None = None
    contradicted: tuple[str, ...] = ()
    reviews: ReviewSummary | None = None  # what the partners' reviews say (sheet/review_summary.py), for every renderer

    @property
    def supported(self) -> Classification:
        return self.supported_classification or self.classification

    def counts(self) -> dict[str, int]:
        return {kind: sum(1 for f in self.findings if f.kind == kind) for kind in KINDS}

    def has_findings(self, strict: bool = False) -> bool:
        return any(strict or f.kind != "suggestion" for f in self.findings)
