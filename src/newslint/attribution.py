"""Attributed speech: does a sentence report what a source said, and who is the source?

Rules use this to tell the reporter's voice from a source's: "The plan may fail, Smith
said" carries Smith's hedge, not the reporter's. Recognised forms:

* subject + reporting verb: "Smith said", "the ministry said in a statement",
  "officials told reporters", "she wrote", "Tom Hardy, who voted against it, said",
  "Sen. Dan Evans (R-Wash.) said";
* inverted: "..., said Smith", "..., said the minister", "Said Comey, ...";
* trailing: "..., the plan's backers said." (any noun will do there);
* "according to X", unless X is a plan or a rule ("according to plan");
* passive hearsay: "it is believed", "is said to", "it has been suggested", "reportedly",
  "was accused of" (always vague);
* a bare "said", "says", "say" or "told" whose subject is out of reach ("An official
  welcomed the plan and said ..."), or a headline's "Says" ("Trump Says He Will Win");
* a speaker's stance, wish or verdict: "the governor criticized the plan", "Lee wants
  to cut taxes", "the mayor called on residents to", "a spokesman declined to comment";
* figures that speak for whoever gathered them: "polls show", "the survey found";
* headlines: title-case verbs ("Governor Slams Lawmakers") and a source before a colon
  ("Ortiz: The recount may change the result").

A false attribution hides the reporter's own hedges, so a match must look like speech:
the verb is written in lower case ("The United States" is no "states"; only "Said" and
"Says" are taken capitalised, other verbs only in a title-case headline), a verb with an
everyday sense needs a clause after it ("added that", not "added 200 jobs"), and the
subject's head noun must name a speaker ("Moscow's overture suggests" is an overture).

A source is *vague* when it names a kind of person rather than a person or body
("analysts", "some experts", "many observers"), unless a named organisation follows
("analysts at Goldman Sachs").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from newslint.casefold import fold
from newslint.model import Attribution

# Cue words. Most of the expressions below can only match a sentence holding one of a
# few words, which a set look-up finds far faster than the expression's search from
# every position: the words are read from the expressions' alternations themselves.

# What `\b` delimits: a maximal run of word characters.
_WORD_RUN = re.compile(r"\w+")


def _folded_words(sentence: str) -> frozenset[str]:
    """The sentence's whole words, case-folded: the words an expression matches, in
    whatever case, are among them in lower case. Folding the sentence rather than each
    word is the same: no character folds into a word character unless it was one, so
    words keep their bounds (tests check every code point)."""
    return frozenset(_WORD_RUN.findall(fold(sentence)))


# An alternative's first word, letters perhaps optional ("polls?"), or group of words.
_ALTERNATIVE_START = re.compile(r"(?P<word>(?:[A-Za-z]\??)+)|\(\?:(?P<words>[A-Za-z]+(?:\|[A-Za-z]+)*)\)")
# What may follow it: nothing, white space, a group starting with white space (each
# such group here repeats at least once or is followed by white space), or a negative
# lookahead ending the alternative.
_AFTER_FIRST_WORD = re.compile(r"$|\\s|\(\?:\\s|\(\?!")


def _cue_words(*alternations: str) -> frozenset[str]:
    """The words that matches of these alternations start with.

    Each alternative must start with a word or a group of words, followed by what
    `_AFTER_FIRST_WORD` allows; in its pattern an alternation stands after a word
    boundary or white space, and before a word boundary or white space. So in any text
    the pattern matches, the first word is a whole word: without one of these words, the
    pattern cannot match. An alternative of another shape raises ValueError, so that an
    edit cannot silently make a finder skip sentences it matches."""
    words: set[str] = set()
    for alternation in alternations:
        for alternative in _top_level_alternatives(alternation):
            start = _ALTERNATIVE_START.match(alternative)
            if start is None or not _AFTER_FIRST_WORD.match(alternative, start.end()):
                raise ValueError(f"cannot tell the first word of {alternative!r}")
            if start.group("word"):
                words.update(_spellings(start.group("word")))
            else:
                words.update(start.group("words").split("|"))
    return frozenset(words)


def _top_level_alternatives(alternation: str) -> list[str]:
    """`alternation` split at each "|" outside parentheses."""
    alternatives: list[str] = []
    depth = start = 0
    escaped = False
    for index, char in enumerate(alternation):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            alternatives.append(alternation[start:index])
            start = index + 1
    alternatives.append(alternation[start:])
    return alternatives


def _spellings(word: str) -> list[str]:
    """Every spelling of a word with optional letters: "rumou?rs?" is rumours, rumour,
    rumors or rumor."""
    spellings = [""]
    for letter, optional in re.findall(r"([A-Za-z])(\??)", word):
        spellings = [spelling + letter for spelling in spellings] + (spellings if optional else [])
    return spellings


# Verbs that report a stance, a wish or a verdict rather than words: "the governor
# criticized the plan", "Lee wants to cut taxes", "Ortiz promises a recount", "the mayor
# called on residents to stay home", "Smith declined to comment". With a speaker as subject
# the sentence gives the speaker's position, not the reporter's. Forms that are also
# nouns ("campaign promises") need a complement: see _NOUN_TOO.
_STANCE_VERBS = (
    r"criticized|criticised|criticizes|criticises|criticizing|praised|praises|praising|"
    r"accused|accuses|accusing|endorsed|endorses|endorsing|condemned|condemns|condemning|"
    r"denounced|denounces|denouncing|blamed|blames|vowed|vows|vowing|pledged(?!\s+delegates)|pledges|"
    r"promised|promises|defended|defends|demanded|demands|slammed|slams|blasted|blasts|"
    r"mocked|mocks|mocking|touted|touts|lauded|lauds|hailed|hails|apologized|apologised|"
    r"threatened|threatens|described|describes|mentioned|cited|cites|citing|joked|quipped|"
    r"boasted|bragged|lamented|disputed|disputes|countered|rebutted|objected|disagreed|"
    r"pointed\s+to|referred\s+to|labeled|labelled|dubbed|branded|expressed|railed\s+against|"
    r"(?:lashed|lashes|lashing)\s+out|(?:fired|shot|hit|pushed)\s+back|weighed\s+in|chimed\s+in|"
    r"(?:spoke|speaks|talked|talks|talking)\s+(?:about|of)|agreed\s+(?:with|that)|"
    r"(?:called|calls|calling)\s+(?:for|on|to)|called(?:\s+[\w.’'-]+){1,7}\s+an?|"  # "called him a liar"
    r"(?:declined|refused|declining|refusing)\s+to\s+(?:comment|say|discuss|elaborate|answer|specify|"
    r"confirm|speculate|name|identify|disclose)|"
    r"wants|wanted|want|knows|knew|know|worried|worries|wondered|wonders|prefers|preferred|"
    r"seeks|sought|supports|supported|opposes|opposed|oppose|favors|favored|"
    r"backs|backed(?!\s+(?:away|down|off|up))"
)
# A number or quantifier before "states" makes it a noun: "in 11 states", "in all states".
_COUNTED = re.compile(
    r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|all|both|other|"
    r"those|these|some|key|swing|battleground|early)\s*$",
    re.IGNORECASE,
)
# Noun spellings of stance verbs count only before "to", "that" or a name or pronoun
# object: "Ortiz vows to", "Ortiz promises Lee a recount", not "campaign
# promises were broken" or "his demands for", nor after a verb ("they discussed pledges").
_NOUN_TOO = frozenset("vows pledges promises demands supports backs".split())
_STANCE_COMPLEMENT = re.compile(r"\s+(?:to|that|him|her|them|[A-Z])")

# Reporting verbs, matched in lower case only.
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
    r"speculated|speculate|speculates|hinted|hints|forecast|forecasts|projected|predicted|"
    r"signaled|signalled|indicated|contend|urged|proposed|questioned|suggesting|hoping|"
    r"complained|complains|complain|repeated|reiterated|reaffirmed|asserted|admitted|admits|"
    r"acknowledge|charged|" + _STANCE_VERBS
)

# Reporting verbs with an everyday sense, or plural nouns spelt the same: "the company
# added 200 jobs", "posted a loss", "recalled 1 million cars", "recession fears grew".
# They report speech only before a clause, a quotation or the end of the sentence, or
# after "he" or "she" ("he added an accord could help").
_EVERYDAY_SENSE_VERBS = frozenset(
    """
    added adds announced announces maintained maintains notes observed observes observe
    posted recalled recalls reported reports responded responds states stresses tweets
    claims estimates forecasts fears hopes indicated signaled signalled proposed questioned urged hints charged admitted
    """.split()
)
_SPEECH_COMPLEMENT = re.compile(
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)"
    r"|\s+(?:last|this)\s+(?:week|month|year))?"  # "announced Friday that", "added last week:"
    r"(?:\s*(?:that\b|[,.;:!?\"“”‘’'—–(]|$)"  # "added that", "she added.", 'added: "...'
    r"|\s+(?:he|she|they|we|I)\b"  # "announced she will resign"
    r"|\s+(?:in|on|at|to|during|via)\b[^,.;:!?\"“”]*?\bthat\b)"  # "added in a statement that"
)

# People and things that stand for a source without naming one.
VAGUE_SOURCE_WORDS = frozenset(
    """
    analyst analysts expert experts observer observers critic critics commentator
    commentators source sources official officials people person some many most several
    others insiders insider pundits pundit skeptics sceptics supporters opponents proponents
    everyone everybody anyone someone somebody researchers scientists studies reports
    economists diplomats residents resident voices few investors investor traders trader
    witnesses witness authorities polls voters voter farmers farmer workers worker
    doctors activists protesters locals economist diplomat strategist strategists bankers
    dealers forecasters forecasts watchers
    """.split()
)

_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}

# Case-sensitive (see the module docstring); not inside a compound ("mortgage-backed").
_CUE = re.compile(rf"(?<!-)\b(?:{_SPEECH_VERBS})\b")
_CUE_FIRST_WORDS = _cue_words(_SPEECH_VERBS)
# Verbs of saying (not of thinking or inferring) closing a sentence after a comma:
# "..., the plan's backers said." names a source whatever the noun.
_TRAILING_CUES = (
    r"said|says|say|told|wrote|writes|added|adds|noted|explained|"
    r"insisted|argued|warned|stated|declared|announced|replied|responded|reported|recalled|"
    r"cautioned|acknowledged|conceded|confirmed|claimed|tweeted|asked|charged|alleged|contended|"
    r"complained|repeated|reiterated"
)
_TRAILING = re.compile(r"[,?!][\"”]?[^,;:\"“”]{1,80}?\s(?P<cue>" + _TRAILING_CUES + r")\s*[.!?]?[\"”’]?\s*$")
# In a title-case headline, the verbs that are not also nouns report speech as in body
# text: "Governor Slams Lawmakers" reads as "Governor slams lawmakers". Not "Calls", "Claims",
# "Plans" or "Support" (nouns as often as verbs), nor the "States" of "United States".
_HEADLINE_VERB = re.compile(
    r"\b(?:Tells|Told|Warns|Warned|Slams|Slammed|Blasts|Blasted|Praises|Praised|Urges|Urged|Vows|Vowed|"
    r"Admits|Admitted|Denies|Denied|Insists|Accuses|Accused|Endorses|Endorsed|Defends|Defended|Touts|"
    r"Wants|Knows|Thinks|Believes|Predicts|Suggests|Argues|Asks|Rips|Mocks|Mocked|Hails|Lauds|"
    r"Criticizes|Criticized|Condemns|Condemned|Denounces|Blames|Blamed|Pledges|Promises|Say|Tweets|"
    r"Tweeted|Writes|Wrote|Explains|Responds|Calls\s+(?:For|On))\b"
)
# A headline that names its source before a colon: "Ortiz: The recount may change the
# result", "Poll: Most Voters Back The Levy". The source is one to four capitalised words
# (not all capitals: "EMAIL:"); a claim of five words or more follows, so lists
# ("Ortiz: 1,204.", "Ohio: Ann Lee, Bob Ray.") do not count.
_HEADLINE_SOURCE = re.compile(
    r"^\s*(?P<source>[A-Z][\w.’'&/-]*(?:\s+[A-Z][\w.’'&/-]*){0,3})(?<![A-Z]{3})(?P<cue>:)"
    r"\s+(?=[A-Za-z‘'\"“])(?:[^\s,:;]+\s+){4}\S"
)
# Capitalised labels that stand before a colon without being a source.
_HEADLINE_LABELS = frozenset(
    """
    the a an of in on at over for to and or but latest breaking watch exclusive update updated
    correction note editor's editor’s disclosure analysis opinion editorial video photos live
    review daily q&a q a transcript read more related week day today tonight source answer
    question remember plus contributing paid notice email
    """.split()
)

# "said", "says" and "told" introduce speech almost wherever they stand, even when the
# subject is out of reach ("A ministry official welcomed the plan and said ..."), and
# in a title-case headline ("Trump Says He Never Pledged ...").
_STRONG_CUES = "said|says|say|told|Said|Says"
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
_INVERTED_CUES = r"said|says|added|adds|wrote|writes|explained|asked|noted|continued|recalled|warned|insisted|argued"
_INVERTED = re.compile(
    rf"[,”\"’']\s*(?P<cue>\b(?:{_INVERTED_CUES})\b)\s+"
    r"(?P<source>[^,;:!?\"“”]+?)(?=[,;:!?\"“”]|\.?\s*$)"
)
# AP's opening inversion: "Said Comey, ..." or "Said Ellis: ...".
_OPENING_CUES = "Said|Says"
_INVERTED_OPENING = re.compile(rf"^\s*(?P<cue>{_OPENING_CUES})\s+(?P<source>[^,;:!?\"“”]+?)(?=[,;:!?\"“”]|\.?\s*$)")
_ACCORDING = r"according\s+to"
_ACCORDING_TO = re.compile(
    rf"\b(?P<cue>{_ACCORDING})\s+(?P<source>[^,;:!?\"“”]+?)(?=[,;:!?\"“”]|\.?\s*$)", re.IGNORECASE
)
_HEARSAY_PARTICIPLES = (
    r"believed|thought|understood|expected|said|reported|rumou?red|alleged|claimed|feared|suggested|argued"
)
_SAID_TO_PARTICIPLES = r"said|reported|rumou?red|believed|thought"
_HEARSAY_ADVERBS = r"reportedly|allegedly|purportedly|reputedly"
_ACCUSED = "accused"
_PASSIVE_HEARSAY = re.compile(
    r"\b(?P<cue>(?:it|this)\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+|generally\s+|commonly\s+)?"
    rf"(?:{_HEARSAY_PARTICIPLES})"
    rf"|(?:is|are|was|were)\s+(?:{_SAID_TO_PARTICIPLES})\s+to"
    rf"|{_HEARSAY_ADVERBS}"  # "Talks reportedly covered arms sales."
    rf"|(?:is|are|was|were|been|being)\s+{_ACCUSED}\s+of)\b",  # "He was accused of lying", by someone
    re.IGNORECASE,
)
# Words that end a subject phrase when read backwards from the verb.
_CLAUSE_BREAK = re.compile(
    r"[,;:()\"“”—–]|\s-\s|\b(?:that|and|but|while|because|as|which|who|if|when|"
    r"what|how|why|whether|where|whom|than)\b",
    re.IGNORECASE,
)
# A verb after these is inside an object clause: "what the minister said", "slower than
# economists expected" report nothing about the sentence.
_OBJECT_CLAUSE = {"what", "how", "why", "whether", "where", "whom", "than"}
_PARENTHETICAL = re.compile(r"\([^()]*\)")  # "(R-Wash.)", "(AP)"
# Between a subject and its verb: "Putin has said", "she also told".
_SUBJECT_ADVERBS = (
    r"also|later|earlier|previously|then|again|once|repeatedly|often|publicly|"
    r"privately|now|still|recently|mostly|largely|generally|widely|reportedly|actually|"
    r"has|had|have|been|long|will|would|"
    r"strongly|quickly|openly|loudly|sharply|firmly|clearly|already|first|just|never|always|officially|"
    r"formally"
)
_TRAILING_ADVERBS = re.compile(rf"(?:\s+(?:{_SUBJECT_ADVERBS}))+\s*$", re.IGNORECASE)
_SUBJECT_ADVERB_WORDS = _cue_words(_SUBJECT_ADVERBS)
# The auxiliary of a progressive form: "Ortiz is calling for" (but "is said" is passive).
_PROGRESSIVE = re.compile(r"\s+(?:is|are|was|were|been)(?:\s+(?:also|still|now|increasingly))?\s*$")
_LAST_EIGHT_WORDS = re.compile(r"(?:\S+\s+){0,7}\S+$")
# How far before its verb a subject, with an appositive, can start. Looking no further
# keeps a long run-on "sentence" with many verbs linear.
_SUBJECT_REACH = 200
_NAMED_BY_ORGANISATION = re.compile(r"\b(?:at|from|of|with|for)\s+(?:the\s+)?[A-Z]")
_DETERMINER_ONLY = {"the", "a", "an", "this", "that", "these", "those"}
# What "according to" can follow without naming a source.
_NOT_A_SOURCE = {"plan", "plans", "schedule", "script", "rule", "rules", "law", "custom", "tradition", "wishes"}
# Not speech even before a reporting verb: "what he said", "as expected".
_NOT_A_SUBJECT = {"what", "as", "than", "been", "be", "is", "was", "are", "were", "not", "never", "to"}
# A noun phrase's head comes before these: "analysts at Goldman Sachs" are analysts.
_HEAD_ENDS = re.compile(
    r"\s(?:close\s+to|privy\s+to|familiar\s+with|at|from|of|with|for|in|on|to|about|by)\b", re.IGNORECASE
)
_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")


def find_attribution(sentence: str, offset: int) -> Attribution | None:
    """The first attribution in `sentence` (which starts at document `offset`), if any."""
    masked = _masked(sentence)
    return _first_attribution(masked, offset, _folded_words(masked))


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


def _is_title_case(sentence: str) -> bool:
    """A headline in title case ("Mayor Tells Council The Budget Is Broken"), where
    capitals say nothing about names."""
    words = _LONG_WORD.findall(sentence)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _headline_source(sentence: str, offset: int) -> Attribution | None:
    match = _HEADLINE_SOURCE.match(sentence)
    if match is None or any(w.lower() in _HEADLINE_LABELS for w in match.group("source").split()):
        return None
    return _found(match, "cue", match.group("source"), offset)


def _found(match: re.Match[str], cue: str | int, source: str, offset: int) -> Attribution:
    """An attribution whose cue is `match`'s group `cue`, at document offsets."""
    return Attribution(offset + match.start(cue), offset + match.end(cue), source, is_vague_source(source))


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
    if not source or _head(source).lower() in _NOT_A_SOURCE:  # "according to plan"
        return None
    return _found(match, "cue", source, offset)


