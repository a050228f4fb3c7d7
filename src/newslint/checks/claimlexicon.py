"""Claims in a word: a claim rule's `lexicon`, found by looking a sentence's words up.

Many unsourced claims are one word or an idiom in a sentence of facts: a judgement
("Inexplicably, the board delayed the vote"), a feeling ("glum after the vote"), a
motive, a cause ("the victim of its own success"). A rule lists such words by category
in its word lists. As cues, a thousand of them would be regular expressions of hundreds
of alternatives, run over most sentences (round 10 measured half as much time again on
a run). Here a sentence's words are read once, and each entry is filed under its
longest word that is not a function word (its anchor): a sentence that holds no anchor
is done with after one set test, and at an anchor only the entries filed under it are
compared, word by word, with the words around it.

An entry's words are matched as written, with any white space (and a comma) between
them, a word in lower case unless it opens the sentence ("Cedar Hollow" is a name,
"hollow" a judgement). In an entry "one's" stands for any possessive and "..." for one
to three words, as in `newslint.checks.claim.entry_pattern`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newslint.casefold import fold

# A word: letters and digits, with the apostrophes and hyphens inside it ("won't",
# "much-needed", "wits'"); it starts with a letter or digit, so an opening quotation
# mark is not part of it.
WORD = re.compile(r"[^\W_][\w'’-]*")
# The placeholders of a word-list entry, here and in a cue's expression
# (`claim.entry_pattern`): "one's" for any of these possessives, "..." for a gap of
# one to three words, the fewest first.
ANY_POSSESSIVE = "one's"
POSSESSIVES = frozenset({ANY_POSSESSIVE, "his", "her", "its", "their", "my", "our", "your"})
GAP = "..."
GAP_WORDS = (1, 2, 3)


# Keys of a node of the tree of entries besides the next word: the entries that end
# there (their words before the anchor, and category), a possessive ("one's"), a gap
# of one to three words ("...").
END, POSSESSIVE, GAP_NODE = "\0end", "\0poss", "\0gap"

# Words too common to look an entry up by: an entry is found by its longest word that is
# none of these (its *anchor*), and the words before it are checked once it matches.
# "the victim of its own success" is looked up by "success", not at every "the".
FUNCTION_WORDS = frozenset(
    "a an the to of in on at for with by as from into onto over under up out off about "
    "is are was were be been being am has have had do does did will would can could may "
    "might must shall should it they he she we you i this that these those there here "
    "and or but nor so than too very no not all more most one".split()
)


def _key(word: str) -> str:
    """A word as entries and sentences are compared: lower case, its apostrophes
    straight, none at its end ("wits'" and "wits" alike)."""
    return fold(word).replace("’", "'").rstrip("'")


@dataclass(frozen=True)
class LexiconMatch:
    """An entry found in a sentence: its category and its offsets in the sentence."""

    category: str
    start: int
    end: int


class ClaimLexicon:
    """The entries of a rule's lexicon, by category, as a tree of words from each
    entry's anchor on: a sentence's word is looked up once, and only the entries
    anchored on it are followed, a word at a time."""

    def __init__(self, entries: Mapping[str, Sequence[str]]) -> None:
        root: dict[str, Any] = {}
        for category, category_entries in entries.items():
            for entry in category_entries:
                words = [_key(word) for word in entry.replace(",", " ").split()]
                if not words or GAP in (words[0], words[-1]):
                    raise ValueError(f"a lexicon entry starts and ends with a word: {entry!r}")
                anchor = _anchor(words)
                node = root
                for position, word in enumerate(words[anchor:]):
                    key = GAP_NODE if word == GAP else POSSESSIVE if word == ANY_POSSESSIVE and position else word
                    node = node.setdefault(key, {})
                node.setdefault(END, []).append((tuple(words[:anchor]), category))
        # An entry anchored on a possessive ("one's heart sank") is found at any.
        opening = root.pop(ANY_POSSESSIVE, None)
        for possessive in POSSESSIVES if opening else ():
            _merge(root.setdefault(possessive, {}), opening)
        self._root = root

    def __bool__(self) -> bool:
        return bool(self._root)

    def find(self, text: str) -> Iterator[LexiconMatch]:
        """Every entry in `text`, in order, none overlapping another; at each word, the
        longest that matches there."""
        # `fold` keeps every offset (one character for one), as `str.lower` does not
        # for "İ", so the words' offsets in `lowered` are theirs in `text`.
        lowered = fold(text).replace("’", "'")
        keys = WORD.findall(lowered)
        if "'" in lowered:
            keys = [word.rstrip("'") for word in keys]
        root = self._root
        if root.keys().isdisjoint(keys):
            return  # most sentences: no word an entry is looked up by
        anchors = [i for i, word in enumerate(keys) if word in root]
        words = _Words(keys, list(WORD.finditer(lowered)), text)
        matches: list[tuple[int, int, str]] = []  # (first word, position after the last, category)
        for position in anchors:
            node = root[keys[position]]
            for after, ends in _completions(node, words, position + 1):
                for before, category in ends:
                    first = position - len(before)
                    if first >= 0 and _precedes(before, words, first) and _cased(words, first):
                        matches.append((first, after, category))
        resume = 0
        for first, after, category in sorted(matches, key=lambda match: (match[0], -match[1])):
            if first >= resume:
                resume = after
                yield LexiconMatch(category, words.matches[first].start(), words.matches[after - 1].end())


def _anchor(words: list[str]) -> int:
    """The position of the word to look an entry up by: its longest word that is not a
    function word (longer words are rarer: "the last straw" by "straw", not "last"),
    before any gap; the first word when there is none."""
    best = None
    for position, word in enumerate(words):
        if word == GAP:
            break
        if word != ANY_POSSESSIVE and word not in FUNCTION_WORDS and (best is None or len(word) > len(words[best])):
            best = position
    return best or 0


def _precedes(before: tuple[str, ...], words: _Words, first: int) -> bool:
    """Do the sentence's words from `first` on read `before` (an entry's words before
    its anchor), each after white space?"""
    for offset, wanted in enumerate(before):
        position = first + offset
        word = words.keys[position]
        if not (word == wanted or (wanted == ANY_POSSESSIVE and word in POSSESSIVES)):
            return False
        if not words.spaced(position + 1):
            return False
    return True


def _cased(words: _Words, first: int) -> bool:
    """Is the entry's first word in lower case, or the sentence's first word? A
    capitalised word inside a sentence is a name ("Cedar Hollow")."""
    return first == 0 or words.text[words.matches[first].start()].islower()


def _merge(into: dict[str, Any], other: dict[str, Any]) -> None:
    for key, value in other.items():
        if key == END:
            into.setdefault(END, []).extend(value)
        else:
            _merge(into.setdefault(key, {}), value)


class _Words:
    """A sentence's words (as keys) and their offsets, for following an entry along."""

    __slots__ = ("keys", "matches", "text")

    def __init__(self, keys: list[str], matches: list[re.Match[str]], text: str) -> None:
        self.keys, self.matches, self.text = keys, matches, text

    def spaced(self, position: int) -> bool:
        """Is only white space, or a comma and white space, between word `position - 1`
        and word `position`? ("too little, too late" is an idiom with or without it.)"""
        between = self.text[self.matches[position - 1].end() : self.matches[position].start()]
        return between.isspace() or (between[:1] == "," and between[1:].isspace())


def _completions(node: dict[str, Any], words: _Words, position: int) -> Iterator[tuple[int, Any]]:
    """(the position after the last word, the entries that end there) for each way the
    entries from `node` on go on with the sentence's words from `position`, each after
    white space; a gap takes the fewest words that let the rest match."""
    if END in node:
        yield position, node[END]
    if len(node) == (END in node) or position >= len(words.keys):
        return
    word = words.keys[position]
    followers = [node.get(word)]
    if word in POSSESSIVES:
        followers.append(node.get(POSSESSIVE))
    gap: dict[str, Any] | None = node.get(GAP_NODE)
    if (gap is None and not any(followers)) or not words.spaced(position):
        return
    for follower in followers:
        if follower is not None:
            yield from _completions(follower, words, position + 1)
    if gap is None:
        return
    for skipped in GAP_WORDS:
        last = position + skipped
        if last > len(words.keys) or (skipped > 1 and not words.spaced(last - 1)):
            return
        found = list(_completions(gap, words, last))
        if found:
            yield from found
            return  # the fewest words a gap can take, as the expression's lazy `{1,3}?`
