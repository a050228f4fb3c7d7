"""The finders: where in a sentence a source is named as speaking, and the cue that says so.

Each finder reads one form of attribution (see `newslint.attribution`); they are tried
in order of precedence and the first to match wins. Their words come from the cue
lexicon (`newslint.attribution.lexicon`), their grammar is the expressions below.

A false attribution hides the reporter's own hedges, so a match must look like speech:
the verb is written in lower case ("The United States" is no "states"; only "Said" and
"Says" are taken capitalised, other verbs only in a title-case headline), a verb with an
everyday sense needs a clause after it ("added that", not "added 200 jobs"), and the
subject's head noun must name a speaker ("Moscow's overture suggests" is an overture).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from newslint.attribution.lexicon import shipped_lexicon
from newslint.attribution.sources import (
    head_noun,
    is_vague_source,
    looks_like_source,
    subject_of,
)
from newslint.casefold import fold
from newslint.checks.prefilter import leading_words
from newslint.model import Attribution

_LEXICON = shipped_lexicon()
_ALTERNATION = _LEXICON.alternation
_WORDS = _LEXICON.word_set

# Cue words. Most of the expressions below can only match a sentence holding one of a
# few words, which a set look-up finds far faster than the expression's search from
# every position: the words are read from the expressions' alternations themselves
# (`newslint.checks.prefilter.leading_words`).

# What `\b` delimits: a maximal run of word characters.
WORD_RUN = re.compile(r"\w+")


def folded_words(sentence: str) -> frozenset[str]:
    """The sentence's whole words, case-folded: the words an expression matches, in
    whatever case, are among them in lower case. Folding the sentence rather than each
    word is the same: no character folds into a word character unless it was one, so
    words keep their bounds (tests check every code point)."""
    return frozenset(WORD_RUN.findall(fold(sentence)))


# Verbs that report a stance, a wish or a verdict rather than words: "the governor
# criticized the plan", "the union opposes the deal". Forms that are also nouns ("campaign
# promises") need a complement: see _NOUN_TOO.
_STANCE_VERBS = _ALTERNATION("stance_verbs")
# A number or quantifier before "states" makes it a noun: "in 11 states", "in all states".
_COUNTED = re.compile(rf"\b(?:\d[\d,]*|{_ALTERNATION('counted')})\s*$", re.IGNORECASE)
# Noun spellings of stance verbs count only before "to", "that" or a name or pronoun
# object: "Ortiz vows to", "Ortiz promises Lee a recount", not "campaign
# promises were broken" or "his demands for", nor after a verb ("they discussed pledges").
_NOUN_TOO = _WORDS("noun_too")
_STANCE_COMPLEMENT = re.compile(r"\s+(?:to|that|him|her|them|[A-Z])")

# Reporting verbs, matched in lower case only.
_SPEECH_VERBS = _ALTERNATION("speech_verbs") + "|" + _STANCE_VERBS

# Reporting verbs with an everyday sense, or plural nouns spelt the same: "the company
# added 200 jobs", "posted a loss", "recalled 1 million cars", "recession fears grew".
# They report speech only before a clause, a quotation or the end of the sentence, or
# after "he" or "she" ("he added an accord could help").
_EVERYDAY_SENSE_VERBS = _WORDS("everyday_sense_verbs")
_SPEECH_COMPLEMENT = re.compile(
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)"
    r"|\s+(?:last|this)\s+(?:week|month|year))?"  # "announced Friday that", "added last week:"
    r"(?:\s*(?:that\b|[,.;:!?\"“”‘’'—–(]|$)"  # "added that", "she added.", 'added: "...'
    r"|\s+(?:he|she|they|we|I)\b"  # "announced she will resign"
    r"|\s+(?:in|on|at|to|during|via)\b[^,.;:!?\"“”]*?\bthat\b)"  # "added in a statement that"
)


# Case-sensitive (see the module docstring); not inside a compound ("mortgage-backed").
_CUE = re.compile(rf"(?<!-)\b(?:{_SPEECH_VERBS})\b")
_CUE_FIRST_WORDS = leading_words(_SPEECH_VERBS)
# Verbs of saying (not of thinking or inferring) closing a sentence after a comma:
# "..., the plan's backers said." names a source whatever the noun.
_TRAILING_CUES = _ALTERNATION("trailing_cues")
_TRAILING = re.compile(r"[,?!][\"”]?[^,;:\"“”]{1,80}?\s(?P<cue>" + _TRAILING_CUES + r")\s*[.!?]?[\"”’]?\s*$")
# In a title-case headline, the verbs that are not also nouns report speech as in body
# text: "Governor Slams Lawmakers" reads as "Governor slams lawmakers". Not "Calls", "Claims",
# "Plans" or "Support" (nouns as often as verbs), nor the "States" of "United States".
_HEADLINE_VERB = re.compile(rf"\b(?:{_ALTERNATION('headline_verbs')})\b")
# A headline that names its source before a colon: "Ortiz: The recount may change the
# result", "Poll: Most Voters Back The Levy". The source is one to four capitalised words
# (not all capitals: "EMAIL:"); a claim of five words or more follows, so lists
# ("Ortiz: 1,204.", "Ohio: Ann Lee, Bob Ray.") do not count.
_HEADLINE_SOURCE = re.compile(
    r"^\s*(?P<source>[A-Z][\w.’'&/-]*(?:\s+[A-Z][\w.’'&/-]*){0,3})(?<![A-Z]{3})(?P<cue>:)"
    r"\s+(?=[A-Za-z‘'\"“])(?:[^\s,:;]+\s+){4}\S"
)
# Capitalised labels that stand before a colon without being a source.
_HEADLINE_LABELS = _WORDS("headline_labels")

# "said", "says" and "told" introduce speech almost wherever they stand, even when the
# subject is out of reach ("A ministry official welcomed the plan and said ..."), and
# in a title-case headline ("Trump Says He Never Pledged ...").
_STRONG_CUES = _ALTERNATION("strong_cues")
_STRONG_CUE = re.compile(rf"\b(?:{_STRONG_CUES})\b(?!\s+to\b)")  # not "said to cost"
# "say" is a noun after these ("the final say", "have a say in"), reports nothing after
# a negation ("officials did not say", "will not yet say", "no one was available to
# say") and is the reporter's own aside in "it's fair to say", "let's say".
_SAY_NOT_SPEECH = re.compile(
    r"(?:\b(?:a|the|final|last|no|any|more|little|much|equal|let['’]s|let\s+us|available\s+to|"
    r"(?:fair|safe|needless|suffice(?:\s+it)?)\s+to)"
    r"|(?:\bnot|\bnever|n['’]t)(?:\s+(?:yet|immediately|publicly))?)\s*$",
    re.IGNORECASE,
)
_NOT_SPEECH_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|so)|\b(?:what|how|why|whether)(?:\s+\S+){0,4}|so-)\s*$",
    re.IGNORECASE,
)
_INVERTED_CUES = _ALTERNATION("inverted_cues")
_INVERTED = re.compile(
    rf"[,”\"’']\s*(?P<cue>\b(?:{_INVERTED_CUES})\b)\s+"
    r"(?P<source>[^,;:!?\"“”]+?)(?=[,;:!?\"“”]|\.?\s*$)"
)
# AP's opening inversion: "Said Comey, ..." or "Said Ellis: ...".
_OPENING_CUES = _ALTERNATION("opening_cues")
_INVERTED_OPENING = re.compile(rf"^\s*(?P<cue>{_OPENING_CUES})\s+(?P<source>[^,;:!?\"“”]+?)(?=[,;:!?\"“”]|\.?\s*$)")
_ACCORDING = r"according\s+to"
_ACCORDING_TO = re.compile(
    rf"\b(?P<cue>{_ACCORDING})\s+(?P<source>[^,;:!?\"“”]+?)(?=[,;:!?\"“”]|\.?\s*$)", re.IGNORECASE
)
_HEARSAY_PARTICIPLES = _ALTERNATION("hearsay_participles")
_SAID_TO_PARTICIPLES = _ALTERNATION("said_to_participles")
_HEARSAY_ADVERBS = _ALTERNATION("hearsay_adverbs")
_ACCUSED = "accused"
_PASSIVE_HEARSAY = re.compile(
    r"\b(?P<cue>(?:it|this)\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+|generally\s+|commonly\s+)?"
    rf"(?:{_HEARSAY_PARTICIPLES})"
    rf"|(?:is|are|was|were)\s+(?:{_SAID_TO_PARTICIPLES})\s+to"
    rf"|{_HEARSAY_ADVERBS}"  # "Talks reportedly covered arms sales."
    rf"|(?:is|are|was|were|been|being)\s+{_ACCUSED}\s+of)\b",  # "He was accused of lying", by someone
    re.IGNORECASE,
)
_PARENTHETICAL = re.compile(r"\([^()]*\)")  # "(R-Wash.)", "(AP)"
# The auxiliary of a progressive form: "Ortiz is calling for" (but "is said" is passive).
_PROGRESSIVE = re.compile(r"\s+(?:is|are|was|were|been)(?:\s+(?:also|still|now|increasingly))?\s*$")
# How far before its verb a subject, with an appositive, can start. Looking no further
# keeps a long run-on "sentence" with many verbs linear.
_SUBJECT_REACH = 200
# What "according to" can follow without naming a source.
_NOT_A_SOURCE = _WORDS("not_a_source")


def find_attribution(sentence: str, offset: int) -> Attribution | None:
    """The first attribution in `sentence` (which starts at document `offset`), if any."""
    masked = _masked(sentence)
    return _first_attribution(masked, offset, folded_words(masked))


def _masked(sentence: str) -> str:
    """The sentence as the finders read it: parentheticals blanked out, keeping offsets
    ("Sen. Dan Evans (R-Wash.) said"), and a title-case headline's verbs in lower case."""
    masked = _PARENTHETICAL.sub(lambda m: " " * len(m.group()), sentence)
    if _is_title_case(masked):
        masked = _HEADLINE_VERB.sub(lambda m: m.group().lower(), masked)
    return masked


