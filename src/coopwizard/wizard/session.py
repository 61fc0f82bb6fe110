"""Starting, resuming and finishing a wizard session; and the same job from an answers file.

These are the steps `coop new` takes around the flow: make or resume the draft
(telling what no longer matches the checklist), run the questions, and turn
answers into a sheet. `sheet_from_answers_file` applies exactly the validation
of the prompts (answers.check_answer, via build_sheet) and reports every problem.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from coopwizard.audit.engine import audit
from coopwizard.audit.findings import Audit
from coopwizard.core.errors import InvalidAnswersError
from coopwizard.core.message import Message, PathPart
from coopwizard.guide.model import Checklist
from coopwizard.i18n import say
from coopwizard.io.jsonio import load_data
from coopwizard.io.textio import SourceText
from coopwizard.sheet.compose import build_sheet, missing_answers
from coopwizard.sheet.model import Sheet, TopicEntry
from coopwizard.sheet.parse import SchemaIssue
from coopwizard.wizard.draft import Draft


def new_draft(checklist: Checklist, lang: str, output: str, output_format: str, today: dt.date) -> Draft:
    return Draft(checklist.id, checklist.version, lang, output, output_format, today.isoformat())


def reconcile(draft: Draft, checklist: Checklist) -> list[str]:
    """Drop the draft's answers that the checklist no longer accepts; the paths dropped."""
    _, issues = build_sheet(draft.answers, checklist, dt.date.fromisoformat(draft.created), draft.lang)
    dropped: list[str] = []
    for issue in issues:
        path = _answer_path(issue)
        if path and _remove(draft.answers, path):
            dotted = ".".join(str(p) for p in path)
            dropped.append(dotted)
            draft.forget(dotted)
            # So that the wizard comes back to the section and asks the answer again.
            section = path[0]
            if section == "topics" and len(path) > 1:
                draft.forget(f"topics.{path[1]}.done")
            elif section == "partners":
                draft.forget("partners.done")
    draft.checklist_id, draft.checklist_version = checklist.id, checklist.version
    return dropped


def _answer_path(issue: SchemaIssue) -> tuple[PathPart, ...]:
    """The whole answer an issue is about: a question, a partner field, or an unknown section."""
    path = issue.path
    depth = {"topics": 3, "partners": 3, "project": 2, "classification": 2}.get(str(path[0]) if path else "", 1)
    return path[:depth]


def _remove(data: Any, path: tuple[PathPart, ...]) -> bool:
    parent = _walk(data, path[:-1])
    if isinstance(parent, dict) and path[-1] in parent:
        del parent[path[-1]]
        return True
    return False


def _walk(node: Any, path: tuple[PathPart, ...]) -> Any:
    for part in path:
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    return node


def sheet_from_answers_file(
    source: SourceText, checklist: Checklist, lang: str, today: dt.date, allow_incomplete: bool
) -> tuple[Sheet, Audit]:
    """The sheet an answers file makes, or InvalidAnswersError listing every problem."""
    from coopwizard.io.frontmatter import looks_like_markdown, split_front_matter

    text, offset = source.text, 0
    if looks_like_markdown(source.name, source.text):  # a Markdown sheet is an answers file too
        text, offset = split_front_matter(source.text, source.name)
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
