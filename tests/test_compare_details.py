"""Details of sheet/compare.py that the `coop compare` and `coop merge` tests leave unsaid.

Written from the mutants mutation testing left alive in `src/coopwizard/sheet/compare.py`
(docs/testing.md): each test pins one behaviour of the comparison, on copies of the example sheet
with only what it is about changed, with the exact points, versions and words.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from coopwizard.guide.model import Checklist
from coopwizard.sheet.compare import Comparison, Point, Version, compare_sheets, describe, point_label
from coopwizard.sheet.model import Sheet
from coopwizard.sheet.parse import parse_sheet
from tests.sheets import example

POTAGERS, ADOS, CUISINE = "Les Potagers des Linandes", "Club Ados Linandes", "Cuisine du Monde Cergy"
CHARTER = "Signature de la charte et premier comité"


def sheet(data: dict[str, Any], checklist: Checklist) -> Sheet:
    parsed, issues = parse_sheet(data, checklist, "fiche.yaml")
    assert not issues
    return parsed


def compared(checklist: Checklist, *datas: dict[str, Any]) -> Comparison:
    labels = ("potagers", "ados", "cuisine")[: len(datas)]
    return compare_sheets([(label, sheet(d, checklist)) for label, d in zip(labels, datas, strict=True)], checklist)


def points(comparison: Comparison) -> dict[tuple[Any, ...], Point]:
    return {p.path: p for s in comparison.sections for p in s.points}


# -- records: one entry written differently, matched by its name ---------------------------------


def test_a_milestone_moved_is_one_entry_changed_and_the_others_are_only_one_version_s(checklist: Checklist) -> None:
    potagers, ados = example(), example()
    first, second, *others = potagers["topics"]["timeline"]["milestones"]
    moved = {"date": dt.date(2026, 11, 14), "label": "premier  chantier ouvert au jardin"}  # written their way
    ados["topics"]["timeline"]["milestones"] = [moved]
    milestones = points(compared(checklist, potagers, ados))[("topics", "timeline", "milestones")]
    assert milestones.status == "differ"
    assert milestones.common == ()
    # Named as the first sheet writes it; the entries before and after it are only the Potagers'.
    assert milestones.changed == (
        ("Premier chantier ouvert au jardin", (Version("potagers", second), Version("ados", moved))),
    )
    assert milestones.only == tuple((record, ("potagers",)) for record in (first, *others))
    assert milestones.only_by_owners() == [(("potagers",), [first, *others])]


def test_records_with_no_required_text_are_not_matched_by_name(checklist: Checklist) -> None:
    """A checklist of one's own whose milestones need no label: no name to match records by."""
    timeline = checklist.topic("timeline")
    assert timeline is not None
    [question] = timeline.questions
    fields = tuple(dataclasses.replace(f, required=False) if f.id == "label" else f for f in question.fields)
    own_timeline = dataclasses.replace(timeline, questions=(dataclasses.replace(question, fields=fields),))
    own = dataclasses.replace(
        checklist, topics=tuple(own_timeline if t.id == "timeline" else t for t in checklist.topics)
    )
    potagers, ados = example(), example()
    moved = {"date": dt.date(2027, 5, 8), "label": CHARTER}
    ados["topics"]["timeline"]["milestones"] = [moved]
    milestones = points(compared(own, potagers, ados))[("topics", "timeline", "milestones")]
    assert milestones.changed == ()
    first, *others = potagers["topics"]["timeline"]["milestones"]
    assert milestones.only == ((first, ("potagers",)), *((r, ("potagers",)) for r in others), (moved, ("ados",)))


# -- what each version has, and its sums ---------------------------------------------------------


def test_a_sheet_with_no_partner_listed_has_no_answer_there(checklist: Checklist) -> None:
    potagers, ados = example(), example()
    ados["partners"] = []
    listed = points(compared(checklist, potagers, ados))[("partners",)]
    assert (listed.what, listed.status) == ("partners", "partial")
    assert listed.versions == (Version("potagers", [POTAGERS, ADOS, CUISINE]), Version("ados", None))
    assert listed.only == ((POTAGERS, ("potagers",)), (ADOS, ("potagers",)), (CUISINE, ("potagers",)))
    assert describe([POTAGERS, ADOS], listed, checklist, "en") == f"{POTAGERS}, {ADOS}"
    assert point_label(listed, checklist, "en") == "The partner associations"


def test_the_sums_of_the_needs_count_a_need_with_no_amount_as_nothing(checklist: Checklist) -> None:
    potagers, ados = example(), example()
    ados["topics"]["material_resources"]["needed"] = [{"item": "Sono"}, {"item": "Barnum", "amount": 120}]
    needed = points(compared(checklist, potagers, ados))[("topics", "material_resources", "needed")]
    assert needed.totals == (Version("potagers", 750), Version("ados", 120))


# -- per-partner answers ------------------------------------------------------------------------


def test_a_partner_s_answer_only_one_sheet_gives_is_partial_with_no_answer_in_the_other(
    checklist: Checklist,
) -> None:
    potagers, ados = example(), example()
    del ados["topics"]["responsibilities"]["missions"][ADOS]
    mission = points(compared(checklist, potagers, ados))[("topics", "responsibilities", "missions", ADOS)]
    assert (mission.status, mission.subject) == ("partial", ADOS)
    assert mission.versions == (
        Version("potagers", potagers["topics"]["responsibilities"]["missions"][ADOS]),
        Version("ados", None),
    )
    assert describe(None, mission, checklist, "en") == "(no answer)"
    assert describe(None, mission, checklist, "fr") == "(pas de réponse)"
    assert point_label(mission, checklist, "en") == f"Each association's mission — {ADOS}"


# -- levels and items, said for people ------------------------------------------------------------


def test_the_declared_and_reached_levels_are_said_by_their_names(checklist: Checklist) -> None:
    potagers, ados = example(), example()
    ados["classification"] |= {"beyond_one_event": False, "level": "collaboration"}
    found = points(compared(checklist, potagers, ados))
    declared, reached = found[("classification", "level")], found[("classification", "reached")]
    assert (declared.what, reached.what) == ("level", "reached")
    assert [v.value for v in reached.versions] == ["cooperation", "collaboration"]
    assert [describe(v.value, declared, checklist, "fr") for v in declared.versions] == ["Coopération", "Collaboration"]
    assert [describe(v.value, reached, checklist, "en") for v in reached.versions] == ["Cooperation", "Collaboration"]
    assert point_label(declared, checklist, "en") == "The level the sheet states"
    assert point_label(reached, checklist, "fr") == "Le niveau atteint d'après les réponses"


def test_one_item_of_a_list_is_said_as_the_list_would_say_it(checklist: Checklist) -> None:
    potagers, ados = example(), example()
    ados["topics"]["purpose"]["objectives"].append("Un concert des jeunes")
    objectives = points(compared(checklist, potagers, ados))[("topics", "purpose", "objectives")]
    assert objectives.only == (("Un concert des jeunes", ("ados",)),)
    assert describe("Un concert des jeunes", objectives, checklist, "en") == "Un concert des jeunes"
    assert describe(["Un concert des jeunes", "Un goûter"], objectives, checklist, "en") == (
        "Un concert des jeunes; Un goûter"
    )
