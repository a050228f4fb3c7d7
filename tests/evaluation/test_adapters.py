"""Each adapter on the made-up fixtures, with FakeRunner's regex rules (see conftest):
exact counts, so a change in how an adapter counts shows up here."""

from __future__ import annotations

import pytest

from conftest import FAKE_RULES, FakeRunner
from newslint.evaluation import babe, basil, conll, polnear, reuters
from newslint.evaluation.data import read_jsonl


def _table(report, title_start):
    return next(t for t in report.tables if t.title.startswith(title_start))


def test_conll_counts_precision_recall_and_worst_examples(fixtures, fake_runner):
    report = conll.evaluate(fixtures, fake_runner)
    row = report.summary[0]
    assert row.items == "11 sentences"
    assert row.precision == pytest.approx(0.6) and row.recall == pytest.approx(0.5)
    assert row.f1 == pytest.approx(6 / 11)
    assert row.other == "TP 3, FP 2, FN 3, TN 3; 0.545 positive"
    assert _table(report, "Confusion").rows == [["3", "2", "3", "3", "0.545", "0.455", "0.545"]]
    by_rule = {r[0]: r[1:] for r in _table(report, "Sentences flagged, by rule").rows}
    assert by_rule == {
        "attribution.vague": ["1", "1", "1.000", "0.167 (1/6)"],
        "hedging.adverb": ["1", "0", "0.000", "0.000 (0/6)"],
        "hedging.modal": ["3", "2", "0.667", "0.333 (2/6)"],
    }
    # attribution.unattributed ("claims") does not count: fixture-conll-3 is a miss.
    details = "\n".join(report.details)
    fp_part, miss_part = details.split("misses")
    assert fp_part.index("fixture-conll-7") < fp_part.index("fixture-conll-2")  # equal groups: by cue
    assert "hedging.adverb 'Perhaps'" in fp_part
    assert [line.split("]")[0] for line in miss_part.splitlines() if line.startswith("[")] == [
        "[fixture-conll-10",
        "[fixture-conll-5",
        "[fixture-conll-3",
    ]  # shortest first
    assert report.targets[0].met is False and report.targets[0].measured == "P 0.600, R 0.500"


def test_worst_false_positives_round_robin_over_largest_cue_groups():
    def fp(id_, text, cue):
        return ({"id": id_, "text": text}, [("hedging.modal", cue)])

    fps = [
        fp("a", "xxxxx", "may"),
        fp("b", "xx", "may"),
        fp("c", "xxx", "may"),
        fp("d", "x", "could"),
        fp("e", "xxxx", "might"),
        fp("f", "x", "might"),
    ]
    chosen = [record["id"] for record, _ in conll.worst_false_positives(fps, count=5)]
    assert chosen == ["b", "f", "d", "c", "e"]  # may(3), might(2), could(1); shortest first in each


def test_reuters_rates_by_rule_and_pack_and_sample(fixtures, fake_runner):
    report = reuters.evaluate(fixtures, fake_runner, seed=1)
    packs = {r[0]: r[1:] for r in _table(report, "Findings per 1,000 words, by pack").rows}
    assert packs["hedging"] == ["3", "71.429", "2"] and packs["attribution"] == ["1", "23.810", "1"]
    rules = {r[0]: r[1:] for r in _table(report, "Findings per 1,000 words, by rule").rows}
    assert rules["hedging.modal"] == ["3", "71.429", "2"] and rules["bias.loaded"] == ["0", "0.000", "0"]
    assert report.summary[0].items == "3 stories, 42 words"
    assert report.targets[0].met is False and report.targets[0].measured == "71.43 per 1,000 words"
    details = "\n".join(report.details)
    assert "sample of 3 of 3 hedging.* findings (seed 1)" in details
    assert "[fixture-reuters-0] hedging.modal: Copper prices [[may]] rise next month, the company said" in details
    assert reuters.count_words("It's 10 cts/share.") == 5


