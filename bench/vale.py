#!/usr/bin/env python3
"""Benchmark Vale styles against newslint's own lexicon rules, per word (issue 23).

    python bench/vale.py [--eval-dir ../shared/eval] [--stories 1000] [--repeat 5]
                         [--styles ../shared/vale/testdata/styles] [--processes]
                         [--profile NAME] [--json FILE]

Issue 23's target: "a Vale style runs at least as fast per word as newslint's own lexicon
rules". On the same stories (the first 1,000 Reuters stories, as bench/run.py takes them,
or the examples/ folder when the evaluation data is absent) this times, in one process:

- the baseline: newslint's lexicon rules (every rule of kind `lexicon`: the same word-list
  work a Vale `existence` or `substitution` rule does) from text to findings, as
  `newslint check --select <those rules>` runs them: the story's analysis (paragraphs,
  sentences, quotations, attribution: what the rules read), then the rules. Beside it,
  for the record, the rules alone on stories analysed beforehand;
- each Vale style from text to alerts, its own parse included (`ValeRun.matches`, what
  `newslint check --format vale-line` does per file): the published packages proselint,
  write-good and Joblint, read from Vale's test data (never copied), and `newslint-lexicon`,
  a Vale style generated into a temporary folder with the lexicon rules' word lists
  (one `existence` rule per list, `substitution` for terms with a suggestion).

Rounds are interleaved (one untimed warm-up round first), so drift on a shared machine
falls on every contender alike; each row is the median round's CPU time, in microseconds
per word, and its ratio to the baseline measured in the same run. Target met: ratio <= 1.

`--processes` adds whole runs, `newslint check --no-cache -j 1` over the stories written
to a folder: the lexicon rules (`--select`) against each style (`--vale-config`,
`--format vale-line`), start-up and reading included. `--profile NAME` prints the
cProfile of one contender's round. Nothing here asserts a time; the script reports and
exits 0 (2 on bad arguments, 1 when a contender fails). See docs/vale.md, "Speed".
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import DEFAULT_EVAL_DIR, REPO_ROOT, REUTERS, count_words, load_stories, run_timed, write_stories

DEFAULT_STYLES = REPO_ROOT.parent / "shared" / "vale" / "testdata" / "styles"
EXAMPLES = REPO_ROOT / "examples"
PACKAGES = ("proselint", "write-good", "Joblint")
GENERATED = "newslint-lexicon"
BASELINE = "newslint lexicon rules"
RULES_ALONE = "newslint rules alone"


# --------------------------------------------------------------------------- stories


def stories_from(eval_dir: Path, limit: int) -> tuple[list[dict[str, Any]], str]:
    """The first `limit` Reuters stories, or the examples' stories when the data is absent."""
    reuters = eval_dir / REUTERS
    if reuters.is_file():
        stories, _ = load_stories(reuters, limit)
        return stories, f"{len(stories)} stories of {reuters}"
    paths = sorted(EXAMPLES.rglob("*.txt"))
    stories = [{"id": path.stem, "text": path.read_text(encoding="utf-8")} for path in paths]
    return stories, f"{len(stories)} stories of {EXAMPLES} (no {reuters})"


# --------------------------------------------------------------------------- the baseline


def lexicon_rules() -> list[Any]:
    """newslint's shipped rules of kind `lexicon`, as the default config loads them."""
    from newslint.linter import Linter

    linter = Linter()
    config = linter.config_for(str(REPO_ROOT / "story.txt"))
    profile = linter.profile_for(config, "story.txt")
    return [rule for rule in linter.rules_for(config, profile) if rule.kind == "lexicon"]


