"""The sheet's dated milestones as an iCalendar file (RFC 5545, through the icalendar library).

One all-day event per dated milestone: DTSTART;VALUE=DATE and DTEND the next day.
Each UID is derived from the project and the milestone, so that importing the
file again updates the events instead of duplicating them. icalendar writes the
CRLF line ends and folds long lines.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from coopwizard import __version__
from coopwizard.audit.findings import Audit
from coopwizard.guide.model import Checklist
from coopwizard.i18n.typography import colon
from coopwizard.render.view import build_view
from coopwizard.sheet.model import Sheet

PRODID = f"-//coopwizard//coopwizard {__version__}//FR"


def milestone_uid(project: str, day: dt.date, label: str) -> str:
    digest = hashlib.sha256("\x1f".join((project, day.isoformat(), label)).encode("utf-8")).hexdigest()[:32]
    return f"{digest}@coopwizard"


def render_calendar(
    sheet: Sheet, checklist: Checklist, result: Audit, lang: str, stamp: dt.datetime | None = None
) -> bytes:
    import icalendar

    view = build_view(sheet, checklist, result, lang)
    now = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", view.title)
    partners = ", ".join(p.name for p in view.partners)
    for milestone in view.milestones:
        if milestone.date is None:
            continue
        event = icalendar.Event()
        event.add("uid", milestone_uid(view.title, milestone.date, milestone.label))
        event.add("dtstamp", now)
        event.add("dtstart", milestone.date)
        event.add("dtend", milestone.date + dt.timedelta(days=1))
        event.add("summary", f"{milestone.label} — {view.title}")
        lines = [f"{view.t('project')}{colon(lang)}{view.title}"]
        if partners:
            lines.append(f"{view.t('partners')}{colon(lang)}{partners}")
        event.add("description", "\n".join(lines))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
