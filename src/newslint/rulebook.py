"""Loading rules from YAML: validate against the rule schema, compile once.

A rule is data (one YAML file: id, kind, severity, message, docs, options); its kind is
code (`newslint.checks`). Loading validates every file against the rule schema (derived
from the kinds' modules; `schema/rule.schema.json` is its published copy) and reports
the first problem as `file:line: field: message`.
"""

from __future__ import annotations

import contextlib
import functools
from importlib import resources
from pathlib import Path
from typing import Any

from newslint.checks import KINDS, compiled_copy, prefilter
from newslint.checks.budget import compile_pattern, created_patterns, pattern_errors
from newslint.checks.kind import OptionError
from newslint.checks.rule import Example, Rule, placeholders_in
from newslint.checks.schema import rule_schema as _derived_rule_schema
from newslint.datacopy import copies_can_be_written, remembered
from newslint.errors import RuleError
from newslint.model import Severity
from newslint.yamlfile import YamlDocument, load_shipped_yaml, load_yaml, read_text

RULE_SUFFIXES = (".yaml", ".yml")


def builtin_rules_dir() -> Path:
    """The packs shipped with newslint: inside the installed package (wheel), or at the
    repository root when running from a checkout."""
    packaged = Path(str(resources.files("newslint"))) / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


__all__ = ["RULE_SUFFIXES", "Example", "Rule", "build_rule", "load_rule_file", "load_rules", "validate"]


@functools.cache
def rule_schema() -> dict[str, Any]:
    """The rule schema, derived from the kinds' modules (`newslint.checks.schema`)."""
    return _derived_rule_schema(list(KINDS.values()))


@functools.cache
def _rule_validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(rule_schema())


def validate(
    document: YamlDocument,
    data: dict[str, Any],
    error: type[RuleError] | Any = RuleError,
    field_prefix: tuple[str | int, ...] = (),
) -> None:
    """Raise `error` for the first schema violation in `data`, located in `document`."""
    if not isinstance(data, dict):
        raise error("a rule must be a mapping of fields", path=document.path, line=document.line_of(field_prefix))
    # A field the rule's kind does not declare is reported last: with an unknown kind no
    # branch applies, and "kind must be one of ..." is the useful message.
    problems = sorted(
        _rule_validator().iter_errors(data),
        key=lambda e: (e.validator == "unevaluatedProperties", len(e.absolute_path), list(map(str, e.absolute_path))),
    )
    if not problems:
        return
    problem = _most_specific(problems[0])
    location = tuple(problem.absolute_path)
    if problem.validator == "unevaluatedProperties":
        location = (_undeclared_fields(data)[0],)
    elif problem.schema is False and not location:
        # A common field the kind refuses: jsonschema reports it without a path.
        location = (_refused_fields(data)[0],)
    field_name = ".".join(str(part) for part in field_prefix + location) or None
    raise error(
        _describe(problem, data), path=document.path, line=document.line_of(field_prefix + location), field=field_name
    )


def _kind_fields() -> dict[str, dict[str, Any]]:
    """The fields each kind declares in its branch of the schema, with their schemas."""
    return {
        branch["if"]["properties"]["kind"]["const"]: branch["then"].get("properties", {})
        for branch in rule_schema()["allOf"]
    }


def _refused_fields(data: dict[str, Any]) -> list[str]:
    """Common fields in `data` that its kind's branch sets to `false`."""
    fields = _kind_fields().get(str(data.get("kind")), {})
    return [key for key in data if fields.get(key) is False]


def _undeclared_fields(data: dict[str, Any]) -> list[str]:
    """Fields in `data` that neither the common fields nor its kind's branch declare."""
    allowed = set(rule_schema()["properties"]) | set(_kind_fields().get(str(data.get("kind")), {}))
    return [key for key in data if key not in allowed]


def _most_specific(problem: Any) -> Any:
    """For oneOf/anyOf failures, the sub-error that went deepest says the most."""
    if problem.context:
        return _most_specific(max(problem.context, key=lambda e: len(e.absolute_path)))
    return problem


