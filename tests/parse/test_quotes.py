"""Direct quotations: marks, nesting, apostrophes, inch marks and AP multi-paragraph quotes."""

from __future__ import annotations

import pytest

from newslint.analysis import analyse
from newslint.model import Quote
from newslint.nlp import word_spans


def top_level(text: str) -> list[str]:
    return [text[q.start : q.end] for q in analyse(text).quotes if not q.nested]


def nested(text: str) -> list[str]:
    return [text[q.start : q.end] for q in analyse(text).quotes if q.nested]


def test_straight_double_quotes():
    assert top_level('He said "we will win" and left.') == ['"we will win"']


def test_curly_double_quotes():
    assert top_level("He said “we will win” and left.") == ["“we will win”"]


def test_two_quotes_in_one_paragraph():
    text = '"We will win," she said. "Nobody doubts it."'
    assert top_level(text) == ['"We will win,"', '"Nobody doubts it."']


def test_quote_span_includes_both_marks():
    text = "He said “yes” twice."
    assert analyse(text).quotes == [Quote(8, 13)]


def test_straight_single_quote_nested_in_double():
    text = "\"He told me 'never again' twice,\" she said."
    assert top_level(text) == ["\"He told me 'never again' twice,\""]
    assert nested(text) == ["'never again'"]


def test_curly_single_quote_nested_in_double():
    text = "“The ‘Big Apple’ is big,” she said."
    assert nested(text) == ["‘Big Apple’"]


def test_nested_quote_ending_with_the_outer_one():
    text = "“He said ‘yes.’” Then he left."
    assert top_level(text) == ["“He said ‘yes.’”"]
    assert nested(text) == ["‘yes.’"]


def test_single_quotes_outside_double_quotes_are_not_quotations():
    assert analyse("The 'reform' passed.").quotes == []


@pytest.mark.parametrize(
    "text",
    [
        "\"In the '90s we listened to rock 'n' roll,\" he said.",
        "\"O'Brien and the players' union don't agree,\" he said.",
        "“In the ’90s we listened to rock ’n’ roll,” he said.",
        "“O’Brien and the players’ union don’t agree,” he said.",
        "“In the ‘90s we won,” he said.",
    ],
)
def test_apostrophes_never_open_a_quotation(text):
    assert nested(text) == []
    assert len(top_level(text)) == 1


def test_apostrophes_outside_quotations_open_nothing():
    text = "In the '90s O'Brien's rock 'n' roll band won’t play; the players' union agreed."
    assert analyse(text).quotes == []


def test_apostrophe_inside_a_nested_quote_does_not_close_it():
    text = "\"They called it 'O'Brien's plan' then,\" he said."
    assert nested(text) == ["'O'Brien's plan'"]


def test_inch_mark_does_not_open_a_quotation():
    text = 'The 6\'2" forward bought a 12" pipe. "Yes," he said.'
    assert top_level(text) == ['"Yes,"']


def test_inch_mark_inside_a_quotation_does_not_close_it():
    text = '"He is 6\'2" and fast," the coach said.'
    assert top_level(text) == ['"He is 6\'2" and fast,"']


def test_closing_mark_after_a_digit_closes_the_quotation():
    assert top_level('"We won 3-2," she said.') == ['"We won 3-2,"']


# AP multi-paragraph quotations


def test_ap_multi_paragraph_quote():
    text = "“The first paragraph of the quote.\n\n“The second paragraph,” she said."
    document = analyse(text)
    assert [(text[q.start : q.end], q.continued) for q in document.quotes] == [
        ("“The first paragraph of the quote.", False),
        ("“The second paragraph,”", True),
    ]


def test_ap_multi_paragraph_quote_with_straight_marks_over_three_paragraphs():
    text = '"One.\n\n"Two.\n\n"Three," he said.'
    document = analyse(text)
    assert [q.continued for q in document.quotes] == [False, True, True]
    assert [text[q.start : q.end] for q in document.quotes] == ['"One.', '"Two.', '"Three,"']


def test_quote_after_a_closed_paragraph_is_not_a_continuation():
    text = "“One,” he said.\n\n“Two,” he said."
    assert [q.continued for q in analyse(text).quotes] == [False, False]


def test_continuation_must_open_the_paragraph():
    text = "“One.\n\nHe paused. “Two,” he said."
    assert [q.continued for q in analyse(text).quotes] == [False, False]


def test_each_quote_lies_within_one_paragraph():
    text = "“The first paragraph.\n\n“The second,” she said."
    document = analyse(text)
    for quote in document.quotes:
        assert any(p.start <= quote.start and quote.end <= p.end for p in document.paragraphs)


