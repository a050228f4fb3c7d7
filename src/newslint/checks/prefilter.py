"""Skip a regular expression on text it cannot match, without running it.

Most sentences contain none of a rule's words, yet a search still walks the sentence
trying every alternative at every position: a lexicon rule of a hundred phrases costs
more than all the other work on a story together. So each rule's expression is read
once, with Python's own parser for regular expressions, for a set of literal strings
of which every match must contain at least one ("appear", "appears", "appeared",
"appearing" for `(?:appear|appears|appeared|appearing)\\s+to`). A text that contains
none of them, compared lower-cased, cannot match, and is skipped.

The filter only ever says "cannot match" when that is certain: an expression the parser
cannot read, or one without such a set (`\\d+%`), is always run. Literals are compared
lower-cased whatever the rule's flags (a superset of what a case-sensitive rule
matches), and only ASCII literals or caseless symbols count, with the few non-ASCII
letters that case-insensitive matching equates with ASCII ones (dotless ı, long ſ,
the Kelvin sign, dotted İ) folded first, so a rule never loses a match to the filter.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
import warnings
from collections.abc import Iterable
from typing import Any

try:  # CPython's parser for regular expressions (`re._parser` since 3.11)
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # another interpreter: every expression is simply run
    _parser = None

# One element of a parsed expression: (operator, argument), as `re._parser` gives it.
_Item = tuple[Any, Any]

# Exact strings an element can match, multiplied out, stay below this many.
_MAX_EXACT = 64


class Prefilter:
    """`may_match(text)` is False only when `pattern` cannot match `text`, nor any part of
    it: `fold` works character by character (final sigma aside, and no literal holds a
    sigma), so every literal of a folded sentence is in its folded document too, and a
    document turned away needs none of its sentences tested."""

    def __init__(
        self, literals: Iterable[str] | None, also: Iterable[frozenset[str]] = (), *, minimal: bool = False
    ) -> None:
        # `minimal`: the literals are already `_shortest`'s (as `required_literals` keeps
        # them, on disk too): a cue over a word list of hundreds need not be read again.
        self.literals = None if literals is None else frozenset(literals) if minimal else _shortest(literals)
        # The other sets a match needs one of each of ("{population} ... {stance}": a
        # noun and a verb), smallest first; asked only of a text that passed `literals`.
        self.also = tuple(sorted((words for words in also if words != self.literals), key=len))

    @classmethod
    def for_pattern(cls, pattern: str, flags: int = 0, *, every_set: bool = False) -> Prefilter:
        """The filter for `pattern`; with `every_set`, one that also asks for a literal of
        each of its other required sets: worth it before an expensive expression (a
        claim cue over a list of a hundred nouns), not before a cheap one."""
        literals = required_literals(pattern, flags)
        also = required_literal_sets(pattern, flags) if every_set and literals is not None else ()
        return cls(literals, also, minimal=True)

    def may_match(self, folded: str) -> bool:
        """`folded` is the text through `fold` (callers fold a text once for many rules)."""
        if self.literals is None:
            return True
        if not any(map(folded.__contains__, self.literals)):
            return False
        return not self.also or self.may_match_also(folded)

    def may_match_holding(self, present: frozenset[str]) -> bool:
        """`may_match` for a text known to hold just `present` of a larger set of literals
        that includes these and the `also` sets (`LiteralSearch.present`)."""
        if self.literals is None:
            return True
        return not self.literals.isdisjoint(present) and all(not words.isdisjoint(present) for words in self.also)

    def may_match_also(self, folded: str) -> bool:
        """`may_match` for a text already known to hold one of `literals`."""
        return all(any(map(folded.__contains__, words)) for words in self.also)


def _shortest(literals: Iterable[str]) -> frozenset[str]:
    """The literals that contain none of the others: a text holds one of these exactly
    when it holds one of all ("appeared" adds nothing to "appear"), and each is one
    search less."""
    # A claim cue's word list holds hundreds of words: rather than test each against
    # every shorter one kept, look its substrings of the kept lengths up in a set.
    kept: set[str] = set()
    lengths: set[int] = set()
    for literal in sorted(set(literals), key=len):
        size = len(literal)
        if not any(literal[start : start + length] in kept for length in lengths for start in range(size - length + 1)):
            kept.add(literal)
            lengths.add(size)
    return frozenset(kept)


@functools.lru_cache(maxsize=1024)
def prefilter_for(pattern: str, flags: int = 0) -> Prefilter:
    """`Prefilter.for_pattern`, read once per expression however often it is asked for."""
    return Prefilter.for_pattern(pattern, flags)


# Literals worked out so far, by expression and VERBOSE flag. Loading the shipped rules
# fills it from a copy on disk (`newslint.datacopy.remembered`): reading each of their
# expressions again took a tenth of a one-story run.
KNOWN_LITERALS: dict[tuple[str, int], frozenset[str] | None] = {}


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-cased strings of which every match of `pattern` contains one, or None when
    the expression promises none (or cannot be read)."""
    key = (pattern, int(flags & re.VERBOSE))  # the only flag that changes parsing; a plain int, for marshal
    if key not in KNOWN_LITERALS:
        KNOWN_LITERALS[key] = _read_literals(pattern, flags)
    return KNOWN_LITERALS[key]


