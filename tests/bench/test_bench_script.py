"""bench/run.py runs end to end on a tiny made-up Reuters file and prints every row.

Timings are never asserted: only that the script finishes, exits 0 and reports each section.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "bench" / "run.py"

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
    return {"id": f"fake-{n}", "title": f"{city.upper()} {good.upper()} EXPORTS RISE",
            "text": "\n".join(lines) + "\n"}


def test_bench_script_reports_cold_start_and_throughput(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    with (news / "reuters.jsonl").open("w", encoding="utf-8") as handle:
        for n in range(20):
            handle.write(json.dumps(_story(n)) + "\n")
    out_json = tmp_path / "results.json"

    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--eval-dir", str(tmp_path), "--stories", "20",
         "--repeat", "1", "--json", str(out_json)],
        capture_output=True, text=True, cwd=REPO_ROOT, timeout=120)

    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    for row in ("cold start: python -c pass", "cold start: newslint check",
                "cold start: proselint", "cold start ratio: newslint / python -c pass",
                "cold start ratio: newslint / proselint",
                "throughput: newslint (one process)", "throughput: proselint (one process)",
                "throughput: newslint without readability,repetition",
                "time ratio: newslint / newslint without readability,repetition",
                "throughput: python reading the files",
                "throughput ratio: newslint / proselint, words/s"):
        assert row in out, f"missing row {row!r} in:\n{out}"
    assert "ERROR" not in out
    assert "skipped" not in out

    results = json.loads(out_json.read_text(encoding="utf-8"))
    assert results["throughput"]["stories"] == 20
    assert results["throughput"]["words"] > 0
    assert results["throughput"]["newslint"]["files_checked"] == 20
    assert results["throughput"]["newslint-core"]["files_checked"] == 20
    assert results["machine"]["cpu_count"]


def test_bench_script_skips_throughput_without_eval_data(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--eval-dir", str(tmp_path), "--repeat", "1"],
        capture_output=True, text=True, cwd=REPO_ROOT, timeout=120)

    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "cold start: newslint check" in proc.stdout
    assert "throughput: skipped" in proc.stdout
    assert "reuters.jsonl not found" in proc.stdout
