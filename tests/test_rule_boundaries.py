"""The haste and money thresholds read from the checklist, tested at, below and above each one.

`hasty_decisions` says a project is hasty when the last dated milestone is less than
`min_days_to_last_milestone` days after the sheet's date and, in that short time, either no way of
deciding is agreed or more than `max_unsettled_topics` topics are still open. `wishes_vs_means`
says there is a money gap when a need with money and no sure source is part of needs that exceed
what is brought (the partners' money and the existing resources' amounts, each sum counted once)
by more than `max_unfunded_amount`. Each boundary is read from checklists/default.yaml, on the
complete example sheet with only the counted answers changed, with a case that must raise and
one that must not; a checklist with other values shows the rules read them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from coopwizard.audit.engine import audit
from coopwizard.audit.findings import Trigger
from coopwizard.core.message import Amount
from coopwizard.guide.load import default_checklist_path
from coopwizard.guide.model import Checklist
from coopwizard.guide.parse import ChecklistParser
from coopwizard.io.yamlio import load_yaml
from coopwizard.sheet.parse import parse_sheet
from tests import sheets

TODAY = dt.date(2026, 10, 1)
OFFSETS = [-1, 0, 1]


def params(checklist: Checklist, pitfall: str) -> dict[str, Any]:
    return dict(next(p for p in checklist.pitfalls if p.id == pitfall).params)


def checklist_with(**values: int) -> Checklist:
    """The default checklist with some thresholds changed in its text (a comment after the value kept)."""
    path = default_checklist_path()
    text = path.read_text(encoding="utf-8")
    for name, value in values.items():
        text, count = re.subn(rf"^(\s+{name}): \d+", rf"\g<1>: {value}", text, flags=re.MULTILINE)
        assert count == 1, name
    return ChecklistParser(load_yaml(text, str(path)), str(path)).parse()


def triggers(data: dict[str, Any], checklist: Checklist, pitfall: str, today: dt.date = TODAY) -> list[Trigger]:
    sheet, issues = parse_sheet(data, checklist, "x.yaml")
    assert not issues
    result = audit(sheet, checklist, issues, today)
    return [t for f in result.findings if f.rule == pitfall for t in f.triggers]


def codes(data: dict[str, Any], checklist: Checklist, pitfall: str, today: dt.date = TODAY) -> list[str]:
    return [t.code for t in triggers(data, checklist, pitfall, today)]


# -- hasty_decisions ---------------------------------------------------------------------------


def _squeezed(days: int, decision: str = "undecided", open_topics: int = 0) -> dict[str, Any]:
    """The example with its programme ending `days` days after the sheet's date.

    A first committee a week before the sheet's date (earlier than the sheet, it does not count as
    the last), the harvest festival `days` days after it; `open_topics` topics (never the timeline
    or governance, which the rule reads) marked to complete.
    """
    data = sheets.example()
    created: dt.date = data["project"]["created"]
    data["topics"]["timeline"]["milestones"] = [
        {"date": created - dt.timedelta(days=7), "label": "Premier comité"},
        {"date": created + dt.timedelta(days=days), "label": "Fête des récoltes"},
    ]
    data["topics"]["governance"]["decision_rule"] = decision
    others = [t for t in data["topics"] if t not in ("timeline", "governance")]
    assert len(others) >= open_topics
    for topic in others[:open_topics]:
        data["topics"][topic]["status"] = "to_complete"
    return data


def test_the_example_is_not_hasty(checklist: Checklist) -> None:
    assert codes(sheets.example(), checklist, "hasty_decisions") == []


@pytest.mark.parametrize("offset", OFFSETS)
def test_too_little_time_with_no_decision_rule_is_hasty(offset: int, checklist: Checklist) -> None:
    """Below the minimum time, with no way of deciding: hasty; at the minimum and above: time enough."""
    minimum = params(checklist, "hasty_decisions")["min_days_to_last_milestone"]
    found = codes(_squeezed(minimum + offset), checklist, "hasty_decisions")
    if offset < 0:
        assert found == ["short_preparation", "no_decision_rule"]
    else:
        assert found == []


@pytest.mark.parametrize("offset", OFFSETS)
def test_too_little_time_with_too_many_open_topics_is_hasty(offset: int, checklist: Checklist) -> None:
    """A decision rule agreed, but more topics open than the checklist allows, one day short of the minimum."""
    rule = params(checklist, "hasty_decisions")
    allowed = rule["max_unsettled_topics"]
    sheet = _squeezed(rule["min_days_to_last_milestone"] - 1, "consent", allowed + offset)
    found = codes(sheet, checklist, "hasty_decisions")
    if offset > 0:
        assert found == ["short_preparation", "unsettled_topics"]
    else:
        assert found == []


@pytest.mark.parametrize("offset", OFFSETS)
def test_time_enough_is_not_hasty_however_open(offset: int, checklist: Checklist) -> None:
    """At the minimum time, neither an undecided rule nor too many open topics is haste."""
    rule = params(checklist, "hasty_decisions")
    sheet = _squeezed(rule["min_days_to_last_milestone"] + offset, "undecided", rule["max_unsettled_topics"] + 1)
    found = codes(sheet, checklist, "hasty_decisions")
    assert found == (["short_preparation", "unsettled_topics", "no_decision_rule"] if offset < 0 else [])


def test_the_short_preparation_says_the_days_and_the_last_milestone(checklist: Checklist) -> None:
    minimum = params(checklist, "hasty_decisions")["min_days_to_last_milestone"]
    data = _squeezed(minimum - 1)
    created = data["project"]["created"]
    short = triggers(data, checklist, "hasty_decisions")[0]
    assert short.code == "short_preparation"
    assert short.message.params == {
        "date": (created + dt.timedelta(days=minimum - 1)).isoformat(),
        "label": "Fête des récoltes",
        "days": minimum - 1,
        "created": created.isoformat(),
        "min": minimum,
    }
    assert short.path == ("topics", "timeline", "milestones")


def test_the_unsettled_topics_are_named_by_their_labels(checklist: Checklist) -> None:
    rule = params(checklist, "hasty_decisions")
    count = rule["max_unsettled_topics"] + 1
    data = _squeezed(rule["min_days_to_last_milestone"] - 1, "consent", count)
    opened = [t for t in data["topics"] if data["topics"][t].get("status") == "to_complete"]
    found = {t.code: t for t in triggers(data, checklist, "hasty_decisions")}
    labels = [t.label for t in checklist.topics if t.id in opened]
    assert len(labels) == count
    assert found["unsettled_topics"].message.params == {"topics": labels}


def test_a_sheet_written_after_its_last_milestone_is_not_hasty(checklist: Checklist) -> None:
    """A sheet dated after the event (a report written afterwards) is not haste, even the day after."""
    assert codes(_squeezed(-1, "undecided", 5), checklist, "hasty_decisions") == []
    assert codes(_squeezed(0, "undecided", 5), checklist, "hasty_decisions") == [
        "short_preparation",
        "unsettled_topics",
        "no_decision_rule",
    ]


def test_with_no_date_on_the_sheet_the_time_counts_from_today(checklist: Checklist) -> None:
    minimum = params(checklist, "hasty_decisions")["min_days_to_last_milestone"]
    data = _squeezed(0)
    del data["project"]["created"]
    data["topics"]["timeline"]["milestones"] = [{"date": TODAY + dt.timedelta(days=minimum - 1), "label": "Fête"}]
    assert codes(data, checklist, "hasty_decisions") == ["short_preparation", "no_decision_rule"]
    data["topics"]["timeline"]["milestones"] = [{"date": TODAY + dt.timedelta(days=minimum), "label": "Fête"}]
    assert codes(data, checklist, "hasty_decisions") == []


def test_the_last_milestone_counts_whatever_the_order(checklist: Checklist) -> None:
    minimum = params(checklist, "hasty_decisions")["min_days_to_last_milestone"]
    data = _squeezed(minimum - 1)
    milestones = data["topics"]["timeline"]["milestones"]
    created = data["project"]["created"]
    # A later milestone written first: the last one is the latest date, not the last line.
    milestones.insert(0, {"date": created + dt.timedelta(days=minimum), "label": "Bilan"})
    assert codes(data, checklist, "hasty_decisions") == []


@pytest.mark.parametrize(("minimum", "allowed"), [(10, 0), (45, 4)])
def test_the_haste_thresholds_are_read_from_the_checklist(minimum: int, allowed: int) -> None:
    other = checklist_with(min_days_to_last_milestone=minimum, max_unsettled_topics=allowed)
    assert params(other, "hasty_decisions")["min_days_to_last_milestone"] == minimum
    assert codes(_squeezed(minimum - 1), other, "hasty_decisions") == ["short_preparation", "no_decision_rule"]
    assert codes(_squeezed(minimum), other, "hasty_decisions") == []
    assert codes(_squeezed(minimum - 1, "consent", allowed), other, "hasty_decisions") == []
    assert codes(_squeezed(minimum - 1, "consent", allowed + 1), other, "hasty_decisions") == [
        "short_preparation",
        "unsettled_topics",
    ]


# -- wishes_vs_means ---------------------------------------------------------------------------

PARTNER_MONEY = (800, 300)  # the example's two partners that give money
GRANT = 500  # the example's existing grant, from the town (not a partner)
BROUGHT = sum(PARTNER_MONEY) + GRANT
SURE = 450 + 300  # the example's needs with a sure source


def _with_need(amount: int, source: str | None = None) -> dict[str, Any]:
    """The example with one more need, a covered stage, of `amount` and that source (none by default)."""
    data = sheets.example()
    assert [p.get("brings_money") for p in data["partners"]] == [*PARTNER_MONEY, None]
    assert [e.get("amount") for e in data["topics"]["material_resources"]["existing"]] == [None, GRANT]
    assert sum(n["amount"] for n in data["topics"]["material_resources"]["needed"]) == SURE
    need: dict[str, Any] = {"item": "Scène couverte", "amount": amount}
    if source is not None:
        need["source"] = source
    data["topics"]["material_resources"]["needed"].append(need)
    return data


def _gap_of(gap: int) -> dict[str, Any]:
    """Needs that exceed what is brought by `gap`, the new need having no source."""
    return _with_need(BROUGHT - SURE + gap)


def test_the_example_has_no_money_gap(checklist: Checklist) -> None:
    assert codes(sheets.example(), checklist, "wishes_vs_means") == []


@pytest.mark.parametrize("offset", OFFSETS)
def test_a_money_gap_beyond_the_allowed_amount(offset: int, checklist: Checklist) -> None:
    """Needs above what is brought by more than the allowed amount raise; at it or below, not."""
    allowed = params(checklist, "wishes_vs_means")["max_unfunded_amount"]
    found = codes(_gap_of(allowed + offset), checklist, "wishes_vs_means")
    assert found == (["money_gap"] if offset > 0 else [])


def test_the_money_gap_says_what_is_needed_and_what_is_brought(checklist: Checklist) -> None:
    allowed = params(checklist, "wishes_vs_means")["max_unfunded_amount"]
    data = _gap_of(allowed + 1)
    (gap,) = triggers(data, checklist, "wishes_vs_means")
    assert gap.message.params == {
        "needed": Amount(BROUGHT + allowed + 1),
        "brought": Amount(BROUGHT),
        "items": "Scène couverte",
    }
    assert gap.path == ("topics", "material_resources", "needed")


def test_the_partners_money_counts_as_brought(checklist: Checklist) -> None:
    """Without the partners' money, the same needs leave a gap; with it, they are covered."""
    data = _gap_of(0)
    assert codes(data, checklist, "wishes_vs_means") == []
    data["partners"][0]["brings_money"] = PARTNER_MONEY[0] - 1
    assert codes(data, checklist, "wishes_vs_means") == ["money_gap"]


