"""The article model from end to end: paragraphs, sentences, quotations, attribution."""

from __future__ import annotations

from newslint.analysis import analyse

ARTICLE = (
    "Council approves transit budget\n"
    "\n"
    "SPRINGFIELD, Ill. (AP) — The council voted 7-2 on Tuesday to approve the budget. "
    "The plan may raise fares, Mayor Dana Whitfield said.\n"
    "\n"
    "“We heard from riders who work late shifts,” said Council Member Rosa Delgado. "
    "“This may not fix everything.”\n"
    "\n"
    "Analysts say the fare rise could hurt ridership. The budget takes effect July 1.\n"
)


def sentence(document, start_of_text: str):
    for paragraph in document.paragraphs:
        for candidate in paragraph.sentences:
            if candidate.text.startswith(start_of_text):
                return candidate
    raise AssertionError(f"no sentence starts with {start_of_text!r}")


def test_paragraphs_and_sentences():
    document = analyse(ARTICLE)
    assert [len(p.sentences) for p in document.paragraphs] == [1, 2, 2, 2]
    assert document.paragraphs[0].text == "Council approves transit budget"


def test_sentence_offsets_slice_back_to_sentence_text():
    document = analyse(ARTICLE)
    for paragraph in document.paragraphs:
        assert ARTICLE[paragraph.start : paragraph.end] == paragraph.text
        for item in paragraph.sentences:
            assert ARTICLE[item.start : item.end] == item.text
            assert paragraph.start <= item.start < item.end <= paragraph.end


def test_dateline_abbreviation_does_not_split_the_lead():
    document = analyse(ARTICLE)
    assert document.paragraphs[1].sentences[0].text == (
        "SPRINGFIELD, Ill. (AP) — The council voted 7-2 on Tuesday to approve the budget."
    )


def test_quote_only_sentence_is_quoted():
    item = sentence(analyse(ARTICLE), "“This may not fix everything.”")
    assert item.quoted
    assert item.attribution is None


def test_sentence_with_quote_and_attribution_is_not_quoted_but_attributed():
    item = sentence(analyse(ARTICLE), "“We heard")
    assert not item.quoted
    assert item.attribution is not None
    assert item.attribution.source == "Council Member Rosa Delgado"
    assert item.attributed_to_named_source


def test_named_attribution_with_document_offsets():
    item = sentence(analyse(ARTICLE), "The plan may raise fares")
    assert item.attribution is not None
    assert item.attribution.source == "Mayor Dana Whitfield"
    assert ARTICLE[item.attribution.cue_start : item.attribution.cue_end] == "said"
    assert item.start <= item.attribution.cue_start < item.attribution.cue_end <= item.end


def test_vague_attribution():
    item = sentence(analyse(ARTICLE), "Analysts say")
    assert item.attribution is not None
    assert item.attribution.vague
    assert not item.attributed_to_named_source


def test_unattributed_reporter_sentence():
    item = sentence(analyse(ARTICLE), "The budget takes effect")
    assert item.attribution is None
    assert not item.quoted


def test_document_keeps_text_and_path():
    document = analyse(ARTICLE, path="budget.txt")
    assert document.text == ARTICLE
    assert document.path == "budget.txt"


def test_quotes_in_document_order():
    document = analyse(ARTICLE)
    starts = [q.start for q in document.quotes]
    assert starts == sorted(starts)
    assert [ARTICLE[q.start : q.end] for q in document.quotes] == [
        "“We heard from riders who work late shifts,”",
        "“This may not fix everything.”",
    ]


def test_multi_paragraph_quote_sentences_are_quoted():
    text = "“The first part of the quote.\n\n“The second part,” she said."
    document = analyse(text)
    assert document.paragraphs[0].sentences[0].quoted
    assert not document.paragraphs[1].sentences[0].quoted


def test_wire_copy_with_crlf():
    text = "    The dry period means a late harvest,\r\nthe bureau said.\r\n    Arrivals rose.\r\n"
    document = analyse(text)
    assert [p.text for p in document.paragraphs] == [
        "The dry period means a late harvest,\r\nthe bureau said.",
        "Arrivals rose.",
    ]
    assert document.paragraphs[0].sentences[0].attribution is not None


def test_empty_document():
    document = analyse("")
    assert document.paragraphs == []
    assert document.quotes == []
