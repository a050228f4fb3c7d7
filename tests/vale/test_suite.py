"""Vale's own scenarios (`../shared/vale/testdata`), run by newslint (issue 23).

Skipped when the suite is absent (it is Vale's, not ours: never copied here). A ratchet:
the pass count may rise, never fall, and every scenario docs/vale.md marks passing must
still pass. Regenerate the table with
`python -m newslint.vale.suite --write-docs docs/vale.md` after a change.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from newslint.vale import suite

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA = REPO_ROOT.parent / "shared" / "vale" / "testdata"
DOCS = REPO_ROOT / "docs" / "vale.md"
# The figures reached (run scenarios of the six feature files the issue names).
PASSING_AT_LEAST = 32

pytestmark = pytest.mark.skipif(
    not (DATA / "features").is_dir(), reason="Vale's testdata not found at ../shared/vale/testdata"
)


@pytest.fixture(scope="module")
def outcomes() -> list[suite.Outcome]:
    previous = os.getcwd()
    try:
        return suite.run_suite(str(DATA))
    finally:
        os.chdir(previous)


def test_pass_count_does_not_fall(outcomes: list[suite.Outcome]) -> None:
    passing, run, _ = suite.figures(outcomes)
    assert passing >= PASSING_AT_LEAST, f"{passing}/{run} pass; the ratchet says {PASSING_AT_LEAST}"


def test_every_scenario_marked_passing_still_passes(outcomes: list[suite.Outcome]) -> None:
    marked: set[tuple[str, str]] = set()
    feature = ""
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        if heading := re.match(r"## (\w+)\.feature", line):
            feature = heading.group(1)
        elif feature and (row := re.match(r"\| (.+?) \| pass \|", line)):
            marked.add((feature, row.group(1)))
    assert marked, "docs/vale.md marks no scenario passing"
    now = {(o.scenario.feature, o.scenario.name) for o in outcomes if o.result == "pass"}
    assert sorted(marked - now) == []


def test_docs_are_current(outcomes: list[suite.Outcome]) -> None:
    packages = suite.packages_table(str(DATA), suite.example_files(str(REPO_ROOT)))
    assert DOCS.read_text(encoding="utf-8") == suite.docs(outcomes, packages), (
        "docs/vale.md is stale: python -m newslint.vale.suite --write-docs docs/vale.md"
    )


def test_a_scenario_the_runner_cannot_read_is_out_of_reach_not_failed() -> None:
    scenario = suite.Scenario("lint", "rst", step='I lint "test.rst"', expected=["test.rst:1:1:A.B:c"])
    assert suite.run_scenario(str(DATA), scenario).result == "out of reach"
