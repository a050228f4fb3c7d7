"""repetition.doubled: a pattern rule (backreference) with exceptions, no kind of its own."""

from __future__ import annotations

from newslint import lint_text


def doubled(text: str) -> list[str]:
    found = []
    for finding in lint_text(text, select=["repetition.doubled"]):
        assert text[finding.start : finding.end] == finding.text
        found.append(finding.text)
    return found


def test_case_differs_and_line_breaks_inside_a_hard_wrapped_paragraph():
    assert doubled("The the budget passed.") == ["The the"]
    assert doubled("Officials will meet\n    in\nin Geneva, the ministry said.") == ["in\nin"]


def test_whole_words_only():
    assert doubled("He saw the theater. It is a bit bitter.") == []


def test_grammatical_doubles_names_and_table_cells_pass():
    assert doubled("She had had enough. He said that that was final.") == []
    assert doubled("The resort on Bora Bora reopened.") == []
    assert doubled("Exports nil nil nil") == []


def test_quotations_are_the_sources():
    assert doubled("“No, no no,” he said.") == []
