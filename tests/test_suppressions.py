"""Inline suppressions in Markdown, HTML and plain text."""

from __future__ import annotations

from newslint import lint_text
from newslint.linter import Linter, Options


def rules(text, input_format="text", **kwargs):
    return [
        (f.rule, f.text)
        for f in lint_text(text, input_format=input_format, **kwargs)
        if f.rule.startswith(("hedging", "newslint"))
    ]


def test_disable_and_enable_a_rule_in_markdown():
    story = (
        "The deal may close.\n\n<!-- newslint-disable hedging.modal -->\n\nThe deal may slip.\n\n"
        "Prices might rise.\n\n<!-- newslint-enable hedging.modal -->\n\nThe talks may end.\n"
    )
    assert [text for _, text in rules(story, "markdown")] == ["may", "may"]
    assert lint_text(story, input_format="markdown")[1].start == story.index("may end")


def test_blanket_disable_runs_to_the_end_and_packs_are_selectors():
    story = "A may.\n\n<!-- newslint-disable -->\n\nB may, possibly.\n"
    assert [text for _, text in rules(story, "markdown")] == ["may"]
    story = "A may.\n\n<!-- newslint-disable hedging -->\n\nB may, possibly.\n"
    assert [text for _, text in rules(story, "markdown")] == ["may"]


def test_disable_next_paragraph_covers_one_paragraph():
    story = "<!-- newslint-disable-next-paragraph hedging.modal -->\nThe deal may close.\n\nThe deal may slip.\n"
    assert [f.start for f in lint_text(story, input_format="markdown", select=["hedging"])] == [story.index("may slip")]


def test_enable_one_rule_leaves_the_others_off():
    story = (
        "<!-- newslint-disable hedging.modal, hedging.adverb -->\n\nIt may, possibly, rain.\n\n"
        "<!-- newslint-enable hedging.adverb -->\n\nIt may, perhaps, snow.\n"
    )
    assert rules(story, "markdown") == [("hedging.adverb", "perhaps")]


def test_html_comments_work_in_html():
    story = "<p>It may rain.</p><!-- newslint-disable-next-paragraph --><p>It may snow.</p>"
    assert [text for _, text in rules(story, "html")] == ["may"]


def test_plain_text_directives_on_their_own_line_are_not_linted():
    story = "The deal may close.\n// newslint-disable hedging\nThe deal may slip.\n"
    assert rules(story) == [("hedging.modal", "may")]
    story = "The deal may close.\n<!-- newslint-disable-next-paragraph -->\nThe deal may slip.\n"
    assert rules(story) == [("hedging.modal", "may")]
    mention = "Type // newslint-disable in the copy and it may help.\n"  # not a line of its own
    assert rules(mention) == [("hedging.modal", "may")]


def test_unknown_rule_in_a_directive_is_reported():
    story = "<!-- newslint-disable hedging.modle -->\n\nIt may rain.\n"
    found = lint_text(story, input_format="markdown")
    assert [(f.rule, f.message) for f in found if f.rule.startswith("newslint")] == [
        ("newslint.unknown-rule", "unknown rule 'hedging.modle' in newslint-disable")
    ]
    assert [f.rule for f in found if f.rule.startswith("hedging")] == ["hedging.modal"]


def test_unused_suppressions_only_on_request():
    story = "<!-- newslint-disable-next-paragraph hedging -->\nIt will rain.\n"
    assert rules(story, "markdown") == []
    linter = Linter(Options(report_unused_suppressions=True))
    found = linter.lint_text(story, input_format="markdown")
    assert [(f.rule, f.text) for f in found] == [
        ("newslint.unused-suppression", "<!-- newslint-disable-next-paragraph hedging -->")
    ]


def test_directive_findings_obey_ignore():
    story = "<!-- newslint-disable nonsense.rule -->\n\nIt rained.\n"
    assert rules(story, "markdown", ignore=["newslint"]) == []
