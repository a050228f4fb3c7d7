"""The sample editorial repo under examples/newsroom works as the README describes."""

from __future__ import annotations

import json
from pathlib import Path

from newslint.cli import app

NEWSROOM = Path(__file__).resolve().parents[2] / "examples" / "newsroom"


def test_newsroom_example(runner, monkeypatch):
    monkeypatch.chdir(NEWSROOM)
    result = runner.invoke(app, ["check", "-f", "json", "."])
    assert result.exit_code == 1  # warnings fail, as its .newslint.yaml says
    files = {f["path"]: f["findings"] for f in json.loads(result.stdout)["files"]}
    assert set(files) == {"opinion/why-bridges-matter.md", "stories/bridge-vote.md", "stories/port-deal.md"}
    port = [(f["rule"], f["text"]) for f in files["stories/port-deal.md"]]
    assert ("hedging.stacked", "could potentially") in port
    assert ("attribution.vague", "Analysts suggest") in port
    # The suppressed paragraph's "may", the quoted "may" and May the month are not flagged.
    assert not [f for f in files["stories/port-deal.md"] if f["text"] == "may"]
    assert not [f for f in files["stories/bridge-vote.md"] if f["rule"].startswith("hedging")]


def test_walked_paths_are_written_as_pathlib_writes_them(tmp_path, monkeypatch):
    from newslint.linter import Linter, expand_paths

    (tmp_path / "desk").mkdir()
    for name in ("top.md", "desk/inner.txt", "desk/skip.csv"):
        (tmp_path / name).write_text("Text.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    walked = {
        argument: list(expand_paths([argument], Linter())) for argument in (".", "./desk/", "desk//", str(tmp_path))
    }
    assert walked == {
        ".": ["top.md", "desk/inner.txt"],
        "./desk/": ["desk/inner.txt"],
        "desk//": ["desk/inner.txt"],
        str(tmp_path): [str(tmp_path / "top.md"), str(tmp_path / "desk" / "inner.txt")],
    }
