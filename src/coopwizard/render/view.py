"""What the documents show of an audited sheet, for people: one view model every document renderer reads.

The Markdown body, the HTML and Word sheets, the agreement and the agenda all
lay out the same `View`: sections of labelled answers (the checklist's short
labels, never its prompts), the level on the guide's three-step scale (supported
by the classification answers, and the one the sheet declares), the topics'
coverage, the findings grouped for people (no rule codes), the budget (each sum
counted once), the dated milestones and who brings what. Every text here is
plain and unescaped: each renderer escapes for its own format. Dates are written
in the document's language (Babel, imported only when a date is written).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import field
from typing import Any

from coopwizard.audit.findings import KINDS, Audit
from coopwizard.core.message import Message
from coopwizard.core.records import slim_dataclass
from coopwizard.guide.levels import steps_to_next
from coopwizard.guide.model import Checklist, Question
from coopwizard.guide.types import Shape, is_answered
from coopwizard.i18n import message, say
from coopwizard.i18n.typography import list_separator, money, quote
from coopwizard.render.reviews import signed
from coopwizard.sheet.model import Sheet

_INSTRUCTION = re.compile(r"\s*\((un par ligne|one per line)\)$")  # how to type it, not what to settle
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BABEL_LOCALE = {"fr": "fr_FR", "en": "en_GB"}


def long_date(day: dt.date, lang: str) -> str:
    """« 10 décembre 2026 », "10 December 2026"."""
    from babel.dates import format_date

    return str(format_date(day, format="long", locale=_BABEL_LOCALE.get(lang, "en_GB")))


@slim_dataclass
class Answer:
    """One labelled answer: `text` on one line always; `items`, or `columns` and `rows`, for lists and tables."""

    id: str
    label: str
    shape: Shape
    text: str
    items: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


@slim_dataclass
class OpenQuestion:
    """A question the sheet does not answer yet: its label, and the prompt that asks it."""

    label: str
    prompt: str
    required: bool


@slim_dataclass
class Section:
    """One topic as a document shows it: its status, its answers and its open questions."""

    id: str
    number: int
    title: str
    guide: str  # the guide's own words for the topic
    status: str  # settled, to_complete, missing
    status_label: str
    answers: tuple[Answer, ...]
    open_questions: tuple[OpenQuestion, ...]
    notes: str | None = None


@slim_dataclass
class LevelStep:
    """One step of the level scale as a document draws it."""

    name: str
    motto: str
    applies_to: str
    reached: bool  # this level's conditions hold (pooling and collaboration can both)
    current: bool  # the highest level reached


@slim_dataclass
class LevelView:
    """The guide's scale at the level the whole sheet supports (audit: the classification answers less
    the "yes" the topics contradict); `declared` is what the partners call it, as the sheet records."""

    steps: tuple[LevelStep, ...]
    rank: int
    supported: str | None  # the level's name; None: no sharing yet, or not answered
    summary: str  # "Coopération — « faire œuvre commune »", or what is known when no level is reached
    applies_to: str | None
    modes: tuple[str, ...]
    next_name: str | None
    to_next: tuple[str, ...]
    declared: str | None
    declared_differs: bool
    rapprochement: str | None  # the formal rapprochement considered, in words; None when not answered
    rapprochement_considered: bool
    notes: tuple[str, ...]
    answers: tuple[Answer, ...]  # the classification answers, labelled


@slim_dataclass
class CoverageView:
    """How many topics are settled, as a document says it."""

    settled: int
    total: int
    to_complete: tuple[str, ...]
    missing: tuple[str, ...]
    text: str  # "12 sujets réglés sur 12"


@slim_dataclass
class FindingView:
    """One finding as a document says it: the text, why, and the guide's advice."""

    text: str
    because: tuple[str, ...] = ()
    advice: tuple[str, ...] = ()


@slim_dataclass
class FindingGroup:
    """The findings of one kind, under their heading."""

    kind: str
    title: str
    items: tuple[FindingView, ...]


