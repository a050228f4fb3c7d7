"""repetition.opener: runs of sentences or paragraphs that open with the same word."""

from __future__ import annotations

from newslint import lint_text


def openers(text: str, **kwargs) -> list[tuple[str, str, int]]:
    found = []
    for finding in lint_text(text, select=["repetition.opener"], profile="all", **kwargs):
        assert text[finding.start : finding.end] == finding.text
        found.append((finding.text, finding.message, finding.start))
    return found


def test_three_sentences_in_a_row():
    text = "This plan cuts taxes. This change helps families. this is new."
    assert openers(text) == [
        ("this", "3 sentences in a row open with 'this' (from ¶1) — vary the openings", text.rindex("this"))
    ]


def test_a_run_is_reported_once_with_its_length():
    text = "Also one. Also two. Also three. Also four. Then five."
    assert [(t, m) for t, m, _ in openers(text)] == [
        ("Also", "4 sentences in a row open with 'Also' (from ¶1) — vary the openings")
    ]


def test_runs_continue_across_paragraphs():
    text = "Still, prices rose.\n\nStill, wages fell.\n\nStill, nobody moved."
    assert [m for _, m, _ in openers(text)] == ["3 sentences in a row open with 'Still' (from ¶1) — vary the openings"]


def test_paragraphs_that_open_alike():
    text = (
        "In March, rates rose. Prices followed.\n\nIn April, rates fell. Prices held.\n\n"
        "In May, nothing changed. Prices held again."
    )
    assert [m for _, m, _ in openers(text)] == ["3 paragraphs in a row open with 'In' (from ¶1) — vary the openings"]


def test_two_is_not_a_run_and_a_different_opener_breaks_it():
    assert openers("This one. This two. That three. This four. This five.") == []


def test_ignored_words_quotes_and_names_break_runs():
    assert openers("The plan cut taxes. The change helped. The cut was the first.") == []
    assert openers("“We will win,” she said. “We have the votes.” “We will not back down.”") == []
    assert openers("Acmetron said sales rose. Acmetron expects more. Acmetron will hire.") == []
    assert (
        openers(
            "New Haven Gas said sales rose. New Haven Water agreed. New Haven Gas will hire. "
            "The new plan starts in May."
        )
        == []
    )


def test_table_rows_are_not_sentences_that_open_alike():
    text = (
        "Net profit 7.1 mln vs 6.8 mln\n\nNet sales 40.1 mln vs 38.2 mln\n\nNet loss 2.1 mln vs 3.3 mln\n\n"
        "The net result was a loss."
    )
    assert openers(text) == []


def test_run_length_from_config(tmp_path):
    text = "This one. This two. That three."
    config = tmp_path / ".newslint.yaml"
    config.write_text("rules:\n  repetition.opener:\n    sentences: 2\n", encoding="utf-8")
    assert [t for t, _, _ in openers(text, config_path=str(config))] == ["This"]
    config.write_text("rules:\n  repetition.opener:\n    sentences: 2\n    ignore_words: [this]\n", encoding="utf-8")
    assert openers(text, config_path=str(config)) == []
