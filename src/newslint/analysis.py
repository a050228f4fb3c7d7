"""Build the article model: parse → paragraphs → quotations → sentences → attribution →
who speaks in each clause.

Data flows one way; rules only ever see the finished `Document`. For Markdown and HTML
the document's text is the parser's analysis text (markup blanked out, same offsets as
the file), so rules never match syntax, URLs or code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslint.attribution import finders
from newslint.model import Document, Paragraph, Quote, Sentence
from newslint.nlp import sentence_spans
from newslint.parse import parse
from newslint.quotes import find_quotes
from newslint.voice import read_voices

if TYPE_CHECKING:
    from newslint.attribution.lexicon import Lexicon


def analyse(
    source: str,
    path: str = "<text>",
    input_format: str = "text",
    front_matter_fields: tuple[str, ...] = (),
    lexicon: Lexicon | None = None,
) -> Document:
    """The document, its attribution read with `lexicon`'s cues (a desk's config may
    extend them: `Config.lexicon`), else the shipped ones."""
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
        for sentence_start, sentence_end in sentence_spans(paragraph_text):
            absolute_start = start + sentence_start
            absolute_end = start + sentence_end
            sentence_text = text[absolute_start:absolute_end]
            paragraph.sentences.append(
                Sentence(
                    start=absolute_start,
                    end=absolute_end,
                    text=sentence_text,
                    attribution=cues.find_attribution(sentence_text, absolute_start),
                    quoted=document.quote_covering(absolute_start, absolute_end) is not None,
                )
            )
        document.paragraphs.append(paragraph)
    read_voices(document, cues)
    return document


def _with_block_quotations(found: list[Quote], blocks: list[tuple[int, int]]) -> list[Quote]:
    """Quotations the markup declares (a `>` block, a <blockquote>) replace the quotation
    marks found inside them: the whole block is the source's words."""
    if not blocks:
        return found
    declared = [Quote(start, end) for start, end in blocks]
    inside = [q for q in found if not any(b.start <= q.start and q.end <= b.end for b in declared)]
    return sorted(inside + declared, key=lambda q: (q.start, -q.end))
