#!/usr/bin/env python3
"""Benchmark newslint: cold start and throughput, against baselines measured in the same run.

    python bench/run.py [--eval-dir ../shared/eval] [--stories 1000] [--repeat 5] [--json FILE]

Every figure is a wall-clock time of a real process on this machine, so absolute numbers only
mean something next to the baselines timed in the same run: `python -c pass` (the floor for any
Python CLI) and proselint (another prose linter), when it is installed. Nothing here asserts a
time; the script reports and exits 0 (1 only when newslint itself fails, 2 on bad arguments).

Standard library only. See docs/performance.md for what each row means.
"""

from __future__ import annotations

import argparse
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
# Packs whose cost the throughput section reports separately (issue 5: under 30%).
LATER_PACKS = "readability,repetition"
CORE = "newslint-core"


# --------------------------------------------------------------------------- running commands

class Run:
    """One timed process."""

    def __init__(self, seconds: float, returncode: int, stderr: str):
        self.seconds = seconds
        self.returncode = returncode
        self.stderr = stderr


def run_timed(cmd: list[str], *, stdout_path: Path | None = None) -> Run:
    """Run `cmd` once and return its wall time. Output goes to a file (or is discarded), never
    to a pipe this process must drain, so the linters are timed writing as they would to disk."""
    with open(stdout_path or os.devnull, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.PIPE,
                              cwd=REPO_ROOT, check=False)
        seconds = time.perf_counter() - start
    return Run(seconds, proc.returncode, proc.stderr.decode("utf-8", "replace"))


def summarise(times: list[float]) -> dict:
    return {"median_s": statistics.median(times), "min_s": min(times), "max_s": max(times),
            "runs_s": times}


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
            helptext = subprocess.run(base + ["--help"], capture_output=True, text=True,
                                      stdin=subprocess.DEVNULL, cwd=REPO_ROOT, timeout=60).stdout
        except (OSError, subprocess.TimeoutExpired):
            continue
        has_check = re.search(r"^\s+check\s", helptext, re.MULTILINE) is not None
        styles = [("check", base + ["check"]), ("plain", base)] if has_check else \
                 [("plain", base), ("check", base + ["check"])]
        for style, prefix in styles:
            probe = run_timed(prefix + [str(example)])
            # 0 = clean, 1 = findings, in every proselint release.
            if probe.returncode in (0, 1) and "Traceback" not in probe.stderr:
                return {"cmd": prefix, "style": style, "version": proselint_version(base),
                        "display": ("python -m proselint" if "-m" in base else "proselint")
                                   + (" check" if style == "check" else "")}
    return None


def proselint_version(base: list[str]) -> str:
    if "-m" in base:
        try:
            return importlib.metadata.version("proselint")
        except importlib.metadata.PackageNotFoundError:
            pass
    for args in (["version"], ["--version"]):
        try:
            out = subprocess.run(base + args, capture_output=True, text=True, timeout=60,
                                 stdin=subprocess.DEVNULL).stdout
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
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, cwd=REPO_ROOT, timeout=30)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src", "rules"],
                               capture_output=True, text=True, cwd=REPO_ROOT, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if commit.returncode != 0:
        return None
    return commit.stdout.strip() + (" + uncommitted changes in src/ or rules/"
                                    if dirty.stdout.strip() else "")


def cold_start(example: Path, repeat: int, proselint: dict | None) -> dict:
    """Each command once untimed (warms the OS page cache and .pyc files), then `repeat` timed
    rounds, interleaved so slow drift on the machine hits every command alike."""
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        # --no-cache on every timed newslint run: newslint keeps an on-disk result cache, and
        # without it every round after the first would time a cache lookup, not a check.
        "newslint": [sys.executable, "-m", "newslint", "check", "--no-cache", str(example)],
    }
    if proselint:
        commands["proselint"] = proselint["cmd"] + [str(example)]
    times: dict[str, list[float]] = {name: [] for name in commands}
    errors: dict[str, str] = {}
    for round_ in range(repeat + 1):
        for name, cmd in commands.items():
            run = run_timed(cmd)
            ok = run.returncode == 0 if name == "python -c pass" else run.returncode in (0, 1)
            if not ok:
                errors[name] = f"exit {run.returncode}: {tail(run.stderr)}"
            if round_ > 0:
                times[name].append(run.seconds)
    result: dict = {"file": os.path.relpath(example, REPO_ROOT), "repeat": repeat,
                    "commands": {name: " ".join(cmd) for name, cmd in commands.items()}}
    for name, ts in times.items():
        result[name] = summarise(ts)
        if name in errors:
            result[name]["error"] = errors[name]
    news = result["newslint"]["median_s"]
    result["ratio_newslint_to_python"] = news / result["python -c pass"]["median_s"]
    if proselint:
        result["ratio_newslint_to_proselint"] = news / result["proselint"]["median_s"]
    return result


