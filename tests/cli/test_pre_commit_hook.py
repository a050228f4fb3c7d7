"""The pre-commit hook in `.pre-commit-hooks.yaml`, run end to end by pre-commit itself.

`pre-commit try-repo` would install newslint into a fresh virtualenv from the package
index (over a minute), so this runs the same hook definition as a `repo: local` hook
with `language: system`, pointed at the newslint under test: pre-commit still picks the
files (`files`, `types`), passes them to the entry and judges the exit code.
"""

from __future__ import annotations

import importlib.util
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
HOOKS_FILE = REPO_ROOT / ".pre-commit-hooks.yaml"

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(
        importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed (pip install '.[test]')"
    ),
]


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_hooks_file_is_a_valid_manifest(tmp_path):
    result = pre_commit("validate-manifest", str(HOOKS_FILE), cwd=tmp_path, home=tmp_path / "home")
    assert result.returncode == 0, result.stdout + result.stderr
    (hook,) = yaml.safe_load(HOOKS_FILE.read_text(encoding="utf-8"))
    assert hook["id"] == "newslint" and hook["entry"] == "newslint check --" and hook["language"] == "python"
    # One newslint for all the staged files, so one report and one summary (issue 20).
    assert hook["require_serial"] is True


@pytest.fixture
def newsroom(tmp_path):
    """A throwaway editorial repo whose config runs the hook as published."""
    repo = tmp_path / "newsroom"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    (hook,) = yaml.safe_load(HOOKS_FILE.read_text(encoding="utf-8"))
    command = hook["entry"].split()
    assert command[0] == "newslint"
    local = {**hook, "language": "system", "entry": shlex.join([sys.executable, "-m", "newslint", *command[1:]])}
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    # The desk asks for every rule as its pack defines it: the hedges these tests commit
    # are info in the default `news` profile since issue 19, and the hook must fail on them.
    (repo / ".newslint.yaml").write_text("profile: all\n", encoding="utf-8")
    (repo / "notes.py").write_text("# It may rain, says this code comment.\n", encoding="utf-8")
    (repo / "desk.yaml").write_text("note: the deal may collapse\n", encoding="utf-8")
    return repo


def run_hook(repo: Path) -> subprocess.CompletedProcess[str]:
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    return pre_commit("run", "--all-files", "--color", "never", cwd=repo, home=repo.parent / "home")


def test_hook_fails_on_a_hedged_story_and_checks_only_articles(newsroom):
    (newsroom / "talks.md").write_text("# Budget talks\n\nThe deal may collapse.\n", encoding="utf-8")
    (newsroom / "WIRE.TXT").write_text("Prices could potentially rise.\n", encoding="utf-8")
    result = run_hook(newsroom)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "newslint" in result.stdout and "Failed" in result.stdout
    assert "talks.md" in result.stdout and "WIRE.TXT" in result.stdout
    assert "hedging.modal" in result.stdout and "hedging.stacked" in result.stdout
    # Code and config files are not stories, hedges or not.
    assert "notes.py" not in result.stdout and "desk.yaml" not in result.stdout


def test_hook_passes_on_a_clean_story(newsroom):
    (newsroom / "talks.md").write_text("# Budget talks\n\nThe talks resumed on Monday.\n", encoding="utf-8")
    result = run_hook(newsroom)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_staged_names_that_look_like_options_are_stories(newsroom):
    """Issue 20: pre-commit passes the staged names after the entry, so `-o.md` was read
    as `-o .md` (the report written to `.md`, the story never checked) and
    `--config=cfg.md` as a config to use: the hook passed a hedged commit. The entry
    ends options with `--`."""
    (newsroom / "-o.md").write_text("The deal may collapse.\n", encoding="utf-8")
    (newsroom / "--config=cfg.md").write_text("The talks resumed on Monday.\n", encoding="utf-8")
    (newsroom / "cfg.md").write_text("The talks resumed on Monday.\n", encoding="utf-8")
    result = run_hook(newsroom)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "-o.md" in result.stdout and "hedging.modal" in result.stdout
    assert not (newsroom / ".md").exists()