def _inverted(sentence: str, offset: int) -> Attribution | None:
    match = _INVERTED.search(sentence) or _INVERTED_OPENING.search(sentence)
    if match is None:
        return None
    source = match.group("source").strip()
    if not _looks_like_source(source):
        return None
    return _found(match, "cue", source, offset)


def _trailing(sentence: str, offset: int) -> Attribution | None:
    match = _TRAILING.search(sentence)
    if match is None:
        return None
    source = _subject_of(_before(sentence, match.start("cue")), any_noun=True)
    if source is None:
        return None
    return _found(match, "cue", source, offset)


def _subject_verb(sentence: str, offset: int) -> Attribution | None:
    for match in _cues(sentence):
        before = _before(sentence, match.start())
        if match.group().split()[0].endswith("ing"):  # "Ortiz is calling for", "officials are hoping"
            before = _PROGRESSIVE.sub("", before)
        source = _subject_of(before)
        if source is None:
            continue
        if (
            match.group() in _EVERYDAY_SENSE_VERBS
            and source.lower() not in ("he", "she")
            and not _SPEECH_COMPLEMENT.match(sentence, match.end())
        ):
            continue
        if match.group() == "states" and _COUNTED.search(before):
            continue  # "delegates in eight states"
        if match.group() in _NOUN_TOO and not (
            _STANCE_COMPLEMENT.match(sentence, match.end()) and _looks_like_source(source.split()[-1])
        ):
            continue
        return _found(match, 0, source, offset)
    return None


