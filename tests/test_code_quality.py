"""ruff and mypy run as part of the test suite, so CI (which runs exactly the README's
test command) fails on a lint, format or type error as on any other failing test.

Each tool runs from the repository root with the settings in pyproject.toml, through
this interpreter (`python -m ...`), so the versions the `test` extra pins are the ones
used. A failure shows the tool's own report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
# What ruff lints and formats: the package, its tests and the benchmark scripts
# (whichever of them this tree has: bench/ is not in the sdist).
LINTED = [name for name in ("src", "tests", "bench") if (REPO_ROOT / name).is_dir()]
# A cold mypy run over src/ takes 20-40 s on a busy machine; this only stops a hung one.
TIMEOUT = 600


def assert_clean(*arguments: str) -> None:
    """Run `python -m <arguments>` from the repository root; fail with its output unless
    it exits 0."""
    done = subprocess.run(
        [sys.executable, "-m", *arguments],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"`{' '.join(arguments)}` exited {done.returncode}:\n{done.stdout}{done.stderr}", pytrace=False)


def test_ruff_finds_nothing_to_fix():
    # --no-cache: a test run writes nothing into the checkout.
    assert_clean("ruff", "check", "--no-cache", *LINTED)


def test_ruff_format_leaves_the_code_as_it_is():
    assert_clean("ruff", "format", "--check", "--no-cache", *LINTED)


def test_mypy_strict_finds_no_type_error(tmp_path):
    # Files and strictness come from [tool.mypy] in pyproject.toml; the cache goes to a
    # temporary folder rather than into the checkout.
    assert_clean("mypy", "--cache-dir", str(tmp_path / "mypy-cache"))
