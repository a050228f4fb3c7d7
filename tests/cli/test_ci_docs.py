"""docs/ci.md's examples stay true: its YAML parses, and every `newslint check` it runs
is a command line newslint accepts."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from newslint.cli import app

DOC = Path(__file__).resolve().parents[2] / "docs" / "ci.md"
BLOCKS = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def _commands() -> list[str]:
    found = []
    for block in BLOCKS:
        found += [
            line.strip(" -").split("#")[0].strip()
            for line in block.splitlines()
            if "newslint check" in line and not line.lstrip().startswith("#")
        ]
    return found


def test_yaml_examples_parse():
    assert len(BLOCKS) >= 4
    for block in BLOCKS:
        yaml.safe_load(block.replace("<", "").replace(">", ""))


@pytest.mark.parametrize("command", _commands())
def test_documented_commands_run(command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "talks.md").write_text("The talks resumed on Monday.\n", encoding="utf-8")
    words = shlex.split(command.removeprefix("run:").strip().split(">")[0])
    assert words[:2] == ["newslint", "check"]
    result = CliRunner().invoke(app, words[1:])
    assert result.exit_code == 0, result.output
