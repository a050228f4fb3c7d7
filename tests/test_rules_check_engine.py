"""`rules --check` and `check` read a rule's expression with one engine (issue 20, item 16).

Rules are matched with the `regex` module under a time budget per search, but the
prefilter that skips text a rule cannot match read each expression with Python's `re`
parser: where the two disagree (`[[:digit:]]`, fuzzy `{e<=1}`) it skipped every text,
so `check` silently never matched and `rules --check` called the rule unmatchable. And
an example that ran out of the time budget counted as "not flagged", so a good example
that backtracks catastrophically passed.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newslint.casefold import fold
from newslint.checks.prefilter import Prefilter, required_literals
from newslint.cli import app

RULE = """\
id: house.{name}
kind: pattern
severity: warning
description: A house pattern.
message: "'{{match}}'"
docs:
  why: House style.
  bad: ["{bad}"]
  good: ["{good}"]
patterns:
  - '{pattern}'
"""

REGEX_ONLY = [
    ("code", r"\bAB[[:digit:]]+\b", "The AB123 form was filed.", "The form was filed.", "AB123"),
    ("fuzzy", r"(?:government){e<=1}", "The goverment said no.", "The office said no.", "goverment"),
]


def _house(tmp_path, monkeypatch, **rules: str) -> None:
    pack = tmp_path / "house" / "house"
    pack.mkdir(parents=True)
    for name, text in rules.items():
        (pack / f"{name}.yaml").write_text(text, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule_paths: [house]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(("name", "pattern", "bad", "good", "match"), REGEX_ONLY)
def test_regex_module_syntax_matches_in_check_and_passes_rules_check(
    tmp_path, monkeypatch, name, pattern, bad, good, match
):
    _house(tmp_path, monkeypatch, **{name: RULE.format(name=name, pattern=pattern, bad=bad, good=good)})
    (tmp_path / "story.txt").write_text(bad + "\n", encoding="utf-8")
    checked = CliRunner().invoke(app, ["rules", "--check"])
    assert checked.stdout == "", checked.stdout
    assert checked.exit_code == 0
    result = CliRunner().invoke(app, ["check", "--no-cache", "--select", f"house.{name}", "story.txt"])
    assert result.exit_code == 1, result.output
    assert f"'{match}'" in result.stdout


@pytest.mark.parametrize(("pattern", "text"), [(pattern, bad) for _, pattern, bad, _, _ in REGEX_ONLY])
def test_the_prefilter_never_turns_away_a_text_the_regex_module_matches(pattern, text):
    assert Prefilter(required_literals(pattern)).may_match(fold(text))


def test_counted_repeats_are_still_filtered():
    assert required_literals(r"\bappears?\s+to\b") == frozenset({"appear"})
    assert required_literals(r"\b(?:very){2,3}\b") == frozenset({"very"})


def test_an_example_that_runs_out_of_time_is_a_problem(tmp_path, monkeypatch):
    # `(a+)+$` of the issue the regex module happens to survive; this one it does not.
    slow = RULE.format(name="slow", pattern="(a|aa)+$", bad="aaaa", good="a" * 40 + "!")
    _house(tmp_path, monkeypatch, slow=slow)
    result = CliRunner().invoke(app, ["rules", "--check"])
    assert result.exit_code == 1, result.output
    assert "house.slow: good example 1 ran out of the time budget (1s per search)" in result.stdout
    assert result.stderr.endswith(", 1 with problems\n")
