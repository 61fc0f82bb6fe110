"""`coop edit`: which topics to ask again, and writing the answers back into the file as it was.

The sheet is written back with ruamel.yaml's round trip, so that every comment,
every other answer and the order of the file stay exactly as the user left them:
only the keys of the topics asked again change. ruamel is imported here alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from coopwizard.audit.engine import audit
from coopwizard.audit.findings import Audit
from coopwizard.audit.service import LoadedSheet, load_sheet
from coopwizard.core.errors import InvalidSheetError, UsageError
from coopwizard.core.records import slim_dataclass
from coopwizard.guide.model import Checklist
from coopwizard.io.frontmatter import join_front_matter, split_front_matter
from coopwizard.io.roundtrip import dump_round_trip, load_round_trip
from coopwizard.io.textio import SourceText, read_source
from coopwizard.sheet.model import Sheet, to_data


@slim_dataclass
class EditPlan:
    """What `coop edit` is about to change: the sheet as read and the topics to ask again."""

    source: SourceText
    loaded: LoadedSheet
    topic_ids: list[str]
    created: dt.date


def plan_edit(name: str, checklist: Checklist, chosen: Sequence[str], today: dt.date) -> EditPlan:
    """Read the sheet and decide which topics to ask again (maybe none).

    The file is also read the way it will be written back, now, so that a sheet
    that cannot be written back stops the command before any question is asked.
    """
    source = read_source(name)
    loaded = load_sheet(source, checklist)
    document = _round_trip(source.text, loaded.markdown, name)[1]
    if document.get("topics") is not None and not hasattr(document["topics"], "items"):
        raise InvalidSheetError("edit.topics_not_mapping", file=name)
    result = audit(loaded.sheet, checklist, loaded.issues, today)
    return EditPlan(source, loaded, topics_to_ask(result, checklist, chosen), loaded.sheet.created or today)


def topics_to_ask(result: Audit, checklist: Checklist, chosen: Sequence[str]) -> list[str]:
    """The topics named with --topic, else those missing, empty or still to complete, in the checklist's order."""
    known = [t.id for t in checklist.topics]
    for topic_id in chosen:
        if topic_id not in known:
            raise UsageError("edit.unknown_topic", value=topic_id, allowed=", ".join(known))
    if chosen:
        return [t for t in known if t in chosen]
    waiting = set(result.coverage.missing) | set(result.coverage.to_complete)
    return [t for t in known if t in waiting]


def write_back(
    original: str,
    markdown: bool,
    sheet: Sheet,
    checklist: Checklist,
    topic_ids: Sequence[str],
    markdown_body: str,
    name: str,
) -> str:
    """The file's text with the answers of `topic_ids` replaced, everything else as it was."""
    rt, document = _round_trip(original, markdown, name)
    new_topics = to_data(sheet, checklist)["topics"]
    if "topics" not in document or document["topics"] is None:
        document["topics"] = {}
    topics = document["topics"]
    for topic_id in topic_ids:
        fresh = new_topics.get(topic_id)
        if fresh is None:
            continue
        if not isinstance(topics.get(topic_id), dict):
            topics[topic_id] = _plain(fresh)
            continue
        topic = checklist.topic(topic_id)
        owned = [q.id for q in topic.questions] + ["status", "notes"] if topic else []
        _merge(topics[topic_id], fresh, owned)
    text = dump_round_trip(rt, document)
    return join_front_matter(text, markdown_body) if markdown else text


def _round_trip(original: str, markdown: bool, name: str) -> tuple[Any, Any]:
    yaml_text = split_front_matter(original, name)[0] if markdown else original
    return load_round_trip(yaml_text, name)


def _merge(target: Any, fresh: dict[str, Any], owned: Sequence[str]) -> None:
    """Change only what changed, so that untouched keys keep their comments and places.

    Only the keys the wizard owns (the topic's questions, status, notes) may go:
    anything else in the file, a misspelt key with a paragraph under it, stays.
    """
    for key in [k for k in target if k in owned and k not in fresh]:
        del target[key]
    for key, value in fresh.items():
        if key not in target or target[key] != value:
            target[key] = _plain(value)


def _plain(value: Any) -> Any:
    """Multi-line text as a literal block; the rest as it is."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