# Braces that are a counted repeat in both `re` and `regex` ({2}, {2,}, {,3}, {2,3}). Any
# other brace may be `regex` syntax that `re` reads as literal text, a fuzzy match
# (`(?:government){e<=1}`) above all (issue 20).
_COUNTED_REPEAT = re.compile(r"\{\d*,?\d*\}")


def _read_literals(pattern: str, flags: int) -> frozenset[str] | None:
    parsed = _parsed(pattern, flags)
    if parsed is None:
        return None
    try:
        found = _required(parsed)
    except RecursionError:  # groups nested thousands deep: not worth filtering
        return None
    return _shortest(found) if found else None


def _parsed(pattern: str, flags: int) -> list[_Item] | None:
    """`pattern` as `re`'s parser reads it; None when the filter cannot trust that reading."""
    if _parser is None or "{" in _COUNTED_REPEAT.sub("", pattern):
        return None
    try:
        with warnings.catch_warnings():
            # re warns of a "possible nested set" where `regex` reads a POSIX class
            # (`[[:digit:]]`) or a set operation: the two engines disagree, so run it.
            warnings.simplefilter("error", FutureWarning)
            return list(_parser.parse(pattern, flags & re.VERBOSE))  # the only flag that changes parsing
    except Exception:  # the regex module reads more syntax than re; just run it
        return None


# Every set of required literals, by expression and VERBOSE flag, as `KNOWN_LITERALS`
# (loading the shipped rules fills it from its copy on disk).
KNOWN_LITERAL_SETS: dict[tuple[str, int], tuple[frozenset[str], ...]] = {}


def required_literal_sets(pattern: str, flags: int = 0) -> tuple[frozenset[str], ...]:
    """Every set of lower-cased strings of which each match of `pattern` contains one,
    read from the expression's top-level sequence: a match of `\\b(?:parents|voters)\\s+
    (?:fear|doubt)\\b` holds one of the nouns *and* one of the verbs. Empty when the
    expression cannot be read. `required_literals` keeps only the best of these; a
    caller that can afford a few substring tests turns away more text with all of them."""
    key = (pattern, int(flags & re.VERBOSE))
    if key not in KNOWN_LITERAL_SETS:
        KNOWN_LITERAL_SETS[key] = _read_literal_sets(pattern, flags)
    return KNOWN_LITERAL_SETS[key]


def _read_literal_sets(pattern: str, flags: int) -> tuple[frozenset[str], ...]:
    parsed = _parsed(pattern, flags)
    if parsed is None:
        return ()
    try:
        return tuple(_shortest(candidate) for candidate in _candidates(parsed))
    except RecursionError:  # groups nested thousands deep: no sets
        return ()


def _required(items: list[_Item]) -> set[str] | None:
    """Required literals of a sequence: the best of its runs of exact strings and of its
    elements' own required literals."""
    usable = _candidates(items)
    # The best set is the one whose shortest literal is longest: "appear" filters
    # far more text than "to".
    return max(usable, key=lambda candidate: (min(map(len, candidate)), -len(candidate)), default=None)


