"""`--format github` and `--format junit`: exact output on a small made-up story, the
escaping each needs, and how a file that could not be checked shows."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from newslint.cli import app

STORY = "Budget talks resume\n\nThe deal may collapse.\tIt could potentially fail.\n"
# The format tests ask for the `all` profile (every rule as its pack defines it): the
# hedges they use as examples are info in the default `news` profile since issue 19.


@pytest.fixture
def story(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    return "story.txt"


def test_github_format(runner, story):
    result = runner.invoke(app, ["check", "--profile", "all", "--format", "github", story])
    assert result.exit_code == 1
    assert result.stdout == (
        "::warning file=story.txt,line=3,col=10,endLine=3,endColumn=13,title=hedging.modal"
        "::'may' hedges the claim — state what is known, or attribute it\n"
        "::error file=story.txt,line=3,col=27,endLine=3,endColumn=44,title=hedging.stacked"
        "::'could potentially' stacks two hedges — cut both, or attribute the claim\n"
    )


def test_github_info_is_a_notice_and_a_clean_file_prints_nothing(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "anon.txt").write_text("The minister will resign, sources said.\n", encoding="utf-8")
    (tmp_path / "clean.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
    out = runner.invoke(app, ["check", "-f", "github", "--select", "attribution.anonymous", "anon.txt"]).stdout
    assert out.startswith("::notice file=anon.txt,line=1,") and "title=attribution.anonymous::" in out
    assert runner.invoke(app, ["check", "-f", "github", "clean.txt"]).stdout == ""


def test_github_escapes_properties_and_data(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # A comma or colon in a file name would end the property; '%' would start an escape.
    (tmp_path / "Smith, J. 100%: profile.txt").write_text("Prices may rise.\n", encoding="utf-8")
    out = runner.invoke(app, ["check", "--profile", "all", "-f", "github", "Smith, J. 100%: profile.txt"]).stdout
    assert out.startswith("::warning file=Smith%2C J. 100%25%3A profile.txt,line=1,col=8,")


def test_github_multi_line_finding_has_no_columns(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # Hard-wrapped copy: the stacked hedge spans the line break.
    (tmp_path / "wrap.txt").write_text("The plan could\npotentially fail.\n", encoding="utf-8")
    out = runner.invoke(
        app, ["check", "--profile", "all", "-f", "github", "--select", "hedging.stacked", "wrap.txt"]
    ).stdout
    assert out.startswith("::error file=wrap.txt,line=1,endLine=2,title=hedging.stacked::")


def test_github_unreadable_file_is_an_error_annotation(runner, story, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"Caf\xe9 society\n")
    result = runner.invoke(app, ["check", "-f", "github", "bad.txt", story])
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert lines[0] == "::error file=bad.txt::bad.txt: not valid UTF-8 (byte 3: b'\\xe9')"
    assert len(lines) == 3


def test_junit_format(runner, story, tmp_path):
    (tmp_path / "clean.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--profile", "all", "--format", "junit", "clean.txt", story])
    assert result.exit_code == 1
    assert result.stdout == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="newslint" tests="2" failures="1" errors="0">\n'
        '  <testsuite name="newslint" tests="2" failures="1" errors="0">\n'
        '    <testcase classname="newslint" name="clean.txt" />\n'
        '    <testcase classname="newslint" name="story.txt">\n'
        '      <failure message="2 findings (1 error, 1 warning, 0 info)" type="error">'
        "story.txt:3:10: warning [hedging.modal] 'may' hedges the claim — state what is known, or attribute it\n"
        "story.txt:3:27: error [hedging.stacked] 'could potentially' stacks two hedges — cut both, or attribute the claim\n"
        "</failure>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n"
    )


def test_junit_escapes_and_reports_unreadable_files(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a<b>&.txt").write_text("Prices may rise.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"Caf\xe9 society\n")
    result = runner.invoke(app, ["check", "--profile", "all", "-f", "junit", "a<b>&.txt", "bad.txt"])
    assert result.exit_code == 2
    suite = ET.fromstring(result.stdout).find("testsuite")
    assert suite.attrib == {"name": "newslint", "tests": "2", "failures": "1", "errors": "1"}
    first, second = suite.findall("testcase")
    assert first.get("name") == "a<b>&.txt"
    assert first.find("failure").text.startswith("a<b>&.txt:1:8: warning [hedging.modal]")
    assert second.find("error").get("message") == "bad.txt: not valid UTF-8 (byte 3: b'\\xe9')"
