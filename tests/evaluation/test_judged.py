"""The judged-sample tool (issue 19) on invented stories with FakeRunner's regex rules:
the draw is deterministic and stable, verdicts survive a redraw, the summary counts, and
the committed sample keeps the licence (no sentences) and parses."""

from __future__ import annotations

import json

import pytest

from conftest import REPO_ROOT, FakeRunner
from newslint.evaluation import judged
from newslint.evaluation.judged import Candidate, Judgement, Key, Sample
from newslint.model import Severity

STORIES = [
    {"id": "story-1", "text": "Prices may rise. Perhaps they may not. Some experts doubt it."},
    {"id": "story-2", "text": "   "},  # blank: not a story
    {"id": "story-3", "text": "The council may vote in May. Some experts said so."},
    {"id": "story-4", "text": "It may rain, and it may not, and it may snow."},
]
RULES = {"hedging.modal": r"\bmay\b", "hedging.adverb": r"\bperhaps\b", "attribution.vague": r"\bsome experts\b"}


@pytest.fixture
def data_dir(tmp_path):
    news = tmp_path / "data" / "news"
    news.mkdir(parents=True)
    (news / "reuters.jsonl").write_text("".join(json.dumps(s) + "\n" for s in STORIES), encoding="utf-8")
    return tmp_path / "data"


def _keys(sample: Sample) -> list[Key]:
    return [j.key for j in sample.judgements]


def test_draw_takes_every_finding_of_a_rare_rule_and_a_seeded_subset_of_a_common_one(data_dir):
    sample = judged.redraw(data_dir, FakeRunner(RULES), None, seed=7, size=3)
    assert sample.stories == 3
    assert sample.population == {"attribution.vague": 2, "hedging.adverb": 1, "hedging.modal": 7}
    by_rule = [j.key.rule for j in sample.judgements]
    assert by_rule.count("attribution.vague") == 2 and by_rule.count("hedging.adverb") == 1
    assert by_rule.count("hedging.modal") == 3
    assert all(j.verdict == judged.UNJUDGED for j in sample.judgements)
    again = judged.redraw(data_dir, FakeRunner(RULES), None, seed=7, size=3)
    assert _keys(again) == _keys(sample)
    others = {tuple(_keys(judged.redraw(data_dir, FakeRunner(RULES), None, seed=s, size=3))) for s in range(8)}
    assert len(others) > 1  # the seed decides which findings


def test_draw_does_not_depend_on_story_order_and_keeps_survivors():
    def candidates(stories):
        return [
            Candidate(Key(s, "hedging.modal", i, i + 3, "may"), order)
            for order, s in enumerate(stories)
            for i in (0, 10)
        ]

    stories = [f"s{n}" for n in range(20)]
    chosen = {c.key for c in judged.draw(candidates(stories), seed=1, size=5)}
    assert {c.key for c in judged.draw(candidates(list(reversed(stories))), seed=1, size=5)} == chosen
    # A tuning round removes findings outside the sample: the sample does not move.
    survivors = [c for c in candidates(stories) if c.key in chosen or c.key.start == 0]
    assert {c.key for c in judged.draw(survivors, seed=1, size=5)} == chosen


def test_redraw_keeps_verdicts_of_findings_still_produced(data_dir):
    first = judged.redraw(data_dir, FakeRunner(RULES), None, seed=7, size=30)
    vague = next(j.key for j in first.judgements if j.key.rule == "attribution.vague")
    adverb = next(j.key for j in first.judgements if j.key.rule == "hedging.adverb")
    judgedfirst = judged.judge(first, {vague: ("defensible", "vague source"), adverb: ("indefensible", "test")})
    # Round trip through the file, then a tuning round drops the adverb rule's match.
    reread = judged.parse_sample(judged.render_sample(judgedfirst))
    assert reread == judgedfirst
    tuned = FakeRunner({**RULES, "hedging.adverb": r"\bnever-matches\b"})
    second = judged.redraw(data_dir, tuned, reread, seed=7, size=30)
    kept = {j.key: j for j in second.judgements}
    assert kept[vague] == Judgement(vague, "defensible", "vague source")
    assert adverb not in kept
    assert second.population["hedging.adverb"] == 0
    assert sum(j.verdict == judged.UNJUDGED for j in second.judgements) == len(second.judgements) - 1


def judgement(rule: str, n: int, verdict: str) -> Judgement:
    """A verdict on an invented finding at offset `n` of story "s"."""
    return Judgement(Key("s", rule, n, n + 1, "x"), verdict, "why")


def test_summary_counts_precision_per_rule_and_pooled():
    sample = Sample(
        seed=1,
        stories=10,
        size=30,
        population={"hedging.modal": 40, "bias.loaded": 2, "readability.long-sentence": 5, "style.cliche": 0},
        judgements=[judgement("hedging.modal", n, "defensible" if n < 3 else "indefensible") for n in range(4)]
        + [judgement("hedging.modal", 9, "unjudged")]
        + [judgement("bias.loaded", 0, "defensible"), judgement("bias.loaded", 1, "defensible")]
        + [judgement("readability.long-sentence", n, "indefensible") for n in range(5)],
    )
    rows = {row.rule: row for row in judged.summarise(sample)}
    assert (rows["hedging.modal"].judged, rows["hedging.modal"].defensible, rows["hedging.modal"].unjudged) == (4, 3, 1)
    assert rows["hedging.modal"].precision == pytest.approx(0.75)
    assert rows["style.cliche"].judged == 0 and rows["style.cliche"].precision is None
    defensible, judged_count, weighted = judged.pooled(rows.values())
    assert (defensible, judged_count) == (5, 6)  # readability is not in the pool
    assert weighted == pytest.approx((40 * 0.75 + 2 * 1.0) / 42)
    markdown = judged.render_summary(sample)
    assert "| hedging.modal | — | 40 | 4 | 3 | 0.75 | 1 |" in markdown
    assert "| style.cliche | — | 0 | 0 | 0 | — | 0 |" in markdown
    assert "5 of 6 judged findings defensible, precision 0.83" in markdown


