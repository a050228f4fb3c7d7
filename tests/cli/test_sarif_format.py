"""`--format sarif`: valid against the official SARIF 2.1.0 schema (vendored, so the test
runs offline), with the fields code scanning reads checked by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator, FormatChecker

from newslint import __version__
from newslint.cli import app

SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
STORY = "Budget talks resume\n\nThe deal may collapse.\tIt could potentially fail.\n"


@pytest.fixture(scope="module")
def validator():
    return Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")), format_checker=FormatChecker())


@pytest.fixture
def story(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "story one.txt").write_text(STORY, encoding="utf-8")
    return "desk/story one.txt"


def sarif(runner, *args):
    # The `all` profile (every rule as its pack defines it): the example hedges are info
    # in the default `news` profile since issue 19, and these tests are about the format.
    result = runner.invoke(app, ["check", "--profile", "all", "--format", "sarif", *args])
    return result, json.loads(result.stdout)


def assert_valid(validator, log):
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_sarif_is_valid_and_has_one_run(runner, validator, story):
    result, log = sarif(runner, story)
    assert result.exit_code == 1
    assert_valid(validator, log)
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "newslint"
    assert run["tool"]["driver"]["version"] == __version__
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_sarif_results_point_at_rules_and_regions(runner, story):
    _, log = sarif(runner, story)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    first, second = run["results"]
    assert first["ruleId"] == "hedging.modal" and rules[first["ruleIndex"]]["id"] == "hedging.modal"
    assert second["ruleId"] == "hedging.stacked" and rules[second["ruleIndex"]]["id"] == "hedging.stacked"
    assert first["level"] == "warning" and second["level"] == "error"
    assert first["message"] == {"text": "'may' hedges the claim — state what is known, or attribute it"}
    # Same positions as every other format: 1-based, end column exclusive, as SARIF's.
    assert first["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "desk/story%20one.txt"},
                "region": {"startLine": 3, "startColumn": 10, "endLine": 3, "endColumn": 13},
            }
        }
    ]
    assert STORY.splitlines()[2][10 - 1 : 13 - 1] == "may"
    assert len(first["partialFingerprints"]["newslintFinding/v1"]) == 32


def test_sarif_rules_carry_their_docs(runner, story):
    _, log = sarif(runner, story)
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    modal = rules["hedging.modal"]
    assert modal["shortDescription"]["text"]
    assert modal["fullDescription"]["text"].startswith(modal["help"]["text"].split("\n")[0])
    assert "Flagged:" in modal["help"]["text"] and "Not flagged:" in modal["help"]["text"]
    assert modal["defaultConfiguration"] == {"level": "warning"}
    assert rules["attribution.anonymous"]["defaultConfiguration"] == {"level": "note"}
    assert rules["attribution.anonymous"]["helpUri"].startswith("https://")
    assert "helpUri" not in modal
    # Rules switched off by the selection are not described.
    _, log = sarif(runner, "--select", "hedging", story)
    assert {rule["id"].split(".")[0] for rule in log["runs"][0]["tool"]["driver"]["rules"]} == {"hedging"}


def test_sarif_fingerprints_survive_moving_lines(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("It may rain. It may snow.\n", encoding="utf-8")
    _, before = sarif(runner, "a.txt")
    (tmp_path / "a.txt").write_text("A new lede.\n\nIt may rain. It may snow.\n", encoding="utf-8")
    _, after = sarif(runner, "a.txt")
    prints = [[r["partialFingerprints"] for r in log["runs"][0]["results"]] for log in (before, after)]
    assert prints[0] == prints[1]
    assert prints[0][0] != prints[0][1]  # the same words twice are two alerts


def test_sarif_unreadable_file_is_a_notification(runner, validator, story, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"Caf\xe9 society\n")
    result, log = sarif(runner, "bad.txt", story)
    assert result.exit_code == 2
    assert_valid(validator, log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"] == [
        {
            "level": "error",
            "message": {"text": "bad.txt: not valid UTF-8 (byte 3: b'\\xe9')"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "bad.txt"}}}],
        }
    ]
    assert len(log["runs"][0]["results"]) == 2  # the other story is still reported


def test_sarif_clean_run_stdin_and_directive_findings_are_valid(runner, validator, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
    result, log = sarif(runner, "clean.txt")
    assert result.exit_code == 0 and log["runs"][0]["results"] == []
    assert_valid(validator, log)

    result = runner.invoke(app, ["check", "-f", "sarif", "-"], input="Prices may rise.\n")
    log = json.loads(result.stdout)
    assert_valid(validator, log)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"description": {"text": "standard input"}}

    # A finding about a directive has no rule file; it still gets a descriptor to point at.
    (tmp_path / "d.md").write_text("<!-- newslint-disable hedging.nope -->\nThe talks went on.\n", encoding="utf-8")
    result, log = sarif(runner, "d.md")
    assert_valid(validator, log)
    run = log["runs"][0]
    unknown = run["results"][0]
    assert unknown["ruleId"] == "newslint.unknown-rule"
    assert run["tool"]["driver"]["rules"][unknown["ruleIndex"]]["id"] == "newslint.unknown-rule"


def test_sarif_path_outside_the_working_folder_is_a_file_uri(runner, validator, tmp_path, monkeypatch):
    (tmp_path / "s.txt").write_text("Prices may rise.\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    _, log = sarif(runner, str(tmp_path / "s.txt"))
    assert_valid(validator, log)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == (tmp_path / "s.txt").as_uri()
