"""What the document commands share: reading and auditing one sheet, and the language a document is written in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coopwizard.cli.root import load_guide, sheet_language
from coopwizard.core.records import slim_dataclass

if TYPE_CHECKING:
    from coopwizard.audit.findings import Audit
    from coopwizard.guide.model import Checklist
    from coopwizard.sheet.model import Sheet


@slim_dataclass
class Audited:
    """A sheet, its checklist and its audit: what every document is rendered from."""

    sheet: Sheet
    checklist: Checklist
    audit: Audit
    lang: str  # the document's language


def audited(file: str, checklist_option: str | None, lang_option: str | None, language: str) -> Audited:
    """The sheet read and audited; its document language: --lang or COOP_LANG if given, else the sheet's own."""
    from coopwizard.audit.engine import audit
    from coopwizard.audit.service import load_sheet
    from coopwizard.io.textio import read_source

    guide = load_guide(checklist_option)
    loaded = load_sheet(read_source(file), guide)
    result = audit(loaded.sheet, guide, loaded.issues)
    return Audited(loaded.sheet, guide, result, sheet_language(lang_option, language, loaded.sheet))
