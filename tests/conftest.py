"""Shared fixtures: paths to the project's examples and to the optional eval data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = REPO_ROOT / "examples"
SHARED = REPO_ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Every test, and every newslint it starts, caches results in a folder of its own,
    never in the user's cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def moscow_article() -> Path:
    """The real example of copy users want caught; it lives beside the checkout, not in it."""
    path = SHARED / "articles" / "moscow-iraq-cooperation.txt"
    if not path.is_file():
        pytest.skip(f"shared example article not present at {path}")
    return path
