"""Both languages say everything, with the same placeholders; the language is chosen as documented."""

from __future__ import annotations

import string

import pytest

from coopwizard.core.errors import UsageError
from coopwizard.i18n import resolve_lang
from coopwizard.i18n.catalogs import EN, FR


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


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
    catalog = FR if lang == "fr" else EN
    for key, template in catalog.items():
        names = _placeholders(template)
        said = template.format(**{name: f"<{name}>" for name in names})  # no stray brace, no missing name
        assert all(f"<{name}>" in said for name in names), key
        # what is left of braces is what the template escaped ({{ and }}), said as one brace
        assert said.count("{") == template.count("{{") and said.count("}") == template.count("}}"), key
        assert said.strip(), key
