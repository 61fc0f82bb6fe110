"""French typography everywhere French is shown or written (issue 11): one function, applied to the
catalog's messages and the checklist's texts, and kept by Rich's line breaking."""

from __future__ import annotations

import re
import string

import pytest

from coopwizard.guide.model import Checklist
from coopwizard.i18n import message
from coopwizard.i18n.catalogs import CATALOGS
from coopwizard.i18n.typography import NBSP, NNBSP, typeset
from coopwizard.io.console import keep_no_break_spaces, rich_text
from tests.helpers import coop

# An ordinary space where French wants a no-break one: before « : ; ! ? » and inside « ».
BREAKABLE = re.compile(r" [:;!?»]|« ")


def test_the_spaces_french_wants() -> None:
    said = typeset("Attention : un écueil ; vraiment ? oui ! « demandeur »", "fr")
    assert said == f"Attention{NBSP}: un écueil{NNBSP}; vraiment{NNBSP}? oui{NNBSP}! «{NNBSP}demandeur{NNBSP}»"


def test_what_is_not_french_punctuation_is_left_alone() -> None:
    for text in ("https://example.org", "10:30", "clé: valeur", "a:b", "(JJ/MM/AAAA)", "1,3"):
        assert typeset(text, "fr") == text
    assert typeset("Warning : a pitfall ; really ?", "en") == "Warning : a pitfall ; really ?"


def _filled(template: str) -> dict[str, str]:
    names = {name for _, name, _, _ in string.Formatter().parse(template.replace("{{", "").replace("}}", "")) if name}
    return {name.split("|")[0]: "mot" for name in names}


@pytest.mark.parametrize("key", sorted(CATALOGS["fr"]))
def test_every_french_message_is_typeset(key: str) -> None:
    template = CATALOGS["fr"][key]
    said = message("fr", key, **_filled(template))
    assert not BREAKABLE.search(said), said


def test_every_english_message_keeps_its_spaces() -> None:
    for key, template in CATALOGS["en"].items():
        if "{" not in template.replace("{{", "").replace("}}", ""):
            assert message("en", key) == template.replace("{{", "{").replace("}}", "}")


def test_every_french_text_of_the_checklist_is_typeset(checklist: Checklist) -> None:
    texts = [t.text.fr for t in checklist.pitfalls] + [p.text.fr for p in checklist.practices]
    for topic in checklist.topics:
        texts += [topic.label.fr, topic.guide.fr]
        for question in topic.questions:
            texts.append(question.text.fr)
            texts += [choice.label.fr for choice in question.choices]
    assert len(texts) > 100
    assert [text for text in texts if BREAKABLE.search(text)] == []
    assert any(NNBSP + "?" in text for text in texts) and any(NBSP + ":" in text for text in texts)


def test_what_people_typed_is_said_as_typed() -> None:
    said = message("fr", "finding.placeholder_answer", text="voir : plus tard ?", question="Qui ?")
    assert said == f"«{NNBSP}voir : plus tard ?{NNBSP}» n'est pas encore une réponse{NBSP}: Qui ?"


def test_the_french_errors_of_the_command_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    run = coop("check", str(tmp_path / "absente.yaml"), "--lang", "fr")
    assert run.code == 2
    assert (
        run.err == f"Erreur{NBSP}: {tmp_path / 'absente.yaml'}{NBSP}: fichier introuvable{NNBSP}; vérifiez le chemin.\n"
    )


def test_rich_does_not_break_a_line_at_a_no_break_space() -> None:
    """Rich's word splitter counts U+00A0 and U+202F as spaces; ours does not (io/console.py)."""
    from rich.console import Console

    assert keep_no_break_spaces(), "Rich's word splitting changed: see io/console.py"
    text = typeset("Vous êtes en position de « demandeur » : le guide le dit.", "fr")
    for width in range(16, 60):  # from the longest unbreakable run on
        console = Console(width=width, force_terminal=False, color_system=None)
        with console.capture() as captured:
            console.print(rich_text(text))
        lines = captured.get().splitlines()
        assert not any(line.rstrip().endswith("«") or line.lstrip().startswith(("»", ":")) for line in lines), lines
        assert "demandeur" in "".join(lines)


def test_the_french_report_is_typeset() -> None:
    """The level line (« travailler ensemble », its modes) and the steps to the next level (issue 11)."""
    from tests.conftest import EXAMPLE

    out = coop("check", str(EXAMPLE), "--lang", "fr").out
    assert "Niveau\u00a0:" in out and f"«{NNBSP}" in out
    assert not BREAKABLE.search(out), out


def test_the_agreement_s_own_clauses_are_typeset() -> None:
    from tests.conftest import EXAMPLE

    out = coop("convention", str(EXAMPLE), "--lang", "fr", "-o", "-").out
    assert f"Entre les soussignées{NBSP}:" in out and f"dénommées «{NNBSP}les parties{NNBSP}»" in out


def test_plain_mode_breaks_lines_at_words() -> None:
    """A plain terminal cuts a long line wherever the width ends (« le pro/jet »); plain mode wraps first."""
    from coopwizard.wizard.plain import wrapped

    text = typeset("Nous allons préparer ensemble la fiche : le projet, les associations, « à compléter ».", "fr")
    lines = wrapped("  " + text, 30).split("\n")
    assert all(len(line) <= 30 and line.startswith("  ") for line in lines), lines
    assert " ".join(line.strip() for line in lines) == text
    assert not any(line.rstrip().endswith("«") or line.lstrip().startswith(("»", ":")) for line in lines)
