"""Who speaks: reading the noun phrase that names a source, and telling a vague one.

A reporting verb attributes a sentence only when its subject can speak: "the minister
said" does, "what he said" and "Moscow's overture suggests" do not. A source is *vague*
when it names a kind of person rather than a person or body ("analysts", "some experts",
"many observers"), unless a named organisation follows ("analysts at Goldman Sachs").
"""

from __future__ import annotations

import re
from pathlib import Path

from newslint.attribution.lexicon import Lexicon, shipped_lexicon
from newslint.casefold import fold
from newslint.checks import prefilter
from newslint.checks.prefilter import leading_words
from newslint.datacopy import remembered

# Words that end a subject phrase when read backwards from the verb.
_CLAUSE_BREAK = re.compile(
    r"[,;:()\"“”—–]|\s-\s|\b(?:that|and|but|while|because|as|which|who|if|when|"
    r"what|how|why|whether|where|whom|than)\b",
    re.IGNORECASE,
)
# A verb after these is inside an object clause: "what the minister said", "slower than
# economists expected" report nothing about the sentence.
_OBJECT_CLAUSE = {"what", "how", "why", "whether", "where", "whom", "than"}
_LAST_EIGHT_WORDS = re.compile(r"(?:\S+\s+){0,7}\S+$")
_NAMED_BY_ORGANISATION = re.compile(r"\b(?:at|from|of|with|for)\s+(?:the\s+)?[A-Z]")
# A noun phrase's head comes before these: "analysts at Goldman Sachs" are analysts.
_HEAD_ENDS = re.compile(
    r"\s(?:close\s+to|privy\s+to|familiar\s+with|at|from|of|with|for|in|on|to|about|by)\b", re.IGNORECASE
)
POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")


class Sources:
    """Reads source phrases with one lexicon's words: the shipped one (`SHIPPED`), or one
    a desk's config extends (`newslint.attribution.finders.cues_for` builds the readers)."""

    def __init__(self, lexicon: Lexicon) -> None:
        # People and things that stand for a source without naming one.
        self.vague_source_words = lexicon.word_set("vague_source_words")
        self.pronouns = lexicon.word_set("pronouns")
        # Common nouns that name a speaker or a body that speaks.
        self._speaker_nouns = lexicon.word_set("speaker_nouns")
        # Capitalised only because they open the sentence: "This phrasing suggests" is no source.
        self._function_words = lexicon.word_set("function_words")
        self._determiner_only = lexicon.word_set("determiner_only")
        # Not speech even before a reporting verb: "what he said", "as expected".
        self._not_a_subject = lexicon.word_set("not_a_subject")
        # Between a subject and its verb: "Putin has said", "she also told".
        self.subject_adverbs = lexicon.alternation("subject_adverbs")
        self.trailing_adverbs = re.compile(rf"(?:\s+(?:{self.subject_adverbs}))+\s*$", re.IGNORECASE)
        self._subject_adverb_words = leading_words(self.subject_adverbs)

    def subject_of(self, words_before_verb: str, *, any_noun: bool = False, verb_only: bool = False) -> str | None:
        """The subject phrase right before a reporting verb, or None if the words there
        cannot be a speaker ("what he said" is not attribution of the sentence). With
        `any_noun`, any noun phrase will do, not only one that names a speaker. With
        `verb_only` (the cue cannot be a noun: "added", "said"), a capitalised word in
        "'s" is a name ("..., Moody's added"), not a possessive ("Trump's plans")."""
        text = self.without_trailing_adverbs(words_before_verb).rstrip()
        if text.endswith(","):
            # An appositive between subject and verb: "Tom Hardy, who voted no, said".
            text = text[:-1].rpartition(",")[0]
        breaks = list(_CLAUSE_BREAK.finditer(text))
        if breaks and breaks[-1].group().lower() in _OBJECT_CLAUSE:
            return None
        subject = text[breaks[-1].end() :] if breaks else text
        last_words = _LAST_EIGHT_WORDS.search(subject.strip())
        if last_words is None:
            return None
        subject = last_words.group()
        last = subject.split()[-1].lower().strip(".,'’")
        if last in self._not_a_subject or last in self._determiner_only:
            return None
        if subject.endswith(POSSESSIVE_ENDINGS) and not (verb_only and _is_name_in_s(subject)):
            return None  # "Trump's plans", "the voters' demands": the cue is a noun
        if last in self.pronouns:  # "groups that endorsed him say they believe"
            return subject.split()[-1]
        if not any_noun and not self.looks_like_source(subject):
            return None
        return subject

    def without_trailing_adverbs(self, text: str) -> str:
        """`text` without the adverbs and auxiliaries it ends with ("Putin has", "she also").

        A match of `trailing_adverbs` ends in white space, one of the adverbs, perhaps
        white space: the adverb is the text's last word as str.split() finds it
        (str.isspace() and `\\s` agree on every character; tested). So text whose last
        word is no adverb, nearly all of it, is spared the expression's search from every
        position."""
        last_word = text.rsplit(None, 1)[-1:]
        if self._subject_adverb_words is not None and (
            not last_word or fold(last_word[0]) not in self._subject_adverb_words
        ):
            return text
        return self.trailing_adverbs.sub("", text)

    def looks_like_source(self, phrase: str) -> bool:
        """A person, a body or a kind of person: a pronoun, or a noun phrase whose head is
        a name, a title, an institution or a vague source word. Any capitalised word would
        not do: a sentence's first word is capitalised ("Economic considerations suggest")."""
        words = phrase.split()
        if not words or len(words) > 8:
            return False
        if words[0].lower() in self.pronouns and len(words) <= 2:
            return True
        head = head_noun(phrase)
        lowered = head.strip(".,'’").lower()
        if lowered in self.vague_source_words or lowered in self._speaker_nouns:
            return True
        return head[:1].isupper() and lowered not in self._function_words

    def is_vague_source(self, source: str) -> bool:
        """A kind of person ("analysts", "some economists"), unless an organisation
        ("analysts at Goldman Sachs") or a name ("economist Ruth Lee") says which one."""
        words = [w.strip(".,'’").lower() for w in source.split()]
        if not words:
            return True
        if _NAMED_BY_ORGANISATION.search(source) or _ends_in_a_name(source, self.vague_source_words):
            return False
        return any(word in self.vague_source_words for word in words)


