"""The order of the wizard: project, partners, level, the twelve topics, review.

The flow knows nothing of questionary: it asks through an `Asker` over a
`Prompter`'s primitive prompts and shows through a `Screen`. It works on the
domain's `Sheet` and holds its place in a `Progress`; after every answer both are
saved in the draft. A Ctrl-C anywhere becomes WizardInterrupted, with the text
being typed kept in the draft; answers already given are not asked again, so a
resumed wizard starts where it stopped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopwizard.core.errors import WizardInterrupted
from coopwizard.core.message import Message, PathPart
from coopwizard.guide.levels import Classification
from coopwizard.guide.model import Checklist, Question, Topic
from coopwizard.i18n import message, say
from coopwizard.sheet.compose import answers_of, build_sheet
from coopwizard.sheet.model import Sheet, applies, prefilled
from coopwizard.wizard.asking import Asker
from coopwizard.wizard.draft import Draft
from coopwizard.wizard.progress import Progress, Typing
from coopwizard.wizard.prompter import Interrupted, Prompter
from coopwizard.wizard.screens import Screen
from coopwizard.wizard.stops import raise_if_stopped

if TYPE_CHECKING:
    from coopwizard.audit.findings import Audit, Finding, Trigger

NO_NAME = "__no_name__"  # the declared level's "we do not name it"


class Wizard:
    def __init__(
        self, checklist: Checklist, draft: Draft, prompter: Prompter, screen: Screen, save: Callable[[Draft], Path]
    ) -> None:
        self.checklist, self.draft, self.prompter, self.screen = checklist, draft, prompter, screen
        self._save = save
        self.lang = draft.lang
        self.asker = Asker(prompter, self.lang)
        self.progress: Progress = draft.progress
        self.sheet: Sheet = build_sheet(draft.answers, checklist, self.created, self.lang)[0]
        self.warned: set[tuple[str, str, str]] = set()
        self.asking: tuple[str, Question, dict[str, Any]] | None = None  # the question on screen, for a stop

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
            raise_if_stopped()  # a stop Python swallowed after the last question: nothing is written
        except KeyboardInterrupt as stop:
            self.keep_what_was_typed(stop)
            raise WizardInterrupted("wizard.interrupted", lang=self.lang, file=str(self.save())) from None

    def keep_what_was_typed(self, stop: KeyboardInterrupt) -> None:
        """The answer being given when the stop came: its first entries into the sheet, its typed text aside."""
        if self.asking is None:
            return
        path, question, into = self.asking
        typed = stop.typed if isinstance(stop, Interrupted) else ""
        partial = stop.partial if isinstance(stop, Interrupted) else None
        if partial:
            into[question.id] = partial
        self.progress.typing = Typing(path, typed) if typed or partial else None

    def _all(self) -> None:
        self.project()
        self.partners()
        self.classification()
        for topic in self.checklist.topics:
            self.topic(topic)
        self.review()

    def result(self) -> tuple[Sheet, Audit]:
        sheet = self.final_sheet()
        from coopwizard.audit.engine import audit  # the audit's rules: not before the first question

        return sheet, audit(sheet, self.checklist, today=self.created)

    @property
    def created(self) -> dt.date:
        return dt.date.fromisoformat(self.draft.created)

    def final_sheet(self) -> Sheet:
        """The sheet as an answers file with the same answers would make it: one path for both."""
        return build_sheet(answers_of(self.sheet, self.checklist), self.checklist, self.created, self.lang)[0]

    def save(self) -> Path:
        self.draft.answers = answers_of(self.sheet, self.checklist)
        self.draft.progress = self.progress
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
        if (self.progress.is_asked(path) and not force) or not applies(question, self.sheet):
            return  # asked already, or not asked of this partnership (its condition does not hold)
        self.screen.help(question)
        typing = self.progress.typing
        typed = typing.text if typing is not None and typing.path == path else None
        self.asking = (path, question, into)
        default = into.get(question.id)
        if default is None:
            default = prefilled(question, self.sheet)  # what partners said they bring: to confirm, not retype
        value = self.asker.ask(
            question,
            default,
            partners=self.sheet.partner_names(),
            must_answer=must_answer,
            prefix=prefix,
            typed=typed,
        )
        self.asking = None
        if value is None:
            into.pop(question.id, None)
        else:
            into[question.id] = value
        self.progress.typing = None
        self.progress.mark(path)
        self.save()

    # -- the sections -----------------------------------------------------------------
    def project(self, force: bool = False) -> None:
        if not force and all(self.progress.is_asked(f"project.{q.id}") for q in self.checklist.project):
            return
        self.screen.heading(self.m("wizard.section.project"))
        for question in self.checklist.project:
            path = f"project.{question.id}"
            self.ask(path, question, self.sheet.project, must_answer=question.required, force=force)

    def partners(self, force: bool = False) -> None:
        if self.progress.partners_done and not force:
            return
        self.screen.heading(self.m("wizard.section.partners"))
        partners = self.sheet.partners
        index = 0
        while True:
            if index == len(partners):
                partners.append({})
            partner = partners[index]
            optional = index >= 2 and not partner  # a third association or more: an empty name means none
            heading = "wizard.partner_heading_optional" if optional else "wizard.partner_heading"
            if force or not all(self.progress.is_asked(f"partners.{index}.{q.id}") for q in self.checklist.partner):
                self.screen.line(self.m(heading, number=index + 1), "bold")
            for question in self.checklist.partner:
                old_name = partner.get("name")
                must = question.id == "name" and not optional
                self.ask(f"partners.{index}.{question.id}", question, partner, must_answer=must, force=force)
                if question.id == "name" and not partner.get("name"):
                    break
                if question.id == "name" and old_name and partner.get("name") != old_name:
                    # At once, before the next prompt: an interruption must not part answers from their partner.
                    self.sheet.rename_partner(str(old_name), str(partner["name"]))
                    self.save()
            if not partner.get("name"):  # "no more associations", said with an empty name
                partners.pop(index)
                self.progress.forget(f"partners.{index}")
                break
            index += 1
            if index < len(partners) and force:
                continue  # revising: on to the next association already there
            if not force and index - 1 in self.progress.more_partners_after:
                continue  # "another one?" was answered yes before an interruption
            if self.prompter.yes_no(self.m("wizard.more_partners"), default=index < 2):
                self.progress.more_partners_after.append(index - 1)
                self.save()
                continue
            break
        self.progress.partners_done = True
        self.save()
        if self.warn(("partners",)) and self.wants_to_revise():
            self.partners(force=True)

    def wants_to_revise(self) -> bool:
        choice = self.prompter.choice(
            self.m("wizard.pitfall_choice"),
            [("revise", self.m("wizard.revise")), ("go_on", self.m("wizard.go_on"))],
            "revise",
        )
        return choice == "revise"

    def classification(self, force: bool = False) -> None:
        questions = self.checklist.classification
        if not force and all(self.progress.is_asked(f"classification.{q.id}") for q in questions):
            return
        self.screen.heading(self.m("wizard.section.classification"))
        for question in questions:
            path = f"classification.{question.id}"
            self.ask(path, question, self.sheet.classification, must_answer=True, force=force)
        self.declared_level(force)
        self.screen.level(self.supported_level())
        if self.warn(("classification",)) and self.wants_to_revise():
            self.classification(force=True)

    def declared_level(self, force: bool = False) -> None:
        """What the partners call their partnership, asked before the level is shown: kept as said, compared."""
        path = "classification.level"
        if self.progress.is_asked(path) and not force:
            return
        choices = [(lv.id, lv.name(self.lang)) for lv in self.checklist.levels]
        choices.append((NO_NAME, self.m("wizard.declared_none")))
        chosen = self.prompter.choice(self.m("wizard.declared_level"), choices, self.sheet.level or NO_NAME)
        self.sheet.level = None if chosen == NO_NAME else chosen
        self.progress.mark(path)
        self.save()

    def supported_level(self) -> Classification:
        """The level the whole sheet supports so far (the answers' claim, less what the topics contradict)."""
        from coopwizard.audit.engine import audit

        return audit(self.final_sheet(), self.checklist, today=self.created).supported

    def topic(self, topic: Topic, force: bool = False) -> None:
        if topic.id in self.progress.topics_done and not force:
            return
        number = self.checklist.topics.index(topic) + 1
        entry = self.sheet.entry(topic.id)
        self.screen.topic(topic, number, len(self.checklist.topics))
        if force or topic.id not in self.progress.topics_started:
            now = self.prompter.choice(
                self.m("wizard.topic_now"),
                [("now", self.m("wizard.topic_now.yes")), ("later", self.m("wizard.topic_now.later"))],
                "now",
            )
            self.progress.start_topic(topic.id)
            if now == "later":
                entry.status = "to_complete"
                self.progress.finish_topic(topic.id)
                self.save()
                return
            entry.status = None
            self.save()
        while True:
            for question in topic.questions:
                self.ask(f"topics.{topic.id}.{question.id}", question, entry.answers, force=force)
            if not self.warn(("topics", topic.id)) or not self.wants_to_revise():
                break
            force = True
        if not entry.answers:
            entry.status = "to_complete"  # gone through and left empty: to come back to
        self.progress.finish_topic(topic.id)
        self.save()

    # -- feedback while it is useful --------------------------------------------------------
    def warn(self, scope: tuple[PathPart, ...]) -> bool:
        """Show each pitfall or inconsistency newly set off by answers within `scope`; whether any was shown."""
        from coopwizard.audit.engine import audit

        shown = False
        for finding in audit(self.final_sheet(), self.checklist, today=self.created).findings:
            if finding.kind not in ("pitfall", "inconsistency"):
                continue
            # An inconsistency shows where either of its answers is: a "yes" to "beyond one event"
            # contradicted by a one-off outlook is said at the end of the outlook.
            ends = finding.ends if finding.kind == "inconsistency" else ()
            if ends and not any(end[: len(scope)] == scope for end in ends):
                continue
            in_scope = [t for t in self._triggers(finding) if ends or t.path[: len(scope)] == scope]
            fresh = [t for t in in_scope if self._new(finding.rule, t)]
            if fresh:
                self.screen.warning(finding, fresh if finding.triggers else ())  # an inconsistency may say why
                shown = True
        return shown

    @staticmethod
    def _triggers(finding: Finding) -> tuple[Trigger, ...]:
        """A pitfall's triggers; an inconsistency is its own trigger, at its path."""
        if finding.triggers:
            return finding.triggers
        from coopwizard.audit.findings import Trigger

        return (Trigger(finding.rule, finding.message, finding.path),) if isinstance(finding.message, Message) else ()

    def _new(self, rule: str, trigger: Trigger) -> bool:
        key = (rule, trigger.code, say(trigger.message, "en"))
        if key in self.warned:
            return False
        self.warned.add(key)
        return True

    # -- the review ------------------------------------------------------------------------
    def review(self) -> None:
        while True:
            sheet, result = self.result()  # each topic's status as the audit will find it, placeholders included
            self.screen.review(sheet, result.coverage, pause=lambda: self.prompter.text(self.m("wizard.next_page")))
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
            choice = self.prompter.choice(self.m("wizard.review_choice"), sections, "write")
            if choice == "write":
                return
            if choice == "project":
                self.project(force=True)
            elif choice == "partners":
                self.partners(force=True)
            elif choice == "classification":
                self.classification(force=True)
            else:
                topic = self.checklist.topic(choice.removeprefix("topic:"))
                if topic is not None:
                    self.topic(topic, force=True)
