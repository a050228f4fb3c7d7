"""Attributed speech: does a sentence report what a source said, and who is the source?

Rules use this to tell the reporter's voice from a source's: "The plan may fail, Smith
said" carries Smith's hedge, not the reporter's. Recognised forms:

* subject + reporting verb: "Smith said", "the ministry said in a statement",
  "officials told reporters", "she wrote";
* inverted: "..., said Smith", "..., said the minister";
* "according to X";
* passive hearsay: "it is believed", "is said to", "it has been suggested" (always vague).

A source is *vague* when it names a kind of person rather than a person or body
("analysts", "some experts", "many observers"), unless a named organisation follows
("analysts at Goldman Sachs").
"""

from __future__ import annotations

import re

from newslint.model import Attribution

# Reporting verbs that introduce speech wherever they appear.
_SPEECH_VERBS = (
    r"says|said|saying|say|tells|told|telling|wrote|writes|write|stated|states|"
    r"declared|declares|announced|announces|testified|testifies|tweeted|tweets|posted|"
    r"replied|replies|responded|responds|explained|explains|insisted|insists|"
    r"argued|argues|argue|contended|contends|maintained|maintains|acknowledged|acknowledges|"
    r"conceded|concedes|confirmed|confirms|denied|denies|warned|warns|warn|claimed|claims|claim|"
    r"predicted|predicts|predict|believes|believed|believe|suggested|suggests|suggest|"
    r"stressed|stresses|emphasized|emphasised|asked|asks|recalled|recalls|remarked|"
    r"cautioned|cautions|estimated|estimates|estimate|expects|expected|expect|"
    r"fears|feared|fear|hopes|hoped|thinks|thought|think|notes|noted|note|"
    r"adds|added|observed|observes|observe|pointed\s+out|points\s+out|reported|reports|"
    r"told\s+reporters|told\s+\w+"
)

# People and things that stand for a source without naming one.
VAGUE_SOURCE_WORDS = frozenset(
    """
    analyst analysts expert experts observer observers critic critics commentator
    commentators source sources official officials people some many most several others
    insiders insider pundits pundit skeptics sceptics supporters opponents proponents
    everyone everybody anyone someone somebody researchers scientists studies reports
    economists diplomats residents voices few
    """.split()
)

_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}

# A source phrase: up to eight words without clause punctuation.
_SOURCE_BEFORE = re.compile(
    rf"(?P<source>(?:[\w.'’-]+[ \t\r\n]+){{0,7}}[\w.'’-]+)[ \t\r\n]+(?:also[ \t\r\n]+|later[ \t\r\n]+|has[ \t\r\n]+|had[ \t\r\n]+|have[ \t\r\n]+)?"
    rf"(?P<cue>\b(?:{_SPEECH_VERBS})\b)",
    re.IGNORECASE,
)
_INVERTED = re.compile(
    rf"[,”\"’']\s*(?P<cue>\b(?:said|says|added|adds|wrote|writes|told|explained|asked|"
    rf"noted|continued|recalled|warned|insisted|argued)\b)\s+(?P<source>[^,.;:!?\"“”]+)",
    re.IGNORECASE,
)
_ACCORDING_TO = re.compile(r"\b(?P<cue>according\s+to)\s+(?P<source>[^,.;:!?\"“”]+)", re.IGNORECASE)
_PASSIVE_HEARSAY = re.compile(
    r"\b(?P<cue>(?:it|this)\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+|generally\s+|commonly\s+)?"
    r"(?:believed|thought|understood|expected|said|reported|rumou?red|alleged|claimed|feared|suggested|argued)"
    r"|(?:is|are|was|were)\s+(?:said|reported|rumou?red|believed|thought)\s+to)\b",
    re.IGNORECASE,
)
# Words that end a subject phrase when read backwards from the verb.
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”—–]|\b(?:that|and|but|while|because|as|which|who|if|when)\b", re.IGNORECASE)
_NAMED_BY_ORGANISATION = re.compile(r"\b(?:at|from|of|with|for)\s+(?:the\s+)?[A-Z]")
_DETERMINER_ONLY = {"the", "a", "an", "this", "that", "these", "those"}
# Not speech even before a reporting verb: "what he said", "as expected".
_NOT_A_SUBJECT = {"what", "as", "than", "been", "be", "is", "was", "are", "were", "not", "to"}


_PARENTHETICAL = re.compile(r"\([^()]*\)")
_TRAILING = re.compile(
    rf",\s*(?P<source>[^,;:\"“”]{{1,80}}?)\s+(?P<cue>\b(?:{_SPEECH_VERBS})\b)\s*[.!?]?[\"”’]?\s*$",
    re.IGNORECASE,
)
# "said", "says" and "told" introduce speech almost wherever they stand, even when the
# subject is out of reach ("A ministry official welcomed the plan and said ...").
_STRONG_CUE = re.compile(r"\b(?P<cue>said|says|told)\b", re.IGNORECASE)
_NOT_SPEECH_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|so)|\bwhat(?:\s+\w+){0,2}|so-)\s*$", re.IGNORECASE
)


