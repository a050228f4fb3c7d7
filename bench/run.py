#!/usr/bin/env python3
"""Benchmark newslint (issue 8): cold start, throughput, -j scaling, the result cache, linearity,
one long article and peak memory, against baselines measured in the same run.

    python bench/run.py [--eval-dir ../shared/eval] [--stories 1000] [--memory-stories N]
                        [--big-file-mb 1] [--big-file-repeat 1] [--jobs N] [--repeat 5]
                        [--json FILE]

Every figure is a wall-clock time (or peak RSS) of a real process on this machine, so absolute
numbers only mean something next to the baselines timed in the same run: `python -c pass` (the
floor for any Python CLI), and proselint and write-good (other prose linters) when installed.
Every newslint timing passes --no-cache (the cache rows aside) and says its -j. Nothing here
asserts a time; the script reports, ends with issue 8's targets marked met / NOT met, and exits
0 (1 only when newslint itself fails, 2 on bad arguments).

Standard library only. See docs/performance.md for what each row means.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.metadata
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = REPO_ROOT / "examples" / "clean-wire.txt"
DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
REUTERS = Path("news") / "reuters.jsonl"
WORD = re.compile(r"\w+")
INSTALL_PROSELINT = "pip install proselint"
INSTALL_WRITE_GOOD = "npm install -g write-good"
# Packs whose cost the throughput section reports separately (issue 5: under 30%).
LATER_PACKS = "readability,repetition"
CORE = "newslint-core"
PARALLEL = "newslint-jN"


# --------------------------------------------------------------------------- running commands


class Run:
    """One timed process."""

    def __init__(self, seconds: float, returncode: int, stderr: str):
        self.seconds = seconds
        self.returncode = returncode
        self.stderr = stderr


def run_timed(
    cmd: list[str],
    *,
    stdout_path: Path | None = None,
    timeout: float | None = None,
    env: dict[str, str] | None = None,
) -> Run:
    """Run `cmd` once (in `env`, when given) and return its wall time. Output goes to a file
    (or is discarded), never to a pipe this process must drain, so the linters are timed
    writing as they would to disk. A run killed by `timeout` comes back with returncode -9
    and says so in stderr."""
    with open(stdout_path or os.devnull, "wb") as out:
        start = time.perf_counter()
        try:
            proc = subprocess.run(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.PIPE,
                cwd=REPO_ROOT,
                check=False,
                timeout=timeout,
                env=env,
            )
        except subprocess.TimeoutExpired:
            return Run(time.perf_counter() - start, -9, f"timed out after {timeout:.0f} s")
        seconds = time.perf_counter() - start
    return Run(seconds, proc.returncode, proc.stderr.decode("utf-8", "replace"))


def newslint_cmd(*args: str) -> list[str]:
    """`python -m newslint check ARGS` with this interpreter. Every timed newslint run passes
    --no-cache (except the cache rows): otherwise the second round reads the first round's
    results from the on-disk cache and times nothing."""
    return [sys.executable, "-m", "newslint", "check", *args]


def ok_exit(name: str, run: Run) -> bool:
    """newslint and proselint exit 0 (clean) or 1 (findings); write-good exits with other
    codes when it has suggestions, so for it only a Node traceback or a timeout counts."""
    if name.startswith("write-good"):
        return run.returncode >= 0 and "Error:" not in run.stderr
    return run.returncode in (0, 1)


def usable_cores() -> int:
    """N for the `-j N` rows: the cores this process may run on (what newslint defaults to)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def summarise(times: list[float]) -> dict:
    return {"median_s": statistics.median(times), "min_s": min(times), "max_s": max(times), "runs_s": times}


def tail(text: str, lines: int = 5) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


# --------------------------------------------------------------------------- proselint detection


def find_proselint(example: Path) -> dict | None:
    """How to run proselint here, or None. Prefers the copy importable from this interpreter
    (run as `python -m proselint`, like newslint), then a `proselint` on PATH. Newer proselint
    (0.16+) lints with `proselint check PATH...`; older releases with `proselint PATH...`."""
    bases: list[list[str]] = []
    if importlib.util.find_spec("proselint") is not None:
        bases.append([sys.executable, "-m", "proselint"])
    on_path = shutil.which("proselint")
    if on_path:
        bases.append([on_path])
    for base in bases:
        try:
            helptext = subprocess.run(
                base + ["--help"], capture_output=True, text=True, stdin=subprocess.DEVNULL, cwd=REPO_ROOT, timeout=60
            ).stdout
        except (OSError, subprocess.TimeoutExpired):
            continue
        has_check = re.search(r"^\s+check\s", helptext, re.MULTILINE) is not None
        styles = (
            [("check", base + ["check"]), ("plain", base)]
            if has_check
            else [("plain", base), ("check", base + ["check"])]
        )
        for style, prefix in styles:
            probe = run_timed(prefix + [str(example)])
            # 0 = clean, 1 = findings, in every proselint release.
            if probe.returncode in (0, 1) and "Traceback" not in probe.stderr:
                return {
                    "cmd": prefix,
                    "style": style,
                    "version": proselint_version(base),
                    "display": ("python -m proselint" if "-m" in base else "proselint")
                    + (" check" if style == "check" else ""),
                }
    return None


def proselint_version(base: list[str]) -> str:
    if "-m" in base:
        try:
            return importlib.metadata.version("proselint")
        except importlib.metadata.PackageNotFoundError:
            pass
    for args in (["version"], ["--version"]):
        try:
            out = subprocess.run(
                base + args, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
            ).stdout
        except (OSError, subprocess.TimeoutExpired):
            continue
        match = re.search(r"\d+\.\d+(\.\d+)?", out)
        if match:
            return match.group(0)
    return "unknown"


# --------------------------------------------------------------------------- sections


def machine_details() -> dict:
    try:
        version = importlib.metadata.version("newslint")
    except importlib.metadata.PackageNotFoundError:
        version = "not installed"
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": affinity,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "python_executable": sys.executable,
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
        "newslint": version,
        "newslint_source": source_state(),
        "load_average_at_start": load_average(),
    }


