"""Vale's `spelling` rule type (and its built-in `Vale.Spelling`), on Hunspell
dictionaries read by `spylls`, a pure-Python Hunspell (optional: `newslint[vale]`).

Semantics follow Vale's source (internal/check/spelling.go, internal/nlp/tokenize.go,
internal/spell): a block is split at white space; each piece loses leading `$ ( " [ '`
and trailing `, ) " ] ! ; . ? : '` (an abbreviation such as "e.g." or "Dr." is kept
whole) and is dropped if it holds no letter; a word any filter finds (the rule's
`filters`, then Vale's defaults unless `custom: true`) is skipped; the rest must be in
a dictionary, as written or in lower case, in an `ignore` word list, or match the
vocabulary's accepted terms. Dictionaries: `aff` and `dic` named, or `dictionaries`
looked up in `dicpath` (default `<StylesPath>/config/dictionaries`), or the default
English one; `append: true` adds the default to the named ones.

The default dictionary differs from Vale's: Vale embeds its own en_US-web (SCOWL), which
is not available offline here, so newslint uses the SCOWL en_US that spylls ships. A
word one list holds and the other lacks is judged differently (docs/vale.md).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Protocol

from newslint.vale.checks import FileState, Hit, RuleError, format_message, lift_flags

# Vale's default filters: file names, abbreviations, hex numbers, hyphenated and
# camel-case words, anything with a digit, words ending in capitals, anything with a
# character outside [A-Za-z0-9_], dotted names, handles. Go's `\w` is ASCII.
DEFAULT_FILTERS = tuple(
    re.compile(pattern, re.ASCII)
    for pattern in (
        r"(?:\w+)?\.\w{1,4}\b",
        r"\b(?:[a-zA-Z]\.){2,}",
        r"0[xX][0-9a-fA-F]+",
        r"\w+-\w+",
        r"[A-Z]{1}[a-z]+[A-Z]+\w+",
        r"[0-9]",
        r"[A-Z]+$",
        r"\W",
        r"\w{3,}\.\w{3,}",
        r"@.*\b",
    )
)
FIELDS = frozenset({"custom", "filters", "ignore", "dicpath", "dictionaries", "aff", "dic", "append"})
_SPECIAL = re.compile(r"^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$")
_PREFIXES = ("$", "(", '"', "[", "'")
_SUFFIXES = (",", ")", '"', "]", "!", ";", ".", "?", ":", "'")
_SANITIZE = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
DEFAULT_DICTIONARY = "en_US"  # spylls' bundled SCOWL en_US


class Lexicon(Protocol):
    def lookup(self, word: str) -> bool: ...


def available() -> bool:
    """Whether the optional Hunspell reader is installed."""
    try:
        import spylls.hunspell  # noqa: F401
    except ImportError:
        return False
    return True


def words(text: str) -> list[tuple[int, int]]:
    """The spans of the words Vale's tokeniser gives for `text` (its `iterTokenizer`)."""
    clean = text.translate(_SANITIZE)
    spans = []
    for piece in re.finditer(r"\S+", clean):
        start, end = piece.span()
        while start < end:
            token = clean[start:end]
            if _SPECIAL.match(token):
                break
            if token.startswith(_PREFIXES):
                start += 1
            elif token.endswith(_SUFFIXES):
                end -= 1
            else:
                break
        if start < end and any(char.isalpha() for char in clean[start:end]):
            spans.append((start, end))
    return spans


# A dictionary to read: its .aff and .dic files, or None for the default one.
Source = tuple[str, str] | None
DEFAULT_NOTE = (
    "spelling uses the SCOWL en_US dictionary spylls ships in place of Vale's en_US-web "
    "(not available offline): a few words are judged differently"
)


@dataclass
class Spelling:
    sources: list[Source]
    ignored: frozenset[str]
    filters: tuple[re.Pattern[str], ...]
    accepted: re.Pattern[str] | None
    message: str
    # Each word's answer, once a run: a story says "the" and "said" dozens of times, and
    # each lookup walks a pure-Python Hunspell (spylls).
    _known: dict[str, bool] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def uses_default(self) -> bool:
        return None in self.sources

    def known(self, word: str) -> bool:
        answer = self._known.get(word)
        if answer is None:
            answer = self._known[word] = self._look_up(word)
        return answer

    def _look_up(self, word: str) -> bool:
        lower = word.lower()
        if word in self.ignored or lower in self.ignored:
            return True
        return any(lexicon.lookup(word) or lexicon.lookup(lower) for lexicon in self._lexicons())

    def _lexicons(self) -> list[Lexicon]:
        """The dictionaries, read on the first word checked (once a process each): a
        run that loads a style but never checks its spelling does not pay for them."""
        return [_default() if source is None else _dictionary(*source) for source in self.sources]

    def run(self, text: str, state: FileState) -> list[Hit]:
        hits = []
        clean = text.translate(_SANITIZE)
        for start, end in words(text):
            word = clean[start:end]
            if any(f.search(word) for f in self.filters):
                continue
            if self.known(word) or (self.accepted is not None and self.accepted.search(word)):
                continue
            hits.append(Hit(start, end, format_message(self.message, word)))
        return hits


