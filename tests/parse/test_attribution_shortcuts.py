"""Attribution's shortcuts must never change a result. Above all the cue-word test that
lets it skip most finders: a finder skipped because the sentence lacks its cue words must
be one that finds nothing."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.attribution import finders
from newslint.attribution import sources as sources_module
from newslint.attribution.finders import SHIPPED as attribution
from newslint.attribution.finders import folded_words
from newslint.casefold import fold
from newslint.checks.prefilter import leading_words

# The shipped lexicon's finders and source reader.
sources = attribution.sources
without_trailing_adverbs = sources.without_trailing_adverbs
_masked = attribution.masked
_first_attribution = attribution.first_attribution

TESTS = Path(__file__).resolve().parents[1]


def _spellings(word: str) -> list[str]:
    """Every spelling of a word with optional letters: "rumou?rs?" is rumours, rumour,
    rumors or rumor."""
    spellings = [""]
    for letter, optional in re.findall(r"([A-Za-z])(\??)", word):
        spellings = [spelling + letter for spelling in spellings] + (spellings if optional else [])
    return spellings


def _strings_in(path: Path) -> list[str]:
    """Every string literal of a test module: the tricky sentences its cases use."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]


TRICKY = sorted(
    {
        text
        for module in ("parse/test_attribution.py", "checks/test_claim.py", "test_hostile_text.py")
        for text in _strings_in(TESTS / module)
    }
)

# Every word the expressions spell out ("rumou?red" is rumored and rumoured), whether or
# not a finder counts it among its cue words: the cue words are what is under test.
_PATTERNS = [
    value.pattern
    for holder in (finders, attribution, sources_module, sources)
    for value in vars(holder).values()
    if isinstance(value, re.Pattern)
]
_CUES = sorted(
    {word for pattern in _PATTERNS for run in re.findall(r"[A-Za-z][A-Za-z?]*", pattern) for word in _spellings(run)}
)
# The words in other cases and with the letters re.IGNORECASE matches to ASCII ones,
# some names, and marks; joined with or without spaces, so that words also turn up inside
# longer words.
_VARIANTS = [variant for cue in _CUES for variant in (cue, cue.capitalize(), cue.upper())]
_FOLDED = [cue.replace("s", "ſ", 1).replace("i", "ı", 1).replace("k", "K", 1) for cue in _CUES]
_CONTEXT = ["Smith", "Ortiz", "officials", "analysts", "plan", "The Courier"]
_MARKS = [" ", " ", " ", ",", ".", ":", ";", "?", "!", '"', "“", "”", "’", "'", "(", ")", "-", "—", "\n", "s"]
SENTENCES = st.lists(
    st.one_of(st.sampled_from(_VARIANTS + _FOLDED + _CONTEXT), st.sampled_from(_MARKS)), max_size=40
).map("".join)


def _agree(sentence: str) -> None:
    masked = _masked(sentence)
    words = folded_words(masked)
    found = [finder.find(masked, 0) for finder in attribution.finders]  # every finder, none skipped
    for finder, attribution_found in zip(attribution.finders, found):
        if attribution_found is not None:
            assert finder.may_match(words), (finder.find.__name__, sentence)
    assert _first_attribution(masked, 0, words) == next((a for a in found if a is not None), None)


@pytest.mark.parametrize("sentence", TRICKY)
def test_cue_words_skip_no_finder_that_matches_a_tricky_sentence(sentence):
    _agree(sentence)


@settings(max_examples=500, deadline=None)
@given(SENTENCES)
def test_cue_words_skip_no_finder_that_matches(sentence):
    _agree(sentence)


