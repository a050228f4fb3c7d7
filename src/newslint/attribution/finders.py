"""The finders: where in a sentence a source is named as speaking, and the cue that says so.

Each finder reads one form of attribution (see `newslint.attribution`); they are tried
in order of precedence and the first to match wins. Their words come from the cue
lexicon (`newslint.attribution.lexicon`), their grammar is the expressions below.

A false attribution hides the reporter's own hedges, so a match must look like speech:
the verb is written in lower case ("The United States" is no "states"; only "Said" and
"Says" are taken capitalised, other verbs only in a title-case headline), a verb with an
everyday sense needs a clause after it ("added that", not "added 200 jobs"), and the
subject's head noun must name a speaker ("Moscow's overture suggests" is an overture).

The expressions that hold the lexicon's words are built by `Cues` from a `Lexicon`: the
shipped one once at import (`SHIPPED`), a desk's extended one (issue 19) once a process
per lexicon digest (`cues_for`). The expressions that hold no lexicon word are shared.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newslint.attribution.lexicon import Lexicon, shipped_lexicon
from newslint.attribution.sources import CUE_WORDS_COPY, Sources, head_noun
from newslint.casefold import fold
from newslint.checks import prefilter
from newslint.checks.prefilter import leading_words
from newslint.datacopy import remembered
from newslint.model import Attribution

# Most of the expressions below can only match a sentence holding one of a few words,
# which a set look-up finds far faster than the expression's search from every position:
# the words are read from the expressions' alternations themselves
# (`newslint.checks.prefilter.leading_words`).

# What `\b` delimits: a maximal run of word characters.
WORD_RUN = re.compile(r"\w+")


def folded_words(sentence: str) -> frozenset[str]:
    """The sentence's whole words, case-folded: the words an expression matches, in
    whatever case, are among them in lower case. Folding the sentence rather than each
    word is the same: no character folds into a word character unless it was one, so
    words keep their bounds (tests check every code point)."""
    return frozenset(WORD_RUN.findall(fold(sentence)))


# Noun spellings of stance verbs count only before "to", "that" or a name or pronoun
# object: "Ortiz vows to", "Ortiz promises Lee a recount", not "campaign
# promises were broken" or "his demands for", nor after a verb ("they discussed pledges").
_STANCE_COMPLEMENT = re.compile(r"\s+(?:to|that|him|her|them|[A-Z])")
# Reporting verbs with an everyday sense report speech only before a clause, a quotation
# or the end of the sentence, or after "he" or "she" ("he added an accord could help").
_SPEECH_COMPLEMENT = re.compile(
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)"
    r"|\s+(?:last|this)\s+(?:week|month|year))?"  # "announced Friday that", "added last week:"
    r"(?:\s*(?:that\b|[,.;:!?\"“”‘’'—–(]|$)"  # "added that", "she added.", 'added: "...'
    r"|\s+(?:he|she|they|we|I)\b"  # "announced she will resign"
    r"|\s+(?:in|on|at|to|during|via)\b[^,.;:!?\"“”]*?\bthat\b)"  # "added in a statement that"
)
# A headline that names its source before a colon: "Ortiz: The recount may change the
# result", "Poll: Most Voters Back The Levy". The source is one to four capitalised words
# (not all capitals: "EMAIL:"); a claim of five words or more follows, so lists
# ("Ortiz: 1,204.", "Ohio: Ann Lee, Bob Ray.") do not count.
_HEADLINE_SOURCE = re.compile(
    r"^\s*(?P<source>[A-Z][\w.’'&/-]*(?:\s+[A-Z][\w.’'&/-]*){0,3})(?<![A-Z]{3})(?P<cue>:)"
    r"\s+(?=[A-Za-z‘'\"“])(?:[^\s,:;]+\s+){4}\S"
)
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
_ACCORDING = r"according\s+to"
_ACCORDING_TO = re.compile(
    rf"\b(?P<cue>{_ACCORDING})\s+(?P<source>[^,;:!?\"“”]+?)(?=[,;:!?\"“”]|\.?\s*$)", re.IGNORECASE
)
_ACCUSED = "accused"
_PARENTHETICAL = re.compile(r"\([^()]*\)")  # "(R-Wash.)", "(AP)"
# The auxiliary of a progressive form: "Ortiz is calling for" (but "is said" is passive).
_PROGRESSIVE = re.compile(r"\s+(?:is|are|was|were|been)(?:\s+(?:also|still|now|increasingly))?\s*$")
# How far before its verb a subject, with an appositive, can start. Looking no further
# keeps a long run-on "sentence" with many verbs linear.
_SUBJECT_REACH = 200
# A subject that says nobody spoke: "Neither minister would say", "No one would comment".
_NOBODY = re.compile(r"\b(?:neither|nobody|no\s+one|none)\b[^,;:]*$", re.IGNORECASE)
# Figures are not spoken in the passive: "the poll can be found online".
_PASSIVE_BE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s*$")
# A court's holding is the court's: "the appeals court held that the fee probably breached".
# "quoted Linda Geraldez, an NFA statistician, as saying": a name and its appositive.
_RULINGS = r"quoted(?:\s+[\w.’'-]+,?){0,8}\s+as\s+saying|ruled\s+that|found\s+that|held\s+that|holds\s+that"
_ASKED = "asked"
_REPORTED_BY = r"reported\s+by"
_REPORTED_CLAUSE_CUES = ("cue", "estimate", "frame", "ruling", "asked", "by", "view")

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


def _verb_only(cue: str) -> bool:
    """Whether a reporting cue can only be a verb: a past form ("added", "said", "told",
    "wrote"), never a noun as "claims", "plans" or "warnings" can be."""
    word = cue.split()[0].lower()
    return word.endswith("ed") or word in ("said", "told", "wrote")


def _before(sentence: str, index: int) -> str:
    return sentence[max(0, index - _SUBJECT_REACH) : index]


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


class Cues:
    """The finders built from one lexicon's words: `find_attribution`, `find_hearsay` and
    `may_attribute_inside` read a sentence with them."""

    def __init__(self, lexicon: Lexicon) -> None:
        alternation, words = lexicon.alternation, lexicon.word_set
        self.lexicon = lexicon
        self.sources = Sources(lexicon)
        # Verbs that report a stance, a wish or a verdict rather than words: "the governor
        # criticized the plan", "the union opposes the deal". Forms that are also nouns
        # ("campaign promises") need a complement: see `noun_too`.
        stance_verbs = alternation("stance_verbs")
        # A number or quantifier before "states" makes it a noun: "in 11 states", "in all states".
        self.counted = re.compile(rf"\b(?:\d[\d,]*|{alternation('counted')})\s*$", re.IGNORECASE)
        self.noun_too = words("noun_too")
        # Reporting verbs, matched in lower case only.
        speech_verbs = alternation("speech_verbs") + "|" + stance_verbs
        # Reporting verbs with an everyday sense, or plural nouns spelt the same: "the
        # company added 200 jobs", "posted a loss", "recalled 1 million cars", "recession
        # fears grew". They need `_SPEECH_COMPLEMENT`.
        self.everyday_sense_verbs = words("everyday_sense_verbs")
        # Case-sensitive (see the module docstring); not inside a compound ("mortgage-backed").
        self.cue = re.compile(rf"(?<!-)\b(?:{speech_verbs})\b")
        self.cue_first_words = leading_words(speech_verbs)
        # Stance verbs report a position, not words: they attribute their own clause only
        # ("The chain reportedly sought a loan, and its stores could close" keeps the
        # second clause the reporter's; issue 19).
        self.stance = re.compile(stance_verbs)
        # Verbs of saying (not of thinking or inferring) closing a sentence after a comma:
        # "..., the plan's backers said." names a source whatever the noun.
        trailing_cues = alternation("trailing_cues")
        self.trailing = re.compile(r"[,?!][\"”]?[^,;:\"“”]{1,80}?\s(?P<cue>" + trailing_cues + r")\s*[.!?]?[\"”’]?\s*$")
        # In a title-case headline, the verbs that are not also nouns report speech as in
        # body text: "Governor Slams Lawmakers" reads as "Governor slams lawmakers". Not
        # "Calls", "Claims", "Plans" or "Support" (nouns as often as verbs), nor the
        # "States" of "United States".
        self.headline_verb = re.compile(rf"\b(?:{alternation('headline_verbs')})\b")
        # Capitalised labels that stand before a colon without being a source.
        self.headline_labels = words("headline_labels")
        # "said", "says" and "told" introduce speech almost wherever they stand, even when
        # the subject is out of reach ("A ministry official welcomed the plan and said
        # ..."), and in a title-case headline ("Trump Says He Never Pledged ...").
        strong_cues = alternation("strong_cues")
        self.strong_cue = re.compile(rf"\b(?:{strong_cues})\b(?!\s+to\b)")  # not "said to cost"
        inverted_cues = alternation("inverted_cues")
        self.inverted = re.compile(
            rf"[,”\"’']\s*(?P<cue>\b(?:{inverted_cues})\b)\s+"
            r"(?P<source>[^,;:!?\"“”]+?)(?=[,;:!?\"“”]|\.?\s*$)"
        )
        # AP's opening inversion: "Said Comey, ..." or "Said Ellis: ...".
        opening_cues = alternation("opening_cues")
        self.inverted_opening = re.compile(
            rf"^\s*(?P<cue>{opening_cues})\s+(?P<source>[^,;:!?\"“”]+?)(?=[,;:!?\"“”]|\.?\s*$)"
        )
        hearsay_participles = alternation("hearsay_participles")
        said_to_participles = alternation("said_to_participles")
        hearsay_adverbs = alternation("hearsay_adverbs")
        # "It is expected that ..." passes on a forecast nobody made; "It is expected to
        # ask the judge" is the personal passive of a forecast about "it", which
        # `attribution.expected` asks a forecaster for.
        self.passive_hearsay = re.compile(
            r"\b(?P<cue>(?:it|this)\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+|generally\s+|commonly\s+)?"
            rf"(?:{hearsay_participles})(?!(?<=expected)\s+to\b)"
            rf"|(?:is|are|was|were)\s+(?:{said_to_participles})\s+to"
            rf"|{hearsay_adverbs}"  # "Talks reportedly covered arms sales."
            rf"|(?:is|are|was|were|been|being)\s+{_ACCUSED}\s+of)\b",  # "He was accused of lying", by someone
            re.IGNORECASE,
        )
        # What "according to" can follow without naming a source.
        self.not_a_source = words("not_a_source")
        self.noun_spelt_cues = words("noun_spelt_cues")
        self.noun_markers = words("noun_markers")
        # Figures speak for the body that gathered them: "Polls show the mayor ahead", "the
        # latest survey by the university showed", "court records found in the archive
        # reveal". Not "data found on the laptop" (a participle before a preposition).
        data_sources = alternation("data_sources")
        self.data_shows = re.compile(
            rf"\b(?P<source>(?:{data_sources})\b[^.;:!?\"“”]{{0,80}}?)\s+(?:has\s+|have\s+|also\s+)?"
            rf"(?P<cue>{alternation('data_verbs')})\b(?!\s+(?:in|on|at|by)\b)",
            re.IGNORECASE,
        )
        # A participle of saying after the main clause reports the subject's words:
        # "Other brokers were more cautious, saying Aquino had to improve ...", "the ad
        # shows Ortiz at a rally while saying the plan may fail", "which Arango warmly
        # welcomed saying exporters will ...".
        participles = alternation("participles")
        saying = alternation("saying_verbs")
        self.participial = re.compile(
            rf",\s+(?P<cue>{participles})\b"
            # After a conjunction or a verb in the past only verbs of saying proper: not
            # "by adding 200 jobs", "reported adding 200 jobs".
            r"|\b(?:while|by|after|before|when|without|[a-z]{3,}ed)\s+"
            rf"(?P<said>{saying})\b"
        )
        # A verb of saying or thinking with a "that" clause reports someone's view even
        # when its subject is out of reach or misspelt: "eonomists warn that", "critics
        # complain that", "refused to speculate on when".
        reporting_verbs = alternation("reporting_verbs")
        estimating_verbs = alternation("estimating_verbs")
        frames = alternation("frames")
        viewing_verbs = alternation("viewing_verbs")
        self.reported_clause = re.compile(
            rf"\b(?P<cue>{reporting_verbs})"
            r"(?:\s+(?:in|on|at|to)\s+[^,.;:\"“”]{1,60}?)?\s+(?:that\b|on\s+(?:when|whether|how)\b)"
            # Verbs of estimating take a bare clause: "estimated the company could be taken over".
            rf"|(?<!\bthe\s)\b(?P<estimate>{estimating_verbs})"
            r"\s+(?!to\b|at\b|by\b|of\b|in\b)"
            # Someone's statement, forecast or view: "dismissed statements in Tokyo that Japan might".
            rf"|\b(?P<frame>{frames})"
            r"(?:\s+(?:in|from|by)\s+[^,.;:]{1,40}?)?\s+that\b"
            # "was quoted as saying", "quoted a witness as saying", "the judge ruled that".
            rf"|\b(?P<ruling>{_RULINGS})\b"
            # An interview: "Ortiz was asked about the audit", "he was asked whether".
            rf"|\b(?P<asked>(?:was|were|is|are|been|being)\s+(?:first\s+|later\s+|also\s+)?{_ASKED}\s+"
            r"(?:about|whether|if|what|how|why|when|who)\b)"
            # A story that broke elsewhere: "as first reported by The Courier".
            rf"|\b(?P<by>(?:first\s+)?{_REPORTED_BY})\s+(?:the\s+)?[A-Z]"
            # A view: "traders see a rise to 5.6 pct as most likely", "analysts saw the move as".
            rf"|\b(?P<view>{viewing_verbs})\s+[^;:]{{1,80}}?\s+as\b"
        )
        # The finders, in order of precedence, with the words they cannot match without.
        # Each hearsay branch holds its participle, its adverb or "accused" as a whole word.
        self.hearsay = _Finder.needing(
            self._passive_hearsay, hearsay_participles, said_to_participles, hearsay_adverbs, _ACCUSED
        )
        self.finders = (
            _Finder.needing(self._according_to, _ACCORDING),
            _Finder.needing(self._inverted, inverted_cues, opening_cues),
            _Finder.needing(self._trailing, trailing_cues),
            _Finder.needing(self._subject_verb, speech_verbs),
            self.hearsay,
            _Finder.needing(self._strong_cue, strong_cues),
            _Finder.needing(self._participial, participles, saying),
            # Each branch holds its verb or noun, "asked" or "reported" (by) as a whole word.
            _Finder.needing(
                self._reported_clause,
                reporting_verbs,
                estimating_verbs,
                frames,
                _RULINGS,
                _ASKED,
                _REPORTED_BY,
                viewing_verbs,
            ),
            _Finder.needing(self._data_shows, data_sources),
            _Finder(self._headline_source),  # a match at the start only: cheap already
        )

    def find_attribution(self, sentence: str, offset: int) -> Attribution | None:
        """The first attribution in `sentence` (which starts at document `offset`), if any."""
        masked = self.masked(sentence)
        return self.first_attribution(masked, offset, folded_words(masked))

    def find_hearsay(self, sentence: str, offset: int) -> Attribution | None:
        """The first hearsay cue ("reportedly", "is said to", "it is believed") in
        `sentence`, whatever other cue it holds: "the minister reportedly wants a deal" is
        hearsay before it is the minister's stance."""
        # Masking only matters for a parenthetical, blanked so that "is (in Rome) said to"
        # reads as one phrase: the expression ignores case, which masking otherwise changes.
        return self._passive_hearsay(self.masked(sentence) if "(" in sentence else sentence, offset)

    def may_attribute_inside(self, sentence: str) -> bool:
        """Whether `sentence`, standing inside a longer one (so no headline), may hold a
        cue: false for a clause without any finder's cue words, which then needs no search."""
        words = folded_words(sentence)
        return any(finder.cue_words is not None and finder.may_match(words) for finder in self.finders)

    def masked(self, sentence: str) -> str:
        """The sentence as the finders read it: parentheticals blanked out, keeping offsets
        ("Sen. Dan Evans (R-Wash.) said"), and a title-case headline's verbs in lower case."""
        masked = _PARENTHETICAL.sub(lambda m: " " * len(m.group()), sentence)
        if _is_title_case(masked):
            masked = self.headline_verb.sub(lambda m: m.group().lower(), masked)
        return masked

    def first_attribution(self, masked: str, offset: int, words: frozenset[str]) -> Attribution | None:
        """What the first finder to match finds. Most sentences hold none of the words most
        finders need, so given the sentence's case-folded `words`, a finder without its cue
        words is skipped, sparing its expressions' search."""
        for finder in self.finders:
            if finder.may_match(words):
                found = finder.find(masked, offset)
                if found is not None:
                    return found
        return None

    def cues(self, sentence: str) -> Iterator[re.Match[str]]:
        """The matches of `cue`, as its finditer gives them, trying it only where a word a
        match can start with stands (see `leading_words`; `cue` is case-sensitive, so as
        written): a pass over the words costs less than a search from every position."""
        if self.cue_first_words is None:  # an interpreter without CPython's parser
            yield from self.cue.finditer(sentence)
            return
        end = 0
        for word in WORD_RUN.finditer(sentence):
            if word.start() >= end and word.group() in self.cue_first_words:
                match = self.cue.match(sentence, word.start())
                if match is not None:
                    yield match
                    end = match.end()

    def _found(
        self, match: re.Match[str], cue: str | int, source: str, offset: int, reach: str = "before"
    ) -> Attribution:
        """An attribution whose cue is `match`'s group `cue`, at document offsets; `reach`
        says which words it attributes (`Attribution.reach`)."""
        start, end = match.start(cue), match.end(cue)
        if reach == "before" and (_ENDS_SENTENCE.match(match.string, end) or _closes(match.string, start, end, source)):
            reach = "after"  # "..., the minister believes.", "..., Lee told a radio station."
        return Attribution(offset + start, offset + end, source, self.sources.is_vague_source(source), reach)

    def _headline_source(self, sentence: str, offset: int) -> Attribution | None:
        match = _HEADLINE_SOURCE.match(sentence)
        if match is None or any(w.lower() in self.headline_labels for w in match.group("source").split()):
            return None
        return self._found(match, "cue", match.group("source"), offset, reach="sentence")

    def _according_to(self, sentence: str, offset: int) -> Attribution | None:
        match = _ACCORDING_TO.search(sentence)
        if match is None:
            return None
        source = match.group("source").strip()
        if not source or head_noun(source).lower() in self.not_a_source:  # "according to plan"
            return None
        # "According to X, ..." attributes what follows; "..., according to X" what precedes.
        reach = "before" if not sentence[: match.start()].strip() else "after"
        return self._found(match, "cue", source, offset, reach=reach)

    def _inverted(self, sentence: str, offset: int) -> Attribution | None:
        match = self.inverted.search(sentence) or self.inverted_opening.search(sentence)
        if match is None:
            return None
        source = match.group("source").strip()
        if not self.sources.looks_like_source(source):
            return None
        return self._found(match, "cue", source, offset, reach="after" if match.re is self.inverted else "before")

    def _trailing(self, sentence: str, offset: int) -> Attribution | None:
        match = self.trailing.search(sentence)
        if match is None:
            return None
        cue = match.group("cue")
        source = self.sources.subject_of(
            _before(sentence, match.start("cue")), any_noun=True, verb_only=_verb_only(cue)
        )
        if source is None:
            return None
        return self._found(match, "cue", source, offset, reach="after")

    def _subject_verb(self, sentence: str, offset: int) -> Attribution | None:
        for match in self.cues(sentence):
            before = _before(sentence, match.start())
            if match.group().split()[0].endswith("ing"):  # "Ortiz is calling for", "officials are hoping"
                before = _PROGRESSIVE.sub("", before)
            source = self.sources.subject_of(before, verb_only=_verb_only(match.group()))
            if source is None or _NOBODY.search(before) or self._is_noun(match.group(), before):
                continue  # "Neither minister would say", "there is no doubt that"
            if (
                match.group() in self.everyday_sense_verbs
                and source.lower() not in ("he", "she")
                and not _SPEECH_COMPLEMENT.match(sentence, match.end())
            ):
                continue
            if match.group() == "states" and self.counted.search(before):
                continue  # "delegates in eight states"
            if match.group() in self.noun_too and not (
                _STANCE_COMPLEMENT.match(sentence, match.end()) and self.sources.looks_like_source(source.split()[-1])
            ):
                continue
            reach = "clause" if self.stance.fullmatch(match.group()) else "before"
            return self._found(match, 0, source, offset, reach=reach)
        return None

    def _is_noun(self, cue: str, before: str) -> bool:
        """Is `cue` a noun here, after `before`: "no doubt", "the hope that", "new claims"?"""
        if fold(cue) not in self.noun_spelt_cues:
            return False
        last = before.rsplit(None, 1)[-1:]
        return bool(last) and fold(last[0]).strip(",") in self.noun_markers

    def _data_shows(self, sentence: str, offset: int) -> Attribution | None:
        match = self.data_shows.search(sentence)
        if match is None or _PASSIVE_BE.search(sentence, 0, match.start("cue")):
            return None
        return self._found(match, "cue", match.group("source").strip(), offset)

    def _passive_hearsay(self, sentence: str, offset: int) -> Attribution | None:
        match = self.passive_hearsay.search(sentence)
        if match is None:
            return None
        # Hearsay covers its own clause: in "The chain reportedly sought a loan, and its
        # stores could close", the second clause is the reporter's (issue 19).
        return Attribution(offset + match.start("cue"), offset + match.end("cue"), "", vague=True, reach="clause")

    def _strong_cue(self, sentence: str, offset: int) -> Attribution | None:
        for match in self.strong_cue.finditer(sentence):
            before = _before(sentence, match.start())
            if _NOT_SPEECH_BEFORE.search(before):
                continue  # "is said", "what he said", "so-called"
            if match.group() == "say" and (_SAY_NOT_SPEECH.search(before) or _NOBODY.search(before)):
                continue
            source = " ".join(before.split()[-8:])
            return self._found(match, 0, source, offset)
        return None

    def _participial(self, sentence: str, offset: int) -> Attribution | None:
        match = self.participial.search(sentence)
        if match is None:
            return None
        source = " ".join(sentence[: match.start()].split()[:8])
        return self._found(match, "cue" if match.group("cue") else "said", source, offset)

    def _reported_clause(self, sentence: str, offset: int) -> Attribution | None:
        for match in self.reported_clause.finditer(sentence):
            cue = next(name for name in _REPORTED_CLAUSE_CUES if match.group(name))
            if self._is_noun(match.group(cue), sentence[: match.start(cue)]):
                continue  # "there is no doubt that", "in the hope that"
            if cue == "by":  # the source follows: "as first reported by The Courier"
                source = re.split(r"[,;:.!?]", sentence[match.end(cue) :], maxsplit=1)[0].strip()
                return self._found(match, cue, source, offset, reach="after")
            source = " ".join(sentence[: match.start(cue)].split()[-8:])
            return self._found(match, cue, source, offset, reach="clause" if cue == "asked" else "before")
        return None


# The shipped lexicon's finders, built once at import; those of desks' lexicons once a
# process each, by digest (a run's files under one config share one). The words each
# expression needs are read from the expressions (`leading_words`), a parse of each: the
# results are kept in the user cache folder (`newslint.datacopy.remembered`) and read
# back at the next start.
with remembered([Path(prefilter.__file__)], CUE_WORDS_COPY, prefilter.KNOWN_LEADING_WORDS):
    SHIPPED = Cues(shipped_lexicon())
_BUILT: dict[str, Cues] = {}


def cues_for(lexicon: Lexicon) -> Cues:
    """The finders for `lexicon`: the shipped ones for the shipped lexicon."""
    if lexicon is SHIPPED.lexicon:
        return SHIPPED
    if lexicon.digest not in _BUILT:
        _BUILT[lexicon.digest] = Cues(lexicon)
    return _BUILT[lexicon.digest]


find_attribution = SHIPPED.find_attribution
find_hearsay = SHIPPED.find_hearsay
may_attribute_inside = SHIPPED.may_attribute_inside