@slim_dataclass
class BudgetLine:
    """One line of the budget table: a contribution, a resource or a need."""

    label: str
    amount: float
    amount_text: str
    note: str = ""  # who provides it, or the source considered


@slim_dataclass
class Budget:
    """The money a sheet speaks of: what partners bring, what exists, what is needed, and the gap."""

    contributions: tuple[BudgetLine, ...]  # the partners' money
    existing: tuple[BudgetLine, ...]  # other existing resources with an amount
    needed: tuple[BudgetLine, ...]
    total_existing: str
    total_needed: str
    gap: float
    gap_text: str
    unsourced: tuple[str, ...]  # needs with an amount and no source

    @property
    def empty(self) -> bool:
        return not (self.contributions or self.existing or self.needed)


@slim_dataclass
class Milestone:
    """One dated step of the project's calendar."""

    date: dt.date | None
    date_text: str
    label: str


@slim_dataclass
class Partner:
    """One partner as a document shows it."""

    name: str
    representative: str
    contact: str
    material: tuple[str, ...]
    money: str
    people: tuple[str, ...]
    mission: str
    skills: str


@slim_dataclass
class ConcernScore:
    """One concern of the partners' reviews: the latest mean score, the spread between partners, the trend."""

    label: str
    score: float
    score_text: str  # "3,5/5"
    percent: int  # the bar's length: the score over the scale's top
    spread_text: str
    trend_text: str | None  # "+0,3", "−1", "=" (no change); None: no earlier review
    to_discuss: bool  # partners two points apart or more


@slim_dataclass
class ReviewsView:
    """What the partners' reviews say, as a document shows it."""

    summary: str  # "6 bilans de 3 associations, le dernier le 1 octobre 2025"
    concerns: tuple[ConcernScore, ...]


@slim_dataclass
class View:
    """A sheet and its audit said in one language, ready for any document renderer."""

    lang: str
    title: str
    summary: str | None
    facts: tuple[Answer, ...]  # territory, scale, theme, created
    partners: tuple[Partner, ...]
    partner_labels: dict[str, str]
    level: LevelView
    coverage: CoverageView
    sections: tuple[Section, ...]
    findings: tuple[FindingGroup, ...]
    budget: Budget
    milestones: tuple[Milestone, ...]
    created: dt.date | None
    created_text: str | None
    answers: dict[str, Any] = field(default_factory=dict, repr=False)  # raw answers by path, for agreements
    reviews: ReviewsView | None = None  # what the partners' reviews say, when the sheet has some

    def t(self, key: str, **params: Any) -> str:
        """A document text in the view's language (`doc.*` keys)."""
        return message(self.lang, f"doc.{key}", **params)

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def answer(self, section_id: str, question_id: str) -> Answer | None:
        section = self.section(section_id)
        if section is None:
            return None
        return next((a for a in section.answers if a.id == question_id), None)

    def mission_of(self, name: str) -> str:
        return next((p.mission for p in self.partners if p.name == name), "")


def build_view(sheet: Sheet, checklist: Checklist, result: Audit, lang: str) -> View:
    return _Builder(sheet, checklist, result, lang).view()


