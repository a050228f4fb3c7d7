"""Config discovery, validation errors that name file/line/field, and per-rule settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.config import build_rules, discover_config, load_config
from newslint.errors import ConfigError, RuleError
from newslint.files import resolved
from newslint.linter import Linter


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_discovery_walks_up_from_the_file(tmp_path):
    config = write(tmp_path / ".newslint.yaml", "ignore: [hedging.adverb]\n")
    article = write(tmp_path / "desk" / "metro" / "story.txt", "x")
    assert discover_config(article.parent) == config


def test_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert discover_config(tmp_path) is None
    write(tmp_path / "pyproject.toml", "[tool.newslint]\nignore = ['hedging']\n")
    assert discover_config(tmp_path) == tmp_path / "pyproject.toml"


def test_nearest_config_wins(tmp_path):
    write(tmp_path / ".newslint.yaml", "ignore: [hedging]\n")
    inner = write(tmp_path / "opinion" / ".newslint.yml", "ignore: []\n")
    assert discover_config(tmp_path / "opinion") == inner


def test_unknown_key_is_named_with_its_line(tmp_path):
    path = write(tmp_path / ".newslint.yaml", "select: [hedging]\nignroe: [hedging.modal]\n")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value) == f"{path}:2: ignroe: unknown key 'ignroe'"


def test_wrong_value_names_field(tmp_path):
    path = write(tmp_path / ".newslint.yaml", "fail_on: sometimes\n")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert "fail_on" in str(error.value) and ":1:" in str(error.value)


def test_invalid_yaml_names_line(tmp_path):
    path = write(tmp_path / ".newslint.yaml", "select: [hedging\nignore: x\n")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value).startswith(f"{path}:")


def test_per_rule_settings(tmp_path):
    path = write(
        tmp_path / ".newslint.yaml",
        """
rules:
  hedging.modal:
    severity: info
    add_exceptions: ['(?i:\\bcould\\b)']
  hedging.density:
    threshold: 10
  hedging.verb:
    enabled: false
""",
    )
    rules = {rule.id: rule for rule in build_rules(load_config(path))}
    assert str(rules["hedging.modal"].severity) == "info"
    assert rules["hedging.density"].check.threshold == 10
    assert "hedging.verb" not in rules
    linter = Linter()
    findings = linter.lint_text("Prices could rise and may fall.", config=load_config(path))
    assert [(f.rule, f.text, str(f.severity)) for f in findings] == [("hedging.modal", "may", "info")]


def test_add_terms_extends_a_lexicon(tmp_path):
    path = write(tmp_path / ".newslint.yaml", "rules:\n  hedging.adverb:\n    add_terms: [ostensibly]\n")
    findings = Linter().lint_text("The plan is ostensibly about safety.", config=load_config(path))
    assert [f.text for f in findings] == ["ostensibly"]


def test_bad_rule_setting_names_config_line(tmp_path):
    path = write(tmp_path / ".newslint.yaml", "rules:\n  hedging.density:\n    threshold: lots\n")
    with pytest.raises(ConfigError) as error:
        build_rules(load_config(path))
    assert str(error.value).startswith(f"{path}:3: rules.hedging.density.threshold:")


def test_unknown_rule_in_settings(tmp_path):
    path = write(tmp_path / ".newslint.yaml", "rules:\n  hedging.nope:\n    severity: info\n")
    with pytest.raises(ConfigError, match=r"unknown rule id 'hedging\.nope'"):
        build_rules(load_config(path))


def test_rule_paths_add_house_rules(tmp_path):
    write(
        tmp_path / "house" / "style" / "utilize.yaml",
        """
id: style.utilize
kind: lexicon
severity: warning
description: Prefer "use".
message: "'{match}' — use '{suggestion}'"
suggestion: use
inflect: true
docs:
  why: Plain words.
  bad: ["We utilize buses."]
  good: ["We use buses."]
terms: [utilize]
""",
    )
    path = write(tmp_path / ".newslint.yaml", "rule_paths: [house]\nselect: [style.utilize]\n")
    linter = Linter()
    config = load_config(path)
    findings = linter.lint_text("The city utilized federal money.", config=config)
    assert [(f.rule, f.text, f.suggestion, f.message) for f in findings] == [
        ("style.utilize", "utilized", "use", "'utilized' — use 'use'")
    ]


def test_bad_rule_file_names_file_line_and_field(tmp_path):
    rule = write(
        tmp_path / "house" / "style" / "bad.yaml",
        """
id: style.bad
kind: lexicon
severity: loud
description: x
message: x
docs: {why: x, bad: [x], good: [y]}
terms: [x]
""",
    )
    path = write(tmp_path / ".newslint.yaml", "rule_paths: [house]\n")
    with pytest.raises(RuleError) as error:
        build_rules(load_config(path))
    assert str(error.value) == f"{rule}:4: severity: must be one of error, warning, info (got 'loud')"


def test_rule_field_of_another_kind_is_refused(tmp_path):
    rule = write(
        tmp_path / "house" / "style" / "odd.yaml",
        """