def compile_bytecode() -> str:
    """Write newslint's .pyc files, as pip does when it installs a wheel. The untimed
    warm-up round is meant to leave them, but an editable install under
    PYTHONDONTWRITEBYTECODE=1 (set on this project's machines) never writes any, so
    every timed newslint run would compile its own source first (about 0.1 s a start)."""
    spec = importlib.util.find_spec("newslint")
    if spec is None or not spec.submodule_search_locations:
        return "newslint not found"
    package = next(iter(spec.submodule_search_locations))
    written = compileall.compile_dir(package, quiet=1)
    state = "compiled by the benchmark" if written else "some files could not be compiled"
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        state += " (PYTHONDONTWRITEBYTECODE is set, so no run would write them)"
    return state


def load_average() -> list[float] | None:
    """1/5/15-minute load: other work on the machine skews every time here, baselines too."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def source_state() -> str | None:
    """The checkout's commit, and whether src/ has uncommitted edits: timings belong to code."""
    if not shutil.which("git"):
        return None
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO_ROOT, timeout=30
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src", "rules"],
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if commit.returncode != 0:
        return None
    return commit.stdout.strip() + (" + uncommitted changes in src/ or rules/" if dirty.stdout.strip() else "")


def cold_start(example: Path, repeat: int, proselint: dict | None, write_good: str | None) -> dict:
    """Each command once untimed (warms the OS page cache and .pyc files), then `repeat` timed
    rounds, interleaved so slow drift on the machine hits every command alike."""
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "newslint": newslint_cmd("--no-cache", str(example)),
    }
    if proselint:
        commands["proselint"] = proselint["cmd"] + [str(example)]
    if write_good:
        commands["write-good"] = [write_good, str(example)]
    times: dict[str, list[float]] = {name: [] for name in commands}
    errors: dict[str, str] = {}
    for round_ in range(repeat + 1):
        for name, cmd in commands.items():
            run = run_timed(cmd)
            ok = run.returncode == 0 if name == "python -c pass" else ok_exit(name, run)
            if not ok:
                errors[name] = f"exit {run.returncode}: {tail(run.stderr)}"
            if round_ > 0:
                times[name].append(run.seconds)
    result: dict = {
        "file": os.path.relpath(example, REPO_ROOT),
        "repeat": repeat,
        "commands": {name: " ".join(cmd) for name, cmd in commands.items()},
    }
    for name, ts in times.items():
        result[name] = summarise(ts)
        if name in errors:
            result[name]["error"] = errors[name]
    news = result["newslint"]["median_s"]
    result["ratio_newslint_to_python"] = news / result["python -c pass"]["median_s"]
    if proselint:
        result["ratio_newslint_to_proselint"] = news / result["proselint"]["median_s"]
    if write_good:
        result["ratio_newslint_to_write_good"] = news / result["write-good"]["median_s"]
    return result


def iter_stories(path: Path):
    """Records whose text is not blank, in file order; yields None for each blank one."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            yield record if str(record.get("text") or "").strip() else None


def load_stories(path: Path, limit: int) -> tuple[list[dict], int]:
    """The first `limit` records whose text is not blank, and how many blank ones were passed."""
    stories, blank = [], 0
    for record in iter_stories(path):
        if record is None:
            blank += 1
            continue
        stories.append(record)
        if len(stories) >= limit:
            break
    return stories, blank


def write_stories(stories: list[dict], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, story in enumerate(stories):
        name = re.sub(r"[^\w.-]", "_", str(story.get("id", index)))
        path = folder / f"{index:05d}-{name}.txt"
        path.write_text(story["text"], encoding="utf-8")
        paths.append(path)
    return paths


def count_words(stories: list[dict]) -> int:
    return sum(len(WORD.findall(story["text"])) for story in stories)


def read_all(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            total += len(handle.read())
    return total


def newslint_summary(entry: dict, output: Path) -> None:
    """Copy the counts from newslint's JSON report into `entry` (or an error if unreadable)."""
    try:
        summary = json.loads(output.read_text(encoding="utf-8"))["summary"]
        entry["files_checked"] = summary.get("files")
        entry["files_with_errors"] = summary.get("files_with_errors")
        entry["findings"] = summary.get("findings")
    except (ValueError, KeyError, TypeError) as exc:
        entry["error"] = f"could not read newslint's JSON output: {exc}"


def timed_entry(name: str, runs: list[Run], shown: str) -> dict:
    """Median etc. of `runs`, the command as shown, and the first failure if any."""
    entry = summarise([r.seconds for r in runs])
    entry["command"] = shown
    timeouts = [r for r in runs if r.returncode == -9]
    bad = [r for r in runs if r.returncode != -9 and not ok_exit(name, r)]
    if timeouts:
        entry["timeout"] = timeouts[0].stderr
    if bad:
        entry["error"] = f"exit {bad[0].returncode}: {tail(bad[0].stderr)}"
    return entry


