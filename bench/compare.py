#!/usr/bin/env python3
"""Compare two newslint installs in one run: cold start and one-process throughput.

    python bench/compare.py --baseline PYTHON --candidate PYTHON [--eval-dir ../shared/eval]
                            [--stories 1000] [--repeat 5]

PYTHON is the interpreter of a virtualenv where that version of newslint is installed (for
example a `git worktree` of the commit before a change, installed with `pip install -e`).
Issues 18 and 19 bound a change by the speed of the commit before it "measured in the same
run": this script interleaves the two round by round, so drift on the machine falls on both
alike, and reports candidate / baseline ratios of the medians. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import DEFAULT_EVAL_DIR, EXAMPLE, REUTERS, count_words, load_stories, run_timed, write_stories


def check_cmd(python: str, *args: str) -> list[str]:
    return [python, "-m", "newslint", "check", "--no-cache", *args]


def interleaved(commands: dict[str, list[str]], repeat: int) -> dict[str, list[float]]:
    """One untimed warm-up round, then `repeat` timed rounds taking turns."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(repeat + 1):
        for name, command in commands.items():
            run = run_timed(command)
            if run.returncode not in (0, 1):
                raise SystemExit(f"compare: {name} exited {run.returncode}: {run.stderr[-500:]}")
            if round_:
                times[name].append(run.seconds)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", required=True, metavar="PYTHON")
    parser.add_argument("--candidate", required=True, metavar="PYTHON")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    pythons = {"baseline": args.baseline, "candidate": args.candidate}

    cold = interleaved({name: check_cmd(python, str(EXAMPLE)) for name, python in pythons.items()}, args.repeat)
    rows = [("cold start (s)", cold)]
    reuters = args.eval_dir / REUTERS
    if reuters.is_file():
        stories, _ = load_stories(reuters, args.stories)
        with tempfile.TemporaryDirectory() as work:
            folder = Path(work) / "stories"
            write_stories(stories, folder)
            commands = {
                name: check_cmd(python, "-j", "1", "-f", "json", str(folder)) for name, python in pythons.items()
            }
            rows.append(
                (
                    f"-j 1 over {len(stories)} stories, {count_words(stories)} words (s)",
                    interleaved(commands, args.repeat),
                )
            )
    else:
        print(f"compare: {reuters} not found: throughput left out (give --eval-dir)")

    print(f"{'measure':<52} {'baseline':>9} {'candidate':>9} {'ratio':>7}")
    for label, times in rows:
        base, cand = statistics.median(times["baseline"]), statistics.median(times["candidate"])
        print(f"{label:<52} {base:>9.3f} {cand:>9.3f} {cand / base:>7.3f}")
    print("ratio = candidate median / baseline median; below 1 is faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
