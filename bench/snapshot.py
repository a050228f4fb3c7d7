#!/usr/bin/env python3
"""Snapshot newslint's reports on Reuters stories, to prove a refactor changes no output.

    python bench/snapshot.py OUT.json [--eval-dir ../shared/eval] [--stories 1000] [--format json]

Writes the first N Reuters dev stories to a temporary folder (the same stories, in the
same order, as bench/run.py's throughput rows), runs `newslint check --no-cache` over them
and stores the report. Run it before and after a change and compare the two files with
`cmp`: issue 18 asks that a refactor leave every byte of this report as it was.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import DEFAULT_EVAL_DIR, REUTERS, load_stories, newslint_cmd, write_stories


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="where to write the report")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--format", default="json", help="any `newslint check -f` format (default: json)")
    args = parser.parse_args(argv)
    reuters = args.eval_dir / REUTERS
    if not reuters.is_file():
        print(f"snapshot: {reuters} not found (give --eval-dir)", file=sys.stderr)
        return 2
    stories, _ = load_stories(reuters, args.stories)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "stories"
        folder.mkdir()
        write_stories(stories, folder)
        # Paths in the report are relative to the folder, so two runs compare byte for byte.
        command = newslint_cmd("--no-cache", "-f", args.format, "stories")
        with open(args.output, "wb") as out:
            done = subprocess.run(command, cwd=work, stdout=out, check=False)
    if done.returncode not in (0, 1):
        print(f"snapshot: newslint exited {done.returncode}", file=sys.stderr)
        return 1
    print(f"wrote {args.output} ({len(stories)} stories)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
