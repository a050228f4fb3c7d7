"""A claim rule's `lexicon`: claims in a word, found by looking a sentence's words up.

The lookup must find what the word-list expressions would (`expand_word_lists`): each
entry as its words, any white space between them, "one's" as a possessive and "..." as
one to three words; a word in lower case unless it opens the sentence.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import lint_text
from newslint.checks.claim import expand_word_lists
from newslint.checks.claimlexicon import ClaimLexicon

ENTRIES = {
    "verdict": [
        "hapless",
        "dragged one's feet",
        "a slap on the wrist",
        "the victim of one's own success",
        "too little, too late",
    ],
    "feeling": ["glum", "left ... feeling", "at one's wits' end", "one's heart sank"],
}


def found(text: str, entries: dict[str, list[str]] = ENTRIES) -> list[tuple[str, str]]:
    return [(match.category, text[match.start : match.end]) for match in ClaimLexicon(entries).find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Regulators dragged their feet on it.", [("verdict", "dragged their feet")]),
        ("The city dragged its\nfeet.", [("verdict", "dragged its\nfeet")]),
        ("It was a slap on the wrist.", [("verdict", "a slap on the wrist")]),
        ("It left the home bench feeling cheated.", [("feeling", "left the home bench feeling")]),
        ("Tenants are at their wits’ end.", [("feeling", "at their wits’ end")]),
        ("Their heart sank.", [("feeling", "Their heart sank")]),
        ("Hapless, the club lost again.", [("verdict", "Hapless")]),  # opening the sentence
        ("The ferry is the victim of its own success.", [("verdict", "the victim of its own success")]),
        ("A hapless defence and a glum crowd.", [("verdict", "hapless"), ("feeling", "glum")]),
        ("It was too little too late.", [("verdict", "too little too late")]),
        ("It was too little, too late.", [("verdict", "too little, too late")]),
    ],
)
def test_entries_are_found_with_their_placeholders(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Hapless Anglers play on Friday.",  # a capitalised word inside a sentence is a name
        "It left feeling fine.",  # a gap is at least one word
        "It left all of the staff feeling low.",  # and at most three
        "They dragged; their feet were sore.",  # the words of an entry follow each other
        "Unhappy, glumly or haplessly.",  # whole words only
    ],
)
def test_what_is_not_an_entry(text):
    assert found(text) == []


@pytest.mark.parametrize("entry", ["... knows", "left ..."])
def test_an_entry_opening_or_closing_on_a_gap_is_refused(entry):
    with pytest.raises(ValueError, match="starts and ends with a word"):
        ClaimLexicon({"verdict": [entry]})


# Placeholders are left out here: with them an entry's length in characters (the order
# the expression tries entries in) is not the length of what it matches, and the lookup
# takes the longest match. The examples above cover them.
WORDS = st.sampled_from(["a", "b", "ab", "ba"])
ENTRY = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)
TEXT_WORDS = st.sampled_from(["a", "b", "ab", "ba", "c"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ENTRY, min_size=1, max_size=6), st.lists(TEXT_WORDS, max_size=10))
def test_the_lookup_finds_what_the_expression_finds(entries, words):
    """At each word, the longest entry that matches there, as the word list's
    expression finds it (longest entries first, whole words)."""
    text = " ".join(words)
    pattern = re.compile(r"(?<![\w'’-])" + expand_word_lists("{w}", {"w": entries}) + r"(?![\w'’-])")
    expected = []
    position = 0
    while (match := pattern.search(text, position)) is not None:
        expected.append(match.group())
        position = match.end()
    assert [text[m.start : m.end] for m in ClaimLexicon({"c": entries}).find(text)] == expected


def test_the_rule_flags_a_claim_in_a_word_and_not_in_a_source_s_words():
    assert [f.text for f in lint_text("Regulators dragged their feet on the merger.") if f.rule == RULE] == [
        "Regulators dragged their feet on the merger."
    ]
    assert not [f for f in lint_text('"We dragged our feet," the regulator said.') if f.rule == RULE]
    assert not [f for f in lint_text("Regulators dragged their feet, a lawyer said.") if f.rule == RULE]


RULE = "attribution.unattributed"