def _first_attribution(masked: str, offset: int, words: frozenset[str]) -> Attribution | None:
    """What the first finder to match finds. Most sentences hold none of the words most
    finders need, so given the sentence's case-folded `words`, a finder without its cue
    words is skipped, sparing its expressions' search."""
    for finder in _FINDERS:
        if finder.may_match(words):
            found = finder.find(masked, offset)
            if found is not None:
                return found
    return None


# A run of ASCII letters longer than three: findall gives each run whole, as a run of
# three or fewer matches from none of its positions.
_LONG_WORD = re.compile(r"[A-Za-z]{4,}")
# The runs among those that start with a capital (counted in C, not word by word).
_LONG_CAPITALISED = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]{3,}")


def _is_title_case(sentence: str) -> bool:
    """A headline in title case ("Mayor Tells Council The Budget Is Broken"), where
    capitals say nothing about names."""
    words = len(_LONG_WORD.findall(sentence))
    return words >= 3 and len(_LONG_CAPITALISED.findall(sentence)) >= 0.8 * words


def _headline_source(sentence: str, offset: int) -> Attribution | None:
    match = _HEADLINE_SOURCE.match(sentence)
    if match is None or any(w.lower() in _HEADLINE_LABELS for w in match.group("source").split()):
        return None
    return _found(match, "cue", match.group("source"), offset, reach="sentence")