def test_unclosed_quote_ends_at_its_paragraph():
    text = 'He said "this is never closed.\n\nThe mayor disagreed.'
    document = analyse(text)
    assert top_level(text) == ['"this is never closed.']
    assert document.quotes[0].end == document.paragraphs[0].end
    assert not document.paragraphs[1].sentences[0].quoted


def test_unclosed_quote_does_not_swallow_the_next_paragraphs_quote():
    text = 'He said "this is never closed.\n\nHe added "a new quote" later.'
    assert top_level(text) == ['"this is never closed.', '"a new quote"']
    assert [q.continued for q in analyse(text).quotes] == [False, False]


def test_unclosed_nested_quote_ends_with_its_paragraph():
    text = "“He said ‘never\n\nThe mayor left."
    document = analyse(text)
    assert all(q.end <= document.paragraphs[0].end for q in document.quotes)


# Document.quote_covering


def test_quote_covering_finds_the_enclosing_quote():
    text = "He said “we will win the vote” today."
    document = analyse(text)
    start = text.index("win")
    assert document.quote_covering(start, start + 3) == document.quotes[0]


def test_quote_covering_needs_the_whole_span_inside():
    text = "He said “we will win” today."
    document = analyse(text)
    assert document.quote_covering(text.index("win"), text.index("today")) is None


def test_quote_covering_ignores_nested_quotes():
    text = "“He said ‘never’ twice,” she said."
    document = analyse(text)
    start = text.index("never")
    covering = document.quote_covering(start, start + 5)
    assert covering is not None and not covering.nested
    assert covering.start == 0


def test_quote_covering_outside_any_quote():
    text = "“Yes,” he said. Then he left."
    document = analyse(text)
    assert document.quote_covering(text.index("Then"), len(text)) is None


def test_quote_covering_checks_every_quote():
    text = "“One,” he said. “Two,” she said. “Three,” they said."
    document = analyse(text)
    start = text.index("Three")
    assert document.quote_covering(start, start + 5) == document.quotes[2]


# Typewriter and Penn Treebank style: '' and `` stand for double marks.


def test_two_apostrophes_open_and_close_a_quote():
    text = "The senator called the bill ''a gift to lobbyists'' on Tuesday."
    assert top_level(text) == ["''a gift to lobbyists''"]


def test_backticks_open_and_two_apostrophes_close():
    text = "``We will not back down,'' the mayor said."
    assert top_level(text) == ["``We will not back down,''"]


def test_two_apostrophe_quote_left_open_continues_in_the_next_paragraph():
    text = "''We have work to do.\n\n''And we will finish it,'' she said."
    quotes = analyse(text).quotes
    assert [text[q.start : q.end] for q in quotes] == ["''We have work to do.", "''And we will finish it,''"]
    assert quotes[1].continued


def test_sentence_closing_a_two_apostrophe_quote_is_quoted():
    text = "''We won. We are ready for November.'' Then the crowd cheered."
    document = analyse(text)
    sentences = document.paragraphs[0].sentences
    assert [s.quoted for s in sentences] == [True, True, False]


def test_two_apostrophes_after_a_digit_close_a_quote():
    text = "He called it ''the deal of 1998'' and laughed."
    assert top_level(text) == ["''the deal of 1998''"]


def test_a_single_apostrophe_is_still_no_quote_mark():
    assert top_level("The players' union met at O'Brien's bar.") == []


# Block quotations: web copy sets a quoted paragraph without marks after "X added:".


def test_paragraph_after_an_introduction_of_speech_is_a_block_quote():
    text = "The governor added:\n\nWe will not raise taxes this year.\n\nThe vote is on Monday."
    assert top_level(text) == ["We will not raise taxes this year."]


def test_paragraph_after_a_list_introduction_is_no_quote():
    text = "The schedule (all times EDT):\n\n7 p.m. Polls close in the east."
    assert top_level(text) == []


def test_quoted_spans_agree_with_quote_covering_for_every_word():
    # One pass over the quotations for all of an article's words, as repetition needs,
    # must give what a search per word gives, at every edge of every quotation.
    text = (
        "“One,” he said. ‘Two’ and “three ‘four’ five” six. “Seven” “eight”\n\n"
        'Nine “ten” eleven, "twelve" thirteen “fourteen'
    )
    document = analyse(text)
    spans = word_spans(text)
    starts, ends = [start for start, _ in spans], [end for _, end in spans]
    expected = [document.quote_covering(start, end) is not None for start, end in spans]
    assert any(expected) and not all(expected)
    assert document.quoted_spans(starts, ends) == expected
