"""Safe YAML loading that remembers where every value came from.

Rule files and configs come from other desks, so errors must name the file, the line and
the field. PyYAML's node tree keeps marks; we compose once, check for duplicate keys
(which `safe_load` silently overwrites), construct with the safe constructor, and keep
the nodes to locate validation errors later.

The YAML newslint ships (rule packs, profiles) is read at every start, so
`load_shipped_yaml` reads it from one parsed copy in the cache folder
(`newslint.datacopy`) instead: importing PyYAML and parsing some forty files was a sixth
of the time of checking one story. The copy keeps each file's data and the lines of its
top-level keys; the node tree, which only an error message deep in a file needs, is
parsed from the file when first asked for. PyYAML itself is imported only when a file
is parsed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.datacopy import parsed_copy
from newslint.errors import NewslintError

if TYPE_CHECKING:
    import yaml

_MAX_NODES = 100_000  # refuses alias bombs ("billion laughs") before they expand


def _safe_loader() -> type:
    """libyaml's safe loader when PyYAML was built with it: same documents, several
    times faster."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlDocument:
    def __init__(
        self,
        data: Any,
        root: yaml.Node | None,
        path: str,
        *,
        key_lines: dict[str, int | None] | None = None,
        parse_root: Callable[[], yaml.Node | None] | None = None,
    ) -> None:
        self.data = data
        self._root = root
        self.path = path
        self._key_lines = key_lines  # top-level key → line, when read from a parsed copy
        self._parse_root = parse_root  # the node tree, parsed when first needed

    @property
    def root(self) -> yaml.Node | None:
        if self._parse_root is not None:
            self._root, self._parse_root = self._parse_root(), None
        return self._root

    def line_of(self, field_path: Sequence[str | int]) -> int | None:
        """1-based line of the value at `field_path`, or of its nearest existing parent."""
        if self._key_lines is not None and len(field_path) == 1 and field_path[0] in self._key_lines:
            return self._key_lines[field_path[0]]
        import yaml

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
    import yaml

    try:
        root = yaml.compose(text, Loader=_safe_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(f"invalid YAML: {problem}", path=path, line=line) from None
    if root is None:
        return YamlDocument(None, None, path)
    _check_nodes(root, path, error)
    try:
        data = yaml.load(text, Loader=_safe_loader())
    except yaml.YAMLError as exc:  # e.g. a tag the safe constructor refuses
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(f"invalid YAML: {problem}", path=path, line=line) from None
    return YamlDocument(data, root, path)


def _check_nodes(root: yaml.Node, path: str, error: type[NewslintError]) -> None:
    """Refuse duplicate keys, and documents that expand past a sane size through
    aliases (recursive aliases never finish expanding, so they are caught here too)."""
    import yaml

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
                        raise error(
                            f"duplicate key (first on line {keys[key]})",
                            path=path,
                            line=key_node.start_mark.line + 1,
                            field=key,
                        )
                    keys[key] = key_node.start_mark.line + 1
                stack.append(value_node)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def load_shipped_yaml(
    paths: Sequence[Path], shown: Callable[[Path], str], error: type[NewslintError], tag: str
) -> dict[Path, YamlDocument]:
    """Files that ship with newslint, each as `load_yaml` would load it (named
    `shown(path)` in errors), from a parsed copy of them all (`tag` names it) when their
    sizes and modification times are unchanged."""

    def parse() -> dict[str, tuple[Any, dict[str, int | None]]]:
        parsed = {}
        for path in paths:
            document = load_yaml(read_text(path, shown(path), error), shown(path), error)
            keys = document.data if isinstance(document.data, dict) else {}
            parsed[str(path)] = (document.data, {key: document.line_of((key,)) for key in keys if isinstance(key, str)})
        return parsed

    def root_of(path: Path) -> Callable[[], yaml.Node | None]:
        return lambda: load_yaml(read_text(path, shown(path), error), shown(path), error).root

    copy = parsed_copy(paths, tag, parse, lambda data: isinstance(data, dict) and set(data) == set(map(str, paths)))
    return {
        path: YamlDocument(
            copy[str(path)][0],
            None,
            shown(path),
            key_lines=copy[str(path)][1],
            parse_root=root_of(path),
        )
        for path in paths
    }


def read_text(path: Path, shown: str, error: type[NewslintError], what: str = "file") -> str:
    """A settings file's text (UTF-8), or `error` saying it cannot read the `what`, named `shown`."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"cannot read {what}: {exc}", path=shown) from None
