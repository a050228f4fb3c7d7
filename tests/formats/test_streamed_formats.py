"""The formats written file by file (issue 8): the parts a `Report` returns, written one
after another, are exactly the report `render()` gives for the same results, and the JSON
document is exactly what `json.dumps(indent=2)` makes of the whole of it, as it was when
the whole document was dumped at once."""

from __future__ import annotations

import json

import pytest

from newslint.formats import FORMAT_NAMES, WholeRunReport, github, line, report_for, text
from newslint.formats import json as json_format
from newslint.linter import Linter, Options

STREAMED = {"text": text.render, "line": line.render, "json": json_format.render, "github": github.render}

STORIES = {
    "hedged.txt": "Budget talks resume\n\nThe deal may collapse.\tIt could potentially fail.\n",
    "clean.txt": "Officials met on Monday.\n",
    # Findings whose text holds a line separator (U+2028, which JSON keeps raw with
    # ensure_ascii=False, so re-indenting must not split on it) and a newline (escaped),
    # curly quotes, and quotes in the file name.
    'odd "name".md': (
        "# Title\n\nThe plan could\u2028potentially fail, officials \u201cclaimed\u201d.\n\n"
        "Rates could\npotentially rise.\n"
    ),
    "broken.txt": b"Caf\xe9 owners may say the rates rose.\n",
}


@pytest.fixture
def results(tmp_path):
    """Several files: with findings, without, with odd characters, one that cannot be read,
    and one that does not exist."""
    paths = []
    for name, content in STORIES.items():
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        paths.append(str(path))
    paths.append(str(tmp_path / "missing.txt"))
    # The `all` profile (every rule as its pack defines it): the hedges are info in the
    # default `news` profile since issue 19; the summary counts each severity.
    linter = Linter(Options(repetition=True, profile="all"))
    return [linter.lint_path(path) for path in paths]


def streamed(name: str, results, color: bool = False) -> str:
    report = report_for(name, color)
    parts = [report.opening()] + [report.add(result) for result in results] + [report.closing()]
    return "".join(parts)


@pytest.mark.parametrize("name", sorted(STREAMED))
@pytest.mark.parametrize("count", [0, 1, 2, 5])
@pytest.mark.parametrize("color", [False, True])
def test_streamed_parts_are_the_rendered_report(name, count, color, results):
    chosen = results[:count]
    assert streamed(name, chosen, color) == STREAMED[name](chosen, color)


def test_the_fixture_covers_findings_errors_and_clean_files(results):
    assert [bool(result.findings) for result in results] == [True, False, True, False, False]
    assert [result.error is not None for result in results] == [False, False, False, True, True]
    assert {"could\u2028potentially", "could\npotentially"} <= {finding.text for finding in results[2].findings}


@pytest.mark.parametrize("count", [0, 1, 2, 5])
def test_json_is_the_whole_document_dumped_with_indent_2(count, results):
    report = json_format.render(results[:count])
    document = json.loads(report)
    assert report == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert len(document["files"]) == count
    assert document["summary"]["files"] == count


def test_an_empty_json_report_has_an_empty_files_list():
    assert json_format.render([]) == (
        '{\n  "version": 2,\n  "files": [],\n  "summary": {\n    "files": 0,\n    "files_with_errors": 0,\n'
        '    "findings": 0,\n    "error": 0,\n    "warning": 0,\n    "info": 0\n  }\n}\n'
    )


def test_text_summary_counts_every_streamed_file(results):
    report = report_for("text")
    for result in results:
        report.add(result)
    assert report.closing() == "4 findings (3 errors, 1 warning, 0 info) in 5 files; 2 files could not be checked\n"


def test_each_part_is_ready_without_the_files_after_it(results):
    """A file's part is the same whether or not more files follow: nothing is held back
    for later, so the CLI can write it at once."""
    for name in STREAMED:
        whole = report_for(name)
        parts = [whole.add(result) for result in results]
        for count in range(1, len(results) + 1):
            prefix = report_for(name)
            assert [prefix.add(result) for result in results[:count]] == parts[:count]


@pytest.mark.parametrize("name", [name for name in FORMAT_NAMES if name not in STREAMED])
def test_whole_run_formats_render_at_the_closing(name, results):
    report = report_for(name)
    assert isinstance(report, WholeRunReport)
    assert report.opening() == "" and all(report.add(result) == "" for result in results)
    assert report.closing() != ""
