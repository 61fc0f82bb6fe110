"""Today's date for the audit, in one place: what "a review is due" and "the sheet's date" are measured from.

A seam rather than `dt.date.today()` inline, so that the suite audits its example sheets
as of a fixed day (tests/conftest.py): a sheet dated 2026-09-14 would otherwise start
showing "a review is due" on 2027-09-15 and every test of it would fail that morning.
"""

import datetime as dt


def today() -> dt.date:
    return dt.date.today()


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier (the last day of the month when it has fewer days)."""
    import calendar

    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