def _ends_in_a_name(source: str, vague_words: frozenset[str]) -> bool:
    """Whether a title is followed by the person's name: "Economist Ruth Lee", "senior
    analyst Tom Ek" (capitalised words right after the last vague noun), not by a place
    ("traders in London")."""
    words = [word.strip(".,'’") for word in source.split()]
    vague = [index for index, word in enumerate(words) if word.lower() in vague_words]
    after = words[vague[-1] + 1 :] if vague else []
    return bool(after) and all(word[:1].isupper() for word in after)


def _is_name_in_s(subject: str) -> bool:
    """Whether the phrase ends in a capitalised name spelt with "'s" (Moody's, McDonald's,
    Sotheby's), which reads as a possessive only before a noun."""
    last = subject.split()[-1]
    return last[:1].isupper() and last.endswith(("'s", "’s"))


def head_in(source: str, nouns: frozenset[str]) -> bool:
    """Is the head noun of `source` one of `nouns` ("court records" → "records")?"""
    return bool(source.split()) and head_noun(source).strip(".,'’").lower() in nouns


def head_noun(phrase: str) -> str:
    """The noun a phrase is about: before its first preposition ("the head of the bank",
    "sources close to the talks"), after its last possessive ("Moscow's diplomatic
    overture") and before a participle ("people briefed on the talks")."""
    words = _HEAD_ENDS.split(phrase.strip(), maxsplit=1)[0].split()
    for index in range(len(words) - 2, -1, -1):
        if words[index].endswith(POSSESSIVE_ENDINGS):
            words = words[index + 1 :]
            break
    while len(words) > 1 and words[-1].islower() and words[-1].endswith("ed"):
        words.pop()
    return words[-1]


# The shipped lexicon's reader, and its words, for what reads no desk's cues.
# The words of the expressions' alternations, parsed once and kept in the user cache
# folder under this tag (`newslint.datacopy.remembered`), for this module and `finders`.
CUE_WORDS_COPY = "cue-words"
with remembered([Path(prefilter.__file__)], CUE_WORDS_COPY, prefilter.KNOWN_LEADING_WORDS):
    SHIPPED = Sources(shipped_lexicon())
VAGUE_SOURCE_WORDS = SHIPPED.vague_source_words
PRONOUNS = SHIPPED.pronouns
is_vague_source = SHIPPED.is_vague_source
