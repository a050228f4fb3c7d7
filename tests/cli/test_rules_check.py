"""`newslint rules --check` (issue 9): rules that fail their own examples or can never match."""

from __future__ import annotations

from newslint.cli import app

BROKEN_BOUNDARY = """id: house.hashtag
kind: pattern
severity: warning
description: Hashtags in running copy.
message: "spell out '{match}'"
docs:
  why: A hashtag is not a name.
  bad: ["The #MeToo movement grew."]
  good: ["The movement grew."]
patterns:
  - '\\b#metoo\\b'
"""

EMPTY_PATTERN = """id: house.empty
kind: pattern
severity: info
description: Matches nothing but the empty string.
message: "empty"
docs:
  why: A typo in a pattern.
  bad: ["Anything at all."]
  good: ["Nothing."]
patterns:
  - 'x{0}'
"""

FLAGS_GOOD = """id: house.very
kind: lexicon
severity: info
description: Intensifiers.
message: "'{match}' adds nothing"
docs:
  why: Very rarely helps.
  bad: ["It was very big."]
  good: ["It was very, very big."]
terms: [very]
"""


def _house(tmp_path, **rules):
    pack = tmp_path / "house" / "house"
    pack.mkdir(parents=True)
    for name, text in rules.items():
        (pack / f"{name}.yaml").write_text(text, encoding="utf-8")
    config = tmp_path / ".newslint.yaml"
    config.write_text("rule_paths: [house]\n", encoding="utf-8")
    return pack


def test_broken_house_rules_are_reported(runner, tmp_path, monkeypatch):
    pack = _house(tmp_path, hashtag=BROKEN_BOUNDARY, empty=EMPTY_PATTERN, very=FLAGS_GOOD)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["rules", "--check"])
    assert result.exit_code == 1
    empty, hashtag, very = (f"{pack / name}.yaml" for name in ("empty", "hashtag", "very"))
    assert result.stdout.splitlines() == [
        f"{empty}: house.empty: pattern 1 can never match: it matches only the empty string, "
        "and empty matches are never reported",
        f"{empty}: house.empty: bad example 1 is not flagged: 'Anything at all.'",
        f"{empty}: house.empty: can never match: none of its 1 bad examples is flagged",
        f"{hashtag}: house.hashtag: bad example 1 is not flagged: 'The #MeToo movement grew.'",
        f"{hashtag}: house.hashtag: can never match: none of its 1 bad examples is flagged",
        f"{very}: house.very: good example 1 is flagged ('very', 'very'): 'It was very, very big.'",
    ]
    assert result.stderr.endswith(", 3 with problems\n")


def test_builtin_rules_pass_their_own_check(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["rules", "--check"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.endswith(" rules checked, 0 with problems\n")


def test_rules_check_reports_an_unloadable_rule_file(runner, tmp_path, monkeypatch):
    _house(tmp_path, gate=FLAGS_GOOD.replace("kind: lexicon", "kind: lexicn"))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["rules", "--check"])
    assert result.exit_code == 2
    assert result.stderr.startswith("newslint: error: ") and "gate.yaml:2: kind:" in result.stderr