def load_stories(path: Path, limit: int) -> tuple[list[dict], int]:
    """The first `limit` records whose text is not blank, and how many blank ones were passed."""
    stories, blank = [], 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            if not str(record.get("text") or "").strip():
                blank += 1
                continue
            stories.append(record)
            if len(stories) >= limit:
                break
    return stories, blank


def write_stories(stories: list[dict], folder: Path) -> list[Path]:
    paths = []
    for index, story in enumerate(stories):
        name = re.sub(r"[^\w.-]", "_", str(story.get("id", index)))
        path = folder / f"{index:05d}-{name}.txt"
        path.write_text(story["text"], encoding="utf-8")
        paths.append(path)
    return paths


def read_all(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            total += len(handle.read())
    return total


def throughput(reuters: Path, limit: int, repeat: int, proselint: dict | None,
               work: Path) -> dict:
    stories, blank = load_stories(reuters, limit)
    words = sum(len(WORD.findall(story["text"])) for story in stories)
    folder = work / "stories"
    folder.mkdir()
    paths = write_stories(stories, folder)
    result: dict = {"source": str(reuters), "stories": len(stories), "words": words,
                    "bytes": sum(p.stat().st_size for p in paths), "blank_skipped": blank,
                    "repeat": repeat}

    def rates(entry: dict, seconds: float) -> None:
        entry["words_per_s"] = words / seconds if seconds > 0 else None
        entry["stories_per_s"] = len(stories) / seconds if seconds > 0 else None

    # One process each over all the files, newslint and proselint taking turns round by round
    # so that other load on the machine falls on both alike.
    # -j 1: newslint now defaults to a worker per core; "one process" must say so explicitly.
    commands = {"newslint": ([sys.executable, "-m", "newslint", "check", "--no-cache", "-j", "1",
                              "--format", "json", str(folder)],
                             "python -m newslint check --no-cache -j 1 --format json <folder>"),
                # The same without the readability and repetition packs, for their cost.
                CORE: ([sys.executable, "-m", "newslint", "check", "--no-cache", "-j", "1",
                        "--format", "json", "--ignore", LATER_PACKS, str(folder)],
                       f"python -m newslint check --no-cache -j 1 --format json --ignore "
                       f"{LATER_PACKS} <folder>")}
    if proselint:
        if proselint["style"] == "check":
            # `proselint check` walks folders itself (.txt is among its accepted suffixes).
            commands["proselint"] = (proselint["cmd"] + ["--output-format", "json", str(folder)],
                                     f"{proselint['display']} --output-format json <folder>")
        else:
            # Older releases take file paths; list them all for one process.
            commands["proselint"] = (proselint["cmd"] + [str(p) for p in paths],
                                     f"{proselint['display']} <{len(paths)} files>")
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    outputs = {name: work / f"{name}.out" for name in commands}
    for _ in range(repeat):
        for name, (cmd, _shown) in commands.items():
            runs[name].append(run_timed(cmd, stdout_path=outputs[name]))

    for name, (_cmd, shown) in commands.items():
        entry = summarise([r.seconds for r in runs[name]])
        entry["command"] = shown
        bad = [r for r in runs[name] if r.returncode not in (0, 1)]
        if bad:
            entry["error"] = f"exit {bad[0].returncode}: {tail(bad[0].stderr)}"
        elif name in ("newslint", CORE):
            try:
                summary = json.loads(outputs[name].read_text(encoding="utf-8"))["summary"]
                entry["files_checked"] = summary.get("files")
                entry["files_with_errors"] = summary.get("files_with_errors")
                entry["findings"] = summary.get("findings")
            except (ValueError, KeyError, TypeError) as exc:
                entry["error"] = f"could not read newslint's JSON output: {exc}"
        elif proselint and proselint["style"] == "check":
            try:  # {"result": {"file:///...": {"diagnostics": [...]}}}, one key per file
                files = json.loads(outputs[name].read_text(encoding="utf-8"))["result"]
                entry["files_checked"] = len(files)
                entry["findings"] = sum(len(f.get("diagnostics") or []) for f in files.values())
            except (ValueError, KeyError, TypeError, AttributeError):
                pass  # a format change in proselint's JSON is not worth failing the run over
        rates(entry, entry["median_s"])
        result[name] = entry

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


def add_derived(results: dict) -> None:
    """Ratios, and batch time less the same tool's cold start: an estimate of the per-word
    cost once start-up is paid, since one process per article is how editors often run it."""
    tp, cold = results.get("throughput"), results["cold_start"]
    if not tp:
        return
    for tool in ("newslint", "proselint"):
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
                n["words_per_s_excluding_start"] / p["words_per_s_excluding_start"])


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


