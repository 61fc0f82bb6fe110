"""Answers kept from another checklist version: what still fits is kept, the rest is dropped and named.

A draft or an answers file made with an older checklist may hold answers to
questions that changed type, choices that are gone, or whole topics that no longer
exist. They are removed (so the sheet can be built) and listed, so that whoever
asked them can ask them again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from coopwizard.core.message import PathPart
from coopwizard.guide.model import Checklist
from coopwizard.sheet.compose import build_sheet
from coopwizard.sheet.parse import SchemaIssue

# Issues about an answer that is missing, not one that is refused: they name the section they are
# missing from, and dropping that section would lose every answer beside them.
MISSING_NOT_REFUSED = frozenset({"sheet.missing_title"})


def drop_unaccepted(answers: dict[str, Any], checklist: Checklist, created: dt.date, lang: str) -> list[str]:
    """Remove from `answers` (in place) what `checklist` refuses; the dotted paths removed."""
    _, issues = build_sheet(answers, checklist, created, lang)
    dropped: list[str] = []
    for issue in issues:
        if issue.key in MISSING_NOT_REFUSED:
            continue  # nothing given to drop: a title still to ask is asked, the rest of the project kept
        path = _answer_path(issue)
        if path and _remove(answers, path):
            dropped.append(".".join(str(p) for p in path))
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
