"""Hostile rule files and configs (issue 9): safe loading only, bombs refused quickly,
duplicate ids with both locations, wrong types with file:line and field."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newslint.config import build_rules, load_config
from newslint.errors import ConfigError, RuleError

RULE = """id: {id}
kind: lexicon
severity: warning
description: x
message: x
docs: {{why: x, bad: [x], good: [y]}}
terms: [x]
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _quickly_refused(path: Path, error: type[Exception], match: str) -> None:
    started = time.monotonic()
    with pytest.raises(error, match=match):
        build_rules(load_config(path))
    assert time.monotonic() - started < 5


def test_alias_bomb_is_refused_quickly(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        previous = chr(ord("a") + level - 1)
        current = chr(ord("a") + level)
        lines.append(f"{current}: &{current} [{', '.join([f'*{previous}'] * 9)}]")
    path = write(tmp_path / ".newslint.yaml", "\n".join(lines) + "\nselect: *j\n")
    _quickly_refused(path, ConfigError, "YAML too large or too deeply aliased")


def test_alias_bomb_in_a_rule_file_is_refused_quickly(tmp_path):
    bomb = ["x: &a [y, y, y, y, y, y, y, y, y, y]"]
    bomb += [f"x{n}: &a{n} [{', '.join(['*a' if n == 1 else f'*a{n - 1}'] * 10)}]" for n in range(1, 8)]
    write(tmp_path / "house" / "house" / "bomb.yaml", "\n".join(bomb) + "\n" + RULE.format(id="house.bomb"))
    path = write(tmp_path / ".newslint.yaml", "rule_paths: [house]\n")
    _quickly_refused(path, RuleError, "bomb.yaml: YAML too large or too deeply aliased")


def test_recursive_alias_is_refused(tmp_path):
    path = write(tmp_path / ".newslint.yaml", "select: &loop [*loop]\n")
    _quickly_refused(path, ConfigError, "invalid YAML|too deeply aliased")


def test_huge_yaml_is_refused(tmp_path):
    path = write(tmp_path / ".newslint.yaml", "ignore:\n" + "".join(f"  - r{n}\n" for n in range(120_000)))
    _quickly_refused(path, ConfigError, "YAML too large")


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/new:os.system",
        "!!python/name:os.system",
        "!!python/module:os",
    ],
)
def test_object_construction_tags_are_refused_and_never_run(tmp_path, tag):
    marker = tmp_path / "pwned"
    write(
        tmp_path / "house" / "house" / "evil.yaml",
        RULE.format(id="house.evil").replace("description: x", f"description: {tag} ['touch {marker}']"),
    )
    path = write(tmp_path / ".newslint.yaml", "rule_paths: [house]\n")
    with pytest.raises(RuleError, match=r"evil.yaml:4: invalid YAML"):
        build_rules(load_config(path))
    assert not marker.exists()


def test_duplicate_rule_ids_name_both_locations(tmp_path):
    first = write(tmp_path / "desk-a" / "house" / "same.yaml", "\n" + RULE.format(id="house.same"))
    second = write(tmp_path / "desk-b" / "house" / "same.yaml", RULE.format(id="house.same"))
    path = write(tmp_path / ".newslint.yaml", "rule_paths: [desk-a, desk-b]\n")
    with pytest.raises(RuleError) as error:
        build_rules(load_config(path))
    assert str(error.value) == f"{second}:1: id: duplicate rule id 'house.same' (also defined in {first}:2)"


def test_house_rule_reusing_a_builtin_id_is_refused(tmp_path):
    write(tmp_path / "house" / "hedging" / "modal.yaml", RULE.format(id="hedging.modal"))
    path = write(tmp_path / ".newslint.yaml", "rule_paths: [house]\n")
    with pytest.raises(
        RuleError,
        match=r"modal.yaml:1: id: duplicate rule id 'hedging.modal' \(also defined in "
        r".*rules/hedging/modal.yaml:\d+\)",
    ):
        build_rules(load_config(path))


@pytest.mark.parametrize(
    ("field", "value", "line", "message"),
    [
        ("skip_quotes", '"yes"', 8, "skip_quotes: 'yes' is not of type 'boolean'"),
        ("terms", "{a: b}", 7, "terms: {'a': 'b'} is not of type 'array'"),
        ("ignore_case", "[true]", 8, "ignore_case: [True] is not of type 'boolean'"),
    ],
)
def test_wrong_types_name_file_line_and_field(tmp_path, field, value, line, message):
    text = RULE.format(id="house.typed")
    text = text.replace("terms: [x]\n", f"terms: {value}\n") if field == "terms" else text + f"{field}: {value}\n"
    rule = write(tmp_path / "house" / "house" / "typed.yaml", text)
    path = write(tmp_path / ".newslint.yaml", "rule_paths: [house]\n")
    with pytest.raises(RuleError) as error:
        build_rules(load_config(path))
    assert str(error.value) == f"{rule}:{line}: {message}"


def test_invalid_regex_is_refused_at_load_naming_the_field(tmp_path):
    rule = write(
        tmp_path / "house" / "house" / "re.yaml",
        RULE.format(id="house.re")
        .replace("kind: lexicon", "kind: pattern")
        .replace("terms: [x]\n", "patterns:\n  - 'ok'\n  - '(unclosed'\n"),
    )
    path = write(tmp_path / ".newslint.yaml", "rule_paths: [house]\n")
    with pytest.raises(RuleError) as error:
        build_rules(load_config(path))
    assert str(error.value).startswith(f"{rule}:9: patterns.1: invalid regular expression: ")
