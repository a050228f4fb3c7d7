"""Vale's text counts for `metric` rules, computed as Vale computes them.

Vale gathers a file's *summary* (its paragraphs, list items and block quotes, one
per chunk followed by a blank line; headings and table cells are left out) and hands it
to its summariser (jdkato/twine `summarize.NewDocument`), whose counts become the
formula's variables: `words` (runs of letters, digits and apostrophes, or an
abbreviation such as "U.S."), `sentences`, `characters` (letters and digits),
`long_words` (more than six bytes) and `paragraphs` (blank-line chunks, less one).

Two differences, both documented in docs/vale.md: sentences are split by newslint's
rule (a full stop, question or exclamation mark, then a word that does not start in
lower case) where Vale uses a trained Punkt model, and the syllable counts
(`syllables`, `complex_words`, `polysyllabic_words`) are not computed at all, since
twine's syllable counter is not reproduced; a formula that uses them is refused.
"""

from __future__ import annotations

import re

COMPUTED = frozenset({"words", "sentences", "characters", "long_words", "paragraphs"})
NOT_COMPUTED = frozenset({"syllables", "complex_words", "polysyllabic_words"})

# twine's WordBoundaryTokenizer: `(?:[A-Z]\.){2,}|[\p{N}\p{L}']+`.
_WORD = re.compile(r"(?:[A-Z]\.){2,}|(?:[^\W_]|')+")
# A sentence ends at . ! or ? (closing quotes and brackets kept with it) before
# white space and a word that does not open in lower case.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[^\sa-z])")


def counts(summary: str) -> dict[str, float]:
    """The text variables of a summary; empty when it holds no word (Vale then gives
    a formula no variables at all, and no alert)."""
    words = sentences = characters = long_words = 0
    chunks = summary.split("\n\n")
    for chunk in chunks:
        for sentence in _sentences(chunk):
            sentences += 1
            for word in _WORD.findall(sentence):
                words += 1
                characters += sum(char.isalnum() for char in word)
                long_words += len(word.encode("utf-8")) > 6
    if words == 0:
        return {}
    return {
        "words": float(words),
        "sentences": float(sentences),
        "characters": float(characters),
        "long_words": float(long_words),
        "paragraphs": float(len(chunks) - 1),
    }


def _sentences(chunk: str) -> list[str]:
    if not chunk.strip():
        return []
    return [part for part in _SENTENCE_END.split(chunk) if part.strip()]
