"""`.vale.ini` reading, as Vale does it (finding it: `newslint.vale_lookup`).

Vale's configuration is an INI file: keys before the first section are global
(`StylesPath`, `MinAlertLevel`, `Vocab`, ...); each section is a glob (`[*]`, `[*.md]`,
`[*.{md,txt}]`) whose `BasedOnStyles` and `Style.Rule = YES|NO|<level>` lines apply to the
files it matches. Every matching section applies, in file order, a later one overriding.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

LEVELS = ("suggestion", "warning", "error")


class ValeConfigError(Exception):
    """A `.vale.ini` newslint cannot use: the message names the file and the line."""


@dataclass
class Section:
    glob: str
    pattern: re.Pattern[str]
    styles: list[str] = field(default_factory=list)
    # Text Vale leaves alone in the files this section matches: inline (TokenIgnores)
    # and whole blocks (BlockIgnores, formerly IgnorePatterns); Go-syntax patterns.
    token_ignores: list[str] = field(default_factory=list)
    block_ignores: list[str] = field(default_factory=list)
    # rule id -> True (on), False (off) or a level name (on, at that level)
    rules: dict[str, bool | str] = field(default_factory=dict)


@dataclass
class ValeConfig:
    path: str
    root: str  # the folder relative paths in the file are read from
    styles_path: str | None = None
    min_alert_level: str = "warning"  # Vale's default (core.NewConfig: MinAlertLevel = 1)
    vocab: list[str] = field(default_factory=list)
    # HTML elements whose text is not linted (Vale's default: code, tt; our parse
    # already leaves code out).
    ignored_scopes: list[str] = field(default_factory=lambda: ["code", "tt"])
    # HTML classes whose elements are not linted (IgnoredClasses)
    ignored_classes: list[str] = field(default_factory=list)
    # `[formats]`: an extension read as another (`mdx = md`)
    formats: dict[str, str] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)

    def sections_for(self, path: str) -> list[Section]:
        """The sections matching a file, by its name or, with `[formats]` (`mdx = md`),
        by the name under the extension it is read as."""
        names = [path.replace(os.sep, "/")]
        stem, dot, suffix = names[0].rpartition(".")
        if dot and suffix in self.formats:
            names.append(f"{stem}.{self.formats[suffix]}")
        names += [name.rsplit("/", 1)[-1] for name in names]
        return [s for s in self.sections if any(s.pattern.fullmatch(name) for name in names)]


def glob_pattern(glob: str) -> re.Pattern[str]:
    """Vale's section globs: `*` (any characters), `?`, `{a,b}` alternatives, `[...]`."""
    out: list[str] = []
    i = 0
    depth = 0
    while i < len(glob):
        char = glob[i]
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 2
        elif char == "*":
            out.append(".*")
            while i + 1 < len(glob) and glob[i + 1] == "*":
                i += 1
        elif char == "?":
            out.append(".")
        elif char == "{":
            depth += 1
            out.append("(?:")
        elif char == "}" and depth:
            depth -= 1
            out.append(")")
        elif char == "," and depth:
            out.append("|")
        elif char == "[":
            end = glob.find("]", i)
            if end == -1:
                out.append(re.escape(char))
            else:
                out.append(glob[i : end + 1])
                i = end
        else:
            out.append(re.escape(char))
        i += 1
    return re.compile("".join(out), re.DOTALL)


def _values(raw: str) -> list[str]:
    return [v.strip() for v in raw.split(",") if v.strip()]


def read_config(path: str) -> ValeConfig:
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError as error:
        raise ValeConfigError(f"{path}: cannot read the Vale config ({error.strerror})") from None
    config = ValeConfig(path=path, root=os.path.dirname(os.path.abspath(path)))
    section: Section | None = None
    in_formats = False
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if not text or text[0] in "#;":
            continue
        if text.startswith("[") and text.endswith("]"):
            glob = text[1:-1].strip()
            in_formats = glob == "formats"
            section = None if in_formats else Section(glob, glob_pattern(glob))
            if section is not None:
                config.sections.append(section)
            continue
        key, equals, value = text.partition("=")
        if not equals:
            raise ValeConfigError(f"{path}:{number}: expected 'key = value', got {text!r}")
        key, value = key.strip(), value.strip()
        if in_formats:
            config.formats[key.lstrip(".")] = value.lstrip(".")
        elif section is None:
            _global(config, key, value, f"{path}:{number}")
        elif key == "BasedOnStyles":
            section.styles = _values(value)
        elif key == "TokenIgnores":
            section.token_ignores = _patterns(value)
        elif key in ("BlockIgnores", "IgnorePatterns"):
            section.block_ignores = _patterns(value)
        elif "." in key and key.split(".", 1)[0] and " " not in key:
            section.rules[key] = _switch(value, f"{path}:{number}", key)
        else:
            config.unsupported.append(f"{path}:{number}: Vale setting {key!r} is not supported; ignored")
    return config


def _global(config: ValeConfig, key: str, value: str, where: str) -> None:
    if key == "StylesPath":
        config.styles_path = os.path.normpath(os.path.join(config.root, value))
    elif key == "MinAlertLevel":
        if value not in LEVELS:
            raise ValeConfigError(f"{where}: MinAlertLevel must be one of {', '.join(LEVELS)}, got {value!r}")
        config.min_alert_level = value
    elif key == "Vocab":
        config.vocab = _values(value)
    elif key == "IgnoredScopes":
        config.ignored_scopes = _values(value)
    elif key == "IgnoredClasses":
        config.ignored_classes = _values(value)
    else:
        config.unsupported.append(f"{where}: Vale setting {key!r} is not supported; ignored")


def _patterns(raw: str) -> list[str]:
    """Comma-separated patterns; a comma inside parentheses or brackets is the pattern's."""
    out: list[str] = []
    depth = 0
    current: list[str] = []
    escaped = False
    for char in raw:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth <= 0:
            out.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    out.append("".join(current).strip())
    return [p for p in out if p]


def _switch(value: str, where: str, key: str) -> bool | str:
    if value.upper() == "YES":
        return True
    if value.upper() == "NO":
        return False
    if value in LEVELS:
        return value
    raise ValeConfigError(f"{where}: {key} must be YES, NO or a level ({', '.join(LEVELS)}), got {value!r}")
