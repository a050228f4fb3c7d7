"""The HTML dashboard (`--format html`): one self-contained page with trend lines per
group, distributions, a sortable table, the worst stories and the bad records; and, where
Chromium is installed (CI installs it), the page as a browser runs it (issue 22)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from audit_stories import write_jsonl
from typer.testing import CliRunner

from newslint.cli import app


class Elements(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag: str, **wanted: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag and all(attrs.get(k) == v for k, v in wanted.items())]


@pytest.fixture
def dashboard(tmp_path, records) -> Path:
    rows = records(30)
    rows[0]["desk"] = "<script>alert('desk')</script>"
    source = write_jsonl(tmp_path / "archive.jsonl", rows)
    with source.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "no-text"}\n')
    page = tmp_path / "audit.html"
    done = CliRunner().invoke(
        app, ["audit", str(source), "--group-by", "desk,month", "--format", "html", "-o", str(page)]
    )
    assert done.exit_code == 0, done.stderr
    return page


def test_the_dashboard_draws_trends_distributions_and_a_table(dashboard):
    page = dashboard.read_text("utf-8")
    elements = Elements(page)
    trends = elements.all("figure", **{"class": "trend"})
    assert len(trends) == 5
    series = {attrs["data-series"] for attrs in elements.all("polyline")}
    assert series == {"desk=business", "desk=metro", "desk=politics", "desk=<script>alert('desk')</script>"}
    assert len(elements.all("polyline")) == 5 * 4
    assert elements.all("rect", **{"class": "bar"})  # grades and families
    rows = page.split('<table class="sortable" id="groups">')[1].split("</table>")[0].count("<tr")
    assert rows == 1 + 10 + 1  # the heading, one per desk and month, the total
    assert "no 'text' field" in "".join(elements.text)


def test_the_dashboard_is_self_contained_and_escapes_the_archive(dashboard):
    page = dashboard.read_text("utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(" in page
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page)
    assert page.count("<script>") == 1  # the table's own sorting script


def test_chromium_renders_the_dashboard(dashboard, tmp_path, headless_chromium):
    shot = tmp_path / "audit.png"
    done = headless_chromium(
        "--hide-scrollbars", "--window-size=1200,1600", f"--screenshot={shot}", dashboard.as_uri(), cwd=tmp_path
    )
    assert shot.is_file(), done.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_chromium_sorts_the_table_by_a_clicked_column(dashboard, tmp_path, headless_chromium):
    """Clicking "Stories" twice sorts the groups by stories, most first then fewest
    first, and the total row stays last."""
    probe = """<script>
      var th = Array.prototype.find.call(document.querySelectorAll("#groups th"), function (h) { return h.textContent === "Stories"; });
      var column = Array.prototype.indexOf.call(th.parentNode.children, th);
      function stories() {
        return Array.prototype.map.call(document.querySelectorAll("#groups tbody tr"), function (row) {
          return (row.className === "total" ? "total:" : "") + row.cells[column].dataset.value; }).join(",");
      }
      th.click(); document.body.dataset.descending = stories();
      th.click(); document.body.dataset.ascending = stories();
    </script></body>"""
    probed = tmp_path / "probed.html"
    probed.write_text(dashboard.read_text("utf-8").replace("</body>", probe), "utf-8")
    done = headless_chromium("--dump-dom", probed.as_uri(), cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    body = Elements(done.stdout).all("body")[0]
    descending = body["data-descending"].split(",")
    ascending = body["data-ascending"].split(",")
    assert descending[-1] == ascending[-1] == "total:30"
    assert [int(v) for v in descending[:-1]] == sorted((int(v) for v in descending[:-1]), reverse=True)
    assert [int(v) for v in ascending[:-1]] == sorted(int(v) for v in ascending[:-1])


def test_reports_of_the_stories_with_most_findings_are_linked(tmp_path, records):
    source = write_jsonl(tmp_path / "archive.jsonl", records(12))
    page, reports = tmp_path / "out" / "audit.html", tmp_path / "out" / "reports"
    page.parent.mkdir()
    args = ["audit", str(source), "--top", "2", "--format", "html", "-o", str(page), "--reports", str(reports)]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.stderr
    links = [attrs["href"] for attrs in Elements(page.read_text("utf-8")).all("a")]
    assert len(links) == 2 and all(link.startswith("reports/") for link in links)
    for link in links:
        report = (page.parent / link).read_text("utf-8")
        assert "archive.jsonl:" in report and "the census shows" in report
