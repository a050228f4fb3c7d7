"""`lexicon` rules: words and phrases, matched as whole words.

Terms match as whole words ("may" is not in "mayor"); a phrase matches across any white
space, line breaks included, because wire copy is hard-wrapped mid-phrase. With
`inflect`, the first word of each term also matches its regular inflections, so a rule
lists "appear to" once rather than four times: it also matches "appears to", "appeared
to" and "appearing to". A mapping gives a term a suggestion of its own.

Speed: a sentence is searched only for the terms whose words it holds, and a story
holding none of a rule's words is not searched at all.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from newslint.casefold import fold
from newslint.checks.base import Span, TextCheck, Unit
from newslint.checks.context import Context
from newslint.checks.kind import Kind, Options, ignore_case_option, option
from newslint.checks.prefilter import comparable

# Letters, digits, apostrophes and hyphens continue a word: "may" is not in "mayor",
# "might" is not in "might've", "hedge" is not in "hedge-fund".
_BEFORE = r"(?<![\w'’-])"
_AFTER = r"(?![\w'’-])"
_WORD = re.compile(r"[\w'’-]+")
# Words in most news sentences: a poor choice of key word for a term (speed only).
_COMMON = frozenset(
    """a all an and are as at be but by for from had has have he in is it its not of on only or
said she still that the their they this time to was were when will with would""".split()
)


def inflect_as(word: str, form: str) -> str:
    """The regular `form` ("s", "ed" or "ing") of `word`: appear → appears, appeared,
    appearing; hope → hopes, hoped, hoping; imply → implies, implied, implying."""
    lower = word.lower()
    if lower.endswith("e") and not lower.endswith("ee"):
        return {"s": word + "s", "ed": word + "d", "ing": word[:-1] + "ing"}[form]
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return {"s": word[:-1] + "ies", "ed": word[:-1] + "ied", "ing": word + "ing"}[form]
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return {"s": word + "es", "ed": word + "ed", "ing": word + "ing"}[form]
    return word + form


def inflections(word: str) -> list[str]:
    """Regular English verb and noun forms of `word` (appear → appears, appeared,
    appearing; tend → tends, tended, tending; imply → implies, implied, implying)."""
    return sorted({word, *(inflect_as(word, form) for form in ("s", "ed", "ing"))})


def _phrase_pattern(term: str, inflect: bool) -> str:
    words = term.split()
    first = "|".join(re.escape(form) for form in (inflections(words[0]) if inflect else [words[0]]))
    rest = [re.escape(word) for word in words[1:]]
    return r"\s+".join([f"(?:{first})", *rest])


@dataclass(frozen=True)
class LexiconOptions(Options):
    terms: tuple[str | dict[str, str], ...] = option(
        "Words and phrases; a mapping gives a term its own suggestion.",
        schema={"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/term"}},
    )
    ignore_case: bool = ignore_case_option()
    inflect: bool = option(
        "Also match regular inflections of each term's first word (appear → appears, appeared, appearing).",
        schema={"type": "boolean"},
        default=False,
    )


class LexiconCheck(TextCheck):
    def __init__(self, terms: list[tuple[str, str | None]], ignore_case: bool, inflect: bool) -> None:
        # Longest first, so "could potentially" wins over "could" inside one alternation.
        ordered = sorted(terms, key=lambda term: -len(term[0]))
        self._ordered = [term for term, _ in ordered]
        self._suggestions: dict[str, str | None] = {}
        self._alternatives: list[str] = []  # one per term, in `_ordered`'s order
        for index, (term, suggestion) in enumerate(ordered):
            group = f"t{index}"
            self._suggestions[group] = suggestion
            self._alternatives.append(f"(?P<{group}>{_phrase_pattern(term, inflect)})")
        self._flags = re.IGNORECASE if ignore_case else 0
        self._index = _TermIndex.of(self._ordered, inflect)

    @functools.cached_property
    def _regex(self) -> re.Pattern[str]:
        """Every term in one expression, for terms `_TermIndex` cannot screen. Compiled
        when first needed: in a run of a few stories most lexicons never get past
        `_TermIndex`, and compiling them all is a tenth of the run."""
        return re.compile(_alternation(self._alternatives), self._flags)

    def _regex_for(self, terms: tuple[int, ...]) -> re.Pattern[str]:
        """The expression for just these terms (numbers in `_ordered`), in the same order
        and with the same group names: where the others cannot match, it finds exactly
        what `_regex` does, and a sentence is searched far faster for two terms than for
        three hundred."""
        return _compiled(_alternation([self._alternatives[term] for term in terms]), self._flags)

    @classmethod
    def from_options(cls, options: LexiconOptions) -> LexiconCheck:
        terms: list[tuple[str, str | None]] = []
        for entry in options.terms:
            if isinstance(entry, str):
                terms.append((entry, None))
            else:
                terms.append((entry["term"], entry.get("suggestion")))
        return cls(terms, options.ignore_case, options.inflect)

    def spans(self, text: str) -> list[Span]:
        if self._index is None:
            regex = self._regex
        else:
            terms = self._index.candidates(_words(text))
            if not terms:
                return []  # no term can match here: most sentences, at the cost of a set lookup
            regex = self._regex_for(terms)
        return [self._span(match) for match in regex.finditer(text)]

    def _span(self, match: re.Match[str]) -> Span:
        return match.start(), match.end(), self._suggestions[match.lastgroup or ""]

    def searcher(self, context: Context, units: list[Unit]) -> Callable[[str], list[Span]] | None:
        """None when no unit holds the words of any term: the union of the units' words
        is tested once instead of each unit's."""
        if self._index is None or self._index.may_match(_words_of_all(tuple(text for _, _, text in units))):
            return self.spans
        return None


