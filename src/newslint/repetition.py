"""Words, stems and repeated phrases of an article, in the reporter's voice.

Shared by the repetition rule kinds (`repeated-phrase`, `overused-word`,
`repeated-opener`) and by the per-file repetition statistics (`newslint.statistics`),
so the figures an editor sees agree with the findings.

Only the reporter's words count: a quotation is the source's wording. One exception is
news-specific: a phrase the reporter repeats from a quotation (a press release's
"traditionally friendly ties" retold in the paper's voice) is the reporter parroting the
source, and counts as a repeat of the quoted use.

Everything here is linear in the article's length: n-grams go into dicts, never
compared pair by pair.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newslint.model import Document
from newslint.nlp import words_and_gaps
from newslint.nltk_import import bare_nltk
from newslint.positions import LineIndex
from newslint.readability import is_prose

# English function words, plus the words wire copy needs to state any fact at all
# (reporting verbs, days, months, units of money and measure): "said on Tuesday" and
# "mln dlrs" repeat in every story and say nothing about its style. Kept in code, not
# nltk's stopwords corpus, which would need `nltk.download`. Rules add their own with
# the `stop_words` option.
STOP_WORDS = frozenset(
    """
    a about above across after afterwards again against ago all almost alone along already
    also although always am among amid amidst an and another any anybody anyone anything
    anyway anywhere are around as at be became because become becomes been before
    beforehand behind being below beside besides between beyond both but by can cannot
    could did do does doing done down due during each either else elsewhere enough etc
    even ever every everybody everyone everything everywhere except few for former
    formerly from further had has have having he hence her here hers herself him himself
    his how however i if in inside instead into is it its itself just last latter least
    less many may me meanwhile might mine more moreover most mostly much must my myself
    near nearly neither never nevertheless next no nobody none nor not nothing now
    nowhere of off often on once one only onto or other others otherwise our ours
    ourselves out over own per perhaps quite rather same several shall she should since
    so some somebody someone something sometimes somewhat still such than that the their
    theirs them themselves then there thereby therefore these they this those though
    through throughout thus to together too toward towards under unless until up upon us
    very via was we were what whatever when whenever where whereas whether which while
    who whoever whole whom whose why will with within without would yet you your yours
    yourself yourselves
    s t ll re ve d m
    said say says saying told tell tells added adding according asked stated
    mr mrs ms dr
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    two three four five six seven eight nine ten hundred thousand million billion
    trillion mln bln dlr dlrs dollar dollars cent cents pct percent stg vs cts shr qtr
    avg revs oper
    year years month months week weeks day days time times
    """.split()
)

# A token that is a figure, not a word: "1987", "5.5", "3rd".
_NUMBER = re.compile(r"\d")
_APOSTROPHE_S = re.compile(r"['’]s$", re.IGNORECASE)
# What may come between a sentence's start and a word that still opens it: “Strategically ...
_OPENING = re.compile(r"[\"“‘'(:—–]|\s-+\s")


@functools.cache
def _stemmer() -> Any:
    # Porter is pure code: no nltk data, nothing downloaded (and no nltk __init__:
    # newslint.nltk_import).
    with bare_nltk():
        from nltk.stem.porter import PorterStemmer  # type: ignore[import-untyped]

    return PorterStemmer()


# Entries in each per-word cache below. News has a small vocabulary and a story repeats
# its words, so almost every lookup hits; the bound keeps memory flat however many
# stories one run checks.
WORD_CACHE_SIZE = 65536


def porter_stem(word: str) -> str:
    stem: str = _stemmer().stem(word)
    return stem


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def lower_form(word: str) -> str:
    """A word as it is counted: lower case, possessive 's removed ("Russia's": "russia")."""
    return _APOSTROPHE_S.sub("", word.lower())


# What may follow a shared stem for two words to count as one: inflections and the
# common derivations ("cooperate", "cooperation", "cooperative"; "strategy", "strategic",
# "strategically"). Porter alone also joins "internal" and "international"
# ("intern" + "ational"), which an editor would not call the same word.
_SAME_WORD_SUFFIXES = frozenset(
    """
    e s es ed d ing er ers y ies ied ic ics ical ically al ally ly ion ions ive ively
    ives ative atively ate ates ated ating ation ations ment ments ity ities ness ous
    ously ism ist ists ize izes ized izing ization
    """.split()
) | {""}
_IC_ENDINGS = ("ic", "ical", "ically", "ics")


