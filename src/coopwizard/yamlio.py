"""Safe YAML in and out, with limits on depth and alias expansion.

Loading composes the node graph once (with libyaml when PyYAML has it), checks
it against the limits, then builds plain Python data from the same nodes. The
node graph is kept so that a finding can be located (line, column) only when
there is one: the fast path never looks at marks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from coopwizard.errors import InvalidYamlError

try:  # libyaml is about nine times faster; the pure-Python classes are the fallback
    from yaml import CSafeDumper as _BaseDumper
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_DEPTH = 64
MAX_NODES = 100_000  # counted with aliases expanded: stops "billion laughs"

PathPart = str | int


@dataclass(frozen=True)
class LoadedYaml:
    data: Any
    root: yaml.Node
    line_offset: int = 0  # lines before the document: a Markdown sheet's front matter

    def locate(self, path: Sequence[PathPart]) -> tuple[int, int]:
        """1-based line and column of the deepest node along `path` that exists."""
        node = self.root
        mark = node.start_mark
        for part in path:
            child = _child(node, part)
            if child is None:
                break
            key_mark, node = child
            mark = key_mark
        return mark.line + 1 + self.line_offset, mark.column + 1


def _child(node: yaml.Node, part: PathPart) -> tuple[Any, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return key.start_mark, value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        item = node.value[part]
        return item.start_mark, item
    return None


class _SafeLoader(_BaseLoader):
    """The safe loader, except that an impossible date (2026-13-01) stays text for the validator to report."""


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return str(node.value)


_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"[-+]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]+)?")


def _number_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    # YAML 1.1 reads a phone number 0612345678 as octal and a time 18:30 as 1110
    # (base 60): keep such scalars as the text that was typed.
    value = str(node.value)
    if node.tag.endswith(":int") and _PLAIN_INT.fullmatch(value):
        return int(value)
    if node.tag.endswith(":float") and _PLAIN_FLOAT.fullmatch(value):
        return float(value)
    if node.tag.endswith(":float") and value.lower().lstrip("+-") in (".inf", ".nan"):
        return yaml.SafeLoader.construct_yaml_float(loader, node)
    return str(node.value)


_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
_SafeLoader.add_constructor("tag:yaml.org,2002:int", _number_or_text)
_SafeLoader.add_constructor("tag:yaml.org,2002:float", _number_or_text)


def load_yaml(text: str, source: str, line_offset: int = 0) -> LoadedYaml:
    """Parse one YAML document safely; every failure is an InvalidYamlError naming `source`."""
    loader = _SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise InvalidYamlError("yaml.empty", file=source)
        _check_limits(root, source, line_offset)
        data = loader.construct_document(root)
    except yaml.constructor.ConstructorError as err:
        line = _line(err, line_offset)
        raise InvalidYamlError("yaml.tag", file=source, line=line, tag=_tag_of(err)) from err
    except yaml.MarkedYAMLError as err:
        line = _line(err, line_offset)
        if "nesting depth" in str(err.problem):  # libyaml's own limit, far above ours
            raise InvalidYamlError("yaml.too_deep_at", file=source, line=line, limit=MAX_DEPTH) from err
        problem = err.problem or err.context or "?"
        raise InvalidYamlError("yaml.syntax", file=source, line=line, problem=problem) from err
    except yaml.YAMLError as err:  # a reader error: a control character, say
        raise InvalidYamlError("yaml.syntax", file=source, line=line_offset + 1, problem=str(err)) from err
    except (ValueError, TypeError, OverflowError) as err:  # a scalar the safe constructors refuse
        raise InvalidYamlError("yaml.syntax", file=source, line=line_offset + 1, problem=str(err)) from err
    except RecursionError as err:  # the pure-Python composer recurses on nesting
        raise InvalidYamlError("yaml.too_deep", file=source, limit=MAX_DEPTH) from err
    finally:
        loader.dispose()
    return LoadedYaml(data, root, line_offset)


def _line(err: yaml.MarkedYAMLError, offset: int) -> int:
    mark = err.problem_mark or err.context_mark
    return (mark.line + 1 if mark else 1) + offset


def _tag_of(err: yaml.constructor.ConstructorError) -> str:
    problem = err.problem or ""
    start = problem.find("'")
    end = problem.rfind("'")
    return problem[start + 1 : end] if 0 <= start < end else problem


def _check_limits(root: yaml.Node, source: str, line_offset: int) -> None:
    # Walk the graph as a tree, so that every alias counts as many nodes as it
    # expands to; stop as soon as a limit is passed, which bounds the work.
    visited = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        visited += 1
        if visited > MAX_NODES:
            raise InvalidYamlError("yaml.too_many_nodes", file=source, limit=MAX_NODES)
        if depth > MAX_DEPTH:
            line = node.start_mark.line + 1 + line_offset
            raise InvalidYamlError("yaml.too_deep_at", file=source, line=line, limit=MAX_DEPTH)
        if isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))


class _SheetDumper(_BaseDumper):
    """Block style, key order kept, multi-line text as literal blocks."""


def _represent_str(dumper: _SheetDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_SheetDumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """YAML text for people: UTF-8 as is, keys in the order given, wide lines."""
    text: str = yaml.dump(
        data,
        Dumper=_SheetDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )
    return text


def json_ready(value: Any) -> Any:
    """Plain data with dates as ISO strings, for JSON output."""
    if isinstance(value, dict):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_ready(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
