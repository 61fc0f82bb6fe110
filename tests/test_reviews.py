"""Reviews: three partners of the Linandes garden answer the health check in spring and in autumn.

Each partner's answers file is recorded with `coop review`; `coop check` then
shows the latest score per concern, the spread between partners and the trend.
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
from coopwizard.sheet.parse import parse_sheet
from coopwizard.sheet.reviews import review_from_answers, review_items
from tests.conftest import EXAMPLE, ROOT
from tests.helpers import coop
from tests.sheets import as_yaml, example

POTAGERS, ADOS, CUISINE = "Les Potagers des Linandes", "Club Ados Linandes", "Cuisine du Monde Cergy"

SPRING = {
    POTAGERS: ("2025-03-28", {"purpose_clear": 5, "objectives_shared": 5, "ideas_heard": 4, "decisions_shared": 5,
                              "pace_ok": 2, "time_to_think": 3}),
    ADOS: ("2025-03-30", {"purpose_clear": 4, "objectives_shared": 3, "ideas_heard": 2, "decisions_shared": 2,
                          "pace_ok": 3, "time_to_think": 3}),
    CUISINE: ("2025-04-02", {"purpose_clear": 4, "objectives_shared": 4, "ideas_heard": 3, "decisions_shared": 4,
                             "pace_ok": 2, "time_to_think": 2}),
}  # fmt: skip
AUTUMN = {
    POTAGERS: ("2025-09-27", {"purpose_clear": 5, "objectives_shared": 5, "ideas_heard": 5, "decisions_shared": 5,
                              "pace_ok": 3, "time_to_think": 3}),
    ADOS: ("2025-09-29", {"purpose_clear": 4, "objectives_shared": 4, "ideas_heard": 1, "decisions_shared": 1,
                          "pace_ok": 4, "time_to_think": 4}),
    CUISINE: ("2025-10-01", {"purpose_clear": 5, "objectives_shared": 4, "ideas_heard": 3, "decisions_shared": 3,
                             "pace_ok": 3, "time_to_think": 4}),
}  # fmt: skip


def answers(partner: str, when: dict[str, tuple[str, dict[str, int]]], **extra: Any) -> str:
    date, scores = when[partner]
    return as_yaml({"partner": partner, "date": date, "scores": scores, **extra})


@pytest.fixture
def sheet(write: Callable[..., Path]) -> Path:
    """The Linandes sheet as a volunteer keeps it (with its comments), started in September 2024."""
    text = EXAMPLE.read_text(encoding="utf-8").replace("created: 2026-09-14", "created: 2024-09-14")
    return write("fiche.yaml", text)


@pytest.fixture
def reviewed(sheet: Path, write: Callable[..., Path]) -> Path:
    for when, criteria in ((SPRING, {}), (AUTUMN, {POTAGERS: "met", ADOS: "not_met", CUISINE: "partly"})):
        for partner in (POTAGERS, ADOS, CUISINE):
            extra: dict[str, Any] = {}
            if partner in criteria:
                criterion = "Participation des jeunes" if partner == ADOS else "Fréquentation des fêtes"
                extra["criteria"] = [{"criterion": criterion, "rating": criteria[partner]}]
            given = write("bilan.yaml", answers(partner, when, **extra))
            run = coop("review", str(sheet), "--answers", str(given), "--lang", "en")  # the sheet is French
            assert run.code == 0, run.err
            assert run.out == ""
            assert run.err == f"Review of {partner} on {when[partner][0]} recorded in {sheet}.\n"
    return sheet


def test_reviews_are_added_and_the_rest_of_the_file_kept(reviewed: Path) -> None:
    text = reviewed.read_text(encoding="utf-8")
    original = EXAMPLE.read_text(encoding="utf-8").replace("created: 2026-09-14", "created: 2024-09-14")
    assert text.startswith(original)  # comments, order, quoting: all as they were
    data = yaml.safe_load(text)
    assert [(r["partner"], r["date"].isoformat()) for r in data["reviews"]] == [
        (POTAGERS, "2025-03-28"),
        (ADOS, "2025-03-30"),
        (CUISINE, "2025-04-02"),
        (POTAGERS, "2025-09-27"),
        (ADOS, "2025-09-29"),
        (CUISINE, "2025-10-01"),
    ]
    assert data["reviews"][4]["criteria"] == [{"criterion": "Participation des jeunes", "rating": "not_met"}]
    rendered = yaml.safe_load(coop("render", str(reviewed)).out)
    assert rendered["reviews"] == data["reviews"]


def test_check_shows_scores_spread_and_trend(reviewed: Path) -> None:
    run = coop("check", "--lang", "en", str(reviewed))
    line = reviewed.read_text(encoding="utf-8").splitlines().index("reviews:") + 1  # findings point at the reviews
    assert run.code == 1
    assert (
        "  Reviews: 6 reviews by 3 partners, the latest on 2025-10-01\n"
        "    A shared reason and objectives  ████░ 4.5/5  spread 1  trend +0.3\n"
        "    Decisions taken democratically  ███░░ 3/5  spread 4  trend −0.3  to discuss\n"
        "    A pace that can be kept         ████░ 3.5/5  spread 1  trend +1\n"
        '    Criterion "Fréquentation des fêtes": met (Les Potagers des Linandes), '
        "partly met (Cuisine du Monde Cergy)\n"
        '    Criterion "Participation des jeunes": not met (Club Ados Linandes)\n'
    ) in run.out
    assert (
        f'    {reviewed}:{line}:1: [warning] the partners\' scores on "Decisions taken democratically" range from 1 '
        "(Club Ados Linandes) to 5 (Les Potagers des Linandes): a point to discuss together (review_spread)\n"
    ) in run.out
    # The latest review is more than 12 months old: a cooperation project is reviewed again.
    assert "because: the last review dates from 2025-10-01, more than 12 months ago\n" in run.out


def test_check_in_french(reviewed: Path) -> None:
    out = coop("check", str(reviewed), "--lang", "fr").out.replace("\u00a0", " ")
    assert "    Des décisions prises démocratiquement  ███░░ 3/5  écart 4  évolution −0,3  à discuter\n" in out
    assert "    Une raison et des objectifs partagés   ████░ 4,5/5  écart 1  évolution +0,3\n" in out


def test_check_json_has_the_reviews(reviewed: Path) -> None:
    entry = json.loads(coop("check", "--format", "json", str(reviewed)).out)["files"][0]
    reviews = entry["reviews"]
    assert {k: reviews[k] for k in ("count", "latest", "partners", "not_reviewed", "scale", "gap")} == {
        "count": 6,
        "latest": "2025-10-01",
        "partners": [POTAGERS, ADOS, CUISINE],
        "not_reviewed": [],
        "scale": 5,
        "gap": 2,
    }
    decisions = next(c for c in reviews["concerns"] if c["id"] == "democratic_decisions")
    assert decisions == {
        "id": "democratic_decisions",
        "label": "Decisions taken democratically",
        "score": 3.0,
        "spread": 4.0,
        "trend": -0.33,
        "to_discuss": True,
        "pitfalls": ["hasty_decisions"],
        "partners": [
            {"partner": POTAGERS, "date": "2025-09-27", "score": 5.0, "previous": 4.5, "previous_date": "2025-03-28"},
            {"partner": ADOS, "date": "2025-09-29", "score": 1.0, "previous": 2.0, "previous_date": "2025-03-30"},
            {"partner": CUISINE, "date": "2025-10-01", "score": 3.0, "previous": 3.5, "previous_date": "2025-04-02"},
        ],
    }
    assert [c["id"] for c in reviews["concerns"]] == ["shared_purpose", "democratic_decisions", "sustainable_pace"]
    assert reviews["criteria"][1] == {
        "criterion": "Participation des jeunes",
        "ratings": [{"partner": ADOS, "date": "2025-09-29", "rating": "not_met", "comment": None}],
    }
    spread = [f for f in entry["findings"] if f["rule"] == "review_spread"]
    assert [(f["kind"], f["path"]) for f in spread] == [("inconsistency", "reviews")]
    due = next(f for f in entry["findings"] if f["rule"] == "review_due")
    assert [t["code"] for t in due["triggers"]] == ["review_old"]


def test_a_sheet_without_reviews_has_no_reviews_key() -> None:
    entry = json.loads(coop("check", "--format", "json", str(EXAMPLE)).out)["files"][0]
    assert "reviews" not in entry and entry["findings"] == []


def _audit(data: dict[str, Any], checklist: Checklist, today: str) -> Any:
    sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
    return audit(sheet, checklist, issues, dt.date.fromisoformat(today))


def _review(partner: str, date: str) -> dict[str, Any]:
    return {"partner": partner, "date": dt.date.fromisoformat(date), "scores": {"purpose_clear": 4}}


def test_a_review_is_due_when_old_or_when_a_partner_joined(checklist: Checklist) -> None:
    data = example()  # a cooperation project started on 2026-09-14
    due = [f for f in _audit(data, checklist, "2027-09-15").findings if f.rule == "review_due"]
    assert [t.code for t in due[0].triggers] == ["no_review"]
    assert not [f for f in _audit(data, checklist, "2027-09-14").findings if f.rule == "review_due"]
    data["reviews"] = [_review(p, "2027-03-01") for p in (POTAGERS, ADOS, CUISINE)]
    assert not [f for f in _audit(data, checklist, "2028-02-29").findings if f.rule == "review_due"]
    old = [f for f in _audit(data, checklist, "2028-03-02").findings if f.rule == "review_due"]
    assert [t.code for t in old[0].triggers] == ["review_old"]
    data["partners"].append({"name": "Maison de quartier", "representative": "Inès Roux"})
    data["topics"]["responsibilities"]["missions"]["Maison de quartier"] = "La salle en cas de pluie"
    data["topics"]["human_resources"]["skills"]["Maison de quartier"] = "Accueil du public"
    joined = [f for f in _audit(data, checklist, "2027-06-01").findings if f.rule == "review_due"]
    assert [t.code for t in joined[0].triggers] == ["partner_not_reviewed"]
    assert joined[0].triggers[0].message.params["partners"] == ["Maison de quartier"]


def test_no_review_is_due_below_cooperation(checklist: Checklist) -> None:
    data = example()
    data["classification"]["beyond_one_event"] = False
    data["classification"]["level"] = "collaboration"
    assert not [f for f in _audit(data, checklist, "2030-01-01").findings if f.rule == "review_due"]


def test_bad_answers_are_listed_and_nothing_written(sheet: Path, write: Callable[..., Path]) -> None:
    before = sheet.read_text(encoding="utf-8")
    given = write(
        "bilan.yaml",
        "partner: Club Ados\ndate: 2025-03-30\nscores:\n  purpose_clear: 6\n  pace_okay: 3\n"
        "criteria:\n  - {criterion: Fréquentation, rating: atteint}\n",
    )
    run = coop("review", str(sheet), "--answers", str(given), "--lang", "en")
    assert run.code == 2
    assert run.out == ""
    assert run.err.splitlines() == [
        f"Error: {given}: 5 problems in the answers:",
        f'  partner: "Club Ados" is not one of the sheet\'s partners ({POTAGERS}, {ADOS}, {CUISINE})'
        f' (did you mean "{ADOS}"?)',
        '  scores.purpose_clear: a score from 1 to 5 is expected (1: strongly disagree, 5: fully agree), not "6"',
        '  scores.pace_okay: no statement "pace_okay" in the checklist\'s review (did you mean "pace_ok"?)',
        '  criteria.0.criterion: "Fréquentation" is not one of the sheet\'s success criteria (Fréquentation des fêtes,'
        ' Qualité des échanges, Participation des jeunes) (did you mean "Fréquentation des fêtes"?)',
        '  criteria.0.rating: "atteint" is not a possible choice (met, partly, not_met)',
    ]
    assert sheet.read_text(encoding="utf-8") == before


def test_a_review_is_never_replaced(sheet: Path, write: Callable[..., Path]) -> None:
    given = write("bilan.yaml", answers(ADOS, SPRING))
    assert coop("review", str(sheet), "--answers", str(given), "--lang", "en").code == 0
    again = coop("review", str(sheet), "--answers", str(given), "--lang", "en")
    assert again.code == 2
    assert again.err.splitlines()[1] == (
        f"  {ADOS} already has a review dated 2025-03-30 in the sheet; reviews are never replaced: give another date"
    )
    assert yaml.safe_load(sheet.read_text(encoding="utf-8"))["reviews"][0]["scores"]["objectives_shared"] == 3


def test_the_date_defaults_to_today_and_cannot_be_to_come(sheet: Path, write: Callable[..., Path]) -> None:
    given = write("bilan.yaml", f"partner: {ADOS}\nscores: {{pace_ok: '4'}}\n")
    assert coop("review", str(sheet), "--answers", str(given), "--lang", "en").code == 0
    review = yaml.safe_load(sheet.read_text(encoding="utf-8"))["reviews"][0]
    assert review == {"date": dt.date.today(), "partner": ADOS, "scores": {"pace_ok": 4}}
    later = write("later.yaml", f"partner: {POTAGERS}\ndate: 2999-01-01\nscores: {{pace_ok: 4}}\n")
    run = coop("review", str(sheet), "--answers", str(later), "--lang", "en")
    assert run.code == 2 and "2999-01-01, a day still to come" in run.err


def test_review_from_stdin_into_a_markdown_sheet(tmp_path: Path) -> None:
    markdown = tmp_path / "fiche.md"
    markdown.write_text(coop("render", str(EXAMPLE), "--format", "md").out, encoding="utf-8")
    body = markdown.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    run = coop("review", str(markdown), "--answers", "-", "--lang", "en", stdin=answers(CUISINE, SPRING))
    assert run.code == 0, run.err
    text = markdown.read_text(encoding="utf-8")
    assert text.split("\n---\n", 1)[1] == body
    check = json.loads(coop("check", "--format", "json", str(markdown)).out)["files"][0]
    assert check["reviews"]["partners"] == [CUISINE] and check["counts"]["schema"] == 0


def test_usage_errors(sheet: Path) -> None:
    run = coop("review", str(sheet), "--lang", "en")
    assert run.code == 2  # no terminal: the answers must come in a file
    assert run.err.startswith(f"Error: without a terminal, give the partner's answers in a file: coop review {sheet}")
    assert coop("review", "-", "--answers", "x.yaml").code == 2
    missing = coop("review", str(sheet), "--answers", "nowhere.yaml", "--lang", "en")
    assert (missing.code, missing.err) == (2, "Error: nowhere.yaml: no such file; check the path.\n")


def test_bad_reviews_in_a_sheet_are_schema_findings(write: Callable[..., Path]) -> None:
    data = example()
    data["reviews"] = [
        {"partner": ADOS, "date": "2025-03-30", "scores": {"purpose_clear": 0, "pace_ok": 4}},
        {"partner": POTAGERS, "scores": {"pace_ok": 4}},
        "bilan oral",
    ]
    path = write("fiche.yaml", as_yaml(data))
    findings = json.loads(coop("check", "--format", "json", str(path)).out)["files"][0]["findings"]
    schema = [(f["rule"], f["path"]) for f in findings if f["kind"] == "schema"]
    assert schema == [
        ("bad_score", "reviews.0.scores.purpose_clear"),
        ("missing_field", "reviews.1.date"),
        ("expected_mapping", "reviews.2"),
    ]


def test_the_review_is_data_the_wizard_can_ask(checklist: Checklist) -> None:
    sheet, _ = parse_sheet(example(), checklist, "fiche.yaml")
    items = review_items(sheet, checklist)
    assert [c.id for c in items.guide.concerns] == [
        "shared_purpose",
        "involvement",
        "democratic_decisions",
        "means_match_wishes",
        "sustainable_pace",
        "fluid_communication",
        "visibility",
    ]
    assert items.guide.scale[0]("fr") == "pas du tout d'accord" and items.guide.scale[4]("fr") == "tout à fait d'accord"
    assert items.statements[0][1].text("fr") == "Je peux dire en une phrase pourquoi nous coopérons."
    assert items.criteria == ("Fréquentation des fêtes", "Qualité des échanges", "Participation des jeunes")
    review = review_from_answers(
        {"partner": ADOS, "scores": {"pace_ok": 4}}, sheet, checklist, dt.date(2027, 1, 5), "fr", "<wizard>"
    )
    assert (review.partner, review.date, review.scores) == (ADOS, dt.date(2027, 1, 5), {"pace_ok": 4})
    pitfalls = {p.id for p in checklist.pitfalls}
    assert {p for c in items.guide.concerns for p in c.pitfalls} == pitfalls  # every pitfall is watched


def test_a_checklist_review_naming_an_unknown_pitfall_is_refused(write: Callable[..., Path]) -> None:
    text = (ROOT / "checklists" / "default.yaml").read_text(encoding="utf-8")
    broken = write("reseau.yaml", text.replace("pitfalls: [unclear_purpose, dispersion]", "pitfalls: [unclear]"))
    run = coop("check", str(EXAMPLE), "--checklist", str(broken))
    assert run.code == 2 and run.out == ""
    assert run.err.count("\n") == 1 and 'no pitfall "unclear"' in run.err
    twice = write("twice.yaml", text.replace("id: objectives_shared", "id: purpose_clear"))
    run = coop("check", str(EXAMPLE), "--checklist", str(twice))
    assert run.code == 2 and 'the id "purpose_clear" is already taken' in run.err


def test_the_schema_accepts_reviews_and_refuses_a_bad_score(reviewed: Path, checklist: Checklist) -> None:
    import jsonschema

    from coopwizard.io.yamlio import json_ready
    from coopwizard.render.schema import sheet_schema

    validator = jsonschema.Draft202012Validator(sheet_schema(checklist, "en"))
    data = json_ready(yaml.safe_load(reviewed.read_text(encoding="utf-8")))
    validator.validate(data)
    data["reviews"][0]["scores"]["pace_ok"] = 6
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


def test_a_blank_partner_or_rating_is_missing(sheet: Path, write: Callable[..., Path]) -> None:
    given = write("bilan.yaml", 'partner: "  "\ncriteria:\n  - {criterion: Qualité des échanges, rating: ""}\n')
    run = coop("review", str(sheet), "--answers", str(given), "--lang", "en")
    assert run.code == 2
    assert run.err.splitlines()[1:] == [
        '  partner: the field "partner" is missing',
        '  criteria.0.rating: the field "rating" is missing',
    ]


def test_the_agenda_and_the_html_sheet_show_the_scores(reviewed: Path, tmp_path: Path) -> None:
    import html5lib

    agenda = coop("agenda", str(reviewed), "--lang", "fr", "-o", "-")
    assert agenda.code == 0, agenda.err
    text = agenda.out.replace("\u00a0", " ").replace("\u202f", " ")
    assert "## Bilans des partenaires" in text
    assert "- Des décisions prises démocratiquement : 3/5 (écart 4 · évolution −0,3) · **à discuter**" in text
    page = coop("render", str(reviewed), "--lang", "fr", "-o", str(tmp_path / "fiche.html"))
    assert page.code == 0, page.err
    document = html5lib.parse((tmp_path / "fiche.html").read_text(encoding="utf-8"), namespaceHTMLElements=False)
    rows = document.findall(".//section[@id='reviews']//tr")
    assert len(rows) >= 3
    discuss = [r for r in rows if r.get("class") == "discuss"]
    assert [r.find("th").text for r in discuss] == ["Des décisions prises démocratiquement"]
    bar = discuss[0].find(".//span[@class='fill']")
    assert bar.get("style") == "width: 60%"  # 3 out of 5
