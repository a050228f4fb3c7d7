"""Each file's config, profile and rule set, worked out once a run: a folder of stories
finds its config once and compiles its rules once."""

from __future__ import annotations

import os
from pathlib import Path

from newslint.config import Config, build_rules, discover_config, load_config, load_profile
from newslint.files import resolved
from newslint.rulebook import Rule
from newslint.source import STDIN
from newslint.vale_lookup import find_config as find_vale_config  # a few stat calls; no Vale code


def config_of_folder(config_path: Path | None = None) -> Config:
    """For a command that checks no file (`rules`, `explain`): the config file given, else
    the one found from the current folder up, else the defaults."""
    found = config_path or discover_config(Path.cwd())
    return load_config(found) if found else Config()


class Configs:
    """Finds each file's config (or uses the one `--config` forces) and builds its rules,
    remembering both for the rest of the run."""

    def __init__(
        self, config_path: Path | None = None, profile: str | None = None, vale_config: Path | None = None
    ) -> None:
        self.profile = profile  # --profile: overrides the config's profile and path_profiles
        self._configs: dict[Path | None, Config] = {}
        self._found: dict[Path, Path | None] = {}  # folder → its nearest config file, looked up once a run
        self._vale_ini: dict[Path, str | None] = {}  # folder without a config → the .vale.ini Vale would use
        self._folders: dict[str, Path] = {}  # a folder as written → resolved, once a run
        self._config_of_path: dict[str, Config] = {}
        self._rules: dict[tuple[str | None, str], list[Rule]] = {}
        self._forced = load_config(config_path) if config_path else None
        if vale_config is not None and self._forced is None:
            self._forced = _vale_only(str(vale_config))
        if profile is not None:
            load_profile(profile)  # an unknown name fails before any file is read

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
        if found is None:
            return self._without_config(folder)
        if found not in self._configs:
            self._configs[found] = load_config(found)
        return self._configs[found]

    def _without_config(self, folder: Path) -> Config:
        """Where no newslint config is: a `.vale.ini` found as Vale finds it (the folder
        or above) runs its styles alone (issue 23); else newslint's defaults."""
        if folder not in self._vale_ini:  # once a folder: its files share it
            self._vale_ini[folder] = find_vale_config(str(folder))
        ini = self._vale_ini[folder]
        key = Path(ini) if ini else None
        if key not in self._configs:
            self._configs[key] = _vale_only(ini) if ini else Config()
        return self._configs[key]

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
        if self.profile is not None:
            return self.profile
        return config.profile if path in (STDIN, "<text>") else config.profile_for(path)

    def rules_for(self, config: Config, profile: str | None = None) -> list[Rule]:
        key = (config.path, profile or self.profile or config.profile)
        if key not in self._rules:
            self._rules[key] = build_rules(config, key[1])
        return self._rules[key]


def _vale_only(ini: str) -> Config:
    from newslint.vale.newsroom import vale_only_config  # only when a .vale.ini is in play

    return vale_only_config(ini)
