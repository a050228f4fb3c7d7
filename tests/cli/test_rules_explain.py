from __future__ import annotations

from typer.testing import CliRunner

from newslint.cli import app


def test_rules_lists_every_rule_with_severity():
    # Each rule's severity under the profile: the packs' own with `all`...
    result = CliRunner().invoke(app, ["rules", "--profile", "all"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "severity", "description"]
    assert any(line.startswith("hedging.modal") and " warning " in line for line in lines)
    assert any(line.startswith("hedging.stacked") and " error " in line for line in lines)
    # ...and the default `news` profile's, which shows the hedges as info (issue 19).
    lines = CliRunner().invoke(app, ["rules"]).stdout.splitlines()
    assert any(line.startswith("hedging.modal") and " info " in line for line in lines)
    assert any(line.startswith("hedging.stacked") and " info " in line for line in lines)
    assert any(line.startswith("attribution.vague") and " warning " in line for line in lines)


def test_explain_shows_docs_and_examples():
    result = CliRunner().invoke(app, ["explain", "--profile", "all", "hedging.stacked"])
    assert result.exit_code == 0
    assert result.stdout.startswith("hedging.stacked (error, pattern)\n")
    # The header gives the severity under the profile: info in the default `news` (issue 19).
    assert (
        CliRunner().invoke(app, ["explain", "hedging.stacked"]).stdout.startswith("hedging.stacked (info, pattern)\n")
    )
    assert "Why it matters:" in result.stdout
    assert "✗ The sanctions could potentially hurt exporters." in result.stdout
    assert "✓ The sanctions cut exports by 8 percent in the first quarter." in result.stdout


def test_explain_unknown_rule_is_exit_2():
    result = CliRunner().invoke(app, ["explain", "hedging.nope"])
    assert result.exit_code == 2
    assert "unknown rule 'hedging.nope'" in result.stderr


def test_explain_describes_a_rule_the_profile_switches_off(tmp_path, monkeypatch):
    """Issue 18: `explain` said "unknown rule" for a rule the current profile disables."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".newslint.yaml").write_text("profile: opinion\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", "bias.loaded"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("bias.loaded (")
    assert "Off under the current config and its 'opinion' profile" in result.stdout
    assert "Why it matters:" in result.stdout and "✗ " in result.stdout
    forced = CliRunner().invoke(app, ["explain", "--profile", "opinion", "bias.loaded"])
    (tmp_path / ".newslint.yaml").unlink()
    assert forced.exit_code == 0 and "'opinion' profile" in forced.stdout
    assert "Off under" not in CliRunner().invoke(app, ["explain", "bias.loaded"]).stdout  # on under news


def test_explain_describes_newslints_own_directive_checks():
    """Issue 18: newslint emits `newslint.unknown-rule`, so `explain` must know it."""
    for rule_id in ("newslint.unknown-rule", "newslint.unused-suppression"):
        result = CliRunner().invoke(app, ["explain", rule_id])
        assert result.exit_code == 0, result.stderr
        assert result.stdout.startswith(f"{rule_id} (warning, built into newslint)\n")
        assert "Why it matters:" in result.stdout
