"""Details of the Markdown sheet (render/markdown.py) and of `coop check`'s report (render/report.py)
that the golden files leave unsaid: the golden sheets are complete or half filled, and never show
these cases.

Written from the mutants mutation testing left alive in `src/coopwizard/render` (docs/testing.md):
each test pins one part of what people read, on the example sheet with only what it is about changed,
word for word in both languages.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from coopwizard.audit.engine import audit
from coopwizard.guide.model import Checklist
from coopwizard.render.markdown import markdown_body
from coopwizard.sheet.parse import parse_sheet
from tests.conftest import EXAMPLE
from tests.helpers import coop, french
from tests.sheets import as_yaml, example

TODAY = dt.date(2026, 12, 1)
SCENARIOS = Path(__file__).parent / "scenarios"


@pytest.fixture(autouse=True)
def empty_render_caches() -> None:
    """mutmut forks each mutant from a process that ran the tests once (docs/testing.md): no cached
    answer of the clean code may stand in for the code under test."""
    from coopwizard.render import convention, html

    for cached in (convention.clauses, html.environment, html.stylesheet):
        cached.cache_clear()


def body(data: dict[str, Any], checklist: Checklist, lang: str) -> str:
    sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
    assert not issues
    return markdown_body(sheet, checklist, audit(sheet, checklist, issues, TODAY), lang)


def part(text: str, start: str, end: str) -> str:
    """The text from `start` up to (not including) `end`."""
    first = text.index(start)
    return text[first : text.index(end, first)]


# -- the Markdown sheet -------------------------------------------------------------------------


def test_a_sheet_with_no_partner_says_so(checklist: Checklist) -> None:
    data = example()
    data["partners"] = []
    assert part(body(data, checklist, "en"), "## Partner", "## Level") == (
        "## Partner associations\n\nNo association yet.\n\n"
    )
    assert part(body(data, checklist, "fr"), "## Associations", "## Niveau") == (
        "## Associations partenaires\n\nAucune association pour l'instant.\n\n"
    )


@pytest.mark.parametrize(
    ("removed", "people", "money"),
    [(("brings_material", "brings_money"), True, False), (("brings_material", "brings_people"), False, True)],
)
def test_who_brings_what_is_shown_when_the_partners_bring_only_people_or_only_money(
    removed: tuple[str, ...], people: bool, money: bool, checklist: Checklist
) -> None:
    data = example()
    for partner in data["partners"]:
        for key in removed:
            partner.pop(key, None)
    text = part(body(data, checklist, "en"), "## Partner", "## Level")
    assert "### Who brings what\n\n| Association | Material brought | Money brought | People brought |\n" in text
    assert (
        "| Les Potagers des Linandes |  |  | 12 jardiniers bénévoles<br>une animatrice compost |\n" in text
    ) is people
    assert ("| Les Potagers des Linandes |  | €800 |  |\n" in text) is money
    for partner in data["partners"]:
        for key in ("brings_material", "brings_money", "brings_people"):
            partner.pop(key, None)
    assert "Who brings what" not in body(data, checklist, "en")


def test_a_declared_level_the_answers_do_not_support_is_said_beside_it(checklist: Checklist) -> None:
    data = example()
    data["classification"]["beyond_one_event"] = False  # collaboration, declared cooperation
    assert "\nLevel recorded on the sheet: Cooperation (the classification answers point to “Collaboration”)\n\n" in (
        body(data, checklist, "en")
    )
    assert french(
        "\nNiveau inscrit sur la fiche : Coopération (les réponses de classement indiquent « Collaboration »)\n\n"
    ) in body(data, checklist, "fr")
    data["classification"] = {"shares_resources": False, "level": "mutualisation"}  # nothing reached
    assert "\nLevel recorded on the sheet: Pooling (the classification answers point to “—”)\n\n" in (
        body(data, checklist, "en")
    )


def test_progress_lists_the_topics_to_complete_or_not_started(checklist: Checklist) -> None:
    data = example()
    data["topics"]["communication"]["status"] = "to_complete"
    assert part(body(data, checklist, "fr"), "## Avancement", "## Budget") == french(
        "## Avancement\n\n11 sujets réglés sur 12.\n\n- À compléter : Communication\n\n"
    )
    data = example()
    del data["topics"]["surplus"]
    assert part(body(data, checklist, "en"), "## Progress", "## Budget") == (
        "## Progress\n\n11 of 12 topics settled.\n\n- Not yet discussed: Sharing any surplus\n\n"
    )


def test_needs_with_no_source_are_listed_after_the_budget(checklist: Checklist) -> None:
    data = example()
    data["topics"]["material_resources"]["needed"] += [
        {"item": "Sono", "amount": 2000},
        {"item": "Barnum", "amount": 150},
    ]
    assert part(body(data, checklist, "fr"), "| **Reste", "## Le pense") == (
        "| **Reste à financer** | **1\u202f300\xa0€** |  |\n\n"  # thin spaces: tests/test_typography.py
        + french("Besoins sans source envisagée : Sono, Barnum.\n\n")
    )


def test_a_text_answer_and_a_topic_s_notes_keep_their_lines(checklist: Checklist) -> None:
    data = example()
    data["topics"]["purpose"]["reason"] = "Le quartier manque de lieux.\n\n1. Les voisins\n2. Les jeunes"
    data["topics"]["purpose"]["notes"] = "Vu au comité de mars.\n\nÀ revoir en juin."
    purpose = part(body(data, checklist, "fr"), "### 1.", "### 2.")
    assert purpose.startswith(
        french("### 1. Raison et objectifs — réglé\n\n*la raison du projet de coopération et ses objectifs*\n\n")
        + "**Raison du projet**\n\nLe quartier manque de lieux.  \n1\\. Les voisins  \n2\\. Les jeunes\n\n"
        + "**Objectifs**\n\n"
    )
    assert purpose.endswith("**Notes**\n\nVu au comité de mars.  \nÀ revoir en juin.\n\n")
    assert "**Notes**\n\n" in part(body(data, checklist, "en"), "### 1.", "### 2.")


def test_a_piece_of_a_line_keeps_its_spaces_and_is_escaped_on_one_line() -> None:
    """The convention's paragraphs are made of such pieces, a gap to fill in between two."""
    from coopwizard.render.markdown import escape_segment

    assert escape_segment(" à compléter : le *lieu*\net  la date ") == " à compléter : le \\*lieu\\* et la date "
    assert escape_segment("- Article 1") == "\\- Article 1"


