"""The packs are data, so test the data (the codespell approach): schema-valid, ids
namespaced by folder and unique, term lists sorted and free of duplicates, docs present."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
import yaml

from newslint.config import load_profile, profile_names
from newslint.rulebook import builtin_rules_dir, load_rule_file, load_rules
from newslint.selection import selects

KNOWN_PACKS = {"hedging", "attribution", "repetition", "readability", "bias", "style"}
RULE_FILES = sorted(builtin_rules_dir().rglob("*.yaml"))


def test_packs_are_found():
    assert RULE_FILES, f"no rule files under {builtin_rules_dir()}"


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_rule_file_loads_and_is_namespaced(path: Path):
    rule = load_rule_file(path)
    assert rule.pack == path.parent.name
    assert rule.pack in KNOWN_PACKS
    assert rule.id == f"{rule.pack}.{path.stem}", "file name must be the rule's name"
    assert "\n" not in rule.description.strip()
    assert rule.why and rule.bad and rule.good


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_terms_sorted_and_unique(path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    terms = [t if isinstance(t, str) else t["term"] for t in data.get("terms", [])]
    lowered = [t.lower() for t in terms]
    assert lowered == sorted(lowered), "keep terms sorted so reviews show what changed"
    assert len(set(lowered)) == len(lowered), "duplicate term"
    for entry in data.get("terms", []):
        if isinstance(entry, dict) and "suggestion" in entry:
            assert entry["suggestion"].lower() != entry["term"].lower(), "a term must not map to itself"
    swap = data.get("swap", {})
    assert list(swap) == sorted(swap, key=str.lower), "keep swap entries sorted so reviews show what changed"
    assert len({term.lower() for term in swap}) == len(swap), "duplicate term"
    for term, suggestion in swap.items():
        assert suggestion.lower() != term.lower(), "a term must not map to itself"
        assert suggestion.lower() not in {t.lower() for t in swap}, f"{term!r} → {suggestion!r} is swapped again"


def test_rule_ids_unique_across_packs():
    rules = load_rules([builtin_rules_dir()])
    assert len(rules) == len(RULE_FILES)


def test_superseded_and_counted_rules_exist():
    rules = load_rules([builtin_rules_dir()])
    for rule in rules.values():
        for other in rule.supersedes + list(rule.raw.get("counts", [])):
            assert other in rules or any(r.startswith(other + ".") for r in rules), f"{rule.id} names unknown {other}"


@pytest.mark.parametrize("name", profile_names())
def test_profile_names_existing_rules_and_packs(name: str):
    rules = load_rules([builtin_rules_dir()])
    profile = load_profile(name, validated=True)
    assert profile.description
    for selector in profile.rules:
        assert any(selects(selector, rule_id) for rule_id in rules), f"profile {name} names unknown {selector}"


def test_profiles_are_the_ones_the_config_schema_allows():
    schema = json.loads(resources.files("newslint").joinpath("schema/config.schema.json").read_text("utf-8"))
    assert sorted(schema["properties"]["profile"]["enum"]) == profile_names()
    assert sorted(schema["properties"]["path_profiles"]["additionalProperties"]["enum"]) == profile_names()
    assert "news" in profile_names()
