"""What a baseline knows a finding by (`newslint.fingerprints`), on results made by hand:
each word "may" a finding of `hedging.modal`, paragraphs split at blank lines."""

from __future__ import annotations

import hashlib
import re
from types import SimpleNamespace

import pytest

from newslint import fingerprints as fingerprints_module
from newslint.fingerprints import finding_fingerprints, normal, paragraph_fingerprints
from newslint.model import Finding, Severity
from newslint.result import FileResult


def _result(text: str, word: str = "may") -> FileResult:
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]
    findings = []
    for match in re.finditer(rf"\b{word}\b", text, re.IGNORECASE):
        number = next(n for n, (start, end) in enumerate(paragraphs, 1) if start <= match.start() < end)
        findings.append(
            Finding("hedging.modal", Severity.WARNING, "hedge", match.start(), match.end(), number, match.group())
        )
    return FileResult(path="story.txt", text=text, findings=findings, paragraphs=paragraphs)


def _density(text: str) -> FileResult:
    """One finding spanning the whole text, as `hedging.density` flags a paragraph."""
    finding = Finding("hedging.density", Severity.INFO, "dense", 0, len(text), 1, text)
    return FileResult(path="story.txt", text=text, findings=[finding], paragraphs=[(0, len(text))])


PARAGRAPH = "The deal may collapse next week. Officials met in Geneva. Costs may soar, the union said."


def test_rewrapping_and_capitals_change_nothing():
    rewrapped = PARAGRAPH.replace(" met in", "\nmet  in").replace("Costs may soar", "COSTS May  soar")
    assert finding_fingerprints(_result(rewrapped)) == finding_fingerprints(_result(PARAGRAPH))


def test_another_sentence_of_the_paragraph_changes_nothing():
    edited = PARAGRAPH.replace("Officials met in Geneva.", "Officials met in Vienna on a rainy Tuesday.")
    assert finding_fingerprints(_result(edited)) == finding_fingerprints(_result(PARAGRAPH))


def test_the_words_next_to_a_finding_are_part_of_it():
    first, second = finding_fingerprints(_result(PARAGRAPH))
    edited = finding_fingerprints(_result(PARAGRAPH.replace("collapse next week", "collapse soon")))
    assert edited[0] != first and edited[1] == second


def test_the_same_words_in_the_same_words_are_one_fingerprint():
    # Counted, not told apart: the baseline records how many times each occurs.
    twice = finding_fingerprints(_result("Costs may soar. Costs may soar."))
    assert twice[0] == twice[1]


def test_a_finding_spanning_sentences_is_known_by_its_opening_words():
    dense = "The deal may collapse next week. Prices could rise. The plan might fail."
    known = finding_fingerprints(_density(dense))
    assert finding_fingerprints(_density(dense.replace("could rise", "could well rise"))) == known
    assert finding_fingerprints(_density(dense.replace("The deal may", "A deal may"))) != known


def test_an_edit_far_off_in_one_long_sentence_changes_nothing():
    long = "x" * 1000 + " and then " + "y " * 300 + "it may rain " + "z " * 300
    edited = long.replace("x" * 1000, "w" * 900)
    assert finding_fingerprints(_result(edited)) == finding_fingerprints(_result(long))


def test_version_1_fingerprints_are_those_of_the_old_baselines():
    # The digest version 1 wrote: sha256 of rule, whole paragraph and words, joined by \x1f.
    result = _result(PARAGRAPH)
    expected = hashlib.sha256(f"hedging.modal\x1f{PARAGRAPH}\x1fmay".encode()).hexdigest()[:20]
    assert paragraph_fingerprints(result) == [expected, expected]


class _CountingSha256:
    """hashlib.sha256 that adds the bytes it hashes to a shared count."""

    def __init__(self, data: bytes = b"", count: list[int] | None = None, inner=None) -> None:
        self.count = count if count is not None else _HASHED
        self.inner = inner or hashlib.sha256()
        self.update(data)

    def update(self, data: bytes) -> None:
        self.count[0] += len(data)
        self.inner.update(data)

    def copy(self) -> _CountingSha256:
        return _CountingSha256(count=self.count, inner=self.inner.copy())

    def hexdigest(self) -> str:
        return self.inner.hexdigest()


_HASHED = [0]


def _work(monkeypatch, fingerprints, text: str) -> int:
    """Characters the fingerprints of `text`'s hedges read: hashed, and normalised."""
    _HASHED[0] = 0
    normalised = [0]

    def counted_normal(value: str) -> str:
        normalised[0] += len(value)
        return normal(value)

    monkeypatch.setattr(fingerprints_module, "hashlib", SimpleNamespace(sha256=_CountingSha256))
    monkeypatch.setattr(fingerprints_module, "normal", counted_normal)
    fingerprints(_result(text))
    return _HASHED[0] + normalised[0]


@pytest.mark.parametrize("fingerprints", [finding_fingerprints, paragraph_fingerprints])
@pytest.mark.parametrize("unit", ["The plan may fail. ", "the plan may fail and "])
def test_fingerprints_of_one_long_paragraph_grow_linearly(monkeypatch, fingerprints, unit):
    # One paragraph of n sentences with a hedge in each (issue 20, item 8's case), or one
    # endless sentence: hashing the paragraph, or reading the whole sentence, for each
    # finding made this quadratic (16 times the work at 4n).
    small, large = _work(monkeypatch, fingerprints, unit * 500), _work(monkeypatch, fingerprints, unit * 2000)
    assert large < 5 * small, (small, large)