def test_the_summary_marks_a_rule_news_demotes_and_pools_the_others_apart():
    sample = Sample(
        seed=1,
        stories=10,
        size=30,
        population={"hedging.modal": 40, "attribution.vague": 10},
        judgements=[judgement("hedging.modal", n, "defensible" if n < 1 else "indefensible") for n in range(4)]
        + [judgement("attribution.vague", n, "defensible") for n in range(3)],
    )
    standings = {
        "hedging.modal": judged.Standing(Severity.INFO, Severity.WARNING),
        "attribution.vague": judged.Standing(Severity.WARNING, Severity.WARNING),
    }
    rows = {row.rule: row for row in judged.summarise(sample, standings)}
    assert rows["hedging.modal"].demoted and rows["hedging.modal"].severity == "info"
    assert not rows["attribution.vague"].demoted
    markdown = judged.render_summary(sample, standings)
    assert "| hedging.modal | info (demoted) | 40 | 4 | 1 | 0.25 | 0 |" in markdown
    assert "| attribution.vague | warning | 10 | 3 | 3 | 1.00 | 0 |" in markdown
    # The demoted rule's misfires are not in the pool of what `news` reports as warnings...
    assert "as warnings or errors (target >= 0.85): 3 of 3 judged findings defensible" in markdown
    # ...but the pool of every sampled rule still shows them.
    assert "demoted ones included (target >= 0.85): 4 of 7 judged findings defensible" in markdown


def test_news_standings_give_each_default_rule_its_severity_in_news_and_in_its_pack():
    standings = judged.news_standings()
    assert "attribution.vague" in standings
    for rule_id, standing in standings.items():
        assert standing.news <= standing.pack, rule_id


def test_long_matches_are_stored_as_a_digest_not_the_words():
    assert judged.stored_text("sources\n   said") == "sources said"
    long = "a sentence " * 10
    stored = judged.stored_text(long)
    assert stored.startswith("<109 chars, sha1 ") and "sentence" not in stored


def test_commands_without_the_data_fail_with_one_line_and_summary_still_works(tmp_path, capsys):
    sample_file = tmp_path / "sample.yaml"
    assert judged.main(["draw", "--data", str(tmp_path / "absent"), "--sample", str(sample_file)]) == 2
    assert "not found" in capsys.readouterr().err
    assert judged.main(["summary", "--sample", str(sample_file)]) == 2
    sample = Sample(
        1, 3, 30, {"attribution.vague": 1}, [Judgement(Key("s", "attribution.vague", 0, 3, "some"), "defensible", "ok")]
    )
    sample_file.write_text(judged.render_sample(sample), encoding="utf-8")
    out = tmp_path / "summary.md"
    assert judged.main(["summary", "--sample", str(sample_file), "--write", str(out)]) == 0
    # `summary` gives each rule the severity the shipped `news` profile gives it.
    assert "| attribution.vague | warning | 1 | 1 | 1 | 1.00 | 0 |" in out.read_text(encoding="utf-8")


def test_a_bad_sample_file_is_an_error_naming_the_entry():
    with pytest.raises(judged.SampleError, match="finding 1: field 'verdict'"):
        judged.parse_sample("findings:\n  - {story: s, rule: r, start: 0, end: 1, text: x, verdict: maybe}\n")


def test_committed_sample_parses_and_stores_no_sentences():
    sample = judged.read_sample(REPO_ROOT / judged.DEFAULT_SAMPLE)
    if sample is None:
        pytest.skip("no judged sample committed yet")
    assert sample.judgements
    for j in sample.judgements:
        assert len(j.key.text) <= judged.MAX_STORED_TEXT or j.key.text.startswith("<"), j.key
        assert j.verdict == judged.UNJUDGED or j.reason, f"{j.key}: a verdict needs its reason"


def test_news_reports_as_warnings_only_rules_the_sample_judged_at_or_above_the_bar():
    """Issue 19, defaults that fit copy: the shipped sample and the shipped `news` profile
    agree. A rule `news` reports as a warning or an error was judged >= 0.80 (or had no
    finding to judge); a rule `news` demotes to info was judged under it, so a rule that
    earns its place on a new round must be promoted back."""
    sample = judged.read_sample(REPO_ROOT / judged.DEFAULT_SAMPLE)
    assert sample is not None
    standings = judged.news_standings()
    for row in judged.summarise(sample, standings):
        if row.rule not in standings or row.precision is None:
            continue
        if row.demoted:
            assert row.precision < 0.80, f"{row.rule} earned its place ({row.precision:.2f}): promote it back"
        elif row.severity != "info":
            assert row.precision >= 0.80, f"{row.rule} judged {row.precision:.2f}: demote it in news"
