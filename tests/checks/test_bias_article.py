"""Issue 6 on the seed article: its editorializing and its leaked page
furniture are each flagged once, by the rule that says what is wrong."""

from __future__ import annotations

from newslint import lint_text


def test_seed_article_editorializing_is_flagged(seed_article):
    text = seed_article.read_text(encoding="utf-8")
    findings = lint_text(text)
    found = {(f.rule, " ".join(f.text.split())) for f in findings}
    assert ("bias.certainty", "undoubtedly") in found
    assert ("bias.peacock", "steadfast ally") in found
    assert ("bias.peacock", "pivotal") in found
    assert ("bias.motive", "a calculated move") in found
    assert ("hedging.verb", "appears keen") in found  # "Valdoria appears keen": a hedge of a motive
    assert ("style.filler", "underscores") in found
    for furniture in ("Leave a Reply", "Your email address will not be published", "Back to top button"):
        assert ("style.boilerplate", furniture) in found
    # One finding per problem: no two rules on the same words.
    spans = [(f.start, f.end) for f in findings if f.rule.startswith(("bias.", "style.", "hedging.verb"))]
    assert len(spans) == len(set(spans))
    assert not any(f.rule == "attribution.unattributed" and "'positions itself as'" in f.message for f in findings)


def test_opinion_profile_keeps_sourcing_but_not_loaded_words(seed_article):
    text = seed_article.read_text(encoding="utf-8")
    rules = {f.rule for f in lint_text(text, profile="opinion")}
    assert "bias.certainty" not in rules and "bias.loaded" not in rules
    assert {"attribution.unattributed", "attribution.vague", "style.boilerplate"} <= rules
