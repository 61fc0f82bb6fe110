"""Starting and resuming a wizard session's draft; and the same job from an answers file.

These are the steps `coop new` takes around the flow: make or resume the draft
(telling what no longer matches the checklist), and turn answers into a sheet.
`sheet_from_answers_file` applies exactly the validation
of the prompts (answers.check_answer, via build_sheet) and reports every problem.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from coopwizard.core.errors import InvalidAnswersError
from coopwizard.core.message import Message, PathPart
from coopwizard.guide.model import Checklist
from coopwizard.i18n import say
from coopwizard.io.textio import SourceText
from coopwizard.sheet.compose import build_sheet, missing_answers
from coopwizard.sheet.migrate import drop_unaccepted
from coopwizard.sheet.model import Sheet, TopicEntry
from coopwizard.wizard.draft import Draft

if TYPE_CHECKING:
    from coopwizard.audit.findings import Audit


def new_draft(checklist: Checklist, lang: str, output: str, output_format: str, today: dt.date) -> Draft:
    return Draft(checklist.id, checklist.version, lang, output, output_format, today.isoformat())


def reconcile(draft: Draft, checklist: Checklist) -> list[str]:
    """Drop the draft's answers that the checklist no longer accepts, so they are asked again; the paths dropped."""
    dropped = drop_unaccepted(draft.answers, checklist, dt.date.fromisoformat(draft.created), draft.lang)
    for path in dropped:
        draft.progress.forget(path)
    draft.checklist_id, draft.checklist_version = checklist.id, checklist.version
    return dropped


def sheet_from_answers_file(
    source: SourceText, checklist: Checklist, lang: str, today: dt.date, allow_incomplete: bool
) -> tuple[Sheet, Audit]:
    """The sheet an answers file makes, or InvalidAnswersError listing every problem."""
    from coopwizard.io.frontmatter import looks_like_markdown, split_front_matter

    text, offset = source.text, 0
    if looks_like_markdown(source.name, source.text):  # a Markdown sheet is an answers file too
        text, offset = split_front_matter(source.text, source.name)
    from coopwizard.audit.engine import audit
    from coopwizard.io.jsonio import load_data

    data = load_data(text, source.name, offset)  # JSON as JSON, else YAML
    if not isinstance(data, dict):
        raise InvalidAnswersError("wizard.answers_not_mapping", [], file=source.name)
    sheet, issues = build_sheet(data, checklist, today, lang, source.name)
    problems = [f"{_dotted(i.path)}: {say(i.message, lang)}" for i in issues]
    missing = missing_answers(sheet, checklist)
    if not allow_incomplete:
        problems += [
            f"{m.path}: {say(Message('answer.missing', {'question': m.question.text}), lang)}" for m in missing
        ]
    else:  # recorded as "to complete", so that `coop check` and `coop edit` come back to them
        for answer in missing:
            section, _, rest = answer.path.partition(".")
            if section == "topics":
                sheet.topics.setdefault(rest.partition(".")[0], TopicEntry()).status = "to_complete"
    if problems:
        raise InvalidAnswersError("wizard.answers_invalid", problems, file=source.name, count=len(problems))
    return sheet, audit(sheet, checklist, today=sheet.created or today)


def _dotted(path: tuple[PathPart, ...]) -> str:
    return ".".join(str(p) for p in path) or "(document)"
