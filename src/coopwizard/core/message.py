"""A message key and its parameters: what the domain says, for i18n to put in words.

Every record that speaks to the user (an error, a trigger, a schema problem, a
finding) carries one of these, so that one function says them all.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

from coopwizard.core.records import slim_dataclass

PathPart = str | int


@slim_dataclass
class Message:
    """A message key (i18n catalogs) and its parameters; Localized parameters are said in the report's language."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    path: tuple[PathPart, ...] = ()  # for a trigger: where in the sheet it was set off


@slim_dataclass
class Amount:
    """A sum of money inside a message's parameters, written the way the message's language writes it."""

    value: float
