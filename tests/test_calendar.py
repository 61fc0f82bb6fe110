"""The milestones as iCalendar, read back by the icalendar library: one all-day event each, stable UIDs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar

from coopwizard.guide.model import Checklist
from coopwizard.render.calendar import render_calendar
from tests.conftest import EXAMPLE
from tests.documents import hostile_sheet
from tests.golden import HALF, audited
from tests.helpers import coop

STAMP = dt.datetime(2026, 10, 1, 9, 0, tzinfo=dt.UTC)


def test_one_all_day_event_per_milestone(checklist: Checklist) -> None:
    sheet, result = audited(EXAMPLE, checklist)
    data = render_calendar(sheet, checklist, result, "fr", STAMP)
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")  # CRLF only
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "long lines are folded"
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0" and "coopwizard" in str(calendar["PRODID"])
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 4
    first = events[0]
    assert first.decoded("DTSTART") == dt.date(2026, 10, 13) and first.decoded("DTEND") == dt.date(2026, 10, 14)
    assert b"DTSTART;VALUE=DATE:20261013" in data
    assert "DTSTAMP" in first
    assert "Signature de la charte" in str(first["SUMMARY"])
    description = str(first["DESCRIPTION"])
    assert "Jardins et fêtes des Linandes" in description and "Club Ados Linandes" in description


def test_uids_are_stable_across_runs_and_distinct(checklist: Checklist) -> None:
    sheet, result = audited(EXAMPLE, checklist)
    one = icalendar.Calendar.from_ical(render_calendar(sheet, checklist, result, "fr"))
    two = icalendar.Calendar.from_ical(render_calendar(sheet, checklist, result, "en", STAMP))
    uids = [str(e["UID"]) for e in one.walk("VEVENT")]
    assert uids == [str(e["UID"]) for e in two.walk("VEVENT")]
    assert len(set(uids)) == len(uids)


def test_hostile_text_is_escaped_by_the_format(checklist: Checklist) -> None:
    import datetime

    from coopwizard.audit.engine import audit

    sheet = hostile_sheet()
    data = render_calendar(sheet, checklist, audit(sheet, checklist, [], datetime.date(2026, 10, 1)), "fr", STAMP)
    [event] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert "<script>" in str(event["SUMMARY"])  # text, in a text format: kept as typed, escaped by RFC 5545
    assert b"\nBEGIN:VEVENT\r\nEND" not in data


def test_coop_calendar_to_stdout_and_to_a_file(tmp_path: Path) -> None:
    run = coop("calendar", str(HALF), "-o", "-")
    assert run.code == 0 and run.out.startswith("BEGIN:VCALENDAR")
    target = tmp_path / "jalons.ics"
    assert coop("calendar", str(EXAMPLE), "-o", str(target)).code == 0
    assert target.read_bytes().count(b"BEGIN:VEVENT") == 4
