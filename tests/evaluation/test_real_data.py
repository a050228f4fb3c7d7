"""A quick run on the real evaluation data, when it is present beside the checkout
(`../shared/eval`); skipped otherwise. --limit keeps it to a few seconds."""

from __future__ import annotations

import time

import pytest

from conftest import real_data_dir
from newslint.evaluation import ADAPTERS
from newslint.evaluation.__main__ import main


def test_real_data_smoke(capsys):
    data = real_data_dir()
    if data is None:
        pytest.skip("evaluation data not found at ../shared/eval (it is not redistributable, so not in the repo)")
    began = time.perf_counter()
    assert main(["--data", str(data), "--limit", "40", "--jobs", "1"]) == 0
    elapsed = time.perf_counter() - began
    out = capsys.readouterr().out
    for module in ADAPTERS.values():
        section = out.split(f"== {module.TITLE}", 1)[1].split("\n== ", 1)[0]
        assert "skipped" not in section, section
    assert "40 sentences" in out  # CoNLL
    assert "40 stories" in out  # Reuters
    assert "40 articles" in out  # PolNeAR
    assert elapsed < 20, f"limited real-data run took {elapsed:.1f} s"