def _found(match: re.Match[str], cue: str | int, source: str, offset: int, reach: str = "before") -> Attribution:
    """An attribution whose cue is `match`'s group `cue`, at document offsets; `reach`
    says which words it attributes (`Attribution.reach`)."""
    start, end = match.start(cue), match.end(cue)
    if reach == "before" and (_ENDS_SENTENCE.match(match.string, end) or _closes(match.string, start, end, source)):
        reach = "after"  # "..., the minister believes.", "..., Lee told a radio station."
    return Attribution(offset + start, offset + end, source, is_vague_source(source), reach)


def _closes(sentence: str, start: int, end: int, source: str) -> bool:
    """Does the cue at [start, end) close the words it reports, its subject standing
    after a comma and no clause following it ("..., Lee told a local radio station.",
    "..., the embassy says in a new report.")?"""
    before = sentence[:start].rstrip()
    source = source.strip()
    if not source or not before.endswith(source):
        return False
    lead = before[: len(before) - len(source)].rstrip()
    rest = sentence[end:]
    return (
        lead.endswith((",", ',"', ",”"))
        and not _OPENS_CLAUSE.match(rest)
        and "," not in rest
        and len(rest.split()) <= _ADJUNCT_WORDS
    )


# Words an adjunct after a closing cue may take: "told a local radio station", "said
# after a contact group meeting"; more, and a clause may follow.
_ADJUNCT_WORDS = 8


# After a cue, what opens the reported words: "that", a colon, a pronoun subject.
_OPENS_CLAUSE = re.compile(r"\s*(?:that\b|:|[\"“]|(?:he|she|they|it|we|I)\b)")


