"""--fix never edits across markup (issue 20, item 1): a fix may only change the prose
characters of one text run. Markup, URLs, code and entities are never touched; a fix
that would touch them is refused and the finding stays in the report."""

from __future__ import annotations

import pytest

from newslint.cli import app


@pytest.mark.parametrize(
    "name, source",
    [
        ("link.md", "Read [the](https://e.com/r) the report.\n"),
        ("code.md", "Type `the` the next morning.\n"),
        ("emphasis.md", "Read *the* the report.\n"),
        # The link text is the label of its definition: fixed, it would no longer link.
        ("reference.md", "Read [the the] now.\n\n[the the]: https://e.com/r\n"),
        ("bold.html", "<p>He read <b>the</b> the report.</p>\n"),
        ("break.html", "<p>He read the<br>the report.</p>\n"),
        ("entity.html", "<p>He read the&#32;the report.</p>\n"),
    ],
)
def test_fix_never_edits_across_markup(runner, tmp_path, name, source):
    story = tmp_path / name
    story.write_text(source, encoding="utf-8")
    result = runner.invoke(app, ["check", "--no-cache", "--fix", "-f", "line", str(story)])
    assert story.read_text(encoding="utf-8") == source
    assert "fixed" not in result.stderr


@pytest.mark.parametrize(
    "name, source, fixed",
    [
        (
            "prose.md",
            "Read [the report](https://e.com/r) the the next day.\n",
            "Read [the report](https://e.com/r) the next day.\n",
        ),
        ("inside.md", "Read [the the report](https://e.com/r).\n", "Read [the report](https://e.com/r).\n"),
        ("prose.html", "<p>He read <b>the the</b> report.</p>\n", "<p>He read <b>the</b> report.</p>\n"),
    ],
)
def test_fix_still_edits_prose_inside_one_text_run(runner, tmp_path, name, source, fixed):
    story = tmp_path / name
    story.write_text(source, encoding="utf-8")
    result = runner.invoke(app, ["check", "--no-cache", "--fix", str(story)])
    assert story.read_text(encoding="utf-8") == fixed, result.stderr
