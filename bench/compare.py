#!/usr/bin/env python3
"""Compare two newslint installs in one run: cold start and one-process throughput.

    python bench/compare.py --baseline PYTHON --candidate PYTHON [--eval-dir ../shared/eval]
                            [--stories 1000] [--repeat 5] [--format json [--format text ...]]

PYTHON is the interpreter of a virtualenv where that version of newslint is installed (for
example a `git worktree` of the commit before a change, installed with `pip install -e`).
Issues 18 and 19 bound a change by the speed of the commit before it "measured in the same
run": this script interleaves the two round by round, so drift on the machine falls on both
alike, and reports candidate / baseline ratios of the medians, of wall time and of the
process's CPU time (steadier on a shared machine). Nothing here asserts a time. Both
installs get their .pyc files written first, so neither compiles its source at each start,
and each its own user cache folder (XDG_CACHE_HOME), filled by an untimed first round: two
installs sharing one replace each other's parsed data copies (`newslint.datacopy`) at every
start, and both would be timed parsing CMUdict, as no user's second run does.

Throughput is timed once per `--format` (default: json), each its own row: the formats do
different work (JSON carries the repetition figures), so a change can be within bounds in
one and not in another.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import DEFAULT_EVAL_DIR, EXAMPLE, REUTERS, count_words, load_stories, run_timed, write_stories

K = TypeVar("K")


class Timing(NamedTuple):
    wall: float  # seconds
    cpu: float  # CPU seconds of the process


# Run by each interpreter: write its newslint's .pyc files, as run.py's compile_bytecode does.
_COMPILE = (
    "import compileall, importlib.util, sys; spec = importlib.util.find_spec('newslint'); "
    "package = next(iter(spec.submodule_search_locations)); "
    "sys.exit(0 if compileall.compile_dir(package, quiet=1) else 1)"
)


def compile_bytecode(python: str) -> bool:
    """Write the .pyc files of the newslint `python` imports. Under PYTHONDONTWRITEBYTECODE=1
    (set on this project's machines) an editable install never writes them, so every start
    compiles newslint's source first (about 0.1 s); an install that happens to have them
    (a test run compiled it) would then start faster than one that does not."""
    return subprocess.run([python, "-c", _COMPILE], stdout=subprocess.DEVNULL, check=False).returncode == 0


def check_cmd(python: str, *args: str) -> list[str]:
    return [python, "-m", "newslint", "check", "--no-cache", *args]


# What Python, not newslint, prints when the command did not run.
_PYTHON_FAILED = re.compile(r"^Traceback \(most recent call last\)|: No module named ", re.MULTILINE)


def interleaved(commands: dict[K, list[str]], repeat: int, envs: dict[K, dict[str, str]]) -> dict[K, list[Timing]]:
    """One untimed warm-up round, then `repeat` timed rounds taking turns, each command in
    its own environment."""
    times: dict[K, list[Timing]] = {name: [] for name in commands}
    for round_ in range(repeat + 1):
        for name, command in commands.items():
            cpu_before = _children_cpu()
            run = run_timed(command, env=envs[name])
            cpu = _children_cpu() - cpu_before
            # Exit 1 is newslint's "findings", and also Python's when it cannot run newslint
            # at all (an install whose source folder is gone fails in milliseconds).
            if run.returncode not in (0, 1) or _PYTHON_FAILED.search(run.stderr):
                raise SystemExit(f"compare: {name} exited {run.returncode}: {run.stderr[-500:]}")
            if round_:
                times[name].append(Timing(run.seconds, cpu))
    return times


def _children_cpu() -> float:
    """CPU seconds (user and system) of the finished child processes so far. On a shared
    machine a process waits for a core as often as it runs, so its wall time carries the
    other loads' noise; its CPU time mostly does not."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(
    pythons: dict[str, str], envs: dict[str, dict[str, str]], args: argparse.Namespace, formats: list[str]
) -> list[tuple[str, dict[str, list[Timing]]]]:
    """The rows: cold start on the example, then one-process throughput in each format."""
    cold = interleaved({name: check_cmd(python, str(EXAMPLE)) for name, python in pythons.items()}, args.repeat, envs)
    rows = [("cold start (s)", cold)]
    reuters = args.eval_dir / REUTERS
    if reuters.is_file():
        stories, _ = load_stories(reuters, args.stories)
        with tempfile.TemporaryDirectory() as work:
            folder = Path(work) / "stories"
            write_stories(stories, folder)
            label = f"-j 1 over {len(stories)} stories, {count_words(stories)} words"
            commands = {
                (format_, name): check_cmd(python, "-j", "1", "-f", format_, str(folder))
                for format_ in formats
                for name, python in pythons.items()
            }
            # All formats in the same rounds, so drift on the machine falls on each alike.
            round_times = interleaved(commands, args.repeat, {key: envs[key[1]] for key in commands})
            for format_ in formats:
                rows.append((f"{label}, -f {format_} (s)", {name: round_times[(format_, name)] for name in pythons}))
    else:
        print(f"compare: {reuters} not found: throughput left out (give --eval-dir)")

    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", required=True, metavar="PYTHON")
    parser.add_argument("--candidate", required=True, metavar="PYTHON")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--format",
        dest="formats",
        action="append",
        metavar="FORMAT",
        help="a `newslint check -f` format to time throughput in; repeat for more (default: json)",
    )
    args = parser.parse_args(argv)
    formats = args.formats or ["json"]
    pythons = {"baseline": args.baseline, "candidate": args.candidate}
    for name, python in pythons.items():
        print(f"{name}: {python}, bytecode {'compiled' if compile_bytecode(python) else 'NOT all compiled'}")

    with tempfile.TemporaryDirectory() as caches:
        envs = {name: {**os.environ, "XDG_CACHE_HOME": str(Path(caches) / name)} for name in pythons}
        rows = measure(pythons, envs, args, formats)

    print(f"{'measure':<60} {'baseline':>9} {'candidate':>9} {'ratio':>7} {'base cpu':>9} {'cand cpu':>9} {'ratio':>7}")
    for label, times in rows:
        wall = [statistics.median(t.wall for t in times[name]) for name in ("baseline", "candidate")]
        cpu = [statistics.median(t.cpu for t in times[name]) for name in ("baseline", "candidate")]
        print(
            f"{label:<60} {wall[0]:>9.3f} {wall[1]:>9.3f} {wall[1] / wall[0]:>7.3f}"
            f" {cpu[0]:>9.3f} {cpu[1]:>9.3f} {cpu[1] / cpu[0]:>7.3f}"
        )
    print("ratio = candidate median / baseline median, of wall seconds and of the process's CPU seconds;")
    print("below 1 is faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
