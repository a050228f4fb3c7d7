"""`newslint check` streams its report (issue 8): each file's part is written as soon as
the file is checked and its result is then let go, so memory does not grow with the
number of files; with -o the file still appears whole, or not at all."""

from __future__ import annotations

import gc
import weakref

import pytest

from newslint.cli import app
from newslint.linter import Linter

STORY = "Story {n}\n\nThe deal may collapse. It could potentially fail.\n"


@pytest.fixture
def desk(tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    for n in range(5):
        (folder / f"story{n}.txt").write_text(STORY.format(n=n), encoding="utf-8")
    return folder


def check(*args: str) -> int:
    """Run the command in this process (so a test can watch it), returning its exit code."""
    # The `all` profile: the story's hedges are info in the default `news` profile since
    # issue 19, and these tests need findings in every file's part and a failing run.
    with pytest.raises(SystemExit) as done:
        app(["check", "--profile", "all", "--no-cache", "-j", "1", *args])
    return done.value.code


def watch_linting(monkeypatch, on_lint):
    """Call `on_lint(path)` before each file is checked, and return each result checked
    (weakly, so the watch keeps none alive)."""
    checked: dict[str, weakref.ref] = {}
    lint_path = Linter.lint_path

    def watched(self, path):
        on_lint(path)
        result = lint_path(self, path)
        checked[path] = weakref.ref(result)
        return result

    monkeypatch.setattr(Linter, "lint_path", watched)
    return checked


@pytest.mark.parametrize("format", ["text", "line", "json", "github"])
def test_the_first_file_is_reported_before_the_last_is_checked(format, desk, monkeypatch, capsys):
    written: dict[str, str] = {}
    output = []

    def on_lint(path):
        output.append(capsys.readouterr().out)
        written[path] = "".join(output)

    watch_linting(monkeypatch, on_lint)
    assert check("-f", format, str(desk)) == 1
    whole = "".join(output) + capsys.readouterr().out
    first, last = str(desk / "story0.txt"), str(desk / "story4.txt")
    assert first in written[last]  # the first file's part was out before the last was read
    assert first not in written[first] and whole.startswith(written[last])


def test_results_are_let_go_once_reported(desk, monkeypatch):
    alive_at_last = []
    last = str(desk / "story4.txt")

    def on_lint(path):
        if path == last:
            gc.collect()
            alive_at_last.extend(path for path, result in checked.items() if result() is not None)

    checked = watch_linting(monkeypatch, on_lint)
    assert check("-f", "json", str(desk)) == 1
    # story3's result may still be in a loop variable; the earlier ones must be gone.
    assert not {str(desk / f"story{n}.txt") for n in range(3)} & set(alive_at_last)


def test_an_interrupted_run_leaves_the_old_report_and_no_temporary_file(desk, tmp_path, monkeypatch, capsys):
    report = tmp_path / "report.json"
    report.write_text("old report\n", encoding="utf-8")

    def on_lint(path):
        if path.endswith("story3.txt"):
            assert list(tmp_path.glob(".report.json.*.newslint-tmp"))  # the report is being written
            raise KeyboardInterrupt

    watch_linting(monkeypatch, on_lint)
    assert check("-f", "json", "-o", str(report), str(desk)) == 130
    assert capsys.readouterr().err == "newslint: interrupted\n"
    assert report.read_text(encoding="utf-8") == "old report\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["desk", "report.json"]


def test_a_streamed_report_file_is_the_report_on_standard_output(desk, tmp_path, capsys):
    for format in ("text", "line", "json", "github"):
        assert check("-f", format, str(desk)) == 1
        printed = capsys.readouterr().out
        report = tmp_path / f"report.{format}"
        assert check("-f", format, "-o", str(report), str(desk)) == 1
        assert report.read_text(encoding="utf-8") == printed and capsys.readouterr().out == ""


def test_errors_are_reported_once_after_the_report(desk, tmp_path, capsys):
    """As before the report was streamed: stderr has the notes of the walk in order, then
    one line per distinct error, each naming its file."""
    (desk / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    missing = tmp_path / "missing.txt"
    assert check("-f", "line", str(missing), str(desk), str(missing)) == 2
    assert capsys.readouterr().err == (
        f"newslint: skipped binary file {desk / 'photo.txt'}\nnewslint: error: {missing}: no such file or directory\n"
    )
