"""Shared fixtures: paths to the project's examples and to the optional eval data."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = REPO_ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Every test, and every newslint it starts, caches results in a folder of its own,
    never in the user's cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def seed_article() -> Path:
    """The kind of copy users want caught, written for these tests (an invented story, in
    the repository so the tests run in any clone): a web page's category line and
    headline, a diplomatic story whose reporter hedges, editorialises, reads motives and
    predicts without a source, one vague attribution, a phrase the reporter retells from
    a quotation, and the page furniture after the story."""
    return FIXTURES / "articles" / "valdoria-sarentia-cooperation.txt"


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell")
CHROMIUM = next((found for name in BROWSERS if (found := shutil.which(name))), None)

Browser = Callable[..., "subprocess.CompletedProcess[str]"]


@pytest.fixture
def headless_chromium() -> Browser:
    """Run headless Chromium on our own pages (`headless_chromium("--dump-dom", url,
    cwd=tmp_path)`), with a throwaway profile so runs stay independent. Skips the test
    where no Chromium is installed; `.ci/run` installs Debian's so CI runs it."""
    if CHROMIUM is None:
        pytest.skip(
            f"no headless Chromium on PATH (looked for {', '.join(BROWSERS)}); "
            "`apt-get install chromium` (as .ci/run does) to run the browser tests"
        )
    browser = CHROMIUM

    def run(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={cwd / 'profile'}",
            *arguments,
        ]
        return subprocess.run(
            command, cwd=cwd, capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(cwd)}
        )

    return run
