"""JUnit agrees with the exit code (issue 20, item 12): a file fails as a test case only
when its findings fail the run (--fail-on, else its config's fail_on); findings below
that are listed in the case's output, not as a failure, so CI does not show a red test
for a run that passed."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from newslint.cli import app

INFO_ONLY = "Sources said the plan would be announced on Tuesday.\n"


def _cases(stdout: str):
    return ET.fromstring(stdout).find("testsuite")


def test_an_info_only_file_passes_when_the_run_passes(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(INFO_ONLY, encoding="utf-8")
    result = runner.invoke(app, ["check", "--no-cache", "-f", "junit", "story.txt"])
    assert result.exit_code == 0
    suite = _cases(result.stdout)
    assert suite.get("failures") == "0"
    (case,) = suite.findall("testcase")
    assert case.find("failure") is None
    assert "info [attribution.anonymous]" in case.find("system-out").text


def test_the_same_file_fails_when_the_threshold_says_so(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(INFO_ONLY, encoding="utf-8")
    result = runner.invoke(app, ["check", "--no-cache", "-f", "junit", "--fail-on", "info", "story.txt"])
    assert result.exit_code == 1
    suite = _cases(result.stdout)
    assert suite.get("failures") == "1"
    assert "info [attribution.anonymous]" in suite.find("testcase/failure").text
