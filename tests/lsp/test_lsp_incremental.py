"""A check that reuses the analysis and findings of unchanged paragraphs publishes, byte for
byte, the diagnostics of a full check: for random edits to the sample stories (plain
text and Markdown), and for the edits whose effect crosses a paragraph break."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol.converters import get_converter

from newslint.lsp.checking import Checked, Checker
from newslint.lsp.diagnostics import diagnostics_for
from newslint.lsp.positions import UTF16, LineIndex
from newslint.lsp.reuse import ParagraphMemo

ROOT = Path(__file__).resolve().parents[2]
STORIES = sorted(
    [
        *(ROOT / "examples").rglob("*.txt"),
        *(ROOT / "examples").rglob("*.md"),
        *(ROOT / "tests" / "fixtures" / "articles").glob("*.txt"),
    ]
)
# What a reporter types: words rules flag, attribution that a later sentence or paragraph
# carries on ("would", a pronoun subject), quotation marks that open a quotation running
# into the next paragraph, paragraph breaks made and joined, Markdown quote blocks.
PIECES = [
    "the the ",
    "may ",
    "\n\n",
    "\n",
    '"',
    "“",
    "”",
    "“It could fail,” ",
    "“The plan will work.\n\n",
    ", officials said",
    ", Smith said. ",
    "Lee said the mill would close. ",
    "\n\nIt would reopen in May. ",
    "\n\nThe canal would make a loss. ",
    " slammed ",
    "reportedly ",
    "according to analysts, ",
    "> ",
    "# ",
    "x",
    ". ",
]
EDITS = st.lists(
    st.tuples(st.floats(0, 1), st.integers(0, 12), st.sampled_from(PIECES)),
    min_size=1,
    max_size=8,
)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def published(checked: Checked) -> str:
    """The diagnostics the server would publish, as the JSON it sends, and the analysis
    the stats command reads."""
    diagnostics = diagnostics_for(checked, LineIndex(checked.text, UTF16))
    return json.dumps(get_converter().unstructure(diagnostics), sort_keys=True) + repr(checked.document)


def language_of(path: Path) -> str:
    return "markdown" if path.suffix == ".md" else "plaintext"


def edited(text: str, where: float, deleted: int, inserted: str) -> str:
    at = round(where * len(text))
    return text[:at] + inserted + text[at + deleted :]


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(story=st.sampled_from(STORIES), edits=EDITS)
def test_incremental_checks_publish_what_a_full_check_does(
    checker: Checker, story: Path, edits: list[tuple[float, int, str]]
) -> None:
    text, memo = story.read_text(encoding="utf-8"), ParagraphMemo()
    path, language = str(story), language_of(story)
    checker.check(text, path, language, memo)
    for where, deleted, inserted in edits:
        text = edited(text, where, deleted, inserted)
        assert published(checker.check(text, path, language, memo)) == published(checker.check(text, path, language))


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # A source named in the edited paragraph speaks on in the next one.
        (
            "The mill will close.\n\nIt would reopen in May.\n",
            "Lee said the mill would close.\n\nIt would reopen in May.\n",
        ),
        # A quotation opened in the edited paragraph runs on into the next.
        (
            "Smith spoke.\n\nThe plan may fail, he said.\n",
            "Smith spoke. “It is over.\n\n“The plan may fail, he said.\n",
        ),
        # The speaker named last gives a later quoted paragraph its source.
        (
            "The council met.\n\nIt voted.\n\n“We may lose.”\n",
            "The council met, analysts said.\n\nIt voted.\n\n“We may lose.”\n",
        ),
    ],
)
def test_an_edit_that_reaches_past_its_paragraph(checker: Checker, before: str, after: str) -> None:
    memo = ParagraphMemo()
    checker.check(before, "/tmp/story.txt", "plaintext", memo)
    assert published(checker.check(after, "/tmp/story.txt", "plaintext", memo)) == published(
        checker.check(after, "/tmp/story.txt", "plaintext")
    )


def test_a_keystroke_cuts_only_its_own_paragraph_and_sentence_again(checker: Checker) -> None:
    text = (ROOT / "tests" / "fixtures" / "articles" / "valdoria-sarentia-cooperation.txt").read_text(encoding="utf-8")
    memo = ParagraphMemo()
    checker.check(text, "/tmp/story.txt", "plaintext", memo)
    assert memo.analysis.split > 5 and memo.analysis.cut > 5
    middle = text.index("\n\n", len(text) // 2)
    checker.check(text[:middle] + "x" + text[middle:], "/tmp/story.txt", "plaintext", memo)
    assert (memo.analysis.split, memo.analysis.cut) == (1, 1)  # the paragraph and its last sentence
