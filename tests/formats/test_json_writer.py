"""The JSON report's writer gives exactly what `json.dumps(..., ensure_ascii=False,
indent=2)` gives, at any depth in the document."""

from __future__ import annotations

import enum
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.formats.json import _dump

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
KEYS = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
DOCUMENTS = st.recursive(SCALARS, lambda children: st.lists(children, max_size=4)
                         | st.dictionaries(KEYS, children, max_size=4), max_leaves=30)


def _standard(value, depth: int) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


@settings(max_examples=500, deadline=None)
@given(DOCUMENTS, st.integers(min_value=0, max_value=3))
def test_any_document_is_written_as_json_dumps_writes_it(value, depth):
    assert _dump(value, depth) == _standard(value, depth)


@pytest.mark.parametrize("value", [{"text": "line\nbreak \"quoted\" \u2028 é \x00 \ud800"}, [[], {}, [[]]],
                                   {"nested": {"empty": [], "n": 1.5, "big": 10 ** 30, "nan": float("nan")}},
                                   (1, "tuple"), {1: "int key", 2.5: "float key", None: "null key"}])
def test_awkward_values(value):
    assert _dump(value, 2) == _standard(value, 2)


class _Level(enum.IntEnum):
    HIGH = 3


class _Name(str):
    pass


def test_subclasses_of_plain_types_are_written_as_json_dumps_writes_them():
    value = {"level": _Level.HIGH, "name": _Name("Ana \"A\""), _Name("key"): [_Level.HIGH, _Name("x")]}
    assert _dump(value, 1) == _standard(value, 1)


def test_what_json_cannot_write_is_refused():
    with pytest.raises(TypeError):
        _dump({"set": {1, 2}})