def _describe(problem: Any, data: dict[str, Any]) -> str:
    if problem.validator == "additionalProperties":
        extra = sorted(set(problem.instance) - set(problem.schema.get("properties", {})))
        return f"unknown field{'s' if len(extra) > 1 else ''} {', '.join(map(repr, extra))}"
    if problem.validator == "unevaluatedProperties":
        undeclared = _undeclared_fields(data)[0]
        if any(fields.get(undeclared) not in (None, False) for fields in _kind_fields().values()):
            return f"not a field of {data.get('kind', 'this')!r} rules"
        return f"unknown field {undeclared!r}"
    if problem.validator is None or problem.schema is False:
        return f"not a field of {data.get('kind', 'this')!r} rules"
    if problem.validator == "required":
        return str(problem.message).replace("is a required property", "is required")
    if problem.validator == "enum":
        return f"must be one of {', '.join(map(str, problem.validator_value))} (got {problem.instance!r})"
    return str(problem.message)


def build_rule(
    data: dict[str, Any],
    source: str,
    document: YamlDocument,
    error: type[RuleError] | Any = RuleError,
    field_prefix: tuple[str | int, ...] = (),
    compile_now: bool = True,
) -> Rule:
    """A `Rule` from validated rule data. Its regular expressions are compiled here with
    `compile_now`, so a mistake is reported with the file, line and field; otherwise
    (the shipped packs, which the test suite compiles) when first searched."""

    def fail(message: str, *location: str | int) -> RuleError:
        return error(
            message,
            path=document.path,
            line=document.line_of(field_prefix + location),
            field=".".join(map(str, field_prefix + location)),
        )

    exceptions = [compile_pattern(pattern) for pattern in data.get("exceptions", [])]
    for pattern in exceptions:
        # Read for their literals now, not at the first match, so that the shipped packs'
        # copy of literals (see `load_rules`) holds the exceptions' too.
        prefilter.prefilter_for(pattern.pattern, pattern.flags)
    if compile_now:
        for index, pattern in enumerate(exceptions):
            try:
                pattern.compiled()
            except pattern_errors() as exc:
                raise fail(f"invalid regular expression: {exc}", "exceptions", index) from None
    kind = KINDS[data["kind"]]
    _check_placeholders(data["message"], kind.name, kind.placeholders, fail)
    try:
        with created_patterns() as created:
            check = kind.build(data)
        for pattern in created if compile_now else ():
            pattern.compiled()
    except pattern_errors() as exc:
        # An expression that knows its field (a cue naming an unknown word list) says so.
        location = getattr(exc, "location", ()) or _bad_regex_location(data, kind.regex_options())
        raise fail(f"invalid regular expression: {exc}", *location) from None
    except OptionError as exc:
        raise fail(str(exc), *exc.location) from None
    docs = data["docs"]
    return Rule(
        id=data["id"],
        kind=data["kind"],
        severity=Severity.parse(data["severity"]),
        description=data["description"],
        message=data["message"],
        why=docs["why"].strip(),
        bad=[_example(entry) for entry in docs["bad"]],
        good=[_example(entry) for entry in docs["good"]],
        check=check,
        source=source,
        scope=data.get("scope", kind.default_scope),
        skip_quotes=data.get("skip_quotes", True),
        skip_attributed=data.get("skip_attributed", False),
        exceptions=exceptions,
        supersedes=list(data.get("supersedes", [])),
        suggestion=data.get("suggestion"),
        fixable=data.get("fixable", False),
        link=data.get("link"),
        raw=data,
    )


def _check_placeholders(message: str, kind: str, declared: tuple[str, ...], fail: Any) -> None:
    """A placeholder the kind does not fill in would print as written (`{mtach}`): refuse
    it when the rule loads, naming the ones the kind has."""
    try:
        used = placeholders_in(message)
    except ValueError as exc:
        raise fail(f"malformed placeholder: {exc}", "message") from None
    for name in used:
        if name not in declared:
            raise fail(
                f"unknown placeholder {{{name}}}: {kind} rules have {', '.join('{' + p + '}' for p in declared)}",
                "message",
            )


def _bad_regex_location(data: dict[str, Any], options: list[str]) -> tuple[str | int, ...]:
    """Where in a rule's options (those of its kind that hold regular expressions) the
    first expression that fails to compile is, so the error names the field
    ("cues.prediction.2"), whatever the kind."""
    for name in options:
        if name in data:
            found = _bad_regex_in(data[name], (name,))
            if found:
                return found
    return ()


