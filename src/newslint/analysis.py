"""Build the article model: parse → paragraphs → quotations → sentences → attribution →
who speaks in each clause.

Data flows one way; rules only ever see the finished `Document`. For Markdown and HTML
the document's text is the parser's analysis text (markup blanked out, same offsets as
the file), so rules never match syntax, URLs or code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from newslint.attribution import finders
from newslint.attribution.finders import Cues
from newslint.clauses import Span, clause_spans
from newslint.model import Attribution, Document, Paragraph, Quote, Sentence
from newslint.nlp import sentence_spans
from newslint.parse import parse
from newslint.quotes import find_quotes
from newslint.voice import read_voices

if TYPE_CHECKING:
    from newslint.attribution.lexicon import Lexicon

# A paragraph's sentences: (start, end, first attribution cue), at document offsets.
SentenceSpans = list[tuple[int, int, Attribution | None]]


def sentences_of(paragraph_text: str, start: int, cues: Cues = finders.SHIPPED) -> SentenceSpans:
    """The sentences of a paragraph that starts at document offset `start`, each with its
    first attribution cue read with `cues`. They depend on the paragraph's own text alone
    (moved by `start`), so the language server keeps them for paragraphs an edit left
    alone."""
    found: SentenceSpans = []
    for sentence_start, sentence_end in sentence_spans(paragraph_text):
        sentence_text = paragraph_text[sentence_start:sentence_end]
        found.append(
            (start + sentence_start, start + sentence_end, cues.find_attribution(sentence_text, start + sentence_start))
        )
    return found


def analyse(
    source: str,
    path: str = "<text>",
    input_format: str = "text",
    front_matter_fields: tuple[str, ...] = (),
    lexicon: Lexicon | None = None,
    sentences: Callable[[str, int, Cues], SentenceSpans] = sentences_of,
    clauses: Callable[[str, list[tuple[int, int]]], list[Span]] = clause_spans,
) -> Document:
    """The article model of `source`, its attribution read with `lexicon`'s cues (a desk's
    config may extend them: `Config.lexicon`), else the shipped ones. `sentences` splits
    each paragraph and `clauses` each sentence (the language server passes ones that
    remember what they have split before)."""
    cues = finders.SHIPPED if lexicon is None else finders.cues_for(lexicon)
    parsed = parse(source, input_format, front_matter_fields=front_matter_fields)
    text = parsed.text
    paragraph_spans = [(block.start, block.end) for block in parsed.blocks]
    quotes = _with_block_quotations(find_quotes(text, paragraph_spans), parsed.quotations)
    document = Document(path=path, text=text, paragraphs=[], quotes=quotes, lexicon=lexicon)
    for index, block in enumerate(parsed.blocks, start=1):
        start, end = block.start, block.end
        paragraph_text = text[start:end]
        paragraph = Paragraph(index=index, start=start, end=end, text=paragraph_text, kind=block.kind)
        for sentence_start, sentence_end, attribution in sentences(paragraph_text, start, cues):
            paragraph.sentences.append(
                Sentence(
                    start=sentence_start,
                    end=sentence_end,
                    text=text[sentence_start:sentence_end],
                    attribution=attribution,
                    quoted=document.quote_covering(sentence_start, sentence_end) is not None,
                )
            )
        document.paragraphs.append(paragraph)
    read_voices(document, cues, clauses)
    return document


def _with_block_quotations(found: list[Quote], blocks: list[tuple[int, int]]) -> list[Quote]:
    """Quotations the markup declares (a `>` block, a <blockquote>) replace the quotation
    marks found inside them: the whole block is the source's words."""
    if not blocks:
        return found
    declared = [Quote(start, end) for start, end in blocks]
    inside = [q for q in found if not any(b.start <= q.start and q.end <= b.end for b in declared)]
    return sorted(inside + declared, key=lambda q: (q.start, -q.end))