# -- `coop check`'s report ------------------------------------------------------------------------


@pytest.fixture
def all_ticked(write: Callable[..., Path]) -> Path:
    """Scenario 22 (every box ticked for a one-day event), called a cooperation."""
    data = yaml.safe_load((SCENARIOS / "22_tout_coche_ponctuel.yaml").read_text(encoding="utf-8"))
    data["classification"]["level"] = "cooperation"
    return write("fiche.yaml", as_yaml(data))


def test_the_report_says_the_level_supported_the_level_claimed_and_why(all_ticked: Path) -> None:
    organise = (
        "Do the associations organise their technical and human means together (one common organisation, "
        "not just side by side)?"
    )
    run = coop("check", "--lang", "en", str(all_ticked))
    assert run.code == 1
    assert run.out.startswith(
        f"{all_ticked} — Journée portes ouvertes des assos sportives\n"
        '  Level: ●●○ Collaboration — "working together" (modes present: Pooling, Collaboration)\n'
        '  The answers claim: ●●● Cooperation — "building a common work" (modes present: Pooling, Collaboration, '
        f'Cooperation) (the sheet contradicts the "yes" to: {organise}; Is the project carried over time, beyond '
        "one particular event?)\n"
        "  You call it: Cooperation\n"
        '  To reach "Cooperation": Organise technical and human means in common, with shared governance; Make the '
        "project last over time, beyond a single event.\n"
        "  Topics settled: ████░░░░░░░░ 4/12\n"
        "  Topics to complete\n"
        f"    {all_ticked}:33:1: [warning] topic missing: Shared values (topic_missing)\n"
        "      advice: the values shared by the cooperating associations\n"
    )
    assert (
        "  Inconsistencies\n"
        f'    {all_ticked}:32:3: [warning] you call it "Cooperation"; the sheet shows "Collaboration" '
        "(level_unsupported)\n"
        f'      because: "yes" to "{organise}", which the sheet contradicts:\n'
        '      because: governance says: "Chaque association décide pour son activité"\n'
        "      because: no local organising committee, and no way of deciding together\n"
        '      because: "yes" to "Is the project carried over time, beyond one particular event?", which the sheet '
        "contradicts:\n"
        "      because: the outlook says: a one-off action, with no next action\n"
        "      because: the timeline fits in one day (2026-09-06 – 2026-09-06), with nothing planned after\n"
        f"      against: {all_ticked}:29:3 (classification.shared_organisation)\n"
        f"      against: {all_ticked}:45:5 (topics.governance.decision_makers)\n"
        f"      against: {all_ticked}:46:5 (topics.governance.committee)\n"
        f"      against: {all_ticked}:30:3 (classification.beyond_one_event)\n"
        f"      against: {all_ticked}:52:5 (topics.outlook.renewal)\n"
        f"      against: {all_ticked}:48:5 (topics.timeline.milestones)\n"
        f'    {all_ticked}:30:3: [warning] "yes" to "Is the project carried over time, beyond one particular '
        'event?", but the sheet shows one event only (one_event_only)\n'
    ) in run.out
    assert (
        '      advice: The guide: "Cooperation" applies to: a shared organisation of technical and human means, to '
        "carry a project through over time, beyond one particular event.\n"
        "  Good practices to try\n"
        f"    {all_ticked}:5:3: [info] Act locally and think globally… and the other way round "
        "(act_local_think_global)\n"
        "      because: to settle: The next actions considered\n"
    ) in run.out


