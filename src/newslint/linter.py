"""Lint files and text: configuration per file, rules compiled once per configuration."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newslint.cache import ResultCache, entry_key, from_record, run_fingerprint, to_record
from newslint.checks.budget import DEFAULT_SECONDS, rule_budget
from newslint.checks.context import Context
from newslint.config import Config, build_rules, check_selection, discover_config, load_config, load_profile
from newslint.engine import Selection, lint_document
from newslint.errors import NewslintError
from newslint.files import resolved
from newslint.model import Document, Finding, Severity
from newslint.parse import suffix_of
from newslint.readability import ReadabilityStats, readability_stats
from newslint.repetition import RepetitionStats, repetition_stats
from newslint.rulebook import Rule
from newslint.selection import as_selectors
from newslint.source import STDIN, Encoding, decode_as, read_bytes, sniff
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
    cache_dir: Path | None = None  # the result cache's folder; None: no cache
    profile: str | None = None  # overrides the config's profile and path_profiles
    encoding: str = "utf-8"  # files without a byte order mark are decoded with this codec
    rule_timeout: float | None = DEFAULT_SECONDS  # per search of a rule; None or 0: no limit


class Linter:
    """Finds each file's config and lints it; configs and rule sets are cached, so a
    folder of stories compiles its rules once."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self._configs: dict[Path | None, Config] = {}
        self._found: dict[Path, Path | None] = {}  # folder → its nearest config file, looked up once a run
        self._folders: dict[str, Path] = {}  # a folder as written → resolved, once a run
        self._config_of_path: dict[str, Config] = {}
        self._rules: dict[tuple[str | None, str], list[Rule]] = {}
        self._reported_rules: dict[tuple[str | None, str], list[Rule]] = {}
        self._forced = load_config(self.options.config_path) if self.options.config_path else None
        self._cache = ResultCache(self.options.cache_dir) if self.options.cache_dir else None
        self._run_fingerprints: dict[tuple[str | None, str], str] = {}
        if self.options.profile is not None:
            load_profile(self.options.profile)  # an unknown name fails before any file is read

    def config_for(self, path: str) -> Config:
        if self._forced is not None:
            return self._forced
        if path not in self._config_of_path:  # asked when walking the folder, then when linting
            self._config_of_path[path] = self._config_for(path)
        return self._config_of_path[path]

    def _config_for(self, path: str) -> Config:
        folder = Path.cwd() if path == STDIN else self._resolved_folder(path)
        if folder not in self._found:
            self._found[folder] = discover_config(folder)
        found = self._found[folder]
        if found not in self._configs:
            self._configs[found] = load_config(found) if found else Config()
        return self._configs[found]

    def _resolved_folder(self, path: str) -> Path:
        """`resolved(path).parent`, resolving each folder once: a run asks for every file's
        config several times, and the files of a folder share one. A file that is itself
        a symbolic link is resolved on its own (its config is its target's)."""
        if os.path.islink(path):
            return resolved(path).parent
        written = os.path.join(os.getcwd(), os.path.dirname(path))  # not normalised: ".." follows links
        if written not in self._folders:
            self._folders[written] = resolved(written)
        return self._folders[written]

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

    def reported_rules(self, path: str) -> list[Rule]:
        """The rules whose findings `path` could report (for formats that describe them)."""
        config = self.config_for(path)
        return self._reported(config, self.profile_for(config, path))

    def _reported(self, config: Config, profile: str) -> list[Rule]:
        """`reported_rules` for a config and profile, worked out once a run, not per file."""
        key = (config.path, profile)
        if key not in self._reported_rules:
            selection = self.selection_for(config)
            self._reported_rules[key] = [rule for rule in self.rules_for(config, profile) if selection.wants_rule(rule)]
        return self._reported_rules[key]

    def lint_text(
        self, text: str, path: str = "<text>", config: Config | None = None, input_format: str = "text"
    ) -> list[Finding]:
        config = config or self.config_for(path)
        from newslint.analysis import analyse  # see _analyse

        document = analyse(text, path, input_format, tuple(config.front_matter))
        rules = self.rules_for(config, self.profile_for(config, path))
        return findings_for(
            document,
            text,
            input_format,
            config,
            rules,
            self.selection_for(config),
            report_unused=self.options.report_unused_suppressions,
        )

    def lint_path(self, path: str) -> FileResult:
        result = FileResult(path=path)
        try:
            config = self.config_for(path)
            data = read_bytes(path)
            result.encoding = sniff(data, self.options.encoding)
            result.text = decode_as(data, "<stdin>" if path == STDIN else path, result.encoding)
            result.digest = hashlib.sha256(data).hexdigest()
            input_format = self.options.stdin_format if path == STDIN else config.input_format_for(path)
            profile = self.profile_for(config, path)
            rules = self.rules_for(config, profile)
            selection = self.selection_for(config)
            result.rules = self._reported(config, profile)
            run = self._run_fingerprint(config, profile, rules)
            key = entry_key(input_format, result.digest)
            if run is None or not self._from_cache(run, key, result):
                self._analyse(result, config, input_format, rules, selection)
                if run is not None and not result.timed_out:  # never cache a result missing a rule
                    self._cache.put(
                        run,
                        key,
                        to_record(
                            result.findings,
                            result.paragraphs,
                            result.quotes,
                            result.claims,
                            result.readability,
                            result.repetition,
                        ),
                    )
        except NewslintError as exc:
            result.error = exc
        except Exception as exc:  # a bug in newslint: this file fails, the batch goes on
            message = " ".join(str(exc).split())[:200]
            result.error = NewslintError(
                f"internal error, please report it: {type(exc).__name__}: {message}", path=path
            )
        return result

    def _analyse(
        self, result: FileResult, config: Config, input_format: str, rules: list[Rule], selection: Selection
    ) -> None:
        # Imported here: a run answered from the cache analyses nothing, and the analysis
        # modules compile their expressions at import.
        from newslint.analysis import analyse

        document = analyse(result.text, result.path, input_format, tuple(config.front_matter))
        result.paragraphs = [(paragraph.start, paragraph.end) for paragraph in document.paragraphs]
        result.quotes = [(quote.start, quote.end) for quote in document.quotes if not quote.nested]
        context = Context(document)  # shared by the rules and the claim statistics
        result.findings = findings_for(
            document,
            result.text,
            input_format,
            config,
            rules,
            selection,
            report_unused=self.options.report_unused_suppressions,
            seconds=self.options.rule_timeout,
            timed_out=result.timed_out,
            context=context,
        )
        result.claims = _claim_stats(context, rules, self.options.rule_timeout)
        if self.options.readability:
            result.readability = readability_stats(document)
        if self.options.repetition:
            result.repetition = repetition_stats(document, rules)

    def _run_fingerprint(self, config: Config, profile: str, rules: list[Rule]) -> str | None:
        """The cache pack for this config and profile, worked out once a run; None: no cache."""
        if self._cache is None:
            return None
        if (config.path, profile) not in self._run_fingerprints:
            selection = self.selection_for(config)
            settings = {
                "select": selection.select,
                "ignore": selection.ignore,
                "min_severity": int(selection.min_severity),
                "vocabulary": config.vocabulary,
                "front_matter": config.front_matter,
                "readability": self.options.readability,
                "repetition": self.options.repetition,
                "unused_suppressions": self.options.report_unused_suppressions,
                # The same bytes decoded another way are another text, with other offsets.
                "encoding": self.options.encoding,
            }
            self._run_fingerprints[config.path, profile] = run_fingerprint(rules, settings)
        return self._run_fingerprints[config.path, profile]

    def _from_cache(self, run: str, key: str, result: FileResult) -> bool:
        record = self._cache.get(run, key)
        if record is None:
            return False
        try:
            fields = from_record(record)
        except (KeyError, TypeError, ValueError):
            return False  # a damaged entry: analyse again, and overwrite it
        for name, value in fields.items():
            setattr(result, name, value)
        return True


