"""Inline suppressions in Markdown, HTML and plain text."""

from __future__ import annotations

import pytest

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
        ("newslint.unknown-rule", "unknown rule 'hedging.modle' in newslint-disable (did you mean 'hedging.modal'?)")
    ]
    assert [f.rule for f in found if f.rule.startswith("hedging")] == ["hedging.modal"]


@pytest.mark.parametrize(
    ("ids", "reported"),
    [
        # Named as written, not as the lower-case pieces an id pattern finds in it.
        ("Hedging.Modal", "'Hedging.Modal'"),
        ("hedging.modal; bias.loaded", "'hedging.modal;'"),
        ("hedging.modal,nope", "'nope'"),
    ],
)
def test_an_unknown_id_is_reported_as_the_directive_writes_it(ids, reported):
    story = f"<!-- newslint-disable {ids} -->\n\nIt may rain.\n"
    messages = [f.message for f in lint_text(story, input_format="markdown") if f.rule == "newslint.unknown-rule"]
    assert len(messages) == 1 and messages[0].startswith(f"unknown rule {reported} in newslint-disable")


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


def test_the_suppression_sweep_agrees_with_holding_each_finding_against_each_region():
    """Issue 20: findings are held against suppressed regions in one sweep, not each
    against each; for any regions and findings the outcome is the one the definition
    gives, which findings are kept and which directives were used."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from newslint.model import Finding, Severity
    from newslint.selection import selects_any
    from newslint.suppressions import Directive, _Region, _uncovered

    rules = ["hedging.modal", "hedging.adverb", "bias.loaded", "attribution.vague"]
    selectors = [*rules, "hedging", "bias", "hedgin"]
    spans = st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda span: (span[0], span[0] + span[1]))
    region_specs = st.lists(st.tuples(spans, st.lists(st.sampled_from(selectors), max_size=2)), max_size=12)
    finding_specs = st.lists(st.tuples(st.integers(0, 80), st.sampled_from(rules)), max_size=15)

    @settings(max_examples=300, deadline=None)
    @given(region_specs, finding_specs)
    def agrees(region_specs, finding_specs):
        findings = [
            Finding(rule, Severity.WARNING, "m", start, start + 1, 1, "x", None) for start, rule in finding_specs
        ]

        def regions():
            made = []
            for (start, end), ids in region_specs:
                directive = Directive("disable", tuple(ids), start, start)
                made.append(_Region(start, end, tuple(ids), directive))
            return made

        swept = regions()
        kept = _uncovered(findings, swept)
        expected_regions = regions()
        expected = []
        for finding in findings:
            covering = [
                region
                for region in expected_regions
                if region.start <= finding.start < region.end
                and (not region.rule_ids or selects_any(region.rule_ids, finding.rule))
            ]
            for region in covering:
                region.directive.used = True
            if not covering:
                expected.append(finding)
        assert kept == expected
        assert [r.directive.used for r in swept] == [r.directive.used for r in expected_regions]

    agrees()


def test_comment_directives_are_found_as_the_expression_finds_them():
    """The linear search for `<!-- newslint-... -->` (issue 20) finds what the
    expression that defines a comment directive finds, for any text."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from newslint.suppressions import _COMMENT, _comments

    pieces = ["<!--", " ", "newslint-", "disable", "enable", "-next-paragraph", "-->", "--", "x", "\n", "hedging, "]

    @settings(max_examples=500, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=30).map("".join))
    def agrees(source):
        expected = [(m.group("action"), m.group("ids"), m.start(), m.end()) for m in _COMMENT.finditer(source)]
        assert list(_comments(source)) == expected

    agrees()


@pytest.mark.parametrize(
    "unit",
    [
        # Each finding was held against every region: n findings, n regions.
        "<!-- newslint-disable hedging -->\nRates may rise.\n<!-- newslint-enable -->\n\n",
        # Each directive looked for its paragraph from the first, twice (its region, and
        # the finding about its unknown rule).
        "<!-- newslint-disable-next-paragraph hedgin -->\n\nRates may rise.\n\n",
    ],
)
def test_suppressing_grows_linearly_with_the_directives(unit):
    """Issue 20, item 8: the work of settling n findings against n directives, at n and
    4n in the same run (best of three each, the garbage collector off): about 4 times
    for linear work, 16 for quadratic."""
    import gc
    import time

    from newslint.analysis import analyse
    from newslint.model import Finding, Severity
    from newslint.suppressions import apply_suppressions, find_directives

    def seconds(n: int) -> float:
        source = unit * n
        document = analyse(source, input_format="markdown")
        directives = find_directives(source, "markdown")
        findings = [
            Finding("hedging.modal", Severity.INFO, "m", p.start, p.start + 1, p.index, source[p.start], None)
            for p in document.paragraphs
        ]
        timings = []
        gc.disable()
        try:
            for _ in range(3):
                for directive in directives:
                    directive.used = False
                started = time.perf_counter()
                apply_suppressions(findings, directives, document, {"hedging.modal"})
                timings.append(time.perf_counter() - started)
        finally:
            gc.enable()
        return min(timings)

    assert seconds(4_000) / seconds(1_000) < 8
