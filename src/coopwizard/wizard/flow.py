"""The order of the wizard: project, partners, level, the twelve topics, review.

The flow knows nothing of questionary: it asks through a Prompter and shows
through a Screen. After every answer it saves the draft; a Ctrl-C anywhere
becomes WizardInterrupted, which carries the draft's path. Answers already in the
draft are not asked again, so a resumed wizard starts where it stopped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from coopwizard.audit.engine import audit
from coopwizard.audit.findings import Audit, Trigger
from coopwizard.core.errors import WizardInterrupted
from coopwizard.core.message import PathPart
from coopwizard.guide.levels import classify
from coopwizard.guide.model import Checklist, Question, Topic
from coopwizard.i18n import message, say
from coopwizard.sheet.compose import build_sheet
from coopwizard.sheet.model import Sheet
from coopwizard.wizard.draft import Draft
from coopwizard.wizard.screens import Screen


class Prompter(Protocol):
    def ask(
        self,
        question: Question,
        default: Any,
        *,
        partners: Sequence[str] = (),
        must_answer: bool = False,
        prefix: str = "",
    ) -> Any: ...

    def confirm(self, text: str, default: bool) -> bool: ...

    def select(self, text: str, choices: Sequence[tuple[str, str]], default: str | None = None) -> str: ...

    def text(
        self,
        text: str,
        default: str = "",
        validate: Callable[[str], str | None] | None = None,
        instruction: str | None = None,
    ) -> str: ...


class Wizard:
    def __init__(
        self, checklist: Checklist, draft: Draft, prompter: Prompter, screen: Screen, save: Callable[[Draft], Path]
    ) -> None:
        self.checklist, self.draft, self.prompter, self.screen = checklist, draft, prompter, screen
        self._save = save
        self.lang = draft.lang
        self.warned: set[tuple[str, str, str]] = set()
        answers = draft.answers
        answers.setdefault("project", {})
        answers.setdefault("partners", [])
        answers.setdefault("classification", {})
        answers.setdefault("topics", {})

    # -- the whole run ------------------------------------------------------------------
    def run(self) -> tuple[Sheet, Audit]:
        """Ask everything not yet answered, then the review; the finished sheet and its audit."""
        self.guarded(self._all)
        return self.result()

    def edit(self, topic_ids: Sequence[str]) -> tuple[Sheet, Audit]:
        """Ask only these topics (their answers as defaults), for `coop edit`."""

        def topics() -> None:
            for topic_id in topic_ids:
                topic = self.checklist.topic(topic_id)
                if topic is not None:
                    self.topic(topic, force=True)

        self.guarded(topics)
        return self.result()

    def guarded(self, steps: Callable[[], None]) -> None:
        try:
            steps()
        except KeyboardInterrupt:
            raise WizardInterrupted("wizard.interrupted", file=str(self.save())) from None

    def _all(self) -> None:
        self.project()
        self.partners()
        self.classification()
        for topic in self.checklist.topics:
            self.topic(topic)
        self.review()

    def result(self) -> tuple[Sheet, Audit]:
        sheet = self.sheet()
        return sheet, audit(sheet, self.checklist, today=self.created)

    @property
    def created(self) -> dt.date:
        return dt.date.fromisoformat(self.draft.created)

    def sheet(self) -> Sheet:
        sheet, _ = build_sheet(self.draft.answers, self.checklist, self.created, self.lang)
        return sheet

    def save(self) -> Path:
        return self._save(self.draft)

    def m(self, key: str, **params: object) -> str:
        return message(self.lang, key, **params)

    # -- asking one question --------------------------------------------------------------
    def ask(
        self,
        path: str,
        question: Question,
        into: dict[str, Any],
        *,
        must_answer: bool = False,
        force: bool = False,
        prefix: str = "",
    ) -> None:
        if self.draft.is_asked(path) and not force:
            return
        self.screen.help(question)
        default = into.get(question.id)
        value = self.prompter.ask(
            question, default, partners=self.partner_names(), must_answer=must_answer, prefix=prefix
        )
        if value is None:
            into.pop(question.id, None)
        else:
            into[question.id] = value
        self.draft.mark(path)
        self.save()

    def partner_names(self) -> list[str]:
        return [str(p["name"]) for p in self.draft.answers["partners"] if p.get("name")]

    # -- the sections -----------------------------------------------------------------
    def project(self, force: bool = False) -> None:
        if not force and all(self.draft.is_asked(f"project.{q.id}") for q in self.checklist.project):
            return
        self.screen.heading(self.m("wizard.section.project"))
        for question in self.checklist.project:
            self.ask(
                f"project.{question.id}",
                question,
                self.draft.answers["project"],
                must_answer=question.required,
                force=force,
            )

    def partners(self, force: bool = False) -> None:
        if self.draft.is_asked("partners.done") and not force:
            return
        self.screen.heading(self.m("wizard.section.partners"))
        partners: list[dict[str, Any]] = self.draft.answers["partners"]
        index = 0
        while True:
            if index == len(partners):
                partners.append({})
            partner = partners[index]
            optional = index >= 2 and not partner  # a third association or more: an empty name means none
            heading = "wizard.partner_heading_optional" if optional else "wizard.partner_heading"
            self.screen.line(self.m(heading, number=index + 1), "bold")
            for question in self.checklist.partner:
                old_name = partner.get("name")
                must = question.id == "name" and not optional
                self.ask(f"partners.{index}.{question.id}", question, partner, must_answer=must, force=force)
                if question.id == "name" and not partner.get("name"):
                    break
                if question.id == "name" and old_name and partner.get("name") != old_name:
                    # At once, before the next prompt: an interruption must not part answers from their partner.
                    self.rename_partner(str(old_name), str(partner["name"]))
                    self.save()
            if not partner.get("name"):  # "no more associations", said with an empty name
                partners.pop(index)
                self.draft.forget(f"partners.{index}")
                break
            index += 1
            if index < len(partners) and (force or self.draft.is_asked(f"partners.{index - 1}.more")):
                continue
            if self.prompter.confirm(self.m("wizard.more_partners"), default=index < 2):
                self.draft.mark(f"partners.{index - 1}.more")
                self.save()
                continue
            break
        self.draft.mark("partners.done")
        self.save()
        if self.warn_pitfalls(("partners",)) and self.wants_to_revise():
            self.partners(force=True)

    def wants_to_revise(self) -> bool:
        choice = self.prompter.select(
            self.m("wizard.pitfall_choice"),
            [("revise", self.m("wizard.revise")), ("go_on", self.m("wizard.go_on"))],
            "revise",
        )
        return choice == "revise"

    def rename_partner(self, old: str, new: str) -> None:
        """Keep the per-partner answers of an association whose name was corrected."""
        for entry in self.draft.answers["topics"].values():
            for value in entry.values():
                if isinstance(value, dict) and old in value:
                    value[new] = value.pop(old)

    def classification(self, force: bool = False) -> None:
        questions = self.checklist.classification
        if not force and all(self.draft.is_asked(f"classification.{q.id}") for q in questions):
            return
        self.screen.heading(self.m("wizard.section.classification"))
        for question in questions:
            self.ask(
                f"classification.{question.id}",
                question,
                self.draft.answers["classification"],
                must_answer=True,
                force=force,
            )
        self.screen.level(classify(self.sheet().classification, self.checklist))
        self.warn_inconsistencies()

    def topic(self, topic: Topic, force: bool = False) -> None:
        prefix = f"topics.{topic.id}"
        if self.draft.is_asked(f"{prefix}.done") and not force:
            return
        number = self.checklist.topics.index(topic) + 1
        entry: dict[str, Any] = self.draft.answers["topics"].setdefault(topic.id, {})
        self.screen.topic(topic, number, len(self.checklist.topics))
        if force or not self.draft.is_asked(f"{prefix}.start"):
            now = self.prompter.select(
                self.m("wizard.topic_now"),
                [("now", self.m("wizard.topic_now.yes")), ("later", self.m("wizard.topic_now.later"))],
                "now",
            )
            self.draft.mark(f"{prefix}.start")
            if now == "later":
                entry["status"] = "to_complete"
                self.draft.mark(f"{prefix}.done")
                self.save()
                return
            entry.pop("status", None)
            self.save()
        while True:
            for question in topic.questions:
                self.ask(f"{prefix}.{question.id}", question, entry, force=force)
            if not self.warn_pitfalls(("topics", topic.id)) or not self.wants_to_revise():
                break
            force = True
        if not any(key != "status" for key in entry):
            entry["status"] = "to_complete"  # gone through and left empty: to come back to
        self.draft.mark(f"{prefix}.done")
        self.save()

    # -- feedback while it is useful --------------------------------------------------------
    def warn_pitfalls(self, scope: tuple[PathPart, ...]) -> bool:
        """Show each pitfall newly set off by answers within `scope`; whether any was shown."""
        shown = False
        for finding in audit(self.sheet(), self.checklist, today=self.created).findings:
            if finding.kind != "pitfall":
                continue
            fresh = [t for t in finding.triggers if t.path[: len(scope)] == scope and self._new(finding.rule, t)]
            if fresh:
                self.screen.pitfall(finding, fresh)
                shown = True
        return shown

    def _new(self, rule: str, trigger: Trigger) -> bool:
        key = (rule, trigger.code, say(trigger.message, "en"))
        if key in self.warned:
            return False
        self.warned.add(key)
        return True

    def warn_inconsistencies(self) -> None:
        for finding in audit(self.sheet(), self.checklist, today=self.created).findings:
            if finding.kind == "inconsistency" and finding.path[:1] == ("classification",):
                self.screen.pitfall(finding, ())

    # -- the review ------------------------------------------------------------------------
    def review(self) -> None:
        while True:
            self.screen.review(self.sheet())
            sections = [
                ("write", self.m("wizard.write")),
                ("project", self.m("wizard.change", section=self.m("wizard.section.project"))),
                ("partners", self.m("wizard.change", section=self.m("wizard.section.partners"))),
                ("classification", self.m("wizard.change", section=self.m("wizard.section.classification"))),
            ]
            sections += [
                (f"topic:{t.id}", self.m("wizard.change", section=f"{n}. {t.label(self.lang)}"))
                for n, t in enumerate(self.checklist.topics, start=1)
            ]
            choice = self.prompter.select(self.m("wizard.review_choice"), sections, "write")
            if choice == "write":
                return
            if choice == "project":
                self.project(force=True)
            elif choice == "partners":
                self.partners(force=True)
            elif choice == "classification":
                self.classification(force=True)
            else:
                topic = self.checklist.topic(choice.partition(":")[2])
                if topic is not None:
                    self.topic(topic, force=True)
