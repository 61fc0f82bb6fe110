"""`coop check` reports: Rich markup for people, JSON for scripts. Both return strings."""

from __future__ import annotations

import functools
import json
from typing import Any

from coopwizard import __version__
from coopwizard.audit.findings import KINDS, Audit
from coopwizard.audit.service import FileReport, LocatedFinding, Tally
from coopwizard.guide.levels import Classification, steps_to_next
from coopwizard.guide.model import Checklist
from coopwizard.i18n import colon, message, say
from coopwizard.i18n.typography import list_separator, quote
from coopwizard.io.markup import MARKUP, PLAIN, Marks
from coopwizard.io.visible import json_visible, visible

JSON_FORMAT = 1
BAR_WIDTH = 12
KIND_STYLE = {"schema": "red", "missing": "yellow", "inconsistency": "magenta", "pitfall": "red", "suggestion": "cyan"}


def level_scale(classification: Classification, checklist: Checklist) -> str:
    """The three-step scale as dots: ●●○ for the second of three levels."""
    rank = classification.level.rank if classification.level else 0
    return "●" * rank + "○" * (len(checklist.levels) - rank)


def coverage_bar(settled: int, total: int) -> str:
    filled = round(BAR_WIDTH * settled / total) if total else 0
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def describe_level(classification: Classification, checklist: Checklist, lang: str) -> str:
    level = classification.level
    if level is None:
        key = "report.level_none" if classification.answered else "report.level_unknown"
        return f"{level_scale(classification, checklist)} {message(lang, key)}"
    motto = quote(level.motto(lang), lang) if lang == "fr" else f'"{level.motto(lang)}"'
    text = f"{level_scale(classification, checklist)} {level.name(lang)} — {motto}"
    if len(classification.modes) > 1:
        modes = ", ".join(m.name(lang) for m in classification.modes)
        text += f" ({message(lang, 'report.modes')}{colon(lang)}{modes})"
    return text


def render_text(report: FileReport, checklist: Checklist, lang: str) -> str:
    """One file's report in Rich markup (user text escaped, control characters shown as \\x1b: io/visible.py)."""
    return visible(_render_text(report, checklist, lang, MARKUP))


def render_plain_text(report: FileReport, checklist: Checklist, lang: str) -> str:
    """The same report as plain text, what `plain(render_text(...))` reads, written without markup."""
    return visible(_render_text(report, checklist, lang, PLAIN))


def _render_text(report: FileReport, checklist: Checklist, lang: str, marks: Marks) -> str:
    text = marks.text
    if report.error is not None:
        said = text(say(report.error, lang))
        return f"{marks.styled('bold red', text(message(lang, 'report.error')))}{colon(lang)}{said}\n"
    result = report.audit
    assert result is not None
    sep = colon(lang)
    title = result.sheet.title or message(lang, "report.untitled")
    lines = [f"{marks.styled('bold', text(report.name))} — {text(title)}"]
    supported = result.supported
    lines.append(f"  {message(lang, 'report.level')}{sep}{text(describe_level(supported, checklist, lang))}")
    claimed = result.classification
    if _rank(claimed) != _rank(supported):
        because = _claims_left_out(result, checklist, lang)
        lines.append(
            f"  {text(message(lang, 'report.level_claimed'))}{sep}"
            f"{text(describe_level(claimed, checklist, lang))} "
            + marks.styled("dim", f"({text(message(lang, 'report.level_claimed_because', questions=because))})")
        )
    declared = checklist.level(result.sheet.level) if result.sheet.level else None
    if declared is not None and declared.rank != _rank(supported):
        lines.append(f"  {text(message(lang, 'report.level_declared'))}{sep}{text(declared.name(lang))}")
    upgrade = supported
    if upgrade.next_level is not None and upgrade.missing:
        separator = list_separator(lang)
        steps = separator.join(step.rstrip(".") for step in steps_to_next(upgrade, lang)) + "."
        lines.append(f"  {text(message(lang, 'report.next', level=upgrade.next_level.name(lang)))}{sep}{text(steps)}")
    coverage = result.coverage
    settled = len(coverage.settled)
    lines.append(
        f"  {message(lang, 'report.coverage')}{sep}{marks.styled('green', coverage_bar(settled, coverage.total))} "
        f"{settled}/{coverage.total}"
    )
    if result.reviews is not None:  # the partners' reviews (render/reviews.py)
        from coopwizard.render.reviews import review_lines

        lines.extend(review_lines(result.reviews, checklist, lang, marks))
    if not report.findings:
        lines.append(f"  {marks.styled('green', text(message(lang, 'report.clean')))}")
    for kind in KINDS:
        group = [f for f in report.findings if f.finding.kind == kind]
        if not group:
            continue
        lines.append(f"  {marks.styled(f'bold {KIND_STYLE[kind]}', text(message(lang, f'report.kind.{kind}')))}")
        lines.extend(_finding_lines(report.name, located, lang, marks) for located in group)
    return "\n".join(lines) + "\n"


def _rank(classification: Classification) -> int:
    return classification.level.rank if classification.level else 0


def _claims_left_out(result: Audit, checklist: Checklist, lang: str) -> str:
    """The classification questions whose "yes" the sheet contradicts, as the report says them."""
    separator = list_separator(lang)
    return separator.join(q.text(lang) for q in checklist.classification if q.id in result.contradicted)


