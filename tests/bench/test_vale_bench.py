"""bench/vale.py runs end to end on a few invented stories and reports every row (issue 23).

Timings are never asserted: only that the script finishes, exits 0, times each contender,
generates the lexicon style it compares with newslint's own rules, and that the style
finds what those rules' word lists hold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "bench" / "vale.py"
STYLES = REPO_ROOT.parent / "shared" / "vale" / "testdata" / "styles"

# Invented copy, with words from the hedging and bias word lists ("might", "slammed").
_STORY = (
    "Exporters in {city} shipped {tonnes} tonnes of tin in the week to Friday, the trade "
    "ministry said.\n\nPrices might rise further next month. The senator slammed the plan.\n"
)


def test_the_vale_bench_reports_every_row(tmp_path: Path, write_eval_dir) -> None:
    stories = [{"id": f"fake-{n}", "text": _STORY.format(city=city, tonnes=1000 + n)} for n, city in enumerate("AB")]
    eval_dir = write_eval_dir(stories, tmp_path / "eval")
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--eval-dir",
            str(eval_dir),
            "--repeat",
            "1",
            "--processes",
            "--profile",
            "newslint-lexicon",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO_ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 stories of" in done.stdout
    assert "cumulative" in done.stdout  # the profile
    results = json.loads(out.read_text("utf-8"))
    expected = ["newslint lexicon rules", "newslint rules alone", "newslint-lexicon"]
    if STYLES.is_dir():
        expected += ["proselint", "write-good", "Joblint"]
    assert list(results["rules"]) == expected
    assert list(results["processes"]) == [name for name in expected if name != "newslint rules alone"]
    for name in expected:
        assert name in done.stdout
        assert results["rules"][name]["ratio"] > 0
    # newslint's rules skip nothing here (no quotation, no source): both find both words.
    assert results["rules"]["newslint lexicon rules"]["findings"] == [4]
    assert results["rules"]["newslint-lexicon"]["findings"] == [4]
