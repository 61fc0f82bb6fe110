"""Both languages say everything, with the same placeholders; the language is chosen as documented."""

from __future__ import annotations

import string

import pytest

from coopwizard.core.errors import UsageError
from coopwizard.i18n import message, resolve_lang
from coopwizard.i18n.catalogs import EN, FR
from tests.helpers import french


def _placeholders(template: str) -> set[str]:
    """The parameters a template uses; a plural choice "{count|one|many}" uses "count"."""
    return {name.partition("|")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_have_the_same_keys() -> None:
    assert sorted(FR) == sorted(EN)


@pytest.mark.parametrize("key", sorted(EN))
def test_each_message_has_the_same_placeholders_in_both(key: str) -> None:
    assert _placeholders(FR[key]) == _placeholders(EN[key])


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        (None, {}, "en"),
        ("fr", {}, "fr"),
        ("FR", {"COOP_LANG": "en"}, "fr"),
        (None, {"COOP_LANG": "fr"}, "fr"),
        (None, {"LANG": "fr_FR.UTF-8"}, "fr"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {"LC_ALL": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        (None, {"LC_MESSAGES": "fr_CA", "LANG": "en_US"}, "fr"),
        (None, {"COOP_LANG": "en", "LC_ALL": "fr_FR"}, "en"),
    ],
)
def test_language_resolution(option: str | None, environ: dict[str, str], expected: str) -> None:
    assert resolve_lang(option, environ) == expected


def test_an_unknown_language_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        resolve_lang("es", {})
    with pytest.raises(UsageError):
        resolve_lang(None, {"COOP_LANG": "klingon"})


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_message_formats(lang: str) -> None:
    """Every template says itself with every parameter given, leaving no brace and no parameter name behind."""
    catalog = FR if lang == "fr" else EN
    for key, template in catalog.items():
        names = _placeholders(template)
        said = message(lang, key, **{name: f"<{name}>" for name in names})
        braces = template.count("{{") + template.count("}}")  # a brace meant to be shown, as in « } »
        assert said.count("{") + said.count("}") == braces, key
        assert all(f"<{name}>" in said for name in names if name != "suggestion"), key
        assert said.strip(), key


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("fr", 0, "Reprise du brouillon : 0 question déjà répondue."),
        ("fr", 1, "Reprise du brouillon : 1 question déjà répondue."),
        ("fr", 23, "Reprise du brouillon : 23 questions déjà répondues."),
        ("en", 0, "Resuming the draft: 0 questions already answered."),
        ("en", 1, "Resuming the draft: 1 question already answered."),
        ("en", 2, "Resuming the draft: 2 questions already answered."),
    ],
)
def test_words_agree_with_their_number(lang: str, count: int, expected: str) -> None:
    assert message(lang, "wizard.resumed", count=count) == (french(expected) if lang == "fr" else expected)
