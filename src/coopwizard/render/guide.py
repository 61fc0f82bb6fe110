"""The guide at a glance: levels, topics, pitfalls and practices as tables or JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from coopwizard.core.localized import Localized
from coopwizard.guide.model import LANGS, Checklist, Practice, Question
from coopwizard.guide.paths import CLASSIFICATION, PARTNER, PROJECT
from coopwizard.i18n import message

if TYPE_CHECKING:
    from rich.table import Table


def guide_rows(checklist: Checklist, part: str, lang: str) -> tuple[list[str], list[list[str]]]:
    """Column headings and rows of one part of the guide, in `lang`."""

    def m(key: str) -> str:
        return message(lang, key)

    if part == "levels":
        head = [m("guide.id"), m("guide.level"), m("guide.motto"), m("guide.applies_to")]
        rows = [[lv.id, f"{lv.rank}. {lv.name(lang)}", lv.motto(lang), lv.applies_to(lang)] for lv in checklist.levels]
    elif part == "topics":
        head = [m("guide.id"), m("guide.topic"), m("guide.guide_text"), m("guide.questions")]
        rows = [[t.id, t.label(lang), t.guide(lang), str(len(t.questions))] for t in checklist.topics]
    elif part == "pitfalls":
        head = [m("guide.id"), m("guide.pitfall"), m("guide.advice")]
        rows = [[p.id, p.text(lang), p.advice(lang)] for p in checklist.pitfalls]
    else:
        head = [m("guide.id"), m("guide.practice"), m("guide.checked")]
        rows = [[p.id, p.text(lang), m("guide.yes") if p.check else m("guide.no")] for p in checklist.practices]
    return head, rows


def guide_table(checklist: Checklist, part: str, lang: str) -> Table:
    from rich.table import Table  # for a terminal only: piped output never loads Rich

    head, rows = guide_rows(checklist, part, lang)
    # People read names, not ids: the id column stays in the tab-separated text and the JSON, for scripts.
    table = Table(*head[1:], title=checklist.title(lang), show_lines=False)
    for row in rows:
        table.add_row(*row[1:])
    return table


def guide_plain(checklist: Checklist, part: str, lang: str) -> str:
    """Tab-separated, one item a line: for grep, cut and awk."""
    _, rows = guide_rows(checklist, part, lang)
    return "".join("\t".join(row) + "\n" for row in rows)


def guide_json(checklist: Checklist, part: str, lang: str) -> str:
    """One part of the guide as JSON, with everything an answers file needs.

    Texts are in `lang`; choice labels are also given in both languages
    (`labels`), since an answers file holds ids and a script may show either.
    `coop topics` also describes the sheet's other sections (project, partners,
    classification); `coop levels` the classification questions the levels require.
    """
    items: list[dict[str, Any]]
    extra: dict[str, Any] = {}
    if part == "levels":
        items = [
            {
                "id": lv.id,
                "rank": lv.rank,
                "name": lv.name(lang),
                "motto": lv.motto(lang),
                "applies_to": lv.applies_to(lang),
                "requires": list(lv.requires),
            }
            for lv in checklist.levels
        ]
        extra["classification"] = _section(checklist, CLASSIFICATION, checklist.classification, lang)
    elif part == "topics":
        items = [
            {
                "id": t.id,
                "label": t.label(lang),
                "guide": t.guide(lang),
                "hints": [h(lang) for h in t.hints],
                "questions": [_question(q, f"{t.id}.{q.id}", lang) for q in t.questions],
                "reserved": _topic_reserved(t.id, lang),
            }
            for t in checklist.topics
        ]
        extra["project"] = _section(checklist, PROJECT, checklist.project, lang)
        extra["partners"] = _section(checklist, PARTNER, checklist.partner, lang)
        extra["classification"] = _section(checklist, CLASSIFICATION, checklist.classification, lang)
    elif part == "pitfalls":
        items = [
            {
                "id": p.id,
                "text": p.text(lang),
                "advice": p.advice(lang),
                "practices": list(p.practices),
                "rule": p.rule,
                "reads": _reads(p.rule, p.params),
            }
            for p in checklist.pitfalls
        ]
    else:
        items = [_practice(p, lang) for p in checklist.practices]
    document = {"checklist": {"id": checklist.id, "version": checklist.version}, part: items, **extra}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _labels(text: Localized) -> dict[str, str]:
    return {language: text(language) for language in LANGS}


def _choice(choice_id: str, label: Localized, lang: str) -> dict[str, Any]:
    return {"id": choice_id, "label": label(lang), "labels": _labels(label)}


def _question(question: Question, path: str, lang: str) -> dict[str, Any]:
    """A question as an answers file names it: its path, type, choices, fields and condition."""
    entry: dict[str, Any] = {
        "id": question.id,
        "path": path,
        "type": question.type,
        "text": question.text(lang),
        "required": question.required,
    }
    if question.help is not None:
        entry["help"] = question.help(lang)
    if question.choices:
        entry["choices"] = [_choice(c.id, c.label, lang) for c in question.choices]
    if question.fields:
        entry["fields"] = [_question(f, f"{path}.{f.id}", lang) for f in question.fields]
    when = getattr(question, "when", None)  # a condition, in the model once questions have one
    if when is not None:
        entry["when"] = _plain(when)
    return entry


def _section(checklist: Checklist, name: str, questions: tuple[Question, ...], lang: str) -> dict[str, Any]:
    section: dict[str, Any] = {"questions": [_question(q, f"{name}.{q.id}", lang) for q in questions]}
    if name == PROJECT:
        section["reserved"] = [
            {
                "id": "created",
                "path": "project.created",
                "type": "date",
                "text": message(lang, "schema.created.description"),
            },
            {
                "id": "language",
                "path": "project.language",
                "type": "choice",
                "text": message(lang, "schema.language.description"),
                "choices": [_choice(code, _catalog_labels(f"schema.language.{code}"), lang) for code in LANGS],
            },
        ]
    elif name == CLASSIFICATION:
        section["reserved"] = [
            {
                "id": "level",
                "path": "classification.level",
                "type": "choice",
                "text": message(lang, "schema.level.description"),
                "choices": [_choice(lv.id, lv.name, lang) for lv in checklist.levels],
            }
        ]
    return section


def _topic_reserved(topic_id: str, lang: str) -> list[dict[str, Any]]:
    from coopwizard.sheet.model import STATUSES  # here: `coop topics` shows no sheet, and starts without its model

    return [
        {
            "id": "status",
            "path": f"{topic_id}.status",
            "type": "choice",
            "text": message(lang, "schema.status.description"),
            "choices": [_choice(status, _catalog_labels(f"md.status.{status}"), lang) for status in STATUSES],
        },
        {"id": "notes", "path": f"{topic_id}.notes", "type": "text", "text": message(lang, "schema.notes.description")},
    ]


def _catalog_labels(key: str) -> Localized:
    return Localized(message("fr", key), message("en", key))


def _reads(rule: str, params: Mapping[str, Any]) -> list[str]:
    """The answer paths a rule's parameters name, in order."""
    from coopwizard.guide.rule_specs import RULE_SPECS  # only `coop pitfalls` and `practices` say them

    spec = RULE_SPECS.get(rule)
    paths: list[str] = []
    for name, value in params.items():
        param = spec.params.get(name) if spec else None
        if param is None or param.kind not in ("path", "paths"):
            continue
        for path in [value] if isinstance(value, str) else list(value):
            if str(path) not in paths:
                paths.append(str(path))
    return paths


def _practice(practice: Practice, lang: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": practice.id, "text": practice.text(lang), "checked": practice.check is not None}
    if practice.check is not None:
        entry["check"] = {
            "rule": practice.check.rule,
            "reads": list(practice.check.paths),
            "values": list(practice.check.values),
        }
    return entry


def _plain(value: Any) -> Any:
    """A condition as JSON data, whatever shape the model gives it."""
    import dataclasses

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items() if v is not None}
    if isinstance(value, Localized):
        return _labels(value)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value if value is None or isinstance(value, str | int | float | bool) else str(value)
