"""Shared fixtures: paths to the project's examples and to the optional eval data."""

from __future__ import annotations

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
