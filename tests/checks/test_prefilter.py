"""The prefilter may skip a rule's expression only where it cannot match: checked on
hand-made patterns, on every shipped rule over real copy, and over generated text."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import regex
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import lint_text
from newslint.casefold import fold
from newslint.checks import lexicon, prefilter
from newslint.checks.lexicon import LexiconCheck
from newslint.checks.prefilter import LiteralSearch, Prefilter, comparable, required_literal_sets, required_literals
from newslint.checks.substitution import SubstitutionCheck

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bmay\b", {"may"}),
        (r"(?:appear|appears|appeared|appearing)\s+to", {"appear"}),  # "appears" holds "appear"
        (r"\b(?:very\s+)?likely\b", {"likely"}),  # the optional word is not required
        (r"[Ss]aid\b", {"said"}),
        (r"(?i)MIGHT", {"might"}),
        (r"(?P<match>would)\s+(?:seem|appear)", {"would"}),  # the longest shortest literal wins
        (r"\d+%", {"%"}),
        (r"\d+\s*\w+", None),  # no literal at all
        (r"\b(?:may|\w+ly)\b", {"may", "ly"}),
        (r"\b(?:may|\w+)\b", None),  # one alternative needs no literal
        (r"(?:no)?thing", {"thing"}),
        (r"x{0,3}yes", {"yes"}),
        (r"(?:kind of){1,2} odd", {"kind of"}),
        (r"\p{Lu}ay", None),  # regex-module syntax re cannot read: no filter rather than an error
    ],
)
def test_required_literals(pattern, expected):
    assert required_literals(pattern) == (frozenset(expected) if expected is not None else None)


def test_deeply_nested_groups_are_simply_run():
    deep = "(?:" * 5000 + "x" + ")" * 5000
    assert required_literals(deep) in (None, frozenset({"x"}))


def test_no_literals_means_always_run():
    assert Prefilter(None).may_match("anything at all")
    assert Prefilter.for_pattern(r"\d+").may_match("no digits here")


def test_a_literal_that_holds_another_is_not_searched_for():
    assert Prefilter.for_pattern(r"\b(?:appears?|appeared|seems?)\s+to").literals == {"appear", "seem"}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abc", min_size=1, max_size=5), min_size=1, max_size=30))
def test_only_literals_holding_no_other_are_kept(literals):
    kept = prefilter._shortest(literals)
    assert all(not any(other != kept_one and other in kept_one for other in kept) for kept_one in kept)
    assert all(any(one in literal for one in kept) for literal in literals)


def test_a_text_without_the_literals_is_skipped():
    skip = Prefilter.for_pattern(r"\b(?:could|might)\s+potentially\b", re.IGNORECASE)
    assert not skip.may_match(fold("The plan will cut costs."))
    assert skip.may_match(fold("It COULD POTENTIALLY fail."))


def test_fold_maps_every_case_insensitive_equivalent_of_an_ascii_letter():
    """Whatever character `re` or `regex` (as rules compile them) lets stand for an ASCII
    letter under IGNORECASE, fold turns into that letter, one character for one."""
    letter_re = re.compile("[a-z]", re.IGNORECASE)
    letter_regex = regex.compile("[a-z]", regex.IGNORECASE | regex.V0)
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        if letter_re.fullmatch(character) or letter_regex.fullmatch(character):
            folded = fold(character)
            assert len(folded) == 1 and folded.isascii(), hex(code)
            assert re.fullmatch(folded, character, re.IGNORECASE) or regex.fullmatch(folded, character, regex.I), hex(
                code
            )


def test_non_ascii_letters_are_never_required():
    """A literal outside ASCII has case partners fold does not know: no filter on it."""
    assert required_literals("café") == frozenset({"caf"})
    assert required_literals("ÉCOLE") == frozenset({"cole"})


_CASE_PUZZLES = st.sampled_from(list("aAiIkKsSıİſK ΣσςßẞǅΩΩ-'’.,\n") + ["ΣΑΣ ", "İS", "KELVIN"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_CASE_PUZZLES | st.characters(), max_size=30).map("".join), st.data())
def test_a_text_holds_every_literal_its_parts_hold(text, data):
    """Pattern rules test a document once and skip it whole (`PatternCheck.searcher`):
    exact only if every literal a folded sentence holds, the folded document holds too."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    part, whole = fold(text[start:end]), fold(text)
    for i in range(len(part)):
        for j in range(i + 1, len(part) + 1):
            if comparable(part[i:j]):
                assert part[i:j] in whole


