"""PyYAML, imported without compiling the one pattern this tool never uses.

`yaml/reader.py` compiles `Reader.NON_PRINTABLE` (every code point that is not
printable: a character class over the whole of Unicode) as its class is defined:
57 million instructions, about 8 ms, an eighth of `coop check`'s start-up. Only
PyYAML's pure-Python reader ever uses it; libyaml's parser, which reads every
sheet, never does. So, while PyYAML is imported, `re.compile` hands back for that
one pattern a stand-in that compiles it the first time it is used: a pure-Python
load (the agreement's clauses, a PyYAML without libyaml) still refuses a control
character exactly as before.

Every module imports PyYAML from here (tests/test_architecture.py checks it), so
that this is the first import. If PyYAML was already imported by someone else,
or one day spells the pattern differently, nothing is deferred and it compiles as
it always did; tests/test_startup.py then fails, so that the saving is not lost
unnoticed.
"""

from __future__ import annotations

import re
from typing import Any

# yaml/reader.py's pattern, character for character (PyYAML 5.1 to 6.0.x).
NON_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


class CompiledOnFirstUse:
    """A regular expression compiled the first time one of its methods is asked for."""

    __slots__ = ("_compiled", "_source")

    def __init__(self, source: str) -> None:
        self._source = source
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:  # only for what the slots do not hold: search, match, pattern…
        if name.startswith("__") or name in self.__slots__:
            # Asked before __init__ ran (copy, pickle) or a protocol Python looks up: not the pattern's.
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = _compile(self._source)
        return getattr(self._compiled, name)

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (CompiledOnFirstUse, (self._source,))


_compile = re.compile


def _deferring(pattern: Any, flags: int = 0) -> Any:
    if flags == 0 and pattern == NON_PRINTABLE:
        return CompiledOnFirstUse(pattern)
    return _compile(pattern, flags)


setattr(re, "compile", _deferring)  # noqa: B010  (for the import below only: restored at once)
try:
    import yaml as yaml
finally:
    setattr(re, "compile", _compile)  # noqa: B010

__all__ = ["yaml"]