def newslint_contenders(stories: list[dict[str, Any]]) -> tuple[dict[str, Callable[[], int]], list[str]]:
    """The baseline, from text to findings as `newslint check --select <the lexicon rules>`
    runs them: the story's analysis (paragraphs, sentences, quotations, attribution: what
    the rules read) and the rules. Beside it, for the record, the rules alone on stories
    analysed beforehand. Each returns its number of findings."""
    from newslint.analysis import analyse
    from newslint.config import Config
    from newslint.findings import findings_for
    from newslint.options import selection_for

    rules = lexicon_rules()
    ids = [rule.id for rule in rules]
    config = Config()
    selection = selection_for(config, ids)
    texts = [(f"{i}.txt", story["text"]) for i, story in enumerate(stories)]
    documents = [(analyse(text, path, "text", ()), text) for path, text in texts]

    def text_to_findings() -> int:
        return sum(
            len(findings_for(analyse(text, path, "text", ()), text, "text", config, rules, selection))
            for path, text in texts
        )

    def rules_alone() -> int:
        return sum(len(findings_for(doc, text, "text", config, rules, selection)) for doc, text in documents)

    return {BASELINE: text_to_findings, RULES_ALONE: rules_alone}, ids


# --------------------------------------------------------------------------- the Vale styles


def write_lexicon_style(folder: Path, rules: list[Any]) -> None:
    """`newslint-lexicon`: the lexicon rules' word lists as a Vale style, in `folder`."""
    from newslint.checks.lexicon import inflections

    style = folder / GENERATED
    style.mkdir(parents=True)
    for rule in rules:
        options = rule.raw
        plain: list[str] = []
        swaps: dict[str, str] = {}
        for entry in options["terms"]:
            term, suggestion = (entry, None) if isinstance(entry, str) else (entry["term"], entry.get("suggestion"))
            for token in _tokens(term, bool(options.get("inflect", False)), inflections):
                if suggestion:
                    swaps[token] = suggestion
                else:
                    plain.append(token)
        name = rule.id.replace(".", "-")
        common = {"ignorecase": bool(options.get("ignore_case", True)), "level": "warning", "scope": "sentence"}
        if plain:
            existence = {"extends": "existence", "message": "'%s' (" + rule.id + ")", "tokens": plain, **common}
            (style / f"{name}.yml").write_text(json.dumps(existence, indent=1), encoding="utf-8")
        if swaps:
            substitution = {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "swap": swaps, **common}
            (style / f"{name}-swap.yml").write_text(json.dumps(substitution, indent=1), encoding="utf-8")


def _tokens(term: str, inflect: bool, inflections: Callable[[str], list[str]]) -> list[str]:
    """A term as Vale tokens: its words joined by white space, its first word inflected."""
    first, *rest = term.split()
    tail = "".join(r"\s+" + re.escape(word) for word in rest)
    return [re.escape(form) + tail for form in (inflections(first) if inflect else [first])]


def write_ini(folder: Path, styles_path: Path, style: str) -> Path:
    """A `.vale.ini` running one style, every level shown, on the stories' plain text."""
    ini = folder / f"{style}.ini"
    ini.write_text(
        f"StylesPath = {styles_path}\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = {style}\n", encoding="utf-8"
    )
    return ini


def vale_contender(ini: Path, stories: list[dict[str, Any]], notes: list[str]) -> Callable[[], int]:
    """Runs one style over every story, text to alerts, and returns the number of alerts."""
    from newslint.vale.ini import read_config
    from newslint.vale.run import ValeRun

    vale = ValeRun(read_config(str(ini)), warn=notes.append)
    texts = [(f"{i}.txt", story["text"]) for i, story in enumerate(stories)]

    def run() -> int:
        return sum(len(vale.matches(path, text, "text")) for path, text in texts)

    return run


# --------------------------------------------------------------------------- timing


def interleaved(contenders: dict[str, Callable[[], int]], repeat: int) -> tuple[dict[str, list[float]], dict]:
    """One untimed warm-up round, then `repeat` timed rounds taking turns; the counts of
    findings each contender returned (the same every round, or the row says so)."""
    times: dict[str, list[float]] = {name: [] for name in contenders}
    counts: dict[str, set[int]] = {name: set() for name in contenders}
    for round_ in range(repeat + 1):
        for name, run in contenders.items():
            started = time.process_time()
            counts[name].add(run())
            if round_:
                times[name].append(time.process_time() - started)
    return times, {name: sorted(found) for name, found in counts.items()}


