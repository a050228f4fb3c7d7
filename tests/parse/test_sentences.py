"""Sentences and words in news copy, from Punkt built without downloaded data."""

from __future__ import annotations

import itertools

import nltk
import nltk.data
import pytest

from newslint import nlp
from newslint.nlp import count_words, sentence_spans, word_spans


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def words(text: str) -> list[str]:
    return [text[start:end] for start, end in word_spans(text)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Smith met Mrs. Jones and Ms. Lee at the hearing.",
        "Dr. Nwosu and Prof. Adeyemi disagreed.",
        "Sen. Warren and Rep. Jeffries spoke with Gov. Hochul.",
        "Gen. Milley, Lt. Dan and Capt. Kirk met at St. Paul's.",
        "The talks ran from Jan. 5 to Feb. 6, then Aug. 7 and Sept. 8.",
        "Elections were held Oct. 9, Nov. 10 and Dec. 11 in every district.",
        "The U.S. and the U.K. asked the U.N. Security Council to meet.",
        "The meeting ran from 9 a.m. to 5 p.m. on Friday.",
        "Apple Inc. and Acme Corp. bought Smith Co. from Foo Ltd. last year.",
        "He wore No. 5 in the game vs. Boston.",
        "ALBANY, N.Y. (Reuters) - The governor signed the bill.",
        "LOS ANGELES, Calif. — The mayor signed the bill.",
        "SPRINGFIELD, Mass. (AP) — The mayor signed the bill.",
        "J. R. Ewing was shot in the season finale.",
        "The Rev. Martin Luther King Jr. spoke in Washington.",
        "He moved to Washington, D.C. with his family.",
    ],
)
def test_abbreviation_does_not_end_a_sentence(sentence):
    assert sentences(sentence) == [sentence]


def test_abbreviation_before_a_sentence_starter_ends_the_sentence():
    assert sentences("The vote is at 5 p.m. The next day is free.") == [
        "The vote is at 5 p.m.",
        "The next day is free.",
    ]


def test_country_abbreviation_at_sentence_end():
    assert sentences("The envoy flew to the U.S. He landed at noon.") == [
        "The envoy flew to the U.S.",
        "He landed at noon.",
    ]


def test_state_abbreviation_at_sentence_end():
    assert sentences("She lives in Sacramento, Calif. She is 40.") == ["She lives in Sacramento, Calif.", "She is 40."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said no. Others agreed.", ["He said no.", "Others agreed."]),
        ("He fell ill. Doctors said he would recover.", ["He fell ill.", "Doctors said he would recover."]),
        (
            "Critics reached a critical mass. Officials listened.",
            ["Critics reached a critical mass.", "Officials listened."],
        ),
    ],
)
def test_lower_case_word_that_is_also_an_abbreviation_ends_a_sentence(text, expected):
    assert sentences(text) == expected


def test_quote_ending_with_period_inside_closing_mark():
    text = 'He said, "We will win." Then he left.'
    assert sentences(text) == ['He said, "We will win."', "Then he left."]


def test_curly_quote_ending_with_period_inside_closing_mark():
    text = "“We will win.” The crowd cheered."
    assert sentences(text) == ["“We will win.”", "The crowd cheered."]


def test_quoted_question_keeps_its_attribution():
    text = "“Is it over?” she asked. Nobody answered."
    assert sentences(text) == ["“Is it over?” she asked.", "Nobody answered."]


def test_quoted_exclamation_keeps_its_attribution():
    assert sentences('"We won!" he shouted.') == ['"We won!" he shouted.']


def test_question_before_a_capitalised_sentence_still_splits():
    assert sentences("Is it over? Nobody knows.") == ["Is it over?", "Nobody knows."]


def test_sentence_spans_map_to_exact_text():
    text = "  Prices rose 3.5 percent.\nThe bank, which cut rates, said so.  Mr. Lee agreed. "
    spans = sentence_spans(text)
    assert [text[start:end] for start, end in spans] == [
        "Prices rose 3.5 percent.",
        "The bank, which cut rates, said so.",
        "Mr. Lee agreed.",
    ]


def test_sentence_spans_are_in_order_and_disjoint():
    text = "One. Two? Three! “Four,” he said. Five."
    spans = sentence_spans(text)
    assert len(spans) == 5
    for (_, previous_end), (start, end) in itertools.pairwise(spans):
        assert previous_end <= start < end


def test_empty_text_has_no_sentences():
    assert sentence_spans("") == []


def test_words_keep_apostrophes_hyphens_and_periods():
    assert words("O'Brien's state-run U.S. agency, don't") == ["O'Brien's", "state-run", "U.S", "agency", "don't"]


def test_words_keep_curly_apostrophes():
    assert words("O’Brien won’t") == ["O’Brien", "won’t"]


def test_word_spans_are_offsets_into_the_text():
    text = "Hello, world."
    assert word_spans(text) == [(0, 5), (7, 12)]


def test_count_words():
    assert count_words("The state-run U.S. agency didn't say.") == 6


def test_sentence_splitting_downloads_nothing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("nltk data or a download was requested")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.data, "load", refuse)
    monkeypatch.setattr(nltk.data, "find", refuse)
    nlp._punkt.cache_clear()
    try:
        assert sentences("Mr. Smith left at 5 p.m. The talks ended.") == [
            "Mr. Smith left at 5 p.m.",
            "The talks ended.",
        ]
    finally:
        nlp._punkt.cache_clear()
