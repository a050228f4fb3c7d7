"""`--diff` against real git: names git quotes, and input that is not a patch (issue 20, item 17).

git writes a file name in C-style quotes when it holds a double quote, a backslash, a tab,
a line break or (with core.quotePath, the default) any byte outside ASCII:
`+++ "b/quo\\"te.md"`, `+++ "b/caf\\303\\251.md"`. Such a file's findings used to vanish
from `--diff` runs, and a garbage "patch" on standard input passed as "nothing changed".
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from newslint.changes import parse_unified_diff
from newslint.cli import app
from newslint.errors import InputError

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")

FIRST_DRAFT = "Talks Resume\n\nOfficials met on Monday in Geneva.\n"
SECOND_DRAFT = "Talks Resume\n\nOfficials might meet on Monday in Geneva.\n"

QUOTED_NAMES = [
    'quo"te.md',
    "tab\there.md",
    "back\\slash.md",
    "new\nline.md",
    "café.md",
    "日本.txt",
    "space name.md",
]


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    return done.stdout.decode("utf-8", "surrogateescape")


def _repository(tmp_path: Path, name: str) -> Path:
    """A repository whose one story, `name`, gained a hedge since its first commit."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "desk@example.com")
    _git(repo, "config", "user.name", "Desk")
    story = repo / name
    story.write_text(FIRST_DRAFT, encoding="utf-8")
    _git(repo, "add", "--", name)
    _git(repo, "commit", "-qm", "first draft")
    story.write_text(SECOND_DRAFT, encoding="utf-8")
    return repo


def _found(result) -> list[tuple[str, str]]:
    report = json.loads(result.stdout)
    return [(f["rule"], f["text"]) for file in report["files"] for f in file["findings"]]


@pytest.mark.parametrize("name", QUOTED_NAMES, ids=ascii)
def test_diff_keeps_findings_in_a_file_whose_name_git_quotes(runner, tmp_path, monkeypatch, name):
    repo = _repository(tmp_path, name)
    monkeypatch.chdir(repo)
    args = ["check", "--profile", "all", "-f", "json", "--select", "hedging.modal"]

    from_git = runner.invoke(app, [*args, "--diff", "HEAD", "--", name])
    assert _found(from_git) == [("hedging.modal", "might")], from_git.stderr
    assert from_git.exit_code == 1

    # The same change as a patch on standard input, quoted as git quotes it by default.
    patch = _git(repo, "diff", "HEAD")
    assert f"+++ b/{name}\n" not in patch or name == "space name.md"
    from_patch = runner.invoke(app, [*args, "--diff", "-", "--", name], input=patch)
    assert _found(from_patch) == [("hedging.modal", "might")], from_patch.stderr


def test_diff_names_with_core_quotepath_off_are_read_as_written(tmp_path):
    repo = _repository(tmp_path, "café.md")
    patch = _git(repo, "-c", "core.quotePath=off", "diff", "HEAD")
    assert "+++ b/café.md" in patch
    assert parse_unified_diff(patch, repo).lines == {"café.md": [(3, 3)]}


def test_git_quoting_is_decoded_as_utf8_bytes(tmp_path):
    patch = (
        'diff --git "a/caf\\303\\251 \\"x\\"\\t\\\\.md" "b/caf\\303\\251 \\"x\\"\\t\\\\.md"\n'
        'index e69de29..4b825dc 100644\n--- "a/caf\\303\\251 \\"x\\"\\t\\\\.md"\n'
        '+++ "b/caf\\303\\251 \\"x\\"\\t\\\\.md"\n'
        "@@ -3 +3 @@\n-old\n+new\n"
    )
    assert parse_unified_diff(patch, tmp_path).lines == {'café "x"\t\\.md': [(3, 3)]}


def test_an_added_line_that_looks_like_a_header_stays_in_its_hunk(tmp_path):
    # "++ total" added reads "+++ total"; "-- note" removed reads "--- note".
    patch = "--- a/s.txt\n+++ b/s.txt\n@@ -1,3 +1,3 @@\n keep\n--- note\n+++ total\n keep\n@@ -9 +9 @@\n-x\n+y\n"
    assert parse_unified_diff(patch, tmp_path).lines == {"s.txt": [(2, 2), (9, 9)]}


@pytest.mark.parametrize(
    "text",
    [
        "hello, this is not a patch\n",
        "Talks Resume\n\nOfficials might meet on Monday in Geneva.\n",
        "@@ -1 +1 @@\n-a\n+b\n",  # a hunk with no file it belongs to
        "--- a/s.txt\n+++ b/s.txt\n@@ garbage @@\n+b\n",  # a hunk header that is not one
        '--- a/s.txt\n+++ "b/unterminated\n@@ -1 +1 @@\n-a\n+b\n',  # a name whose quotes never close
        "Notes\n--- \nThe vote is on Monday.\n",  # a rule line in prose is no file header
        # A combined diff (git diff during a merge): two columns of marks, not read here.
        "diff --cc s.txt\n--- a/s.txt\n+++ b/s.txt\n@@@ -1,1 -1,1 +1,1 @@@\n- a\n -b\n++c\n",
    ],
    ids=["prose", "a-story", "hunk-without-file", "bad-hunk-header", "bad-quoting", "rule-line", "combined"],
)
def test_a_patch_that_is_not_a_patch_is_a_one_line_error(runner, tmp_path, monkeypatch, text):
    with pytest.raises(InputError):
        parse_unified_diff(text, tmp_path)
    story = tmp_path / "story.txt"
    story.write_text(SECOND_DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "--profile", "all", "--diff", "-", "story.txt"], input=text)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("newslint: error: --diff -: ")
    assert "Traceback" not in result.output


@pytest.mark.parametrize("text", ["", "\n", "  \n\n"], ids=["empty", "newline", "blank"])
def test_an_empty_patch_means_no_changed_lines(runner, tmp_path, monkeypatch, text):
    story = tmp_path / "story.txt"
    story.write_text(SECOND_DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "--profile", "all", "-f", "json", "--diff", "-", "story.txt"], input=text)
    assert result.exit_code == 0, result.stderr
    assert _found(result) == []


def test_a_patch_with_only_a_mode_change_is_a_patch(tmp_path):
    patch = "diff --git a/s.txt b/s.txt\nold mode 100644\nnew mode 100755\n"
    assert parse_unified_diff(patch, tmp_path).lines == {}


def test_a_patch_in_another_encoding_on_standard_input_is_read(runner, tmp_path, monkeypatch):
    story = tmp_path / "story.txt"
    story.write_text(SECOND_DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    patch = "--- a/story.txt\n+++ b/story.txt\n@@ -3 +3 @@\n-Caf\xe9 closed.\n+Officials might meet.\n"
    result = runner.invoke(
        app,
        ["check", "--profile", "all", "-f", "json", "--select", "hedging.modal", "--diff", "-", "story.txt"],
        input=patch.encode("latin-1"),
    )
    assert result.exit_code == 1, result.stderr
    assert _found(result) == [("hedging.modal", "might")]
