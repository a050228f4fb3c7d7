"""The result cache as a run uses it: which pack a file's result belongs in, and the
result read from or written to it as its record (`newslint.result`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newslint.cache import ResultCache, entry_key, run_fingerprint
from newslint.config import Config
from newslint.engine import Selection
from newslint.result import FileResult, from_record, to_record
from newslint.rulebook import Rule, builtin_rules_dir


class RunCache:
    """One run's view of the cache folder: a pack per config and profile (its fingerprint
    worked out once a run), an entry per file's bytes and input format."""

    def __init__(self, folder: Path, run_settings: dict[str, Any]) -> None:
        self._cache = ResultCache(folder)
        self._run_settings = run_settings  # the options that change results or add figures
        self._fingerprints: dict[tuple[str | None, str], str] = {}

    def pack_for(self, config: Config, profile: str, rules: list[Rule], selection: Selection) -> str:
        """The fingerprint of the pack this config and profile's results go in."""
        if (config.path, profile) not in self._fingerprints:
            self._fingerprints[config.path, profile] = rules_fingerprint(config, rules, selection, self._run_settings)
        return self._fingerprints[config.path, profile]

    def load(self, pack: str, input_format: str, result: FileResult) -> bool:
        """Fill `result` from its entry; False when there is none, or a damaged one (the
        file is then analysed again, and its entry overwritten)."""
        record = self._cache.get(pack, entry_key(input_format, result.digest))
        if record is None:
            return False
        try:
            from_record(record, result)
        except (KeyError, TypeError, ValueError):
            return False
        return True

    def store(self, pack: str, input_format: str, result: FileResult) -> None:
        self._cache.put(pack, entry_key(input_format, result.digest), to_record(result))


def rules_fingerprint(config: Config, rules: list[Rule], selection: Selection, run_settings: dict[str, Any]) -> str:
    """A hash of what decides a story's results besides its text: newslint's code and
    built-in packs, each rule's settings after the config, the selection, the config's
    vocabulary, attribution cues and front-matter fields, and `run_settings`."""
    settings = {
        "select": selection.select,
        "ignore": selection.ignore,
        "min_severity": int(selection.min_severity),
        "vocabulary": config.vocabulary,
        "attribution_cues": config.lexicon.digest,  # a desk's extended lexicon (issue 19)
        "front_matter": config.front_matter,
        **run_settings,
    }
    return run_fingerprint([rule.raw for rule in rules], settings, data_dirs=(builtin_rules_dir(),))
