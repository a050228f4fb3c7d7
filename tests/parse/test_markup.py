"""Markdown and HTML front ends: prose kept at its own offsets, everything else blanked,
so a finding's line and column land on the right characters of the original file."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.analysis import analyse
from newslint.parse import format_for_path, parse
from newslint.positions import LineIndex

MARKDOWN = """---
title: "Talks may resume"
layout: post
---

# Moscow **may** talk

Analysts [say](https://example.com/may-fail "may") the deal *could* fail. Café &amp; tea
over `code may` lines.

> "We might need more," he said.
> The plan may fail.

- The first item may slip
- a second item

```
the code may run
```

<div>raw html may</div>

| col may | b |
| --- | --- |
| x may | y |

![alt may](img.png) See <https://example.com/may>.
"""


def blocks(source, input_format, **kwargs):
    """(kind, text with white space runs collapsed) per block, and the parse."""
    parsed = parse(source, input_format, **kwargs)
    assert len(parsed.text) == len(source)
    return [(block.kind, " ".join(parsed.text[block.start : block.end].split())) for block in parsed.blocks], parsed


def at(source, text, after=""):
    """1-based (line, column) of `text` in `source`, after the first `after`."""
    return LineIndex(source).position(source.index(text, source.index(after)))


def test_markdown_blocks_keep_prose_and_blank_the_rest():
    found, parsed = blocks(MARKDOWN, "markdown")
    assert found == [
        ("heading", "Moscow may talk"),
        ("paragraph", "Analysts say the deal could fail. Café & tea over lines."),
        ("quote", '"We might need more," he said. The plan may fail.'),
        ("item", "The first item may slip"),
        ("item", "a second item"),
        ("paragraph", "See ."),  # the autolinked URL is blanked, not its full stop
    ]
    assert [" ".join(parsed.text[start:end].split()) for start, end in parsed.quotations] == [
        '"We might need more," he said. The plan may fail.'
    ]
    for block in parsed.blocks:  # prose characters are the file's own
        for offset in range(block.start, block.end):
            assert parsed.text[offset] in (MARKDOWN[offset], " ") or MARKDOWN[offset] == "&"


def test_markdown_front_matter_fields_become_headlines_on_request():
    found, _ = blocks(MARKDOWN, "markdown", front_matter_fields=("title",))
    assert found[0] == ("title", "Talks may resume")
    assert all(kind != "title" for kind, _ in blocks(MARKDOWN, "markdown")[0])


def test_markdown_finding_positions_point_into_the_original_file():
    findings = lint_text(MARKDOWN, input_format="markdown", select=["hedging"])
    index = LineIndex(MARKDOWN)
    where = [(f.rule, index.position(f.start), f.text) for f in findings]
    # The heading's "may" (line 6) is flagged; the quoted block, code, HTML, table,
    # image alt text, link title and URLs are not.
    assert where == [
        ("hedging.modal", at(MARKDOWN, "may", "# Moscow"), "may"),
        ("hedging.modal", at(MARKDOWN, "may", "- The first"), "may"),
    ]
    assert all(MARKDOWN[f.start : f.end] == f.text for f in findings)


def test_markdown_non_ascii_offsets_are_characters_not_bytes():
    source = "Café déjà vu — the plan **may** fail.\n"
    [finding] = lint_text(source, input_format="markdown", select=["hedging.modal"])
    assert source[finding.start : finding.end] == "may"


def test_markdown_block_quote_is_attribution_evidence_not_reporter_voice():
    source = "The mayor spoke on Monday.\n\n> We may need another round of talks.\n"
    assert lint_text(source, input_format="markdown", select=["hedging"]) == []
    assert [f.text for f in lint_text(source, select=["hedging"])] == ["may"]  # as plain text it is not


HTML = """<!doctype html>
<html><head><title>Talks may resume</title><style>p.may { color: red }</style></head>
<body>
<nav><a href="/">Home</a> may</nav>
<h1>Moscow <b>may</b> talk</h1>
<p>Analysts <a href="https://example.com/may">say</a> the deal &ldquo;could&rdquo; fail.<br>
It may rain.</p>
<blockquote><p>We may need more.</p></blockquote>
<ul><li>The first item may slip</li></ul>
<pre>may</pre><p>Use <code>may()</code> now.</p>
<script>var may = 1;</script>
<aside>Related: prices may rise</aside>
<footer>Leave a Reply</footer>
</body></html>
"""


def test_html_blocks_and_skipped_elements():
    found, parsed = blocks(HTML, "html")
    assert found == [
        ("heading", "Moscow may talk"),
        ("paragraph", "Analysts say the deal “ could” fail. It may rain."),
        ("quote", "We may need more."),
        ("item", "The first item may slip"),
        ("paragraph", "Use now."),
    ]
    assert [parsed.text[start:end] for start, end in parsed.quotations] == ["We may need more."]


def test_html_finding_positions_point_into_the_original_file():
    findings = lint_text(HTML, input_format="html", select=["hedging.modal"])
    index = LineIndex(HTML)
    assert [(index.position(f.start), f.text) for f in findings] == [
        (at(HTML, "may", "<h1>"), "may"),
        (at(HTML, "may", "It may"), "may"),
        (at(HTML, "may", "<li>"), "may"),
    ]


def test_html_entities_count_as_their_characters():
    document = analyse("<p>&ldquo;We may lose,&rdquo; she said.</p>", input_format="html")
    assert len(document.quotes) == 1
    assert lint_text("<p>&ldquo;We may lose,&rdquo; she said.</p>", input_format="html", select=["hedging"]) == []


def test_unclosed_and_broken_html_is_still_read():
    found, _ = blocks("<p>First may <b>bold<p>Second para</div></span>", "html")
    assert [text for _, text in found] == ["First may bold", "Second para"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("a/story.md", "markdown"),
        ("STORY.MARKDOWN", "markdown"),
        ("x.html", "html"),
        ("x.htm", "html"),
        ("x.txt", "text"),
        ("README", "text"),
    ],
)
def test_format_from_extension(path, expected):
    assert format_for_path(path) == expected