def _same_word_suffix(suffix: str | None) -> bool:
    """An inflection or common derivation, perhaps after y turned i ("happ" + "iness")."""
    if suffix is None:
        return False
    return suffix in _SAME_WORD_SUFFIXES or (suffix[:1] == "i" and suffix[1:] in _SAME_WORD_SUFFIXES)


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def _key_facts(form: str) -> tuple[str, str | None, str | None]:
    """What `word_keys` needs of a form, whatever else the article says: the key it is
    counted under unless an -ic word folds it, the shorter stem it folds into then
    (None: never), and its stem if it is an -ic word itself (None: it is not)."""
    stem = porter_stem(form)
    base = stem[:-1] if stem.endswith("i") else stem  # "polici": policy, policies
    ic_stem = stem if form.endswith(_IC_ENDINGS) else None
    if not _same_word_suffix(form[len(base) :] if form.startswith(base) else None):
        return form, None, ic_stem
    return stem, (base if base != stem else None), ic_stem


def word_keys(forms: Iterable[str]) -> dict[str, str]:
    """The key each lower-case form is counted under: its Porter stem when what follows
    the stem is an inflection or a common derivation, else the form itself.

    Porter leaves "strategy" as "strategi" but "strategic" as "strateg", "economy" as
    "economi" but "economic" as "econom": a stem ending in "i" is folded into the
    shorter one when the article also has an -ic word with that stem, so "strategy" and
    "strategic" count together while "policy" never joins "police"."""
    facts = {form: _key_facts(form) for form in forms}
    ic_stems = {ic_stem for _, _, ic_stem in facts.values() if ic_stem is not None}
    return {form: folded if folded in ic_stems else key for form, (key, folded, _) in facts.items()}


class _Placement:
    """Where each word of the article stands, one list per fact in document order: the
    facts that come from a word's sentence and neighbours rather than from the word."""

    def __init__(self, document: Document) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.surfaces: list[str] = []  # as written
        self.paragraphs: list[int] = []
        self.tabular: list[bool] = []
        self.attributed: list[bool] = []
        gaps: list[str | None] = []  # what comes before each word; None before a sentence's first
        for paragraph in document.paragraphs:
            for sentence in paragraph.sentences:
                pieces = words_and_gaps(sentence.text)
                words = pieces[1::2]
                if not words:
                    continue
                count = len(words)
                # Each word starts where the piece before it ends.
                piece_ends = list(itertools.accumulate(map(len, pieces), initial=sentence.start))
                self.starts += piece_ends[1:-1:2]
                self.ends += piece_ends[2::2]
                self.surfaces += words
                self.paragraphs += [paragraph.index] * count
                # A sentence a quarter or more of whose words are figures is a table row
                # ("Net profit 7.1 mln vs 6.8 mln"), and rows repeat by design. A word of
                # letters has no figure: only the others are searched.
                figures = 0
                if _NUMBER.search(sentence.text):
                    figures = len(list(filter(_NUMBER.search, itertools.filterfalse(str.isalpha, words))))
                self.tabular += [4 * figures >= count] * count
                self.attributed += [sentence.attribution is not None] * count
                gaps.append(None)
                gaps += pieces[2:-1:2]
        self.chunks, self.initials = _chunks_and_initials(gaps)


def _chunks_and_initials(gaps: list[str | None]) -> tuple[list[int], list[bool]]:
    """The chunk of each word, and whether it opens its sentence (perhaps after a
    quotation mark or a dash), from what comes before it (None: the sentence starts).
    A single space, the common case, continues the chunk and opens nothing, so only the
    other gaps are looked at."""
    starts_chunk = [False] * len(gaps)
    initials = [False] * len(gaps)
    for index in itertools.compress(range(len(gaps)), map(operator.ne, gaps, itertools.repeat(" "))):
        gap = gaps[index]
        if gap is None:
            starts_chunk[index] = initials[index] = True
        else:
            starts_chunk[index] = bool(gap.strip())
            initials[index] = bool(_OPENING.search(gap))
    chunks = list(itertools.accumulate(starts_chunk, initial=-1))[1:]
    return chunks, initials