def test_the_report_in_french(all_ticked: Path) -> None:
    run = coop("check", "--lang", "fr", str(all_ticked))
    lines = run.out.splitlines()
    assert lines[1:6] == [
        french(
            "  Niveau : ●●○ Collaboration — « travailler ensemble » (modes présents : Mutualisation, Collaboration)"
        ),
        french(
            "  Les réponses annoncent : ●●● Coopération — « faire œuvre commune » (modes présents : Mutualisation, "
            "Collaboration, Coopération) (la fiche contredit le « oui » à : Les associations organisent-elles ensemble "
            "leurs moyens techniques et humains (une organisation commune, pas seulement côte à côte) ? ; Le projet "
            "est-il mené dans la durée, au-delà d'un événement particulier ?)"
        ),
        french("  Vous l'appelez : Coopération"),
        french(
            "  Pour passer à « Coopération » : Organiser en commun les moyens techniques et humains, avec une "
            "gouvernance partagée ; Inscrire le projet dans la durée, au-delà d'un seul événement."
        ),
        french("  Sujets réglés : ████░░░░░░░░ 4/12"),
    ]
    assert french(f"      contredit par : {all_ticked}:29:3 (classification.shared_organisation)") in lines
    assert french("  Incohérences") in lines and french("  Bonnes pratiques à tester") in lines


def test_the_json_level_gives_the_level_claimed_and_the_one_supported(all_ticked: Path) -> None:
    entry = json.loads(coop("check", "--format", "json", str(all_ticked)).out)["files"][0]
    assert entry["level"] == {
        "reached": "cooperation",
        "rank": 3,
        "modes": ["mutualisation", "collaboration", "cooperation"],
        "declared": "cooperation",
        "next": None,
        "to_reach_next": [],
        "supported": {
            "level": "collaboration",
            "rank": 2,
            "modes": ["mutualisation", "collaboration"],
            "contradicted": ["shared_organisation", "beyond_one_event"],
            "next": "cooperation",
            "to_reach_next": [
                "Organise technical and human means in common, with shared governance.",
                "Make the project last over time, beyond a single event.",
            ],
        },
    }
    assert entry["coverage"] == {
        "settled": 4,
        "total": 12,
        "settled_topics": ["purpose", "responsibilities", "timeline", "outlook"],
        "to_complete": ["governance"],
        "missing": ["values", "human_resources", "material_resources", "communication", "pricing", "surplus",
                    "success_criteria"],
    }  # fmt: skip
    one_event = next(f for f in entry["findings"] if f["rule"] == "one_event_only")
    assert one_event == {
        "kind": "inconsistency",
        "rule": "one_event_only",
        "severity": "warning",
        "message": '"yes" to "Is the project carried over time, beyond one particular event?", but the sheet shows '
        "one event only",
        "path": "classification.beyond_one_event",
        "line": 30,
        "column": 3,
        "triggers": [
            {"code": "one_off_outlook", "message": "the outlook says: a one-off action, with no next action"},
            {
                "code": "one_day_timeline",
                "message": "the timeline fits in one day (2026-09-06 – 2026-09-06), with nothing planned after",
            },
        ],
        "advice": [
            'The guide: "Cooperation" applies to: a shared organisation of technical and human means, to carry a '
            "project through over time, beyond one particular event."
        ],
        "ends": [
            {"path": "classification.beyond_one_event", "line": 30, "column": 3},
            {"path": "topics.outlook.renewal", "line": 52, "column": 5},
            {"path": "topics.timeline.milestones", "line": 48, "column": 5},
        ],
    }


