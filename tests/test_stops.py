"""A stop is never lost: SIGINT during a menu, or swallowed while a question is built, ends the session."""

from __future__ import annotations

import signal
import sys
import weakref
from pathlib import Path

import pytest
from prompt_toolkit.application import Application

from coopwizard.core.errors import WizardInterrupted
from coopwizard.guide.model import Checklist
from coopwizard.wizard.prompter import Interrupted
from coopwizard.wizard.prompts import QuestionaryPrompter
from coopwizard.wizard.stops import stop_pending, stops_like_ctrl_c
from tests.test_wizard import piped

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is raised by the console there")

CHOICES = [("now", "Oui, maintenant"), ("later", "Le laisser « à compléter »")]


class _Dropped:
    pass


def _sigint_swallowed_by_a_weakref_callback() -> None:
    """What prompt_toolkit's object churn does to a Ctrl-C: Python prints « ignored » and drops it."""
    thing = _Dropped()
    keep = weakref.ref(thing, lambda _: signal.raise_signal(signal.SIGINT))
    del thing
    assert keep() is None


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the swallowed stop, on purpose
def test_a_stop_swallowed_while_the_question_was_built_ends_that_question() -> None:
    with stops_like_ctrl_c():
        _sigint_swallowed_by_a_weakref_callback()
        assert stop_pending()
        with piped(["\r"]), pytest.raises(Interrupted):  # Enter would have chosen « now »
            QuestionaryPrompter("fr").choice("Aborder ce sujet maintenant ?", CHOICES, "now")
    assert not stop_pending()  # the note belongs to one session


def test_without_a_stop_the_question_is_answered() -> None:
    with stops_like_ctrl_c(), piped(["\r"]):
        assert QuestionaryPrompter("fr").choice("Aborder ce sujet maintenant ?", CHOICES, "now") == "now"


def test_a_sigint_while_a_menu_waits_stops_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # `kill -INT`, or Ctrl-C while the terminal was not yet raw: prompt_toolkit turns it into a
    # <sigint> key, which questionary's menus do not bind. No keys are typed: a menu that
    # ignores the signal waits until piped() gives up.
    started = Application._pre_run

    def then_sigint(app: Application, pre_run: object = None) -> None:
        started(app, pre_run)  # type: ignore[arg-type]
        signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(Application, "_pre_run", then_sigint)
    with stops_like_ctrl_c(), piped([], seconds=5), pytest.raises(Interrupted):
        QuestionaryPrompter("fr").choice("Aborder ce sujet maintenant ?", CHOICES, "now")


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_stop_swallowed_ends_a_plain_session_too() -> None:
    import io

    from coopwizard.wizard.plain import PlainPrompter

    plain = PlainPrompter("fr", stdin=io.StringIO("Fête\n"), out=io.StringIO())
    with stops_like_ctrl_c():
        _sigint_swallowed_by_a_weakref_callback()
        with pytest.raises(Interrupted):  # the typed « Fête » is not taken: the stop came first
            plain.text("Titre du projet")


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_stop_swallowed_after_the_last_question_writes_nothing(checklist: Checklist, tmp_path: Path) -> None:
    from tests.test_wizard import Session

    session = Session(checklist, tmp_path)
    with stops_like_ctrl_c(), pytest.raises(WizardInterrupted) as stopped:
        session.wizard.guarded(_sigint_swallowed_by_a_weakref_callback)  # the last step, then nothing to ask
    assert stopped.value.lang == "fr"
    assert session.draft_file.exists()  # kept for --resume


def test_the_signal_handlers_are_given_back() -> None:
    names = [name for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)]
    before = {name: signal.getsignal(getattr(signal, name)) for name in names}
    with stops_like_ctrl_c():
        assert all(signal.getsignal(getattr(signal, name)) is not before[name] for name in names)
    assert {name: signal.getsignal(getattr(signal, name)) for name in names} == before


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP here")
def test_an_ignored_signal_stays_ignored_under_nohup() -> None:
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        with stops_like_ctrl_c():
            assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
            assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, previous)
