"""`lexicon` rules: words and phrases, matched as whole words.

A phrase matches across any run of white space, line breaks included, because wire copy
is hard-wrapped mid-phrase. With `inflect`, the first word of each term also matches its
regular inflections, so a rule lists "appear to" once rather than four times.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from newslint.checks.base import TextCheck

# Letters, digits, apostrophes and hyphens continue a word: "may" is not in "mayor",
# "might" is not in "might've", "hedge" is not in "hedge-fund".
_BEFORE = r"(?<![\w'’-])"
_AFTER = r"(?![\w'’-])"


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
        flags = re.IGNORECASE if ignore_case else 0
        self._regex = re.compile(f"{_BEFORE}(?:{'|'.join(alternatives)}){_AFTER}", flags)

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
        for match in self._regex.finditer(text):
            yield match.start(), match.end(), self._suggestions[match.lastgroup]
