"""Lint files and text: configuration per file, rules compiled once per configuration."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newslint.analysis import analyse
from newslint.config import Config, build_rules, discover_config, load_config, load_profile
from newslint.engine import Selection, lint_document
from newslint.errors import NewslintError
from newslint.model import Finding, Severity
from newslint.rulebook import Rule
from newslint.source import STDIN, read_article
from newslint.stats import ClaimStats, claim_check, claim_stats

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass
class FileResult:
    path: str
    text: str = ""
    findings: list[Finding] = field(default_factory=list)
    error: NewslintError | None = None
    paragraph_starts: list[int] = field(default_factory=list)  # offset of each paragraph
    stats: ClaimStats | None = None  # None when the file could not be checked


@dataclass
class Options:
    """What the command line adds on top of the config files."""

    config_path: Path | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    min_severity: str | None = None
    profile: str | None = None  # overrides the config's profile and path_profiles


class Linter:
    """Finds each file's config and lints it; configs and rule sets are cached, so a
    folder of stories compiles its rules once."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self._configs: dict[Path | None, Config] = {}
        self._rules: dict[tuple[str | None, str], list[Rule]] = {}
        self._forced = load_config(self.options.config_path) if self.options.config_path else None
        if self.options.profile is not None:
            load_profile(self.options.profile)  # an unknown name fails before any file is read

    def config_for(self, path: str) -> Config:
        if self._forced is not None:
            return self._forced
        folder = Path.cwd() if path == STDIN else Path(path).resolve().parent
        found = discover_config(folder)
        if found not in self._configs:
            self._configs[found] = load_config(found) if found else Config()
        return self._configs[found]

    def profile_for(self, config: Config, path: str) -> str:
        """--profile if given, else the config's profile for this file."""
        if self.options.profile is not None:
            return self.options.profile
        return config.profile if path in (STDIN, "<text>") else config.profile_for(path)

    def rules_for(self, config: Config, profile: str | None = None) -> list[Rule]:
        key = (config.path, profile or self.options.profile or config.profile)
        if key not in self._rules:
            self._rules[key] = build_rules(config, key[1])
        return self._rules[key]

    def selection_for(self, config: Config) -> Selection:
        return selection_for(config, self.options.select, self.options.ignore, self.options.min_severity)

    def lint_text(self, text: str, path: str = "<text>", config: Config | None = None) -> list[Finding]:
        config = config or self.config_for(path)
        document = analyse(text, path)
        return lint_document(document, self.rules_for(config, self.profile_for(config, path)),
                             self.selection_for(config))

    def lint_path(self, path: str) -> FileResult:
        result = FileResult(path=path)
        try:
            config = self.config_for(path)
            result.text = read_article(path)
            document = analyse(result.text, path)
            result.paragraph_starts = [paragraph.start for paragraph in document.paragraphs]
            rules = self.rules_for(config, self.profile_for(config, path))
            result.findings = lint_document(document, rules, self.selection_for(config))
            result.stats = claim_stats(document, claim_check(rules))
        except NewslintError as exc:
            result.error = exc
        return result


def selection_for(config: Config, select: list[str] | None = None, ignore: list[str] | tuple[str, ...] = (),
                  min_severity: str | None = None) -> Selection:
    """What to show: command-line (or API) choices over the config's. --select replaces
    the config's selection; --ignore adds to its ignores."""
    chosen = select if select is not None else config.select
    return Selection(
        select=tuple(chosen) if chosen is not None else None,
        ignore=tuple(config.ignore) + tuple(ignore),
        min_severity=Severity.parse(min_severity) if min_severity else config.min_severity,
    )


def expand_paths(paths: list[str], linter: Linter) -> Iterator[str | FileResult]:
    """Files to lint, in a stable order: named files as given, folders walked for article
    suffixes. Yields a FileResult with an error for a path that does not exist."""
    for raw in paths:
        if raw == STDIN:
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    candidate = Path(root) / name
                    if candidate.suffix.lower() in ARTICLE_SUFFIXES and not _excluded(candidate, linter):
                        yield str(candidate)
        elif path.exists():
            if not _excluded(path, linter):
                yield raw
        else:
            yield FileResult(path=raw, error=NewslintError("no such file or directory", path=raw))


def _excluded(path: Path, linter: Linter) -> bool:
    try:
        return linter.config_for(str(path)).excludes(path)
    except NewslintError:
        return False  # the config error is reported when the file is linted
