"""`coop check` as a user meets it: exit codes, messages, text and JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests import sheets
from tests.conftest import EXAMPLE
from tests.helpers import coop, french

TOPIC_IDS = [
    "purpose",
    "values",
    "responsibilities",
    "governance",
    "human_resources",
    "material_resources",
    "timeline",
    "communication",
    "pricing",
    "surplus",
    "success_criteria",
    "outlook",
]


def test_the_complete_example_is_clean() -> None:
    run = coop("check", "--lang", "en", str(EXAMPLE))
    assert run.code == 0
    assert run.err == ""
    assert run.out.splitlines() == [
        f"{EXAMPLE} — Jardins et fêtes des Linandes",
        '  Level: ●●● Cooperation — "building a common work" (modes present: Pooling, Collaboration, Cooperation)',
        "  Topics settled: ████████████ 12/12",
        "  Nothing to report.",
    ]


def test_the_example_in_french() -> None:
    run = coop("check", str(EXAMPLE), "--lang", "fr")
    assert run.code == 0
    assert french("  Niveau : ●●● Coopération — « faire œuvre commune »") in run.out
    assert "  Sujets réglés\u00a0: ████████████ 12/12" in run.out
    assert "Rien à signaler." in run.out


def test_a_title_only_skeleton_lists_all_twelve_topics(write: Callable[..., Path]) -> None:
    path = write("skeleton.yaml", "format: 1\nproject:\n  title: Fête de quartier\n")
    run = coop("check", str(path), "--format", "json")
    assert run.code == 1
    report = json.loads(run.out)["files"][0]
    assert report["coverage"]["settled"] == 0 and report["coverage"]["total"] == 12
    assert report["coverage"]["missing"] == TOPIC_IDS
    missing = [f for f in report["findings"] if f["rule"] == "topic_missing"]
    assert len(missing) == 12
    text = coop("check", str(path)).out
    assert text.count("[warning] topic missing:") == 12
    assert "Topics settled: ░░░░░░░░░░░░ 0/12" in text


@pytest.mark.parametrize("pitfall", sorted(sheets.PITFALL_SHEETS))
def test_each_pitfall_is_found_in_text_and_json(pitfall: str, write: Callable[..., Path]) -> None:
    path = write(f"{pitfall}.yaml", sheets.as_yaml(sheets.PITFALL_SHEETS[pitfall]()))
    run = coop("check", "--lang", "en", str(path), "--format", "json")
    assert run.code == 1
    findings = json.loads(run.out)["files"][0]["findings"]
    pitfalls = [f for f in findings if f["kind"] == "pitfall"]
    assert [f["rule"] for f in pitfalls] == [pitfall]
    assert pitfalls[0]["triggers"] and pitfalls[0]["advice"]
    text = coop("check", "--lang", "en", str(path)).out
    assert f"({pitfall})" in text
    assert "      because: " in text and "      advice: " in text


def test_triggers_say_what_set_the_pitfall_off(write: Callable[..., Path]) -> None:
    cases = {
        "wishes": (sheets.wishes_vs_means(), "5,750 € needed, 1,600 € brought, and no source for: Scène couverte"),
        "hasty": (
            sheets.hasty_decisions(),
            '20 days between the sheet of 2026-09-14 and "Fête des récoltes" on 2026-10-04 (fewer than 30)',
        ),
        "asks": (
            sheets.provider_only_asks(),
            "Cuisine du Monde Cergy only pays; every mission is Les Potagers des Linandes's",
        ),
        "dispersion": (sheets.dispersion(), "no representative for: Club Ados Linandes"),
    }
    for name, (data, expected) in cases.items():
        run = coop("check", "--lang", "en", str(write(f"{name}.yaml", sheets.as_yaml(data))))
        assert expected in run.out.replace("\u202f", " "), name  # amounts use narrow no-break spaces


def test_findings_carry_file_line_column_and_rule(write: Callable[..., Path]) -> None:
    path = write("typo.yaml", "format: 1\nproject:\n  title: X\ntopics:\n  purpse:\n    reason: y\n")
    run = coop("check", "--lang", "en", str(path))
    assert (
        f'    {path}:5:3: [error] unknown key "purpse" (did you mean "purpose"?) (unknown_key)' in run.out.splitlines()
    )


def test_a_markdown_sheet_from_stdin(write: Callable[..., Path]) -> None:
    markdown = coop("render", str(EXAMPLE), "--format", "md").out
    run = coop("check", "-", stdin=markdown)
    assert run.code == 0
    assert run.out.startswith("<stdin> — Jardins et fêtes des Linandes")


def test_several_files_give_a_report_each_and_a_summary_on_stderr(write: Callable[..., Path]) -> None:
    skeleton = write("skeleton.yaml", "format: 1\nproject:\n  title: S\n")
    run = coop("check", str(EXAMPLE), str(skeleton), "missing.yaml")
    assert run.code == 2
    assert run.out.count(" — ") >= 2
    assert run.err.splitlines() == [
        "Error: missing.yaml: no such file; check the path.",
        "3 sheets: 1 clean, 1 with findings, 1 unreadable.",
    ]


def test_strict_counts_suggestions(write: Callable[..., Path]) -> None:
    data = sheets.example()
    del data["project"]["territory"]
    data["topics"]["outlook"]["next_actions"] = []
    path = write("no-territory.yaml", sheets.as_yaml(data))
    assert coop("check", str(path)).code == 0
    strict = coop("check", "--strict", str(path))
    assert strict.code == 1
    assert "(define_territory)" in strict.out


def test_json_is_one_document_with_a_summary(write: Callable[..., Path]) -> None:
    run = coop("check", "--format", "json", str(EXAMPLE), "nowhere.yaml")
    document = json.loads(run.out)
    assert run.code == 2
    assert document["format"] == 1 and document["tool"] == "coopwizard"
    assert document["summary"] == {"files": 2, "clean": 1, "with_findings": 0, "errors": 1}
    clean, broken = document["files"]
    assert clean["level"] == {
        "reached": "cooperation",
        "rank": 3,
        "modes": ["mutualisation", "collaboration", "cooperation"],
        "declared": "cooperation",
        "next": None,
        "to_reach_next": [],
        "supported": {
            "level": "cooperation",
            "rank": 3,
            "modes": ["mutualisation", "collaboration", "cooperation"],
            "contradicted": [],
            "next": None,
            "to_reach_next": [],
        },
    }
    assert broken == {
        "path": "nowhere.yaml",
        "error": {"code": "file.not_found", "message": "nowhere.yaml: no such file; check the path."},
    }


def test_declared_level_and_premature_rapprochement_are_inconsistencies(write: Callable[..., Path]) -> None:
    data = sheets.example()
    data["classification"]["beyond_one_event"] = False
    path = write("level.yaml", sheets.as_yaml(data))
    run = coop("check", "--format", "json", str(path))
    rules = [f["rule"] for f in json.loads(run.out)["files"][0]["findings"]]
    assert "level_unsupported" in rules and "premature_rapprochement" in rules


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "x.yaml", "--format", "xml"], 'Error: unknown format "xml"; choose among: text, json.'),
        (["check", "x.yaml", "--lang", "de"], 'Error: unknown language "de"; choose fr or en (--lang en).'),
        (["check", "-", "-"], 'Error: "-" (standard input) can be read only once.'),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    run = coop(*args)
    assert run.code == 2
    assert run.err.splitlines() == [message]
    assert run.out == ""


def test_an_unknown_language_is_said_in_the_one_that_would_have_been() -> None:
    run = coop("check", "x.yaml", "--lang", "de", env={"COOP_LANG": "fr"})
    assert (run.code, run.err) == (2, french("Erreur : langue « de » inconnue ; choisissez fr ou en (--lang fr).\n"))


def test_language_from_the_environment() -> None:
    assert "Niveau\u00a0:" in coop("check", str(EXAMPLE), env={"COOP_LANG": "fr"}).out
    assert "Niveau\u00a0:" in coop("check", str(EXAMPLE), env={"LANG": "fr_FR.UTF-8"}).out
    assert "Level:" in coop("check", str(EXAMPLE), env={"LANG": "fr_FR.UTF-8", "COOP_LANG": "en"}).out


def test_another_checklist_through_the_environment(write: Callable[..., Path]) -> None:
    broken = write("broken.yaml", "format: 1\nid: x\n")
    run = coop("check", str(EXAMPLE), env={"COOP_CHECKLIST": str(broken)})
    assert run.code == 2
    assert run.err.startswith(f"Error: {broken}:")


def test_several_processes_give_the_same_output_in_the_same_order(write: Callable[..., Path]) -> None:
    names = [str(EXAMPLE)]
    for index, (pitfall, make) in enumerate(sorted(sheets.PITFALL_SHEETS.items())):
        names.append(str(write(f"{index}-{pitfall}.yaml", sheets.as_yaml(make()))))
    names.append("missing.yaml")
    for output_format in ("text", "json"):
        serial = coop("check", "-j", "1", "--format", output_format, *names)
        parallel = coop("check", "-j", "2", "--format", output_format, *names)
        assert (parallel.code, parallel.out, parallel.err) == (serial.code, serial.out, serial.err)
        assert serial.code == 2


def _english(path: Path) -> Path:
    data = sheets.example()
    data["project"]["language"] = "en"
    path.write_text(sheets.as_yaml(data), encoding="utf-8")
    return path


def test_each_report_is_in_its_sheet_s_language_unless_one_is_asked_for(tmp_path: Path) -> None:
    """README: --lang, then COOP_LANG, then the sheet's own language, then the locale."""
    english = _english(tmp_path / "english.yaml")
    run = coop("check", str(EXAMPLE), str(english), env={"LANG": "C.UTF-8"})
    french_part, english_part = run.out.split(f"{english} —")
    assert "Niveau" in french_part and "Level" not in french_part
    assert "Level" in english_part and "Niveau" not in english_part
    assert "sheets:" in run.err  # the run's own summary: the locale's language (C: English)
    for asked in (["--lang", "en"], ["--lang", "fr"]):
        out = coop("check", str(EXAMPLE), str(english), *asked).out
        assert ("Niveau" in out) == (asked[1] == "fr") and ("Level" in out) == (asked[1] == "en")
    out = coop("check", str(EXAMPLE), env={"COOP_LANG": "en"}).out
    assert "Level" in out and "Niveau" not in out


def test_a_json_document_keeps_one_language(tmp_path: Path) -> None:
    """A script reads one language throughout, the one the document's head names."""
    data = sheets.example()
    del data["topics"]["pricing"]
    french = tmp_path / "french.yaml"
    french.write_text(sheets.as_yaml(data), encoding="utf-8")
    run = coop("check", "--format", "json", str(french), env={"LANG": "C.UTF-8"})
    document = json.loads(run.out)
    assert document["lang"] == "en"
    messages = [f["message"] for entry in document["files"] for f in entry["findings"]]
    assert "topic missing: Pricing" in messages