def _candidates(items: list[_Item]) -> list[set[str]]:
    """The sets of literals a sequence requires, one of each: its runs of exact strings
    and its elements' own required literals."""
    candidates: list[set[str]] = []
    run: set[str] = {""}
    for op, argument in items:
        exact = _exact(op, argument)
        if exact is not None and len(run) * len(exact) <= _MAX_EXACT:
            run = {before + after for before in run for after in exact}
            continue
        candidates.append(run)
        run = exact if exact is not None else {""}
        inner = _required_of(op, argument)
        if inner:
            candidates.append(inner)
    candidates.append(run)
    return [candidate for candidate in candidates if "" not in candidate]


def _required_of(op: Any, argument: Any) -> set[str] | None:
    """Required literals of one element that is not an exact string."""
    if op is _sre.SUBPATTERN:
        return _required(list(argument[-1]))
    if op is _sre.ATOMIC_GROUP:
        return _required(list(argument))
    if op is _sre.BRANCH:
        union: set[str] = set()
        for alternative in argument[1]:
            found = _required(list(alternative))
            if not found:
                return None  # one alternative can match without any literal
            union |= found
        return union
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, _, item = argument
        return _required(list(item)) if low >= 1 else None
    return None


def _exact(op: Any, argument: Any) -> set[str] | None:
    """Every string this element can match, when there are few and they are plain
    enough to compare lower-cased; an assertion matches the empty string."""
    if op is _sre.LITERAL:
        character = _comparable(argument)
        return {character} if character is not None else None
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return {""}
    if op is _sre.IN:
        characters = set()
        for member_op, member in argument:
            character = _comparable(member) if member_op is _sre.LITERAL else None
            if character is None:
                return None
            characters.add(character)
        return characters if len(characters) <= 8 else None
    if op is _sre.SUBPATTERN:
        return _exact_sequence(list(argument[-1]))
    if op is _sre.BRANCH:
        union: set[str] = set()
        for alternative in argument[1]:
            exact = _exact_sequence(list(alternative))
            if exact is None:
                return None
            union |= exact
        return union if len(union) <= _MAX_EXACT else None
    return None


def _exact_sequence(items: list[_Item]) -> set[str] | None:
    strings: set[str] = {""}
    for op, argument in items:
        exact = _exact(op, argument)
        if exact is None or len(strings) * len(exact) > _MAX_EXACT:
            return None
        strings = {before + after for before, after in itertools.product(strings, exact)}
    return strings


def comparable(text: str) -> bool:
    """Does `fold` map every character that case-insensitive matching equates with one
    of `text`'s onto the same character?"""
    return all(_comparable(ord(character)) is not None for character in text)


def _comparable(code: int) -> str | None:
    """The character lower-cased if `fold` maps every character that case-insensitive
    matching equates with it onto the same one: ASCII, or a symbol without case."""
    character = chr(code)
    if character.isascii():
        return character.lower()
    if character.lower() == character.upper() == character and not unicodedata.category(character).startswith("L"):
        return character
    return None


# The letters a word can hold, as the parser gives literals.
_LETTER = frozenset(map(ord, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))


# Leading words worked out so far, by alternation. Importing `newslint.attribution` fills
# it from a copy on disk, as loading the rules does KNOWN_LITERALS.
KNOWN_LEADING_WORDS: dict[str, frozenset[str] | None] = {}


def leading_words(alternation: str) -> frozenset[str] | None:
    """The words, as written, that every match of `alternation` starts with, read with
    the same parser as `required_literals`; None on an interpreter without it.

    Each alternative must start with a run of letters (a letter may be optional, as in
    "rumou?rs?"; a group of alternatives may continue it, as in "(?:lashed|lashes)\\s+out")
    and go on with what cannot continue a word: white space, a word boundary, a negative
    lookahead, or the end. Stood after a word boundary or white space and before one, as
    the attribution finders stand their alternations, each match then starts with one of
    these as a whole word, so a text without any of them cannot match (`attribution`
    skips finders with this). An alternative of another shape raises ValueError, so that
    an edit cannot silently make a finder skip text it matches."""
    if alternation not in KNOWN_LEADING_WORDS:
        KNOWN_LEADING_WORDS[alternation] = (
            None if _parser is None else frozenset(_leading(list(_parser.parse(alternation)), "", alternation))
        )
    return KNOWN_LEADING_WORDS[alternation]


