"""Safe YAML in, with limits on size, depth and alias expansion.

Loading composes the node graph once (with libyaml when PyYAML has it), counting
nodes as they are composed so that a document over the limit is refused before
it is built, then builds plain Python data from the same nodes, checking depth
and alias expansion. The node graph is kept so that a finding can be located
(line, column) only when there is one: the fast path never looks at marks, and
the first lookup indexes each mapping it walks through, once.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import field
from typing import Any

from coopwizard.core.errors import InvalidYamlError
from coopwizard.core.message import PathPart
from coopwizard.core.records import json_ready as json_ready  # re-exported: JSON output has always found it here
from coopwizard.core.records import slim_dataclass
from coopwizard.io.pyyaml import yaml  # first: PyYAML imported without a pattern never used here

if hasattr(yaml, "CSafeLoader"):  # libyaml is about nine times faster; the pure-Python classes are the fallback
    _BaseLoader = yaml.CSafeLoader
    # Composing needs the parser only: not the constructor, nor the resolver's state (see _Loader).
    _start_loader: Any = yaml.cyaml.CParser.__init__  # type: ignore[attr-defined]
else:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader  # type: ignore[assignment,misc]
    _start_loader = _BaseLoader.__init__

MAX_DEPTH = 64
MAX_NODES = 100_000  # counted with aliases expanded: stops "billion laughs"
GC_PAUSE_FROM = 64 * 1024  # characters: below that, composing allocates too little for the collector to matter


@slim_dataclass
class LoadedYaml:
    """A parsed YAML document: its data, and the node graph that gives each value's line."""

    data: Any
    root: yaml.Node
    line_offset: int = 0  # lines before the document: a Markdown sheet's front matter
    _keys: dict[int, dict[str, tuple[Any, yaml.Node]]] = field(default_factory=dict, repr=False, compare=False)

    def locate(self, path: Sequence[PathPart]) -> tuple[int, int]:
        """1-based line and column of the deepest node along `path` that exists."""
        node = self.root
        mark = node.start_mark
        for part in path:
            child = self._child(node, part)
            if child is None:
                break
            mark, node = child
        return mark.line + 1 + self.line_offset, mark.column + 1

    def _child(self, node: yaml.Node, part: PathPart) -> tuple[Any, yaml.Node] | None:
        if isinstance(node, yaml.MappingNode):
            # A mapping is indexed the first time a finding walks through it: a sheet with
            # 40,000 unknown keys is located in one pass over them, not one per finding.
            keys = self._keys.get(id(node))
            if keys is None:
                keys = self._keys[id(node)] = _index(node)
            return keys.get(str(part))
        if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            item = node.value[part]
            return item.start_mark, item
        return None


def _index(node: yaml.MappingNode) -> dict[str, tuple[Any, yaml.Node]]:
    keys: dict[str, tuple[Any, yaml.Node]] = {}
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode):
            keys.setdefault(key.value, (key.start_mark, value))  # the first one, as a scan would find
    return keys


_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"[-+]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOATS = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}
_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
_TAG = "tag:yaml.org,2002:"
_SEQ, _MAP, _MERGE = _TAG + "seq", _TAG + "map", _TAG + "merge"
_SCALAR = yaml.ScalarNode


def load_yaml(text: str, source: str, line_offset: int = 0) -> LoadedYaml:
    """Parse one YAML document safely; every failure is an InvalidYamlError naming `source`."""
    # Nodes given an explicit tag (!!str x) are composed without the resolver, so
    # without being counted there: every value needs a separator, and counting
    # separators bounds them all, at the speed of str.count.
    if text.count(",") + text.count("\n") + text.count(": ") + text.count("- ") > 2 * MAX_NODES:
        raise InvalidYamlError("yaml.too_many_nodes", file=source, limit=MAX_NODES)
    with _collector_paused(len(text) >= GC_PAUSE_FROM):
        root = _compose(text, source, line_offset)
        return LoadedYaml(_Builder(source, line_offset).build(root), root, line_offset)


@contextmanager
def _collector_paused(pause: bool) -> Iterator[None]:
    """No garbage collection while a large graph is composed and built, nor over it afterwards.

    Every node is a new container object: on a document of 4,000 partners the
    collector ran over the growing graph again and again, three quarters of the
    compose time, and never found anything to free (nodes only point down).
    """
    if not pause or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        # The graph and the data outlive the parse (the audit, the report, locating findings)
        # and hold no cycles: moved out of the collector's sight, they are still freed by
        # reference counting. Left in, each later collection walked them all again (lists
        # nested deep, 90,000 of them: the check's time grew 2.6 times per doubling).
        gc.freeze()
        gc.enable()