def test_reuters_sample_is_seeded_and_in_story_order():
    hits = [reuters.Hit(i, f"s{i}", "hedging.modal", 0, "may", "c") for i in range(50)]
    first = reuters.sample_hits(hits, seed=7, size=5)["hedging"]
    assert first == reuters.sample_hits(hits, seed=7, size=5)["hedging"]
    assert [h.story for h in first] == sorted(h.story for h in first) and len(first) == 5
    assert first != reuters.sample_hits(hits, seed=8, size=5)["hedging"]


def test_polnear_agreement_both_ways_and_baseline(fixtures, fake_runner):
    report = polnear.evaluate(fixtures, fake_runner)
    ours, baseline, _reporting, unattributed = report.summary
    assert ours.items == "10 sentences, 2 articles"
    assert (ours.precision, ours.recall) == (pytest.approx(0.75), pytest.approx(0.6))
    assert ours.other.startswith("accuracy 0.700;")
    assert (baseline.precision, baseline.recall) == (pytest.approx(0.6), pytest.approx(0.6))
    assert baseline.other == "accuracy 0.600"
    agreement = {r[0]: r[1:] for r in _table(report, "Sentence-level agreement").rows}
    assert agreement["newslint (cue or quote)"] == ["0.700", "0.750", "0.600", "0.667", "0.667", "0.800"]
    assert agreement["newslint cue only"][:3] == ["0.700", "1.000", "0.400"]
    assert agreement["newslint quote only"][:3] == ["0.500", "0.500", "0.200"]
    counts = _table(report, "Confusion counts").rows
    assert counts[0][1:] == ["3", "1", "2", "4"] and counts[1][1:] == ["3", "2", "2", "3"]
    publishers = {r[0]: r[1:] for r in _table(report, "By publisher").rows}
    assert publishers == {
        "alpha": ["5", "0.400", "1.000", "0.800", "0.200 (1/5)", "0.000 (0/1)", "0.000 (0/1)"],
        "beta": ["5", "0.600", "0.400", "0.400", "0.200 (1/5)", "1.000 (1/1)", "0.000 (0/1)"],
    }
    assert unattributed.other == (
        "0.500 (1/2) of flagged sentences overlap an annotated attribution; 0.000 (0/2) a reporting relation"
    )


def test_polnear_reporting_view_leaves_out_sentences_with_only_other_relations(fixtures, fake_runner):
    # fixture-a2's "Thousands lost power." carries only a made-up non-reporting relation
    # (cue "lost"): it leaves the reporting view, so 9 of 10 sentences remain, and the
    # unattributed flag on it is on an attribution but not on a reporting relation.
    report = polnear.evaluate(fixtures, fake_runner)
    reporting = report.summary[2]
    assert reporting.items == "9 sentences" and reporting.other == "accuracy 0.778"
    assert (reporting.precision, reporting.recall) == (pytest.approx(0.75), pytest.approx(0.75))
    targets = {t.name: (t.measured, t.met) for t in report.targets}
    assert targets == {
        "PolNeAR attribution recognition (any relation)": ("accuracy 0.700", False),
        "PolNeAR attribution recognition (reporting relations)": ("accuracy 0.778", False),
        "attribution.unattributed flags on any annotated attribution": ("0.500 (1/2)", False),
        "attribution.unattributed flags on a reporting relation": ("0.000 (0/2)", True),
    }


@pytest.mark.parametrize(
    "cue, reporting",
    [
        ("said", True),
        ("according to", True),
        ("told reporters", True),
        (":", True),
        ("“", True),
        ("is even thinking about", False),
        ("is likely to", False),
        ("has positioned", False),
    ],
)
def test_reporting_cue_is_about_saying_not_attitudes(cue, reporting):
    assert bool(polnear.REPORTING_CUE.search(cue)) is reporting


def test_polnear_without_unattributed_rule_says_so(fixtures):
    runner = FakeRunner({k: v for k, v in FAKE_RULES.items() if k != "attribution.unattributed"})
    report = polnear.evaluate(fixtures, runner)
    assert report.summary[3].other == "no such rule"
    assert {r[-1] for r in _table(report, "By publisher").rows} == {"no such rule"}
    assert [t.met for t in report.targets][2:] == [None, None]
    assert any("no such rule" in note for note in report.notes)