# What may follow a cue that closes its sentence: "..., she said Tuesday.", '... he said."'
_ENDS_SENTENCE = re.compile(
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|"
    r"in\s+a\s+statement|in\s+an\s+interview|last\s+week|on\s+Twitter))?[\s.!?\"”’')]*$"
)


def _according_to(sentence: str, offset: int) -> Attribution | None:
    match = _ACCORDING_TO.search(sentence)
    if match is None:
        return None
    source = match.group("source").strip()
    if not source or head_noun(source).lower() in _NOT_A_SOURCE:  # "according to plan"
        return None
    # "According to X, ..." attributes what follows; "..., according to X" what precedes.
    return _found(match, "cue", source, offset, reach="before" if not sentence[: match.start()].strip() else "after")


def _inverted(sentence: str, offset: int) -> Attribution | None:
    match = _INVERTED.search(sentence) or _INVERTED_OPENING.search(sentence)
    if match is None:
        return None
    source = match.group("source").strip()
    if not looks_like_source(source):
        return None
    return _found(match, "cue", source, offset, reach="after" if match.re is _INVERTED else "before")


def _trailing(sentence: str, offset: int) -> Attribution | None:
    match = _TRAILING.search(sentence)
    if match is None:
        return None
    source = subject_of(_before(sentence, match.start("cue")), any_noun=True)
    if source is None:
        return None
    return _found(match, "cue", source, offset, reach="after")


def _subject_verb(sentence: str, offset: int) -> Attribution | None:
    for match in _cues(sentence):
        before = _before(sentence, match.start())
        if match.group().split()[0].endswith("ing"):  # "Ortiz is calling for", "officials are hoping"
            before = _PROGRESSIVE.sub("", before)
        source = subject_of(before)
        if source is None or _NOBODY.search(before) or _is_noun(match.group(), before):
            continue  # "Neither minister would say", "there is no doubt that"
        if (
            match.group() in _EVERYDAY_SENSE_VERBS
            and source.lower() not in ("he", "she")
            and not _SPEECH_COMPLEMENT.match(sentence, match.end())
        ):
            continue
        if match.group() == "states" and _COUNTED.search(before):
            continue  # "delegates in eight states"
        if match.group() in _NOUN_TOO and not (
            _STANCE_COMPLEMENT.match(sentence, match.end()) and looks_like_source(source.split()[-1])
        ):
            continue
        reach = "clause" if _STANCE.fullmatch(match.group()) else "before"
        return _found(match, 0, source, offset, reach=reach)
    return None


# Stance verbs report a position, not words: they attribute their own clause only ("The
# chain reportedly sought a loan, and its stores could close" keeps the second clause the
# reporter's; issue 19).
_STANCE = re.compile(_STANCE_VERBS)
# A subject that says nobody spoke: "Neither minister would say", "No one would comment".
_NOBODY = re.compile(r"\b(?:neither|nobody|no\s+one|none)\b[^,;:]*$", re.IGNORECASE)
_NOUN_SPELT_CUES = _WORDS("noun_spelt_cues")
_NOUN_MARKERS = _WORDS("noun_markers")


def _is_noun(cue: str, before: str) -> bool:
    """Is `cue` a noun here, after `before`: "no doubt", "the hope that", "new claims"?"""
    if fold(cue) not in _NOUN_SPELT_CUES:
        return False
    last = before.rsplit(None, 1)[-1:]
    return bool(last) and fold(last[0]).strip(",") in _NOUN_MARKERS


def _cues(sentence: str) -> Iterator[re.Match[str]]:
    """The matches of _CUE, as _CUE.finditer gives them, trying _CUE only where a word
    a match can start with stands (see `leading_words`; _CUE is case-sensitive, so as
    written): a pass over the words costs less than a search from every position."""
    if _CUE_FIRST_WORDS is None:  # an interpreter without CPython's parser
        yield from _CUE.finditer(sentence)
        return
    end = 0
    for word in WORD_RUN.finditer(sentence):
        if word.start() >= end and word.group() in _CUE_FIRST_WORDS:
            match = _CUE.match(sentence, word.start())
            if match is not None:
                yield match
                end = match.end()


# Figures speak for the body that gathered them: "Polls show the mayor ahead", "the
# latest survey by the university showed", "court records found in the archive reveal".
# Not "data found on the laptop" (a participle before a preposition) nor "the poll can be
# found online".
_PASSIVE_BE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s*$")
_DATA_SOURCES = _ALTERNATION("data_sources")
_DATA_SHOWS = re.compile(
    rf"\b(?P<source>(?:{_DATA_SOURCES})\b[^.;:!?\"“”]{{0,80}}?)\s+(?:has\s+|have\s+|also\s+)?"
    rf"(?P<cue>{_ALTERNATION('data_verbs')})\b(?!\s+(?:in|on|at|by)\b)",
    re.IGNORECASE,
)


