"""Genre detection (issue 19): columns, reviews, analysis and reader comments are
checked with the opinion profile, features with the feature profile, unless the user
chose a profile."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import genre
from newslint.genre import detect
from newslint.linter import Linter, Options

COLUMN_BODY = "The plan is a disastrous mistake. It will clearly fail.\n"
NEWS = (
    "The council voted 7-2 on Tuesday to raise water rates by 12 percent.\n\n"
    "The increase takes effect in July, the city said.\n"
)


@pytest.mark.parametrize(
    ("text", "name", "profile"),
    [
        ("Opinion\n\n" + COLUMN_BODY, "opinion", "opinion"),
        ("ANALYSIS: Why the rate rise will not be the last\n\n" + COLUMN_BODY, "analysis", "opinion"),
        ("Review | A slow, lovely film about bees\n\n" + COLUMN_BODY, "review", "opinion"),
        ("# Comment\n\n" + COLUMN_BODY, "comment", "opinion"),
        ("Letters to the editor\n\n" + COLUMN_BODY, "letters", "opinion"),
        ("Feature\n\n" + COLUMN_BODY, "feature", "feature"),
        ("By Ana Ruiz, Opinion columnist\n\n" + COLUMN_BODY, "column", "opinion"),
        ("By Ana Ruiz, film critic\n\n" + COLUMN_BODY, "review", "opinion"),
    ],
)
def test_a_label_or_byline_at_the_top_names_the_genre(text, name, profile):
    genre = detect(text)
    assert genre is not None and (genre.name, genre.profile) == (name, profile)


def test_markdown_front_matter_type_names_the_genre():
    genre = detect("---\ntitle: Bees\ntype: review\n---\n\n" + COLUMN_BODY, "markdown")
    assert genre is not None and (genre.name, genre.profile) == ("review", "opinion")
    assert "front matter type: review" in genre.describe()


def test_front_matter_that_names_no_genre_is_news():
    assert detect("---\ntitle: Rates\ntype: story\n---\n\n" + NEWS, "markdown") is None


def test_reader_comments_are_the_readers():
    thread = "Water rates\n\n" + "".join(f"reader{n} says:\nThey always raise rates.\nReply\n\n" for n in range(3))
    genre = detect(thread)
    assert genre is not None and genre.name == "reader comments"


def test_a_first_person_voice_is_a_column():
    essay = " ".join(
        [
            "I grew up two streets from the plant.",
            "My father worked there for 30 years.",
            "The council says the rise is needed.",
            "I have read the engineers' report twice.",
            "It says the pipes are old.",
            "Nobody disputes that.",
            "But I think the city can pay for them without doubling bills.",
            "The vote is on Tuesday.",
        ]
    )
    genre = detect(essay)
    assert genre is not None and genre.name == "column"


@pytest.mark.parametrize(
    "text",
    [
        NEWS,
        # A quotation's "I" is the source's; a series I share is not a pronoun.
        '"I will not let this pass," the mayor said. ' * 8,
        "The series I and J preferred shares will be redeemed. " * 8,
        # News about a critic, and words that start like labels, are not labels.
        "Critic Roger Ebert died on Thursday.\n\nHe was 70.\n",
        "Review of police overtime finds $4 million overspend\n\nThe city's auditor said on Monday.\n",
        "Feature-length films dominate the festival program, organizers said.\n",
    ],
)
def test_news_is_left_as_news(text):
    assert detect(text) is None


def _lint(tmp_path, name, text, config=None, options=None):
    if config is not None:
        (tmp_path / ".newslint.yaml").write_text(config, encoding="utf-8")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return Linter(options or Options()).lint_path(str(path))


def test_a_detected_column_is_checked_with_the_opinion_profile(tmp_path):
    result = _lint(tmp_path, "column.txt", "Opinion\n\n" + COLUMN_BODY)
    assert result.genre is not None and result.genre.profile == "opinion"
    assert not [f for f in result.findings if f.rule in ("bias.loaded", "bias.certainty")]


def test_news_is_checked_with_the_news_profile(tmp_path):
    result = _lint(tmp_path, "story.txt", COLUMN_BODY)
    assert result.genre is None
    assert {f.rule for f in result.findings} >= {"bias.loaded", "bias.certainty"}


@pytest.mark.parametrize(
    ("config", "options"),
    [
        (None, Options(profile="news")),
        ("profile: news\n", None),
        ('path_profiles:\n  "*.txt": wire\n', None),
    ],
)
def test_a_chosen_profile_wins_over_detection(tmp_path, config, options):
    result = _lint(tmp_path, "column.txt", "Opinion\n\n" + COLUMN_BODY, config, options)
    assert result.genre is None
    assert "bias.loaded" in {f.rule for f in result.findings}


# The fast paths of detection answer exactly as the plain tests they stand in for.

_PIECES = st.sampled_from(
    [
        "I",
        "my",
        "My",
        "me",
        "myself",
        "Myself",
        "mine",
        "Im",
        "I'm",
        "I’ve",
        "time",
        "some",
        "AIM",
        " ",
        "\n",
        "\r\n",
        "\n\n",
        "\u2028",
        ".",
        ",",
        '"',
        "“",
        "”",
        "‘",
        "’",
        "'",
        "-",
        "—",
        "a",
        "went",
        "Opinion",
        "Review:",
        "By Ana Ruiz, film critic",
        "---",
        "type: opinion",
        "x" * 50,
    ]
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_the_first_person_word_scan_is_the_plain_word_search(text):
    assert bool(genre._FIRST_PERSON_WORD.search(text)) == bool(re.search(r"\b(?:I|[Mm]y|me|myself)\b", text))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=80).map("".join), st.integers(min_value=1, max_value=64))
def test_the_first_lines_are_those_of_the_whole_text(text, head):
    expected = [line for line in text.splitlines() if line.strip()][: genre._LABEL_LINES]
    assert genre._first_lines(text, head) == expected


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=80).map("".join))
def test_the_first_person_test_answers_as_without_its_scan(text):
    sentences = [s for s in genre._SENTENCE_END.split(genre._QUOTED.sub(" ", text)) if s.strip()]
    personal = sum(1 for sentence in sentences if genre._FIRST_PERSON.search(sentence))
    plain = len(sentences) >= genre._MIN_SENTENCES and personal >= genre._FIRST_PERSON_SHARE * len(sentences)
    assert (genre._from_first_person(text) is not None) == plain