def report(results: dict, proselint: dict | None) -> str:
    out: list[str] = []
    m = results["machine"]
    out.append("## Machine\n")
    cpus = str(m["cpu_count"]) + (f" ({m['cpus_usable']} usable)" if m["cpus_usable"]
                                  and m["cpus_usable"] != m["cpu_count"] else "")
    out.append(table(["item", "value"], [
        ["CPUs", cpus],
        ["Python", f"{m['python']} ({m['python_executable']})"],
        ["platform", m["platform"]],
        ["load average (1/5/15 min)", f"{fmt_load(m['load_average_at_start'])} at start, "
                                      f"{fmt_load(m['load_average_at_end'])} at end"],
        ["newslint", m["newslint"] + (f" (checkout {m['newslint_source']})"
                                      if m["newslint_source"] else "")],
        ["proselint", (proselint["version"] + f" (`{proselint['display']}`)") if proselint
         else f"not installed (`{INSTALL_PROSELINT}` to add the baseline)"],
    ]))

    c = results["cold_start"]
    out.append(f"\n## Cold start: one fresh process checking {c['file']}"
               f" (median of {c['repeat']}, after 1 untimed warm-up each)\n")
    rows = []
    for name, label in (("python -c pass", "cold start: python -c pass"),
                        ("newslint", "cold start: newslint check"),
                        ("proselint", "cold start: proselint")):
        if name in c:
            e = c[name]
            rows.append([label, secs(e["median_s"]), secs(e["min_s"]), secs(e["max_s"]),
                         ("ERROR " + e["error"].splitlines()[0]) if "error" in e else ""])
        else:
            rows.append([label, "not installed", "—", "—", f"`{INSTALL_PROSELINT}`"])
    rows.append(["cold start ratio: newslint / python -c pass",
                 fmt_ratio(c["ratio_newslint_to_python"]), "", "", ""])
    rows.append(["cold start ratio: newslint / proselint",
                 fmt_ratio(c.get("ratio_newslint_to_proselint")) if proselint else "not installed",
                 "", "", ""])
    out.append(table(["row", "median s", "min s", "max s", "note"], rows))

    tp = results.get("throughput")
    if tp is None:
        out.append(f"\n## Throughput\n\nthroughput: skipped — {results['throughput_skipped']}")
    else:
        out.append(f"\n## Throughput: first {tp['stories']:,} Reuters stories, {tp['words']:,} words"
                   f" (`\\w+`), {tp['bytes']:,} bytes, one .txt file each (median of {tp['repeat']})\n")
        rows = []
        for name, label in (("newslint", "throughput: newslint (one process)"),
                            (CORE, f"throughput: newslint without {LATER_PACKS}"),
                            ("proselint", "throughput: proselint (one process)"),
                            ("python read", "throughput: python reading the files")):
            if name not in tp:
                rows.append([label, "not installed", "—", "—", f"`{INSTALL_PROSELINT}`"])
                continue
            e = tp[name]
            note = e["command"]
            if "error" in e:
                note = "ERROR " + e["error"].splitlines()[0]
            elif name in ("newslint", CORE) and e.get("files_checked") is not None:
                note += (f"; {e['files_checked']} files, {e['findings']} findings"
                         f", {e['files_with_errors']} unreadable")
            elif name == "proselint" and e.get("files_checked") is not None:
                note += f"; {e['files_checked']} files, {e['findings']} findings"
            rows.append([label, secs(e["median_s"]), num(e["words_per_s"]),
                         f"{e['stories_per_s']:,.1f}" if e["stories_per_s"] else "—", note])
        for name in ("newslint", "proselint"):
            if name in tp and "excluding_start_s" in tp[name]:
                e = tp[name]
                rows.append([f"throughput: {name} less its cold start (derived)",
                             secs(e["excluding_start_s"]), num(e["words_per_s_excluding_start"]),
                             f"{tp['stories'] / e['excluding_start_s']:,.1f}"
                             if e["excluding_start_s"] > 0 else "—",
                             "batch median − cold-start median"
                             + (" (noisy: the batch is barely longer than start-up)"
                                if e["excluding_start_s"] < tp[name]["median_s"] / 2 else "")])
        if "ratio_newslint_to_core_seconds" in tp:
            rows.append([f"time ratio: newslint / newslint without {LATER_PACKS}",
                         fmt_ratio(tp["ratio_newslint_to_core_seconds"]), "", "",
                         f"the cost of the {LATER_PACKS} packs"])
        rows.append(["throughput ratio: newslint / proselint, words/s",
                     fmt_ratio(tp.get("ratio_newslint_to_proselint_words_per_s")) if "proselint" in tp
                     else "not installed", "", "", ">1 means newslint is faster"])
        if "ratio_newslint_to_proselint_excluding_start" in tp:
            rows.append(["throughput ratio: newslint / proselint, less cold start",
                         fmt_ratio(tp["ratio_newslint_to_proselint_excluding_start"]), "", "", ""])
        out.append(table(["row", "wall s", "words/s", "stories/s", "note"], rows))
        if tp["blank_skipped"]:
            out.append(f"\n({tp['blank_skipped']} records with blank text were passed over.)")
    if not proselint:
        out.append(f"\nproselint is not installed, so its baseline columns are empty: "
                   f"`{INSTALL_PROSELINT}` (a benchmark baseline only, not a newslint dependency).")
    out.append("\nTimes are wall clock on this machine; compare ratios, not seconds, across machines.")
    return "\n".join(out)