class Words:
    """The article's words, with the facts the repetition rules need about each.

    Each fact is a list over the words in document order (`stems[i]` is the stem of word
    `i`): every count walks a fact or two over the whole article, and whole lists are
    built with a handful of operations instead of word by word."""

    def __init__(self, document: Document, extra_stop_words: Iterable[str] = ()) -> None:
        self.document = document
        stop_words = STOP_WORDS | {word.lower() for word in extra_stop_words}
        where = _Placement(document)
        self.starts, self.ends = where.starts, where.ends  # document offsets
        self.paragraphs = where.paragraphs  # 1-based paragraph index
        # Words with nothing but white space between them share a chunk.
        self.chunks = where.chunks
        self.tabular = where.tabular  # in a sentence that is mostly figures: a results table, not prose
        self.attributed = where.attributed  # in a sentence attributed to a source ("..., the ministry said")
        self.lowers = list(map(lower_form, where.surfaces))  # lower case, possessive 's removed
        # Each distinct form once: a story repeats its words. A word of letters has no figure.
        content_forms = {
            lower
            for lower in set(self.lowers) - stop_words
            if len(lower) > 1 and (lower.isalpha() or not any(c.isdigit() for c in lower))
        }
        self.contents = list(map(content_forms.__contains__, self.lowers))  # not a stop word or a number
        keys = word_keys(content_forms)
        self.stems = list(map(keys.get, self.lowers, self.lowers))  # what each is counted under: `word_keys`
        # Capitalised mid-sentence, or at the start of one and never in lower case.
        self.names = _names(where.surfaces, self.stems, self.contents, where.initials)
        self.quoted = document.quoted_spans(self.starts, self.ends)  # in a direct quotation: the source's words
        self._reporter_words = self.quoted.count(False)
        # Phrase and word counts, by what they were counted with (see `phrase_uses`, `_stem_uses`).
        self.counted: dict[tuple[Any, ...] | str, Any] = {}

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """1-based line of a character offset, as the report numbers lines."""
        return self._lines.position(offset)[0]

    @functools.cached_property
    def _lines(self) -> LineIndex:
        return LineIndex(self.document.text)

    def index_at(self, offset: int) -> int | None:
        """Index of the word that starts at `offset`, if one does."""
        index = bisect.bisect_left(self.starts, offset)
        return index if index < len(self.starts) and self.starts[index] == offset else None

    def reporter_words(self) -> int:
        """How many words the reporter wrote (quotations excluded)."""
        return self._reporter_words


def _names(surfaces: list[str], stems: list[str], contents: list[bool], initials: list[bool]) -> list[bool]:
    """Which words are names: content words capitalised mid-sentence, or at the start of
    a sentence when their key is never written in lower case ("Strategically, ..." is no
    name in an article that also says "strategy")."""
    first_letters = list(map(operator.itemgetter(0), surfaces))
    lower_keys = set(itertools.compress(stems, map(str.islower, first_letters)))
    names = [False] * len(surfaces)
    capitalised_content = map(operator.and_, contents, map(str.isupper, first_letters))
    for index in itertools.compress(range(len(surfaces)), capitalised_content):
        names[index] = not initials[index] or stems[index] not in lower_keys
    return names


def words_of(document: Document, extra_stop_words: Iterable[str] = ()) -> Words:
    """The article's words, read anew. Three repetition kinds and the statistics ask for
    the same document's words in turn: they share one reading through the document's
    `checks.context.Context.words`, which lives as long as the document (issue 18)."""
    return Words(document, tuple(sorted(extra_stop_words)))


# ---------------------------------------------------------------------------------------
# Repeated phrases


@dataclass(frozen=True, slots=True)
class Use:
    """One use of a phrase: word indexes [first, last] in `Words`."""

    first: int
    last: int
    quoted: bool


@dataclass(frozen=True, slots=True)
class Repeat:
    """A reporter's use of a phrase that the article has already used (or quoted)."""

    use: Use
    earlier: Use  # the use it repeats: the reporter's first, or a quoted one
    key: tuple[str, ...]  # the phrase's stems


@dataclass(frozen=True)
class PhraseOptions:
    min_words: int = 2
    max_words: int = 6
    min_content_words: int = 2
    count_quoted: bool = True  # a reporter's unattributed use of a quoted phrase counts as a repeat
    # Phrases used within the article's first `subject_words` words (headline and lede)
    # name the story's subject, which the rest of the story must repeat.
    subject_words: int = 0
    min_count: int = 2  # reporter's uses that make a repeat (a quoted use needs only one)
    # A phrase needs a word matching one of these to count (none: any words).
    word_patterns: tuple[re.Pattern[str], ...] = ()
    ignore: tuple[re.Pattern[str], ...] = ()


def phrase_text(words: Words, use: Use) -> str:
    """The phrase as a reader sees it, white space folded."""
    return " ".join(words.document.text[words.starts[use.first] : words.ends[use.last]].split())


