"""Every rule's own documentation examples, run from its YAML (the sqlfluff approach):
each bad example must be flagged (exactly the listed texts, when listed), each good
example must not be."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.config import Config, build_rules

RULES = build_rules(Config())


def _cases(kind: str):
    for rule in RULES:
        for number, example in enumerate(getattr(rule, kind), start=1):
            yield pytest.param(rule, example, id=f"{rule.id}-{kind}{number}")


@pytest.mark.parametrize(("rule", "example"), list(_cases("bad")))
def test_bad_example_is_flagged(rule, example):
    found = [f.text for f in lint_text(example.text) if f.rule == rule.id]
    assert found, f"{rule.id} did not flag its bad example: {example.text!r}"
    if example.flags is not None:
        assert found == list(example.flags)


@pytest.mark.parametrize(("rule", "example"), list(_cases("good")))
def test_good_example_is_not_flagged(rule, example):
    found = [f.text for f in lint_text(example.text) if f.rule == rule.id]
    assert found == [], f"{rule.id} flagged its good example: {example.text!r}"
