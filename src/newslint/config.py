"""Configuration: discovery, validation, and the rule set it produces.

A config is `.newslint.yaml` (or `.yml`) or the `[tool.newslint]` table of
`pyproject.toml`, found from the checked file's folder upward; `--config` overrides
discovery. Unknown keys are errors that name the key. Relative paths in a config are
relative to the file that says them.
"""

from __future__ import annotations

import copy
import dataclasses
import fnmatch
import functools
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from newslint.attribution.lexicon import Lexicon, shipped_lexicon
from newslint.choices import SEVERITIES
from newslint.errors import ConfigError
from newslint.files import resolved
from newslint.language import LANGUAGE_RULE
from newslint.model import Severity
from newslint.parse import format_for_path
from newslint.rulebook import Rule, build_rule, builtin_rules_dir, load_rules, validate
from newslint.selection import check_selectors, selects
from newslint.suppressions import UNKNOWN_RULE, UNUSED
from newslint.vocabulary import load_vocabulary
from newslint.yamlfile import YamlDocument, load_shipped_yaml, load_yaml, read_text

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml", "pyproject.toml")
# Ids of findings newslint itself reports (about suppression comments, and a story not
# in English): selectable like any rule's, though no rule file defines them.
INTERNAL_RULE_IDS = frozenset({UNKNOWN_RULE, UNUSED, LANGUAGE_RULE})
DEFAULT_PROFILE = "news"
_NOT_OVERRIDABLE = {"id", "kind", "docs", "description"}


@dataclass
class Config:
    path: str | None = None
    root: Path = field(default_factory=Path.cwd)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    min_severity: Severity = Severity.INFO
    fail_on: Severity | None = Severity.WARNING  # None: never fail on findings
    rule_paths: list[Path] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    rule_settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    input_formats: dict[str, str] = field(default_factory=dict)  # glob → text, markdown or html
    front_matter: list[str] = field(default_factory=list)  # Markdown fields linted as headlines
    vocabulary: tuple[str, ...] = ()  # accepted terms, from the `vocabulary` file
    lexicon: Lexicon = field(default_factory=shipped_lexicon, repr=False)  # attribution cues, `attribution.extend`
    profile: str = DEFAULT_PROFILE
    path_profiles: dict[str, str] = field(default_factory=dict)  # glob → profile, first match wins
    vale: str | dict[str, Any] | None = None  # Vale styles beside the packs (newslint.vale.newsroom)
    document: YamlDocument | None = field(default=None, repr=False)

    def profile_for(self, path: str | Path) -> str:
        """The profile for a checked file: the first `path_profiles` glob that matches
        it (relative to the config), else the config's `profile`."""
        if self.path_profiles:
            try:
                relative = Path(path).resolve().relative_to(self.root.resolve()).as_posix()
            except ValueError:
                relative = Path(path).as_posix()
            for pattern, profile in self.path_profiles.items():
                if _glob_match(relative, pattern):
                    return profile
        return self.profile

    @functools.cached_property
    def known_rule_ids(self) -> frozenset[str]:
        """Every rule id a selector may name under this config: the shipped and house
        rules, those a profile switches off included, newslint's own, and the rules of
        the Vale styles it names (`vale:`, issue 23)."""
        return _known_ids(self, _load_all_rules(self))

    def excludes(self, path: Path | str) -> bool:
        """True if `path` matches one of the exclude globs (relative to the config)."""
        if not self.exclude:
            return False
        relative = self._relative(Path(path))
        return any(_glob_match(relative, pattern) for pattern in self.exclude)

    def input_format_for(self, path: Path | str) -> str:
        """The format a glob in `input_formats` gives `path`, else its extension's."""
        if self.input_formats:
            relative = self._relative(Path(path))
            for pattern, input_format in self.input_formats.items():
                if _glob_match(relative, pattern):
                    return input_format
        return format_for_path(str(path))

    def _relative(self, path: Path) -> str:
        try:
            return resolved(path).relative_to(resolved(self.root)).as_posix()
        except ValueError:
            return path.as_posix()


