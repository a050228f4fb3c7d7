"""--fix never edits inside a quotation, whatever marks the language sets it in (issue 20,
item 18): the source's words are theirs, even a doubled word."""

from __future__ import annotations

import pytest

from newslint.cli import app

STYLES = [
    ("german", "„Wir signed the the deal“"),
    ("danish", "»Vi signed the the deal«"),
    ("swedish", "”Vi signed the the deal”"),
    ("french", "« Nous signed the the deal »"),
    ("british", "‘We signed the the deal’"),
    ("swiss-single", "‹We signed the the deal›"),
    ("japanese", "「We signed the the deal」"),
]


@pytest.mark.parametrize("quotation", [quotation for _, quotation in STYLES], ids=[name for name, _ in STYLES])
def test_fix_never_edits_inside_a_quotation_in_any_language_s_marks(runner, tmp_path, quotation):
    story = tmp_path / "story.txt"
    story.write_text(f"She said {quotation}, and the the talks ended.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--no-cache", "--fix", "--select", "repetition.doubled", str(story)])
    assert story.read_text(encoding="utf-8") == f"She said {quotation}, and the talks ended.\n", result.stderr
