"""`coop new` at a terminal: the draft, the overwrite question, the questions, the summary.

Prompts are drawn on stderr, like every message, so that `-o -` keeps stdout for the sheet.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from coopwizard.audit.findings import Audit
from coopwizard.guide.model import Checklist
from coopwizard.i18n import message
from coopwizard.io.console import stderr_console
from coopwizard.render.formats import choose_sheet_format
from coopwizard.sheet.model import Sheet
from coopwizard.wizard.draft import Draft, draft_path, load_draft, save_draft
from coopwizard.wizard.edit import EditPlan, answers_of, write_back
from coopwizard.wizard.session import new_draft, reconcile


def default_output(lang: str, output_format: str) -> str:
    stem = "fiche-projet" if lang == "fr" else "project-sheet"
    return f"{stem}.{'md' if output_format == 'md' else 'yaml'}"


@contextmanager
def prompts_on_stderr() -> Iterator[None]:
    """Draw prompts on stderr, like every message, so that `-o -` keeps stdout for the sheet."""
    from prompt_toolkit.application.current import create_app_session
    from prompt_toolkit.output.defaults import create_output

    with create_app_session(output=create_output(stdout=sys.stderr)):
        yield


def interactive_new(
    checklist: Checklist,
    lang: str,
    output: str | None,
    output_format: str | None,
    resume: bool,
    force: bool,
    today: dt.date,
    lang_chosen: bool = True,
) -> tuple[Sheet, Audit, Draft]:
    with prompts_on_stderr():
        from coopwizard.wizard.flow import Wizard
        from coopwizard.wizard.prompts import QuestionaryPrompter
        from coopwizard.wizard.screens import Screen

        console = stderr_console()
        prompter = QuestionaryPrompter(lang)
        screen = Screen(console, checklist, lang)
        location = draft_path()

        def say(key: str, **params: object) -> None:
            screen.line(message(lang, key, **params))

        if not resume and location.exists():
            resume = prompter.confirm(message(lang, "wizard.resume_existing", file=str(location)), default=True)
            if not resume:  # a new sheet: the old answers are kept aside, never overwritten
                aside = location.with_name(f"draft-{dt.datetime.now():%Y%m%d-%H%M%S}.json")
                location.replace(aside)
                say("wizard.draft_kept", file=str(aside))
        if resume:
            draft = load_draft(location)
            if lang_chosen:
                draft.lang = lang
            lang = draft.lang  # the session goes on in the language it was started in
            prompter, screen = QuestionaryPrompter(lang), Screen(console, checklist, lang)
            if (draft.checklist_id, draft.checklist_version) != (checklist.id, checklist.version):
                say(
                    "wizard.draft_other_checklist",
                    old=draft.checklist_id,
                    old_version=draft.checklist_version,
                    new=checklist.id,
                    new_version=checklist.version,
                )
            dropped = reconcile(draft, checklist)
            if dropped:
                say("wizard.mismatch", items=", ".join(dropped))
            was_default = draft.output == default_output(draft.lang, draft.output_format)
            if output is not None:
                draft.output = output
            if output_format is not None or output is not None:
                draft.output_format = choose_sheet_format(output_format, draft.output)
                if output is None and was_default:  # the tool's own name follows the format asked for
                    draft.output = default_output(lang, draft.output_format)
            say("wizard.resumed", count=draft.answered_count())
        else:
            chosen = choose_sheet_format(output_format, output)
            draft = new_draft(checklist, lang, output or default_output(lang, chosen), chosen, today)
            screen.heading(message(lang, "wizard.welcome_title"))
            say("wizard.welcome")

        # Checked before the first question, so that no answer is typed for nothing.
        while draft.output != "-" and not force and Path(draft.output).exists():
            if prompter.confirm(message(lang, "wizard.overwrite", file=draft.output), default=False):
                break
            typed = prompter.text(message(lang, "wizard.other_output"), default=draft.output)
            draft.output = typed.strip() or draft.output
            draft.output_format = choose_sheet_format(output_format, draft.output)

        save_draft(draft, location)
        say("wizard.draft_at", file=str(location))
        wizard = Wizard(checklist, draft, prompter, screen, lambda d: save_draft(d, location))
        sheet, result = wizard.run()
        screen.summary(result)
        return sheet, result, draft  # the CLI discards the draft once the sheet is written


@dataclass
class EditOutcome:
    text: str  # the file's new text, for the CLI to write
    result: Audit
    interrupted: bool


def interactive_edit(plan: EditPlan, checklist: Checklist, lang: str) -> EditOutcome:
    """Ask the planned topics again, their answers as defaults; the file's new text."""
    from coopwizard.core.errors import WizardInterrupted
    from coopwizard.render.markdown import markdown_body
    from coopwizard.wizard.flow import Wizard
    from coopwizard.wizard.prompts import QuestionaryPrompter
    from coopwizard.wizard.screens import Screen

    loaded = plan.loaded
    output_format = "md" if loaded.markdown else "yaml"
    draft = Draft(
        checklist.id,
        checklist.version,
        lang,
        plan.source.name,
        output_format,
        plan.created.isoformat(),
        answers_of(loaded.sheet, checklist),
    )
    with prompts_on_stderr():
        screen = Screen(stderr_console(), checklist, lang)
        labels = [t.label(lang) for t in checklist.topics if t.id in plan.topic_ids]
        screen.line(message(lang, "edit.topics", topics=", ".join(labels)))
        wizard = Wizard(checklist, draft, QuestionaryPrompter(lang), screen, lambda _: Path(plan.source.name))
        interrupted = False
        try:
            wizard.edit(plan.topic_ids)
        except WizardInterrupted:
            interrupted = True  # keep what was typed; an unfinished topic stays "to complete"
            for tid in plan.topic_ids:
                if draft.is_asked(f"topics.{tid}.start") and not draft.is_asked(f"topics.{tid}.done"):
                    draft.answers["topics"].setdefault(tid, {})["status"] = "to_complete"
        sheet, result = wizard.result()
        if not interrupted:
            screen.summary(result)
    body = markdown_body(sheet, checklist, result, lang) if loaded.markdown else ""
    text = write_back(plan.source.text, loaded.markdown, sheet, checklist, plan.topic_ids, body, plan.source.name)
    return EditOutcome(text, result, interrupted)