def _cues(sentence: str) -> Iterator[re.Match[str]]:
    """The matches of _CUE, as _CUE.finditer gives them, trying _CUE only where a word
    a match can start with stands (see `_cue_words`; _CUE is case-sensitive, so as
    written): a pass over the words costs less than a search from every position."""
    end = 0
    for word in _WORD_RUN.finditer(sentence):
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
_DATA_SOURCES = (
    r"polls?|polling|surveys?|study|studies|data|figures|numbers|research|returns|census|"
    r"estimates|analysis|records|documents"
)
_DATA_SHOWS = re.compile(
    rf"\b(?P<source>(?:{_DATA_SOURCES})\b[^.;:!?\"“”]{{0,80}}?)\s+(?:has\s+|have\s+|also\s+)?"
    r"(?P<cue>show|shows|showed|shown|showing|found|finds|find|indicate|indicates|indicated|reveal|reveals|"
    r"revealed)\b(?!\s+(?:in|on|at|by)\b)",
    re.IGNORECASE,
)


def _data_shows(sentence: str, offset: int) -> Attribution | None:
    match = _DATA_SHOWS.search(sentence)
    if match is None or _PASSIVE_BE.search(sentence, 0, match.start("cue")):
        return None
    return _found(match, "cue", match.group("source").strip(), offset)