def processes(
    stories: list[dict[str, Any]], ids: list[str], inis: dict[str, Path], repeat: int, work: Path
) -> dict[str, list[float]]:
    """Whole `newslint check` runs over a folder of the stories, interleaved."""
    folder = work / "stories"
    write_stories(stories, folder)
    base = [sys.executable, "-m", "newslint", "check", "--no-cache", "-j", "1"]
    commands = {BASELINE: base + ["--select", ",".join(ids), str(folder)]}
    for name, ini in inis.items():
        commands[name] = base + ["--format", "vale-line", "--vale-config", str(ini), str(folder)]
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(repeat + 1):
        for name, command in commands.items():
            done = run_timed(command)
            if done.returncode not in (0, 1):
                raise SystemExit(f"bench/vale.py: {name} exited {done.returncode}: {done.stderr[-500:]}")
            if round_:
                times[name].append(done.seconds)
    return times


def report(title: str, times: dict[str, list[float]], words: int, counts: dict | None = None) -> dict[str, Any]:
    """One table: microseconds per word (median round) and the ratio to the baseline."""
    base = statistics.median(times[BASELINE])
    rows: dict[str, Any] = {}
    print(f"\n{title}")
    print(f"  {'contender':<24} {'µs/word':>9} {'ratio':>7}  target  {'findings':>9}")
    for name, runs in times.items():
        median = statistics.median(runs)
        ratio = median / base if base > 0 else float("nan")
        found = ", ".join(map(str, counts[name])) if counts else ""
        target = "" if name in (BASELINE, RULES_ALONE) else ("met" if ratio <= 1 else "NOT met")
        print(f"  {name:<24} {median / words * 1e6:>9.2f} {ratio:>7.2f}  {target:<7} {found:>9}")
        rows[name] = {"median_s": median, "runs_s": runs, "us_per_word": median / words * 1e6, "ratio": ratio}
        if counts:
            rows[name]["findings"] = counts[name]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--styles", type=Path, default=DEFAULT_STYLES, help="Vale's test styles folder")
    parser.add_argument("--processes", action="store_true", help="also time whole newslint check runs")
    parser.add_argument("--profile", metavar="NAME", help="print the cProfile of one contender's round")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.stories < 1:
        parser.error("--repeat and --stories must be at least 1")

    stories, source = stories_from(args.eval_dir, args.stories)
    words = count_words(stories)
    print(f"stories: {source}; {words:,} words")
    print(f"machine: {os.cpu_count()} cores, load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    results: dict[str, Any] = {"source": source, "words": words, "repeat": args.repeat}

    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        rules = lexicon_rules()
        generated = work / "styles"
        write_lexicon_style(generated, rules)
        inis = {GENERATED: write_ini(work, generated, GENERATED)}
        missing = [name for name in PACKAGES if not (args.styles / name).is_dir()]
        if missing:
            print(f"not found in {args.styles}: {', '.join(missing)} (their rows are left out)")
        inis.update({name: write_ini(work, args.styles, name) for name in PACKAGES if name not in missing})

        contenders, ids = newslint_contenders(stories)
        print(f"baseline: {len(ids)} lexicon rules ({', '.join(ids)}), text to findings")
        notes: list[str] = []
        contenders.update({name: vale_contender(ini, stories, notes) for name, ini in inis.items()})
        for note in sorted(set(notes)):
            print(f"  note: {note}")

        if args.profile:
            if args.profile not in contenders:
                parser.error(f"--profile: one of {', '.join(contenders)}")
            contenders[args.profile]()  # warm: compiled patterns, loaded styles
            profiler = cProfile.Profile()
            profiler.runcall(contenders[args.profile])
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)

        times, counts = interleaved(contenders, args.repeat)
        results["rules"] = report(
            f"rule time, CPU seconds of the median of {args.repeat} rounds (ratio: to the {BASELINE})",
            times,
            words,
            counts,
        )
        if args.processes:
            runs = processes(stories, ids, inis, args.repeat, work)
            results["processes"] = report(
                f"whole runs, newslint check --no-cache -j 1, wall time of the median of {args.repeat} rounds",
                runs,
                words,
            )

    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
