"""bench/run.py runs end to end on a tiny made-up Reuters file and prints every row; so does
bench/compare.py, a throughput row per format.

Timings are never asserted: only that the script finishes, exits 0 and reports each section.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "bench" / "run.py"
COMPARE = REPO_ROOT / "bench" / "compare.py"

# Invented wire copy (no real stories): hard-wrapped, new paragraphs on an indented line.
_CITIES = ["Lisbon", "Oslo", "Nairobi", "Lima", "Hanoi"]
_GOODS = ["copper", "wheat", "coffee", "tin", "rubber"]


def _story(n: int) -> dict:
    city, good = _CITIES[n % len(_CITIES)], _GOODS[n % len(_GOODS)]
    paragraphs = [
        f"Exporters in {city} shipped {1000 + 37 * n} tonnes of {good} in the week to "
        f"Friday, up from {900 + 11 * n} tonnes a week earlier, the trade ministry said in "
        "a statement.",
        f"The ministry said stocks at the port stood at {20 + n} thousand tonnes and that "
        "loading had resumed after a two-day stoppage caused by heavy rain.",
        f"Prices for {good} might rise further next month, one trader said.",
    ]
    lines: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        wrapped = textwrap.wrap(paragraph, width=68)
        if index:
            wrapped[0] = "    " + wrapped[0]
        lines.extend(wrapped)
    return {"id": f"fake-{n}", "title": f"{city.upper()} {good.upper()} EXPORTS RISE", "text": "\n".join(lines) + "\n"}


def test_bench_script_reports_every_section(tmp_path, write_eval_dir):
    write_eval_dir((_story(n) for n in range(40)), tmp_path)  # 2N for the linearity rows
    out_json = tmp_path / "results.json"

    proc = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--eval-dir",
            str(tmp_path),
            "--stories",
            "20",
            "--memory-stories",
            "20",
            "--big-file-mb",
            "0.02",
            "--jobs",
            "2",
            "--repeat",
            "1",
            "--json",
            str(out_json),
        ],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=120,
    )

    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    for row in (
        "cold start: python -c pass",
        "cold start: newslint check --no-cache",
        "cold start: proselint",
        "cold start: write-good",
        "cold start ratio: newslint / python -c pass",
        "cold start ratio: newslint / proselint",
        "throughput: newslint -j 1 (one process)",
        "throughput: newslint -j 2 (worker processes)",
        "throughput: proselint (one process)",
        "throughput: write-good (one process)",
        "throughput: newslint -j 1 without readability,repetition",
        "time ratio: newslint / newslint without readability,repetition",
        "throughput: python reading the files",
        "throughput ratio: newslint -j 1 / proselint, words/s",
        "speedup: newslint -j 2 / -j 1",
        "output -j 2 identical to -j 1",
        "cache: first run (empty cache)",
        "cache: second run (warm cache)",
        "cache ratio: first / second",
        "cache: cached report identical to --no-cache",
        "cache: one new story, against the warm cache",
        "cache: one new story, --no-cache",
        "cache: one new story, with / without the cache",
        "linearity: first 20 stories",
        "linearity: first 40 stories",
        "linearity: time ratio 2N / N",
        "one file: time ratio 2× / 1× size",
        "peak memory: newslint -j 1",
        "peak memory: newslint -j 2",
        "Issue 8 targets",
        "cold start ≤ 1.5× proselint",
        "-j N output order deterministic",
        "peak memory < 200 MB",
        "double the corpus, double the time",
        "no rule quadratic",
        "cache: warm run ≥ 10× faster",
    ):
        assert row in out, f"missing row {row!r} in:\n{out}"
    assert "ERROR" not in out
    assert "skipped" not in out
    # -j 2 reports the files in the same order as -j 1, and the cache changes no finding.
    assert "identical: no" not in out
    if shutil.which("write-good") is None:
        assert "not installed (npm install -g write-good)" in out

    results = json.loads(out_json.read_text(encoding="utf-8"))
    tp = results["throughput"]
    assert tp["stories"] == 20
    assert tp["words"] > 0
    for name in ("newslint", "newslint-jN", "newslint-core"):
        assert tp[name]["files_checked"] == 20
    assert tp["parallel_output_identical"] is True
    assert results["cache"]["second"]["files_checked"] == 20
    assert all(n > 0 for n in results["cache"]["cache_files_after_first"])
    new_story = results["cache"]["one_new_story"]
    assert "error" not in new_story["with_cache"] and "error" not in new_story["without"]
    assert new_story["ratio"] > 0
    assert results["linearity"]["2N"]["files_checked"] == 40
    assert results["big_file"]["2x"]["files_checked"] == 1
    assert results["big_file"]["2x"]["bytes"] > results["big_file"]["1x"]["bytes"] >= 20_000
    for key in ("j1", "jN"):
        assert results["memory"][key]["files_checked"] == 20
        assert results["memory"][key]["peak_mb"] > 0
    assert results["machine"]["cpu_count"]


def test_bench_script_skips_throughput_without_eval_data(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--eval-dir", str(tmp_path), "--repeat", "1"],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=120,
    )

    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "cold start: newslint check" in proc.stdout
    assert "throughput: skipped" in proc.stdout
    assert "reuters.jsonl not found" in proc.stdout


def test_compare_times_throughput_once_per_format(tmp_path, write_eval_dir):
    # Issue 19's speed target held for text and not for JSON (which alone carried the
    # repetition figures): one run must report both ratios.
    write_eval_dir((_story(n) for n in range(3)), tmp_path)
    python = sys.executable
    proc = subprocess.run(
        [python, str(COMPARE), "--baseline", python, "--candidate", python, "--eval-dir", str(tmp_path)]
        + ["--stories", "3", "--repeat", "1", "--format", "json", "--format", "text"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    # Both installs start from .pyc files: PYTHONDONTWRITEBYTECODE leaves an editable
    # install without them unless the script writes them.
    assert f"baseline: {python}, bytecode compiled" in proc.stdout.splitlines()
    assert f"candidate: {python}, bytecode compiled" in proc.stdout.splitlines()
    rows = [line for line in proc.stdout.splitlines() if line.startswith("-j 1 over 3 stories")]
    assert [row.split(" (s)")[0].rsplit("-f ", 1)[1] for row in rows] == ["json", "text"]
    assert all(len(row.split(" (s)")[1].split()) == 6 for row in rows)  # wall and CPU: baseline, candidate, ratio