id: style.odd
kind: lexicon
severity: info
description: x
message: x
docs: {why: x, bad: [x], good: [y]}
terms: [x]
patterns: ['x']
""",
    )
    path = write(tmp_path / ".newslint.yaml", "rule_paths: [house]\n")
    with pytest.raises(RuleError) as error:
        build_rules(load_config(path))
    assert str(error.value) == f"{rule}:9: patterns: not a field of 'lexicon' rules"


@pytest.mark.parametrize(
    "kind, extra, message",
    [
        ("lexicon", "terms: [x]\nbogus: 1", "bogus: unknown field 'bogus'"),
        ("claim", "cues: {motive: [x]}\nskip_quotes: false", "skip_quotes: not a field of 'claim' rules"),
        ("lexical", "terms: [x]", "kind: must be one of"),
    ],
)
def test_rule_fields_are_checked_against_the_kind(tmp_path, kind, extra, message):
    rule = write(
        tmp_path / "house" / "style" / "odd.yaml",
        f"""id: style.odd
kind: {kind}
severity: info
description: x
message: x
docs: {{why: x, bad: [x], good: [y]}}
{extra}
""",
    )
    path = write(tmp_path / ".newslint.yaml", "rule_paths: [house]\n")
    with pytest.raises(RuleError) as error:
        build_rules(load_config(path))
    line = 2 if kind == "lexical" else len(extra.splitlines()) + 6
    assert str(error.value).startswith(f"{rule}:{line}: {message}")


def test_duplicate_yaml_key_is_refused(tmp_path):
    write(tmp_path / "house" / "style" / "dup.yaml", "id: style.dup\nid: style.dup2\n")
    path = write(tmp_path / ".newslint.yaml", "rule_paths: [house]\n")
    with pytest.raises(RuleError, match=r"dup.yaml:2: id: duplicate key \(first on line 1\)"):
        build_rules(load_config(path))


def test_unsafe_yaml_tags_are_refused(tmp_path):
    path = write(tmp_path / ".newslint.yaml", "select: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(ConfigError, match="invalid YAML"):
        load_config(path)


def test_exclude_globs(tmp_path):
    path = write(tmp_path / ".newslint.yaml", "exclude: ['archive/**', '*.draft.txt']\n")
    config = load_config(path)
    assert config.excludes(tmp_path / "archive" / "2019" / "a.txt")
    assert config.excludes(tmp_path / "x.draft.txt")
    assert not config.excludes(tmp_path / "news" / "a.txt")


def test_bad_regex_names_its_field(tmp_path):
    rule = write(
        tmp_path / "house" / "style" / "broken.yaml",
        """
id: style.broken
kind: pattern
severity: info
description: x
message: x
docs: {why: x, bad: [x], good: [y]}
patterns: ['fine', 'unbalanced (']
""",
    )
    path = write(tmp_path / ".newslint.yaml", "rule_paths: [house]\n")
    with pytest.raises(RuleError) as error:
        build_rules(load_config(path))
    assert str(error.value).startswith(f"{rule}:8: patterns.1: invalid regular expression:")


def test_vocabulary_file_accepts_a_desks_terms(tmp_path):
    (tmp_path / "terms.txt").write_text("# our names\nPossibly  Maybe\n\nreportedly speaking\n", encoding="utf-8")
    path = write(tmp_path / ".newslint.yaml", "vocabulary: terms.txt\n")
    config = load_config(path)
    assert config.vocabulary == ("Possibly  Maybe", "reportedly speaking")
    story = "The band possibly\nmaybe played on Friday. Prices may rise."
    assert [f.text for f in Linter().lint_text(story)] == ["possibly", "may"]
    assert [f.text for f in Linter().lint_text(story, config=config)] == ["may"]
    assert Linter().lint_text("Reportedly speaking, the rally went ahead.", config=config) == []


def test_missing_vocabulary_file_is_a_config_error(tmp_path):
    path = write(tmp_path / ".newslint.yaml", "vocabulary: nope.txt\n")
    with pytest.raises(ConfigError, match="cannot read vocabulary"):
        load_config(path)


def test_a_files_config_folder_is_its_resolved_parent_however_the_path_is_written(tmp_path, monkeypatch):
    """Folders are resolved once a run (`Configs._resolved_folder`); links in the folder,
    ".." after a link, and a file that is itself a link must still find the config the
    file's real location has."""
    (tmp_path / "real" / "sub").mkdir(parents=True)
    (tmp_path / "other").mkdir()
    (tmp_path / "real" / "sub" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "other" / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "real" / "sub")
    (tmp_path / "real" / "blink.txt").symlink_to(tmp_path / "other" / "b.txt")
    monkeypatch.chdir(tmp_path / "real")
    linter = Linter()
    for written in (
        "sub/a.txt",
        str(tmp_path / "link" / "a.txt"),
        str(tmp_path / "link" / ".." / "other" / "b.txt"),
        "blink.txt",
        "../link/../other/b.txt",
        "sub/../blink.txt",
        "missing.txt",
        "../link/a.txt",
        "sub/a.txt",
    ):
        assert linter._configs._resolved_folder(written) == resolved(written).parent, written
