"""File names that try to speak for newslint (issue 20, item 10). A name holding a line
break and `::error …` must not become a GitHub Actions workflow command, and one holding
ESC must not reach a terminal raw: every path is shown through `newslint.display.shown`,
in every format and message, which quotes and escapes a name with control characters."""

from __future__ import annotations

import pytest

from newslint.cli import app
from newslint.display import shown

INJECTED = "x\n::error title=Injected::owned.txt"
COLOURED = "\x1b[31mred\x1b[0m.txt"


def _lines(*texts: str) -> list[str]:
    return [line for text in texts for line in text.splitlines()]


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "desk"
    folder.mkdir()
    for name in (INJECTED, COLOURED):
        (folder / name).write_text("Both sides signed the the deal.\n", encoding="utf-8")
    (folder / ("bin" + INJECTED)).write_bytes(b"\x00\x01\x02" * 400)
    (folder / ("bad" + INJECTED)).write_bytes("Caf\xe9 au lait.\n".encode("latin-1") + b"plain text " * 20)
    return folder


@pytest.mark.parametrize("format", ["text", "line", "github", "junit", "json", "sarif", "html"])
def test_no_name_starts_a_workflow_command_or_reaches_the_terminal_raw(runner, hostile, format):
    # color=True: else click's test runner strips escape sequences from what it captures.
    result = runner.invoke(app, ["check", "--no-cache", "--no-color", "-f", format, "desk"], color=True)
    assert result.exit_code == 2  # the undecodable file
    for line in _lines(result.stdout, result.stderr):
        assert not line.startswith("::error title=Injected"), line
        assert "\x1b" not in line, line
    assert "skipped binary file" in result.stderr


def test_fix_and_error_messages_show_the_name_quoted(runner, hostile):
    story = f"desk/{INJECTED}"
    result = runner.invoke(
        app, ["check", "--no-cache", "--fix", story, f"desk/{COLOURED}", "desk/missing\x1b.txt"], color=True
    )
    for line in _lines(result.stdout, result.stderr):
        assert not line.startswith("::error"), line
        assert "\x1b" not in line, line
    assert f"fixed 1 finding in {shown(story)}" in result.stderr
    assert 'newslint: error: "desk/missing\\x1b.txt": no such file or directory' in result.stderr


def test_shown_quotes_only_names_that_need_it():
    assert shown("desk/story one.md") == "desk/story one.md"
    assert shown("C:\\desk\\story.md") == "C:\\desk\\story.md"
    assert shown("Zoë/“quote”.md") == "Zoë/“quote”.md"
    assert shown(INJECTED) == '"x\\n::error title=Injected::owned.txt"'
    assert shown(COLOURED) == '"\\x1b[31mred\\x1b[0m.txt"'
    assert shown('a"b\tc\\d\u202ee') == '"a\\"b\\tc\\\\d\\u202ee"'


def test_junit_is_well_formed_xml_whatever_the_names(runner, hostile):
    """Issue 20, item 12: XML 1.0 cannot hold most control characters even escaped, so
    a name with one made the report unreadable to every CI system."""
    import xml.etree.ElementTree as ET

    result = runner.invoke(app, ["check", "--no-cache", "-f", "junit", "desk"], color=True)
    cases = ET.fromstring(result.stdout).findall(".//testcase")
    names = [case.get("name") for case in cases]
    assert shown(f"desk/{INJECTED}") in names and shown(f"desk/{COLOURED}") in names