def test_the_existing_amounts_count_as_brought(checklist: Checklist) -> None:
    data = _gap_of(0)
    data["topics"]["material_resources"]["existing"][1]["amount"] = GRANT - 1
    assert codes(data, checklist, "wishes_vs_means") == ["money_gap"]
    del data["topics"]["material_resources"]["existing"][1]["amount"]
    (gap,) = triggers(data, checklist, "wishes_vs_means")
    assert gap.message.params["brought"] == Amount(sum(PARTNER_MONEY))


def test_a_partner_s_money_listed_again_in_existing_is_counted_once(checklist: Checklist) -> None:
    """An existing amount "provided by" a partner who gives money there is the same money: not added."""
    data = _gap_of(1)
    existing = data["topics"]["material_resources"]["existing"]
    existing.append({"item": "Caisse des Potagers", "amount": PARTNER_MONEY[0], "provided_by": "Potagers des Linandes"})
    (gap,) = triggers(data, checklist, "wishes_vs_means")
    assert gap.message.params["brought"] == Amount(BROUGHT)
    # From a partner who gives no money, or from no one named, the amount is money brought.
    existing[-1]["provided_by"] = "Cuisine du Monde Cergy"
    assert codes(data, checklist, "wishes_vs_means") == []
    del existing[-1]["provided_by"]
    assert codes(data, checklist, "wishes_vs_means") == []


