"""Engine behaviour: quotes and attribution are honoured, stacked hedges replace their
parts, density counts per paragraph, unselected rules are not run."""

from __future__ import annotations

from newslint import lint_text


def rules_and_texts(text, **kwargs):
    return [(f.rule, f.text) for f in lint_text(text, **kwargs)]


def test_hedge_in_quotation_is_the_sources():
    assert rules_and_texts('"The plan may fail," said one resident.') == []


def test_hedge_attributed_to_named_source_is_not_flagged():
    assert rules_and_texts("Finance Minister Ana Ruiz said the bank might raise rates.") == []


def test_hedge_attributed_to_vague_source_is_the_sources():
    found = rules_and_texts("Analysts say the bank may raise rates.")
    assert found == [("attribution.vague", "Analysts say")]


def test_stacked_hedge_replaces_its_parts():
    assert rules_and_texts("Exports could potentially fall.") == [("hedging.stacked", "could potentially")]


def test_month_and_noun_are_not_hedges():
    text = "The talks begin in May. Russia's military might is not in doubt. May 5 is a holiday."
    assert rules_and_texts(text) == []


def test_a_question_asks_and_the_statement_hedges():
    # A question claims nothing (issue 19's sense filters); the same doubt stated is a hedge.
    assert rules_and_texts("May the vote be delayed? Officials did not say.") == []
    assert rules_and_texts("The vote may be delayed. Officials did not say.") == [("hedging.modal", "may")]


def test_hedge_fund_is_not_a_hedge():
    assert rules_and_texts("The hedge fund hedged its fuel costs.") == []


def test_select_and_ignore_filter_by_pack_or_id():
    text = "The merger may close soon, perhaps next month, and it will hurt rivals."
    assert {r for r, _ in rules_and_texts(text)} == {"hedging.modal", "hedging.adverb", "attribution.unattributed"}
    assert {r for r, _ in rules_and_texts(text, select=["hedging.adverb"])} == {"hedging.adverb"}
    assert {r for r, _ in rules_and_texts(text, ignore=["hedging"])} == {"attribution.unattributed"}
    assert rules_and_texts(text, ignore=["hedging", "attribution.unattributed"]) == []


def test_min_severity_hides_lower_findings():
    text = "Exports could potentially fall, and prices may rise."
    # The `all` profile: hedging.stacked is an error as its pack defines it (info in `news`).
    assert {r for r, _ in rules_and_texts(text, min_severity="error", profile="all")} == {"hedging.stacked"}


def test_density_counts_hedges_even_when_only_density_is_selected():
    text = (
        "The agreement may provide a framework, and it could open markets. Officials appear keen "
        "to move, though the timetable is likely to slip. The deal might bring investment, "
        "perhaps in energy, and possibly in defense."
    )
    found = rules_and_texts(text, select=["hedging.density"])
    assert [rule for rule, _ in found] == ["hedging.density"]


def test_findings_slice_back_to_their_text():
    text = "Line one.\r\nThe plan may fail.\r\n\r\nIt could potentially\r\nfail."
    for finding in lint_text(text):
        assert text[finding.start : finding.end] == finding.text


def test_unselected_rules_are_not_run_unless_counted():
    from newslint.config import Config, build_rules
    from newslint.engine import Selection, rules_to_run

    rules = build_rules(Config())
    chosen = {rule.id for rule in rules_to_run(rules, Selection(select=("hedging.density",)))}
    assert "hedging.density" in chosen and "hedging.modal" in chosen  # counted by density
    assert not any(rule.startswith(("readability", "attribution")) for rule in chosen)
    chosen = {rule.id for rule in rules_to_run(rules, Selection(ignore=("readability",)))}
    assert chosen and not any(rule.startswith("readability") for rule in chosen)
    assert not rules_to_run(rules, Selection(select=("readability.long-sentence",), ignore=("readability",)))


def test_word_level_bias_finding_replaces_the_claim_about_the_same_words():
    # attribution.unattributed would flag the whole sentence for the cue "a calculated
    # move"; bias.motive flags those words and supersedes it: one finding per problem.
    assert rules_and_texts("The overture is a calculated move to win contracts.") == [
        ("bias.motive", "a calculated move")
    ]
    text = "The talks will undoubtedly shape the region."
    assert rules_and_texts(text) == [("bias.certainty", "undoubtedly")]


def test_claim_made_by_other_words_is_kept_beside_a_bias_finding():
    text = "The pivotal deal is part of a broader strategy to win contracts."
    assert rules_and_texts(text) == [("attribution.unattributed", text), ("bias.peacock", "pivotal")]


def test_the_verb_of_attribution_is_the_reporters_choice():
    # "The senator" is a named source, but "slammed" is the reporter's word for what she did.
    assert rules_and_texts("The senator slammed the proposal on Tuesday.") == [("bias.loaded", "slammed")]
    assert rules_and_texts("The senator said the disastrous proposal would fail.") == []


def test_the_rules_to_run_follow_the_rule_list_its_severities_and_the_selection():
    import dataclasses

    from newslint.analysis import analyse
    from newslint.config import Config, build_rules
    from newslint.engine import Selection, lint_document
    from newslint.model import Severity

    document = analyse("Exports may fall. Analysts say the bank might raise rates.")
    rules = build_rules(Config(), None)
    everything = {f.rule for f in lint_document(document, rules)}
    assert {"hedging.modal", "attribution.vague"} <= everything
    only_errors = Selection(min_severity=Severity.ERROR)
    assert "hedging.modal" not in {f.rule for f in lint_document(document, rules, only_errors)}
    assert {f.rule for f in lint_document(document, rules)} == everything  # the same list, asked again
    assert "hedging.modal" not in {f.rule for f in lint_document(document, rules, only_errors)}
    modal = next(index for index, rule in enumerate(rules) if rule.id == "hedging.modal")
    rules[modal] = dataclasses.replace(rules[modal], severity=Severity.ERROR)  # the same list, changed in place
    assert "hedging.modal" in {f.rule for f in lint_document(document, rules, only_errors)}
