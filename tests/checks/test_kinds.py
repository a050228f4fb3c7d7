"""Every rule kind describes itself (issue 18): the registry, the rule schema and the
kind docs are derived from the kinds' modules, and the committed copies are current."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from newslint.checks import KINDS, MODULES
from newslint.checks.generate import docs_text, generated_files, schema_text, stale
from newslint.checks.schema import rule_schema
from newslint.rulebook import builtin_rules_dir, load_rules

# The checkout, not the installed package: CI installs newslint from a wheel.
REPO = Path(__file__).resolve().parents[2]
SCHEMA, DOCS = generated_files(REPO)


def test_the_committed_schema_and_docs_are_generated_from_the_kinds():
    """If this fails, run `python -m newslint.checks.generate` and commit the result."""
    assert SCHEMA.read_text("utf-8") == schema_text()
    assert DOCS.read_text("utf-8") == docs_text(DOCS.read_text("utf-8"))
    assert stale(REPO) == []


def test_a_stale_docs_section_is_noticed():
    current = DOCS.read_text("utf-8")
    edited = current.replace("### `lexicon`: words and phrases", "### `lexicon`: words")
    assert edited != current and docs_text(edited) == current


def test_the_registry_is_the_list_of_kind_modules():
    assert list(KINDS) == [module.KIND.name for module in MODULES]
    assert rule_schema(list(KINDS.values()))["properties"]["kind"]["enum"] == list(KINDS)


@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_each_kind_documents_itself(kind):
    assert kind.docs().strip(), f"{kind.name}: its module docstring has no body for the docs"
    assert kind.placeholders, f"{kind.name}: declares no message placeholders"
    for option in kind.option_fields():
        assert option.metadata.get("schema") is not None, f"{kind.name}.{option.name}: not made with option()"
        assert option.metadata["description"], f"{kind.name}.{option.name}: no description"
    assert kind.default_scope in kind.scopes


@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_each_kind_example_is_valid_options(kind):
    """The YAML sample in a kind's docs is options its schema accepts."""
    import yaml
    from jsonschema import Draft202012Validator

    options = yaml.safe_load(kind.example)
    rule = {
        "id": "house.example",
        "kind": kind.name,
        "severity": "info",
        "description": "x",
        "message": "x",
        "docs": {"why": "x", "bad": ["x"], "good": ["y"]},
        **options,
    }
    assert list(Draft202012Validator(rule_schema(list(KINDS.values()))).iter_errors(rule)) == []
    kind.build(rule)  # and the check builds from it


def test_every_shipped_message_uses_only_its_kinds_placeholders():
    for rule in load_rules([builtin_rules_dir()]).values():
        used = set(re.findall(r"\{(\w+)\}", rule.message))
        assert used <= set(KINDS[rule.kind].placeholders), rule.id


def test_defaults_live_once():
    """The schema's defaults are the options dataclasses' (no second copy to drift)."""
    schema = rule_schema(list(KINDS.values()))
    for branch in schema["allOf"]:
        kind = KINDS[branch["if"]["properties"]["kind"]["const"]]
        for option in kind.option_fields():
            declared = branch["then"]["properties"][option.name].get("default")
            if option.default not in (dataclasses.MISSING, None, ()):
                assert declared == option.default, f"{kind.name}.{option.name}"