def _leading(items: list[_Item], prefix: str, alternation: str) -> set[str]:
    """The words that `items` (a parsed sequence) starts with, after the letters `prefix`."""
    for index, (op, argument) in enumerate(items):
        rest = items[index + 1 :]
        if op is _sre.LITERAL and argument in _LETTER:
            prefix += chr(argument)
            continue
        if op is _sre.IN and all(member_op is _sre.LITERAL and member in _LETTER for member_op, member in argument):
            return {word for _, letter in argument for word in _leading(rest, prefix + chr(letter), alternation)}
        if op is _sre.MAX_REPEAT and argument[:2] == (0, 1) and _is_letter(argument[2]):
            return _leading(list(argument[2]) + rest, prefix, alternation) | _leading(rest, prefix, alternation)
        if op is _sre.SUBPATTERN and not _is_word_end(op, argument):
            return _leading(list(argument[-1]) + rest, prefix, alternation)
        if op is _sre.BRANCH:
            return {word for branch in argument[1] for word in _leading(list(branch) + rest, prefix, alternation)}
        if prefix and op is _sre.MAX_REPEAT and argument[0] == 0 and _is_word_end(op, (1, *argument[1:])):
            # "quoted(?:\s+\w+){0,5}\s+as": the word ends in the group, or after it.
            return {prefix} | _leading(rest, prefix, alternation)
        if prefix and _is_word_end(op, argument):
            return {prefix}
        raise ValueError(f"cannot tell the first word of {alternation!r}")
    if not prefix:
        raise ValueError(f"cannot tell the first word of {alternation!r}")
    return {prefix}


def _is_letter(items: Iterable[_Item]) -> bool:
    items = list(items)
    return len(items) == 1 and items[0][0] is _sre.LITERAL and items[0][1] in _LETTER


def _is_word_end(op: Any, argument: Any) -> bool:
    """Whether an element ends the word before it: white space (perhaps repeated, or
    opening a group), a word boundary or the end, or a negative lookahead."""
    if op is _sre.IN:
        return bool(argument == [(_sre.CATEGORY, _sre.CATEGORY_SPACE)])
    if op is _sre.AT:
        return argument in (_sre.AT_BOUNDARY, _sre.AT_END, _sre.AT_END_STRING)
    if op is _sre.ASSERT_NOT:
        return True
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and argument[0] >= 1:
        first = list(argument[2])[:1]
        return bool(first) and _is_word_end(*first[0])
    if op is _sre.SUBPATTERN:
        first = list(argument[-1])[:1]
        return bool(first) and _is_word_end(*first[0])
    return False


def _either_of(literals: Iterable[str]) -> re.Pattern[str]:
    """One expression that finds any of `literals` in a text, with their common
    prefixes shared ("afraid|angry" as "a(?:fraid|ngry)"), so a search tries a few
    characters at each position rather than every literal. It matches the shortest
    literal that starts where it matches."""
    tree: dict[str, Any] = {}
    for literal in literals:
        node = tree
        for char in literal:
            node = node.setdefault(char, {})
        node[""] = {}  # a literal ends here

    def branch(node: dict[str, Any]) -> str:
        if "" in node:
            return ""  # the shortest literal here ends
        alternatives = [re.escape(char) + branch(child) for char, child in sorted(node.items())]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return re.compile(branch(tree))


class LiteralSearch:
    """Which of a set of literals a text holds, found in one search of it rather than
    one scan per literal: the search finds each position where some literal starts (the
    shortest there), and the literals that extend it are tested at that position only."""

    def __init__(self, literals: Iterable[str]) -> None:
        words = sorted(set(literals))
        self._search = _either_of(words).search
        # For each literal, the literals that begin with it (sorted, they follow it).
        self._longer: dict[str, list[str]] = {}
        for position, short in enumerate(words):
            self._longer[short] = list(itertools.takewhile(functools.partial(_begins, short), words[position:]))

    def present(self, text: str) -> frozenset[str]:
        found: set[str] = set()
        match = self._search(text, 0)
        while match is not None:
            start = match.start()
            found.update(word for word in self._longer[match.group()] if text.startswith(word, start))
            match = self._search(text, start + 1)
        return frozenset(found)


def _begins(prefix: str, word: str) -> bool:
    return word.startswith(prefix)