class _TermIndex:
    """Which texts could hold one of the terms, from the text's set of words (`_words`).

    A match starts and ends on word boundaries (`_BEFORE`, `_AFTER`) and its words are
    separated by white space, so every word of a matched term (up to its first character
    that ends a word: "u" for "U.S.") is a whole word of the text. A text lacking a word
    of every term cannot match. Terms are filed under their longest uncommon word
    ("course" for "of course"), so most texts are turned away by one set operation."""

    def __init__(self, slots_per_term: list[list[frozenset[str]]]) -> None:
        self._by_key: dict[str, list[tuple[int, list[frozenset[str]]]]] = {}
        for number, slots in enumerate(slots_per_term):
            key = max(slots, key=lambda slot: (slot.isdisjoint(_COMMON), min(map(len, slot))))
            for word in key:
                self._by_key.setdefault(word, []).append((number, slots))
        self._keys = frozenset(self._by_key)

    @classmethod
    def of(cls, terms: list[str], inflect: bool) -> _TermIndex | None:
        """None when a term has a word that cannot be compared this way (see `fold`)."""
        slots_per_term = []
        for term in terms:
            words = term.split()
            found = [
                _segments(inflections(words[0]) if inflect else [words[0]]),
                *(_segments([word]) for word in words[1:]),
            ]
            slots = [slot for slot in found if slot is not None]
            if len(slots) < len(found):
                return None
            slots_per_term.append(slots)
        return cls(slots_per_term)

    def may_match(self, words: frozenset[str]) -> bool:
        return bool(self.candidates(words))

    def candidates(self, words: frozenset[str]) -> tuple[int, ...]:
        """The terms (numbered as given) of which `words` holds every word, in order:
        the only ones that can match a text with these words."""
        if self._keys.isdisjoint(words):
            return ()
        return tuple(
            sorted(
                {
                    number
                    for key in self._keys & words
                    for number, slots in self._by_key[key]
                    if all(not slot.isdisjoint(words) for slot in slots)
                }
            )
        )


def _segments(forms: list[str]) -> frozenset[str] | None:
    """Each form's leading run of word characters, folded; None if one cannot be compared."""
    segments = set()
    for form in forms:
        word = _WORD.match(fold(form))
        if word is None or not comparable(word.group()):
            return None
        segments.add(word.group())
    return frozenset(segments)


def _alternation(alternatives: list[str]) -> str:
    """An expression that matches any of `alternatives` as a whole phrase, the first
    listed winning where several match."""
    return f"{_BEFORE}(?:{'|'.join(alternatives)}){_AFTER}"


@functools.lru_cache(maxsize=512)
def _compiled(source: str, flags: int) -> re.Pattern[str]:
    """Compiled once: the same few combinations of terms match sentence after sentence."""
    return re.compile(source, flags)


@functools.lru_cache(maxsize=1024)
def _words(text: str) -> frozenset[str]:
    """The words of `text`, folded, split where lexicon terms must start and end. Every
    lexicon rule looks at the same sentences, so each is split once."""
    return frozenset(_WORD.findall(fold(text)))


@functools.lru_cache(maxsize=4)
def _words_of_all(texts: tuple[str, ...]) -> frozenset[str]:
    """The words of all of a document's units (`_words` of each, not of the document:
    a unit's edge may cut what the whole text has as one word). Every lexicon rule of
    a scope asks for the same document's."""
    return frozenset().union(*map(_words, texts))


KIND = Kind(
    name="lexicon",
    title="words and phrases",
    options=LexiconOptions,
    make=LexiconCheck.from_options,
    placeholders=("match", "suggestion"),
    module_doc=__doc__ or "",
    example="""\
terms:                       # sorted, no duplicates (a test checks)
  - apparently
  - {term: utilize, suggestion: use}
ignore_case: true
inflect: false
""",
)