def _bad_regex_in(data: Any, location: tuple[str | int, ...]) -> tuple[str | int, ...]:
    if isinstance(data, str):
        import regex  # an error path: a rule file's expression failed to compile

        try:
            regex.compile(data, regex.V0)
        except pattern_errors():
            return location
        return ()
    if isinstance(data, dict):
        # A pattern's `suggestion` is a replacement template, not an expression.
        items: list[tuple[str | int, Any]] = [(key, value) for key, value in data.items() if key != "suggestion"]
    elif isinstance(data, list):
        items = list(enumerate(data))
    else:
        return ()
    for key, value in items:
        found = _bad_regex_in(value, location + (key,))
        if found:
            return found
    return ()


def _example(entry: str | dict[str, Any]) -> Example:
    if isinstance(entry, str):
        return Example(entry)
    flags = entry.get("flags")
    return Example(entry["text"], tuple(flags) if flags is not None else None)


def load_rule_file(path: Path, *, trusted: bool = False, document: YamlDocument | None = None) -> Rule:
    """A rule from its YAML file, validated against the schema unless `trusted` (the
    packs shipped with newslint, which the test suite validates: skipping jsonschema at
    every start saves a fifth of a second). `document` is the file already loaded."""
    shown = str(path)
    if document is None:
        document = load_yaml(read_text(path, shown, RuleError, "rule file"), shown, RuleError)
    data = document.data
    if not trusted:
        validate(document, data)
    pack = path.parent.name
    if not data["id"].startswith(pack + "."):
        raise RuleError(
            f"id must start with its pack folder's name, {pack + '.'!r}",
            path=shown,
            line=document.line_of(("id",)),
            field="id",
        )
    expected = f"{pack}.{path.stem}"
    if data["id"] != expected:  # docs/writing-rules.md: `rules/hedging/modal.yaml` defines `hedging.modal`
        raise RuleError(
            f"id must match its file name: {expected!r}", path=shown, line=document.line_of(("id",)), field="id"
        )
    rule = build_rule(data, shown, document, compile_now=not trusted)
    rule.line = document.line_of(("id",))
    return rule


def load_rules(directories: list[Path], *, trusted: tuple[Path, ...] = ()) -> dict[str, Rule]:
    """Every rule under `directories` (pack folders of YAML files), by id. Rules under a
    `trusted` directory are not schema-validated (see `load_rule_file`), and are read
    from a parsed copy (`load_shipped_yaml`), as are their expressions' literals
    (`newslint.checks.prefilter`) and compiled forms (`newslint.checks.compiled_copy`)."""
    rules: dict[str, Rule] = {}
    for directory in directories:
        if not directory.is_dir():
            raise RuleError("rule directory not found", path=str(directory))
        # A link that dangles or loops is kept, so that reading it names it (issue 20):
        # is_file() alone would drop it and the rule would silently be missing.
        paths = sorted(p for p in directory.rglob("*") if p.suffix in RULE_SUFFIXES and (p.is_file() or p.is_symlink()))
        shipped = directory in trusted
        documents = load_shipped_yaml(paths, str, RuleError, "rules") if shipped else {}
        sources = [*paths, Path(prefilter.__file__)]
        literals = remembered(sources, "literals", prefilter.KNOWN_LITERALS) if shipped else contextlib.nullcontext()
        literal_sets = (
            remembered(sources, "literal-sets", prefilter.KNOWN_LITERAL_SETS) if shipped else contextlib.nullcontext()
        )
        compiled_sources = [*paths, Path(compiled_copy.__file__), *compiled_copy.regex_files()]
        compiled = (
            remembered(compiled_sources, "compiled", compiled_copy.KNOWN) if shipped else contextlib.nullcontext()
        )
        with literals, literal_sets, compiled, created_patterns() as created:
            for path in paths:
                rule = load_rule_file(path, trusted=shipped, document=documents.get(path))
                if rule.id in rules:
                    first = rules[rule.id]
                    where = f"{first.source}:{first.line}" if first.line else first.source
                    raise RuleError(
                        f"duplicate rule id {rule.id!r} (also defined in {where})",
                        path=str(path),
                        line=rule.line,
                        field="id",
                    )
                rules[rule.id] = rule
            if shipped and copies_can_be_written():  # compiling all of them pays only once they are copied
                compiled_copy.remember(created)
    return rules
