from __future__ import annotations

from newslint.evaluation.report import (
    DOCS_COMMAND,
    DatasetReport,
    SummaryRow,
    Table,
    Target,
    render_docs,
    render_markdown_table,
    render_text,
    render_text_table,
)


def test_markdown_table_escapes_pipes_folds_lines_and_aligns():
    table = render_markdown_table(["Rule", "Count"], [["a|b", "12"], ["two\nlines", "3"]], align="lr")
    assert table == ("| Rule | Count |\n| --- | ---: |\n| a\\|b | 12 |\n| two lines | 3 |")


def test_text_table_pads_and_right_aligns():
    assert render_text_table(["Rule", "N"], [["x", "10"], ["longer", "2"]], align="lr") == (
        "Rule     N\n------  --\nx       10\nlonger   2"
    )


def _reports():
    done = DatasetReport(
        "conll",
        "CoNLL",
        summary=[SummaryRow("hedging", "CoNLL", "4 sentences", 0.5, None, None, "x")],
        tables=[
            Table("Public figures", ["A"], [["1"]]),
            Table("Secret examples", ["Text"], [["SENTENCE FROM THE DATA"]], public=False),
        ],
        details=["ANOTHER SENTENCE FROM THE DATA"],
        targets=[Target("CoNLL", "P >= 0.75", "P 0.500", False)],
        seconds=1.25,
    )
    rate = DatasetReport(
        "reuters",
        "Reuters",
        summary=[SummaryRow("hedging.* (pack)", "Reuters", "1 story", labelled=False, other="1.00 / 1,000 words")],
    )
    skipped = DatasetReport("babe", "BABE", skipped="/nowhere/babe/sg2.jsonl not found")
    return [done, rate, skipped]


def test_docs_have_header_figures_targets_and_no_data_text():
    docs = render_docs(_reports(), rule_ids=["hedging.modal"], version="9.9")
    assert docs.startswith("<!-- Generated file: do not edit by hand.")
    assert DOCS_COMMAND in docs.splitlines()[1]
    assert "| hedging | CoNLL | 4 sentences | 0.500 | n/a | n/a | x |" in docs
    assert "| hedging.* (pack) | Reuters | 1 story | — | — | — | 1.00 / 1,000 words |" in docs
    assert "| CoNLL | P >= 0.75 | P 0.500 | NOT met |" in docs
    assert "Public figures" in docs and "Secret examples" not in docs
    assert "FROM THE DATA" not in docs
    assert "Not evaluated (data missing): BABE." in docs
    assert "## What the numbers mean" in docs and "`hedging.modal`" in docs
    assert "Partial run" not in docs
    assert "**Partial run** (--limit 5)" in render_docs(_reports(), options=["--limit 5"])


def test_plain_text_report_shows_everything():
    text = render_text(_reports(), rule_ids=["hedging.modal"])
    assert "rules evaluated (1): hedging.modal" in text
    assert "SENTENCE FROM THE DATA" in text and "ANOTHER SENTENCE FROM THE DATA" in text
    assert "skipped: /nowhere/babe/sg2.jsonl not found" in text
    assert "time: 1.2 s" in text or "time: 1.3 s" in text
    assert "== Targets ==" in text and "NOT met" in text
