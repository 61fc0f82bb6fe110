"""The next meeting's agenda, from the sheet: what is left to settle, what to discuss, what comes next.

In the guide's order: the topics still missing or to complete, each with the
questions to settle; then the pitfalls and inconsistencies the audit found;
then the coming milestones. Markdown (to paste in an email) or HTML (to print).
"""

from __future__ import annotations

import datetime as dt

from coopwizard.audit.findings import Audit
from coopwizard.core.records import slim_dataclass
from coopwizard.guide.model import Checklist
from coopwizard.render.view import FindingGroup, Milestone, Section, View, build_view
from coopwizard.sheet.model import Sheet

DISCUSSED = ("inconsistency", "pitfall")


@slim_dataclass
class Agenda:
    """A meeting's agenda drawn from a sheet: topics to settle, findings to discuss, dates coming."""

    view: View
    topics: tuple[Section, ...]
    discuss: tuple[FindingGroup, ...]
    coming: tuple[Milestone, ...]


def build_agenda(sheet: Sheet, checklist: Checklist, result: Audit, lang: str, today: dt.date) -> Agenda:
    view = build_view(sheet, checklist, result, lang)
    return Agenda(
        view=view,
        topics=tuple(s for s in view.sections if s.status != "settled"),
        discuss=tuple(g for g in view.findings if g.kind in DISCUSSED),
        coming=tuple(m for m in view.milestones if m.date is None or m.date >= today),
    )


def render_agenda_markdown(sheet: Sheet, checklist: Checklist, result: Audit, lang: str, today: dt.date) -> str:
    from coopwizard.i18n.typography import colon
    from coopwizard.render.markdown import escape_inline as e

    agenda = build_agenda(sheet, checklist, result, lang, today)
    v = agenda.view
    sep = colon(lang)
    out = [f"# {e(v.t('agenda.title'))} — {e(v.title)}", ""]
    out += [f"- **{e(v.t('agenda.when'))}**{sep}", f"- **{e(v.t('agenda.where'))}**{sep}"]
    if v.partners:
        names = ", ".join(f"{p.name} ({p.representative})" if p.representative else p.name for p in v.partners)
        out.append(f"- **{e(v.t('agenda.who'))}**{sep}{e(names)}")
    out.append("")
    out += [f"## {e(v.t('agenda.to_settle'))}", ""]
    if not agenda.topics:
        out += [e(v.t("agenda.all_settled")), ""]
    for number, section in enumerate(agenda.topics, start=1):
        out += [f"### {number}. {e(section.title)} ({e(section.status_label)})", "", f"*{e(section.guide)}*", ""]
        for question in section.open_questions:
            mark = f" — {e(v.t('agenda.essential'))}" if question.required else ""
            out.append(f"- {e(question.prompt)}{mark}")
        if section.open_questions:
            out.append("")
    out += [f"## {e(v.t('agenda.discuss'))}", ""]
    if not agenda.discuss:
        out += [e(v.t("agenda.nothing_to_discuss")), ""]
    for group in agenda.discuss:
        out += [f"### {e(group.title)}", ""]
        for item in group.items:
            out.append(f"- {e(item.text)}")
            out += [f"  - {e(because)}" for because in item.because]
        out.append("")
    if v.reviews is not None:  # the partners' health checks: where they stand, and where they differ
        out += [f"## {e(v.t('reviews'))}", "", e(v.reviews.summary), ""]
        for c in v.reviews.concerns:
            trend = f" · {e(v.t('review_trend', trend=c.trend_text))}" if c.trend_text else ""
            discuss = f" · **{e(v.t('review_to_discuss'))}**" if c.to_discuss else ""
            spread = e(v.t("review_spread", spread=c.spread_text))
            out.append(f"- {e(c.label)}{sep}{e(c.score_text)} ({spread}{trend}){discuss}")
        out.append("")
    out += [f"## {e(v.t('agenda.coming'))}", ""]
    if not agenda.coming:
        out += [e(v.t("no_milestone")), ""]
    for milestone in agenda.coming:
        out.append(
            f"- **{e(milestone.date_text)}** — {e(milestone.label)}"
            if milestone.date_text
            else f"- {e(milestone.label)}"
        )
    if agenda.coming:
        out.append("")
    out += [f"## {e(v.t('agenda.other'))}", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def render_agenda_html(sheet: Sheet, checklist: Checklist, result: Audit, lang: str, today: dt.date) -> str:
    from coopwizard.render.html import render_template

    agenda = build_agenda(sheet, checklist, result, lang, today)
    title = f"{agenda.view.t('agenda.title')} — {agenda.view.title}"
    return render_template("html-agenda.j2", agenda.view, title, checklist.title(lang), agenda=agenda)
