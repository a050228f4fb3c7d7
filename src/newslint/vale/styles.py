"""A Vale style folder's YAML rules, turned into `ValeRule`s.

Each `<StylesPath>/<Style>/<Rule>.yml` is one rule, `Style.Rule`. A rule whose type or
field newslint does not support is reported in one line naming the file and the field,
and skipped: a rule silently half-run would be a finding the desk never sees.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from newslint.vale import checks, spelling
from newslint.vale.checks import NONWORD_TEMPLATE, WORD_TEMPLATE, RuleError, compile_regex, lift_flags

LEVELS = ("suggestion", "warning", "error")
COMMON = {"extends", "message", "level", "scope", "link", "description", "action", "limit", "name", "vocab"}
FIELDS = {
    "existence": {"tokens", "raw", "exceptions", "ignorecase", "nonword", "append"},
    "substitution": {"swap", "exceptions", "ignorecase", "nonword", "capitalize"},
    "occurrence": {"token", "max", "min", "ignorecase"},
    "repetition": {"tokens", "max", "ignorecase", "alpha", "exceptions"},
    "consistency": {"either", "nonword", "ignorecase"},
    "conditional": {"first", "second", "exceptions", "ignorecase"},
    "capitalization": {"match", "style", "exceptions", "indicators", "threshold", "prefix"},
    "metric": {"formula", "condition"},
    "spelling": set(spelling.FIELDS),
}
# Vale types newslint does not run, and why (docs/vale.md repeats this).
UNSUPPORTED = {
    "sequence": "needs Vale's part-of-speech tagger",
    "readability": "Vale's readability formulas are not reproduced",
    "script": "needs the Tengo script engine",
}
SCOPES = {"text", "paragraph", "sentence", "heading", "list", "blockquote", "raw", "summary", "title", "table", "alt"}


@dataclass
class ValeRule:
    id: str  # Style.Rule
    extends: str
    level: str
    scopes: tuple[str, ...]
    check: checks.Check
    link: str = ""
    limit: int = 0  # at most this many alerts per file (0: no limit)


def load_style(
    folder: str, style: str, accepted: list[str], warn: Callable[[str], None], styles_path: str | None = None
) -> list[ValeRule]:
    """Every supported rule of a style folder, in file-name order."""
    rules = []
    for root, _dirs, files in os.walk(folder):
        for name in sorted(files):
            if name.endswith((".yml", ".yaml")):
                rule_id = f"{style}.{os.path.splitext(name)[0]}"
                rule = load_rule(os.path.join(root, name), rule_id, accepted, warn, styles_path)
                if rule is not None:
                    rules.append(rule)
        break  # Vale reads a style's top folder only
    return rules


def load_rule(
    path: str, rule_id: str, accepted: list[str], warn: Callable[[str], None], styles_path: str | None = None
) -> ValeRule | None:
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as error:
        warn(f"{path}: not a readable Vale rule ({type(error).__name__}); rule skipped")
        return None
    if not isinstance(data, dict):
        warn(f"{path}: not a Vale rule (expected a mapping); rule skipped")
        return None
    try:
        rule = build_rule(data, path, rule_id, accepted, styles_path)
    except RuleError as error:
        warn(f"{error}; rule skipped")
        return None
    if isinstance(rule.check, spelling.Spelling) and rule.check.uses_default:
        warn(f"{path}: {spelling.DEFAULT_NOTE}")
    return rule


def build_rule(
    data: dict[str, Any], path: str, rule_id: str, accepted: list[str], styles_path: str | None = None
) -> ValeRule:
    extends = data.get("extends")
    if extends in UNSUPPORTED:
        raise RuleError(f"{path}: field extends: '{extends}' is not supported ({UNSUPPORTED[extends]})")
    if extends not in FIELDS:
        raise RuleError(f"{path}: field extends: unknown Vale rule type {extends!r}")
    unknown = sorted(set(data) - COMMON - FIELDS[extends])
    if unknown:
        raise RuleError(f"{path}: field {unknown[0]}: not supported for '{extends}' rules")
    level = data.get("level", "warning")  # Vale's default (check.Manager: generic["level"] = "warning")
    if level not in LEVELS:
        raise RuleError(f"{path}: field level: must be one of {', '.join(LEVELS)}")
    # A metric is about the whole file: it runs once, on the file's counts.
    scopes = ("document",) if extends == "metric" else _scopes(data.get("scope", "text"), path)
    message = str(data.get("message", ""))
    vocab = data.get("vocab", True)
    words = accepted if vocab else []
    check: checks.Check
    if extends == "spelling":  # the one type that reads files: dictionaries, word lists
        check = spelling.build(data, path, message, words, styles_path)
    else:
        check = _BUILDERS[extends](data, path, message, words)
    limit = data.get("limit", 0)
    if not isinstance(limit, int) or limit < 0:
        raise RuleError(f"{path}: field limit: expected a whole number")
    return ValeRule(rule_id, extends, level, scopes, check, str(data.get("link", "")), limit)


def _scopes(raw: object, path: str) -> tuple[str, ...]:
    values = [raw] if isinstance(raw, str) else raw
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise RuleError(f"{path}: field scope: expected a scope name or a list of them")
    for value in values:
        for part in value.split("&"):
            base = part.strip().lstrip("~").split(".")[0]
            if base not in SCOPES or (base not in ("heading", "table") and "." in part):
                raise RuleError(f"{path}: field scope: scope {part.strip()!r} is not supported")
    return tuple(v.strip() for v in values)


def _list(data: dict[str, Any], key: str, path: str) -> list[str]:
    value = data.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise RuleError(f"{path}: field {key}: expected a list")
    return [str(v) for v in value]


def _template(nonword: bool) -> str:
    return NONWORD_TEMPLATE if nonword else WORD_TEMPLATE


def _existence(data: dict[str, Any], path: str, message: str, accepted: list[str]) -> checks.Check:
    tokens = [lift_flags(str(t)) for t in _list(data, "tokens", path) if str(t).strip()]
    raw = "".join(_list(data, "raw", path))
    nonword = bool(data.get("nonword", False))
    before, after = _template(nonword or not tokens).split("{}")
    prefix, suffix = (before, after + raw) if data.get("append", False) else (raw + before, after)
    exceptions = _list(data, "exceptions", path) + ([] if nonword else accepted)
    pattern = compile_regex(
        prefix + "|".join(tokens) + suffix, bool(data.get("ignorecase", False)), f"{path}: field tokens"
    )
    return checks.Existence(
        pattern,
        message,
        checks.exceptions_regex(exceptions),
        checks.Alternation.of(prefix, tokens, suffix, pattern.flags),
    )


def _substitution(data: dict[str, Any], path: str, message: str, accepted: list[str]) -> checks.Check:
    swap = data.get("swap")
    if not isinstance(swap, dict) or not swap:
        raise RuleError(f"{path}: field swap: expected a mapping of pattern: replacement")
    # Longest key first: Go's map has no order, and the longer spelling should win
    # ("MPL 2.0" over "MPL"), as Vale's suite expects.
    pairs = sorted(((str(k), str(v)) for k, v in swap.items()), key=lambda pair: len(pair[0]), reverse=True)
    ignorecase = bool(data.get("ignorecase", False))
    template = _template(bool(data.get("nonword", False)))
    keys = [
        compile_regex(template.format(lift_flags(key)), ignorecase, f"{path}: field swap ({key!r})") for key, _ in pairs
    ]
    alternatives = [f"(?:{lift_flags(key)})" for key, _ in pairs]
    prefix, suffix = template.split("{}")
    scan = compile_regex(prefix + "|".join(alternatives) + suffix, ignorecase, f"{path}: field swap")
    action = data.get("action") or {}
    replace = isinstance(action, dict) and action.get("name") == "replace" and not action.get("params")
    return checks.Substitution(
        scan,
        keys,
        [value for _, value in pairs],
        message,
        checks.exceptions_regex(_list(data, "exceptions", path) + accepted),
        replace,
        bool(data.get("capitalize", False)),
        checks.Alternation.of(prefix, alternatives, suffix, scan.flags),
    )


def _occurrence(data: dict[str, Any], path: str, message: str, accepted: list[str]) -> checks.Check:
    token = str(data.get("token", ""))
    return checks.Occurrence(
        compile_regex(f"(?:{token})", bool(data.get("ignorecase", False)), f"{path}: field token"),
        message,
        int(data.get("max", 0)),
        int(data.get("min", 0)),
    )


def _repetition(data: dict[str, Any], path: str, message: str, accepted: list[str]) -> checks.Check:
    tokens = "|".join(lift_flags(t) for t in _list(data, "tokens", path))
    ignorecase = bool(data.get("ignorecase", False))
    return checks.Repetition(
        compile_regex(f"({tokens})", ignorecase, f"{path}: field tokens"),
        message,
        int(data.get("max", 0)),
        ignorecase,
        bool(data.get("alpha", False)),
        checks.exceptions_regex(_list(data, "exceptions", path) + accepted),
    )


def _consistency(data: dict[str, Any], path: str, message: str, accepted: list[str]) -> checks.Check:
    either = data.get("either")
    if not isinstance(either, dict) or not either:
        raise RuleError(f"{path}: field either: expected a mapping of spelling: spelling")
    template = _template(bool(data.get("nonword", False)))
    ignorecase = bool(data.get("ignorecase", False))
    steps = []
    for index, (first, second) in enumerate(either.items()):
        names = (f"c{index}a", f"c{index}b")
        body = f"(?P<{names[0]}>{lift_flags(str(first))})|(?P<{names[1]}>{lift_flags(str(second))})"
        steps.append((compile_regex(template.format(body), ignorecase, f"{path}: field either"), names))
    return checks.Consistency(steps, message)


def _conditional(data: dict[str, Any], path: str, message: str, accepted: list[str]) -> checks.Check:
    # Vale compiles `first` and `second` as written: `ignorecase` does not apply to them.
    first, second = str(data.get("first", "")), str(data.get("second", ""))
    return checks.Conditional(
        compile_regex(first, False, f"{path}: field first"),
        compile_regex(second, False, f"{path}: field second"),
        checks.has_capture_group(second),
        message,
        checks.exceptions_regex(_list(data, "exceptions", path) + accepted),
    )


def _capitalization(data: dict[str, Any], path: str, message: str, accepted: list[str]) -> checks.Check:
    match = str(data.get("match", ""))
    exceptions = checks.exceptions_regex(_list(data, "exceptions", path) + accepted)
    indicators = tuple(_list(data, "indicators", path))
    threshold = float(data.get("threshold") or 0.8)  # Vale: 0 means the default
    test: Callable[[str], bool]
    if match == "$title":
        style = str(data.get("style", "AP"))
        if style not in ("AP", "Chicago"):
            raise RuleError(f"{path}: field style: must be AP or Chicago")
        test = checks.title_case(exceptions, style, threshold)
    elif match == "$sentence":
        test = checks.sentence_case(exceptions, indicators, threshold)
    elif match in ("$lower", "$upper"):
        case = str.lower if match == "$lower" else str.upper

        def test(text: str) -> bool:
            return text == case(text) or checks.is_exception(exceptions, text)

    else:
        pattern = compile_regex(match, False, f"{path}: field match")

        def test(text: str) -> bool:
            return pattern.search(text) is not None or checks.is_exception(exceptions, text)

    prefix = data.get("prefix")
    compiled = compile_regex(str(prefix), False, f"{path}: field prefix") if prefix else None
    return checks.Capitalization(test, message, compiled)


def _metric(data: dict[str, Any], path: str, message: str, accepted: list[str]) -> checks.Check:
    formula = checks.metric_formula(str(data.get("formula", "")), f"{path}: field formula")
    condition = checks.metric_condition(str(data.get("condition", "")), f"{path}: field condition")
    return checks.Metric(formula, condition, message)


_BUILDERS: dict[str, Callable[[dict[str, Any], str, str, list[str]], checks.Check]] = {
    "existence": _existence,
    "substitution": _substitution,
    "occurrence": _occurrence,
    "repetition": _repetition,
    "consistency": _consistency,
    "conditional": _conditional,
    "capitalization": _capitalization,
    "metric": _metric,
}
