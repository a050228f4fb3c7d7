"""Clause boundaries: where a sentence can change speaker (issue 19). Invented sentences."""

from __future__ import annotations

import itertools

import pytest

from newslint.clauses import clause_spans


def clauses(sentence: str, quotes: list[tuple[int, int]] | None = None) -> list[tuple[str, str]]:
    return [(span.link, sentence[span.start : span.end].strip()) for span in clause_spans(sentence, quotes)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The mill was reportedly sold, and its workers could lose their jobs.",
            [("", "The mill was reportedly sold,"), ("and", "and its workers could lose their jobs.")],
        ),
        (
            "No trustee would comment, although a sale seems near.",
            [("", "No trustee would comment,"), ("although", "although a sale seems near.")],
        ),
        ("Fares rose; ridership fell.", [("", "Fares rose;"), ("semicolon", "ridership fell.")]),
        (
            "The pier — long a landmark — may close.",
            [("", "The pier"), ("dash", "— long a landmark"), ("dash", "— may close.")],
        ),
        ("Sales rose but profit fell.", [("", "Sales rose"), ("but", "but profit fell.")]),
        (
            "While rents climbed, wages stalled.",
            [("", "While rents climbed,"), ("comma", "wages stalled.")],
        ),
        (
            "Lee approved the loan, which could still fall through.",
            [("", "Lee approved the loan,"), ("which", "which could still fall through.")],
        ),
    ],
)
def test_each_kind_of_boundary(sentence, expected):
    assert clauses(sentence) == expected


def test_an_aside_closed_by_a_comma_stays_in_its_host():
    assert clauses("Ana Ruiz, who chairs the board, said the vote may slip.") == [
        ("", "Ana Ruiz, who chairs the board, said the vote may slip.")
    ]


def test_a_quotation_is_not_cut_and_forms_its_own_clause():
    sentence = '"The dam may hold, and the town could be spared," the engineer said.'
    quote = (0, sentence.index(',"') + 2)
    assert clauses(sentence, [quote]) == [
        ("", '"The dam may hold, and the town could be spared,"'),
        ("quote", "the engineer said."),
    ]


def test_while_as_a_noun_is_no_boundary():
    assert len(clause_spans("It took a while to rebuild the pier.")) == 1


@pytest.mark.parametrize("sentence", ["", "Yes.", "; — , and", '"Quiet," she said; "very."'])
def test_clauses_cover_the_sentence_in_order(sentence):
    spans = clause_spans(sentence, [(0, 8)] if sentence.startswith('"') else [])
    assert spans[0].start == 0 and spans[-1].end == len(sentence)
    assert all(a.end == b.start for a, b in itertools.pairwise(spans))