def throughput(
    reuters: Path, limit: int, repeat: int, proselint: dict | None, write_good: str | None, jobs: int, work: Path
) -> dict:
    """Each tool over the same folder of stories in one process; newslint with -j 1 and -j N
    taking turns with the baselines round by round, so other load falls on all alike."""
    stories, blank = load_stories(reuters, limit)
    words = count_words(stories)
    folder = work / "stories"
    paths = write_stories(stories, folder)
    result: dict = {
        "source": str(reuters),
        "stories": len(stories),
        "words": words,
        "bytes": sum(p.stat().st_size for p in paths),
        "blank_skipped": blank,
        "repeat": repeat,
        "jobs": jobs,
        "folder": str(folder),
    }

    def rates(entry: dict, seconds: float) -> None:
        entry["words_per_s"] = words / seconds if seconds > 0 else None
        entry["stories_per_s"] = len(stories) / seconds if seconds > 0 else None

    shown = "python -m newslint check --no-cache --format json"
    commands = {
        "newslint": (newslint_cmd("--no-cache", "-j", "1", "--format", "json", str(folder)), f"{shown} -j 1 <folder>"),
        PARALLEL: (
            newslint_cmd("--no-cache", "-j", str(jobs), "--format", "json", str(folder)),
            f"{shown} -j {jobs} <folder>",
        ),
        # The same without the readability and repetition packs, for their cost.
        CORE: (
            newslint_cmd("--no-cache", "-j", "1", "--format", "json", "--ignore", LATER_PACKS, str(folder)),
            f"{shown} -j 1 --ignore {LATER_PACKS} <folder>",
        ),
    }
    if proselint:
        if proselint["style"] == "check":
            # `proselint check` walks folders itself (.txt is among its accepted suffixes).
            commands["proselint"] = (
                proselint["cmd"] + ["--output-format", "json", str(folder)],
                f"{proselint['display']} --output-format json <folder>",
            )
        else:
            # Older releases take file paths; list them all for one process.
            commands["proselint"] = (
                proselint["cmd"] + [str(p) for p in paths],
                f"{proselint['display']} <{len(paths)} files>",
            )
    if write_good:
        commands["write-good"] = ([write_good] + [str(p) for p in paths], f"write-good <{len(paths)} files>")
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    outputs = {name: work / f"{name}.out" for name in commands}
    identical = []  # per round: -j N's JSON report byte for byte the same as -j 1's
    for _ in range(repeat):
        for name, (cmd, _shown) in commands.items():
            runs[name].append(run_timed(cmd, stdout_path=outputs[name]))
        identical.append(outputs["newslint"].read_bytes() == outputs[PARALLEL].read_bytes())

    for name, (_cmd, shown) in commands.items():
        entry = timed_entry(name, runs[name], shown)
        if "error" in entry:
            pass
        elif name in ("newslint", PARALLEL, CORE):
            newslint_summary(entry, outputs[name])
        elif name == "proselint" and proselint["style"] == "check":
            try:  # {"result": {"file:///...": {"diagnostics": [...]}}}, one key per file
                files = json.loads(outputs[name].read_text(encoding="utf-8"))["result"]
                entry["files_checked"] = len(files)
                entry["findings"] = sum(len(f.get("diagnostics") or []) for f in files.values())
            except (ValueError, KeyError, TypeError, AttributeError):
                pass  # a format change in proselint's JSON is not worth failing the run over
        rates(entry, entry["median_s"])
        result[name] = entry
    result["parallel_output_identical"] = all(identical)
    result["speedup_jN_over_j1"] = result["newslint"]["median_s"] / result[PARALLEL]["median_s"]

    # For scale: this interpreter just reading the same files.
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        read_all(paths)
        times.append(time.perf_counter() - start)
    rentry = summarise(times)
    rentry["command"] = "open().read() of every file, in-process"
    rates(rentry, rentry["median_s"])
    result["python read"] = rentry
    return result


def cache(folder: Path, stories: int, repeat: int, work: Path) -> dict:
    """First run with an empty --cache-dir, then a second over the unchanged folder; each
    repeat starts from a new empty cache folder. Both with -j 1, so the ratio is the cache's
    alone. The reports are compared with each other and with the --no-cache -j 1 report."""
    base = newslint_cmd("-j", "1", "--format", "json")
    first_runs, second_runs, same, same_as_uncached, entries = [], [], [], [], []
    reference = work / "newslint.out"  # throughput's --no-cache -j 1 report of this folder
    for index in range(repeat):
        cache_dir = work / f"cache-{index}"
        cmd = base + ["--cache-dir", str(cache_dir), str(folder)]
        first_runs.append(run_timed(cmd, stdout_path=work / "cache-first.out"))
        entries.append(sum(1 for p in cache_dir.rglob("*") if p.is_file()) if cache_dir.is_dir() else 0)
        second_runs.append(run_timed(cmd, stdout_path=work / "cache-second.out"))
        first, second = (work / "cache-first.out").read_bytes(), (work / "cache-second.out").read_bytes()
        same.append(first == second)
        same_as_uncached.append(reference.is_file() and second == reference.read_bytes())
    shown = "python -m newslint check -j 1 --format json --cache-dir <new dir> <folder>"
    result = {
        "stories": stories,
        "repeat": repeat,
        "first": timed_entry("newslint", first_runs, shown + " (empty cache)"),
        "second": timed_entry("newslint", second_runs, shown + " (again)"),
        "cache_files_after_first": entries,
        "second_output_identical": all(same),
        "cached_output_identical_to_no_cache": all(same_as_uncached),
    }
    newslint_summary(result["second"], work / "cache-second.out")
    result["ratio_first_to_second"] = result["first"]["median_s"] / result["second"]["median_s"]
    result["one_new_story"] = one_new_story(work / f"cache-{repeat - 1}", repeat, work)
    return result


def one_new_story(cache_dir: Path, repeat: int, work: Path) -> dict:
    """What a pre-commit hook pays for the cache: one story the cache has never seen,
    checked against the cache the folder's runs filled, and with --no-cache, in
    interleaved rounds. Each round's story is the example with a line of its own, so
    every round is a miss."""
    with_cache, without = [], []
    for index in range(repeat):
        story = work / f"new-story-{index}.txt"
        story.write_text(EXAMPLE.read_text(encoding="utf-8") + f"\nEdited in round {index}.\n", encoding="utf-8")
        # --format json as in the runs that filled the cache: the JSON report's repetition
        # figures are part of the run's fingerprint, so another format has another pack.
        with_cache.append(
            run_timed(newslint_cmd("-j", "1", "--format", "json", "--cache-dir", str(cache_dir), str(story)))
        )
        without.append(run_timed(newslint_cmd("-j", "1", "--format", "json", "--no-cache", str(story))))
    shown = f"python -m newslint check -j 1 --format json {{}} <{EXAMPLE.name} with a line of its own>"
    result = {
        "with_cache": timed_entry("newslint", with_cache, shown.format("--cache-dir <the warm cache>")),
        "without": timed_entry("newslint", without, shown.format("--no-cache")),
    }
    result["ratio"] = result["with_cache"]["median_s"] / result["without"]["median_s"]
    return result