class _Builder:
    def __init__(self, sheet: Sheet, checklist: Checklist, result: Audit, lang: str) -> None:
        self.sheet, self.checklist, self.result, self.lang = sheet, checklist, result, lang

    def view(self) -> View:
        sheet, lang = self.sheet, self.lang
        created = sheet.created
        return View(
            lang=lang,
            title=sheet.title or message(lang, "report.untitled"),
            summary=str(sheet.project["summary"]) if is_answered(sheet.project.get("summary")) else None,
            facts=self.facts(),
            partners=self.partners(),
            partner_labels=self.partner_labels(),
            level=self.level(),
            coverage=self.coverage(),
            sections=self.sections(),
            findings=self.findings(),
            budget=self.budget(),
            milestones=self.milestones(),
            created=created,
            created_text=long_date(created, lang) if created else None,
            answers=self.raw_answers(),
            reviews=self.reviews(),
        )

    def reviews(self) -> ReviewsView | None:
        summary = self.result.reviews
        if summary is None or not summary.count:
            return None
        lang = self.lang

        def number(value: float) -> str:
            text = f"{value:g}"
            return text.replace(".", ",") if lang == "fr" else text

        concerns = tuple(
            ConcernScore(
                label=c.concern.label(lang),
                score=c.score,
                score_text=f"{number(c.score)}/{summary.scale}",
                percent=round(100 * c.score / summary.scale),
                spread_text=number(c.spread),
                trend_text=None if c.trend is None else signed(c.trend, lang),  # as `coop check` says it
                to_discuss=c.to_discuss,
            )
            for c in summary.concerns
        )
        said = message(
            lang,
            "report.reviews_count",
            count=summary.count,
            partners=len(summary.partners),
            date=long_date(summary.latest, lang),
        )
        return ReviewsView(said, concerns)

    # -- answers ------------------------------------------------------------------
    def display(self, question: Question, value: Any) -> str:
        if question.type == "date" and isinstance(value, dt.date):
            return long_date(value, self.lang)
        if question.type == "amount" and isinstance(value, int | float):
            return money(value, self.lang)
        if question.type == "list" and question.fields:
            return list_separator(self.lang).join(
                ", ".join(self.display(f, item[f.id]) for f in question.fields if is_answered(item.get(f.id)))
                for item in value
            )
        return question.kind.display(question, value, self.lang)

    def answer(self, question: Question, value: Any) -> Answer:
        shape = question.kind.shape(question)
        label = question.short(self.lang)
        text = self.display(question, value)
        if shape == "items":
            return Answer(question.id, label, shape, text, items=tuple(str(v) for v in value))
        if shape == "records":
            columns = tuple(f.short(self.lang) for f in question.fields)
            rows = tuple(
                tuple(self.display(f, item[f.id]) if is_answered(item.get(f.id)) else "" for f in question.fields)
                for item in value
            )
            return Answer(question.id, label, shape, text, columns=columns, rows=rows)
        if shape == "per_partner":
            columns = (message(self.lang, "md.association"), label)
            rows = tuple((str(name), str(v)) for name, v in value.items())
            return Answer(question.id, label, shape, text, columns=columns, rows=rows)
        return Answer(question.id, label, shape, text)

    def facts(self) -> tuple[Answer, ...]:
        project = self.sheet.project
        facts = [
            self.answer(q, project[q.id])
            for q in self.checklist.project
            if q.id not in ("title", "summary") and is_answered(project.get(q.id))
        ]
        return tuple(facts)

    def raw_answers(self) -> dict[str, Any]:
        answers: dict[str, Any] = {f"project.{k}": v for k, v in self.sheet.project.items()}
        answers.update({f"classification.{k}": v for k, v in self.sheet.classification.items()})
        for topic_id, entry in self.sheet.topics.items():
            answers.update({f"{topic_id}.{k}": v for k, v in entry.answers.items()})
        return answers

    # -- partners -----------------------------------------------------------------
    def partner_labels(self) -> dict[str, str]:
        labels = {q.id: q.short(self.lang) for q in self.checklist.partner}
        missions = self.checklist.question_at("responsibilities.missions")
        skills = self.checklist.question_at("human_resources.skills")
        labels["mission"] = missions.short(self.lang) if missions else ""
        labels["skills"] = skills.short(self.lang) if skills else ""
        return labels

    def partners(self) -> tuple[Partner, ...]:
        missions = self.sheet.answer("responsibilities.missions") or {}
        skills = self.sheet.answer("human_resources.skills") or {}
        result = []
        for partner in self.sheet.partners:
            name = str(partner.get("name") or "")
            amount = partner.get("brings_money")
            result.append(
                Partner(
                    name=name,
                    representative=str(partner.get("representative") or ""),
                    contact=str(partner.get("contact") or ""),
                    material=tuple(str(v) for v in partner.get("brings_material") or ()),
                    money=money(amount, self.lang) if isinstance(amount, int | float) and amount else "",
                    people=tuple(str(v) for v in partner.get("brings_people") or ()),
                    mission=str(missions.get(name, "")) if isinstance(missions, dict) else "",
                    skills=str(skills.get(name, "")) if isinstance(skills, dict) else "",
                )
            )
        return tuple(result)

    # -- level --------------------------------------------------------------------
    def level(self) -> LevelView:
        lang, checklist = self.lang, self.checklist
        classification = self.result.supported
        reached = {lv.id for lv in classification.modes}
        current = classification.level
        steps = tuple(
            LevelStep(
                lv.name(lang),
                lv.motto(lang),
                lv.applies_to(lang),
                lv.id in reached,
                current is not None and lv.id == current.id,
            )
            for lv in sorted(checklist.levels, key=lambda lv: lv.rank)
        )
        if current is None:
            key = "report.level_none" if classification.answered else "report.level_unknown"
            summary = message(lang, key)
            summary = summary[:1].upper() + summary[1:]
        else:
            summary = f"{current.name(lang)} — {quote(current.motto(lang), lang)}"
        declared_level = checklist.level(self.sheet.level) if self.sheet.level else None
        declared = declared_level.name(lang) if declared_level else (self.sheet.level or None)
        rapprochement_q = next((q for q in checklist.classification if q.type == "choice"), None)
        rapprochement = None
        considered = False
        if rapprochement_q is not None:
            value = self.sheet.classification.get(rapprochement_q.id)
            if is_answered(value):
                rapprochement = rapprochement_q.kind.display(rapprochement_q, value, lang)
                considered = value != rapprochement_q.default
        answers = tuple(
            self.answer(q, self.sheet.classification[q.id])
            for q in checklist.classification
            if is_answered(self.sheet.classification.get(q.id))
        )
        return LevelView(
            steps=steps,
            rank=current.rank if current else 0,
            supported=current.name(lang) if current else None,
            summary=summary,
            applies_to=current.applies_to(lang) if current else None,
            modes=tuple(m.name(lang) for m in classification.modes),
            next_name=classification.next_level.name(lang) if classification.next_level else None,
            to_next=tuple(steps_to_next(classification, lang)) if classification.next_level else (),
            declared=declared,
            declared_differs=bool(declared_level and current and declared_level.id != current.id)
            or bool(self.sheet.level and current is None),
            rapprochement=rapprochement,
            rapprochement_considered=considered,
            notes=tuple(note.text(lang) for note in checklist.level_notes),
            answers=answers,
        )

    # -- topics -------------------------------------------------------------------
    def coverage(self) -> CoverageView:
        coverage = self.result.coverage
        names = {t.id: t.label(self.lang) for t in self.checklist.topics}
        settled = len(coverage.settled)
        return CoverageView(
            settled=settled,
            total=coverage.total,
            to_complete=tuple(names.get(t, t) for t in coverage.to_complete),
            missing=tuple(names.get(t, t) for t in coverage.missing),
            text=message(self.lang, "doc.coverage", settled=settled, total=coverage.total),
        )

    def sections(self) -> tuple[Section, ...]:
        sections = []
        coverage = self.result.coverage
        for number, topic in enumerate(self.checklist.topics, start=1):
            entry = self.sheet.topics.get(topic.id)
            # The audit's verdict, not the sheet's box: a topic marked settled with a required answer
            # missing (or a placeholder) is to complete, as the coverage line above it says.
            status = coverage.status(topic.id)
            answers: list[Answer] = []
            open_questions: list[OpenQuestion] = []
            for question in topic.questions:
                value = entry.answers.get(question.id) if entry else None
                if is_answered(value):
                    answers.append(self.answer(question, value))
                else:
                    prompt = _INSTRUCTION.sub("", question.text(self.lang))
                    open_questions.append(OpenQuestion(question.short(self.lang), prompt, question.required))
            sections.append(
                Section(
                    id=topic.id,
                    number=number,
                    title=topic.label(self.lang),
                    guide=topic.guide(self.lang),
                    status=status,
                    status_label=message(self.lang, f"md.status.{status}"),
                    answers=tuple(answers),
                    open_questions=tuple(open_questions),
                    notes=entry.notes if entry and entry.notes else None,
                )
            )
        return tuple(sections)

    # -- findings -----------------------------------------------------------------
    def say(self, text: Any) -> str:
        """A finding's text, its dates written in words."""
        inner = text if isinstance(text, Message) else getattr(text, "message", None)
        if isinstance(inner, Message):
            params = {k: self.dated(v) for k, v in inner.params.items()}
            return message(self.lang, inner.key, **params)
        return say(text, self.lang)

    def dated(self, value: Any) -> Any:
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                return value
        return long_date(value, self.lang) if isinstance(value, dt.date) else value

    def findings(self) -> tuple[FindingGroup, ...]:
        """The findings to discuss, by kind; topics missing or to complete are the coverage's, not repeated here."""
        groups = []
        for kind in KINDS:
            if kind == "missing":
                continue
            group = [f for f in self.result.findings if f.kind == kind]
            if not group:
                continue
            items = tuple(
                FindingView(
                    _capital(self.say(f.message)),
                    tuple(self.say(t) for t in f.triggers),
                    tuple(self.say(a) for a in f.advice),
                )
                for f in group
            )
            groups.append(FindingGroup(kind, message(self.lang, f"report.kind.{kind}"), items))
        return tuple(groups)

    # -- budget and milestones ----------------------------------------------------
    def budget(self) -> Budget:
        lang = self.lang
        contributions = []
        givers = set()
        for partner in self.sheet.partners:
            amount = partner.get("brings_money")
            if isinstance(amount, int | float) and not isinstance(amount, bool) and amount > 0:
                name = str(partner.get("name") or "")
                givers.add(_folded(name))
                contributions.append(BudgetLine(name, float(amount), money(amount, lang)))
        existing = []
        for item in self.sheet.answer("material_resources.existing") or []:
            amount = item.get("amount")
            provider = str(item.get("provided_by") or "")
            # A partner's money may be listed again as an existing resource: it is counted once.
            if isinstance(amount, int | float) and amount > 0 and _folded(provider) not in givers:
                existing.append(BudgetLine(str(item.get("item", "")), float(amount), money(amount, lang), provider))
        needed = []
        unsourced = []
        for item in self.sheet.answer("material_resources.needed") or []:
            amount = item.get("amount")
            if isinstance(amount, int | float) and amount > 0:
                source = str(item.get("source") or "")
                needed.append(BudgetLine(str(item.get("item", "")), float(amount), money(amount, lang), source))
                if not source:
                    unsourced.append(str(item.get("item", "")))
        total_existing = sum(line.amount for line in (*contributions, *existing))
        total_needed = sum(line.amount for line in needed)
        gap = max(total_needed - total_existing, 0.0)
        return Budget(
            contributions=tuple(contributions),
            existing=tuple(existing),
            needed=tuple(needed),
            total_existing=money(_tidy(total_existing), lang),
            total_needed=money(_tidy(total_needed), lang),
            gap=gap,
            gap_text=money(_tidy(gap), lang),
            unsourced=tuple(unsourced),
        )

    def milestones(self) -> tuple[Milestone, ...]:
        items = self.sheet.answer("timeline.milestones") or []
        result = []
        for item in items:
            day = item.get("date") if isinstance(item.get("date"), dt.date) else None
            result.append(Milestone(day, long_date(day, self.lang) if day else "", str(item.get("label") or "")))
        return tuple(sorted(result, key=lambda m: (m.date is None, m.date or dt.date.min)))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _folded(name: str) -> str:
    return " ".join(name.casefold().split())


def _tidy(amount: float) -> float:
    return int(amount) if float(amount).is_integer() else round(amount, 2)
