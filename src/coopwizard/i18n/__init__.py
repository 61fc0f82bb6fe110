"""Choosing the language, and saying a message in it."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from typing import Any

from coopwizard.core.errors import UsageError
from coopwizard.core.localized import Localized
from coopwizard.core.message import Amount, Message
from coopwizard.i18n.catalogs import CATALOGS
from coopwizard.i18n.typography import colon, euros, typeset

LANG_ENV = "COOP_LANG"
LANGS = ("fr", "en")
__all__ = ["colon", "message", "resolve_lang", "say"]


def resolve_lang(option: str | None, environ: Mapping[str, str] | None = None) -> str:
    """--lang, then $COOP_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG: fr* is French), else English."""
    env = os.environ if environ is None else environ
    if option:
        if option.lower() not in LANGS:
            raise UsageError("cli.bad_lang", value=option)
        return option.lower()
    chosen = env.get(LANG_ENV, "")
    if chosen:
        if chosen.lower() not in LANGS:
            raise UsageError("cli.bad_lang", value=chosen)
        return chosen.lower()
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:  # the first one set decides, as for gettext
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def say(text: Any, lang: str) -> str:
    """A Message, a Localized text or a message key, said in `lang`."""
    if isinstance(text, Localized):
        return text(lang)
    if isinstance(text, Message):
        return message(lang, text.key, **text.params)
    inner = getattr(text, "message", None)  # a record that carries a Message: a trigger, an error
    if isinstance(inner, Message):
        return message(lang, inner.key, **inner.params)
    return str(text)


# "{count|question|questions}": the word that agrees with the number (French: 0 and 1 take the singular).
_PLURAL = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


def _agree(template: str, params: dict[str, Any], lang: str) -> str:
    def choose(match: re.Match[str]) -> str:
        count = params.get(match.group(1))
        number = count if isinstance(count, int) else 2
        singular = number in (0, 1) if lang == "fr" else number == 1
        return match.group(2) if singular else match.group(3)

    return _PLURAL.sub(choose, template)


_command = ["coop"]  # how hints name the tool: as it was run (set by the CLI)


def set_command_name(name: str) -> None:
    """Hints say `.venv/bin/coop new --resume` when that is how the tool was run (coop not on the PATH)."""
    _command[0] = name


@functools.cache
def _template(lang: str, key: str) -> str:
    # Typeset once per message: the catalog's spaces become French no-break ones (« : », « ; »),
    # while what people typed, filled in afterwards, is said exactly as they typed it.
    return typeset(CATALOGS[lang][key], lang)


def message(lang: str, key: str, /, **params: Any) -> str:
    template = _template(lang, key)
    if "{command}" in template and "command" not in params:
        params = {**params, "command": _command[0]}
    if "|" in template:
        template = _agree(template, params, lang)
    return template.format(**{name: _param(name, value, lang) for name, value in params.items()})


def _param(name: str, value: Any, lang: str) -> str:
    if name == "suggestion":
        return _template(lang, "hint.did_you_mean").format(suggestion=value) if value else ""
    if isinstance(value, Amount):
        return euros(value.value, lang)
    if isinstance(value, list | tuple):
        return ", ".join(_param("", item, lang) for item in value)
    return say(value, lang)
