"""The command (`python -m newslint.evaluation`) with newslint's real rules, on the
made-up fixtures: it runs every adapter, skips what is missing, writes the docs, and
its fast path lints exactly as `newslint.lint_text` does."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newslint import lint_text
from newslint.evaluation import ADAPTERS, conll, judged
from newslint.evaluation.__main__ import main
from newslint.evaluation.data import read_jsonl
from newslint.evaluation.judged import Judgement, Key, Sample
from newslint.evaluation.linting import Runner, parallel_map

TITLES = [module.TITLE for module in ADAPTERS.values()]


def test_runner_lints_exactly_like_lint_text(fixtures):
    runner = Runner()
    texts = [r["text"] for r in read_jsonl(fixtures / "conll2010_wiki" / "train.jsonl")]
    texts += [r["text"] for r in read_jsonl(fixtures / "news" / "reuters.jsonl")]
    texts += ["Analysts say the bank may raise rates.", '"The plan may fail," said one resident.']
    for text in texts:
        assert runner.lint(text)[1] == lint_text(text), text
    markdown = "# Rates\n\nThe bank `may` act, and rates could rise.\n"  # code is not prose in Markdown
    assert runner.lint(markdown, "markdown")[1] == lint_text(markdown, input_format="markdown")
    assert len(runner.lint(markdown, "markdown")[1]) == len(runner.lint(markdown)[1]) - 1


def test_parallel_results_match_sequential_and_keep_order(fixtures):
    runner = Runner()
    texts = [r["text"] for r in read_jsonl(fixtures / "conll2010_wiki" / "train.jsonl")] * 4
    sequential = parallel_map(conll._flag, texts, runner, jobs=1)
    assert parallel_map(conll._flag, texts, runner, jobs=2, chunksize=3) == sequential


def test_runs_every_dataset_on_the_fixtures(fixtures, capsys):
    assert main(["--data", str(fixtures), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    for title in TITLES:
        assert f"== {title}" in out
    assert "skipped" not in out
    assert "11 sentences" in out and "3 stories, 42 words" in out and "10 sentences, 2 articles" in out
    assert "3 stories, 9 expectations" in out
    assert "== Targets ==" in out and "total time:" in out


def test_one_dataset(fixtures, capsys):
    assert main(["--data", str(fixtures), "--dataset", "basil", "--jobs", "1"]) == 0
    sections = [line for line in capsys.readouterr().out.splitlines() if line.startswith("== ")]
    assert sections == [f"== {ADAPTERS['basil'].TITLE} [basil] =="]  # BASIL has no target, so no Targets section
    assert main(["--data", str(fixtures), "--dataset", "babe", "--jobs", "1"]) == 0
    sections = [line for line in capsys.readouterr().out.splitlines() if line.startswith("== ")]
    assert sections == [f"== {ADAPTERS['babe'].TITLE} [babe] ==", "== Targets =="]


def test_missing_data_skips_every_dataset_with_a_line(tmp_path, capsys):
    missing = tmp_path / "nowhere"
    assert main(["--data", str(missing), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert f"data folder {missing} not found" in out
    assert out.count("skipped: ") == len(ADAPTERS)
    assert "not measured" in out


def test_write_docs_has_figures_and_no_fixture_text(fixtures, tmp_path, capsys):
    docs = tmp_path / "docs" / "accuracy.md"
    assert main(["--data", str(fixtures), "--jobs", "1", "--limit", "5", "--write-docs", str(docs)]) == 0
    text = docs.read_text(encoding="utf-8")
    assert text.startswith("<!-- Generated file")
    assert "newslint eval --data ../shared/eval --write-docs docs/accuracy.md" in text
    assert "**Partial run** (--limit 5)" in text
    assert "| Detector | Dataset | Items | Precision | Recall | F1 | Other |" in text
    assert "precision >= 0.75 with recall >= 0.40" in text and "at most 2 hedging.* findings" in text
    assert "BABE bias.* sentence precision" in text and "at most 1 bias.* finding per 1,000 words" in text
    for record in read_jsonl(fixtures / "conll2010_wiki" / "train.jsonl"):
        assert record["text"] not in text
    assert "fixture-" not in text
    assert f"wrote {docs}" in capsys.readouterr().out


def test_docs_are_deterministic(fixtures, tmp_path):
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    main(["--data", str(fixtures), "--jobs", "1", "--write-docs", str(first)])
    main(["--data", str(fixtures), "--jobs", "2", "--write-docs", str(second)])
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


def test_bad_usage_exits_2():
    with pytest.raises(SystemExit) as excinfo:
        main(["--limit", "0"])
    assert excinfo.value.code == 2
    with pytest.raises(SystemExit):
        main(["--dataset", "nope"])


def test_bad_config_is_an_error(tmp_path, capsys):
    config = tmp_path / ".newslint.yaml"
    config.write_text("no_such_key: 1\n", encoding="utf-8")
    assert main(["--data", str(tmp_path), "--config", str(config)]) == 2
    assert "no_such_key" in capsys.readouterr().err


def test_python_dash_m_entry_point(fixtures):
    result = subprocess.run(
        [sys.executable, "-m", "newslint.evaluation", "--data", str(fixtures), "--dataset", "conll", "--jobs", "1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "CoNLL-2010" in result.stdout


def test_write_docs_carries_the_judged_sample_kept_beside_it(fixtures, tmp_path):
    docs = tmp_path / "docs" / "accuracy.md"
    docs.parent.mkdir()
    sample = Sample(
        1, 3, 30, {"attribution.vague": 1}, [Judgement(Key("s", "attribution.vague", 0, 3, "some"), "defensible", "ok")]
    )
    (docs.parent / "judged-sample.yaml").write_text(judged.render_sample(sample), encoding="utf-8")
    assert main(["--data", str(fixtures), "--jobs", "1", "--limit", "5", "--write-docs", str(docs)]) == 0
    text = docs.read_text(encoding="utf-8")
    assert "## Judged sample (Reuters dev stories)" in text
    assert "| attribution.vague | warning | 1 | 1 | 1 | 1.00 | 0 |" in text


def test_write_docs_without_a_judged_sample_has_no_such_section(fixtures, tmp_path):
    docs = tmp_path / "accuracy.md"
    assert main(["--data", str(fixtures), "--jobs", "1", "--limit", "5", "--write-docs", str(docs)]) == 0
    assert "## Judged sample" not in docs.read_text(encoding="utf-8")