def test_a_claimed_level_the_sheet_contradicts_entirely_is_said_above_none(write: Callable[..., Path]) -> None:
    data = example()
    data["classification"] = {"shares_resources": True, "shares_work": False, "shared_organisation": False,
                              "beyond_one_event": False, "level": "mutualisation"}  # fmt: skip
    for partner in data["partners"]:  # nothing pooled after all
        partner.pop("brings_material", None)
        partner.pop("brings_money", None)
    del data["topics"]["material_resources"]["existing"]
    path = write("fiche.yaml", as_yaml(data))
    assert coop("check", "--lang", "en", str(path)).out.splitlines()[1:5] == [
        "  Level: ○○○ no sharing yet",
        '  The answers claim: ●○○ Pooling — "mutual facilitation" (the sheet contradicts the "yes" to: Do the '
        "associations share non-human resources (premises, equipment, logistics, money)?)",
        "  You call it: Pooling",
        '  To reach "Pooling": Share non-human means (premises, equipment, logistics).',
    ]
    pooling = ["Share non-human means (premises, equipment, logistics)."]
    assert json.loads(coop("check", "--format", "json", str(path)).out)["files"][0]["level"] == {
        "reached": "mutualisation",
        "rank": 1,
        "modes": ["mutualisation"],
        "declared": "mutualisation",
        "next": "collaboration",
        "to_reach_next": ["Share the work itself between the associations' members."],
        "supported": {"level": None, "rank": 0, "modes": [], "contradicted": ["shares_resources"],
                      "next": "mutualisation", "to_reach_next": pooling},
    }  # fmt: skip
    data["classification"] = {}
    path.write_text(as_yaml(data), encoding="utf-8")
    level = json.loads(coop("check", "--format", "json", str(path)).out)["files"][0]["level"]
    assert level == {
        "reached": None, "rank": 0, "modes": [], "declared": None, "next": "mutualisation", "to_reach_next": pooling,
        "supported": {"level": None, "rank": 0, "modes": [], "contradicted": [], "next": "mutualisation",
                      "to_reach_next": pooling},
    }  # fmt: skip


@pytest.mark.parametrize(
    ("classification", "en", "fr"),
    [
        ({"shares_resources": False, "shares_work": False}, "○○○ no sharing yet", "○○○ pas encore de partage"),
        ({}, "○○○ not stated (answer the classification questions)",
         "○○○ non renseigné (répondez aux questions de classement)"),
    ],
)  # fmt: skip
def test_no_level_is_said_with_an_empty_scale(
    classification: dict[str, Any], en: str, fr: str, write: Callable[..., Path]
) -> None:
    data = example()
    data["classification"] = classification
    path = write("fiche.yaml", as_yaml(data))
    assert coop("check", "--lang", "en", str(path)).out.splitlines()[1:3] == [
        f"  Level: {en}",
        '  To reach "Pooling": Share non-human means (premises, equipment, logistics).',
    ]
    assert coop("check", "--lang", "fr", str(path)).out.splitlines()[1] == french(f"  Niveau : {fr}")


def test_one_level_reached_names_no_modes(write: Callable[..., Path]) -> None:
    data = example()
    data["classification"] = {"shares_resources": True, "shares_work": False, "shared_organisation": False}
    path = write("fiche.yaml", as_yaml(data))
    assert coop("check", "--lang", "en", str(path)).out.splitlines()[1:3] == [
        '  Level: ●○○ Pooling — "mutual facilitation"',
        '  To reach "Collaboration": Share the work itself between the associations\' members.',
    ]


def test_the_coverage_bar_is_twelve_cells_rounded() -> None:
    from coopwizard.render.report import coverage_bar

    assert coverage_bar(0, 0) == "░" * 12  # no topic at all: an empty bar, not a division by zero
    assert coverage_bar(1, 12) == "█" + "░" * 11
    assert coverage_bar(5, 12) == "█" * 5 + "░" * 7
    assert coverage_bar(1, 24) == "░" * 12  # half a cell rounds to the even, none
    assert coverage_bar(12, 12) == "█" * 12


