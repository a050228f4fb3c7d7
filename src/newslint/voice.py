"""Who speaks in each clause: the reporter, a quoted source, a named source in indirect
speech, a vague source, or hearsay (issue 19).

An attribution covers the words it reports and no more. A hedge, a loaded word or a claim
is the reporter's unless the clause it stands in belongs to a source, so rules ask the
voice of the clause their match is in (`Document.voice_at`), not whether the sentence
holds a cue somewhere. How far a cue reaches (`Attribution.reach`):

* "Smith said the plan may fail, and that costs could rise": forward from the cue, through
  clauses that continue the speech, up to a semicolon or a clause in which the speaker
  acts rather than speaks (", and she did not address the loan");
* "The plan may fail, and costs could rise, Smith said" / "..., according to X": back to
  the start of the sentence;
* the words before a cue that opens speech, and an appositive describing the source
  ("Geary, arguably the board's sharpest critic, said ..."), are the reporter's;
* "reportedly", "is said to", "criticized the plan", "declined to comment": their own
  clause ("The chain was reportedly in talks, and its stores could close": the second
  clause is the reporter's);
* a headline's "Ortiz: ...": the whole line.

A relative clause at the end of a sentence speaks with its host ("..., which could still
fall through"). A quotation's words are the quoted source's, and a quotation reopened
after its attribution ('"...," she said. "Next sentence') or continued in the next
paragraph keeps the speaker named last. A sentence without a cue of its own that carries
on a named or vague source's indirect speech in the backshifted tense of reported speech
("Lee said the mill would close. It would reopen in May."), in its paragraph or, opening
on a pronoun or on "would", in the next, is that source's too (`Voice.carried`); so is a
sentence of the reporter's followed in its paragraph by one that closes on a verb of
saying ("..., dealers said.") or opens on "added": wire copy attributes a paragraph at
its end.

`tally` counts clauses and sources per paragraph and per story for `attribution.*`
statistics.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from newslint.attribution import finders
from newslint.attribution.finders import Cues
from newslint.attribution.lexicon import shipped_lexicon
from newslint.attribution.sources import head_in
from newslint.clauses import Span, clause_spans
from newslint.model import REPORTER, Attribution, Clause, Document, Paragraph, Sentence, Speaker, Voice

_COORDINATORS = frozenset({"and", "but", "or", "yet", "so", "nor"})
_RELATIVES = frozenset({"which", "who", "whose", "whom", "where"})
# "..., and that costs could rise": the speech runs on.
_THAT = re.compile(r"\s*(?:and|but|or|yet|so|nor)\s+that\b", re.IGNORECASE)
_FIRST_WORD_AFTER_LINK = re.compile(r"\s*\w+\s+([\w’'-]+)")
# Indirect speech in the past tense, and the backshifted verbs that carry it on.
_PAST_SPEECH = re.compile(
    r"\b(?:said|told|added|wrote|explained|argued|warned|noted|insisted|predicted|estimated|"
    r"believed|thought|expected|stressed|acknowledged|conceded|cautioned)\b"
)
# The verb of the first clause, after a connective or a short opening phrase that links
# the sentence to the speech before it ("However, funding could dry up", "At home, the
# bank would ..."), is in the backshifted tense.
_OPENING = (
    r"^\s*(?:(?:however|but|and|also|meanwhile|moreover|still|yet|nevertheless|instead|otherwise|"
    r"in\s+addition|in\s+that\s+case|at\s+the\s+same\s+time|at\s+home|abroad|in\s+\d{4}|this\s+year|next\s+year)\b,?)?"
)
# The backshifted "is likely to" may stand in a later coordinated clause ("It was also
# trying to eliminate aflatoxin, but this was likely to take years"), not in a relative
# or complement clause.
_BACKSHIFTED = re.compile(
    _OPENING + r"(?:[^,;:]*?\b(?:would|could|might|was\s+going\s+to|were\s+going\s+to)"
    r"|(?:[^,;:]*?|(?:(?!\b(?:which|that|who|whom|whose)\b)[^;:])*?)\b(?:was|were)\s+(?:not\s+)?(?:likely|unlikely|expected)\s+to)\b",
    re.IGNORECASE,
)
# "He said he may buy more shares, or he may sell": a coordinated clause whose verb is a
# modal goes on with the speaker's plans, it does not report an act.
_MODAL_AFTER_SUBJECT = re.compile(r"\s*\w+\s+[\w’'-]+\s+(?:may|might|could|would|will|can|should)\b", re.IGNORECASE)
# "would" (not "could" or "might", which are also the present's possibility) is the
# future of reported speech: "The canal would probably make a loss" in the paragraph after
# "the minister said ..." carries the minister's account on, whatever its subject; so is
# "was expected to", the backshifted "is expected to" ("Growth was expected to slow").
# In the first clause; or after commas, as an appositive's ("But the placement of
# Linotype, to be bought from Allied, would likely come later"), but not past a
# semicolon, a colon or a relative or complement clause: the "would" of "overhaul, which
# would probably feature" or "convinced Goria, who declined, that Italy would" is not the
# sentence's own verb.
_PAST_FUTURE = re.compile(
    _OPENING + r"(?:[^,;:]*?|(?:(?!\b(?:which|that|who|whom|whose)\b)[^;:])*?)"
    r"\b(?:would|was\s+going\s+to|were\s+going\s+to|(?:was|were)\s+(?:not\s+)?expected\s+to)\b",
    re.IGNORECASE,
)
# A reporting verb that presupposes the source said the sentence before too.
_ADDED = re.compile(r"\b(?:added|adds|also\s+said)\b", re.IGNORECASE)
# At most this many words between an inverted "said" and the sentence's end: "..., said
# Mary Lou Smith." names a source; "..., said she is concerned that ..." is speech. (One
# with an appositive, "..., said Lee, a spokeswoman.", does not count: ", but declined
# to elaborate" ends a sentence the same way.)
_INVERTED_SOURCE_WORDS = 6
_PRONOUN_SUBJECT = re.compile(r"\s*(?:he|she|it|they)\b", re.IGNORECASE)


def read_voices(
    document: Document,
    cues: Cues = finders.SHIPPED,
    spans_of: Callable[[str, list[tuple[int, int]]], list[Span]] = clause_spans,
) -> None:
    """Fill every sentence's `clauses` with who speaks in each, reading cues inside a
    sentence with `cues` (those of the document's lexicon). `spans_of` cuts a sentence
    into clauses (the language server passes one that remembers sentences it has cut)."""
    speaker: Attribution | None = None  # named last, for quotations that run on
    previous: Sentence | None = None
    for paragraph in document.paragraphs:
        for index, sentence in enumerate(paragraph.sentences):
            sentence.clauses = _clauses(
                document, sentence, previous, speaker, cues, new_paragraph=index == 0, spans_of=spans_of
            )
            if index > 0 and previous is not None:
                _carry_back(document, sentence, previous, cues)
            found = [clause.voice.attribution for clause in sentence.clauses if clause.voice.attribution is not None]
            if found:
                speaker = found[-1]
            previous = sentence


def _clauses(
    document: Document,
    sentence: Sentence,
    previous: Sentence | None,
    speaker: Attribution | None,
    cues: Cues,
    *,
    new_paragraph: bool,
    spans_of: Callable[[str, list[tuple[int, int]]], list[Span]],
) -> list[Clause]:
    quotes = [
        (max(0, quote.start - sentence.start), min(len(sentence.text), quote.end - sentence.start))
        for quote in document.quotes_within(sentence.start, sentence.end)
    ]
    spans = spans_of(sentence.text, quotes)
    quoted = _inside_quotes(spans, quotes)
    if sentence.quoted or all(quoted):
        voice = Voice(Speaker.QUOTED, sentence.attribution or speaker)
        return [Clause(sentence.start + span.start, sentence.start + span.end, voice) for span in spans]
    if sentence.attribution is None:
        carried = _carried(document, sentence, previous, new_paragraph=new_paragraph)
        voices = [carried or REPORTER] * len(spans)
    else:
        voices = _voices(sentence, spans, quoted, cues)
    clauses = []
    for span, inside, voice in zip(spans, quoted, voices):
        if inside:
            voice = Voice(Speaker.QUOTED, voice.attribution or sentence.attribution or speaker)
        clause = Clause(sentence.start + span.start, sentence.start + span.end, voice)
        clauses.append(_with_described_subject(document.text, clause, cues))
    return clauses


def _with_described_subject(text: str, clause: Clause, cues: Cues) -> Clause:
    """`clause`, with the reporter speaking up to its cue when the words before the cue
    are its source and an appositive set off by commas: in "Geary, arguably the
    commission's most consistent skeptic of rapid growth, said ...", the description is
    the reporter's, however long. Not when the appositive holds a cue of its own
    ("Bilzerian, who has said he may seek control, said ..."): that is the source's."""
    cue = clause.voice.attribution
    if (
        cue is None
        or clause.voice.speaker not in (Speaker.NAMED, Speaker.VAGUE)
        or clause.voice.carried
        or cue.reach != "before"
        or not cue.source
        or not clause.start < cue.cue_start < clause.end
    ):
        return clause
    head, comma, appositive = text[clause.start : cue.cue_start].partition(",")
    if not comma or " ".join(head.split()) != " ".join(cue.source.split()) or not appositive.rstrip().endswith(","):
        return clause
    if cues.may_attribute_inside(appositive) and cues.find_attribution(appositive, 0) is not None:
        return clause
    return replace(clause, reporter_until=cue.cue_start)


def _inside_quotes(spans: list[Span], quotes: list[tuple[int, int]]) -> list[bool]:
    """Whether each span lies inside one of `quotes` (top-level quotations: in order, none
    overlapping, so only the last to start at or before the span can hold it). By
    bisection: a sentence can hold thousands of clauses and quotations, and holding each
    against each was quadratic (issue 20)."""
    starts = [start for start, _ in quotes]
    inside = []
    for span in spans:
        index = bisect.bisect_right(starts, span.start) - 1
        inside.append(index >= 0 and span.end <= quotes[index][1])
    return inside


def _voices(sentence: Sentence, spans: list[Span], quoted: list[bool], cues: Cues) -> list[Voice]:
    """Each clause's voice in a sentence that holds a cue: the cues of each clause, and
    how far each reaches."""
    assert sentence.attribution is not None
    own: list[Attribution | None] = []
    for span, inside in zip(spans, quoted):
        start, end = sentence.start + span.start, sentence.start + span.end
        if inside:
            own.append(None)  # the quotation's words are the source's, cues and all
        elif start <= sentence.attribution.cue_start < end:
            own.append(_hearsay_first(sentence.text[span.start : span.end], start, sentence.attribution, cues))
        elif len(spans) > 1 and cues.may_attribute_inside(text := sentence.text[span.start : span.end]):
            own.append(_hearsay_first(text, start, cues.find_attribution(text, start), cues))
        else:
            own.append(None)
    voices: list[Voice | None] = [_voice_of(found) if found else None for found in own]
    # A cue that closes the words it reports outranks one that opens them.
    # Hearsay a source passes on is the source's: "Lee said the mayor allegedly took
    # bribes", "The clerk allegedly forged permits, and ..., prosecutors said".
    passed_on = [found is not None and _is_hearsay(found) for found in own]
    for index, found in enumerate(own):
        if found is not None and found.reach in ("after", "sentence") and not passed_on[index]:
            for earlier in range(index - 1, -1, -1):
                if own[earlier] is not None and not passed_on[earlier]:
                    break
                voices[earlier] = voices[index] if passed_on[earlier] else voices[earlier] or voices[index]
            if found.reach == "sentence":
                for later in range(index + 1, len(spans)):
                    voices[later] = voices[later] or voices[index]
    for index, found in enumerate(own):
        if found is not None and found.reach == "before" and not passed_on[index]:
            for later in range(index + 1, len(spans)):
                if (own[later] is not None and not passed_on[later]) or _speech_stops(
                    sentence.text, spans[later], found, cues.sources.pronouns
                ):
                    break
                voices[later] = voices[index] if passed_on[later] else voices[later] or voices[index]
    # A relative clause at the end speaks with its host.
    for index, span in enumerate(spans):
        if voices[index] is None and index > 0 and span.link in _RELATIVES:
            voices[index] = voices[index - 1]
    return [voice or REPORTER for voice in voices]


def _hearsay_first(text: str, offset: int, found: Attribution | None, cues: Cues) -> Attribution | None:
    """A clause's cue, or its hearsay when the cue is only a stance or the hearsay comes
    before the cue that opens the speech: "the minister reportedly wants a deal", "Lee
    reportedly said" pass on what nobody named vouches for."""
    if found is None or _is_hearsay(found):
        return found
    hearsay = cues.find_hearsay(text, offset)
    if hearsay is not None and (
        found.reach == "clause" or (found.reach == "before" and hearsay.cue_start < found.cue_start)
    ):
        return hearsay  # but "The mayor allegedly took bribes, according to an indictment" names it
    return found


def _is_hearsay(attribution: Attribution) -> bool:
    """A cue that names nobody at all: "reportedly", "is said to", "it is believed" (not a
    "said" whose subject is out of reach, which opens a source's speech)."""
    return attribution.vague and not attribution.source and attribution.reach == "clause"


def _voice_of(attribution: Attribution) -> Voice:
    if attribution.vague:
        return Voice(Speaker.HEARSAY if _is_hearsay(attribution) else Speaker.VAGUE, attribution)
    return Voice(Speaker.NAMED, attribution)


def _speech_stops(text: str, span: Span, cue: Attribution, pronouns: frozenset[str]) -> bool:
    """Does a speaker's indirect speech stop where this clause starts? At a semicolon,
    and at a coordinated clause in which the speaker acts ("..., and she did not
    address the loan"), but not at "..., and that ...", which carries the speech on."""
    if span.link == "semicolon":
        return True
    if span.link not in _COORDINATORS:
        return False
    clause = text[span.start : span.end]
    if _THAT.match(clause):
        return False
    subject = _FIRST_WORD_AFTER_LINK.match(clause)
    if subject is None:
        return False
    word = subject.group(1).lower()
    if _MODAL_AFTER_SUBJECT.match(clause):
        return False
    speaker_words = {word.lower().strip(".,'’") for word in cue.source.split()[-1:]} if cue.source else set()
    return word in pronouns - {"it", "you"} or word in speaker_words


def _carried(document: Document, sentence: Sentence, previous: Sentence | None, *, new_paragraph: bool) -> Voice | None:
    """The voice of a source whose indirect speech in `previous` this sentence carries on
    in the backshifted tense of reported speech, if it does. Across a paragraph break
    only when the sentence's subject is a pronoun that points back to the speech ("Lee
    said the mill would close.  It could reopen in May.") or its verb is the "would" of
    reported speech ("The canal would make a loss"): a paragraph that opens on a fresh
    subject with a "could" ("The damage could run into millions") is the reporter's again."""
    if previous is None or not previous.clauses or sentence.quoted:
        return None
    past_future = _PAST_FUTURE.search(sentence.text) is not None
    if new_paragraph and not (past_future or _PRONOUN_SUBJECT.match(sentence.text)):
        return None
    last = previous.clauses[-1].voice
    if last.attribution is None or last.speaker not in (Speaker.NAMED, Speaker.VAGUE):
        return None
    cue = document.text[last.attribution.cue_start : last.attribution.cue_end]  # maybe in an earlier sentence
    if last.attribution.reach not in ("before", "after") or not _PAST_SPEECH.search(cue):
        return None
    if not (past_future or _BACKSHIFTED.search(sentence.text)):
        return None
    return Voice(last.speaker, last.attribution, carried=True)


def _carry_back(document: Document, sentence: Sentence, previous: Sentence, cues: Cues) -> None:
    """Give `previous` (in the same paragraph) the source of `sentence` when `sentence`
    closes on that source's verb of saying ("..., dealers said.", "..., said the
    spokesman.") or opens on its "added" or "also said". Wire copy attributes a
    paragraph at its end: in "The Bundesbank may add funds. The last injection was in
    March, dealers said." both sentences are the dealers' account, and "they added"
    presupposes the sentence before. Only a sentence wholly in the reporter's voice, with
    no cue of its own, takes it; "according to" (figures, a document) covers its own
    sentence only, and so does a source that opens the sentence ("Lee said ...")."""
    first = sentence.clauses[0].voice if sentence.clauses else None
    if first is None or first.attribution is None or first.speaker not in (Speaker.NAMED, Speaker.VAGUE):
        return
    if previous.attribution is not None or previous.quoted:
        return
    if not previous.clauses or any(not clause.voice.is_reporter for clause in previous.clauses):
        return
    cue = document.text[max(0, first.attribution.cue_start - len("also ")) : first.attribution.cue_end]
    closes = cues.trailing.search(sentence.text) is not None or _closes_inverted(sentence.text, cues)
    if not (_ADDED.search(cue) or closes):
        return
    voice = Voice(first.speaker, first.attribution, carried=True)
    previous.clauses = [Clause(clause.start, clause.end, voice) for clause in previous.clauses]


def _closes_inverted(text: str, cues: Cues) -> bool:
    """Does the sentence end on an inverted attribution ("..., said the spokesman.")? Its
    source is a few words: in "..., said she is concerned that ..." the words after
    "said" are the speech, not who speaks."""
    inverted = cues.inverted.search(text)
    return (
        inverted is not None
        and not text[inverted.end() :].strip(' ."”’')
        and len(inverted.group("source").split()) <= _INVERTED_SOURCE_WORDS
    )


@dataclass(frozen=True)
class VoiceTally:
    """Clauses by who speaks in them, and the sources that speak: `named` (a person or
    body named), `on_record` (named, and a person or body rather than a document or a
    set of figures), `anonymous` (vague sources and hearsay)."""

    clauses: int = 0
    by_speaker: dict[str, int] = field(default_factory=dict)
    sources: int = 0
    named: int = 0
    on_record: int = 0
    anonymous: int = 0

    @property
    def attributed_clauses(self) -> int:
        return self.clauses - self.by_speaker.get(Speaker.REPORTER.value, 0)

    def as_dict(self) -> dict[str, int | dict[str, int]]:
        """The tally as plain data, for a statistics report."""
        return {
            "clauses": self.clauses,
            "by_speaker": dict(self.by_speaker),
            "sources": self.sources,
            "named": self.named,
            "on_record": self.on_record,
            "anonymous": self.anonymous,
        }


@dataclass(frozen=True)
class StoryTally:
    story: VoiceTally
    paragraphs: list[VoiceTally]


def tally(document: Document) -> StoryTally:
    """Clauses and sources per paragraph and for the whole story."""
    document_nouns = (document.lexicon or shipped_lexicon()).word_set("document_nouns")
    paragraphs = [_tally([paragraph], document_nouns) for paragraph in document.paragraphs]
    return StoryTally(_tally(document.paragraphs, document_nouns), paragraphs)


def _tally(paragraphs: list[Paragraph], document_nouns: frozenset[str]) -> VoiceTally:
    clauses = [clause for paragraph in paragraphs for sentence in paragraph.sentences for clause in sentence.clauses]
    by_speaker = Counter(clause.voice.speaker.value for clause in clauses)
    cues: dict[int, Attribution] = {}
    for clause in clauses:
        attribution = clause.voice.attribution
        if attribution is not None and not clause.voice.carried:
            cues.setdefault(attribution.cue_start, attribution)
    named = [cue for cue in cues.values() if not cue.vague]
    return VoiceTally(
        clauses=len(clauses),
        by_speaker=dict(sorted(by_speaker.items())),
        sources=len(cues),
        named=len(named),
        on_record=sum(1 for cue in named if _speaks_on_record(cue.source, document_nouns)),
        anonymous=len(cues) - len(named),
    )


def _speaks_on_record(source: str, document_nouns: frozenset[str]) -> bool:
    """A person or body, not a document or a set of figures ("a statement", "court
    records", "the survey")."""
    return bool(source.split()) and not head_in(source, document_nouns)
