"""bench/audit.py runs end to end on a tiny invented archive and prints every row
(issue 22). Timings are never asserted: only that the script finishes, exits 0, finds
the same figures in every run and reports the targets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "audit.py"


def test_the_audit_bench_reports_every_row(tmp_path, write_eval_dir):
    stories = [
        {
            "id": f"fake-{n}",
            "date": f"0{1 + n % 3}-MAR-1987 10:00:00.00",
            "text": f"Exporters shipped {1000 + n} tonnes of tin, the ministry said.\n",
        }
        for n in range(12)
    ]
    eval_dir = write_eval_dir(stories, tmp_path / "eval")
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--eval-dir",
            str(eval_dir),
            "--memory-stories",
            "4",
            "--partition-size",
            "3",
            "--skip-dask",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for row in (
        "local -j 1",
        "local -j 2",
        "figures identical across runs: yes",
        "memory, 16 stories (4×)",
        "estimate from the CPU cost",
        "local -j 2 vs -j 1",
    ):
        assert row in done.stdout
    assert json.loads(out.read_text("utf-8"))["stories"] == 12