def build(data: dict[str, Any], path: str, message: str, accepted: list[str], styles_path: str | None) -> Spelling:
    """A `spelling` rule from its YAML fields; the dictionaries are read once per run."""
    if not available():
        raise RuleError(
            f"{path}: field extends: 'spelling' is not supported (needs a Hunspell dictionary engine: "
            "pip install 'newslint[vale]')"
        )
    filters: list[re.Pattern[str]] = []
    for raw in _strings(data.get("filters"), "filters", path):
        try:
            filters.append(re.compile(raw, re.ASCII))
        except re.error as error:
            raise RuleError(f"{path}: field filters: the pattern {raw!r} does not compile ({error})") from None
    if not data.get("custom", False):
        filters.extend(DEFAULT_FILTERS)
    root = styles_path or ""
    ignored: set[str] = set()
    for name in _strings(data.get("ignore"), "ignore", path):
        ignored |= _word_list(name, root, path)
    return Spelling(
        _sources(data, path, root),
        frozenset(ignored),
        tuple(filters),
        # An entry may open with its own flags ("(?i)...", as Vale allows), legal in
        # Python only at the start: each is lifted to a group, as Vale.Terms' are.
        re.compile("(?i)" + "|".join(lift_flags(word) for word in accepted)) if accepted else None,
        message,
    )


def _strings(value: object, key: str, path: str) -> list[str]:
    if value is None:
        return []
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise RuleError(f"{path}: field {key}: expected a string or a list of strings")
    return list(values)


def _word_list(name: str, root: str, path: str) -> set[str]:
    """An `ignore` file: one word a line, from the StylesPath or the current folder."""
    for candidate in (os.path.join(root, name), os.path.abspath(name)):
        if os.path.isfile(candidate):
            with open(candidate, encoding="utf-8", errors="replace") as handle:
                return {line.strip() for line in handle if line.strip() and line.strip() != "#"}
    raise RuleError(f"{path}: field ignore: word list {name!r} not found")


def _sources(data: dict[str, Any], path: str, root: str) -> list[Source]:
    """The dictionaries a rule reads, found now (a missing one is named at load time)."""
    aff, dic = data.get("aff"), data.get("dic")
    if aff and dic:
        aff_path, dic_path = _asset(str(aff), root), _asset(str(dic), root)
        if aff_path and dic_path:
            return [(aff_path, dic_path)]
    sources: list[Source] = []
    names = _strings(data.get("dictionaries"), "dictionaries", path)
    if names:
        dicpath = str(data.get("dicpath") or os.path.join("config", "dictionaries"))
        folders = [dicpath] if os.path.isabs(dicpath) else [os.path.join(root, dicpath), os.path.abspath(dicpath)]
        for name in names:
            folder = next((f for f in folders if os.path.isfile(os.path.join(f, name + ".dic"))), None)
            if folder is None:
                raise RuleError(f"{path}: field dictionaries: {name}.dic/.aff not found in {dicpath}")
            base = os.path.join(folder, name)
            sources.append((base + ".aff", base + ".dic"))
    if not sources or data.get("append", False):
        sources.append(None)
    return sources


def _asset(name: str, root: str) -> str | None:
    for candidate in (name, os.path.join(root, name)):
        if os.path.isfile(candidate):
            return candidate
    return None


@cache
def _default() -> Lexicon:
    from spylls.hunspell import Dictionary

    lexicon: Lexicon = Dictionary.from_files(DEFAULT_DICTIONARY)
    return lexicon


@cache
def _dictionary(aff_path: str, dic_path: str) -> Lexicon:
    """A Hunspell dictionary read as UTF-8, whatever its `SET` line says: Vale reads the
    files as UTF-8 (the suite's en_US says ISO8859-1 and is UTF-8)."""
    from spylls.hunspell import Dictionary, readers
    from spylls.hunspell.readers.file_reader import FileReader

    class Utf8Reader(FileReader):  # type: ignore[misc]
        def __init__(self, file: str) -> None:
            super().__init__(file, encoding="utf-8")

        def reset_encoding(self, encoding: str) -> None:
            pass

    aff, context = readers.read_aff(Utf8Reader(aff_path))
    dic = readers.read_dic(Utf8Reader(dic_path), aff=aff, context=context)
    lexicon: Lexicon = Dictionary(aff, dic)
    return lexicon
