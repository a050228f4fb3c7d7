"""`lexicon` rules: words and phrases, matched as whole words.

A phrase matches across any run of white space, line breaks included, because wire copy
is hard-wrapped mid-phrase. With `inflect`, the first word of each term also matches its
regular inflections, so a rule lists "appear to" once rather than four times.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from newslint.checks.base import TextCheck
from newslint.checks.prefilter import comparable, fold

# Letters, digits, apostrophes and hyphens continue a word: "may" is not in "mayor",
# "might" is not in "might've", "hedge" is not in "hedge-fund".
_BEFORE = r"(?<![\w'’-])"
_AFTER = r"(?![\w'’-])"
_WORD = re.compile(r"[\w'’-]+")


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


class LexiconCheck(TextCheck):
    def __init__(self, terms: list[tuple[str, str | None]], ignore_case: bool, inflect: bool) -> None:
        # Longest first, so "could potentially" wins over "could" inside one alternation.
        ordered = sorted(terms, key=lambda term: -len(term[0]))
        self._ordered = [term for term, _ in ordered]
        self._suggestions: dict[str, str | None] = {}
        alternatives = []
        for index, (term, suggestion) in enumerate(ordered):
            group = f"t{index}"
            self._suggestions[group] = suggestion
            alternatives.append(f"(?P<{group}>{_phrase_pattern(term, inflect)})")
        self._source = f"{_BEFORE}(?:{'|'.join(alternatives)}){_AFTER}"
        self._flags = re.IGNORECASE if ignore_case else 0
        self._first_words = _first_words([term for term, _ in terms], inflect)

    @functools.cached_property
    def _regex(self) -> re.Pattern[str]:
        """Compiled when first needed: in a run of a few stories most lexicons never
        get past `_first_words`, and compiling them all is a tenth of the run."""
        return re.compile(self._source, self._flags)

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> LexiconCheck:
        terms = []
        for entry in options["terms"]:
            if isinstance(entry, str):
                terms.append((entry, None))
            else:
                terms.append((entry["term"], entry.get("suggestion")))
        return cls(terms, options.get("ignore_case", True), options.get("inflect", False))

    def spans(self, text: str) -> Iterator[tuple[int, int, str | None]]:
        if self._first_words is not None and self._first_words.isdisjoint(_words(text)):
            return  # none of the terms can start here: most sentences, at the cost of a set lookup
        for match in self._regex.finditer(text):
            yield match.start(), match.end(), self._suggestions[match.lastgroup]


def _first_words(terms, inflect: bool) -> frozenset[str] | None:
    """The words, as `_words` finds them, that a match must start with: each term's
    first word (and its inflections), up to its first character that ends a word
    ("u" for "U.S."). A match starts where a word starts and its first word ends where
    a word ends (`_BEFORE`, then white space or `_AFTER`), so a text without one of
    these words cannot match. None when a term's first word cannot be compared this way."""
    words = set()
    for term in terms:
        first = term.split()[0]
        for form in inflections(first) if inflect else [first]:
            word = _WORD.match(fold(form))
            if word is None or not comparable(word.group()):
                return None
            words.add(word.group())
    return frozenset(words)


@functools.lru_cache(maxsize=1024)
def _words(text: str) -> frozenset[str]:
    """The words of `text`, folded, split where lexicon terms must start and end. Every
    lexicon rule looks at the same sentences, so each is split once."""
    return frozenset(_WORD.findall(fold(text)))