def _all_filters_off(monkeypatch):
    monkeypatch.setattr(prefilter.Prefilter, "may_match", lambda self, folded: True)
    # Every lexicon searched with its whole expression, for every term, in every unit.
    monkeypatch.setattr(lexicon.LexiconCheck, "searcher", lambda self, document, units: self.spans)
    monkeypatch.setattr(
        lexicon.LexiconCheck, "spans", lambda self, text: [self._span(match) for match in self._regex.finditer(text)]
    )


def _stories() -> list[str]:
    texts = [
        path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "examples").rglob("*"))
        if path.suffix in (".txt", ".md")
    ]
    for rule_file in sorted((ROOT / "rules").rglob("*.yaml")):
        docs = yaml.safe_load(rule_file.read_text(encoding="utf-8")).get("docs", {})
        texts += [
            example if isinstance(example, str) else example["text"]
            for key in ("bad", "good")
            for example in docs.get(key, [])
        ]
    return texts


def test_every_shipped_rule_finds_the_same_with_and_without_filters(monkeypatch):
    stories = _stories()
    assert len(stories) > 100
    filtered = [lint_text(text) for text in stories]
    _all_filters_off(monkeypatch)
    unfiltered = [lint_text(text) for text in stories]
    assert filtered == unfiltered
    assert sum(map(len, filtered)) > 100  # the comparison covers real findings