# --------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR,
                        help="folder holding news/reuters.jsonl (default: ../shared/eval beside "
                             "the checkout); the throughput section is skipped if it is absent")
    parser.add_argument("--stories", type=int, default=1000, help="Reuters stories to check")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measurement")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results here")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.stories < 1:
        parser.error("--repeat and --stories must be at least 1")

    if importlib.util.find_spec("newslint") is None:
        print(f"newslint is not importable from {sys.executable}; install it first "
              "(pip install -e .) or run with the virtualenv's python.", file=sys.stderr)
        return 2

    results: dict = {"machine": machine_details()}
    print("Looking for proselint ...", file=sys.stderr)
    proselint = find_proselint(EXAMPLE)
    results["proselint"] = ({k: proselint[k] for k in ("version", "style", "display")}
                            | {"command": " ".join(proselint["cmd"])}) if proselint else None

    print(f"Cold start, {args.repeat} rounds ...", file=sys.stderr)
    results["cold_start"] = cold_start(EXAMPLE, args.repeat, proselint)

    reuters = args.eval_dir / REUTERS
    if reuters.is_file():
        print(f"Throughput over {args.stories} stories, {args.repeat} rounds ...", file=sys.stderr)
        with tempfile.TemporaryDirectory(prefix="newslint-bench-") as work:
            results["throughput"] = throughput(reuters, args.stories, args.repeat, proselint,
                                               Path(work))
    else:
        results["throughput"] = None
        results["throughput_skipped"] = (f"{reuters} not found (the eval data is not part of the "
                                         "repo; pass --eval-dir DIR holding news/reuters.jsonl)")
    add_derived(results)
    results["machine"]["load_average_at_end"] = load_average()

    print(report(results, proselint))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"\nJSON results written to {args.json}")

    failed = "error" in results["cold_start"]["newslint"] or (
        results["throughput"] and "error" in results["throughput"]["newslint"])
    if failed:
        print("\nnewslint itself failed (see ERROR rows above); its timings are not meaningful.",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
