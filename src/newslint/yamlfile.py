"""Safe YAML loading that remembers where every value came from.

Rule files and configs come from other desks, so errors must name the file, the line and
the field. PyYAML's node tree keeps marks; we compose once, check for duplicate keys
(which `safe_load` silently overwrites), construct with the safe constructor, and keep
the nodes to locate validation errors later.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from newslint.errors import NewslintError

_MAX_NODES = 100_000  # refuses alias bombs ("billion laughs") before they expand
# libyaml's safe loader when PyYAML was built with it: same documents, several times faster.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlDocument:
    def __init__(self, data: Any, root: yaml.Node | None, path: str) -> None:
        self.data = data
        self.root = root
        self.path = path

    def line_of(self, field_path: Sequence[str | int]) -> int | None:
        """1-based line of the value at `field_path`, or of its nearest existing parent."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for key in field_path:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == key:
                        line = key_node.start_mark.line + 1
                        node = value_node
                        break
                else:
                    return line
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
                line = node.start_mark.line + 1
            else:
                return line
        return line


def load_yaml(text: str, path: str, error: type[NewslintError]) -> YamlDocument:
    """Parse `text` safely; raise `error` naming path, line and field on any problem."""
    try:
        root = yaml.compose(text, Loader=_SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(f"invalid YAML: {problem}", path=path, line=line) from None
    if root is None:
        return YamlDocument(None, None, path)
    _check_nodes(root, path, error)
    try:
        data = yaml.load(text, Loader=_SafeLoader)
    except yaml.YAMLError as exc:  # e.g. a tag the safe constructor refuses
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(f"invalid YAML: {problem}", path=path, line=line) from None
    return YamlDocument(data, root, path)


def _check_nodes(root: yaml.Node, path: str, error: type[NewslintError]) -> None:
    """Refuse duplicate keys, and documents that expand past a sane size through
    aliases (recursive aliases never finish expanding, so they are caught here too)."""
    seen = 0
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        seen += 1
        if seen > _MAX_NODES:
            raise error("YAML too large or too deeply aliased", path=path)
        if isinstance(node, yaml.MappingNode):
            keys: dict[str, int] = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                if key is not None:
                    if key in keys:
                        raise error(f"duplicate key (first on line {keys[key]})", path=path,
                                    line=key_node.start_mark.line + 1, field=key)
                    keys[key] = key_node.start_mark.line + 1
                stack.append(value_node)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