def test_a_gap_with_every_source_named_is_not_this_pitfall(checklist: Checklist) -> None:
    """Needs above the means, each with a sure source: the source will pay, no gap said."""
    data = _with_need(BROUGHT, "Mécénat de la Caisse d'épargne, accord signé")
    assert codes(data, checklist, "wishes_vs_means") == []


def test_a_hoped_for_source_is_no_source(checklist: Checklist) -> None:
    allowed = params(checklist, "wishes_vs_means")["max_unfunded_amount"]
    data = _with_need(BROUGHT - SURE + allowed + 1, "On cherchera des sponsors")
    assert codes(data, checklist, "wishes_vs_means") == ["money_gap"]


@pytest.mark.parametrize("allowed", [100, 1000])
def test_the_allowed_gap_is_read_from_the_checklist(allowed: int) -> None:
    other = checklist_with(max_unfunded_amount=allowed)
    assert params(other, "wishes_vs_means")["max_unfunded_amount"] == allowed
    assert codes(_gap_of(allowed), other, "wishes_vs_means") == []
    assert codes(_gap_of(allowed + 1), other, "wishes_vs_means") == ["money_gap"]


def test_the_default_haste_thresholds(checklist: Checklist) -> None:
    """The values the guide's checklist ships with, pinned once (the tests above follow them)."""
    rule = params(checklist, "hasty_decisions")
    assert (rule["min_days_to_last_milestone"], rule["max_unsettled_topics"]) == (30, 2)


