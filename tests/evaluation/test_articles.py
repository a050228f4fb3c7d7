"""The articles adapter (issue 19) on the made-up stories in fixtures/data/articles, with
FakeRunner's regex rules: exact counts, so a change in how it scores shows up here."""

from __future__ import annotations

import shutil

import pytest

from conftest import FakeRunner
from newslint.evaluation import articles
from newslint.evaluation.__main__ import main
from newslint.evaluation.report import render_docs

# Besides the shared fake rules: a style finding (which can find a loaded word) and a
# repetition finding on the second "the new bridge" only (so `nth: 2` is what finds it).
RULES = {
    "hedging.modal": r"\bmay\b",
    "hedging.adverb": r"\bperhaps\b",
    "attribution.vague": r"\bsome experts\b",
    "attribution.unattributed": r"\blost\b",
    "bias.loaded": r"\b(?:slammed|disastrous)\b",
    "style.filler": r"\bbasically\b",
    "repetition.phrase": r"the new bridge(?= may)",
}


@pytest.fixture
def runner() -> FakeRunner:
    return FakeRunner(RULES)


def _table(report, title_start):
    return next(t for t in report.tables if t.title.startswith(title_start))


def test_recall_per_category(fixtures, runner):
    report = articles.evaluate(fixtures, runner)
    assert _table(report, "Recall per category").rows == [
        ["hedge", "3", "3", "1.000"],
        ["vague", "1", "1", "1.000"],
        ["unattributed", "2", "1", "0.500"],
        ["loaded", "2", "2", "1.000"],  # "basically" by style.filler
        ["repetition", "1", "1", "1.000"],  # only at nth 2
        ["all", "9", "8", "0.889"],
    ]
    overall = report.summary[1]
    assert overall.items == "3 stories, 9 expectations" and overall.recall == pytest.approx(8 / 9)
    assert overall.other == "trap hits 2 of 3"


def test_precision_counts_allow_spans_as_neither_right_nor_wrong(fixtures, runner):
    report = articles.evaluate(fixtures, runner)
    by_rule = {row[0]: row[1:] for row in _table(report, "hedging.* and attribution.*").rows}
    assert by_rule == {
        "attribution.unattributed": ["1", "1", "0", "0", "1.000"],
        "attribution.vague": ["1", "1", "0", "0", "1.000"],
        "hedging.adverb": ["2", "1", "0", "1", "0.500"],
        "hedging.modal": ["4", "2", "1", "1", "0.667"],  # "may close" is on an allow span only
    }
    row = report.summary[0]
    assert row.items == "7 findings" and row.precision == pytest.approx(5 / 7)
    assert row.recall == pytest.approx(5 / 6)  # hedge, vague and unattributed: 5 of 6


def test_lists_each_miss_false_positive_and_trap_hit(fixtures, runner):
    details = articles.evaluate(fixtures, runner).details
    misses = details[details.index("misses (1):") + 1]
    assert misses == "[fixture-articles-plain] unattributed: 'Rents will rise sharply.'"
    start = details.index("false positives (2):")
    assert details[start + 1 : start + 3] == [
        "[fixture-articles-plain] hedging.modal 'May' in: The vote is set for May 3.",
        "[fixture-articles-markdown] hedging.adverb 'perhaps' in: "
        "The council approved the budget on Monday, perhaps by accident.",
    ]
    start = details.index("trap hits (2 findings):")
    assert details[start + 1 :] == [
        "[fixture-articles-plain] hedging.modal 'May' on 'May 3' (the month)",
        "[fixture-articles-markdown] bias.loaded 'disastrous' on '\"It is a disastrous plan,\"' (quotation)",
    ]


def test_markdown_only_when_the_text_starts_with_a_hash(fixtures, runner):
    articles.evaluate(fixtures, runner)
    assert runner.input_formats == ["text", "text", "markdown"]


