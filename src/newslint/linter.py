"""Lint files and text: configuration per file, rules compiled once per configuration."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newslint.analysis import analyse
from newslint.checks.budget import DEFAULT_SECONDS, rule_budget
from newslint.config import Config, build_rules, discover_config, load_config
from newslint.engine import Selection, lint_document
from newslint.errors import NewslintError
from newslint.files import resolved
from newslint.model import Document, Finding, Severity
from newslint.rulebook import Rule
from newslint.source import STDIN, Encoding, decode_as, read_bytes, sniff
from newslint.readability import ReadabilityStats, readability_stats
from newslint.repetition import RepetitionStats, repetition_stats
from newslint.stats import ClaimStats, ParagraphStats, claim_check, claim_stats
from newslint.suppressions import apply_suppressions, find_directives
from newslint.vocabulary import drop_accepted

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass
class FileResult:
    path: str
    text: str = ""
    findings: list[Finding] = field(default_factory=list)
    error: NewslintError | None = None
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each paragraph
    quotes: list[tuple[int, int]] = field(default_factory=list)  # top-level quotations (fixes avoid them)
    digest: str = ""  # sha256 of the file as read, so --fix can tell whether it changed since
    encoding: Encoding = field(default_factory=Encoding)  # how it was decoded, so --fix writes it back alike
    claims: ClaimStats | None = None  # None when the file could not be checked
    readability: ReadabilityStats | None = None  # computed when Options.readability asks
    # The rules whose findings this file could report, for formats that describe each
    # rule next to the findings (SARIF); empty when the file could not be checked.
    rules: list[Rule] = field(default_factory=list)
    repetition: RepetitionStats | None = None  # computed when Options.repetition asks
    timed_out: list[str] = field(default_factory=list)  # rules skipped for this file: over their time budget

    @property
    def paragraph_starts(self) -> list[int]:
        return [start for start, _ in self.paragraphs]


@dataclass
class Options:
    """What the command line adds on top of the config files."""

    config_path: Path | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    min_severity: str | None = None
    readability: bool = False  # compute per-paragraph readability scores (--stats)
    repetition: bool = False  # list the top repeated phrases and words (--stats, JSON)
    stdin_format: str = "text"  # the input format of standard input
    report_unused_suppressions: bool = False
    encoding: str = "utf-8"  # files without a byte order mark are decoded with this codec
    rule_timeout: float | None = DEFAULT_SECONDS  # per search of a rule; None or 0: no limit


class Linter:
    """Finds each file's config and lints it; configs and rule sets are cached, so a
    folder of stories compiles its rules once."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self._configs: dict[Path | None, Config] = {}
        self._rules: dict[str | None, list[Rule]] = {}
        self._forced = load_config(self.options.config_path) if self.options.config_path else None

    def config_for(self, path: str) -> Config:
        if self._forced is not None:
            return self._forced
        folder = Path.cwd() if path == STDIN else resolved(path).parent
        found = discover_config(folder)
        if found not in self._configs:
            self._configs[found] = load_config(found) if found else Config()
        return self._configs[found]

    def rules_for(self, config: Config) -> list[Rule]:
        if config.path not in self._rules:
            self._rules[config.path] = build_rules(config)
        return self._rules[config.path]

    def selection_for(self, config: Config) -> Selection:
        return selection_for(config, self.options.select, self.options.ignore, self.options.min_severity)

    def lint_text(self, text: str, path: str = "<text>", config: Config | None = None,
                  input_format: str = "text") -> list[Finding]:
        config = config or self.config_for(path)
        document = analyse(text, path, input_format, tuple(config.front_matter))
        return findings_for(document, text, input_format, config, self.rules_for(config), self.selection_for(config),
                            report_unused=self.options.report_unused_suppressions)

    def lint_path(self, path: str) -> FileResult:
        result = FileResult(path=path)
        try:
            config = self.config_for(path)
            data = read_bytes(path)
            result.encoding = sniff(data, self.options.encoding)
            result.text = decode_as(data, "<stdin>" if path == STDIN else path, result.encoding)
            result.digest = hashlib.sha256(data).hexdigest()
            input_format = self.options.stdin_format if path == STDIN else config.input_format_for(Path(path))
            document = analyse(result.text, path, input_format, tuple(config.front_matter))
            result.paragraphs = [(paragraph.start, paragraph.end) for paragraph in document.paragraphs]
            result.quotes = [(quote.start, quote.end) for quote in document.quotes if not quote.nested]
            rules = self.rules_for(config)
            selection = self.selection_for(config)
            result.findings = findings_for(document, result.text, input_format, config, rules, selection,
                                           report_unused=self.options.report_unused_suppressions,
                                           seconds=self.options.rule_timeout, timed_out=result.timed_out)
            result.rules = [rule for rule in rules if selection.wants_rule(rule)]
            result.claims = _claim_stats(document, rules, self.options.rule_timeout)
            if self.options.readability:
                result.readability = readability_stats(document)
            if self.options.repetition:
                result.repetition = repetition_stats(document, rules)
        except NewslintError as exc:
            result.error = exc
        except Exception as exc:  # a bug in newslint: this file fails, the batch goes on
            message = " ".join(str(exc).split())[:200]
            result.error = NewslintError(f"internal error, please report it: {type(exc).__name__}: {message}",
                                         path=path)
        return result


