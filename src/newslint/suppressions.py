"""Inline suppressions: an editor's "I know, leave it" written into the story.

    <!-- newslint-disable hedging.modal, attribution -->   off from here ...
    <!-- newslint-enable -->                               ... to here (or the end)
    <!-- newslint-disable-next-paragraph bias.loaded -->   off for the next paragraph

Without rule ids a directive covers every rule. Markdown and HTML hide the comments from
readers; in plain text the same comment, or `// newslint-disable ...`, must stand on a
line of its own, and that line is not linted. A directive naming a rule that does not
exist is reported (`newslint.unknown-rule`), and with `--report-unused-suppressions` so
is one that suppressed nothing (`newslint.unused-suppression`), as ruff does for noqa.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.model import Document, Finding, Severity
from newslint.selection import selects, selects_any

UNKNOWN_RULE = "newslint.unknown-rule"
UNUSED = "newslint.unused-suppression"
_COMMENT = re.compile(r"<!--\s*newslint-(?P<action>disable-next-paragraph|disable|enable)\b(?P<ids>.*?)-->", re.DOTALL)
_PLAIN_LINE = re.compile(
    r"^[ \t]*(?://[ \t]*newslint-(?P<action>disable-next-paragraph|disable|enable)\b(?P<ids>[^\r\n]*)"
    r"|<!--[ \t]*newslint-(?:disable-next-paragraph|disable|enable)\b[^\r\n]*?-->)[ \t]*$",
    re.MULTILINE,
)
_ID = re.compile(r"[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)?")


@dataclass
class Directive:
    action: str  # disable, enable, disable-next-paragraph
    rule_ids: tuple[str, ...]  # empty: every rule
    start: int
    end: int
    used: bool = False


def find_directives(source: str, input_format: str) -> list[Directive]:
    """Every directive in the file, in order. In plain text only whole-line ones count,
    so a sentence that mentions the syntax is not a directive."""
    if input_format == "text":
        matches = []
        for line in _PLAIN_LINE.finditer(source):
            inner = _COMMENT.search(line.group()) if line.group("action") is None else line
            # The line's other alternative is a whole `<!-- newslint-... -->` comment.
            assert inner is not None
            matches.append((inner.group("action"), inner.group("ids"), line.start(), line.end()))
    else:
        matches = [(m.group("action"), m.group("ids"), m.start(), m.end()) for m in _COMMENT.finditer(source)]
    return [
        Directive(action, tuple(_ID.findall(ids.replace(",", " "))), start, end) for action, ids, start, end in matches
    ]


def plain_text_directive_lines(source: str) -> list[tuple[int, int]]:
    """Spans of the plain-text lines that hold a directive: not prose, so not linted."""
    return [match.span() for match in _PLAIN_LINE.finditer(source)]


@dataclass(frozen=True)
class _Region:
    start: int
    end: int
    rule_ids: tuple[str, ...]
    directive: Directive

    def covers(self, finding: Finding) -> bool:
        return self.start <= finding.start < self.end and (
            not self.rule_ids or selects_any(self.rule_ids, finding.rule)
        )


def _regions(directives: list[Directive], document: Document) -> list[_Region]:
    """What each directive covers. `disable a, b` opens a region per id (or one for every
    rule); `enable a` closes a's, a bare `enable` closes them all; the end of the file
    closes what is still open."""
    regions: list[_Region] = []
    opened: dict[str, Directive] = {}  # rule id, or "" for every rule → the disable that opened it
    for directive in directives:
        ids = directive.rule_ids or ("",)
        if directive.action == "disable":
            for rule_id in ids:
                opened.setdefault(rule_id, directive)
        elif directive.action == "enable":
            for rule_id in list(opened) if not directive.rule_ids else ids:
                if rule_id in opened:
                    start = opened.pop(rule_id)
                    regions.append(_Region(start.end, directive.start, (rule_id,) if rule_id else (), start))
        else:
            following = next((p for p in document.paragraphs if p.start >= directive.end), None)
            if following is not None:
                regions.append(_Region(following.start, following.end, directive.rule_ids, directive))
    regions.extend(
        _Region(start.end, len(document.text), (rule_id,) if rule_id else (), start)
        for rule_id, start in opened.items()
    )
    return regions


def apply_suppressions(
    findings: list[Finding],
    directives: list[Directive],
    document: Document,
    known_rule_ids: set[str],
    *,
    report_unused: bool = False,
) -> list[Finding]:
    """Findings not covered by a directive, plus findings about the directives."""
    if not directives:
        return findings
    regions = _regions(directives, document)
    kept = []
    for finding in findings:
        covering = [region for region in regions if region.covers(finding)]
        for region in covering:
            region.directive.used = True
        if not covering:
            kept.append(finding)
    for directive in directives:
        unknown = [
            rule_id for rule_id in directive.rule_ids if not any(selects(rule_id, known) for known in known_rule_ids)
        ]
        if unknown:
            kept.append(
                _about(
                    directive,
                    document,
                    UNKNOWN_RULE,
                    f"unknown rule {', '.join(map(repr, unknown))} in newslint-{directive.action}",
                )
            )
        elif report_unused and directive.action != "enable" and not directive.used:
            kept.append(
                _about(directive, document, UNUSED, f"newslint-{directive.action} suppressed nothing here — remove it")
            )
    kept.sort(key=lambda f: (f.start, f.end, f.rule))
    return kept


def _about(directive: Directive, document: Document, rule: str, message: str) -> Finding:
    paragraph = next((p.index for p in reversed(document.paragraphs) if p.start <= directive.start), 1)
    return Finding(
        rule=rule,
        severity=Severity.WARNING,
        message=message,
        start=directive.start,
        end=directive.end,
        paragraph=paragraph,
        text=document.text[directive.start : directive.end],
        suggestion=None,
    )