def test_a_partner_s_money_listed_first_leaves_the_other_amounts_counted(checklist: Checklist) -> None:
    """The order of the existing resources does not matter: after a partner's money, a grant still counts."""
    data = _gap_of(0)
    existing = data["topics"]["material_resources"]["existing"]
    existing.insert(
        0, {"item": "Caisse des Potagers", "amount": PARTNER_MONEY[0], "provided_by": "Potagers des Linandes"}
    )
    assert codes(data, checklist, "wishes_vs_means") == []


def test_a_need_with_no_amount_adds_nothing_to_the_money_needed(checklist: Checklist) -> None:
    data = _gap_of(0)
    data["topics"]["material_resources"]["needed"].append({"item": "Tables", "source": "Prêt de la Maison de quartier"})
    assert codes(data, checklist, "wishes_vs_means") == []
    data["topics"]["material_resources"]["needed"][-1]["amount"] = 1
    (gap,) = triggers(data, checklist, "wishes_vs_means")
    assert gap.message.params["needed"] == Amount(BROUGHT + 1)


def test_a_need_without_its_name_is_said_as_a_question_mark(checklist: Checklist) -> None:
    """A need whose item or need is missing is a schema error, and the audit still says it, as « ? »."""
    data = sheets.example()
    data["topics"]["material_resources"]["needed"] += [{"amount": BROUGHT}, {"source": "Si on trouve un sponsor"}]
    data["topics"]["human_resources"]["needed"].append({"source": "Si on trouve des bénévoles"})
    sheet, issues = parse_sheet(data, checklist, "x.yaml")
    assert sorted(i.key for i in issues) == ["answer.missing_field"] * 3
    result = audit(sheet, checklist, issues, TODAY)
    found = {
        t.code: t.message.params["items"] for f in result.findings if f.rule == "wishes_vs_means" for t in f.triggers
    }
    assert found == {"money_gap": "?", "material_without_source": "?", "people_without_source": "?"}


def test_needs_with_no_sure_source_are_named(checklist: Checklist) -> None:
    """Things and people needed with no source, or only a hope, are listed by name; a sure source is left out."""
    data = sheets.example()
    data["topics"]["material_resources"]["needed"] += [
        {"item": "Barnums supplémentaires"},
        {"item": "Groupe électrogène", "source": "On cherchera un prêt"},
        {"item": "Tables", "source": "Prêt de la Maison de quartier"},
    ]
    data["topics"]["human_resources"]["needed"] += [
        {"need": "Un photographe", "source": "Peut-être un parent"},
        {"need": "Deux cuisiniers de plus"},
    ]
    found = {t.code: t.message.params["items"] for t in triggers(data, checklist, "wishes_vs_means")}
    assert found == {
        "material_without_source": "Barnums supplémentaires, Groupe électrogène",
        "people_without_source": "Un photographe, Deux cuisiniers de plus",
    }
    where = {t.code: t.path for t in triggers(data, checklist, "wishes_vs_means")}
    assert where == {
        "material_without_source": ("topics", "material_resources", "needed"),
        "people_without_source": ("topics", "human_resources", "needed"),
    }


def test_a_last_milestone_with_no_label_is_said_by_its_date(checklist: Checklist) -> None:
    minimum = params(checklist, "hasty_decisions")["min_days_to_last_milestone"]
    data = _squeezed(minimum - 1)
    last = data["topics"]["timeline"]["milestones"][-1]
    del last["label"]
    sheet, issues = parse_sheet(data, checklist, "x.yaml")
    result = audit(sheet, checklist, issues, TODAY)
    (short,) = [t for f in result.findings if f.rule == "hasty_decisions" for t in f.triggers][:1]
    assert short.code == "short_preparation"
    assert short.message.params["label"] == short.message.params["date"] == last["date"].isoformat()


def test_each_sign_of_haste_is_said_at_its_answer(checklist: Checklist) -> None:
    rule = params(checklist, "hasty_decisions")
    data = _squeezed(rule["min_days_to_last_milestone"] - 1, "undecided", rule["max_unsettled_topics"] + 1)
    where = {t.code: t.path for t in triggers(data, checklist, "hasty_decisions")}
    assert where == {
        "short_preparation": ("topics", "timeline", "milestones"),
        "unsettled_topics": ("topics", "timeline", "milestones"),
        "no_decision_rule": ("topics", "governance", "decision_rule"),
    }
