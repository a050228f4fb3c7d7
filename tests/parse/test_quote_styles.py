"""Quotation marks as other languages and house styles set them (issue 20, item 18).

German „…“, Danish »…«, Swedish ”…” and »…», French «…», British ‘…’, ‹…› and
Japanese 「…」: each opens with its own mark and closes with its own. Before, „ left the
rest of the paragraph quoted (“ only ever opened), and ‘…’, ‹…› and 「…」 were no
quotations at all, so hedges inside them were flagged and `--fix` edited the source's
words.
"""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.analysis import analyse


def top_level(text: str) -> list[str]:
    return [text[q.start : q.end] for q in analyse(text).quotes if not q.nested]


# Each style: a quotation, then the reporter's own words, which must stay unquoted.
STYLES = {
    "german": ("Sie sagte: „Wir gewinnen“, und ging.", "„Wir gewinnen“"),
    "german-chevrons": ("Sie sagte: »Wir gewinnen«, und ging.", "»Wir gewinnen«"),
    "danish": ("Hun sagde: »Vi vinder«, og gik.", "»Vi vinder«"),
    "swedish": ("Hon sa: ”Vi vinner”, och gick.", "”Vi vinner”"),
    "swedish-chevrons": ("Hon sa: »Vi vinner», och gick.", "»Vi vinner»"),
    "polish": ("Powiedziała: „Wygramy”, i wyszła.", "„Wygramy”"),
    "french": ("Elle a dit : « Nous gagnerons », puis elle est partie.", "« Nous gagnerons »"),
    "british": ("She said ‘we will win’ and left.", "‘we will win’"),
    "british-comma": ("‘We will win,’ she said.", "‘We will win,’"),
    "swiss-single": ("Sie sagte ‹Wir gewinnen› und ging.", "‹Wir gewinnen›"),
    "german-single-chevrons": ("Sie sagte ›Wir gewinnen‹ und ging.", "›Wir gewinnen‹"),
    "japanese": ("彼女は「勝つ」と言った。", "「勝つ」"),
    "japanese-double": ("彼女は『勝つ』と言った。", "『勝つ』"),
}


@pytest.mark.parametrize(("text", "quotation"), list(STYLES.values()), ids=list(STYLES))
def test_each_language_s_marks_open_and_close_a_quotation(text, quotation):
    assert top_level(text) == [quotation]


def test_german_quotation_ends_at_its_closing_mark_not_the_paragraph():
    text = "„Wir gewinnen“, sagte sie. Die Preise may rise."
    quoted = top_level(text)
    assert quoted == ["„Wir gewinnen“"]


def test_german_single_quotation_nested_in_a_german_one():
    text = "„Er sagte ‚nie‘ dazu“, sagte sie."
    assert top_level(text) == ["„Er sagte ‚nie‘ dazu“"]
    assert [text[q.start : q.end] for q in analyse(text).quotes if q.nested] == ["‚nie‘"]


def test_french_quotation_with_english_quotes_inside_ends_at_its_own_mark():
    text = "« Il a dit “non” hier », a-t-elle ajouté."
    assert top_level(text) == ["« Il a dit “non” hier »"]


def test_danish_quotation_with_english_quotes_inside_ends_at_its_own_mark():
    text = "»Han sagde “nej” i går«, sagde hun."
    assert top_level(text) == ["»Han sagde “nej” i går«"]


@pytest.mark.parametrize(
    ("text", "quotation"),
    [
        ("‘The players’ union will win,’ she said.", "‘The players’ union will win,’"),
        ("‘We don’t know,’ she said.", "‘We don’t know,’"),
        ("‘In the 1990s’ boom we won,’ she said.", "‘In the 1990s’ boom we won,’"),
        ("She called it ‘O’Brien’s plan’ and left.", "‘O’Brien’s plan’"),
        ("He said ‘yes’.", "‘yes’"),
        ("(‘Yes’, he said.)", "‘Yes’"),
    ],
)
def test_british_single_quotes_are_not_closed_by_an_apostrophe(text, quotation):
    assert top_level(text) == [quotation]


@pytest.mark.parametrize(
    "text",
    [
        "We don’t know what the 1990s’ boom meant.",
        "In the ‘90s rock ‘n’ roll won.",
        "The players’ union met O’Brien’s team.",
        "It was a ‘stray mark and nothing closes it.",
        "The word‘s odd mark and the 1990s’ end.",
    ],
)
def test_apostrophes_and_stray_single_marks_are_no_quotation(text):
    assert analyse(text).quotes == []


@pytest.mark.parametrize(
    "quotation",
    [
        "„prices may rise“",
        "»prices may rise«",
        "”prices may rise”",
        "‘prices may rise’",
        "‹prices may rise›",
        "「prices may rise」",
        "« prices may rise »",
    ],
)
def test_hedges_inside_any_quotation_are_the_sources(quotation):
    # The reporter's hedges before and after the quotation are flagged; the source's is not.
    text = f"Prices may fall. The banner is {quotation}, and costs may climb."
    found = [(f.rule, f.start) for f in lint_text(text, select=["hedging.modal"])]
    assert found == [("hedging.modal", text.index("may")), ("hedging.modal", text.rindex("may"))]


def test_stray_british_marks_are_read_in_linear_time(monkeypatch):
    # Each ‘ that nothing closes looks ahead for a closing ’; the search stops where the
    # next quotation could open, so n stray marks cost n searches, not n² steps.
    import newslint.quotes as quotes

    visited = 0
    pattern = quotes._SINGLE_CURLY

    class Counting:
        def finditer(self, text, start, end):
            nonlocal visited
            for mark in pattern.finditer(text, start, end):
                visited += 1
                yield mark

    monkeypatch.setattr(quotes, "_SINGLE_CURLY", Counting())
    work = []
    for n in (2_000, 8_000):
        visited = 0
        text = "‘a " * n + "end."
        assert analyse(text).quotes == []
        work.append(visited)
    assert work[1] < 8 * work[0]