def _passive_hearsay(sentence: str, offset: int) -> Attribution | None:
    match = _PASSIVE_HEARSAY.search(sentence)
    if match is None:
        return None
    return Attribution(offset + match.start("cue"), offset + match.end("cue"), "", vague=True)


def _strong_cue(sentence: str, offset: int) -> Attribution | None:
    for match in _STRONG_CUE.finditer(sentence):
        before = _before(sentence, match.start())
        if _NOT_SPEECH_BEFORE.search(before):
            continue  # "is said", "what he said", "so-called"
        if match.group() == "say" and _SAY_NOT_SPEECH.search(before):
            continue
        source = " ".join(before.split()[-8:])
        return _found(match, 0, source, offset)
    return None


# A participle of saying after the main clause reports the subject's words:
# "Other brokers were more cautious, saying Aquino had to improve ...", "the ad shows
# Ortiz at a rally while saying the plan may fail".
_PARTICIPLES = (
    r"saying|adding|noting|arguing|warning|stressing|insisting|explaining|claiming|predicting|"
    r"suggesting|calling|accusing|criticizing|criticising|praising|urging|vowing|promising|telling|citing|"
    r"declaring|describing|blaming|questioning|asking"
)
_SAYING = r"saying|telling|arguing|claiming|insisting|declaring"
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
_REPORTING_VERBS = (
    r"warn|warns|warned|complain|complains|complained|predict|predicts|predicted|"
    r"speculate|speculates|speculated|fear|fears|feared|hope|hopes|hoped|hoping|expect|expects|"
    r"believe|believes|believed|doubt|doubts|doubted|concluded|concludes|insist|insists|insisted|"
    r"estimate|estimates|estimated|argue|argues|argued|contend|contends|contended|acknowledged|"
    r"divulged|disclosed|revealed|showed|shows|rule\s+out|ruled\s+out|reported|reports"
)
_ESTIMATING_VERBS = r"estimated|predicted|predict|believed|feared|expecting|acknowledge|admitted"
_FRAMES = (
    r"speculation|suggestions?|statements?|comments?|remarks?|forecasts?|predictions?|"
    r"view|belief|expectations?|warnings?|claims?|allegations?|assertions?|rumou?rs?"
)
_RULINGS = r"quoted(?:\s+[\w.’'-]+){0,5}\s+as\s+saying|ruled\s+that|found\s+that"
_ASKED = "asked"
_REPORTED_BY = r"reported\s+by"
_VIEWING_VERBS = r"see|sees|saw|view|views|viewed|regard|regards|regarded"
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
    match = _REPORTED_CLAUSE.search(sentence)
    if match is None:
        return None
    names = ("cue", "estimate", "frame", "ruling", "asked", "by", "view")
    cue = next(name for name in names if match.group(name))
    if cue == "by":  # the source follows: "reported by The Courier"
        source = re.split(r"[,;:.!?]", sentence[match.end(cue) :], maxsplit=1)[0].strip()
    else:
        source = " ".join(sentence[: match.start(cue)].split()[-8:])
    return _found(match, cue, source, offset)


