"""The sources tally of `--stats` (issue 19): who speaks in each clause, counted per
paragraph and per story, from the voice analysis, in the text, JSON and HTML reports."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newslint.analysis import analyse
from newslint.cli import app
from newslint.statistics import source_stats

# Invented: a named official on the record, a document, an anonymous source, and
# clauses in the reporter's own voice.
STORY = (
    "The city will close two libraries in March, Mayor Ana Ruiz said on Monday.\n\n"
    "The closures will save $2 million, according to the budget. Some residents say the "
    "cuts go too far.\n\n"
    "The libraries opened in 1962.\n"
)


def test_the_tally_counts_named_on_record_and_anonymous_sources_per_paragraph():
    stats = source_stats(analyse(STORY))
    first, second, third = stats.paragraphs
    assert (first.sources, first.named, first.on_record, first.anonymous) == (1, 1, 1, 0)
    assert (second.sources, second.named, second.on_record, second.anonymous) == (2, 1, 0, 1)
    assert (third.sources, third.reporter_clauses) == (0, third.clauses)
    story = stats.story
    assert (story.sources, story.named, story.on_record, story.anonymous) == (3, 2, 1, 1)
    assert story.clauses == sum(p.clauses for p in stats.paragraphs)
    assert story.reporter_clauses == sum(p.reporter_clauses for p in stats.paragraphs)
    assert story.reporter_clauses < story.clauses


def test_stats_reports_the_tally_in_text_and_json(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    runner = CliRunner()
    text = runner.invoke(app, ["check", "--no-cache", "--stats", str(path)]).stdout
    assert "  sources: 3 (2 named, 1 on the record, 1 anonymous); clauses: " in text
    done = runner.invoke(app, ["check", "--no-cache", "--stats", "-f", "json", str(path)])
    stats = json.loads(done.stdout)["files"][0]["stats"]
    assert stats["sources"]["anonymous"] == 1
    assert [p["sources"]["sources"] for p in stats["paragraphs"]] == [1, 2, 0]


def test_without_stats_no_tally_is_computed(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    done = CliRunner().invoke(app, ["check", "--no-cache", "-f", "json", str(path)])
    assert "sources" not in json.loads(done.stdout)["files"][0]["stats"]