def test_targets(fixtures, runner):
    targets = {t.name: (t.measured, t.met) for t in articles.evaluate(fixtures, runner).targets}
    assert targets == {
        "Articles recall, all categories": ("0.889 (8/9)", True),
        "Articles recall, hedge": ("1.000 (3/3)", True),
        "Articles recall, vague": ("1.000 (1/1)", True),
        "Articles recall, unattributed": ("0.500 (1/2)", False),
        "Articles recall, loaded": ("1.000 (2/2)", True),
        "Articles recall, repetition": ("1.000 (1/1)", True),
        "Articles hedging.* + attribution.* precision": ("0.714 (5/7)", False),
        "Articles trap hits": ("2 of 3", False),
    }


def test_docs_get_figures_but_no_story_text(fixtures, runner):
    docs = render_docs([articles.evaluate(fixtures, runner)])
    assert "| unattributed | 2 | 1 | 0.500 |" in docs and "| Articles trap hits | 0 | 2 of 3 | NOT met |" in docs
    for text in ("fixture-", "Rents", "Ana Ruiz", "perhaps by accident"):
        assert text not in docs


def test_missing_file_is_skipped(tmp_path, runner):
    report = articles.evaluate(tmp_path, runner)
    assert report.skipped == f"{tmp_path / 'articles' / 'dev.yaml'} not found"
    assert {t.met for t in report.targets} == {None}
    assert articles.evaluate(tmp_path, runner, path=tmp_path / "heldout.yaml").skipped.endswith(
        "heldout.yaml not found"
    )


def test_another_file_in_the_same_format(fixtures, tmp_path, capsys):
    heldout = tmp_path / "heldout.yaml"
    shutil.copy(fixtures / "articles" / "dev.yaml", heldout)
    nowhere = tmp_path / "nowhere"  # --data does not matter when the file is given
    assert main(["--data", str(nowhere), "--dataset", "articles", "--articles", str(heldout), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "3 stories, 9 expectations" in out and "articles heldout" in out and "skipped" not in out


def test_limit_spreads_over_the_file(fixtures, runner):
    report = articles.evaluate(fixtures, runner, limit=2)
    assert report.summary[1].items == "2 stories, 8 expectations"  # stories 1 and 2 of 3


def test_a_later_occurrence_says_which():
    assert articles.Span(0, 3, "may", nth=2).label() == "'may' (occurrence 2)"
    assert articles.Span(0, 3, "may").label() == "'may'"


def test_nth_counts_every_occurrence():
    assert articles.nth_occurrence("may, may, may", "may", 3) == 10
    assert articles.nth_occurrence("aaa", "aa", 2) == 1
    assert articles.nth_occurrence("may", "may", 2) is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "- id: a\n  text: x\n  expect: [{cat: hedge, span: y}]\n",
            "story a: expect[0]: field 'span' 'y' does not occur",
        ),
        ("- id: a\n  text: x x\n  expect: [{cat: hedge, span: x, nth: 3}]\n", "does not occur 3 time(s)"),
        ("- id: a\n  text: x\n  expect: [{cat: hedges, span: x}]\n", "story a: expect[0]: field 'cat' must be one of"),
        ("- id: a\n  text: x\n  forbid: [{span: x, nth: 0}]\n", "story a: forbid[0]: field 'nth' must be"),
        ("- id: a\n  text: x\n  allow: x\n", "story a: field 'allow' must be a list"),
        ("- id: a\n  text: [x\n", "dev.yaml:3:"),
        ("id: a\n", "expected a list of stories"),
    ],
)
def test_malformed_data_names_file_story_and_field(tmp_path, runner, content, message):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "dev.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=r"dev\.yaml") as excinfo:
        articles.evaluate(tmp_path, runner)
    assert message in str(excinfo.value)


def test_malformed_data_exits_2(tmp_path, capsys):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "dev.yaml").write_text("- id: a\n  text: x\n  expect: [{cat: x, span: x}]\n")
    assert main(["--data", str(tmp_path), "--dataset", "articles", "--jobs", "1"]) == 2
    assert "articles: malformed data" in capsys.readouterr().err