def _before(sentence: str, index: int) -> str:
    return sentence[max(0, index - _SUBJECT_REACH) : index]


def _subject_of(words_before_verb: str, *, any_noun: bool = False) -> str | None:
    """The subject phrase right before a reporting verb, or None if the words there
    cannot be a speaker ("what he said" is not attribution of the sentence). With
    `any_noun`, any noun phrase will do, not only one that names a speaker."""
    text = _without_trailing_adverbs(words_before_verb).rstrip()
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
    if last in _NOT_A_SUBJECT or last in _DETERMINER_ONLY:
        return None
    if subject.endswith(_POSSESSIVE_ENDINGS):  # "Trump's plans", "the voters' demands"
        return None
    if last in _PRONOUNS:  # "groups that endorsed him say they believe"
        return subject.split()[-1]
    if not any_noun and not _looks_like_source(subject):
        return None
    return subject


def _without_trailing_adverbs(text: str) -> str:
    """`text` without the adverbs and auxiliaries it ends with ("Putin has", "she also").

    A match of _TRAILING_ADVERBS ends in white space, one of the adverbs, perhaps white
    space: the adverb is the text's last word as str.split() finds it (str.isspace()
    and `\\s` agree on every character; tested). So text whose last word is no adverb,
    nearly all of it, is spared the expression's search from every position."""
    last_word = text.rsplit(None, 1)[-1:]
    if not last_word or fold(last_word[0]) not in _SUBJECT_ADVERB_WORDS:
        return text
    return _TRAILING_ADVERBS.sub("", text)