@pytest.mark.parametrize("finder", [f for f in attribution.finders if f.cue_words], ids=lambda f: f.find.__name__)
def test_every_cue_word_in_the_place_of_another(finder):
    """In four tricky sentences the finder matches, every word the expressions spell out
    (and its capitalised and case-folded forms) takes the place of the cue word there."""
    templates = [masked for masked in map(_masked, TRICKY) if finder.find(masked, 0) is not None][:4]
    for template in templates:
        for word in re.finditer(r"\w+", template):
            if fold(word.group()) not in finder.cue_words:
                continue
            for cue in _CUES:
                for form in (cue, cue.capitalize(), cue.replace("s", "ſ").replace("k", "K")):
                    _agree(template[: word.start()] + form + template[word.end() :])


def test_case_folding_makes_ascii_every_letter_ignorecase_matches_to_ascii():
    any_ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    for char in map(chr, range(128, 0x110000)):
        if any_ascii_letter.fullmatch(char):
            for letter in "abcdefghijklmnopqrstuvwxyz":
                if re.fullmatch(letter, char, re.IGNORECASE):
                    assert fold(char) == letter, char


def test_case_folding_turns_no_other_character_into_a_word_character():
    word_character = re.compile(r"\w")
    for char in map(chr, range(0x110000)):
        if not word_character.match(char):
            assert not word_character.search(fold(char)), char


def test_str_split_and_re_agree_on_white_space():
    white_space = re.compile(r"\s")
    for char in map(chr, range(0x110000)):
        assert char.isspace() == bool(white_space.match(char)), char


@pytest.mark.parametrize("text", TRICKY + ["Putin has", "she  also\n", "ALSO", " has", "Ortiz ſtill", "has-been"])
def test_trailing_adverbs_are_removed_as_the_expression_removes_them(text):
    assert without_trailing_adverbs(text) == sources.trailing_adverbs.sub("", text)


@settings(max_examples=300, deadline=None)
@given(SENTENCES)
def test_trailing_adverbs_are_removed_as_the_expression_removes_them_from_any_text(text):
    assert without_trailing_adverbs(text) == sources.trailing_adverbs.sub("", text)


@pytest.mark.parametrize("sentence", TRICKY + ["The pro-Smith side said-so said", "Said said, said"])
def test_cues_are_found_as_the_expression_finds_them(sentence):
    assert [m.span() for m in attribution.cues(sentence)] == [m.span() for m in attribution.cue.finditer(sentence)]


@settings(max_examples=300, deadline=None)
@given(SENTENCES)
def test_cues_are_found_as_the_expression_finds_them_in_any_text(sentence):
    assert [m.span() for m in attribution.cues(sentence)] == [m.span() for m in attribution.cue.finditer(sentence)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcXYZ é-'", max_size=40))
def test_long_words_are_the_letter_runs_longer_than_three(text):
    runs = [run for run in re.findall("[A-Za-z]+", text) if len(run) > 3]
    assert finders._LONG_WORD.findall(text) == runs
    assert finders._LONG_CAPITALISED.findall(text) == [run for run in runs if run[0].isupper()]


def test_cue_words_of_each_shape_of_alternative():
    assert leading_words(r"said|rumou?rs?|pointed\s+to|(?:lashed|lashes)\s+out|called(?:\s+\w+){1,7}") == {
        "said",
        "rumours",
        "rumour",
        "rumors",
        "rumor",
        "pointed",
        "lashed",
        "lashes",
        "called",
    }
    assert leading_words(r"backed(?!\s+(?:away|down))|speaks\s+(?:about|of)") == {"backed", "speaks"}
    # A word that ends inside an optional group, or after it; a group continuing a word.
    assert leading_words(r"quoted(?:\s+\w+){0,5}\s+as|see(?:n|s)|Sa(?:id|ys)") == {
        "quoted",
        "seen",
        "sees",
        "Said",
        "Says",
    }


@pytest.mark.parametrize(
    "alternation", [r"said|\w+ly", r"(?:first\s+)?reported", r"said|say\w", r"see(?:n|s)+", "x+", r"\s+said"]
)
def test_cue_words_refuse_an_alternative_whose_first_word_is_unclear(alternation):
    with pytest.raises(ValueError):
        leading_words(alternation)