def phrase_uses(words: Words, options: PhraseOptions) -> dict[tuple[str, ...], list[Use]]:
    """Every qualifying phrase used at least twice, by its stems, with its uses in order.

    A phrase worth tracking starts and ends on a content word and has at least
    `min_content_words` content words that are not names: "the country" and "said on
    Tuesday" never count, and neither does "Russian Foreign Ministry", the story's
    subject. It never runs across punctuation, a quotation mark or a sentence end.

    Counted once per article and phrase length: the rule and the statistics ask alike.
    The answer is shared, so callers must not change it."""
    settings = ("phrases", options.min_words, options.max_words, options.min_content_words)
    found = words.counted.get(settings)
    if found is None:
        found = words.counted[settings] = _count_phrases(words, *settings[1:])
    return found


def _count_phrases(
    words: Words, min_words: int, max_words: int, min_content_words: int
) -> dict[tuple[str, ...], list[Use]]:
    """`phrase_uses`, counted. A phrase used twice starts, both times, with a pair of
    stems that starts a phrase elsewhere too, and most pairs start only one: phrases are
    extended only from the others. Uses are kept as bare positions until a phrase turns
    out to repeat."""
    stems, contents, names, chunks, quoted = words.stems, words.contents, words.names, words.chunks, words.quoted
    # Where a phrase may start: a content word outside a table, with a word after it.
    openings = [index for index in itertools.compress(range(len(words) - 1), contents) if not words.tabular[index]]
    pairs = [(stems[index], stems[index + 1]) for index in openings]
    repeated_pairs = {pair for pair, uses in Counter(pairs).items() if uses > 1}
    firsts_by_key: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for first in itertools.compress(openings, map(repeated_pairs.__contains__, pairs)):
        key: tuple[str, ...] = (stems[first],)
        ordinary = 0 if names[first] else 1  # content words that are not names, so far
        for last in range(first + 1, min(first + max_words, len(stems))):
            if chunks[last] != chunks[first] or quoted[last] != quoted[first]:
                break
            key += (stems[last],)
            ordinary += contents[last] and not names[last]
            if last - first + 1 >= min_words and contents[last] and ordinary >= min_content_words:
                firsts_by_key[key].append(first)
    return {
        key: [Use(first, first + len(key) - 1, quoted[first]) for first in firsts]
        for key, firsts in firsts_by_key.items()
        if len(firsts) > 1
    }


def repeated_phrases(words: Words, options: PhraseOptions) -> list[Repeat]:
    """The reporter's repeats, in document order. Once the reporter has used a phrase
    `min_count` times, each use after the first repeats the first; with `count_quoted`,
    each unattributed reporter use of a phrase a quotation also uses repeats the quotation.
    Repeats only inside quotations are the source's and never count. Phrases are judged
    longest first, and a shorter phrase inside a longer repeated one at the same place is
    not reported again."""
    uses_by_key = phrase_uses(words, options)
    subject = {key for key, uses in uses_by_key.items() if uses[0].first < options.subject_words}
    covered = [False] * len(words)  # words inside a repeated longer phrase
    repeats: list[Repeat] = []
    for key in sorted(uses_by_key, key=lambda k: (-len(k), k)):
        uses = uses_by_key[key]
        reporter = [use for use in uses if not use.quoted]
        quoted = [use for use in uses if use.quoted]
        if not reporter or key in subject or (options.ignore and _ignored(words, reporter[0], options.ignore)):
            continue
        if options.word_patterns and not _has_word(words, reporter[0], options.word_patterns):
            continue
        # The reporter retelling a quotation's wording as fact: a use in a sentence that
        # attributes it ("the minister called ties traditionally friendly") is reporting.
        parroted = [use for use in reporter if not words.attributed[use.first]]
        if options.count_quoted and quoted and parroted:
            found = [Repeat(use, quoted[0], key) for use in parroted]
        elif len(reporter) >= options.min_count:
            found = [Repeat(use, reporter[0], key) for use in reporter[1:]]
        else:
            continue
        found = [
            repeat for repeat in found if not all(covered[i] for i in range(repeat.use.first, repeat.use.last + 1))
        ]
        if not found:
            continue
        repeats.extend(found)
        for use in uses:
            for i in range(use.first, use.last + 1):
                covered[i] = True
    repeats.sort(key=lambda repeat: repeat.use.first)
    return repeats


def _has_word(words: Words, use: Use, patterns: tuple[re.Pattern[str], ...]) -> bool:
    return any(pattern.search(lower) for lower in words.lowers[use.first : use.last + 1] for pattern in patterns)


def _ignored(words: Words, use: Use, patterns: tuple[re.Pattern[str], ...]) -> bool:
    text = phrase_text(words, use).lower()
    return any(pattern.search(text) for pattern in patterns)


