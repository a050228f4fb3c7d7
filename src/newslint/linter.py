"""Lint files and text: the orchestration of one file's run, read → analyse → check →
settle → figures, with each step in its own module.

Where each job lives: run options and the selection they make (`options`), each file's
config and rule set (`configs`), reading a file (`reading`), the result cache
(`caching`), checking and settling findings (`findings`), the figures beside them
(`statistics`), the folder walk (`walk`) and the result itself (`result`).
"""

from __future__ import annotations

import traceback

from newslint.caching import RunCache
from newslint.checks.context import Context
from newslint.config import Config
from newslint.configs import Configs
from newslint.engine import Selection
from newslint.errors import InternalError, NewslintError
from newslint.findings import findings_for
from newslint.genre import detect as detect_genre
from newslint.model import Finding
from newslint.options import Options, selection_for
from newslint.reading import read_into
from newslint.result import FileResult
from newslint.rulebook import Rule
from newslint.source import STDIN
from newslint.statistics import budgeted_claim_stats, readability_stats, repetition_stats, source_stats
from newslint.walk import ARTICLE_SUFFIXES, expand_paths

# Re-exported: the names API users and tests have imported from here.
__all__ = [
    "ARTICLE_SUFFIXES",
    "FileResult",
    "Linter",
    "Options",
    "expand_paths",
    "findings_for",
    "selection_for",
]


class Linter:
    """Finds each file's config and lints it; configs and rule sets are cached, so a
    folder of stories compiles its rules once."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self._configs = Configs(self.options.config_path, self.options.profile, self.options.vale_config)
        self._reported_rules: dict[tuple[str | None, str], list[Rule]] = {}
        self._cache = RunCache(self.options.cache_dir, self._run_settings()) if self.options.cache_dir else None

    def _run_settings(self) -> dict[str, object]:
        """The options that change a cached result, part of its pack's fingerprint."""
        return {
            "readability": self.options.readability,
            "repetition": self.options.repetition,
            "unused_suppressions": self.options.report_unused_suppressions,
            # The same bytes decoded another way are another text, with other offsets.
            "encoding": self.options.encoding,
        }

    def config_for(self, path: str) -> Config:
        return self._configs.config_for(path)

    def profile_for(self, config: Config, path: str) -> str:
        """--profile if given, else the config's profile for this file."""
        return self._configs.profile_for(config, path)

    def rules_for(self, config: Config, profile: str | None = None) -> list[Rule]:
        return self._configs.rules_for(config, profile)

    def rules_of_file(self, path: str) -> list[Rule]:
        """The rules that check `path`: its config's, under its profile (path_profiles)."""
        config = self.config_for(path)
        return self.rules_for(config, self.profile_for(config, path))

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

        document = analyse(text, path, input_format, tuple(config.front_matter), config.lexicon)
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

    def _profile_chosen(self, config: Config, path: str) -> bool:
        """Did the user choose this file's profile (--profile, `profile:` or a matching
        `path_profiles` glob)? A chosen profile always wins over genre detection."""
        chosen_in_config = config.document is not None and "profile" in (config.document.data or {})
        return self.options.profile is not None or chosen_in_config or config.profile_for(path) != config.profile

    def _profile_of(self, result: FileResult, config: Config, input_format: str) -> str:
        """The profile that checks a story: the one the user chose, else the one its genre
        calls for (issue 19: columns are not news), else the config's."""
        profile = self.profile_for(config, result.path)
        if not self._profile_chosen(config, result.path):
            result.genre = detect_genre(result.text, input_format)
            profile = result.genre.profile if result.genre else profile
        return profile

    def lint_path(self, path: str) -> FileResult:
        result = FileResult(path=path)
        try:
            config = self.config_for(path)
            read_into(result, self.options.encoding, self.options.max_file_size)
            input_format = self.options.stdin_format if path == STDIN else config.input_format_for(path)
            # Vale styles live outside the rule set the cache key knows: such runs are not cached.
            self._check(result, config, input_format, cache=self._cache if config.vale is None else None)
        except NewslintError as exc:
            result.error = exc
        except Exception as exc:  # a bug in newslint: this file fails, the batch goes on
            result.error = internal_error(exc, path)
        return result

    def lint_story(self, text: str, path: str, input_format: str = "text") -> FileResult:
        """A story that is not a file of its own (a record of a JSON Lines or CSV archive,
        issue 22), checked as `lint_path` checks a file. `path` names it in errors and
        finds its config (the archive's folder); nothing is cached, as an archive run
        reads each story once."""
        result = FileResult(path=path, text=text)
        try:
            self._check(result, self.config_for(path), input_format, cache=None)
        except NewslintError as exc:
            result.error = exc
        except Exception as exc:  # a bug in newslint: this story fails, the archive goes on
            result.error = internal_error(exc, path)
        return result

    def _check(self, result: FileResult, config: Config, input_format: str, *, cache: RunCache | None) -> None:
        """Check a story whose text `result` holds, under its profile: from `cache` when
        it has the result, else analysed (and stored there, unless a rule ran out of time:
        a result missing a rule is never cached)."""
        profile = self._profile_of(result, config, input_format)
        rules = self.rules_for(config, profile)
        selection = self.selection_for(config)
        result.rules = self._reported(config, profile)
        pack = cache.pack_for(config, profile, rules, selection) if cache else None
        if cache is not None and pack is not None and cache.load(pack, input_format, result):
            return
        self._analyse(result, config, input_format, rules, selection)
        if cache is not None and pack is not None and not result.timed_out:
            cache.store(pack, input_format, result)

    def _analyse(
        self, result: FileResult, config: Config, input_format: str, rules: list[Rule], selection: Selection
    ) -> None:
        # Imported here: a run answered from the cache analyses nothing, and the analysis
        # modules compile their expressions at import.
        from newslint.analysis import analyse

        document = analyse(result.text, result.path, input_format, tuple(config.front_matter), config.lexicon)
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
        result.claims = budgeted_claim_stats(context, rules, self.options.rule_timeout)
        if self.options.readability:
            result.readability = readability_stats(document)
            result.sources = source_stats(document)
        if self.options.repetition:
            result.repetition = repetition_stats(context, rules)


def internal_error(exc: Exception, path: str) -> InternalError:
    """A bug in newslint, as one line naming the file; the full traceback rides along in
    `details`, for --verbose to show so the user can report it (issue 18)."""
    message = " ".join(str(exc).split())[:200]
    return InternalError(
        f"internal error, please report it: {type(exc).__name__}: {message}",
        path=path,
        details="".join(traceback.format_exception(exc)),
    )