def _data_shows(sentence: str, offset: int) -> Attribution | None:
    match = _DATA_SHOWS.search(sentence)
    if match is None or _PASSIVE_BE.search(sentence, 0, match.start("cue")):
        return None
    return _found(match, "cue", match.group("source").strip(), offset)


def find_hearsay(sentence: str, offset: int) -> Attribution | None:
    """The first hearsay cue ("reportedly", "is said to", "it is believed") in
    `sentence`, whatever other cue it holds: "the minister reportedly wants a deal" is
    hearsay before it is the minister's stance."""
    # Masking only matters for a parenthetical, blanked so that "is (in Rome) said to"
    # reads as one phrase: the expression ignores case, which masking otherwise changes.
    return _passive_hearsay(_masked(sentence) if "(" in sentence else sentence, offset)


def may_attribute_inside(sentence: str) -> bool:
    """Whether `sentence`, standing inside a longer one (so no headline), may hold a cue:
    false for a clause without any finder's cue words, which then needs no search."""
    words = folded_words(sentence)
    return any(finder.cue_words is not None and finder.may_match(words) for finder in _FINDERS)


def _passive_hearsay(sentence: str, offset: int) -> Attribution | None:
    match = _PASSIVE_HEARSAY.search(sentence)
    if match is None:
        return None
    # Hearsay covers its own clause: in "The chain reportedly sought a loan, and its stores
    # could close", the second clause is the reporter's (issue 19).
    return Attribution(offset + match.start("cue"), offset + match.end("cue"), "", vague=True, reach="clause")


def _strong_cue(sentence: str, offset: int) -> Attribution | None:
    for match in _STRONG_CUE.finditer(sentence):
        before = _before(sentence, match.start())
        if _NOT_SPEECH_BEFORE.search(before):
            continue  # "is said", "what he said", "so-called"
        if match.group() == "say" and (_SAY_NOT_SPEECH.search(before) or _NOBODY.search(before)):
            continue
        source = " ".join(before.split()[-8:])
        return _found(match, 0, source, offset)
    return None


# A participle of saying after the main clause reports the subject's words:
# "Other brokers were more cautious, saying Aquino had to improve ...", "the ad shows
# Ortiz at a rally while saying the plan may fail".
_PARTICIPLES = _ALTERNATION("participles")
_SAYING = _ALTERNATION("saying_verbs")
_PARTICIPIAL = re.compile(
    rf",\s+(?P<cue>{_PARTICIPLES})\b"
    # After a conjunction only verbs of saying proper: not "by adding 200 jobs".
    r"|\b(?:while|by|after|before|when|without)\s+"
    rf"(?P<said>{_SAYING})\b"
)


def _participial(sentence: str, offset: int) -> Attribution | None:
    match = _PARTICIPIAL.search(sentence)
    if match is None:
        return None
    source = " ".join(sentence[: match.start()].split()[:8])
    return _found(match, "cue" if match.group("cue") else "said", source, offset)