def test_a_file_that_could_not_be_read_is_reported_as_its_error(checklist: Checklist, tmp_path: Path) -> None:
    from coopwizard.audit.service import check_file
    from coopwizard.render.report import render_text

    absent = tmp_path / "absent.yaml"
    report = check_file(str(absent), checklist)
    assert render_text(report, checklist, "en") == f"[bold red]Error[/]: {absent}: no such file; check the path.\n"
    assert render_text(report, checklist, "fr") == (
        "[bold red]Erreur[/]\xa0: " + french(f"{absent} : fichier introuvable ; vérifiez le chemin.\n")
    )


def test_a_sheet_with_no_title_is_reported_as_untitled(write: Callable[..., Path]) -> None:
    data = example()
    del data["project"]["title"]
    path = write("fiche.yaml", as_yaml(data))
    assert coop("check", "--lang", "en", str(path)).out.splitlines()[0] == f"{path} — (untitled)"
    assert coop("check", "--lang", "fr", str(path)).out.splitlines()[0] == f"{path} — (sans titre)"


def test_the_json_document_streams_its_head_each_file_and_its_summary() -> None:
    from coopwizard import __version__

    run = coop("check", "--format", "json", "--lang", "fr", str(EXAMPLE), str(EXAMPLE))
    assert run.out.startswith(
        "{\n"
        '  "format": 1,\n'
        '  "tool": "coopwizard",\n'
        f'  "version": "{__version__}",\n'
        '  "lang": "fr",\n'
        '  "checklist": {"id": "cergy-cooperation", "version": 1},\n'
        '  "files": [\n'
        f'    {{"path":"{EXAMPLE}",'
    )
    assert run.out.count(f'\n    {{"path":"{EXAMPLE}",') == 2  # the second after a comma
    assert run.out.count(f',\n    {{"path":"{EXAMPLE}",') == 1
    assert run.out.endswith(
        '"findings":[]}\n  ],\n  "summary": {"files": 2, "clean": 2, "with_findings": 0, "errors": 0}\n}\n'
    )


def test_a_json_entry_is_written_in_the_language_asked(write: Callable[..., Path]) -> None:
    data = example()  # a French sheet, reported in French
    data["classification"]["beyond_one_event"] = False
    data["reviews"] = [
        {"partner": "Les Potagers des Linandes", "date": dt.date(2026, 10, 1), "scores": {"ideas_heard": 5}}
    ]
    path = write("fiche.yaml", as_yaml(data))
    out = coop("check", "--format", "json", "--lang", "fr", str(path)).out
    assert f'{{"path":"{path}","title":"Jardins et fêtes des Linandes","level":{{' in out  # UTF-8, not \\u escapes
    entry = json.loads(out)["files"][0]
    lasting = ["Inscrire le projet dans la durée, au-delà d'un seul événement."]
    assert (entry["level"]["to_reach_next"], entry["level"]["supported"]["to_reach_next"]) == (lasting, lasting)
    assert [c["label"] for c in entry["reviews"]["concerns"]] == ["Des décisions prises démocratiquement"]


def test_a_title_that_looks_like_markup_is_kept_in_text_and_in_json(write: Callable[..., Path]) -> None:
    data = example()
    data["project"]["title"] = "Fête des Linandes [brouillon]"  # "[brouillon]" reads as a Rich tag
    path = write("fiche.yaml", as_yaml(data))
    assert coop("check", str(path)).out.splitlines()[0] == f"{path} — Fête des Linandes [brouillon]"
    entry = json.loads(coop("check", "--format", "json", str(path)).out)["files"][0]
    assert entry["title"] == "Fête des Linandes [brouillon]"


def test_inline_text_is_escaped_on_one_line_and_keeps_its_no_break_spaces() -> None:
    from coopwizard.render.markdown import escape_inline

    assert escape_inline("\u00a0Fête X\u202f") == "\u00a0Fête X\u202f"  # only ordinary spaces are trimmed
    assert escape_inline("  Sono X \n") == "Sono X"
    assert escape_inline("Fish & <chips>") == "Fish &amp; &lt;chips&gt;"