def linearity(reuters: Path, n: int, repeat: int, work: Path) -> dict:
    """-j 1 --no-cache over the first N stories and the first 2N, in interleaved rounds."""
    stories, _blank = load_stories(reuters, 2 * n)
    half = min(n, len(stories) // 2)
    sets = {"N": stories[:half], "2N": stories[: 2 * half]}
    runs: dict[str, list[Run]] = {key: [] for key in sets}
    cmds = {}
    for key, subset in sets.items():
        folder = work / f"linear-{key}"
        write_stories(subset, folder)
        cmds[key] = newslint_cmd("--no-cache", "-j", "1", "--format", "json", str(folder))
    for _ in range(repeat):
        for key, cmd in cmds.items():
            runs[key].append(run_timed(cmd, stdout_path=work / f"linear-{key}.out"))
    result: dict = {"repeat": repeat}
    for key, subset in sets.items():
        entry = timed_entry(
            "newslint", runs[key], f"python -m newslint check --no-cache -j 1 --format json <{len(subset)} stories>"
        )
        entry["stories"], entry["words"] = len(subset), count_words(subset)
        newslint_summary(entry, work / f"linear-{key}.out")
        result[key] = entry
    result["time_ratio"] = result["2N"]["median_s"] / result["N"]["median_s"]
    result["words_ratio"] = result["2N"]["words"] / result["N"]["words"]
    return result


def big_file(reuters: Path, megabytes: float, repeat: int, work: Path, timeout: float) -> dict:
    """One article of about `megabytes` MB and one of twice that, made by joining stories with
    a blank line (cycling through the file if it is short); -j 1 --no-cache on each. Linear
    cost doubles the time; a rule quadratic in article length quadruples it."""
    target = int(megabytes * 1_000_000)
    texts = [record["text"].strip() for record in iter_stories(reuters) if record]
    sizes: dict[str, int] = {}
    files: dict[str, Path] = {}
    parts: list[str] = []
    size, index = 0, 0
    for key, goal in (("1x", target), ("2x", 2 * target)):
        while size < goal and texts:
            text = texts[index % len(texts)]
            parts.append(text)
            size += len(text.encode("utf-8")) + 2
            index += 1
        files[key] = work / f"big-{key}.txt"
        files[key].write_text("\n\n".join(parts) + "\n", encoding="utf-8")
        sizes[key] = files[key].stat().st_size
    runs: dict[str, list[Run]] = {key: [] for key in files}
    for _ in range(repeat):
        for key, path in files.items():
            run = run_timed(
                newslint_cmd("--no-cache", "-j", "1", "--format", "json", str(path)),
                stdout_path=work / f"big-{key}.out",
                timeout=timeout,
            )
            runs[key].append(run)
        if any(r.returncode == -9 for rs in runs.values() for r in rs):
            break  # no point waiting for more rounds of a run that does not finish
    result: dict = {"repeat": repeat, "timeout_s": timeout}
    for key in files:
        entry = timed_entry(
            "newslint",
            runs[key],
            f"python -m newslint check --no-cache -j 1 --format json <one {sizes[key]:,}-byte file>",
        )
        entry["bytes"] = sizes[key]
        entry["s_per_mb"] = entry["median_s"] / (sizes[key] / 1_000_000)
        if "error" not in entry and "timeout" not in entry:
            newslint_summary(entry, work / f"big-{key}.out")
        result[key] = entry
    result["time_ratio"] = result["2x"]["median_s"] / result["1x"]["median_s"]
    result["bytes_ratio"] = sizes["2x"] / sizes["1x"]
    return result


# Runs a command and prints the peak resident set size of its largest process: RUSAGE_CHILDREN
# covers every waited-for descendant (the newslint process and, with -j, each worker) and
# ru_maxrss is the largest single one, not a sum. KiB on Linux, bytes on macOS.
MEMORY_WRAPPER = """\
import resource, subprocess, sys
with open(sys.argv[1], "wb") as out:
    code = subprocess.run(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=out).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(code)
"""


def maxrss_to_mb(value: int) -> float:
    """ru_maxrss in MB (10^6 bytes): bytes on macOS, KiB on Linux and the BSDs."""
    return value / 1_000_000 if sys.platform == "darwin" else value * 1024 / 1_000_000


def peak_memory(reuters: Path, limit: int, jobs: int, work: Path) -> dict:
    """newslint over `limit` stories (0 or less: all) in one run each with -j 1 and -j N,
    through MEMORY_WRAPPER; one run each, since peak memory hardly varies between runs."""
    stories, _blank = load_stories(reuters, limit if limit > 0 else sys.maxsize)
    folder = work / "memory"
    write_stories(stories, folder)
    result: dict = {
        "stories": len(stories),
        "words": count_words(stories),
        "jobs": jobs,
        "all_stories": limit <= 0 or len(stories) < limit,
    }
    for key, j in (("j1", 1), ("jN", jobs)):
        out = work / f"memory-{key}.out"
        cmd = [sys.executable, "-c", MEMORY_WRAPPER, str(out)] + newslint_cmd(
            "--no-cache", "-j", str(j), "--format", "json", str(folder)
        )
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, cwd=REPO_ROOT, check=False)
        entry: dict = {
            "command": f"python -m newslint check --no-cache -j {j} --format json <{len(stories)} stories>",
            "seconds": time.perf_counter() - start,
        }
        lines = proc.stdout.strip().splitlines()
        if proc.returncode not in (0, 1) or not lines or not lines[-1].isdigit():
            entry["error"] = f"exit {proc.returncode}: {tail(proc.stderr)}"
        else:
            entry["maxrss_raw"] = int(lines[-1])
            entry["peak_mb"] = maxrss_to_mb(int(lines[-1]))
            newslint_summary(entry, out)
        result[key] = entry
    return result