def _compose(text: str, source: str, line_offset: int) -> yaml.Node:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except _TooManyNodes:
        raise InvalidYamlError("yaml.too_many_nodes", file=source, limit=MAX_NODES) from None
    except yaml.MarkedYAMLError as err:
        line = _line(err, line_offset)
        if "nesting depth" in str(err.problem):  # libyaml's own limit, far above ours
            raise InvalidYamlError("yaml.too_deep_at", file=source, line=line, limit=MAX_DEPTH) from err
        raise InvalidYamlError("yaml.syntax", file=source, line=line, problem=_problem(err)) from err
    except yaml.YAMLError as err:  # a reader error: a control character, say
        raise InvalidYamlError("yaml.syntax", file=source, line=line_offset + 1, problem=str(err)) from err
    except RecursionError as err:  # the pure-Python composer recurses on nesting
        raise InvalidYamlError("yaml.too_deep", file=source, limit=MAX_DEPTH) from err
    finally:
        loader.dispose()
    if root is None:
        raise InvalidYamlError("yaml.empty", file=source)
    return root


class _TooManyNodes(Exception):
    """Raised from inside the composer when the document has more nodes than allowed."""


_STR, _SEQ_TAG, _MAP_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_VALUE = "tag:yaml.org,2002:value"  # what YAML 1.1 resolves a plain "=" to: text to whoever typed it
_RESOLVED: dict[str, str] = {}  # plain scalar -> its implicit tag: the same few values recur in every sheet
_RESOLVED_MAX = 8192
_RESOLVED_LONGEST = 64


_NO_PATHS: dict[Any, Any] = {}  # never filled: its `get` is the loader's no-op descend_resolver


class _Loader(_BaseLoader):
    """The safe loader, counting nodes as they are composed and resolving plain scalars once per value.

    The composer calls `resolve` for every node it makes (but those with an explicit
    tag): the one place to count them while composing. PyYAML's resolver tries its
    regular expressions on every plain scalar; the tag of a value seen before is
    looked up instead, and a value whose first character starts no implicit type
    (most text) is a string at once.
    """

    def __init__(self, stream: str) -> None:
        _start_loader(self, stream)
        self.nodes = 0

    # The composer tells the resolver each step down and up the tree, for path resolvers;
    # the safe loader has none (`yaml_path_resolvers` is empty), so PyYAML's two methods return
    # at once, twice a node: two calls of Python code for nothing, a tenth of the composing.
    # These are C callables that take the same arguments and do nothing with them.
    descend_resolver = _NO_PATHS.get  # type: ignore[assignment]  # (node, index) -> index, ignored
    ascend_resolver = tuple  # type: ignore[assignment]  # () -> (), ignored

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooManyNodes
        if kind is _SCALAR:
            if not implicit[0]:
                return _STR  # quoted, or a block: always a string in the safe schema
            assert value is not None
            tag = _RESOLVED.get(value)
            if tag is None:
                tag = _implicit_tag(self.yaml_implicit_resolvers, value)
                if len(value) <= _RESOLVED_LONGEST:
                    if len(_RESOLVED) >= _RESOLVED_MAX:
                        _RESOLVED.clear()
                    _RESOLVED[value] = tag
            return tag
        return _SEQ_TAG if kind is yaml.SequenceNode else _MAP_TAG


def _implicit_tag(resolvers: dict[str | None, list[tuple[str, re.Pattern[str]]]], value: str) -> str:
    """PyYAML's BaseResolver.resolve for a plain scalar, without path resolvers (the safe loader has none)."""
    for tag, regexp in resolvers.get(value[:1], []) + resolvers.get(None, []):
        if regexp.match(value):
            return tag
    return _STR


# The parser's most frequent complaints, said in the user's language (messages.py);
# any other stays in the parser's own English words.
_PROBLEMS = {
    "did not find expected ',' or ']'": "comma_or_bracket",
    "expected ',' or ']'": "comma_or_bracket",
    "did not find expected ',' or '}'": "comma_or_brace",
    "expected ',' or '}'": "comma_or_brace",
    "did not find expected key": "expected_key",
    "did not find expected node content": "expected_value",
    "mapping values are not allowed": "colon",
    "found character that cannot start any token": "bad_character",
    "found undefined alias": "undefined_alias",
    "could not find expected ':'": "expected_colon",
    "but found another document": "two_documents",
    "found unexpected end of stream": "end_of_stream",
    "found unknown escape character": "escape",
    "block sequence entries are not allowed": "dash",
    "did not find expected '-' indicator": "dash_expected",
    "did not find expected <document start>": "two_documents",
}


def _problem(err: yaml.MarkedYAMLError) -> Any:
    from coopwizard.core.message import Message

    text = err.problem or err.context or "?"
    for start, key in _PROBLEMS.items():
        if text.startswith(start) or start in text:
            return Message(f"yaml.problem.{key}")
    return text


def _line(err: yaml.MarkedYAMLError, offset: int) -> int:
    mark = err.problem_mark or err.context_mark
    return (mark.line + 1 if mark else 1) + offset