# ---------------------------------------------------------------------------------------
# Overused words


@dataclass(frozen=True)
class WordOptions:
    min_count: int = 6
    min_share: float = 0.02  # of the reporter's content words
    min_article_words: int = 250
    ignore: tuple[re.Pattern[str], ...] = ()
    # Only words with a form matching one of these are judged (none: every content word).
    word_patterns: tuple[re.Pattern[str], ...] = ()
    # A word already in the first `subject_words` words (headline and lede) is the story's
    # topic, and a topic word repeats by design: it needs `subject_min_count` uses.
    subject_words: int = 0
    subject_min_count: int = 0


@dataclass(frozen=True)
class WordUse:
    """Every reporter's use of one stem."""

    stem: str
    tokens: list[int]  # word indexes in `Words`, in order
    share: float  # of the reporter's content words
    forms: list[str] = field(default_factory=list)  # surface forms, most used first


def word_counts(words: Words, ignore: tuple[re.Pattern[str], ...] = (), min_uses: int = 1) -> tuple[list[WordUse], int]:
    """Each content stem the reporter uses (names and forms matching `ignore` excluded)
    at least `min_uses` times, most used first, and how many content words the reporter
    wrote. Leaving out a form only lowers a count, so forms are searched for the few
    stems used often enough, not for every word."""
    uses_by_stem, content_words = _stem_uses(words)
    lowers = words.lowers
    result = []
    for stem, indexes in uses_by_stem.items():
        if len(indexes) < min_uses:
            continue
        forms = {lowers[index] for index in indexes}
        ignored = {form for pattern in ignore for form in filter(pattern.search, forms)}
        if ignored:
            indexes = [index for index in indexes if lowers[index] not in ignored]
            forms -= ignored
        if indexes and len(indexes) >= min_uses:
            result.append(WordUse(stem, indexes, len(indexes) / max(content_words, 1), _by_use(forms, indexes, lowers)))
    result.sort(key=lambda use: (-len(use.tokens), use.stem))
    return result, content_words


def _stem_uses(words: Words) -> tuple[dict[str, list[int]], int]:
    """The reporter's uses of each content stem (names excluded), and how many content
    words the reporter wrote. Counted once per article: the rule and the statistics ask
    alike."""
    if "stems" not in words.counted:
        quoted, tabular, names, stems = words.quoted, words.tabular, words.names, words.stems
        reporter = [
            index
            for index in itertools.compress(range(len(words)), words.contents)
            if not quoted[index] and not tabular[index]
        ]
        uses_by_stem: dict[str, list[int]] = defaultdict(list)
        for index in reporter:
            if not names[index]:
                uses_by_stem[stems[index]].append(index)
        words.counted["stems"] = uses_by_stem, len(reporter)
    counted: tuple[dict[str, list[int]], int] = words.counted["stems"]
    return counted


def _by_use(forms: set[str], indexes: list[int], lowers: list[str]) -> list[str]:
    """The forms a stem is written in, most used first."""
    if len(forms) == 1:  # most stems
        return list(forms)
    uses = [lowers[index] for index in indexes]
    return sorted(forms, key=lambda form: (-uses.count(form), form))


def overused_words(words: Words, options: WordOptions) -> list[WordUse]:
    """Stems the reporter uses at least `min_count` times and for at least `min_share` of
    their content words, in an article of at least `min_article_words` words."""
    if words.reporter_words() < options.min_article_words:
        return []
    counts, _ = word_counts(words, options.ignore, min_uses=options.min_count)
    topic = _topic_stems(words, options.subject_words)
    return [
        use
        for use in counts
        if len(use.tokens)
        >= (max(options.min_count, options.subject_min_count) if use.stem in topic else options.min_count)
        and use.share >= options.min_share
        and (
            not options.word_patterns
            or any(pattern.search(form) for pattern in options.word_patterns for form in use.forms)
        )
    ]


def _topic_stems(words: Words, count: int) -> set[str]:
    """Stems of the first `count` words of the body (the lede): the story's topic.
    Headlines and kickers (lines that end no sentence) are left out: they are written to
    sell, so a word in one is not thereby the topic the rest of the story must repeat."""
    if not count:
        return set()
    # Once per paragraph, not per word: is_prose searches the paragraph's end, and one
    # paragraph of a 500,000-character line would be searched once for each of its words.
    prose = [is_prose(paragraph) for paragraph in words.document.paragraphs]
    body = (stem for stem, paragraph in zip(words.stems, words.paragraphs) if prose[paragraph - 1])
    return set(itertools.islice(body, count))