def _claim_stats(document: Document, rules: list[Rule], seconds: float | None) -> ClaimStats:
    """The claim counts, under the claim rule's time budget; none counted when it runs out
    (the rule itself is then reported as skipped)."""
    try:
        with rule_budget(seconds):
            return claim_stats(document, claim_check(rules))
    except TimeoutError:
        return ClaimStats([ParagraphStats(paragraph.index, 0, 0) for paragraph in document.paragraphs])


def findings_for(document: Document, source: str, input_format: str, config: Config, rules: list[Rule],
                 selection: Selection, *, report_unused: bool = False, seconds: float | None = DEFAULT_SECONDS,
                 timed_out: list[str] | None = None) -> list[Finding]:
    """What to report for one analysed file: the rules' findings the user selected, less
    those the file's own directives suppress, plus any about the directives. Each
    finding's `text` is the file's own characters (rules match the analysis text, where
    markup is blanked out)."""
    findings = drop_accepted(lint_document(document, rules, selection, seconds=seconds, timed_out=timed_out),
                             document.text, config.vocabulary)
    directives = find_directives(source, input_format)
    if directives:
        known = {rule.id for rule in rules} | set(config.rule_settings)
        findings = [finding for finding in apply_suppressions(findings, directives, document, known,
                                                              report_unused=report_unused)
                    if selection.wants(finding)]
    for finding in findings:
        finding.text = source[finding.start:finding.end]
    return findings


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
            # A folder that cannot be listed is an error, not silence (os.walk skips it
            # unless told). Symbolic links to folders are not followed, so a link back
            # up the tree cannot loop.
            unlisted: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=unlisted.append, followlinks=False):
                yield from _listing_errors(unlisted, raw)
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    candidate = Path(root) / name
                    if candidate.suffix.lower() in ARTICLE_SUFFIXES and not _excluded(candidate, linter):
                        yield str(candidate)
            yield from _listing_errors(unlisted, raw)
        elif path.exists():
            if not _excluded(path, linter):
                yield raw
        else:
            yield FileResult(path=raw, error=NewslintError("no such file or directory", path=raw))


def _listing_errors(errors: list[OSError], folder: str) -> Iterator[FileResult]:
    while errors:
        exc = errors.pop(0)
        where = str(exc.filename) if exc.filename else folder
        yield FileResult(path=where, error=NewslintError(exc.strerror or str(exc), path=where))


def _excluded(path: Path, linter: Linter) -> bool:
    try:
        return linter.config_for(str(path)).excludes(path)
    except NewslintError:
        return False  # the config error is reported when the file is linted
