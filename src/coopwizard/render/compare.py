"""`coop compare` output: an agenda of disagreements for a meeting (Rich markup), or JSON for scripts."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from coopwizard import __version__
from coopwizard.guide.model import Checklist
from coopwizard.guide.paths import CLASSIFICATION, PROJECT
from coopwizard.i18n import colon, message
from coopwizard.i18n.typography import money, quote
from coopwizard.io.markup import escape
from coopwizard.sheet.compare import PARTNERS, Comparison, Point, Section, describe, point_label

JSON_FORMAT = 1


def section_label(section_id: str, checklist: Checklist, lang: str) -> str:
    if section_id in (PROJECT, PARTNERS, CLASSIFICATION):
        return message(lang, f"compare.section.{section_id}")
    topic = checklist.topic(section_id)
    return topic.label(lang) if topic else section_id


def render_compare_text(comparison: Comparison, paths: Sequence[str], checklist: Checklist, lang: str) -> str:
    sep = colon(lang)

    def m(key: str, **params: Any) -> str:
        return escape(message(lang, key, **params))

    sheets = ", ".join(
        f"[bold]{escape(label)}[/] ({escape(path)}{', ' + escape(quote(s.title, lang)) if s.title else ''})"
        for label, path, s in zip(comparison.labels, paths, comparison.sheets, strict=True)
    )
    counts = comparison.counts()
    lines = [
        m("compare.heading", count=len(comparison.labels)) + sep + sheets,
        m("compare.counts", **counts),
        "",
    ]
    agenda = [s for s in comparison.sections if s.status != "agree"]
    if not agenda:
        lines.append(f"[green]{m('compare.all_agree')}[/]")
    else:
        lines.append(f"[bold]{m('compare.agenda')}[/]")
    for number, section in enumerate(agenda, 1):
        status = m("compare.status.differ") if section.status == "differ" else m("compare.status.partial")
        lines.append(f"{number}. [bold]{escape(section_label(section.id, checklist, lang))}[/] — {status}")
        for point in section.points:
            if point.status != "agree":
                lines.extend(_point_lines(point, comparison, checklist, lang))
        agreed = section.with_status("agree")
        if agreed:
            names = ", ".join(point_label(p, checklist, lang) for p in agreed)
            lines.append(f"   [green]{m('compare.agreed_here', count=len(agreed))}[/]{sep}{escape(names)}")
    settled = [s for s in comparison.sections if s.status == "agree"]
    if settled:
        lines.append("")
        names = ", ".join(section_label(s.id, checklist, lang) for s in settled)
        lines.append(f"[green]{m('compare.agreed_sections')}[/]{sep}{escape(names)}")
    if comparison.silent:
        names = ", ".join(section_label(t, checklist, lang) for t in comparison.silent)
        lines.append(f"[dim]{m('compare.silent')}[/]{sep}{escape(names)}")
    return "\n".join(lines) + "\n"


def _point_lines(point: Point, comparison: Comparison, checklist: Checklist, lang: str) -> list[str]:
    sep = colon(lang)
    tag = "compare.point.differ" if point.status == "differ" else "compare.point.partial"
    colour = "magenta" if point.status == "differ" else "yellow"
    lines = [f"   {escape(point_label(point, checklist, lang))} [{colour}]({escape(message(lang, tag))})[/]"]
    if point.is_items:
        if point.common:
            text = describe(list(point.common), point, checklist, lang)
            lines.append(f"     {escape(message(lang, 'compare.everyone'))}{sep}{escape(text)}")
        for owners, mine in point.only_by_owners():
            label = ", ".join(owners)
            if mine:
                text = describe(mine, point, checklist, lang)
                lines.append(f"     {escape(message(lang, 'compare.only', by=label))}{sep}{escape(text)}")
        for name, versions in point.changed:
            lines.append(f"     {escape(message(lang, 'compare.changed', item=quote(name, lang)))}")
            for version in versions:
                text = describe([version.value] if version.value is not None else None, point, checklist, lang)
                lines.append(f"       {escape(version.by)}{sep}{escape(text)}")
    else:
        for version in point.versions:
            text = describe(version.value, point, checklist, lang)
            lines.append(f"     {escape(version.by)}{sep}{escape(text)}")
    if point.totals and len({t.value for t in point.totals}) > 1:
        totals = ", ".join(f"{money(t.value, lang)} ({t.by})" for t in point.totals)
        lines.append(f"     {escape(message(lang, 'compare.totals'))}{sep}{escape(totals)}")
    return lines


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _point_json(point: Point, checklist: Checklist, lang: str) -> dict[str, Any]:
    return {
        "path": ".".join(str(p) for p in point.path),
        "what": point.what,
        "question": point.question.id if point.question else None,
        "partner": point.subject,
        "label": point_label(point, checklist, lang),
        "status": point.status,
        "versions": [{"by": v.by, "value": _plain(v.value)} for v in point.versions],
        "common": _plain(point.common) if point.is_items else None,
        "only": [{"value": _plain(item), "by": list(owners)} for item, owners in point.only]
        if point.is_items
        else None,
        "totals": [{"by": t.by, "total": t.value} for t in point.totals] if point.totals else None,
        "changed": [
            {"item": name, "versions": [{"by": v.by, "value": _plain(v.value)} for v in versions]}
            for name, versions in point.changed
        ]
        if point.question is not None and point.question.fields
        else None,
    }


def _section_json(section: Section, checklist: Checklist, lang: str) -> dict[str, Any]:
    return {
        "id": section.id,
        "label": section_label(section.id, checklist, lang),
        "status": section.status,
        "points": [_point_json(p, checklist, lang) for p in section.points],
    }


def render_compare_json(comparison: Comparison, paths: Sequence[str], checklist: Checklist, lang: str) -> str:
    """The comparison as one JSON document (docs/json-output.md, `coop compare`)."""
    document = {
        "format": JSON_FORMAT,
        "tool": "coopwizard",
        "version": __version__,
        "lang": lang,
        "checklist": {"id": checklist.id, "version": checklist.version},
        "sheets": [
            {"label": label, "path": path, "title": sheet.title}
            for label, path, sheet in zip(comparison.labels, paths, comparison.sheets, strict=True)
        ],
        "agree": comparison.agree,
        "counts": comparison.counts(),
        "sections": [_section_json(s, checklist, lang) for s in comparison.sections],
        "silent": list(comparison.silent),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
