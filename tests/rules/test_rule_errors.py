"""Mistakes in a house rule file that used to load and do nothing (issue 18): each is a
one-line error naming the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newslint.cli import app
from newslint.config import build_rules, load_config
from newslint.errors import RuleError

RULE = """id: {id}
kind: {kind}
severity: warning
description: x
message: '{message}'
docs: {{why: x, bad: [x], good: [y]}}
{options}"""

OPTIONS = {
    "lexicon": "terms: [x]\n",
    "density": "counts: [hedging]\nthreshold: 4\n",
    "readability": "metric: flesch_kincaid_grade\nmax: 14\n",
    "length": "count: words\nmax: 40\n",
    "claim": "",  # each test gives its cues, words and lexicon
}


def house_rule(
    tmp_path: Path, name: str, *, id: str | None = None, kind: str = "lexicon", message: str = "x", extra: str = ""
) -> tuple[Path, Path]:
    """A house rule file `house/<pack>/<name>.yaml` and a config naming the folder."""
    pack, stem = name.split(".")
    rule = tmp_path / "house" / pack / f"{stem}.yaml"
    rule.parent.mkdir(parents=True, exist_ok=True)
    rule.write_text(RULE.format(id=id or name, kind=kind, message=message, options=OPTIONS[kind] + extra), "utf-8")
    config = tmp_path / ".newslint.yaml"
    config.write_text("rule_paths: [house]\n", "utf-8")
    return rule, config


def refused(config: Path) -> str:
    with pytest.raises(RuleError) as error:
        build_rules(load_config(config))
    return str(error.value)


def test_a_misspelt_placeholder_is_an_error_naming_file_line_and_field(tmp_path):
    rule, config = house_rule(tmp_path, "house.typo", message="{mtach} hedges the claim")
    assert refused(config) == (
        f"{rule}:5: message: unknown placeholder {{mtach}}: lexicon rules have {{match}}, {{suggestion}}"
    )


def test_a_placeholder_of_another_kind_is_an_error(tmp_path):
    rule, config = house_rule(tmp_path, "house.dense", kind="density", message="{match} is dense")
    assert refused(config).startswith(f"{rule}:5: message: unknown placeholder {{match}}: density rules have {{count}}")


def test_every_placeholder_a_kind_declares_is_accepted(tmp_path):
    _, config = house_rule(
        tmp_path, "house.dense", kind="density", message="{count} in {words} ({density}, {threshold})"
    )
    assert "house.dense" in {rule.id for rule in build_rules(load_config(config))}


def test_rules_check_fails_on_a_misspelt_placeholder(tmp_path, monkeypatch):
    house_rule(tmp_path, "house.typo", message="{mtach} hedges the claim")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["rules", "--check"])
    assert result.exit_code == 2
    assert "message: unknown placeholder {mtach}" in result.output


def test_a_house_rule_whose_id_does_not_match_its_file_name_is_refused(tmp_path):
    rule, config = house_rule(tmp_path, "house.utilize", id="house.usage")
    assert refused(config) == f"{rule}:1: id: id must match its file name: 'house.utilize'"


@pytest.mark.parametrize("kind", ["readability", "density"])
@pytest.mark.parametrize("field", ["skip_quotes: false", "skip_attributed: true", "exceptions: ['x']"])
def test_a_field_the_kind_ignores_is_refused(tmp_path, kind, field):
    rule, config = house_rule(tmp_path, "house.ignored", kind=kind, extra=field + "\n")
    name = field.split(":")[0]
    line = len(RULE.splitlines()) + len(OPTIONS[kind].splitlines())
    assert refused(config) == f"{rule}:{line}: {name}: not a field of {kind!r} rules"


def test_skip_quotes_is_still_a_setting_of_length_rules(tmp_path):
    _, config = house_rule(tmp_path, "house.long", kind="length", extra="skip_quotes: false\n")
    rules = {rule.id: rule for rule in build_rules(load_config(config))}
    assert rules["house.long"].skip_quotes is False


def test_a_cue_naming_an_unknown_word_list_is_an_error_at_its_field(tmp_path):
    """A claim cue's `{name}` compiles as written (braces around letters are literal to
    a regex engine), so the loader names the cue from the error itself."""
    cues = "cues:\n  feeling:\n    - '\\b{crowd}\\s+fear\\b'\nwords:\n  who: [people]\n"
    rule, config = house_rule(tmp_path, "house.crowds", kind="claim", message="{match}", extra=cues)
    message = refused(config)
    assert message.startswith(f"{rule}:9: cues.feeling.0: invalid regular expression: unknown word list {{crowd}}")


CLAIM_LEXICON = "cues:\n  verdict: ['\\bdoomed\\b']\nwords:\n  judgement: [{entry}]\nlexicon:\n  verdict: [{name}]\n"


def test_a_lexicon_naming_an_unknown_word_list_is_an_error_at_its_field(tmp_path):
    lexicon = CLAIM_LEXICON.format(entry="hapless", name="judgment")
    rule, config = house_rule(tmp_path, "house.words", kind="claim", message="{match}", extra=lexicon)
    assert refused(config) == f"{rule}:12: lexicon.verdict.0: unknown word list 'judgment' (word lists: judgement)"


def test_a_lexicon_entry_must_start_and_end_with_a_word(tmp_path):
    lexicon = CLAIM_LEXICON.format(entry="'... knows'", name="judgement")
    _, config = house_rule(tmp_path, "house.gaps", kind="claim", message="{match}", extra=lexicon)
    assert "words: a lexicon entry starts and ends with a word: '... knows'" in refused(config)
