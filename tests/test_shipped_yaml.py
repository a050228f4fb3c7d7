"""The YAML newslint ships, read from a parsed copy: the same data and the same error
lines as parsing each file, and PyYAML not even imported once the copy exists."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from newslint import yamlfile
from newslint.config import _profile_paths
from newslint.errors import RuleError
from newslint.rulebook import RULE_SUFFIXES, builtin_rules_dir
from newslint.yamlfile import load_shipped_yaml, load_yaml

SHIPPED = sorted(p for p in builtin_rules_dir().rglob("*") if p.suffix in RULE_SUFFIXES) + _profile_paths()


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _field_paths(data, prefix=()):
    """Every field path in `data`, to compare where each one is said to be."""
    yield prefix
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        yield from _field_paths(value, prefix + (key,))


def test_the_copy_gives_each_files_data_and_lines(cache_home):
    load_shipped_yaml(SHIPPED, str, RuleError, "demo")  # writes the copy
    from_copy = load_shipped_yaml(SHIPPED, str, RuleError, "demo")
    assert len(list((cache_home / "newslint").glob("demo-*.marshal"))) == 1
    for path in SHIPPED:
        parsed = load_yaml(path.read_text(encoding="utf-8"), str(path), RuleError)
        document = from_copy[path]
        assert document.data == parsed.data
        assert document.path == str(path)
        for field_path in _field_paths(parsed.data):
            assert document.line_of(field_path) == parsed.line_of(field_path), (path, field_path)
        assert document.line_of(("no-such-field", 3)) == parsed.line_of(("no-such-field", 3))


def test_the_copy_is_used_without_parsing(cache_home, monkeypatch):
    load_shipped_yaml(SHIPPED, str, RuleError, "demo")

    def refuse(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(yamlfile, "load_yaml", refuse)
    documents = load_shipped_yaml(SHIPPED, str, RuleError, "demo")
    assert documents[SHIPPED[0]].line_of(("id",)) is not None  # a top-level key: from the copy


def test_an_edited_file_is_parsed_again(cache_home, tmp_path):
    rule = tmp_path / "rule.yaml"
    rule.write_text("id: demo.one\nmessage: first\n", encoding="utf-8")
    assert load_shipped_yaml([rule], str, RuleError, "demo")[rule].data["message"] == "first"
    rule.write_text("id: demo.one\nmessage: second, longer\n", encoding="utf-8")
    assert load_shipped_yaml([rule], str, RuleError, "demo")[rule].data["message"] == "second, longer"


def test_a_broken_file_is_reported_as_when_parsed(cache_home, tmp_path):
    rule = tmp_path / "rule.yaml"
    rule.write_text("id: demo.one\nid: twice\n", encoding="utf-8")
    with pytest.raises(RuleError) as raised:
        load_shipped_yaml([rule], str, RuleError, "demo")
    assert "duplicate key" in str(raised.value) and raised.value.line == 2


def test_a_check_does_not_import_pyyaml_once_the_copies_exist(tmp_path):
    program = (
        "import json, sys\n"
        "from newslint import lint_text\n"
        "findings = lint_text('Analysts suggest the plan may fail.')\n"
        "print(json.dumps(['yaml' in sys.modules, sorted(f.rule for f in findings)]))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path
        )
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[-1].stderr
    (first_imported, first_rules), (second_imported, second_rules) = (json.loads(run.stdout) for run in runs)
    assert first_imported and not second_imported
    assert first_rules == second_rules and first_rules