def _glob_match(relative: str, pattern: str) -> bool:
    """fnmatch on the path or any folder above it: "archive" and "archive/**" both
    exclude everything under archive/."""
    pattern = pattern.removesuffix("/**").rstrip("/")
    parts = relative.split("/")
    return any(fnmatch.fnmatchcase("/".join(parts[:i]), pattern) for i in range(1, len(parts) + 1))


def parse_fail_on(value: str) -> Severity | None:
    return None if value == "never" else Severity.parse(value)


@functools.cache
def _config_validator() -> Any:  # jsonschema ships no types
    from jsonschema import Draft202012Validator

    schema = json.loads(resources.files("newslint").joinpath("schema/config.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema)


def load_config(path: Path) -> Config:
    """Read and validate one config file."""
    shown = str(path)
    text = read_text(path, shown, ConfigError, "config")
    if path.name == "pyproject.toml":
        import tomllib  # here, not at start-up: most runs read no TOML

        try:
            data = tomllib.loads(text).get("tool", {}).get("newslint", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"invalid TOML: {exc}", path=shown) from None
        document = YamlDocument(data, None, shown)
    else:
        document = load_yaml(text, shown, ConfigError)
        data = document.data if document.data is not None else {}
    if not isinstance(data, dict):
        raise ConfigError("a config must be a mapping of settings", path=shown, line=1)
    _validate_config(document, data)
    root = path.parent
    return Config(
        path=shown,
        root=root,
        select=data.get("select"),
        ignore=list(data.get("ignore", [])),
        min_severity=Severity.parse(data.get("min_severity", "info")),
        fail_on=parse_fail_on(data.get("fail_on", "warning")),
        rule_paths=[(root / entry) for entry in data.get("rule_paths", [])],
        exclude=list(data.get("exclude", [])),
        rule_settings=dict(data.get("rules", {})),
        input_formats=dict(data.get("input_formats", {})),
        front_matter=list(data.get("front_matter", [])),
        vocabulary=load_vocabulary(root / data["vocabulary"]) if "vocabulary" in data else (),
        lexicon=_lexicon(root, data.get("attribution", {})),
        profile=data.get("profile", DEFAULT_PROFILE),
        path_profiles=dict(data.get("path_profiles", {})),
        vale=data.get("vale"),
        document=document,
    )


def _lexicon(root: Path, settings: dict[str, str]) -> Lexicon:
    """The attribution cue lexicon: the shipped one, with the entries of the file
    `attribution.extend` names (relative to the config) added (issue 19)."""
    if "extend" not in settings:
        return shipped_lexicon()
    path = root / settings["extend"]
    return shipped_lexicon().extended(path, str(path))


def _validate_config(document: YamlDocument, data: dict[str, Any]) -> None:
    problems = sorted(_config_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if not problems:
        return
    problem = problems[0]
    location = tuple(problem.absolute_path)
    if problem.validator == "additionalProperties":
        extra = sorted(set(problem.instance) - set(problem.schema.get("properties", {})))
        message = f"unknown key {', '.join(map(repr, extra))}"
        location = location + (extra[0],)
    elif problem.validator == "enum":
        message = f"must be one of {', '.join(map(str, problem.validator_value))} (got {problem.instance!r})"
    else:
        message = problem.message
    raise ConfigError(
        message, path=document.path, line=document.line_of(location), field=".".join(map(str, location)) or None
    )


def discover_config(start: Path) -> Path | None:
    """The nearest config file at or above `start` (a folder)."""
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_symlink() and not candidate.is_file():
                return candidate  # dangling or looping: loading it names the file (issue 20)
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or _has_newslint_table(candidate):
                return candidate
    return None


def _has_newslint_table(pyproject: Path) -> bool:
    import tomllib  # here, not at start-up: most runs read no TOML

    try:
        return "newslint" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def profile_names() -> list[str]:
    """The profiles shipped with newslint: `news` (the default), `wire`, `opinion`, `feature`."""
    return sorted(path.stem for path in _profile_paths())


def _profile_paths() -> list[Path]:
    return sorted(
        path for path in Path(str(resources.files("newslint").joinpath("profiles"))).iterdir() if path.suffix == ".yaml"
    )


@functools.cache
def _profile_documents() -> dict[str, YamlDocument]:
    """Every shipped profile's YAML by name, from their parsed copy (`load_shipped_yaml`)."""
    documents = load_shipped_yaml(_profile_paths(), lambda path: f"profiles/{path.name}", ConfigError, "profiles")
    return {path.stem: document for path, document in documents.items()}


@functools.cache
def _profile_validator() -> Any:  # jsonschema ships no types
    from jsonschema import Draft202012Validator

    schema = json.loads(resources.files("newslint").joinpath("schema/profile.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema)


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    rules: dict[str, dict[str, Any]]  # selector (rule id or pack) → settings
    document: YamlDocument = field(repr=False, compare=False)


@functools.cache
def load_profile(name: str, *, validated: bool = False) -> Profile:
    """A shipped profile. Unknown names are config errors. Profiles ship with newslint
    and the test suite validates them (`validated=True`) against the profile schema, so
    a normal run does not import jsonschema for them."""
    if name not in profile_names():
        raise ConfigError(f"unknown profile {name!r} (expected one of {', '.join(profile_names())})")
    document = _profile_documents()[name]
    data = document.data
    problems = (
        sorted(_profile_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
        if validated
        else []
    )
    if problems:
        location = tuple(problems[0].absolute_path)
        raise ConfigError(
            problems[0].message,
            path=document.path,
            line=document.line_of(location),
            field=".".join(map(str, location)) or None,
        )
    for selector, settings in data["rules"].items():
        if "." not in selector and set(settings) - {"enabled", "severity"}:
            raise ConfigError(
                "a pack's entry may set only enabled and severity; options belong to a rule",
                path=document.path,
                line=document.line_of(("rules", selector)),
                field=f"rules.{selector}",
            )
    return Profile(name, data["description"], dict(data["rules"]), document)


def profile_settings(profile: Profile, rule_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Each rule's settings from `profile`: a pack's entry first, then the rule's own on
    top. A selector that names no rule is allowed (a pack a desk has not installed)."""
    settings: dict[str, dict[str, Any]] = {}
    ordered = sorted(profile.rules.items(), key=lambda item: "." in item[0])  # packs, then rule ids
    for selector, values in ordered:
        for rule_id in rule_ids:
            if selects(selector, rule_id):
                settings.setdefault(rule_id, {}).update(values)
    return settings


def check_selection(
    config: Config, select: tuple[str, ...] | None, ignore: tuple[str, ...], *, prefix: str = "--"
) -> None:
    """Refuse a command-line (`prefix` "--") or API (`prefix` "") selector that names no
    rule `config` knows: a typo would otherwise select nothing and pass the gate."""
    if not select and not ignore:
        return  # most runs: no rules loaded just to check nothing
    check_selectors(select or (), config.known_rule_ids, f"{prefix}select")
    check_selectors(ignore, config.known_rule_ids, f"{prefix}ignore")


def _check_config_selection(config: Config, known_ids: frozenset[str]) -> None:
    """The config's own `select` and `ignore`, located in its file."""
    document = config.document
    for field_name, selectors in (("select", config.select or ()), ("ignore", config.ignore)):

        def line_of(index: int, name: str = field_name) -> int | None:
            return document.line_of((name, index)) if document else None

        check_selectors(selectors, known_ids, field_name, path=config.path or "<config>", line_of=line_of)


def _known_ids(config: Config, rules: dict[str, Rule]) -> frozenset[str]:
    """`Config.known_rule_ids`, from rules already loaded."""
    known = frozenset(rules) | INTERNAL_RULE_IDS
    if config.vale is None:
        return known
    from newslint.vale.newsroom import rule_ids  # only when a config names Vale styles

    return known | rule_ids(config.vale, str(config.root))


def _load_all_rules(config: Config) -> dict[str, Rule]:
    return load_rules([builtin_rules_dir(), *config.rule_paths], trusted=(builtin_rules_dir(),))


def build_rules(config: Config, profile: str | None = None) -> list[Rule]:
    """The rules `config` turns on for `profile` (default: the config's), with the
    profile's settings applied and the config's `rules` on top, sorted by id. A `select`
    or `ignore` entry of the config that names no rule is an error."""
    rules = _load_all_rules(config)
    if config.select or config.ignore:  # most configs: nothing to check, nothing loaded twice
        _check_config_selection(config, _known_ids(config, rules))
    chosen = load_profile(profile or config.profile)
    enabled = {rule_id: True for rule_id in rules}
    for rule_id, settings in profile_settings(chosen, sorted(rules)).items():
        enabled[rule_id] = settings.get("enabled", True)
        options = {key: value for key, value in settings.items() if key != "enabled"}
        if options:
            rules[rule_id] = _apply_settings(
                config, rules[rule_id], options, document=chosen.document, prefix=("rules", rule_id)
            )
    for rule_id, settings in config.rule_settings.items():
        if rule_id not in rules:
            raise _setting_error(config, (rule_id,), f"unknown rule id {rule_id!r}")
        rules[rule_id] = _apply_settings(config, rules[rule_id], settings)
        enabled[rule_id] = settings.get("enabled", enabled[rule_id])
    return [rule for rule_id, rule in sorted(rules.items()) if enabled[rule_id]]


def _apply_settings(
    config: Config,
    rule: Rule,
    settings: dict[str, Any],
    document: YamlDocument | None = None,
    prefix: tuple[str, ...] | None = None,
) -> Rule:
    if _only_a_severity(settings):
        # A severity alone (the `news` profile's demotions, issue 19) keeps the rule's
        # check as it is: rebuilding it would compile a shipped rule's expressions at
        # start-up, which they put off until a text could match (issue 8).
        severity = settings["severity"]
        return dataclasses.replace(rule, severity=Severity.parse(severity), raw={**rule.raw, "severity": severity})
    data = copy.deepcopy(rule.raw)
    added: dict[str, tuple[str, int]] = {}  # merged list → (the setting that adds to it, its first added index)
    for key, value in settings.items():
        if key == "enabled":
            continue
        if key in _NOT_OVERRIDABLE:
            raise _setting_error(config, (rule.id, key), f"{key!r} cannot be changed from a config")
        if key == "add_terms":
            if "terms" not in data:
                raise _setting_error(config, (rule.id, key), f"rule {rule.id!r} has no terms")
            added["terms"] = (key, len(data["terms"]))
            data["terms"] = list(data["terms"]) + list(value)
        elif key == "add_exceptions":
            added["exceptions"] = (key, len(data.get("exceptions", [])))
            data["exceptions"] = list(data.get("exceptions", [])) + list(value)
        else:
            data[key] = value
    document = document or config.document or YamlDocument(None, None, config.path or "<config>")
    prefix = prefix or ("rules", rule.id)
    try:
        validate(document, data, error=ConfigError, field_prefix=prefix)
        return build_rule(data, rule.source, document, error=ConfigError, field_prefix=prefix)
    except ConfigError as exc:
        raise _as_written(exc, document, prefix, added) from None


def _only_a_severity(settings: dict[str, Any]) -> bool:
    """Settings that change nothing but a valid severity (and perhaps `enabled`)."""
    return "severity" in settings and set(settings) <= {"severity", "enabled"} and settings["severity"] in SEVERITIES


def _as_written(
    error: ConfigError, document: YamlDocument, prefix: tuple[str, ...], added: dict[str, tuple[str, int]]
) -> ConfigError:
    """`error` about an entry of a merged list (`terms.11`) renamed to the entry the user
    wrote (`add_terms.1`), at its own line (issue 20): the merged list is no field of theirs."""
    for merged, (setting, first) in added.items():
        head = ".".join((*prefix, merged)) + "."
        index, _, rest = (error.field or "").removeprefix(head).partition(".")
        if not (error.field or "").startswith(head) or not index.isdigit() or int(index) < first:
            continue
        location: tuple[str | int, ...] = (*prefix, setting, int(index) - first)
        field_name = ".".join(map(str, location)) + (f".{rest}" if rest else "")
        return ConfigError(error.message, path=error.path, line=document.line_of(location), field=field_name)
    return error


def _setting_error(config: Config, location: tuple[str, ...], message: str) -> ConfigError:
    document = config.document
    line = document.line_of(("rules", *location)) if document is not None else None
    return ConfigError(message, path=config.path, line=line, field="rules." + ".".join(location))
