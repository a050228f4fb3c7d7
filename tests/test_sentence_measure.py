"""What a copy desk counts in a sentence: the lede, the reporter's words, lists."""

from __future__ import annotations

from newslint import lint_text
from newslint.analysis import analyse
from newslint.nlp import count_words, word_spans
from newslint.sentence_measure import counted_word_spans, dateline_end, is_list, lede


def test_the_lede_is_the_first_sentence_of_the_first_prose_paragraph():
    document = analyse("COUNCIL RAISES RATES\n\nBy Ana Ruiz\n\nThe council raised rates. It voted 7-2.")
    first = lede(document)
    assert first is not None and first.text == "The council raised rates."


def test_a_story_without_prose_has_no_lede():
    assert lede(analyse("COUNCIL RAISES RATES")) is None


def test_quoted_words_are_the_sources():
    document = analyse('"We will appeal the ruling as soon as we can," she said on Monday.')
    sentence = document.paragraphs[0].sentences[0]
    words = counted_word_spans(document, sentence, skip_quotes=True, is_lede=False)
    assert [document.text[start:end] for start, end in words] == ["she", "said", "on", "Monday"]
    assert len(counted_word_spans(document, sentence, skip_quotes=False, is_lede=False)) == 14


def test_a_ledes_dateline_is_not_its_words():
    for dateline in ("LA JUNTA, Colo. (AP) — ", "DENVER (Reuters) - ", "SAN FRANCISCO — ", "NEW YORK, March 3 - "):
        document = analyse(dateline + "The board voted 4-3 on Monday.")
        sentence = document.paragraphs[0].sentences[0]
        assert document.text[dateline_end(sentence) :] == "The board voted 4-3 on Monday."
        assert len(counted_word_spans(document, sentence, skip_quotes=True, is_lede=True)) == 6
    for opening in ("The board voted 4-3 on Monday.", "NATO allies met on Monday.", "A - B talks resumed."):
        sentence = analyse(opening).paragraphs[0].sentences[0]
        assert dateline_end(sentence) == sentence.start, opening


def test_a_long_sentence_is_marked_from_the_first_word_over_the_limit():
    body = " ".join(f"w{i}" for i in range(1, 46)) + "."
    findings = [f for f in lint_text("The council met.\n\n" + body) if f.rule == "readability.long-sentence"]
    assert [(f.text, f.message.split(" ")[0]) for f in findings] == [("w41 w42 w43 w44 w45.", "45-word")]


def test_a_36_word_lede_after_a_dateline_is_within_the_limit():
    lede_words = " ".join(f"w{i}" for i in range(1, 36)) + "."
    assert not [f for f in lint_text("LA JUNTA, Colo. (AP) — " + lede_words) if f.rule == "readability.long-lede"]
    assert [f.text for f in lint_text(lede_words[:-1] + " w36.") if f.rule == "readability.long-lede"] == ["w36."]


def test_lists_are_bullets_numbers_or_semicolon_series():
    assert is_list("- Acme, with Delta Steel")
    assert is_list("2. Northgate Construction")
    assert is_list("The bidders are Acme, with Delta; Northgate; and Riverside.")
    assert not is_list("The bidders, Acme and Northgate, lost; Riverside won.")
    assert not is_list("-40 degrees was the low.")
    assert is_list("Tunisia tendered for wheat...Egypt withdrew its tender...Morocco will tender Thursday.")
    assert is_list(
        "Rain totalled 50 mm in Corrientes, 31 mm in San Luis, 30 mm in Entre Rios, 20 mm in Misiones,"
        " 17 mm in Formosa, 12 mm in Chaco and 9 mm in Salta, the service said."
    )
    assert not is_list(
        "The council voted on Tuesday to approve the plan, which had been debated for two years, and which critics"
        " in both parties, and some residents, had attacked as too expensive, too slow and too dependent on aid."
    )


def test_lede_and_body_have_their_own_limits():
    lede_words = " ".join(["word"] * 37) + "."
    body_words = " ".join(["word"] * 37) + "."
    rules = [f.rule for f in lint_text(f"{lede_words}\n\n{body_words}") if f.rule.startswith("readability")]
    assert rules == ["readability.long-lede"]  # 37 words: over the lede's 35, under the body's 40


def test_a_long_quotation_does_not_make_a_long_sentence():
    quote = " ".join(["word"] * 45)
    text = f'The council met.\n\n"{quote}," the mayor said.'
    assert not [f for f in lint_text(text) if f.rule.startswith("readability")]


def test_a_figure_is_one_word_however_it_is_punctuated():
    # A copy desk counts "21,782,929" and "6-1/8" as one word each; split at the commas
    # and the slash, figure-heavy wire sentences crossed the lede and body limits.
    assert count_words("crushed 21,782,929 bushels at 6-1/8 pct") == 6
    assert count_words("one, two, 3, 4") == 4  # a list's commas still separate
    text = "1,274 cases"
    assert [text[start:end] for start, end in word_spans(text)] == ["1,274", "cases"]


def test_a_wire_ticker_is_not_a_word_and_a_slash_compound_is_one():
    """Reuters puts a listed company's symbol in angle brackets: "General Motors Corp
    <GM>" is three words, and "Royal Dutch/Shell" two, as a desk counts them."""
    document = analyse("General Motors Corp <GM> and Royal Dutch/Shell Group <RD.AS> bought A/S shares.")
    sentence = document.paragraphs[0].sentences[0]
    words = counted_word_spans(document, sentence, skip_quotes=True, is_lede=False)
    assert [document.text[start:end] for start, end in words] == [
        "General", "Motors", "Corp", "and", "Royal", "Dutch/Shell", "Group", "bought", "A/S", "shares",
    ]  # fmt: skip
    named = analyse("Shares of <Hong Kong and Shanghai Banking Corp> rose.").paragraphs[0]
    assert len(counted_word_spans(analyse(named.text), named.sentences[0], skip_quotes=True, is_lede=False)) == 9
