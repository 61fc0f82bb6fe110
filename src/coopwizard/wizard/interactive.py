"""`coop new` and `coop edit` at a terminal: drafts and their locks, the overwrite question, the session.

Prompts are drawn on stderr, like every message, so that `-o -` keeps stdout for
the sheet. SIGTERM and SIGHUP (a closed terminal) stop a session the way Ctrl-C
does: every answer, and the text being typed, stays in the draft.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopwizard.core.errors import CoopError, UsageError, WizardInterrupted
from coopwizard.core.records import slim_dataclass
from coopwizard.guide.model import Checklist
from coopwizard.i18n import message
from coopwizard.render.formats import choose_sheet_format
from coopwizard.sheet.compose import answers_of
from coopwizard.sheet.model import Sheet
from coopwizard.wizard.draft import (
    Draft,
    check_state_dir,
    discard_draft,
    draft_path,
    list_drafts,
    load_draft,
    save_draft,
    session_lock,
    set_aside,
)
from coopwizard.wizard.prompter import Prompter
from coopwizard.wizard.screens import Screen
from coopwizard.wizard.session import new_draft, reconcile
from coopwizard.wizard.stops import raise_if_stopped, stops_like_ctrl_c

if TYPE_CHECKING:  # `coop new` reaches its first question without the audit or the editor
    from coopwizard.audit.findings import Audit
    from coopwizard.wizard.edit import EditPlan

# Writes the finished sheet to `output`; raises UsageError("file.exists") when it exists and `overwrite` is False.
Deliver = Callable[[Sheet, "Audit", Draft, bool], None]


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


def terminal_session(plain: bool) -> AbstractContextManager[None]:
    """questionary's prompts need a prompt_toolkit session on stderr; plain prompts need nothing."""
    return nullcontext() if plain else prompts_on_stderr()


def make_prompter(lang: str, plain: bool) -> Prompter:
    if plain:
        from coopwizard.wizard.plain import PlainPrompter

        return PlainPrompter(lang)
    from coopwizard.wizard.prompts import QuestionaryPrompter

    return QuestionaryPrompter(lang)


def make_screen(checklist: Checklist, lang: str, plain: bool) -> Screen:
    if plain:
        from coopwizard.wizard.plain import PlainScreen

        return PlainScreen(None, checklist, lang)
    return Screen(None, checklist, lang)  # Rich is imported at the first box, after the first question


@slim_dataclass
class NewSession:
    """What `coop new` was asked for."""

    output: str | None
    output_format: str | None
    resume: bool
    force: bool
    today: dt.date
    lang_chosen: bool = True
    plain: bool = False


def interactive_new(checklist: Checklist, lang: str, asked: NewSession, deliver: Deliver) -> tuple[Sheet, Audit]:
    """Run the wizard and hand the finished sheet to `deliver`, holding the draft's lock throughout."""
    saved: Path | None = None
    with terminal_session(asked.plain), stops_like_ctrl_c():
        try:
            check_state_dir()
            prompter, screen = make_prompter(lang, asked.plain), make_screen(checklist, lang, asked.plain)
            location, draft = _draft_for(checklist, lang, asked, prompter, screen)
            lang = draft.lang
            prompter, screen = make_prompter(lang, asked.plain), make_screen(checklist, lang, asked.plain)
            with session_lock(location, draft.output):
                overwrite = asked.force or _confirm_output(draft, asked, prompter, lang)
                location = _follow_output(location, draft)
                saved = save_draft(draft, location)
                screen.line(message(lang, "wizard.draft_at", file=str(location)))
                from coopwizard.wizard.flow import Wizard

                wizard = Wizard(checklist, draft, prompter, screen, lambda d: save_draft(d, location))
                sheet, result = wizard.run()
                screen.summary(result)
                _write(sheet, result, draft, overwrite, deliver, prompter, lang, lambda: save_draft(draft, location))
                discard_draft(location)  # only now: if the write failed, every answer is still in the draft
        except KeyboardInterrupt:  # outside the wizard's own questions: which draft, overwrite, the write
            if saved is None:
                raise WizardInterrupted("cli.interrupted", lang=lang) from None
            raise WizardInterrupted("wizard.interrupted", lang=lang, file=str(saved)) from None
        return sheet, result