# A verb of saying or thinking with a "that" clause reports someone's view even when
# its subject is out of reach or misspelt: "eonomists warn that", "critics complain
# that", "refused to speculate on when".
_REPORTING_VERBS = _ALTERNATION("reporting_verbs")
_ESTIMATING_VERBS = _ALTERNATION("estimating_verbs")
_FRAMES = _ALTERNATION("frames")
# A court's holding is the court's: "the appeals court held that the fee probably breached".
_RULINGS = r"quoted(?:\s+[\w.’'-]+){0,5}\s+as\s+saying|ruled\s+that|found\s+that|held\s+that|holds\s+that"
_ASKED = "asked"
_REPORTED_BY = r"reported\s+by"
_VIEWING_VERBS = _ALTERNATION("viewing_verbs")
_REPORTED_CLAUSE = re.compile(
    rf"\b(?P<cue>{_REPORTING_VERBS})"
    r"(?:\s+(?:in|on|at|to)\s+[^,.;:\"“”]{1,60}?)?\s+(?:that\b|on\s+(?:when|whether|how)\b)"
    # Verbs of estimating take a bare clause: "estimated the company could be taken over".
    rf"|(?<!\bthe\s)\b(?P<estimate>{_ESTIMATING_VERBS})"
    r"\s+(?!to\b|at\b|by\b|of\b|in\b)"
    # Someone's statement, forecast or view: "dismissed statements in Tokyo that Japan might".
    rf"|\b(?P<frame>{_FRAMES})"
    r"(?:\s+(?:in|from|by)\s+[^,.;:]{1,40}?)?\s+that\b"
    # "was quoted as saying", "quoted a witness as saying", "the judge ruled that".
    rf"|\b(?P<ruling>{_RULINGS})\b"
    # An interview: "Ortiz was asked about the audit", "he was asked whether".
    rf"|\b(?P<asked>(?:was|were|is|are|been|being)\s+(?:first\s+|later\s+|also\s+)?{_ASKED}\s+"
    r"(?:about|whether|if|what|how|why|when|who)\b)"
    # A story that broke elsewhere: "as first reported by The Courier".
    rf"|\b(?P<by>(?:first\s+)?{_REPORTED_BY})\s+(?:the\s+)?[A-Z]"
    # A view: "traders see a rise to 5.6 pct as most likely", "analysts saw the move as".
    rf"|\b(?P<view>{_VIEWING_VERBS})\s+[^;:]{{1,80}}?\s+as\b"
)


def _reported_clause(sentence: str, offset: int) -> Attribution | None:
    for match in _REPORTED_CLAUSE.finditer(sentence):
        names = ("cue", "estimate", "frame", "ruling", "asked", "by", "view")
        cue = next(name for name in names if match.group(name))
        if _is_noun(match.group(cue), sentence[: match.start(cue)]):
            continue  # "there is no doubt that", "in the hope that"
        if cue == "by":  # the source follows: "as first reported by The Courier"
            source = re.split(r"[,;:.!?]", sentence[match.end(cue) :], maxsplit=1)[0].strip()
            return _found(match, cue, source, offset, reach="after")
        source = " ".join(sentence[: match.start(cue)].split()[-8:])
        return _found(match, cue, source, offset, reach="clause" if cue == "asked" else "before")
    return None


def _before(sentence: str, index: int) -> str:
    return sentence[max(0, index - _SUBJECT_REACH) : index]


# The finders, in order of precedence, with the words they cannot match without.


@dataclass(frozen=True)
class _Finder:
    """A finder, and the words its expressions cannot match without.

    Every match holds one of the `cue_words` (in lower case) as a whole word (see
    `leading_words`), so a sentence without any of them is skipped; None means no such
    words are known."""

    find: Callable[[str, int], Attribution | None]
    cue_words: frozenset[str] | None = None

    @classmethod
    def needing(cls, find: Callable[[str, int], Attribution | None], *alternations: str) -> _Finder:
        """A finder each of whose matches starts one of these alternations."""
        words = leading_words("|".join(alternations))
        return cls(find, None if words is None else frozenset(word.lower() for word in words))

    def may_match(self, words: frozenset[str]) -> bool:
        """Whether a sentence with these case-folded `words` may hold a match."""
        return self.cue_words is None or not self.cue_words.isdisjoint(words)


# Each branch holds its participle, its adverb or "accused" as a whole word.
_HEARSAY = _Finder.needing(_passive_hearsay, _HEARSAY_PARTICIPLES, _SAID_TO_PARTICIPLES, _HEARSAY_ADVERBS, _ACCUSED)
_FINDERS = (
    _Finder.needing(_according_to, _ACCORDING),
    _Finder.needing(_inverted, _INVERTED_CUES, _OPENING_CUES),
    _Finder.needing(_trailing, _TRAILING_CUES),
    _Finder.needing(_subject_verb, _SPEECH_VERBS),
    _HEARSAY,
    _Finder.needing(_strong_cue, _STRONG_CUES),
    _Finder.needing(_participial, _PARTICIPLES, _SAYING),
    # Each branch holds its verb or noun, "asked" or "reported" (by) as a whole word.
    _Finder.needing(
        _reported_clause,
        _REPORTING_VERBS,
        _ESTIMATING_VERBS,
        _FRAMES,
        _RULINGS,
        _ASKED,
        _REPORTED_BY,
        _VIEWING_VERBS,
    ),
    _Finder.needing(_data_shows, _DATA_SOURCES),
    _Finder(_headline_source),  # a match at the start only: cheap already
)
