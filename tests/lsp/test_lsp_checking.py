"""The server's checking, without a client: errors stay with their document, and
`newslint check` never imports the server's dependencies."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import newslint.lsp.checking as checking
from newslint.lsp.checking import Checker, wants


def test_check_never_imports_the_language_server(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Officials said the the plan works.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from newslint.cli import app\n"
        f"try:\n    app(['check', {str(story)!r}])\n"
        "except SystemExit as exit:\n    assert exit.code == 1, exit.code\n"
        "loaded = [name for name in sys.modules if name.startswith(('pygls', 'lsprotocol', 'newslint.lsp'))]\n"
        "print('LOADED', loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "repetition.doubled" in result.stdout  # check ran and found the slip
    assert result.stdout.strip().endswith("LOADED []")


def test_an_internal_error_is_reported_for_that_document_only(monkeypatch: pytest.MonkeyPatch) -> None:
    checker = Checker()
    real = checking.findings_for

    def broken(document, source, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "boom" in source:
            raise RuntimeError("a bug")
        return real(document, source, *args, **kwargs)

    monkeypatch.setattr(checking, "findings_for", broken)
    failed = checker.check("boom the the", "/tmp/a.txt")
    assert failed.error_kind == "internal"
    assert "internal error, please report it: RuntimeError: a bug" in str(failed.error)
    assert "Traceback" in failed.details
    assert [f.rule for f in checker.check("Officials said the the plan.", "/tmp/b.txt").findings] == [
        "repetition.doubled"
    ]


def test_a_huge_document_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checking, "MAX_CHARACTERS", 100)
    refused = Checker().check("word " * 50, None)
    assert refused.error_kind == "input"
    assert "too large" in str(refused.error)


@pytest.mark.parametrize(
    ("language_id", "path", "expected"),
    [
        ("markdown", None, True),
        ("plaintext", "/x/notes", True),
        ("python", "/x/story.py", False),
        ("", "/x/story.htm", True),
        ("yaml", "/x/.newslint.yaml", False),
    ],
)
def test_which_documents_are_checked(language_id: str, path: str | None, expected: bool) -> None:
    assert wants(language_id, path) is expected


def test_the_format_follows_the_language_then_the_extension(tmp_path: Path) -> None:
    checker = Checker()
    text = "Officials said `the the` thing.\n"
    assert [f.rule for f in checker.check(text, str(tmp_path / "a.txt"), "markdown").findings] == []
    assert [f.rule for f in checker.check(text, str(tmp_path / "a.md")).findings] == []
    assert [f.rule for f in checker.check(text, str(tmp_path / "a.txt")).findings] == ["repetition.doubled"]


def test_a_file_the_config_excludes_gets_no_findings(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("exclude: ['drafts/**']\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    checker = Checker()
    text = "Officials said the the plan works.\n"
    assert checker.check(text, str(tmp_path / "drafts" / "a.txt")).findings == []
    assert [f.rule for f in checker.check(text, str(tmp_path / "a.txt")).findings] == ["repetition.doubled"]


def test_without_the_extra_the_command_says_how_to_install_it() -> None:
    probe = (
        "import sys\n"
        "sys.modules['pygls'] = None  # as if the lsp extra were not installed\n"
        "from newslint.cli import app\n"
        "app(['lsp'])\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == "newslint: the language server needs the lsp extra (pygls, lsprotocol): see docs/editors.md"
    )
