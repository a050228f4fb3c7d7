"""The shared words, stems and phrase counting behind the repetition pack, and the
per-file repetition statistics."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.analysis import analyse
from newslint.checks.context import Context
from newslint.config import Config, build_rules, load_config
from newslint.nlp import word_spans
from newslint.repetition import (
    WORD_CACHE_SIZE,
    PhraseOptions,
    Use,
    _key_facts,
    lower_form,
    phrase_uses,
    repeated_phrases,
    word_keys,
    words_of,
)
from newslint.statistics import repetition_stats


def test_stems_group_derivations_cleanly():
    keys = word_keys(
        [
            "strategic",
            "strategy",
            "strategically",
            "strategies",
            "cooperate",
            "cooperation",
            "cooperative",
            "cooperated",
        ]
    )
    assert len({keys["strategic"], keys["strategy"], keys["strategically"], keys["strategies"]}) == 1
    assert len({keys["cooperate"], keys["cooperation"], keys["cooperative"], keys["cooperated"]}) == 1


def test_stems_keep_different_words_apart():
    keys = word_keys(["police", "policy", "policies", "internal", "international"])
    assert keys["policy"] == keys["policies"] != keys["police"]
    assert keys["internal"] != keys["international"]


def test_words_know_quotes_names_and_stop_words():
    document = analyse("Russia said “close ties matter” to Iraq.\n\nThe ties were close, Russia said.")
    words = words_of(document)
    at = {(lower, paragraph): index for index, (lower, paragraph) in enumerate(zip(words.lowers, words.paragraphs))}
    assert words.quoted[at["ties", 1]] and not words.quoted[at["ties", 2]]
    assert words.names[at["russia", 1]] and words.names[at["iraq", 1]]
    assert not words.contents[at["said", 1]] and not words.contents[at["the", 2]]


def test_sentence_initial_capital_is_not_a_name_when_the_word_is_used_in_lower_case():
    document = analyse("Strategically, it works. The strategy is new.")
    words = words_of(document)
    assert words.lowers[0] == "strategically" and not words.names[0]


def test_figures_heavy_rows_are_tables():
    document = analyse("Net profit 7,120 vs loss 6,805.\n\nThe company expects higher profit.")
    words = words_of(document)
    assert words.tabular[0] and not words.tabular[-1]


def test_phrase_counting_is_linear_in_article_length():
    # Every position starts at most max_words n-grams: a long article with one phrase
    # repeated everywhere still gives one repeat per use, found quickly.
    text = "Officials praised the strategic partnership again. " * 2000
    repeats = repeated_phrases(words_of(analyse(text)), PhraseOptions())
    assert len(repeats) == 1999


def test_stats_list_phrases_and_words_with_counts(seed_article):
    document = analyse(seed_article.read_text(encoding="utf-8"))
    stats = repetition_stats(document, build_rules(Config()), top=5).as_json()
    assert stats["reporter_words"] > 700
    phrases = {entry["phrase"]: entry for entry in stats["phrases"]}
    assert phrases["close cooperation"] == {"phrase": "close cooperation", "count": 3, "quoted": 1}
    assert phrases["traditionally friendly"]["quoted"] == 1
    words = {entry["word"]: entry for entry in stats["words"]}
    assert words["cooperation"]["count"] == 10
    assert words["strategic"]["forms"] == ["strategic", "strategy"]
    assert len(stats["phrases"]) <= 5 and len(stats["words"]) <= 5


def test_stats_use_the_rule_sets_options_or_the_builtin_ones(tmp_path):
    text = "The plan brings closer cooperation. Closer cooperation is welcome. Closer cooperation helps."
    document = analyse(text)
    assert [p.phrase for p in repetition_stats(document, []).phrases] == ["closer cooperation"]
    config_path = tmp_path / ".newslint.yaml"
    config_path.write_text(
        "rules:\n  repetition.phrase:\n    stop_words: [closer]\n  repetition.word:\n    enabled: false\n",
        encoding="utf-8",
    )
    rules = build_rules(load_config(config_path), "all")  # news leaves the repetition rules off
    stats = repetition_stats(document, rules)
    assert stats.phrases == []
    # The word rule is off, but its built-in options still count the words.
    assert {(w.forms[0], w.count) for w in stats.words} == {("closer", 3), ("cooperation", 3)}


def test_per_word_caches_are_bounded():
    # One run may check 19,000 stories: the caches of lower-case forms and stems must
    # stop growing at a fixed size, not keep every word the run has seen.
    for cached in (lower_form, _key_facts):
        assert cached.cache_info().maxsize == WORD_CACHE_SIZE


def test_lower_forms_drop_a_possessive_whatever_its_case():
    words = ["Russia's", "IRAQ’S", "Strategic", "its"]
    assert [lower_form(word) for word in words] == ["russia", "iraq", "strategic", "its"]


# Few words, so that phrases repeat: content words, a name, stop words, a figure,
# quotation marks and punctuation that end a phrase.
PHRASE_TEXT = st.lists(
    st.sampled_from(
        [
            "strategic",
            "Strategic",
            "strategy",
            "partnership",
            "close",
            "cooperation",
            "Acmetron",
            "the",
            "of",
            "said",
            "7.1",
            "“",
            "”",
            ",",
            ".",
            "\n\n",
        ]
    ),
    max_size=120,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(PHRASE_TEXT, st.integers(1, 3), st.integers(1, 7), st.integers(0, 3))
def test_phrase_uses_agree_with_counting_every_ngram(text, min_words, max_words, min_content_words):
    # phrase_uses only extends places where a repeated pair of stems starts; counting
    # every n-gram from every word must find the same phrases and uses.
    words = words_of(analyse(text))
    options = PhraseOptions(min_words=min_words, max_words=max_words, min_content_words=min_content_words)
    every: dict[tuple[str, ...], list[Use]] = defaultdict(list)
    for first in range(len(words)):
        for last in range(first + 1, min(first + max_words, len(words))):
            phrase = range(first, last + 1)
            if any(words.chunks[i] != words.chunks[first] or words.quoted[i] != words.quoted[first] for i in phrase):
                break
            ordinary = sum(1 for i in phrase if words.contents[i] and not words.names[i])
            if (
                words.contents[first]
                and not words.tabular[first]
                and words.contents[last]
                and len(phrase) >= min_words
                and ordinary >= min_content_words
            ):
                every[tuple(words.stems[i] for i in phrase)].append(Use(first, last, words.quoted[first]))
    assert phrase_uses(words, options) == {key: uses for key, uses in every.items() if len(uses) > 1}


def test_the_rule_and_the_statistics_share_one_count():
    words = words_of(analyse("The strategic partnership grew. The strategic partnership held."))
    assert phrase_uses(words, PhraseOptions(min_count=4)) is phrase_uses(words, PhraseOptions(min_count=2))


def test_shared_counts_give_what_counting_anew_gives(seed_article):
    # The rules count first and the statistics reuse their counts (phrase uses, stem
    # uses): the figures must be those of an article nothing has counted yet.
    text = seed_article.read_text(encoding="utf-8")
    rules = build_rules(Config(), "all")  # news leaves the repetition rules off
    fresh = repetition_stats(analyse(text), rules).as_json()
    context = Context(analyse(text))
    findings = [
        finding for rule in rules if rule.id.startswith("repetition.") for finding in rule.check.find(context, rule, [])
    ]
    assert findings and context.words().counted
    assert repetition_stats(context, rules).as_json() == fresh


@settings(max_examples=200, deadline=None)
@given(PHRASE_TEXT)
def test_words_are_found_where_they_are(text):
    # Offsets come from the lengths of each sentence's words and gaps: they must agree
    # with word_spans, and index_at must find nothing where no word starts.
    document = analyse(text)
    words = words_of(document)
    spans = [
        (sentence.start + start, sentence.start + end)
        for paragraph in document.paragraphs
        for sentence in paragraph.sentences
        for start, end in word_spans(sentence.text)
    ]
    assert list(zip(words.starts, words.ends)) == spans
    for index, (start, _end) in enumerate(spans):
        assert words.index_at(start) == index
        assert words.index_at(start + 1) is None
    assert words.index_at(len(text)) is None
