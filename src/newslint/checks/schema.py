"""The rule JSON Schema (`schema/rule.schema.json`): the fields every rule has, written
here, and one branch per kind, derived from its module's declaration
(`newslint.checks.kind.Kind`). The loader validates with this; the committed JSON file
is its published copy (`python -m newslint.checks.generate` writes it, and a test
fails when it is stale)."""

from __future__ import annotations

import dataclasses
from typing import Any

from newslint.checks.kind import SCOPES, Kind, default_of

HEAD: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://newslint.invalid/schema/rule.schema.json",
    "title": "newslint rule",
    "description": "One rule per YAML file. Common fields first; each kind adds its own fields in its branch of allOf, and a field no branch of the rule's kind declares is an error.",
    "type": "object",
    "required": ["id", "kind", "severity", "message", "description", "docs"],
}

COMMON: dict[str, Any] = {
    "id": {
        "description": "pack.name, lower case; the pack is the rule file's folder.",
        "type": "string",
        "pattern": "^[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*$",
    },
    "kind": {"enum": "__KIND_NAMES__"},
    "severity": {"enum": ["error", "warning", "info"]},
    "description": {"description": "One line for `newslint rules`.", "type": "string", "minLength": 1},
    "message": {
        "description": "Shown with each finding. Placeholders: {match}, {suggestion}, and kind-specific ones.",
        "type": "string",
        "minLength": 1,
    },
    "link": {"type": "string"},
    "docs": {
        "type": "object",
        "required": ["why", "bad", "good"],
        "additionalProperties": False,
        "properties": {
            "why": {"description": "Why an editor cares.", "type": "string", "minLength": 1},
            "bad": {
                "description": "Copy the rule must flag. A mapping can list the exact texts it flags.",
                "type": "array",
                "minItems": 1,
                "items": {"$ref": "#/$defs/example"},
            },
            "good": {
                "description": "Copy the rule must not flag.",
                "type": "array",
                "minItems": 1,
                "items": {"$ref": "#/$defs/example"},
            },
        },
    },
    "scope": {"enum": ["sentence", "paragraph", "document"], "default": "sentence"},
    "skip_quotes": {"description": "Ignore matches inside direct quotations.", "type": "boolean", "default": True},
    "skip_attributed": {
        "description": 'Ignore matches in sentences attributed to a source: true for any source (the vague sourcing is the attribution pack\'s to flag), "named" for named sources only.',
        "enum": [True, False, "named"],
        "default": False,
    },
    "exceptions": {
        "description": "Regular expressions (case-sensitive unless they say (?i)); a match inside an exception's match is dropped.",
        "type": "array",
        "items": {"type": "string", "minLength": 1},
    },
    "supersedes": {
        "description": "Rule ids whose findings inside this rule's findings are dropped (a stacked hedge replaces its parts).",
        "type": "array",
        "items": {"type": "string"},
    },
    "suggestion": {"description": "Default suggestion for every match.", "type": "string"},
    "fixable": {
        "description": "`newslint check --fix` may replace a finding's text with its suggestion. Only for rules whose suggestion is always a safe drop-in (a doubled word, a house spelling).",
        "type": "boolean",
        "default": False,
    },
}

DEFS: dict[str, Any] = {
    "term": {
        "oneOf": [
            {"type": "string", "minLength": 1},
            {
                "type": "object",
                "required": ["term"],
                "additionalProperties": False,
                "properties": {"term": {"type": "string", "minLength": 1}, "suggestion": {"type": "string"}},
            },
        ]
    },
    "example": {
        "oneOf": [
            {"type": "string", "minLength": 1},
            {
                "type": "object",
                "required": ["text"],
                "additionalProperties": False,
                "properties": {
                    "text": {"type": "string", "minLength": 1},
                    "flags": {
                        "description": "The exact texts the rule reports, in order.",
                        "type": "array",
                        "items": {"type": "string"},
                    },
                },
            },
        ]
    },
}


def rule_schema(kinds: list[Kind[Any]]) -> dict[str, Any]:
    """The whole rule schema for these kinds, as JSON data."""
    common: dict[str, Any] = dict(COMMON)
    common["kind"] = {"enum": [kind.name for kind in kinds]}
    return {
        **HEAD,
        "properties": common,
        "allOf": [_branch(kind) for kind in kinds],
        "$defs": DEFS,
        "unevaluatedProperties": False,
    }


def _branch(kind: Kind[Any]) -> dict[str, Any]:
    """`if kind is K then K's options`: the options it declares, and how it narrows the
    common fields that say where a rule looks."""
    then: dict[str, Any] = {}
    if kind.required:
        then["required"] = kind.required
    if kind.one_of:
        then["oneOf"] = [{"required": list(group)} for group in kind.one_of]
    properties = {f.name: option_schema(f) for f in kind.option_fields()}
    properties.update(narrowed_common_fields(kind))
    then["properties"] = properties
    return {"if": {"properties": {"kind": {"const": kind.name}}, "required": ["kind"]}, "then": then}


def option_schema(option: dataclasses.Field[Any]) -> dict[str, Any]:
    """One option's schema: its description, its declared schema, its default."""
    schema: dict[str, Any] = {}
    if option.metadata["description"]:
        schema["description"] = option.metadata["description"]
    schema.update(option.metadata["schema"])
    default = default_of(option)
    if default is not dataclasses.MISSING and default is not None and default != ():
        schema["default"] = default
    return schema


def narrowed_common_fields(kind: Kind[Any]) -> dict[str, Any]:
    """The common fields a kind narrows: the scopes it works at, and `false` for each
    field it does not honour (an error, not a setting silently ignored)."""
    fields: dict[str, Any] = {}
    if kind.scopes != SCOPES:
        fields["scope"] = (
            {"const": kind.scopes[0]}
            if len(kind.scopes) == 1
            else {"enum": list(kind.scopes), "default": kind.default_scope}
        )
    if kind.skip_quotes == "always":
        fields["skip_quotes"] = {"const": True}
    elif kind.skip_quotes == "never":
        fields["skip_quotes"] = False
    if not kind.skip_attributed:
        fields["skip_attributed"] = False
    if not kind.exceptions:
        fields["exceptions"] = False
    return fields


def refused_fields(kind: Kind[Any]) -> list[str]:
    """Common fields a rule of this kind may not set."""
    return [name for name, schema in narrowed_common_fields(kind).items() if schema is False]