def test_polnear_limit_takes_whole_articles(fixtures, fake_runner):
    report = polnear.evaluate(fixtures, fake_runner, limit=1)
    assert report.summary[0].items == "5 sentences, 1 articles"


def test_basil_span_precision_recall_and_quotes(fixtures, fake_runner):
    report = basil.evaluate(fixtures, fake_runner)
    row = report.summary[0]
    assert row.items == "2 articles, 2 non-quote lexical spans"
    assert row.precision == pytest.approx(1 / 3) and row.recall == pytest.approx(0.5)
    assert row.f1 == pytest.approx(0.4)
    assert row.other == "3 findings; 0.333 inside quotes"
    outlets = {r[0]: r[1:] for r in _table(report, "By outlet").rows}
    assert outlets["nyt"] == ["1", "2", "0.500 (1/2)", "1", "1.000 (1/1)", "0.500 (1/2)", "0.500 (1/2)"]
    assert outlets["fox"] == ["1", "1", "0.000 (0/1)", "1", "0.000 (0/1)", "0.000 (0/1)", "0.000 (0/1)"]
    assert any("1 lexical_bias span(s) left out" in note for note in report.notes)


def test_babe_sentence_and_word_level(fixtures, fake_runner):
    report = babe.evaluate(fixtures, fake_runner)
    row = report.summary[0]
    assert row.items == "7 sentences"
    assert row.precision == pytest.approx(2 / 3) and row.recall == pytest.approx(0.5)
    assert row.other == "TP 2, FP 1, FN 2, TN 2; word recall 0.500 (3/6)"
    assert any("1 record(s) without a Biased/Non-biased label" in note for note in report.notes)


@pytest.mark.parametrize("module", [basil, babe])
def test_bias_adapters_report_cleanly_without_bias_rules(fixtures, module):
    runner = FakeRunner({"hedging.modal": r"\bmay\b"})
    report = module.evaluate(fixtures, runner)
    row = report.summary[0]
    assert row.precision is None and row.recall == 0.0 and row.f1 is None
    assert "no bias.* rules yet" in row.other
    assert any("no bias.* rules in the rule set" in note for note in report.notes)


@pytest.mark.parametrize("module", [conll, reuters, polnear, basil, babe])
def test_missing_data_is_skipped_not_fatal(tmp_path, fake_runner, module):
    report = module.evaluate(tmp_path, fake_runner)
    assert report.skipped and "not found" in report.skipped and str(tmp_path) in report.skipped
    assert not report.summary


def test_polnear_needs_both_files(tmp_path, fixtures, fake_runner):
    (tmp_path / "polnear").mkdir()
    (tmp_path / "polnear" / "articles.jsonl").write_bytes((fixtures / "polnear" / "articles.jsonl").read_bytes())
    assert "sentences.jsonl not found" in polnear.evaluate(tmp_path, fake_runner).skipped


def test_fixture_offsets_are_consistent(fixtures):
    articles = {a["id"]: a for a in read_jsonl(fixtures / "polnear" / "articles.jsonl")}
    for s in read_jsonl(fixtures / "polnear" / "sentences.jsonl"):
        assert articles[s["article_id"]]["text"][s["start"] : s["end"]] == s["text"]


def test_limit_spreads_records_evenly(fixtures):
    ids = [r["id"] for r in read_jsonl(fixtures / "conll2010_wiki" / "train.jsonl", limit=4)]
    assert ids == ["fixture-conll-0", "fixture-conll-2", "fixture-conll-5", "fixture-conll-8"]
    assert len(read_jsonl(fixtures / "conll2010_wiki" / "train.jsonl", limit=100)) == 11


def test_malformed_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": 1}\n\n{oops\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:3: invalid JSON"):
        read_jsonl(path)


def test_reuters_all_rules_rate_target_is_four_per_thousand_words():
    # Issue 19: all rules together on clean, edited copy.
    from newslint.evaluation.reuters import _targets

    def status(rate: float) -> bool | None:
        (target,) = [t for t in _targets(1.0, True, 0.5, rate) if t.name == "Reuters rate, all rules"]
        return target.met

    assert status(3.97) is True
    assert status(4.16) is False
