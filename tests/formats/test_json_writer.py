"""The JSON report's writer gives exactly what `json.dumps(..., ensure_ascii=False,
indent=2)` gives, at any depth in the document."""

from __future__ import annotations

import enum
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.errors import NewslintError
from newslint.formats import locate
from newslint.formats.json import _dump, _entry, _plain_stats, _stats
from newslint.model import Finding, Severity
from newslint.result import ClaimStats, FileResult, ParagraphStats, PhraseStat, RepetitionStats, WordStat

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
KEYS = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=4),
    max_leaves=30,
)


def _standard(value, depth: int) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


@settings(max_examples=500, deadline=None)
@given(DOCUMENTS, st.integers(min_value=0, max_value=3))
def test_any_document_is_written_as_json_dumps_writes_it(value, depth):
    assert _dump(value, depth) == _standard(value, depth)


@pytest.mark.parametrize(
    "value",
    [
        {"text": 'line\nbreak "quoted" \u2028 é \x00 \ud800'},
        [[], {}, [[]]],
        {"nested": {"empty": [], "n": 1.5, "big": 10**30, "nan": float("nan")}},
        (1, "tuple"),
        {1: "int key", 2.5: "float key", None: "null key"},
    ],
)
def test_awkward_values(value):
    assert _dump(value, 2) == _standard(value, 2)


class _Level(enum.IntEnum):
    HIGH = 3


class _Name(str):
    pass


def test_subclasses_of_plain_types_are_written_as_json_dumps_writes_them():
    value = {"level": _Level.HIGH, "name": _Name('Ana "A"'), _Name("key"): [_Level.HIGH, _Name("x")]}
    assert _dump(value, 1) == _standard(value, 1)


def test_what_json_cannot_write_is_refused():
    with pytest.raises(TypeError):
        _dump({"set": {1, 2}})


# --------------------------------------------------------------------------- a file's entry


def _schema_entry(result: FileResult) -> dict:
    """The entry as docs/json-format.md describes it, built as a plain dict."""
    entry: dict = {
        "path": result.path,
        "findings": [
            {
                "rule": f.rule,
                "severity": str(f.severity),
                "message": f.message,
                "paragraph": f.paragraph,
                "line": w.line,
                "column": w.column,
                "end_line": w.end_line,
                "end_column": w.end_column,
                "offset": f.start,
                "end_offset": f.end,
                "text": f.text,
                "suggestion": f.suggestion,
            }
            for f, w in zip(result.findings, locate(result))
        ],
    }
    if result.error is not None:
        entry["error"] = str(result.error)
    if result.claims is not None:
        entry["stats"] = {
            "paragraphs": [
                {"paragraph": p.paragraph, "claims": p.claims, "attributed": p.attributed}
                for p in result.claims.paragraphs
            ],
            "claims": result.claims.claims,
            "attributed": result.claims.attributed,
        }
    return entry


@st.composite
def _results(draw) -> FileResult:
    text = draw(st.text(alphabet=st.sampled_from('ab \n\u2028é"\\'), max_size=40))
    findings = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        findings.append(
            Finding(
                rule=draw(st.text(max_size=8)),
                severity=draw(st.sampled_from(list(Severity))),
                message=draw(st.text(max_size=12)),
                start=start,
                end=end,
                paragraph=draw(st.integers(1, 5)),
                text=text[start:end],
                suggestion=draw(st.none() | st.text(max_size=6)),
            )
        )
    error = draw(st.none() | st.text(max_size=10).map(NewslintError))
    claims = draw(
        st.none()
        | st.lists(st.tuples(st.integers(1, 9), st.integers(0, 3), st.integers(0, 3)), max_size=2).map(
            lambda rows: ClaimStats([ParagraphStats(*row) for row in rows])
        )
    )
    return FileResult(path=draw(st.text(max_size=10)), text=text, findings=findings, error=error, claims=claims)


@settings(max_examples=300, deadline=None)
@given(_results())
def test_a_file_entry_is_written_as_json_dumps_writes_it(result):
    assert _entry(result) == _standard(_schema_entry(result), 2)


_WORDS = st.text(alphabet=st.sampled_from('ab\u00e9"\\\n\u2028'), max_size=6)
_REPETITION = st.builds(
    RepetitionStats,
    phrases=st.lists(st.builds(PhraseStat, _WORDS, st.integers(0, 9), st.integers(0, 9)), max_size=3),
    words=st.lists(
        st.builds(WordStat, _WORDS, st.integers(0, 9), st.lists(_WORDS, min_size=1, max_size=3)), max_size=3
    ),
    reporter_words=st.integers(0, 999),
)


@settings(max_examples=300, deadline=None)
@given(_results(), st.none() | _REPETITION)
def test_claim_and_repetition_figures_are_written_as_the_generic_writer_writes_them(result, repetition):
    if result.claims is None:
        result.claims = ClaimStats([])
    result.repetition = repetition
    assert _plain_stats(result) == _dump(_stats(result), 3)