def _draft_for(
    checklist: Checklist, lang: str, asked: NewSession, prompter: Prompter, screen: Screen
) -> tuple[Path, Draft]:
    def say(key: str, **params: object) -> None:
        screen.line(message(lang, key, **params))

    if asked.resume:
        location, draft = _choose_draft(asked, prompter, lang)
        if asked.lang_chosen:
            draft.lang = lang
        lang = draft.lang  # the session goes on in the language it was started in
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
        if asked.output is not None:
            draft.output = asked.output
        if asked.output_format is not None or asked.output is not None:
            draft.output_format = choose_sheet_format(asked.output_format, draft.output)
            if asked.output is None and was_default:  # the tool's own name follows the format asked for
                draft.output = default_output(lang, draft.output_format)
        screen.line(message(lang, "wizard.resumed", count=draft.answered_count()))
        return location, draft
    chosen = choose_sheet_format(asked.output_format, asked.output)
    draft = new_draft(checklist, lang, asked.output or default_output(lang, chosen), chosen, asked.today)
    location = draft_path(draft.output)
    if location.exists():
        from coopwizard.wizard.draft import holder_of

        if holder_of(location) is None and prompter.confirm(
            message(lang, "wizard.resume_existing", file=draft.output), default=True
        ):
            return _draft_for(checklist, lang, _resumed(asked, draft.output), prompter, screen)
        if holder_of(location) is None:  # a new sheet: the old answers are kept aside, never overwritten
            say("wizard.draft_kept", file=str(set_aside(location)))
    screen.heading(message(lang, "wizard.welcome_title"))
    say("wizard.welcome")
    return location, draft


def _resumed(asked: NewSession, output: str) -> NewSession:
    return NewSession(output, asked.output_format, True, asked.force, asked.today, asked.lang_chosen, asked.plain)


def _choose_draft(asked: NewSession, prompter: Prompter, lang: str) -> tuple[Path, Draft]:
    if asked.output is not None:
        location = draft_path(asked.output)
        return location, load_draft(location)
    drafts = list_drafts()
    if not drafts:
        raise UsageError("wizard.no_draft", file=str(draft_path("-").parent))
    if len(drafts) == 1:
        return drafts[0]
    choices = [
        (str(index), message(lang, "wizard.draft_choice", output=draft.output, count=draft.answered_count()))
        for index, (_, draft) in enumerate(drafts)
    ]
    picked = prompter.choice(message(lang, "wizard.which_draft"), choices, "0")
    return drafts[int(picked)]


def _confirm_output(draft: Draft, asked: NewSession, prompter: Prompter, lang: str) -> bool:
    """Asked before the first question, so that no answer is typed for nothing; whether to overwrite."""
    while draft.output != "-" and Path(draft.output).exists():
        if prompter.confirm(message(lang, "wizard.overwrite", file=draft.output), default=False):
            return True
        typed = prompter.text(message(lang, "wizard.other_output"), default=draft.output)
        draft.output = typed.strip() or draft.output
        draft.output_format = choose_sheet_format(asked.output_format, draft.output)
    return False


def _follow_output(location: Path, draft: Draft) -> Path:
    """A draft is named after its sheet: when the sheet's name changed before the first question, it follows."""
    wanted = draft_path(draft.output)
    if wanted != location and not wanted.exists():
        if location.exists():
            location.replace(wanted)
        location.with_suffix(".lock").replace(wanted.with_suffix(".lock"))
        return wanted
    return location


def _write(
    sheet: Sheet,
    result: Audit,
    draft: Draft,
    overwrite: bool,
    deliver: Deliver,
    prompter: Prompter,
    lang: str,
    save: Callable[[], Path],
) -> None:
    """Write the sheet; a file that appeared meanwhile is never replaced without asking."""
    while True:
        raise_if_stopped()  # a stop swallowed since the last question: the draft keeps everything
        try:
            deliver(sheet, result, draft, overwrite)
            return
        except CoopError as err:
            if err.key != "file.exists":
                raise
        if prompter.confirm(message(lang, "wizard.overwrite_now", file=draft.output), default=False):
            overwrite = True
            continue
        typed = prompter.text(message(lang, "wizard.other_output"), default=draft.output)
        draft.output = typed.strip() or draft.output
        draft.output_format = choose_sheet_format(None, draft.output)
        save()