def _looks_like_source(phrase: str) -> bool:
    """A person, a body or a kind of person: a pronoun, or a noun phrase whose head is a
    name, a title, an institution or a vague source word. Any capitalised word would not
    do: a sentence's first word is capitalised ("Economic considerations suggest")."""
    words = phrase.split()
    if not words or len(words) > 8:
        return False
    if words[0].lower() in _PRONOUNS and len(words) <= 2:
        return True
    head = _head(phrase)
    lowered = head.strip(".,'’").lower()
    if lowered in VAGUE_SOURCE_WORDS or lowered in _SPEAKER_NOUNS:
        return True
    return head[:1].isupper() and lowered not in _FUNCTION_WORDS


def _head(phrase: str) -> str:
    """The noun a phrase is about: before its first preposition ("the head of the bank",
    "sources close to the talks"), after its last possessive ("Moscow's diplomatic
    overture") and before a participle ("people briefed on the talks")."""
    words = _HEAD_ENDS.split(phrase.strip(), maxsplit=1)[0].split()
    for index in range(len(words) - 2, -1, -1):
        if words[index].endswith(_POSSESSIVE_ENDINGS):
            words = words[index + 1 :]
            break
    while len(words) > 1 and words[-1].islower() and words[-1].endswith("ed"):
        words.pop()
    return words[-1]