def find_attribution(sentence: str, offset: int) -> Attribution | None:
    """The first attribution in `sentence` (which starts at document `offset`), if any."""
    # Blank out parentheticals, keeping offsets: "Sen. Dan Evans (R-Wash.) said".
    masked = _PARENTHETICAL.sub(lambda m: " " * len(m.group()), sentence)
    for finder in (_according_to, _inverted, _trailing, _subject_verb, _passive_hearsay, _strong_cue):
        found = finder(masked, offset)
        if found is not None:
            return found
    return None


def is_vague_source(source: str) -> bool:
    words = [w.strip(".,'’").lower() for w in source.split()]
    if not words:
        return True
    if _NAMED_BY_ORGANISATION.search(source):
        return False
    return any(word in VAGUE_SOURCE_WORDS for word in words)


def _according_to(sentence: str, offset: int) -> Attribution | None:
    match = _ACCORDING_TO.search(sentence)
    if match is None:
        return None
    source = match.group("source").strip()
    return Attribution(offset + match.start("cue"), offset + match.end("cue"), source, is_vague_source(source))


def _inverted(sentence: str, offset: int) -> Attribution | None:
    match = _INVERTED.search(sentence)
    if match is None:
        return None
    source = match.group("source").strip()
    if not _looks_like_source(source):
        return None
    return Attribution(offset + match.start("cue"), offset + match.end("cue"), source, is_vague_source(source))


def _trailing(sentence: str, offset: int) -> Attribution | None:
    """"..., the plan's backers said." at the end of a sentence names a source, whatever
    the noun."""
    match = _TRAILING.search(sentence)
    if match is None:
        return None
    source = match.group("source").strip()
    if source.split()[-1].lower() in _NOT_A_SUBJECT:
        return None
    return Attribution(offset + match.start("cue"), offset + match.end("cue"), source, is_vague_source(source))


def _strong_cue(sentence: str, offset: int) -> Attribution | None:
    for match in _STRONG_CUE.finditer(sentence):
        if _NOT_SPEECH_BEFORE.search(sentence[: match.start()]):
            continue  # "is said to", "what he said", "so-called"
        words_before = sentence[: match.start()].split()[-8:]
        source = " ".join(words_before)
        return Attribution(offset + match.start("cue"), offset + match.end("cue"), source, is_vague_source(source))
    return None


def _subject_verb(sentence: str, offset: int) -> Attribution | None:
    for match in _SOURCE_BEFORE.finditer(sentence):
        source = _subject_of(match.group("source"))
        if source is None:
            continue
        return Attribution(offset + match.start("cue"), offset + match.end("cue"), source, is_vague_source(source))
    return None


def _passive_hearsay(sentence: str, offset: int) -> Attribution | None:
    match = _PASSIVE_HEARSAY.search(sentence)
    if match is None:
        return None
    return Attribution(offset + match.start("cue"), offset + match.end("cue"), "", vague=True)


def _subject_of(words_before_verb: str) -> str | None:
    """The subject phrase right before a reporting verb, or None if the words there
    cannot be a speaker ("what he said" is not attribution of the sentence)."""
    parts = _CLAUSE_BREAK.split(words_before_verb)
    subject = parts[-1].strip() if parts else ""
    words = subject.split()
    if not words:
        return None
    last = words[-1].lower().strip(".,'’")
    if last in _NOT_A_SUBJECT or last in _DETERMINER_ONLY:
        return None
    if len(words) == 1 and last in _PRONOUNS:
        return subject
    if not _looks_like_source(subject):
        return None
    return subject


def _looks_like_source(phrase: str) -> bool:
    """A person, a body or a kind of person: a capitalised name, a pronoun, or a noun
    phrase headed by a vague source word, a title or an institution."""
    words = phrase.split()
    if not words or len(words) > 8:
        return False
    lowered = [w.strip(".,'’").lower() for w in words]
    if lowered[0] in _PRONOUNS and len(words) <= 2:
        return True
    if any(word in VAGUE_SOURCE_WORDS or word in _SPEAKER_NOUNS for word in lowered):
        return True
    return any(word[:1].isupper() and low not in _FUNCTION_WORDS for word, low in zip(words, lowered))


# Capitalised only because they open the sentence: "This phrasing suggests" is no source.
_FUNCTION_WORDS = frozenset(
    """
    the a an this that these those such its their his her our your my some many most
    any each every all both either neither no one it there here what which
    """.split()
)

# Common nouns that name a speaker or a body that speaks.
_SPEAKER_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson minister ministry president chairman chairwoman chair
    director executive official company government agency department report statement
    study survey police prosecutor prosecutors lawyer lawyers attorney judge court
    mayor governor senator lawmaker lawmakers representative leader leaders secretary
    ambassador embassy commission committee board council bank spokespeople
    """.split()
)
