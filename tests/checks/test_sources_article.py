"""Vague, anonymous and hearsay sourcing across a story (issue 19): what one rule's
examples cannot show — which rule speaks when two could, and a source flagged where it
first appears rather than on every line that refers back to it."""

from __future__ import annotations

from newslint import lint_text

SOURCES = ["attribution.vague", "attribution.anonymous", "attribution.hearsay", "attribution.expected"]


def sourcing(text: str) -> list[tuple[str, str]]:
    return [(finding.rule, finding.text) for finding in lint_text(text, select=SOURCES)]


def test_an_anonymous_source_is_flagged_where_it_first_appears():
    story = (
        "The bank will cut its rate on Monday, banking sources said.\n\n"
        "The sources said the cut was agreed at a meeting on Friday.\n\n"
        "The banking sources added that a second cut was possible."
    )
    assert sourcing(story) == [("attribution.anonymous", "sources said")]


def test_a_forecast_belongs_to_the_source_of_its_sentence():
    # The vague source is the one problem; the expectation is theirs.
    assert sourcing("Exports are expected to rise 15 percent this year, analysts said.") == [
        ("attribution.vague", "analysts said")
    ]
    assert sourcing("The chip market is expected to grow 30 percent this year.") == [
        ("attribution.expected", "is expected to")
    ]


def test_a_group_introduced_earlier_is_not_flagged_again():
    story = (
        "Some economists say the central bank waited too long.\n\n"
        "The economists said a cut in March would have been enough."
    )
    assert sourcing(story) == [("attribution.vague", "Some economists say")]


def test_a_named_poll_and_a_named_team_are_sources():
    assert sourcing("Profit beat the 2.1 billion forecast by analysts in a Reuters poll.") == []
    assert sourcing("Analysts polled by FactSet had expected a loss.") == []
    assert sourcing("A team of Danish researchers said they had mapped the gene.") == []


def test_hearsay_with_its_source_or_its_charge_is_not_hearsay():
    assert sourcing("The trader was indicted for allegedly rigging the auction.") == []
    assert sourcing("The fund is said to hold 5 percent, industry sources said.") == [
        ("attribution.anonymous", "sources said")
    ]
    assert sourcing("The fund is said to hold 5 percent of the company.") == [("attribution.hearsay", "is said to")]
