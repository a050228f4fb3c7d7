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

import bisect
import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass

from newslint.model import Document, Finding, Severity
from newslint.selection import selects, unknown_hint

UNKNOWN_RULE = "newslint.unknown-rule"
UNUSED = "newslint.unused-suppression"
_COMMENT = re.compile(r"<!--\s*newslint-(?P<action>disable-next-paragraph|disable|enable)\b(?P<ids>.*?)-->", re.DOTALL)
# Where a comment directive starts; its end is the next "-->" (see `_comments`).
_COMMENT_OPENING = re.compile(r"<!--\s*newslint-(?P<action>disable-next-paragraph|disable|enable)\b")
_COMMENT_CLOSING = "-->"
_PLAIN_LINE = re.compile(
    r"^[ \t]*(?://[ \t]*newslint-(?P<action>disable-next-paragraph|disable|enable)\b(?P<ids>[^\r\n]*)"
    r"|<!--[ \t]*newslint-(?:disable-next-paragraph|disable|enable)\b[^\r\n]*?-->)[ \t]*$",
    re.MULTILINE,
)


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
        matches = list(_comments(source))
    return [Directive(action, _rule_ids(ids), start, end) for action, ids, start, end in matches]


def _rule_ids(ids: str) -> tuple[str, ...]:
    """The ids a directive names, as written, separated by commas or spaces: a Vale
    rule's id has capitals ("House.Very"), and a misspelt id must be reported as the
    user wrote it, not as the lower-case pieces of it an id pattern would find."""
    return tuple(ids.replace(",", " ").split())


def _comments(source: str) -> Iterator[tuple[str, str, int, int]]:
    """(action, ids, start, end) of each `<!-- newslint-... -->` comment in `source`, as
    `_COMMENT.finditer` finds them, in linear time: the expression reads from each
    opening to the end of the file when no "-->" follows, and 10,000 unclosed openings
    took 10 s (issue 20). Once no "-->" follows an opening, none follows a later one."""
    position = 0
    while (opening := _COMMENT_OPENING.search(source, position)) is not None:
        closing = source.find(_COMMENT_CLOSING, opening.end())
        if closing < 0:
            return
        end = closing + len(_COMMENT_CLOSING)
        yield opening.group("action"), source[opening.end() : closing], opening.start(), end
        position = end


def plain_text_directive_lines(source: str) -> list[tuple[int, int]]:
    """Spans of the plain-text lines that hold a directive: not prose, so not linted."""
    return [match.span() for match in _PLAIN_LINE.finditer(source)]


@dataclass(frozen=True)
class _Region:
    start: int
    end: int
    rule_ids: tuple[str, ...]
    directive: Directive


class _OpenRegions:
    """The regions of one selector (a rule id, a pack, or "" for every rule) met in the
    order of their starts, as the findings are met in the order of theirs: the regions
    open at a finding's start are exactly those that cover it. Each region is opened,
    closed and marked used once, so suppressing is linear in findings plus regions;
    holding every finding against every region was quadratic (issue 20)."""

    def __init__(self) -> None:
        self._waiting: list[_Region] = []  # by start, once `start` sorts them
        self._next = 0
        self._open: list[tuple[int, int, _Region]] = []  # a heap by end
        self._unmarked: list[_Region] = []  # opened, not yet marked used

    def add(self, region: _Region) -> None:
        self._waiting.append(region)

    def start(self) -> None:
        self._waiting.sort(key=lambda region: region.start)

    def cover(self, offset: int) -> bool:
        """Whether a region covers `offset` (no smaller than any offset asked before);
        each region that does is marked used."""
        while self._next < len(self._waiting) and self._waiting[self._next].start <= offset:
            region = self._waiting[self._next]
            self._next += 1
            heapq.heappush(self._open, (region.end, self._next, region))
            self._unmarked.append(region)
        while self._open and self._open[0][0] <= offset:
            heapq.heappop(self._open)
        if not self._open:
            return False
        for region in self._unmarked:
            if region.end > offset:
                region.directive.used = True
        self._unmarked.clear()
        return True


def _selectors_of(rule_id: str) -> list[str]:
    """Every selector that selects `rule_id` (`newslint.selection.selects`): "" for a
    directive without ids, then each prefix of the id that ends before a dot, and the id."""
    parts = rule_id.split(".")
    return ["", *(".".join(parts[: count + 1]) for count in range(len(parts)))]


def _uncovered(findings: list[Finding], regions: list[_Region]) -> list[Finding]:
    """The findings no region covers, in their order; every region that covers one is
    marked used. A region covers a finding that starts inside it (start <= finding <
    end) and whose rule one of its ids selects, or any rule when it has none."""
    by_selector: dict[str, _OpenRegions] = {}
    for region in regions:
        for selector in region.rule_ids or ("",):
            by_selector.setdefault(selector, _OpenRegions()).add(region)
    for open_regions in by_selector.values():
        open_regions.start()
    covered = set()
    for index in sorted(range(len(findings)), key=lambda index: findings[index].start):
        finding = findings[index]
        sweeps = [by_selector[s] for s in _selectors_of(finding.rule) if s in by_selector]
        hits = [open_regions.cover(finding.start) for open_regions in sweeps]  # each marks its regions used
        if any(hits):
            covered.add(index)
    return [finding for index, finding in enumerate(findings) if index not in covered]


def _regions(directives: list[Directive], document: Document) -> list[_Region]:
    """What each directive covers. `disable a, b` opens a region per id (or one for every
    rule); `enable a` closes a's, a bare `enable` closes them all; the end of the file
    closes what is still open."""
    regions: list[_Region] = []
    paragraph_starts = [paragraph.start for paragraph in document.paragraphs]
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
            index = bisect.bisect_left(paragraph_starts, directive.end)  # the first paragraph after it
            if index < len(document.paragraphs):
                following = document.paragraphs[index]
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
    kept = _uncovered(findings, _regions(directives, document))
    paragraph_starts = [paragraph.start for paragraph in document.paragraphs]
    for directive in directives:
        unknown = [
            rule_id for rule_id in directive.rule_ids if not any(selects(rule_id, known) for known in known_rule_ids)
        ]
        if unknown:
            kept.append(
                _about(
                    directive,
                    document,
                    paragraph_starts,
                    UNKNOWN_RULE,
                    f"unknown rule {', '.join(map(repr, unknown))} in newslint-{directive.action}"
                    f"{unknown_hint(unknown[0], known_rule_ids)}",
                )
            )
        elif report_unused and directive.action != "enable" and not directive.used:
            kept.append(
                _about(
                    directive,
                    document,
                    paragraph_starts,
                    UNUSED,
                    f"newslint-{directive.action} suppressed nothing here — remove it",
                )
            )
    kept.sort(key=lambda f: (f.start, f.end, f.rule))
    return kept


def _about(directive: Directive, document: Document, paragraph_starts: list[int], rule: str, message: str) -> Finding:
    """A finding about `directive`, in the paragraph it stands in (or the first)."""
    index = bisect.bisect_right(paragraph_starts, directive.start) - 1
    paragraph = document.paragraphs[index].index if index >= 0 else 1
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