class _Builder:
    """Plain data from the node graph: only YAML's core types, within the limits.

    It replaces PyYAML's generic constructor: one pass that builds the data and
    checks depth and alias expansion together (an alias counts as many values as
    it expands to, computed from the sizes of nodes already built, so "billion
    laughs" is refused in a few steps). Any tag beyond plain data is refused.
    """

    def __init__(self, source: str, line_offset: int) -> None:
        self.source = source
        self.offset = line_offset
        self.built: dict[int, tuple[Any, int]] = {}  # id(node) -> (value, expanded size)
        self.height: dict[int, int] = {}  # id(collection) -> its depth below, aliases included
        self.open: set[int] = set()  # nodes being built: a path back to one is a recursive alias
        self.total = 0
        self.deepest = 0  # the deepest level reached under the collection being built

    def fail(self, key: str, node: yaml.Node, **params: Any) -> InvalidYamlError:
        return InvalidYamlError(key, file=self.source, line=node.start_mark.line + 1 + self.offset, **params)

    def build(self, root: yaml.Node) -> Any:
        return self.node(root, 1)[0]

    def node(self, node: yaml.Node, depth: int) -> tuple[Any, int]:
        if node.__class__ is _SCALAR:  # a scalar, aliased or not, counts one: nothing to remember
            if depth > MAX_DEPTH:
                raise self.fail("yaml.too_deep_at", node, limit=MAX_DEPTH)
            if depth > self.deepest:
                self.deepest = depth
            self.total += 1
            return self.scalar(node), 1
        known = self.built.get(id(node))
        if known is not None:  # an alias: its whole expansion counts, in size and in depth
            self.count(known[1])
            self.reach(depth + self.height.get(id(node), 0), node)
            return known
        self.reach(depth, node)
        if id(node) in self.open:
            raise self.fail("yaml.recursive_alias", node)
        self.open.add(id(node))
        outer, self.deepest = self.deepest, depth
        result = self.collection(node, depth)
        self.height[id(node)] = self.deepest - depth
        if outer > self.deepest:
            self.deepest = outer
        self.open.discard(id(node))
        self.built[id(node)] = result
        self.count(0)  # scalars are added up without a check each: the collection's total is checked here
        return result

    def reach(self, depth: int, node: yaml.Node) -> None:
        if depth > MAX_DEPTH:
            raise self.fail("yaml.too_deep_at", node, limit=MAX_DEPTH)
        if depth > self.deepest:  # not max(): this runs for every collection of every sheet
            self.deepest = depth

    def count(self, size: int) -> None:
        self.total += size
        if self.total > MAX_NODES:
            raise InvalidYamlError("yaml.too_many_nodes", file=self.source, limit=MAX_NODES)

    def collection(self, node: yaml.Node, depth: int) -> tuple[Any, int]:
        self.count(1)
        size = 1
        child = self.node
        deeper = depth + 1
        if node.__class__ is yaml.SequenceNode:
            if node.tag != _SEQ:
                raise self.fail("yaml.tag", node, tag=node.tag)
            items = []
            for item in node.value:
                value, item_size = child(item, deeper)
                items.append(value)
                size += item_size
            return items, size
        if node.__class__ is not yaml.MappingNode or node.tag != _MAP:
            raise self.fail("yaml.tag", node, tag=node.tag)
        mapping: dict[Any, Any] = {}
        scalar = self.scalar
        uncounted = 0  # keys and the scalar values built inline, added to the total after the loop
        for key_node, value_node in node.value:
            if key_node.__class__ is not _SCALAR:
                raise self.fail("yaml.bad_key", key_node)
            if key_node.tag == _MERGE:
                raise self.fail("yaml.tag", key_node, tag="<<")
            if deeper > MAX_DEPTH:
                raise self.fail("yaml.too_deep_at", key_node, limit=MAX_DEPTH)
            key = key_node.value if key_node.tag is _STR else scalar(key_node)  # most keys: plain text
            if key in mapping:  # the last one would silently win: say it instead
                raise self.fail("yaml.duplicate_key", key_node, name=str(key))
            if value_node.__class__ is _SCALAR and deeper <= MAX_DEPTH:  # the common case, inline
                mapping[key] = value_node.value if value_node.tag is _STR else scalar(value_node)
                size += 2
                uncounted += 2
            else:
                value, value_size = child(value_node, deeper)
                mapping[key] = value
                size += 1 + value_size
                uncounted += 1
        if uncounted:
            self.total += uncounted
            if deeper > self.deepest:
                self.deepest = deeper
        return mapping, size

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag in (_STR, _VALUE):
            return value
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            return _BOOLS.get(value.lower(), value)
        if tag == _TAG + "int":
            # YAML 1.1 reads a phone number 0612345678 as octal and 18:30 as base 60:
            # such scalars stay the text that was typed.
            return int(value) if len(value) < 100 and _PLAIN_INT.fullmatch(value) else value
        if tag == _TAG + "float":
            if _PLAIN_FLOAT.fullmatch(value):
                return float(value)
            return _SPECIAL_FLOATS.get(value.lower(), value)
        if tag == _TAG + "timestamp":
            try:
                if len(value) == 10:  # YYYY-MM-DD, the only ten-character timestamp: most dates in sheets
                    return dt.date.fromisoformat(value)
                return _TIMESTAMPS.construct_yaml_timestamp(node)
            except ValueError:  # no real date (2026-02-30): the text, for the validator to report
                return value
        raise self.fail("yaml.tag", node, tag=tag)


_TIMESTAMPS = yaml.constructor.SafeConstructor()
