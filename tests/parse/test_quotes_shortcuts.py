"""The shortcuts quotation finding takes must never change a result."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.quotes import _INTRODUCES_BLOCK, _introduces_block

# Introducing a block quotation: the colon test that spares most paragraphs the search
# must agree with the search.
_INTRODUCTION_PIECES = st.sampled_from(
    ["said", "says", "told", "added", "The governor", "him", "the crowd", ":", " :", ": ", "\n", " ", "x", "."]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_INTRODUCTION_PIECES, max_size=12).map("".join), st.data())
def test_introducing_a_block_quotation_agrees_with_the_search(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _introduces_block(text, start, end) == (_INTRODUCES_BLOCK.search(text, start, end) is not None)


@pytest.mark.parametrize("paragraph", ["The governor added:", "He told the crowd: \n", "The schedule:", "said: no"])
def test_introducing_a_block_quotation_agrees_with_the_search_on_examples(paragraph):
    assert _introduces_block(paragraph, 0, len(paragraph)) == (_INTRODUCES_BLOCK.search(paragraph) is not None)
