"""Build the article model: read → paragraphs → quotations → sentences → attribution.

Data flows one way; rules only ever see the finished `Document`.
"""

from __future__ import annotations

from newslint.attribution import find_attribution
from newslint.model import Document, Paragraph, Sentence
from newslint.nlp import sentence_spans
from newslint.parse import split_paragraphs
from newslint.quotes import find_quotes


def analyse(text: str, path: str = "<text>") -> Document:
    paragraph_spans = split_paragraphs(text)
    quotes = find_quotes(text, paragraph_spans)
    document = Document(path=path, text=text, paragraphs=[], quotes=quotes)
    for index, (start, end) in enumerate(paragraph_spans, start=1):
        paragraph_text = text[start:end]
        paragraph = Paragraph(index=index, start=start, end=end, text=paragraph_text)
        for sentence_start, sentence_end in sentence_spans(paragraph_text):
            absolute_start = start + sentence_start
            absolute_end = start + sentence_end
            sentence_text = text[absolute_start:absolute_end]
            paragraph.sentences.append(
                Sentence(
                    start=absolute_start,
                    end=absolute_end,
                    text=sentence_text,
                    attribution=find_attribution(sentence_text, absolute_start),
                    quoted=document.quote_covering(absolute_start, absolute_end) is not None,
                )
            )
        document.paragraphs.append(paragraph)
    return document