# Capitalised only because they open the sentence: "This phrasing suggests" is no source.
_FUNCTION_WORDS = frozenset(
    """
    the a an this that these those such its their his her our your my some many most
    any each every all both either neither no one it there here what which nobody
    """.split()
)

# Common nouns that name a speaker or a body that speaks.
_SPEAKER_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson spokespeople minister ministry president chairman
    chairwoman chair director executive official company government agency department
    report statement study survey police prosecutor prosecutors lawyer lawyers attorney
    judge court mayor governor senator lawmaker lawmakers representative leader leaders
    secretary ambassador embassy commission committee board council bank head chief aide
    aides union unions group groups office bureau party administration regulator regulators
    firm institute organisation organization foundation military army campaign newspaper
    media release reporter reporters journalist journalists coach manager founder professor
    researcher senators ministers delegates delegation negotiators members executives
    representatives
    spokesmen governors mayors judges lawyers chairmen directors
    majority majorities plurality percent candidate candidates nominee team staff allies rivals
    colleagues advisers advisors donors superdelegates conservatives liberals progressives
    evangelicals independents doctor physician poll pollster pollsters
    """.split()
)


# The finders, in order of precedence, with the words they cannot match without.


@dataclass(frozen=True)
class _Finder:
    """A finder, and the words its expressions cannot match without.

    Every match holds one of the `cue_words` (in lower case) as a whole word (see
    `_cue_words`), so a sentence without any of them is skipped; None means no such
    words are known."""

    find: Callable[[str, int], Attribution | None]
    cue_words: frozenset[str] | None = None

    @classmethod
    def needing(cls, find: Callable[[str, int], Attribution | None], *alternations: str) -> _Finder:
        """A finder each of whose matches starts one of these alternations."""
        return cls(find, frozenset(word.lower() for word in _cue_words(*alternations)))

    def may_match(self, words: frozenset[str]) -> bool:
        """Whether a sentence with these case-folded `words` may hold a match."""
        return self.cue_words is None or not self.cue_words.isdisjoint(words)


_FINDERS = (
    _Finder.needing(_according_to, _ACCORDING),
    _Finder.needing(_inverted, _INVERTED_CUES, _OPENING_CUES),
    _Finder.needing(_trailing, _TRAILING_CUES),
    _Finder.needing(_subject_verb, _SPEECH_VERBS),
    # Each branch holds its participle, its adverb or "accused" as a whole word.
    _Finder.needing(_passive_hearsay, _HEARSAY_PARTICIPLES, _SAID_TO_PARTICIPLES, _HEARSAY_ADVERBS, _ACCUSED),
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
