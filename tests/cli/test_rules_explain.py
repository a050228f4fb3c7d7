from __future__ import annotations

from typer.testing import CliRunner

from newslint.cli import app


def test_rules_lists_every_rule_with_severity():
    result = CliRunner().invoke(app, ["rules"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "severity", "description"]
    assert any(line.startswith("hedging.modal") and " warning " in line for line in lines)
    assert any(line.startswith("hedging.stacked") and " error " in line for line in lines)


def test_explain_shows_docs_and_examples():
    result = CliRunner().invoke(app, ["explain", "hedging.stacked"])
    assert result.exit_code == 0
    assert result.stdout.startswith("hedging.stacked (error, pattern)\n")
    assert "Why it matters:" in result.stdout
    assert "✗ The sanctions could potentially hurt exporters." in result.stdout
    assert "✓ The sanctions cut exports by 8 percent in the first quarter." in result.stdout


def test_explain_unknown_rule_is_exit_2():
    result = CliRunner().invoke(app, ["explain", "hedging.nope"])
    assert result.exit_code == 2
    assert "unknown rule 'hedging.nope'" in result.stderr