_TERMS = [
    "may",
    "could potentially",
    "appear to",
    "U.S. officials",
    "well-known",
    "so-called",
    "it's",
    "of course",
    "in the U.S. to",
]
_PIECES = st.sampled_from(
    [
        "may",
        "MAY",
        "Mayor",
        "could",
        "potentially",
        "appear",
        "appears",
        "appeared",
        "Appearing",
        "to",
        "u.s.",
        "U.S.",
        "officials",
        "well-known",
        "well",
        "known",
        "so-called",
        "it's",
        "it’s",
        "ıt's",
        "ſo-called",
        "İt's",
        "of",
        "course",
        "COURSE",
        "in",
        "-",
        "'",
        " ",
        "\n",
        ".",
        ",",
        "the",
        "x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_lexicon_filter_never_drops_a_match(text):
    """Nor does searching for only the terms whose words the text holds change which
    term matches where (each term suggests itself, to tell them apart)."""
    check = LexiconCheck([(term, term) for term in _TERMS], ignore_case=True, inflect=True)
    unfiltered = [(m.start(), m.end(), check._suggestions[m.lastgroup]) for m in check._regex.finditer(text)]
    assert check.spans(text) == unfiltered


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_substitution_filter_never_drops_a_match(text):
    """Substitution rules search the same way, with their own suggestions."""
    check = SubstitutionCheck({term: f"not {term}" for term in _TERMS}, ignore_case=True, inflect=True)
    assert check.spans(text) == [check._span(match) for match in check._regex.finditer(text)]


def test_the_shipped_rules_literals_are_read_from_their_copy(tmp_path, monkeypatch):
    """Loading the shipped packs keeps their expressions' literals in a copy on disk
    (`datacopy.remembered`); the next load reads them instead of parsing any expression,
    and filters exactly as before."""
    from newslint.checks import prefilter
    from newslint.rulebook import builtin_rules_dir, load_rules

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(prefilter, "KNOWN_LITERALS", {})
    monkeypatch.setattr(prefilter, "KNOWN_LITERAL_SETS", {})
    first = load_rules([builtin_rules_dir()], trusted=(builtin_rules_dir(),))
    parsed, parsed_sets = dict(prefilter.KNOWN_LITERALS), dict(prefilter.KNOWN_LITERAL_SETS)
    assert parsed and list((tmp_path / "newslint").glob("literals-*.marshal"))
    # The claim rule's cues keep every set of words they need (`every_set`), copied too.
    assert parsed_sets and list((tmp_path / "newslint").glob("literal-sets-*.marshal"))

    def refuse(pattern, flags):
        raise AssertionError(f"parsed again: {pattern}")

    monkeypatch.setattr(prefilter, "KNOWN_LITERALS", {})
    monkeypatch.setattr(prefilter, "KNOWN_LITERAL_SETS", {})
    monkeypatch.setattr(prefilter, "_read_literals", refuse)
    monkeypatch.setattr(prefilter, "_read_literal_sets", refuse)
    second = load_rules([builtin_rules_dir()], trusted=(builtin_rules_dir(),))
    assert parsed == prefilter.KNOWN_LITERALS
    assert parsed_sets == prefilter.KNOWN_LITERAL_SETS
    assert sorted(first) == sorted(second)


def test_every_set_a_match_needs_is_read_from_the_top_level_sequence():
    sets = required_literal_sets(r"\b(?:parents|voters)\s+(?:now\s+)?(?:fear|doubt)\b", re.IGNORECASE)
    assert sorted(map(sorted, sets)) == [["doubt", "fear"], ["parents", "voters"]]
    assert required_literal_sets(r"\bparents\b|\bfear\b") == (frozenset({"parents", "fear"}),)
    assert required_literal_sets(r"\d+") == ()


def test_with_every_set_a_text_needs_a_word_of_each():
    """The claim rule's filter: "parents" alone cannot make "parents ... fear"; the plain
    filter, asked before cheap expressions, looks for the best set only."""
    pattern = r"\b(?:parents|voters)\s+(?:fear|doubt)\b"
    every = Prefilter.for_pattern(pattern, re.IGNORECASE, every_set=True)
    best = Prefilter.for_pattern(pattern, re.IGNORECASE)
    assert not every.may_match("parents met the board")
    assert best.may_match("parents met the board") and best.also == ()
    assert every.may_match("the parents fear cuts") and every.may_match("voters doubt it")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="abc ", min_size=1, max_size=4), min_size=1, max_size=20),
    st.text(alphabet="abc ", max_size=40),
)
def test_a_literal_search_finds_every_literal_a_text_holds(literals, text):
    """One search for all of them finds what a scan for each would (pattern rules ask it
    once a story)."""
    assert LiteralSearch(literals).present(text) == {literal for literal in literals if literal in text}


HOLDING_PATTERNS = [
    r"\b(?:could|might)\s+potentially\b",
    r"\b(?:appears?|appeared|seems?)\s+to",
    r"\b(?:parents|voters)\s+(?:fear|doubt)\b",
    r"\d+\s*\w+",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["could", "might", "potentially", "appear", "seems", "parents", "fear", "x"]), max_size=8)
)
def test_may_match_holding_answers_as_may_match(words):
    """A pattern rule asks its prefilters with the literals a story holds, found once for
    all of them: the answer is the one each would give reading the story itself."""
    text = " ".join(words)
    for every_set in (False, True):
        prefilters = [Prefilter.for_pattern(pattern, every_set=every_set) for pattern in HOLDING_PATTERNS]
        literals = set().union(*((p.literals or set()).union(*p.also) for p in prefilters))
        present = LiteralSearch(literals).present(text)
        assert [p.may_match_holding(present) for p in prefilters] == [p.may_match(text) for p in prefilters]
