"""Paragraph reuse gives exactly the findings of a fresh check, edit after edit."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newslint.lsp.checking import Checked, Checker
from newslint.lsp.reuse import ParagraphMemo

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# Edits a reporter makes: words that rules flag, quotation marks opened and closed,
# paragraphs split and joined, attribution added.
SNIPPETS = [
    "the the ",
    "may ",
    "\n\n",
    '"',
    "“It could fail,” ",
    ", officials said",
    " slammed ",
    "In a bid to ",
    "reportedly ",
    "x",
]


def _seen(checked: Checked) -> list[tuple[object, ...]]:
    assert checked.error is None, checked.error
    return [(f.rule, f.start, f.end, f.paragraph, f.message, f.suggestion, f.text, f.focus) for f in checked.findings]


@pytest.mark.parametrize(
    ("name", "seed"), [("hedged-analysis.txt", 1), ("clean-wire.txt", 2), ("wire-indented.txt", 3)]
)
def test_reused_paragraphs_give_the_findings_of_a_fresh_check(name: str, seed: int) -> None:
    checker, memo = Checker(), ParagraphMemo()
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    path = str(EXAMPLES / name)
    choose = random.Random(seed)
    reused = 0
    for _ in range(25):
        at = choose.randrange(len(text) + 1)
        if choose.random() < 0.3 and len(text) > 40:
            text = text[:at] + text[at + choose.randrange(1, 12) :]
        else:
            text = text[:at] + choose.choice(SNIPPETS) + text[at:]
        assert _seen(checker.check(text, path, memo=memo)) == _seen(checker.check(text, path))
        reused += memo.reused
    assert reused > 0  # the memo was used, not just filled


def test_markdown_reuse_matches_a_fresh_check() -> None:
    checker, memo = Checker(), ParagraphMemo()
    text = "# Plan\n\n> The the plan may fail, she said.\n\nOfficials said the the plan works.\n\n- It may rain.\n"
    for edit in ("Reportedly, ", "> “It could”\n\n", "the the "):
        text = edit + text
        assert _seen(checker.check(text, "/tmp/s.md", "markdown", memo)) == _seen(checker.check(text, "/tmp/s.md"))


def test_a_reload_forgets_the_reused_findings(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    text = "Officials said the the plan works.\n\nThe council met.\n"
    checker, memo = Checker(), ParagraphMemo()
    assert [f.rule for f in checker.check(text, str(story), memo=memo).findings] == ["repetition.doubled"]
    (tmp_path / ".newslint.yaml").write_text("ignore: [repetition]\n", encoding="utf-8")
    checker.reload()
    assert checker.check(text, str(story), memo=memo).findings == []


def test_a_paragraph_quoted_by_markup_around_it_is_checked_again() -> None:
    # The paragraph's own text does not change; the blockquote put around it makes it a
    # source's words, which the doubled-word rule leaves alone.
    checker, memo = Checker(), ParagraphMemo()
    plain = "<p>The council met.</p>\n<p>Officials said the the plan works.</p>\n"
    quoted = "<p>The council met.</p>\n<blockquote><p>Officials said the the plan works.</p></blockquote>\n"
    assert [f.rule for f in checker.check(plain, "/tmp/s.html", memo=memo).findings] == ["repetition.doubled"]
    assert _seen(checker.check(quoted, "/tmp/s.html", memo=memo)) == _seen(checker.check(quoted, "/tmp/s.html"))
    assert _seen(checker.check(plain, "/tmp/s.html", memo=memo)) == _seen(checker.check(plain, "/tmp/s.html"))


def test_the_paragraphs_checked_again_keep_the_documents_desk_lexicon() -> None:
    """A desk's cue lexicon (issue 19) rides on the Document; the partial document the
    re-checked paragraphs are read from must carry it, or a desk's figures nouns would
    give other findings than a fresh check."""
    from newslint.analysis import analyse
    from newslint.attribution.lexicon import shipped_lexicon

    lexicon = shipped_lexicon()
    document = analyse("The plan may fail.\n\nFares could rise.\n", "story.txt", lexicon=lexicon)
    assert ParagraphMemo()._partial(document, [1]).lexicon is lexicon
