"""The HTML report in a real browser: headless Chromium opens it from a file:// URL,
runs its script and takes a screenshot. Skipped where no Chromium is installed;
`.ci/run` installs Debian's `chromium` so CI does run it."""

from __future__ import annotations

from pathlib import Path

import pytest
from html_page import Page

from newslint.formats import html as html_format
from newslint.linter import Linter, Options

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def report(tmp_path) -> Path:
    # The `all` profile: the page shows findings of each severity (in `news` the hedges
    # are info since issue 19), and the popover must name each finding's own.
    linter = Linter(Options(readability=True, repetition=True, profile="all"))
    results = [linter.lint_path(str(REPO / "examples" / "hedged-analysis.txt"))]
    path = tmp_path / "report.html"
    path.write_text(html_format.render(results), encoding="utf-8")
    return path


def test_chromium_screenshots_the_report(report, tmp_path, headless_chromium):
    shot = tmp_path / "report.png"
    done = headless_chromium(
        "--hide-scrollbars", "--window-size=1200,1400", f"--screenshot={shot}", report.as_uri(), cwd=tmp_path
    )
    assert shot.is_file(), done.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000  # a rendered page, not a blank one


def test_chromium_runs_the_report_script(report, tmp_path, headless_chromium):
    """After the script has run, the marks have no `title` (the popover replaces it)
    and the page still holds every highlight: the script ran without breaking the page."""
    done = headless_chromium("--dump-dom", report.as_uri(), cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    before, after = Page(report.read_text(encoding="utf-8")), Page(done.stdout)
    assert len(after.marks()) == len(before.marks()) > 0
    assert all("title" not in mark.attrs for mark in after.marks())


def test_chromium_filters_and_popover_work(report, tmp_path, headless_chromium):
    """Unticking a family's box clears its highlights (CSS alone), and focusing a mark
    shows the popover with its message and those of the findings around it. A probe
    script appended to a copy of the page records what the browser computed."""
    probe = """<script>
      // The second 'may' ("many may lose a season") sits in the unsourced-feeling sentence.
      var modal = document.querySelectorAll('mark.hl[data-rule="hedging.modal"]')[1];
      modal.focus();
      // A headless window may not have the system focus, and then focus() moves the
      // document's focus without firing focusin: send the event the browser would.
      modal.dispatchEvent(new FocusEvent("focusin", {bubbles: true}));
      var tip = document.getElementById("tip");
      document.body.dataset.tipHidden = String(tip.hidden);
      document.body.dataset.tipText = tip.textContent;
      document.body.dataset.before = getComputedStyle(modal).backgroundColor;
      document.getElementById("show-hedging").checked = false;
      document.body.dataset.after = getComputedStyle(modal).backgroundColor;
    </script></body>"""
    probed = tmp_path / "probed.html"
    probed.write_text(report.read_text(encoding="utf-8").replace("</body>", probe), encoding="utf-8")
    done = headless_chromium("--dump-dom", probed.as_uri(), cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    body = Page(done.stdout).find_all("body")[0].attrs
    assert body["data-tip-hidden"] == "false"
    assert "hedging.modal (warning) 'may' hedges the claim" in body["data-tip-text"]
    assert "attribution.unattributed (info)" in body["data-tip-text"]  # the sentence it sits in
    assert body["data-before"] != body["data-after"] == "rgba(0, 0, 0, 0)"