def add_derived(results: dict) -> None:
    """Ratios, and batch time less the same tool's cold start: an estimate of the per-word
    cost once start-up is paid, since one process per article is how editors often run it."""
    tp, cold = results.get("throughput"), results["cold_start"]
    lin = results.get("linearity")
    if lin:  # the fixed start-up cost pulls the raw ratio below 2; this is the per-story part
        start = cold["newslint"]["median_s"]
        net_n, net_2n = lin["N"]["median_s"] - start, lin["2N"]["median_s"] - start
        lin["time_ratio_excluding_start"] = net_2n / net_n if net_n > 0 else None
    if not tp:
        return
    for tool in ("newslint", "proselint", "write-good"):
        if tool in tp and tool in cold:
            net = tp[tool]["median_s"] - cold[tool]["median_s"]
            tp[tool]["excluding_start_s"] = net
            tp[tool]["words_per_s_excluding_start"] = tp["words"] / net if net > 0 else None
    if CORE in tp:
        tp["ratio_newslint_to_core_seconds"] = tp["newslint"]["median_s"] / tp[CORE]["median_s"]
    if "proselint" in tp:
        n, p = tp["newslint"], tp["proselint"]
        tp["ratio_newslint_to_proselint_words_per_s"] = n["words_per_s"] / p["words_per_s"]
        if n.get("words_per_s_excluding_start") and p.get("words_per_s_excluding_start"):
            tp["ratio_newslint_to_proselint_excluding_start"] = (
                n["words_per_s_excluding_start"] / p["words_per_s_excluding_start"]
            )
    if "write-good" in tp:
        tp["ratio_newslint_to_write_good_words_per_s"] = tp["newslint"]["words_per_s"] / tp["write-good"]["words_per_s"]


# --------------------------------------------------------------------------- printing


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown pipe table, padded so it also reads well in a terminal."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]

    def line(cells):
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), rule, *(line(r) for r in rows)])


def fmt_load(load: list[float] | None) -> str:
    return "n/a" if load is None else " / ".join(f"{x:.2f}" for x in load)


