"""Fuzz that reaches the audit: sheets valid by construction from the checklist, then mutated once.

Most examples pass parsing and go through the audit, both reports and the Markdown round trip.
The properties are more than "no crash": a valid sheet is read back exactly, from YAML and from
its Markdown; the report names every finding; coverage never exceeds the topics; the level is
never above what the classification answers allow. Each test counts what its examples reached
and asserts that most of them reached the audit (see also `--hypothesis-show-statistics`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, event, given, settings

from coopwizard.audit.engine import audit
from coopwizard.audit.findings import Audit
from coopwizard.audit.service import FileReport, LocatedFinding, load_sheet
from coopwizard.core.errors import CoopError
from coopwizard.i18n import say
from coopwizard.io.markup import plain
from coopwizard.io.textio import SourceText
from coopwizard.io.visible import visible
from coopwizard.render.markdown import render_markdown
from coopwizard.render.report import render_plain_text, render_text, report_json
from coopwizard.sheet.model import to_data
from coopwizard.sheet.parse import parse_sheet
from tests.strategies import CHECKLIST, mutated_sheets, valid_sheets

TODAY = dt.date(2026, 10, 1)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def allowed_rank(classification: dict[str, Any]) -> int:
    """The highest level rank the answers allow, computed here from the checklist's `requires`."""
    ranks = [lv.rank for lv in CHECKLIST.levels if all(classification.get(q) is True for q in lv.requires)]
    return max(ranks, default=0)


def check_audit(result: Audit, report: FileReport, classification: dict[str, Any]) -> None:
    """What holds for every audit, whatever the sheet."""
    coverage = result.coverage
    total = len(CHECKLIST.topics)
    assert coverage.total == total == 12
    assert len(coverage.settled) <= total
    assert sorted([*coverage.settled, *coverage.to_complete, *coverage.missing]) == sorted(
        t.id for t in CHECKLIST.topics
    )
    level = result.classification.level
    assert (level.rank if level else 0) == allowed_rank(classification)
    assert all(mode.rank <= allowed_rank(classification) for mode in result.classification.modes)
    for lang in ("fr", "en"):
        text = plain(render_text(report, CHECKLIST, lang))
        assert render_plain_text(report, CHECKLIST, lang) == text  # written without markup, read the same
        entry = report_json(report, CHECKLIST, lang)
        json.dumps(entry)  # serialisable
        assert [f["rule"] for f in entry["findings"]] == [f.rule for f in result.findings]
        assert entry["coverage"]["settled"] == len(coverage.settled) <= 12
        for finding in result.findings:  # the report names every finding, with its message and its rule
            assert f"{visible(say(finding.message, lang))} ({finding.rule})" in text  # controls shown escaped
            for trigger in finding.triggers:
                assert visible(say(trigger, lang)) in text


def run_audit(data: dict[str, Any], source: str) -> tuple[Audit, FileReport, Any]:
    text = yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False)  # written by another tool than ours
    loaded = load_sheet(SourceText(source, text), CHECKLIST)
    result = audit(loaded.sheet, CHECKLIST, loaded.issues, TODAY)
    located = tuple(LocatedFinding(f, *loaded.document.locate(f.path)) for f in result.findings)
    return result, FileReport(source, result, located), loaded


def test_valid_sheets_round_trip_and_audit() -> None:
    counts: Counter[str] = Counter()

    @FUZZ
    @given(data=valid_sheets())
    def examples(data: dict[str, Any]) -> None:
        counts["examples"] += 1
        result, report, loaded = run_audit(data, "fuzz.yaml")
        assert loaded.issues == [], [say(i.message, "en") for i in loaded.issues]
        counts["audited"] += 1
        event(f"findings: {min(len(result.findings), 10)}{'+' if len(result.findings) >= 10 else ''}")
        event(f"level rank: {result.classification.level.rank if result.classification.level else 0}")
        check_audit(result, report, data.get("classification", {}))
        # the data read is the data written, from YAML and from the Markdown
        expected = to_data(loaded.sheet, CHECKLIST)
        again, issues = parse_sheet(expected, CHECKLIST, "again.yaml")
        assert not issues and to_data(again, CHECKLIST) == expected
        for lang in ("fr", "en"):
            markdown = render_markdown(loaded.sheet, CHECKLIST, result, lang)
            back = load_sheet(SourceText("fuzz.md", markdown), CHECKLIST)
            assert not back.issues
            assert to_data(back.sheet, CHECKLIST) == expected
        counts["rendered"] += 1
        assert _same_answers(data, expected)

    examples()
    print(dict(counts))
    assert counts["audited"] == counts["rendered"] == counts["examples"] >= 90, counts


def _same_answers(typed: dict[str, Any], kept: dict[str, Any]) -> bool:
    """Every answer typed is kept, as typed (to_data adds the checklist's id and infers topic statuses)."""
    sections = ("project", "partners", "classification")
    if any(typed.get(s, [] if s == "partners" else {}) != kept[s] for s in sections):
        return False
    answers = {t: {k: v for k, v in e.items() if k != "status"} for t, e in typed.get("topics", {}).items()}
    return answers == {t: {k: v for k, v in e.items() if k != "status"} for t, e in kept["topics"].items()}


def _related(path: tuple[Any, ...], other: tuple[Any, ...]) -> bool:
    shorter = min(len(path), len(other))
    return path[:shorter] == other[:shorter]


# A failing example is the complete example sheet with one change, named by its path: readable as it
# is, so Hypothesis does not spend minutes shrinking it.
MUTATIONS = settings(FUZZ, phases=(Phase.explicit, Phase.reuse, Phase.generate))


def test_mutated_sheets_still_reach_the_audit() -> None:
    counts: Counter[str] = Counter()

    @MUTATIONS
    @given(mutation=mutated_sheets())
    def examples(mutation: tuple[dict[str, Any], tuple[Any, ...], str]) -> None:
        data, where, kind = mutation
        counts["examples"] += 1
        event(f"mutation: {kind} at {where[0]}")
        try:
            result, report, loaded = run_audit(data, "fuzz.yaml")
        except CoopError as err:  # only a document that is not a sheet at all stops before the audit
            assert err.code in {"sheet.not_mapping", "sheet.unknown_format", "yaml.too_deep_at"}, err.code
            counts["refused"] += 1
            event("refused before the audit")
            return
        counts["audited"] += 1
        event("reached the audit" + (" with schema issues" if loaded.issues else ", still valid"))
        check_audit(result, report, loaded.sheet.classification)
        for finding in report.findings:
            assert finding.line >= 1 and finding.column >= 1
        # what was kept reads back the same, with problems only where the mutation made them (a wrong
        # value was dropped: a required one is now missing there, or just above it)
        kept = to_data(loaded.sheet, CHECKLIST)
        again, issues = parse_sheet(kept, CHECKLIST, "kept.yaml")
        for issue in issues:
            assert any(_related(issue.path, i.path) for i in loaded.issues), (issue, loaded.issues)
        assert to_data(again, CHECKLIST) == kept
        markdown = render_markdown(loaded.sheet, CHECKLIST, result, "fr")
        assert to_data(load_sheet(SourceText("m.md", markdown), CHECKLIST).sheet, CHECKLIST) == kept
        counts["rendered"] += 1

    examples()
    print(dict(counts))
    assert counts["audited"] >= 0.8 * counts["examples"], counts
    assert counts["rendered"] == counts["audited"], counts
