"""`python -m newslint.evaluation`: score newslint on the evaluation data.

    python -m newslint.evaluation [--data DIR] [--dataset conll|reuters|polnear|basil|babe|articles|all]
                                  [--limit N] [--jobs N] [--seed N] [--config PATH]
                                  [--articles FILE] [--write-docs docs/accuracy.md]

`--articles FILE` scores another file in the `articles/dev.yaml` format (the held-out
stories, say) instead of DIR/articles/dev.yaml.

Exit codes: 0 report produced (datasets whose files are missing are skipped, with a
line saying so); 2 usage error, invalid config or rules, or malformed data.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newslint import __version__
from newslint.errors import NewslintError
from newslint.evaluation import ADAPTERS
from newslint.evaluation.data import DEFAULT_DATA_DIR
from newslint.evaluation.linting import Runner, default_jobs
from newslint.evaluation.report import render_docs, render_text_report, render_text_targets

DEFAULT_SEED = 2010


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint eval",
        description="Measure newslint's detectors on public labelled data (read from --data, never copied).",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA_DIR,
        metavar="DIR",
        help=f"evaluation data folder (default: {DEFAULT_DATA_DIR}, relative to the current folder)",
    )
    parser.add_argument("--dataset", choices=[*ADAPTERS, "all"], default="all", help="which dataset (default: all)")
    parser.add_argument(
        "--limit",
        type=_positive,
        metavar="N",
        help="only N records of each dataset (sentences, stories or articles), spread evenly over the file",
    )
    parser.add_argument(
        "--jobs",
        type=_positive,
        default=default_jobs(),
        metavar="N",
        help="worker processes (default: %(default)s); results do not depend on it",
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="seed for the Reuters samples (default: %(default)s)"
    )
    parser.add_argument("--config", metavar="PATH", help="a newslint config to evaluate instead of the defaults")
    parser.add_argument(
        "--articles",
        type=Path,
        metavar="FILE",
        help="stories in the articles/dev.yaml format to score instead of DIR/articles/dev.yaml (a held-out split)",
    )
    parser.add_argument(
        "--write-docs", type=Path, metavar="PATH", help="also write the Markdown report (docs/accuracy.md)"
    )
    return parser


JUDGED_SAMPLE = "judged-sample.yaml"  # beside the accuracy page: docs/judged-sample.yaml


def _judged_section(path: Path) -> str:
    """The judged sample's per-rule table, from the verdicts committed beside the docs,
    so docs/accuracy.md carries it (issue 19); nothing when there are none."""
    from newslint.evaluation.judged import news_standings, read_sample, render_summary

    sample = read_sample(path)
    return render_summary(sample, news_standings()) if sample is not None else ""


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    began = time.perf_counter()
    try:
        runner = Runner(args.config)
    except NewslintError as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return 2
    keys = list(ADAPTERS) if args.dataset == "all" else [args.dataset]
    if not args.data.is_dir() and not (keys == ["articles"] and args.articles):
        print(f"data folder {args.data} not found: every dataset is skipped (give --data DIR)", flush=True)
    print(f"rules evaluated ({len(runner.rule_ids)}): {', '.join(runner.rule_ids)}\n", flush=True)

    reports = []
    for key in keys:
        try:
            extra = {"path": args.articles} if key == "articles" and args.articles else {}
            report = ADAPTERS[key].evaluate(
                args.data, runner, limit=args.limit, jobs=args.jobs, seed=args.seed, **extra
            )
        except (ValueError, KeyError) as exc:
            print(f"newslint: error: {key}: malformed data: {exc!r}", file=sys.stderr)
            return 2
        reports.append(report)
        print(render_text_report(report), flush=True)
    targets = render_text_targets(reports)
    if targets:
        print(targets, flush=True)
    print(f"total time: {time.perf_counter() - began:.1f} s ({args.jobs} job{'s' if args.jobs > 1 else ''})")

    if args.write_docs:
        options = []
        if args.dataset != "all":
            options.append(f"--dataset {args.dataset}")
        if args.limit:
            options.append(f"--limit {args.limit}")
        if args.config:
            options.append(f"--config {args.config}")
        if args.articles:
            options.append(f"--articles {args.articles}")
        args.write_docs.parent.mkdir(parents=True, exist_ok=True)
        args.write_docs.write_text(
            render_docs(
                reports,
                rule_ids=runner.rule_ids,
                options=options,
                version=__version__,
                judged=_judged_section(args.write_docs.parent / JUDGED_SAMPLE),
            ),
            encoding="utf-8",
        )
        print(f"wrote {args.write_docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
