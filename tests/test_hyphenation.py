"""textstat's fallback syllable counter, pyphen, with its patterns read from a parsed
copy: the same hyphenation as pyphen's own parse, for any word."""

from __future__ import annotations

import pyphen
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import hyphenation
from newslint.hyphenation import hyphenator
from newslint.syllables import install

ENGLISH = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
WORDS = [
    "mln",
    "dlrs",
    "Gorbachev",
    "Shevardnadze",
    "cooperation",
    "hyphenation",
    "a",
    "",
    "supercalifragilistic",
    "Baghdad's",
    "co-operate",
    "naïve",
    "ÉCOLE",
    "x" * 60,
]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache folder, and no patterns parsed yet in this process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenator.cache_clear()
    yield tmp_path
    hyphenator.cache_clear()


def _pyphen_parsed() -> pyphen.Pyphen:
    return pyphen.Pyphen(filename=ENGLISH, cache=False)


def test_patterns_from_the_copy_hyphenate_as_pyphen_does(fresh_cache):
    from_parse = hyphenator("en_US")  # parses, and writes the copy
    [copy] = (fresh_cache / "newslint").glob("hyph-*.marshal")
    pyphen.hdcache.clear()
    hyphenator.cache_clear()
    from_copy = hyphenator("en_US")
    assert from_copy.hd is not from_parse.hd
    reference = _pyphen_parsed()
    assert from_copy.hd.patterns == reference.hd.patterns
    assert from_copy.hd.maxlen == reference.hd.maxlen
    for word in WORDS:
        assert from_copy.positions(word) == reference.positions(word) == from_parse.positions(word)
    assert copy.is_file()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x24F), max_size=30))
def test_any_word_hyphenates_as_pyphen_does(word):
    assert hyphenator("en_US").positions(word) == _REFERENCE.positions(word)


_REFERENCE = _pyphen_parsed()


def test_a_hyph_dict_of_unknown_shape_is_not_copied(fresh_cache, monkeypatch):
    class NewerHyphDict(pyphen.HyphDict):
        def __init__(self, path):
            super().__init__(path)
            self.compiled = True  # an attribute this module does not know to restore

    monkeypatch.setattr(pyphen, "HyphDict", NewerHyphDict)
    hyphenate = hyphenator("en_US")
    assert isinstance(hyphenate.hd, NewerHyphDict)  # pyphen's own parse, used as it is
    assert not list(fresh_cache.rglob("hyph-*.marshal"))


def test_textstat_asks_newslint_for_its_hyphenator():
    from textstat.backend.counts import _count_syllables

    install()
    assert _count_syllables.get_pyphen is hyphenation.hyphenator
