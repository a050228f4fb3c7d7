from __future__ import annotations

from newslint.checks.lexicon import LexiconCheck, inflections


def spans(check, text):
    return [text[s:e] for s, e, _ in check.spans(text)]


def test_whole_words_only():
    check = LexiconCheck([("may", None)], ignore_case=True, inflect=False)
    assert spans(check, "The mayor may resign; dismay followed.") == ["may"]


def test_phrase_matches_across_line_breaks():
    check = LexiconCheck([("hedge fund", None)], ignore_case=True, inflect=False)
    assert spans(check, "a hedge\n  fund manager") == ["hedge\n  fund"]


def test_longest_phrase_wins():
    check = LexiconCheck([("could", None), ("could potentially", None)], ignore_case=True, inflect=False)
    assert spans(check, "It could potentially fail.") == ["could potentially"]


def test_case_sensitivity_is_an_option():
    check = LexiconCheck([("Regime", None)], ignore_case=False, inflect=False)
    assert spans(check, "the regime and the Regime") == ["Regime"]


def test_suggestion_travels_with_its_term():
    check = LexiconCheck([("utilize", "use")], ignore_case=True, inflect=True)
    assert [
        (text, suggestion)
        for text, suggestion in ((("We utilized it.")[s:e], sug) for s, e, sug in check.spans("We utilized it."))
    ] == [("utilized", "use")]


def test_inflections_of_regular_verbs():
    assert inflections("appear") == ["appear", "appeared", "appearing", "appears"]
    assert inflections("hope") == ["hope", "hoped", "hopes", "hoping"]
    assert inflections("imply") == ["implied", "implies", "imply", "implying"]
    assert inflections("stress") == ["stress", "stressed", "stresses", "stressing"]


def test_inflected_phrase():
    check = LexiconCheck([("appear to", None)], ignore_case=True, inflect=True)
    assert spans(check, "They appeared to agree and appears to hold.") == ["appeared to", "appears to"]
