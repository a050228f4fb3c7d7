"""What the figures beside the findings cost: `newslint.statistics` counts with the rule
set's checks, and falls back to the built-in rules a profile switches off."""

from __future__ import annotations

import pytest

from newslint import rulebook
from newslint.statistics import PHRASE_RULE, WORD_RULE, builtin_rule


@pytest.fixture
def fresh_builtin_rules():
    builtin_rule.cache_clear()
    yield
    builtin_rule.cache_clear()


def test_builtin_fallback_rules_are_read_as_shipped_rules_are(monkeypatch, fresh_builtin_rules):
    # The `news` profile turns the repetition rules off, so every JSON report falls back
    # to the built-in ones for its figures. They ship with newslint and the test suite
    # validates them (tests/rules), as the rule loader trusts them at every start:
    # validating them again put jsonschema's start-up in every JSON run (issue 19's
    # speed target).
    def no_validation(*args: object, **kwargs: object) -> None:
        raise AssertionError("a shipped rule was validated again")

    monkeypatch.setattr(rulebook, "validate", no_validation)
    for rule_id in (PHRASE_RULE, WORD_RULE):
        assert builtin_rule(rule_id).id == rule_id