@slim_dataclass
class EditOutcome:
    """How a `coop edit` session ended: the new text, its audit, and where to write it."""

    text: str  # the file's new text, for the CLI to write
    result: Audit
    interrupted: bool
    target: str  # where to write it: the sheet, or beside it when the sheet changed meanwhile
    changed_meanwhile: bool = False


def beside(name: str, moment: dt.datetime | None = None) -> str:
    """A new name next to the sheet for answers that cannot go into it: fiche.yaml -> fiche.edit-20261201-1402.yaml."""
    path = Path(name)
    stamp = (moment or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return str(path.with_name(f"{path.stem}.edit-{stamp}{path.suffix}"))


def _changed_since(name: str, original: str) -> bool:
    try:
        return Path(name).read_text(encoding="utf-8-sig").replace("\r\n", "\n") != original
    except OSError:
        return True


def interactive_edit(plan: EditPlan, checklist: Checklist, lang: str, plain: bool = False) -> EditOutcome:
    """Ask the planned topics again, their answers as defaults; the file's new text."""
    from coopwizard.core.errors import WizardInterrupted
    from coopwizard.render.markdown import markdown_body
    from coopwizard.wizard.flow import Wizard

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
    with terminal_session(plain), stops_like_ctrl_c():
        screen = make_screen(checklist, lang, plain)
        labels = [t.label(lang) for t in checklist.topics if t.id in plan.topic_ids]
        screen.line(message(lang, "edit.topics", topics=", ".join(labels)))
        wizard = Wizard(checklist, draft, make_prompter(lang, plain), screen, lambda _: Path(plan.source.name))
        interrupted = False
        try:
            wizard.edit(plan.topic_ids)
        except WizardInterrupted:
            interrupted = True  # keep what was typed; an unfinished topic stays "to complete"
            progress = wizard.progress
            for topic_id in plan.topic_ids:
                if topic_id in progress.topics_started and topic_id not in progress.topics_done:
                    wizard.sheet.entry(topic_id).status = "to_complete"
        sheet, result = wizard.result()
        if not interrupted:
            screen.summary(result)
    body = markdown_body(sheet, checklist, result, lang) if loaded.markdown else ""
    from coopwizard.wizard.edit import write_back

    text = write_back(plan.source.text, loaded.markdown, sheet, checklist, plan.topic_ids, body, plan.source.name)
    target = plan.source.name
    changed = _changed_since(plan.source.name, plan.source.text)
    if changed:  # a colleague saved the sheet meanwhile: never write over their version
        if not interrupted:
            prompter = make_prompter(lang, plain)
            with terminal_session(plain), stops_like_ctrl_c():
                try:
                    choice = prompter.choice(
                        message(lang, "edit.changed_meanwhile", file=plan.source.name),
                        [("beside", message(lang, "edit.write_beside")), ("again", message(lang, "edit.start_again"))],
                        "beside",
                    )
                except KeyboardInterrupt:  # nothing written: the sheet is as the colleague left it
                    raise WizardInterrupted("edit.stopped_unwritten", lang=lang, file=plan.source.name) from None
            if choice == "again":
                raise UsageError("edit.not_written", file=plan.source.name)
        target = beside(plan.source.name)
    return EditOutcome(text, result, interrupted, target, changed)


def interactive_review(sheet: Sheet, checklist: Checklist, lang: str, plain: bool = False) -> dict[str, Any]:
    """One partner's review asked at the terminal; the answers, for the same validation as a review file."""
    from coopwizard.wizard.review import ask_review

    with terminal_session(plain), stops_like_ctrl_c():
        try:
            answers = ask_review(
                sheet, checklist, make_prompter(lang, plain), make_screen(checklist, lang, plain), lang
            )
            raise_if_stopped()
            return answers
        except KeyboardInterrupt:
            raise WizardInterrupted("review.interrupted", lang=lang) from None
