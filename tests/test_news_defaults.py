"""The default `news` profile leaves off the rules that misfired on clean copy (issue 19);
their documentation examples still run, with the rules on (the `all` profile)."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.config import Config, build_rules

EVERY = build_rules(Config(), "all")
NEWS = {rule.id for rule in build_rules(Config())}
OFF_IN_NEWS = [rule for rule in EVERY if rule.id not in NEWS]


def test_news_leaves_off_only_the_rules_judged_below_the_bar():
    assert {rule.id for rule in OFF_IN_NEWS} == {
        "readability.long-paragraph",
        "readability.paragraph-grade",
        "repetition.opener",
        "repetition.phrase",
        "repetition.word",
    }


def test_all_is_every_rule_of_the_packs():
    assert {rule.id for rule in EVERY} >= NEWS


def _cases(kind: str):
    for rule in OFF_IN_NEWS:
        for number, example in enumerate(getattr(rule, kind), start=1):
            yield pytest.param(rule, example, id=f"{rule.id}-{kind}{number}")


@pytest.mark.parametrize(("rule", "example"), list(_cases("bad")))
def test_bad_example_of_a_rule_off_in_news_is_flagged_when_on(rule, example):
    found = [f.text for f in lint_text(example.text, profile="all") if f.rule == rule.id]
    assert found, f"{rule.id} did not flag its bad example: {example.text!r}"
    assert not [f for f in lint_text(example.text) if f.rule == rule.id], "off in news"
    if example.flags is not None:
        assert found == list(example.flags)


@pytest.mark.parametrize(("rule", "example"), list(_cases("good")))
def test_good_example_of_a_rule_off_in_news_is_not_flagged_when_on(rule, example):
    assert [f.text for f in lint_text(example.text, profile="all") if f.rule == rule.id] == []
