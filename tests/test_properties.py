"""Properties of the article model that must hold for any text, however malformed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.analysis import analyse
from newslint.attribution import find_attribution
from newslint.nlp import word_spans
from newslint.positions import LineIndex

# Letters (a few capitals and accents), white space, every line ending, all the quote
# marks, and the punctuation that sentence splitting and attribution look at.
CHARACTERS = "abcdeimnstuMNSTUé  \t\n\n\r.,?!“”\"'’‘6-—("
NEWS_WORDS = st.sampled_from(
    ["said", " Smith", "Mr.", "U.S.", "p.m.", "The", "analysts", "according to", "is said to", "\r\n", "    "]
)
TEXT = st.one_of(
    st.text(alphabet=CHARACTERS, max_size=200),
    st.lists(st.one_of(st.text(alphabet=CHARACTERS, max_size=3), NEWS_WORDS), max_size=80).map("".join),
)

FAST = settings(max_examples=200, deadline=None)


@FAST
@given(TEXT)
def test_paragraphs_are_ordered_disjoint_and_inside_the_text(text):
    document = analyse(text)
    previous_end = 0
    for paragraph in document.paragraphs:
        assert previous_end <= paragraph.start < paragraph.end <= len(text)
        assert text[paragraph.start : paragraph.end] == paragraph.text
        assert paragraph.text == paragraph.text.strip()
        previous_end = paragraph.end


@FAST
@given(TEXT)
def test_sentences_are_ordered_and_inside_their_paragraph(text):
    document = analyse(text)
    for paragraph in document.paragraphs:
        previous_end = paragraph.start
        for sentence in paragraph.sentences:
            assert previous_end <= sentence.start < sentence.end <= paragraph.end
            assert text[sentence.start : sentence.end] == sentence.text
            previous_end = sentence.end


@FAST
@given(TEXT)
def test_attribution_cue_lies_inside_its_sentence(text):
    for paragraph in analyse(text).paragraphs:
        for sentence in paragraph.sentences:
            if sentence.attribution is not None:
                assert sentence.start <= sentence.attribution.cue_start < sentence.attribution.cue_end <= sentence.end


@FAST
@given(TEXT)
def test_every_quote_lies_inside_one_paragraph(text):
    document = analyse(text)
    previous_start = -1
    for quote in document.quotes:
        assert quote.start < quote.end
        assert sum(p.start <= quote.start and quote.end <= p.end for p in document.paragraphs) == 1
        assert previous_start <= quote.start
        previous_start = quote.start


@FAST
@given(st.text(max_size=200))
def test_find_attribution_accepts_any_text(sentence):
    found = find_attribution(sentence, 10)
    if found is not None:
        assert 10 <= found.cue_start < found.cue_end <= 10 + len(sentence)


def _position_by_hand(text: str, offset: int) -> tuple[int, int]:
    """Walk the text: "\n" and a lone "\r" end a line; the "\r" of "\r\n" does not."""
    line, column = 1, 1
    for index, char in enumerate(text[:offset]):
        if char == "\n" or (char == "\r" and text[index + 1 : index + 2] != "\n"):
            line, column = line + 1, 1
        else:
            column += 1
    return line, column


@FAST
@given(TEXT, st.data())
def test_line_index_agrees_with_counting_by_hand(text, data):
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert LineIndex(text).position(offset) == _position_by_hand(text, offset)


@FAST
@given(TEXT)
def test_linting_never_raises_and_findings_agree_with_the_text(text):
    from newslint import lint_text

    index = LineIndex(text)
    for finding in lint_text(text):
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        assert index.position(finding.start) == _position_by_hand(text, finding.start)
        assert index.position(finding.end) == _position_by_hand(text, finding.end)


@FAST
@given(TEXT)
def test_quoted_spans_agree_with_quote_covering(text):
    document = analyse(text)
    spans = [
        (sentence.start + start, sentence.start + end)
        for paragraph in document.paragraphs
        for sentence in paragraph.sentences
        for start, end in word_spans(sentence.text)
    ]
    starts, ends = [start for start, _ in spans], [end for _, end in spans]
    assert document.quoted_spans(starts, ends) == [document.quote_covering(*span) is not None for span in spans]