def _finding_lines(name: str, located: LocatedFinding, lang: str, marks: Marks) -> str:
    finding = located.finding
    labels = _labels(lang, marks)
    text = marks.text
    head = (
        f"    {text(name)}:{located.line}:{located.column}: {labels.severity(finding.kind, finding.severity)} "
        f"{text(say(finding.message, lang))} {marks.styled('dim', f'({finding.rule})')}"
    )
    lines = [head]
    lines.extend(f"      {labels.because}{text(say(t, lang))}" for t in finding.triggers)
    lines.extend(
        f"      {labels.against}{text(name)}:{end.line}:{end.column} ({text('.'.join(str(p) for p in end.path))})"
        for end in located.ends[1:]
    )
    lines.extend(f"      {labels.advice}{text(say(a, lang))}" for a in finding.advice)
    return "\n".join(lines)


class _Labels:
    """The words every finding's lines begin with, in one language and one marking, said once per run."""

    def __init__(self, lang: str, marks: Marks) -> None:
        sep = colon(lang)
        self.because = marks.styled("dim", f"{message(lang, 'report.because')}{sep}")
        self.against = marks.styled("dim", f"{message(lang, 'report.against')}{sep}")
        self.advice = marks.styled("dim", f"{message(lang, 'report.advice')}{sep}")
        self._lang, self._marks = lang, marks
        self._severities: dict[tuple[str, str], str] = {}

    def severity(self, kind: str, severity: str) -> str:
        """« [erreur] » in the kind's colour."""
        said = self._severities.get((kind, severity))
        if said is None:
            word = self._marks.bracketed(message(self._lang, "report.severity." + severity))
            said = self._severities[kind, severity] = self._marks.styled(KIND_STYLE[kind], word)
        return said


@functools.cache
def _labels(lang: str, marks: Marks) -> _Labels:
    return _Labels(lang, marks)


def summary_line(tally: Tally, lang: str) -> str:
    return message(lang, "report.summary", **tally.as_dict())


def report_json(report: FileReport, checklist: Checklist, lang: str) -> dict[str, Any]:
    """One file's entry in the JSON output (docs/json-output.md)."""
    if report.error is not None:
        return {"path": report.name, "error": {"code": report.error.code, "message": say(report.error, lang)}}
    result = report.audit
    assert result is not None
    entry = {
        "path": report.name,
        "title": result.sheet.title,
        "level": _level_json(result, lang),
        "coverage": {
            "settled": len(result.coverage.settled),
            "total": result.coverage.total,
            "settled_topics": list(result.coverage.settled),
            "to_complete": list(result.coverage.to_complete),
            "missing": list(result.coverage.missing),
        },
        "counts": result.counts(),
        "findings": [_finding_json(located, lang) for located in report.findings],
    }
    if result.reviews is not None:  # only for a sheet with reviews (sheet/review_summary.py summary_data)
        from coopwizard.sheet.review_summary import summary_data

        entry["reviews"] = summary_data(result.reviews, lang)
    return entry


def _level_json(result: Audit, lang: str) -> dict[str, Any]:
    classification = result.classification
    supported = result.supported
    return {
        "reached": classification.level.id if classification.level else None,
        "rank": classification.level.rank if classification.level else 0,
        "modes": [m.id for m in classification.modes],
        "declared": result.sheet.level,
        "next": classification.next_level.id if classification.next_level else None,
        "to_reach_next": steps_to_next(classification, lang),
        "supported": {
            "level": supported.level.id if supported.level else None,
            "rank": supported.level.rank if supported.level else 0,
            "modes": [m.id for m in supported.modes],
            "contradicted": list(result.contradicted),
            "next": supported.next_level.id if supported.next_level else None,
            "to_reach_next": steps_to_next(supported, lang),
        },
    }


def _finding_json(located: LocatedFinding, lang: str) -> dict[str, Any]:
    finding = located.finding
    return {
        "kind": finding.kind,
        "rule": finding.rule,
        "severity": finding.severity,
        "message": say(finding.message, lang),
        "path": ".".join(str(p) for p in finding.path),
        "line": located.line,
        "column": located.column,
        "triggers": [{"code": t.code, "message": say(t.message, lang)} for t in finding.triggers],
        "advice": [say(a, lang) for a in finding.advice],
        "ends": [
            {"path": ".".join(str(p) for p in end.path), "line": end.line, "column": end.column} for end in located.ends
        ],
    }


def json_document_start(lang: str, checklist: Checklist) -> str:
    head = {
        "format": JSON_FORMAT,
        "tool": "coopwizard",
        "version": __version__,
        "lang": lang,
        "checklist": {"id": checklist.id, "version": checklist.version},
    }
    # The document is streamed: its head's members, then one entry per file as it is checked, then the summary.
    members = [f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}" for key, value in head.items()]
    return "{\n" + ",\n".join(members) + ',\n  "files": ['


def json_file_entry(report: FileReport, checklist: Checklist, lang: str) -> str:
    # One line per file: json's C encoder only works without indent, and a line per
    # sheet streams well into grep or jq on a thousand files.
    return json_visible(json.dumps(report_json(report, checklist, lang), ensure_ascii=False, separators=(",", ":")))


def render_file(report: FileReport, checklist: Checklist, lang: str, as_json: bool) -> str:
    """One file's report as the run prints it: a JSON entry, or text markup."""
    return json_file_entry(report, checklist, lang) if as_json else render_text(report, checklist, lang)


def render_file_as_text(report: FileReport, checklist: Checklist, lang: str, as_json: bool) -> str:
    """The same, its markup already turned into plain text: for output that is not a terminal.

    What `coop check` runs for each file, in whichever of its processes checks it (`-j N`).
    """
    return json_file_entry(report, checklist, lang) if as_json else render_plain_text(report, checklist, lang)


def json_separator(first: bool) -> str:
    return "\n    " if first else ",\n    "


def json_document_end(summary: dict[str, int]) -> str:
    return '\n  ],\n  "summary": ' + json.dumps(summary) + "\n}\n"