def _claim_stats(context: Context, rules: list[Rule], seconds: float | None) -> ClaimStats:
    """The claim counts, under the claim rule's time budget; none counted when it runs out
    (the rule itself is then reported as skipped)."""
    try:
        with rule_budget(seconds):
            return claim_stats(context, claim_check(rules))
    except TimeoutError:
        return ClaimStats([ParagraphStats(paragraph.index, 0, 0) for paragraph in context.document.paragraphs])


def findings_for(
    document: Document,
    source: str,
    input_format: str,
    config: Config,
    rules: list[Rule],
    selection: Selection,
    *,
    report_unused: bool = False,
    seconds: float | None = DEFAULT_SECONDS,
    timed_out: list[str] | None = None,
    context: Context | None = None,
) -> list[Finding]:
    """What to report for one analysed file: the rules' findings the user selected, less
    those the file's own directives suppress, plus any about the directives. Each
    finding's `text` is the file's own characters (rules match the analysis text, where
    markup is blanked out). `context` is the document's, when the caller shares it."""
    findings = drop_accepted(
        lint_document(context or document, rules, selection, seconds=seconds, timed_out=timed_out),
        document.text,
        config.vocabulary,
    )
    directives = find_directives(source, input_format)
    if directives:
        known = {rule.id for rule in rules} | set(config.rule_settings)
        findings = [
            finding
            for finding in apply_suppressions(findings, directives, document, known, report_unused=report_unused)
            if selection.wants(finding)
        ]
    for finding in findings:
        finding.text = source[finding.start : finding.end]
    return findings


def selection_for(
    config: Config,
    select: list[str] | None = None,
    ignore: list[str] | tuple[str, ...] = (),
    min_severity: str | None = None,
) -> Selection:
    """What to show: command-line (or API) choices over the config's. --select replaces
    the config's selection; --ignore adds to its ignores. A selector that names no rule
    is an error (issue 20)."""
    select, ignore = as_selectors(select), as_selectors(ignore) or ()
    check_selection(config, select, ignore)
    chosen = select if select is not None else config.select
    return Selection(
        select=tuple(chosen) if chosen is not None else None,
        ignore=tuple(config.ignore) + ignore,
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
                folder = str(Path(root))  # as pathlib writes it ("stories/x.md", not "./stories/x.md")
                for name in sorted(files):
                    candidate = name if folder == "." else os.path.join(folder, name)
                    if suffix_of(name).lower() in ARTICLE_SUFFIXES and not _excluded(candidate, linter):
                        yield candidate
            yield from _listing_errors(unlisted, raw)
        elif path.exists():
            if not _excluded(raw, linter):
                yield raw
        else:
            yield FileResult(path=raw, error=NewslintError("no such file or directory", path=raw))


def _listing_errors(errors: list[OSError], folder: str) -> Iterator[FileResult]:
    while errors:
        exc = errors.pop(0)
        where = str(exc.filename) if exc.filename else folder
        yield FileResult(path=where, error=NewslintError(exc.strerror or str(exc), path=where))


def _excluded(path: str, linter: Linter) -> bool:
    try:
        return linter.config_for(path).excludes(path)
    except NewslintError:
        return False  # the config error is reported when the file is linted
