"""The substitution kind: a term → the preferred term, carried as the finding's
suggestion in the case of the text it replaces; and the example house style, which a
desk copies to start its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import lint_text
from newslint.checks.substitution import SubstitutionCheck, match_case
from newslint.config import build_rules, load_config
from newslint.errors import RuleError
from newslint.rulebook import load_rule_file

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "house-style"


def swaps(check, text):
    return [(text[s:e], suggestion) for s, e, suggestion in check.spans(text)]


def test_suggestion_takes_the_case_of_the_text():
    check = SubstitutionCheck({"utilize": "use"}, ignore_case=True, inflect=False)
    assert swaps(check, "utilize. Utilize. UTILIZE.") == [("utilize", "use"), ("Utilize", "Use"), ("UTILIZE", "USE")]


def test_match_case_keeps_a_suggestions_own_capitals():
    assert match_case("Wi-Fi", "wifi") == "Wi-Fi"
    assert match_case("percent", "Per cent") == "Percent"


def test_inflected_terms_get_inflected_suggestions():
    check = SubstitutionCheck(
        {"utilize": "use", "purchase": "buy", "purchased": "bought"}, ignore_case=True, inflect=True
    )
    text = "It utilizes, utilized and is utilizing. We purchased; she purchases."
    assert swaps(check, text) == [
        ("utilizes", "uses"),
        ("utilized", "used"),
        ("utilizing", "using"),
        ("purchased", "bought"),
        ("purchases", "buys"),
    ]


def test_phrases_and_whole_words():
    check = SubstitutionCheck({"in order to": "to", "per cent": "percent"}, ignore_case=True, inflect=False)
    assert swaps(check, "In order\nto win, 5 per cent; percentage") == [("In order\nto", "To"), ("per cent", "percent")]


def test_swap_must_map_terms_to_text(tmp_path):
    path = tmp_path / "house" / "usage.yaml"
    path.parent.mkdir()
    path.write_text(
        "id: house.usage\nkind: substitution\nseverity: info\ndescription: d\nmessage: m\n"
        "docs: {why: w, bad: [x], good: [y]}\nswap:\n  towards: 4\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError) as error:
        load_rule_file(path)
    assert ":8:" in str(error.value) and "swap.towards" in str(error.value)


def test_example_house_style_runs(monkeypatch):
    config = load_config(EXAMPLE / ".newslint.yaml")
    assert "house.usage" in {rule.id for rule in build_rules(config)}
    story = (EXAMPLE / "story.txt").read_text(encoding="utf-8")
    found = [
        (f.text, f.suggestion)
        for f in lint_text(story, config_path=str(EXAMPLE / ".newslint.yaml"))
        if f.rule == "house.usage"
    ]
    assert found == [("Whilst", "While"), ("towards", "toward"), ("e-mailed", "emailed"), ("per cent", "percent")]
