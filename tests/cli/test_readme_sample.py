"""The README's sample output is real: it must match what `newslint check` prints today."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newslint.cli import app

REPO_ROOT = Path(__file__).resolve().parents[2]

COMMAND = "$ newslint check examples/hedged-analysis.txt\n"


def test_readme_sample_output_matches(monkeypatch):
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index(COMMAND) + len(COMMAND)
    documented = readme[start : readme.index("```", start)]
    monkeypatch.chdir(REPO_ROOT)
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = CliRunner().invoke(app, ["check", "examples/hedged-analysis.txt"])
    assert result.stdout == documented
