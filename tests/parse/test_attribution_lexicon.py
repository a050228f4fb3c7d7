"""The attribution cue lexicon is data: test it as data (codespell tests its word lists
the same way), and check that a broken copy is refused with file, line and list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint.attribution.lexicon import ALTERNATIONS, WORD_SETS, lexicon_path, load_lexicon
from newslint.checks.prefilter import leading_words
from newslint.errors import RuleError
from newslint.yamlfile import load_yaml

DATA = load_yaml(lexicon_path().read_text(encoding="utf-8"), "attribution.yaml", RuleError).data


def test_the_file_holds_exactly_the_lists_the_finders_read():
    assert set(DATA) == set(ALTERNATIONS) | set(WORD_SETS)


@pytest.mark.parametrize("name", WORD_SETS)
def test_word_lists_are_sorted_lower_case_and_without_repeats(name):
    words = DATA[name]
    assert words == sorted(set(words)), name
    assert all(word == word.lower() and not re.search(r"\s", word) for word in words), name


@pytest.mark.parametrize("name", ALTERNATIONS)
def test_every_alternative_compiles_starts_with_a_word_and_is_listed_once(name):
    alternatives = DATA[name]
    assert len(alternatives) == len(set(alternatives)), name
    for alternative in alternatives:
        re.compile(alternative)
        assert leading_words(alternative), alternative  # raises when no word starts it


def test_a_missing_list_is_refused_naming_the_file_and_list(tmp_path: Path):
    broken = tmp_path / "attribution.yaml"
    text = lexicon_path().read_text(encoding="utf-8")
    broken.write_text(text.replace("frames:", "framez:"), encoding="utf-8")
    with pytest.raises(RuleError) as raised:
        load_lexicon(broken)
    assert raised.value.field == "frames" and "non-empty list" in raised.value.message


def test_an_entry_that_is_not_a_phrase_is_refused_with_its_line(tmp_path: Path):
    broken = tmp_path / "attribution.yaml"
    text = lexicon_path().read_text(encoding="utf-8")
    broken.write_text(text.replace("pronouns:\n", "pronouns:\n  - [he, she]\n"), encoding="utf-8")
    with pytest.raises(RuleError) as raised:
        load_lexicon(broken)
    error = raised.value
    assert error.field == "pronouns" and error.line == text[: text.index("pronouns:")].count("\n") + 2
