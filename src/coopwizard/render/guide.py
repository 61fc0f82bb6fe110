"""The guide at a glance: levels, topics, pitfalls and practices as tables or JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from coopwizard.guide.model import Checklist
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
    table = Table(*head, title=checklist.title(lang), show_lines=False)
    for row in rows:
        table.add_row(*row)
    return table


def guide_plain(checklist: Checklist, part: str, lang: str) -> str:
    """Tab-separated, one item a line: for grep, cut and awk."""
    _, rows = guide_rows(checklist, part, lang)
    return "".join("\t".join(row) + "\n" for row in rows)


def guide_json(checklist: Checklist, part: str, lang: str) -> str:
    items: list[dict[str, Any]]
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
    elif part == "topics":
        items = [
            {
                "id": t.id,
                "label": t.label(lang),
                "guide": t.guide(lang),
                "hints": [h(lang) for h in t.hints],
                "questions": [
                    {"id": q.id, "type": q.type, "text": q.text(lang), "required": q.required} for q in t.questions
                ],
            }
            for t in checklist.topics
        ]
    elif part == "pitfalls":
        items = [
            {"id": p.id, "text": p.text(lang), "advice": p.advice(lang), "practices": list(p.practices)}
            for p in checklist.pitfalls
        ]
    else:
        items = [{"id": p.id, "text": p.text(lang), "checked": p.check is not None} for p in checklist.practices]
    return json.dumps({part: items}, ensure_ascii=False, indent=2) + "\n"
