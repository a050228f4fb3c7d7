"""`--format html` and `newslint report`: the page is parsed back and every highlight
must cover exactly its finding's characters; story text and file names cannot inject
anything; nothing is fetched from the network."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
from html_page import Page
from typer.testing import CliRunner

from newslint.cli import app
from newslint.formats import html as html_format
from newslint.formats.html import _Span, nest
from newslint.linter import Linter, Options

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "hedged-analysis.txt"
PORT_DEAL = REPO / "examples" / "newsroom" / "stories" / "port-deal.md"


@pytest.fixture
def runner():
    return CliRunner()


def lint(*paths: Path | str):
    linter = Linter(Options(readability=True, repetition=True))
    return [linter.lint_path(str(path)) for path in paths]


def render(*paths: Path | str) -> tuple[list, str]:
    results = lint(*paths)
    return results, html_format.render(results)


def assert_every_finding_placed_exactly(result, page: Page, file_number: int = 1) -> None:
    """Each finding is a highlight whose text is exactly text[start:end], or a note
    (a whole paragraph, the whole file) that carries the same offsets."""
    prefix = f"file-{file_number}"
    for number, finding in enumerate(result.findings, 1):
        key = f"{prefix}-f{number}"
        expected = result.text[finding.start : finding.end]
        if key in page.finding_pieces:
            first = page.finding_pieces[key][0]
            assert first.attrs["data-rule"] == finding.rule
            assert first.attrs["data-family"] == finding.rule.split(".")[0]
            assert first.attrs["data-severity"] == str(finding.severity)
            assert (int(first.attrs["data-start"]), int(first.attrs["data-end"])) == (finding.start, finding.end)
            assert page.finding_text[key] == expected, finding
        else:
            notes = page.find_all("li", "note", id=f"{prefix}-n{number}")
            assert len(notes) == 1, f"finding {number} ({finding.rule}) neither highlighted nor noted"
            note = notes[0]
            assert (int(note.attrs["data-start"]), int(note.attrs["data-end"])) == (finding.start, finding.end)
            assert note.attrs["data-rule"] == finding.rule


def test_highlights_cover_exactly_the_finding_spans_in_the_example():
    (result,), source = render(EXAMPLE)
    page = Page(source)
    assert_every_finding_placed_exactly(result, page)
    marks = {(mark.attrs["data-rule"], mark.text) for mark in page.marks()}
    assert ("hedging.modal", "may") in marks
    assert ("hedging.stacked", "could potentially") in marks
    assert ("attribution.hearsay", "reportedly") in marks
    # A sentence-wide finding holds the word-level ones inside it, nested, not beside them.
    outer = next(mark for mark in page.marks() if mark.attrs["data-rule"] == "attribution.unattributed")
    assert "wide" in outer.classes
    assert [child.attrs["data-rule"] for child in outer.children if child.tag == "mark"] == ["hedging.modal"]
    # Hedge density covers its whole paragraph: a margin note, not a highlight.
    density = page.find_all("li", "note", data_rule="hedging.density")
    assert density and all(note.attrs["data-start"] for note in density)


def test_markdown_story_highlights_point_into_the_source():
    (result,), source = render(PORT_DEAL)
    page = Page(source)
    assert result.findings
    assert_every_finding_placed_exactly(result, page)


def test_paragraph_text_is_the_files_own_text():
    (result,), source = render(EXAMPLE)
    page = Page(source)
    shown = page.find_all("p", "text")
    assert [(int(p.attrs["data-start"]), int(p.attrs["data-end"])) for p in shown] == result.paragraphs
    assert [p.text for p in shown] == [result.text[start:end] for start, end in result.paragraphs]


def test_crossing_spans_are_split_and_still_cover_their_text():
    text = "one two three four five six"
    findings_at = [(4, 18), (8, 27), (0, 7)]  # "two three four", "three four five six", "one two"

    class Fake:
        def __init__(self, start, end):
            self.rule, self.start, self.end, self.message, self.suggestion = "style.x", start, end, "m", None
            self.severity = "warning"

    spans = [
        _Span(start, end, 1, Fake(start, end), number, f"k{number}", f"n{number}")
        for number, (start, end) in enumerate(findings_at, 1)
    ]
    spans.append(_Span(8, 13, 0))  # a quotation around "three"
    page = Page(f"<p>{nest(text, 0, len(text), spans)}</p>")
    for number, (start, end) in enumerate(findings_at, 1):
        assert page.finding_text[f"k{number}"] == text[start:end]
    assert len(page.finding_pieces["k1"]) == 2  # cut where "one two" ends
    assert [q.text for q in page.find_all("span", "quote")] == ["three"]
    assert "".join(p.text for p in page.find_all("p")) == text


def test_empty_finding_is_a_marker_at_its_place():
    class Fake:
        rule, start, end, message, suggestion, severity = "newslint.x", 3, 3, "m", None, "info"

    page = Page(f"<p>{nest('abcdef', 0, 6, [_Span(3, 3, 1, Fake(), 1, 'k1', 'n1')])}</p>")
    assert page.finding_text["k1"] == ""
    assert page.find_all("p")[0].text == "abcdef"


def test_quotations_are_marked(tmp_path):
    story = tmp_path / "quoted.txt"
    story.write_text('Talks\n\n"We may need another round," the minister said. The plan may fail.\n', encoding="utf-8")
    (result,), source = render(story)
    page = Page(source)
    quotes = [span for span in page.find_all("span", "quote") if "sample" not in span.classes]
    assert [(int(q.attrs["data-start"]), int(q.attrs["data-end"])) for q in quotes] == result.quotes
    assert [q.text for q in quotes] == ['"We may need another round,"']
    # The quoted "may" is the source's; the reporter's is flagged, outside the quotation.
    modal = [mark for mark in page.marks() if mark.attrs["data-rule"] == "hedging.modal"]
    assert len(modal) == 1 and int(modal[0].attrs["data-start"]) > result.quotes[0][1]


def test_margin_notes_give_grade_and_claims_tally():
    (result,), source = render(EXAMPLE)
    page = Page(source)
    asides = page.find_all("aside", "margin")
    assert len(asides) == len(result.paragraphs)
    for index, aside in enumerate(asides):
        grade = result.readability.paragraphs[index].flesch_kincaid_grade
        assert f"¶{index + 1}" in aside.text
        assert f"grade {grade:.1f}" in aside.text
        counts = result.claims.paragraphs[index]
        expected = f"claims {counts.claims} / attributed {counts.attributed}" if counts.claims else "no claims"
        assert expected in aside.text


def test_summary_counts_filters_and_chart():
    (result,), source = render(EXAMPLE)
    page = Page(source)
    families = {finding.rule.split(".")[0] for finding in result.findings}
    for family in families:
        box = page.find_all("input", id=f"show-{family}")
        assert len(box) == 1 and box[0].attrs["type"] == "checkbox" and "checked" in box[0].attrs
        assert any(
            f"show-{family}" == label_input.attrs.get("id")
            for label in page.find_all("label", "filter")
            for label_input in label.children
        )
        rows = [row for row in page.find_all("tr") if row.children and row.children[0].text == family]
        total = sum(1 for finding in result.findings if finding.rule.startswith(family + "."))
        assert rows and rows[0].children[-1].text == str(total)
    svg = page.find_all("svg", "chart")[0]
    assert svg.attrs["role"] == "img"
    assert page.find_all("title", id="file-1-chart-title") and page.find_all("desc", id="file-1-chart-desc")
    assert len(page.find_all("rect")) == len(result.paragraphs)
    assert len(page.find_all("line", "limit")) == 1
    assert f"grade {result.readability.article.flesch_kincaid_grade:.1f}" in source


def test_marks_are_keyboard_focusable_and_described():
    _, source = render(EXAMPLE)
    page = Page(source)
    ids = {element.attrs.get("id") for element in page.elements}
    for mark in page.marks():
        assert mark.attrs["tabindex"] == "0"
        assert mark.attrs["aria-describedby"] in ids
        assert mark.attrs["title"]


def test_story_and_file_name_cannot_inject_markup(tmp_path):
    evil = '"><img src=x onerror=alert(1)>'
    story = tmp_path / f"{evil}<script>alert(2)<!--.txt"
    story.write_text(
        f"<script>alert(1)</script> Headline {evil}\n\n"
        f"The deal may <b>collapse</b> {evil}, see https://example.com/x.js.\n",
        encoding="utf-8",
    )
    (result,), source = render(story)
    page = Page(source)
    scripts = page.find_all("script")
    assert len(scripts) == 1
    assert scripts[0].text.strip() == resources.files("newslint.formats").joinpath("report.js").read_text().strip()
    assert not page.find_all("img") and not page.find_all("b")
    assert not [name for element in page.elements for name in element.attrs if name.startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source
    assert html_format._e(evil) in source
    assert page.find_all("h2")[0].text == str(story)
    assert [p.text for p in page.find_all("p", "text")] == [result.text[s:e] for s, e in result.paragraphs]
    assert_every_finding_placed_exactly(result, page)


def test_no_network_references(tmp_path):
    story = tmp_path / "links.txt"
    story.write_text("Links\n\nThe plan may fail, see https://example.com and http://example.org.\n", encoding="utf-8")
    _, source = render(EXAMPLE, story)
    page = Page(source)
    for element in page.elements:
        for name in ("src", "href", "action", "srcset", "data", "poster"):
            value = element.attrs.get(name)
            assert value is None or value.startswith("#"), (element.tag, name, value)
    style = page.find_all("style")[0].text
    assert "url(" not in style and "@import" not in style
    assert not page.find_all("link") and not page.find_all("iframe")


def test_several_files_have_sections_and_an_index(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("A\n\nThe deal may collapse.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B\n\nThe council approved the budget on Monday.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--format", "html", "-o", "report.html", "a.txt", "missing.txt", "b.txt"])
    assert result.exit_code == 2  # a file could not be checked
    page = Page((tmp_path / "report.html").read_text(encoding="utf-8"))
    toc = page.find_all("nav", "toc")[0]
    links = [
        element
        for element in page.find_all("a")
        if element.attrs["href"].startswith("#file-") and "-p" not in element.attrs["href"]
    ]
    assert [link.text for link in links] == ["a.txt", "missing.txt", "b.txt"]
    assert "no such file or directory" in toc.text
    sections = page.find_all("section", "file")
    assert [section.attrs["id"] for section in sections] == ["file-1", "file-2", "file-3"]
    assert "could not be checked" in sections[1].text
    assert "No findings." in sections[2].text
    assert [mark.attrs["data-finding"] for mark in page.marks()] == ["file-1-f1"]


def test_report_command_writes_html_and_exits_0_on_findings(tmp_path, runner):
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = Page(out.read_text(encoding="utf-8"))
    assert len(page.marks()) > 5
    assert page.find_all("aside", "margin") and "grade" in page.find_all("aside", "margin")[0].text
    gated = runner.invoke(app, ["report", "--fail-on", "warning", str(EXAMPLE), "-o", str(out)])
    assert gated.exit_code == 1


def test_check_html_has_grades_without_stats(runner):
    result = runner.invoke(app, ["check", "--format", "html", "--fail-on", "never", str(EXAMPLE)])
    assert result.exit_code == 0
    assert re.search(r'<span class="grade">grade \d+\.\d</span>', result.stdout)


def test_findings_outside_any_paragraph_are_listed_for_the_file(tmp_path):
    story = tmp_path / "directive.txt"
    story.write_text(
        "Talks\n\n<!-- newslint-disable hedging.nonsense -->\n\nThe deal may collapse.\n", encoding="utf-8"
    )
    (result,), source = render(story)
    page = Page(source)
    unknown = [finding for finding in result.findings if finding.rule == "newslint.unknown-rule"]
    assert unknown
    listed = page.find_all("li", "note", data_rule="newslint.unknown-rule")
    assert len(listed) == 1 and "fam-newslint" in listed[0].classes
    assert "About the whole file" in page.find_all("div", "file-notes")[0].text
    assert page.find_all("input", id="show-newslint")
    assert_every_finding_placed_exactly(result, page)