def secs(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if value >= 0.1 else f"{value:.4f}"


def num(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def fmt_ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def not_installed(tool: str) -> str:
    return f"not installed ({INSTALL_PROSELINT if tool == 'proselint' else INSTALL_WRITE_GOOD})"


def status_note(e: dict) -> str | None:
    if "error" in e:
        return "ERROR " + e["error"].splitlines()[0]
    if "timeout" in e:
        return "TIMEOUT " + e["timeout"]
    return None


def newslint_note(e: dict) -> str:
    note = e["command"]
    if e.get("files_checked") is not None:
        note += f"; {e['files_checked']} files, {e['findings']} findings, {e['files_with_errors']} unreadable"
    return status_note(e) or note


def report_machine(results: dict, proselint: dict | None, write_good: str | None) -> str:
    m = results["machine"]
    cpus = str(m["cpu_count"]) + (
        f" ({m['cpus_usable']} usable)" if m["cpus_usable"] and m["cpus_usable"] != m["cpu_count"] else ""
    )
    return "## Machine\n\n" + table(
        ["item", "value"],
        [
            ["CPUs", cpus],
            ["Python", f"{m['python']} ({m['python_executable']})"],
            ["platform", m["platform"]],
            [
                "load average (1/5/15 min)",
                f"{fmt_load(m['load_average_at_start'])} at start, {fmt_load(m['load_average_at_end'])} at end",
            ],
            ["newslint", m["newslint"] + (f" (checkout {m['newslint_source']})" if m["newslint_source"] else "")],
            ["newslint .pyc files", m.get("newslint_bytecode", "not checked")],
            [
                "proselint",
                (proselint["version"] + f" (`{proselint['display']}`)")
                if proselint
                else f"{not_installed('proselint')} to add the baseline",
            ],
            ["write-good", write_good or f"{not_installed('write-good')} to add the baseline"],
        ],
    )


def report_cold_start(c: dict) -> str:
    rows = []
    for name, label in (
        ("python -c pass", "cold start: python -c pass"),
        ("newslint", "cold start: newslint check --no-cache"),
        ("proselint", "cold start: proselint"),
        ("write-good", "cold start: write-good"),
    ):
        if name in c:
            e = c[name]
            rows.append(
                [
                    label,
                    secs(e["median_s"]),
                    secs(e["min_s"]),
                    secs(e["max_s"]),
                    ("ERROR " + e["error"].splitlines()[0]) if "error" in e else "",
                ]
            )
        else:
            rows.append([label, not_installed(name), "—", "—", ""])
    rows.append(["cold start ratio: newslint / python -c pass", fmt_ratio(c["ratio_newslint_to_python"]), "", "", ""])
    for key, tool in (("ratio_newslint_to_proselint", "proselint"), ("ratio_newslint_to_write_good", "write-good")):
        rows.append(
            [
                f"cold start ratio: newslint / {tool}",
                fmt_ratio(c[key]) if key in c else not_installed(tool),
                "",
                "",
                ">1 means newslint starts slower" if key in c else "",
            ]
        )
    return (
        f"## Cold start: one fresh process checking {c['file']}"
        f" (median of {c['repeat']}, after 1 untimed warm-up each)\n\n"
        + table(["row", "median s", "min s", "max s", "note"], rows)
    )


def report_throughput(tp: dict) -> str:
    jobs = tp["jobs"]
    rows = []
    for name, label in (
        ("newslint", "throughput: newslint -j 1 (one process)"),
        (PARALLEL, f"throughput: newslint -j {jobs} (worker processes)"),
        (CORE, f"throughput: newslint -j 1 without {LATER_PACKS}"),
        ("proselint", "throughput: proselint (one process)"),
        ("write-good", "throughput: write-good (one process)"),
        ("python read", "throughput: python reading the files"),
    ):
        if name not in tp:
            rows.append([label, not_installed(name), "—", "—", ""])
            continue
        e = tp[name]
        if name in ("newslint", PARALLEL, CORE):
            note = newslint_note(e)
        else:
            note = status_note(e) or e["command"]
            if e.get("files_checked") is not None:
                note += f"; {e['files_checked']} files, {e['findings']} findings"
        rows.append(
            [
                label,
                secs(e["median_s"]),
                num(e["words_per_s"]),
                f"{e['stories_per_s']:,.1f}" if e["stories_per_s"] else "—",
                note,
            ]
        )
    for name in ("newslint", "proselint", "write-good"):
        if name in tp and "excluding_start_s" in tp[name]:
            e = tp[name]
            rows.append(
                [
                    f"throughput: {name} less its cold start (derived)",
                    secs(e["excluding_start_s"]),
                    num(e["words_per_s_excluding_start"]),
                    f"{tp['stories'] / e['excluding_start_s']:,.1f}" if e["excluding_start_s"] > 0 else "—",
                    "batch median − cold-start median"
                    + (
                        " (noisy: the batch is barely longer than start-up)"
                        if e["excluding_start_s"] < tp[name]["median_s"] / 2
                        else ""
                    ),
                ]
            )
    rows.append(
        [
            f"speedup: newslint -j {jobs} / -j 1",
            fmt_ratio(tp["speedup_jN_over_j1"]),
            "",
            "",
            "time of -j 1 ÷ time of -j N, same rounds",
        ]
    )
    rows.append(
        [
            f"output -j {jobs} identical to -j 1",
            "identical: " + ("yes" if tp["parallel_output_identical"] else "no"),
            "",
            "",
            "JSON reports compared byte for byte, every round",
        ]
    )
    if "ratio_newslint_to_core_seconds" in tp:
        rows.append(
            [
                f"time ratio: newslint / newslint without {LATER_PACKS}",
                fmt_ratio(tp["ratio_newslint_to_core_seconds"]),
                "",
                "",
                f"the cost of the {LATER_PACKS} packs",
            ]
        )
    for key, tool in (
        ("ratio_newslint_to_proselint_words_per_s", "proselint"),
        ("ratio_newslint_to_write_good_words_per_s", "write-good"),
    ):
        rows.append(
            [
                f"throughput ratio: newslint -j 1 / {tool}, words/s",
                fmt_ratio(tp[key]) if key in tp else not_installed(tool),
                "",
                "",
                ">1 means newslint is faster" if key in tp else "",
            ]
        )
    if "ratio_newslint_to_proselint_excluding_start" in tp:
        rows.append(
            [
                "throughput ratio: newslint -j 1 / proselint, less cold start",
                fmt_ratio(tp["ratio_newslint_to_proselint_excluding_start"]),
                "",
                "",
                "",
            ]
        )
    text = (
        f"## Throughput: first {tp['stories']:,} Reuters stories, {tp['words']:,} words"
        f" (`\\w+`), {tp['bytes']:,} bytes, one .txt file each (median of {tp['repeat']})\n\n"
        + table(["row", "wall s", "words/s", "stories/s", "note"], rows)
    )
    if tp["blank_skipped"]:
        text += f"\n\n({tp['blank_skipped']} records with blank text were passed over.)"
    return text


def report_cache(ca: dict) -> str:
    rows = [
        [
            "cache: first run (empty cache)",
            secs(ca["first"]["median_s"]),
            secs(ca["first"]["min_s"]),
            secs(ca["first"]["max_s"]),
            status_note(ca["first"]) or f"cache files written: {ca['cache_files_after_first']}",
        ],
        [
            "cache: second run (warm cache)",
            secs(ca["second"]["median_s"]),
            secs(ca["second"]["min_s"]),
            secs(ca["second"]["max_s"]),
            newslint_note(ca["second"]),
        ],
        [
            "cache ratio: first / second",
            fmt_ratio(ca["ratio_first_to_second"]),
            "",
            "",
            ">1 means the warm run is faster",
        ],
        [
            "cache: second report identical to first",
            "identical: " + ("yes" if ca["second_output_identical"] else "no"),
            "",
            "",
            "",
        ],
        [
            "cache: cached report identical to --no-cache",
            "identical: " + ("yes" if ca["cached_output_identical_to_no_cache"] else "no"),
            "",
            "",
            "against the throughput section's -j 1 report",
        ],
    ]
    new = ca.get("one_new_story")
    if new:
        for key, label in (
            ("with_cache", "cache: one new story, against the warm cache"),
            ("without", "cache: one new story, --no-cache"),
        ):
            entry = new[key]
            rows.append(
                [
                    label,
                    secs(entry["median_s"]),
                    secs(entry["min_s"]),
                    secs(entry["max_s"]),
                    status_note(entry) or entry["command"],
                ]
            )
        rows.append(
            [
                "cache: one new story, with / without the cache",
                fmt_ratio(new["ratio"]),
                "",
                "",
                "what a pre-commit hook pays for the cache: ≈1 means nothing",
            ]
        )
    return (
        f"## Result cache: the throughput folder ({ca['stories']:,} stories), -j 1, a new "
        f"empty --cache-dir per repeat (median of {ca['repeat']})\n\n"
        + table(["row", "median s", "min s", "max s", "note"], rows)
    )


def report_linearity(lin: dict) -> str:
    rows = []
    for key in ("N", "2N"):
        e = lin[key]
        rows.append(
            [
                f"linearity: first {e['stories']:,} stories ({e['words']:,} words)",
                secs(e["median_s"]),
                secs(e["min_s"]),
                secs(e["max_s"]),
                newslint_note(e),
            ]
        )
    rows.append(
        [
            "linearity: time ratio 2N / N",
            fmt_ratio(lin["time_ratio"]),
            "",
            "",
            f"words ratio {lin['words_ratio']:.2f}; linear ⇒ ≈ words ratio",
        ]
    )
    rows.append(
        [
            "linearity: time ratio less cold start (derived)",
            fmt_ratio(lin.get("time_ratio_excluding_start")),
            "",
            "",
            "each median − newslint's cold-start median",
        ]
    )
    return f"## Linearity: -j 1 --no-cache on N and 2N stories (median of {lin['repeat']})\n\n" + table(
        ["row", "median s", "min s", "max s", "note"], rows
    )


def report_big_file(big: dict) -> str:
    rows = []
    for key in ("1x", "2x"):
        e = big[key]
        rows.append(
            [
                f"one file: {e['bytes'] / 1_000_000:.2f} MB",
                secs(e["median_s"]),
                f"{e['s_per_mb']:.2f}",
                newslint_note(e),
            ]
        )
    rows.append(
        [
            "one file: time ratio 2× / 1× size",
            fmt_ratio(big["time_ratio"]),
            "",
            f"bytes ratio {big['bytes_ratio']:.2f}; linear ⇒ ≈2, quadratic ⇒ ≈4",
        ]
    )
    return (
        f"## One long article: stories joined by blank lines into one .txt, -j 1 --no-cache"
        f" (median of up to {big['repeat']}, timeout {big['timeout_s']:.0f} s a run)\n\n"
        + table(["row", "median s", "s per MB", "note"], rows)
    )


def report_memory(mem: dict) -> str:
    rows = []
    for key, label in (("j1", "peak memory: newslint -j 1"), ("jN", f"peak memory: newslint -j {mem['jobs']}")):
        e = mem[key]
        note = newslint_note(e)
        if key == "jN":
            note = "largest single process (main or one worker), not the sum; " + note
        rows.append([label, f"{e['peak_mb']:.1f}" if "peak_mb" in e else "—", secs(e["seconds"]), note])
    return (
        f"## Peak memory: {mem['stories']:,} Reuters stories ({mem['words']:,} words) in one "
        f"run each (ru_maxrss of the children; target < 200 MB)\n\n" + table(["row", "peak MB", "wall s", "note"], rows)
    )


def targets(results: dict) -> list[list[str]]:
    """Issue 8's targets next to the figures measured in this run: met / NOT met / not measured.
    Each figure is judged as measured; the note says when the run's conditions differ from the
    target's (story count, cores)."""
    rows: list[list[str]] = []
    cold, tp = results["cold_start"], results.get("throughput")
    ca, lin, big, mem = (results.get(k) for k in ("cache", "linearity", "big_file", "memory"))

    def add(target: str, value: float | None, shown: str, met: bool | None, note: str = "") -> None:
        verdict = "not measured" if value is None else ("met" if met else "NOT met")
        rows.append([target, shown if value is not None else "—", verdict, note])

    r = cold.get("ratio_newslint_to_proselint")
    add(
        "cold start ≤ 1.5× proselint",
        r,
        fmt_ratio(r),
        r is not None and r <= 1.5,
        "" if r is not None else "proselint not installed",
    )
    r = tp.get("ratio_newslint_to_proselint_words_per_s") if tp else None
    add(
        "throughput -j 1 ≥ 2× proselint words/s",
        r,
        fmt_ratio(r),
        r is not None and r >= 2,
        f"on {tp['stories']:,} stories" + ("" if tp["stories"] == 1000 else " (the target is for 1,000)") if tp else "",
    )
    r = tp["speedup_jN_over_j1"] if tp else None
    add(
        "-j N ≥ 1.7× -j 1 (2 cores)",
        r,
        fmt_ratio(r),
        r is not None and r >= 1.7,
        f"N = {tp['jobs']}, {tp['stories']:,} stories" if tp else "",
    )
    same = tp["parallel_output_identical"] if tp else None
    add(
        "-j N output order deterministic",
        same,
        "identical: yes" if same else "identical: no",
        bool(same),
        "JSON byte for byte vs -j 1",
    )
    if mem:
        peak = max((mem[k].get("peak_mb") for k in ("j1", "jN") if "peak_mb" in mem[k]), default=None)
        add(
            "peak memory < 200 MB on all 19,000 stories",
            peak,
            f"{peak:.1f} MB" if peak is not None else "",
            peak is not None and peak < 200,
            f"max of -j 1 and -j {mem['jobs']} (one process) on {mem['stories']:,} stories",
        )
        if not mem["all_stories"]:  # a subset says nothing about the whole file
            rows[-1][2] = "not judged"
            rows[-1][3] += " — a subset (--memory-stories), not the whole file"
    else:
        add("peak memory < 200 MB on all 19,000 stories", None, "", None, "skipped")
    r = lin["time_ratio"] if lin else None
    add(
        "double the corpus, double the time (±15%)",
        r,
        fmt_ratio(r),
        r is not None and 1.7 <= r <= 2.3,
        (
            f"{lin['N']['stories']:,} → {lin['2N']['stories']:,} stories; less cold start "
            f"{fmt_ratio(lin.get('time_ratio_excluding_start'))}"
        )
        if lin
        else "",
    )
    r = big["time_ratio"] if big and "timeout" not in big["2x"] else None
    add(
        "no rule quadratic: 2× one file ⇒ 2× time (±15%)",
        r,
        fmt_ratio(r),
        r is not None and r <= 2.3,
        (
            f"{big['1x']['bytes'] / 1e6:.2f} → {big['2x']['bytes'] / 1e6:.2f} MB"
            + ("; TIMED OUT" if "timeout" in big["2x"] or "timeout" in big["1x"] else "")
        )
        if big
        else "skipped",
    )
    r = ca["ratio_first_to_second"] if ca else None
    add(
        "cache: warm run ≥ 10× faster than first",
        r,
        fmt_ratio(r),
        r is not None and r >= 10,
        f"{ca['stories']:,} stories, -j 1" if ca else "",
    )
    return rows


def report(results: dict, proselint: dict | None, write_good: str | None) -> str:
    out = [report_machine(results, proselint, write_good), report_cold_start(results["cold_start"])]
    if results.get("throughput") is None:
        out.append(f"## Throughput\n\nthroughput: skipped — {results['throughput_skipped']}")
    else:
        out.append(report_throughput(results["throughput"]))
    for key, section in (
        ("cache", report_cache),
        ("linearity", report_linearity),
        ("big_file", report_big_file),
        ("memory", report_memory),
    ):
        if results.get(key):
            out.append(section(results[key]))
    out.append(
        "## Issue 8 targets (figures from this run)\n\n"
        + table(["target", "measured", "verdict", "note"], targets(results))
    )
    if not proselint:
        out.append(
            f"proselint is not installed, so its baseline columns are empty: "
            f"`{INSTALL_PROSELINT}` (a benchmark baseline only, not a newslint dependency)."
        )
    if not write_good:
        out.append(
            f"write-good is not installed, so its rows are empty: `{INSTALL_WRITE_GOOD}` "
            "(needs Node.js; a baseline only)."
        )
    out.append("Times are wall clock on this machine; compare ratios, not seconds, across machines.")
    return "\n\n".join(out)


# --------------------------------------------------------------------------- main


def newslint_failed(results: dict) -> bool:
    """Whether any newslint run crashed (a timeout is a result, not a crash)."""
    entries = [results["cold_start"]["newslint"]]
    tp = results.get("throughput")
    if tp:
        entries += [tp[k] for k in ("newslint", PARALLEL, CORE)]
    for key, parts in (
        ("cache", ("first", "second")),
        ("linearity", ("N", "2N")),
        ("big_file", ("1x", "2x")),
        ("memory", ("j1", "jN")),
    ):
        if results.get(key):
            entries += [results[key][part] for part in parts]
    return any("error" in entry for entry in entries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--eval-dir",
        type=Path,
        default=DEFAULT_EVAL_DIR,
        help="folder holding news/reuters.jsonl (default: ../shared/eval beside "
        "the checkout); every section but cold start is skipped without it",
    )
    parser.add_argument(
        "--stories", type=int, default=1000, help="Reuters stories for throughput, -j, cache and linearity (N and 2N)"
    )
    parser.add_argument(
        "--memory-stories",
        type=int,
        default=-1,
        metavar="N",
        help="stories for the peak-memory runs (default: all; 0 skips them)",
    )
    parser.add_argument(
        "--big-file-mb",
        type=float,
        default=1.0,
        metavar="MB",
        help="size of the single long article, timed with one twice as long (default 1; 0 skips)",
    )
    parser.add_argument(
        "--big-file-repeat",
        type=int,
        default=1,
        metavar="N",
        help="timed runs of each long article (default 1: on this machine one "
        "run of the 1 MB article takes minutes, so noise is small)",
    )
    parser.add_argument(
        "--big-file-timeout",
        type=float,
        default=900,
        metavar="S",
        help="give up on a long-article run after this many seconds (default 900)",
    )
    parser.add_argument(
        "--jobs", type=int, default=usable_cores(), metavar="N", help="N for the -j N rows (default: the usable cores)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measurement")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results here")
    args = parser.parse_args(argv)
    if min(args.repeat, args.stories, args.jobs, args.big_file_repeat) < 1:
        parser.error("--repeat, --stories, --jobs and --big-file-repeat must be at least 1")

    if importlib.util.find_spec("newslint") is None:
        print(
            f"newslint is not importable from {sys.executable}; install it first "
            "(pip install -e .) or run with the virtualenv's python.",
            file=sys.stderr,
        )
        return 2

    results: dict = {"machine": machine_details()}
    results["machine"]["newslint_bytecode"] = compile_bytecode()
    print("Looking for proselint and write-good ...", file=sys.stderr)
    proselint = find_proselint(EXAMPLE)
    results["proselint"] = (
        ({k: proselint[k] for k in ("version", "style", "display")} | {"command": " ".join(proselint["cmd"])})
        if proselint
        else None
    )
    write_good = shutil.which("write-good")
    results["write_good"] = write_good

    print(f"Cold start, {args.repeat} rounds ...", file=sys.stderr)
    results["cold_start"] = cold_start(EXAMPLE, args.repeat, proselint, write_good)

    reuters = args.eval_dir / REUTERS
    if reuters.is_file():
        with tempfile.TemporaryDirectory(prefix="newslint-bench-") as tmp:
            work = Path(tmp)
            print(
                f"Throughput over {args.stories} stories (-j 1 and -j {args.jobs}), {args.repeat} rounds ...",
                file=sys.stderr,
            )
            tp = results["throughput"] = throughput(
                reuters, args.stories, args.repeat, proselint, write_good, args.jobs, work
            )
            print("Result cache ...", file=sys.stderr)
            results["cache"] = cache(Path(tp["folder"]), tp["stories"], args.repeat, work)
            print(f"Linearity over {args.stories} and {2 * args.stories} stories ...", file=sys.stderr)
            results["linearity"] = linearity(reuters, args.stories, args.repeat, work)
            if args.big_file_mb > 0:
                print(f"One {args.big_file_mb:g} MB article and one twice as long ...", file=sys.stderr)
                results["big_file"] = big_file(
                    reuters, args.big_file_mb, args.big_file_repeat, work, args.big_file_timeout
                )
            if args.memory_stories != 0:
                print(
                    "Peak memory over "
                    + ("all" if args.memory_stories < 0 else str(args.memory_stories))
                    + " stories ...",
                    file=sys.stderr,
                )
                results["memory"] = peak_memory(reuters, args.memory_stories, args.jobs, work)
    else:
        results["throughput"] = None
        results["throughput_skipped"] = (
            f"{reuters} not found (the eval data is not part of the "
            "repo; pass --eval-dir DIR holding news/reuters.jsonl)"
        )
    add_derived(results)
    results["machine"]["load_average_at_end"] = load_average()

    print(report(results, proselint, write_good))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"\nJSON results written to {args.json}")

    if newslint_failed(results):
        print("\nnewslint itself failed (see ERROR rows above); its timings are not meaningful.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
