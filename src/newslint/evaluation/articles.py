"""Gold-annotated news stories (`articles/dev.yaml`): recall per category, precision of
hedging and attribution, and false-positive traps (issue 19).

Each story is linted as `newslint check` would lint it: Markdown when its text starts
with `#`, plain text otherwise. Scoring follows the data's README:

- an expectation is found when a finding of a matching family overlaps its span
  (hedge: `hedging`; vague and unattributed: `attribution`; loaded: `bias`, `style` or
  `hedging`; repetition: `repetition`);
- hedging and attribution are annotated exhaustively, so a `hedging.*` or
  `attribution.*` finding overlapping no `expect` span (of any category) and no `allow`
  span is a false positive; one overlapping only an `allow` span is neither right nor
  wrong and is left out of precision;
- a `forbid` span overlapped by a finding of any rule is a trap hit.

The stories are not ours to redistribute: misses, false positives and trap hits, which
quote them, go to the plain-text report only.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from newslint.evaluation.data import DatasetMissing, require
from newslint.evaluation.linting import Runner, parallel_map
from newslint.evaluation.metrics import f1_score, fmt, fmt_share, overlaps, ratio
from newslint.evaluation.report import DatasetReport, SummaryRow, Table, Target
from newslint.model import Document

KEY = "articles"
TITLE = "Articles (gold-annotated stories)"
FILE = "articles/dev.yaml"

# The rule families whose findings can find an expectation of each category (README).
FAMILIES: dict[str, tuple[str, ...]] = {
    "hedge": ("hedging",),
    "vague": ("attribution",),
    "unattributed": ("attribution",),
    "loaded": ("bias", "style", "hedging"),
    "repetition": ("repetition",),
}
CATEGORIES = tuple(FAMILIES)
# Annotated exhaustively, so their findings have a precision.
PRECISION_FAMILIES = ("hedging", "attribution")

# Issue 19 targets.
TARGET_RECALL, TARGET_CATEGORY_RECALL, TARGET_PRECISION, TARGET_TRAP_HITS = 0.85, 0.75, 0.90, 0


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    note: str = ""  # forbid and allow spans say why
    category: str = ""  # expect spans only
    nth: int = 1

    def label(self) -> str:
        return repr(self.text) + (f" (occurrence {self.nth})" if self.nth > 1 else "")


@dataclass(frozen=True)
class Story:
    id: str
    text: str
    expect: tuple[Span, ...]
    forbid: tuple[Span, ...]
    allow: tuple[Span, ...]

    @property
    def input_format(self) -> str:
        return "markdown" if self.text.startswith("#") else "text"


@dataclass(frozen=True)
class Hit:
    """A finding, reduced to what scoring and the report need."""

    rule: str
    start: int
    end: int
    text: str
    context: str  # the sentence it is in

    @property
    def family(self) -> str:
        return self.rule.split(".", 1)[0]


@dataclass
class RuleTally:
    """One hedging.* or attribution.* rule's findings, by what they overlap."""

    findings: int = 0
    on_expect: int = 0
    on_allow_only: int = 0  # neither right nor wrong: left out of precision
    false_positives: int = 0

    @property
    def precision(self) -> float | None:
        return ratio(self.on_expect, self.on_expect + self.false_positives)


@dataclass
class Scores:
    expected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    by_rule: dict[str, RuleTally] = field(default_factory=dict)
    traps: int = 0
    traps_hit: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    trap_hits: list[str] = field(default_factory=list)

    @property
    def correct(self) -> int:
        return sum(tally.on_expect for tally in self.by_rule.values())

    @property
    def wrong(self) -> int:
        return sum(tally.false_positives for tally in self.by_rule.values())

    @property
    def precision(self) -> float | None:
        return ratio(self.correct, self.correct + self.wrong)

    def recall(self, categories: tuple[str, ...] = CATEGORIES) -> float | None:
        return ratio(sum(self.found[c] for c in categories), sum(self.expected[c] for c in categories))


# --- reading -----------------------------------------------------------------------


def nth_occurrence(text: str, span: str, nth: int) -> int | None:
    """Offset of the nth (1-based) occurrence of `span` in `text`, counting every
    occurrence, or None when there are fewer."""
    index = -1
    for _ in range(nth):
        index = text.find(span, index + 1)
        if index < 0:
            return None
    return index


def _spans(story: dict[str, Any], group: str, where: str) -> tuple[Span, ...]:
    items = story.get(group) or []
    if not isinstance(items, list):
        raise ValueError(f"{where}: field '{group}' must be a list")
    spans = []
    for number, item in enumerate(items):
        at = f"{where}: {group}[{number}]"
        if not isinstance(item, dict) or not isinstance(item.get("span"), str) or not item["span"]:
            raise ValueError(f"{at}: field 'span' must be a non-empty string")
        nth = item.get("nth", 1)
        if not isinstance(nth, int) or isinstance(nth, bool) or nth < 1:
            raise ValueError(f"{at}: field 'nth' must be a whole number from 1")
        category = str(item.get("cat")) if group == "expect" else ""
        if group == "expect" and category not in FAMILIES:
            raise ValueError(f"{at}: field 'cat' must be one of {', '.join(CATEGORIES)}, not {item.get('cat')!r}")
        start = nth_occurrence(story["text"], item["span"], nth)
        if start is None:
            raise ValueError(f"{at}: field 'span' {item['span']!r} does not occur {nth} time(s) in the text")
        spans.append(Span(start, start + len(item["span"]), item["span"], str(item.get("note") or ""), category, nth))
    return tuple(spans)


def read_stories(path: Path, limit: int | None = None) -> list[Story]:
    """The stories of an articles YAML file, spans resolved to offsets. With `limit`, that
    many stories spread evenly over the file. Malformed data raises ValueError naming the
    file and the line or the story and field."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ValueError(f"{path}{line}: {problem}") from None
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of stories")
    if limit is not None and limit < len(data):
        data = [data[i * len(data) // limit] for i in range(limit)]
    stories = []
    for number, story in enumerate(data):
        if not isinstance(story, dict) or not isinstance(story.get("text"), str):
            raise ValueError(f"{path}: story {number + 1}: field 'text' must be a string")
        story_id = str(story.get("id", number + 1))
        where = f"{path}: story {story_id}"
        stories.append(
            Story(
                story_id,
                story["text"],
                _spans(story, "expect", where),
                _spans(story, "forbid", where),
                _spans(story, "allow", where),
            )
        )
    return stories


# --- linting and scoring -----------------------------------------------------------


def _sentence_around(document: Document, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence a finding starts in, or the finding's own span."""
    for paragraph in document.paragraphs:
        for sentence in paragraph.sentences:
            if sentence.start <= start < sentence.end:
                return sentence.start, sentence.end
    return start, end


def _lint_story(runner: Runner, story: Story) -> list[Hit]:
    document, findings = runner.lint(story.text, story.input_format)
    hits = []
    for finding in findings:
        start, end = _sentence_around(document, finding.start, finding.end)
        context = " ".join(story.text[start:end].split())
        hits.append(Hit(finding.rule, finding.start, finding.end, story.text[finding.start : finding.end], context))
    return hits


def _touches(hit: Hit, span: Span) -> bool:
    return overlaps(hit.start, hit.end, span.start, span.end)


def score_story(story: Story, hits: list[Hit], scores: Scores) -> None:
    for expectation in story.expect:
        scores.expected[expectation.category] += 1
        if any(h.family in FAMILIES[expectation.category] and _touches(h, expectation) for h in hits):
            scores.found[expectation.category] += 1
        else:
            scores.misses.append(f"[{story.id}] {expectation.category}: {expectation.label()}")
    for hit in hits:
        if hit.family not in PRECISION_FAMILIES:
            continue
        tally = scores.by_rule.setdefault(hit.rule, RuleTally())
        tally.findings += 1
        if any(_touches(hit, span) for span in story.expect):
            tally.on_expect += 1
        elif any(_touches(hit, span) for span in story.allow):
            tally.on_allow_only += 1
        else:
            tally.false_positives += 1
            scores.false_positives.append(f"[{story.id}] {hit.rule} {hit.text!r} in: {hit.context}")
    for trap in story.forbid:
        scores.traps += 1
        caught = [hit for hit in hits if _touches(hit, trap)]
        scores.traps_hit += bool(caught)
        for hit in caught:
            scores.trap_hits.append(f"[{story.id}] {hit.rule} {hit.text!r} on {trap.label()} ({trap.note})")


# --- report ------------------------------------------------------------------------


def _targets(scores: Scores | None) -> list[Target]:
    rows = [("Articles recall, all categories", f">= {TARGET_RECALL:.2f}")]
    rows += [(f"Articles recall, {category}", f">= {TARGET_CATEGORY_RECALL:.2f}") for category in CATEGORIES]
    rows += [
        ("Articles hedging.* + attribution.* precision", f">= {TARGET_PRECISION:.2f}"),
        ("Articles trap hits", f"{TARGET_TRAP_HITS}"),
    ]
    if scores is None:
        return [Target(name, requirement, "not measured", None) for name, requirement in rows]

    def at_least(value: float | None, target: float) -> bool:
        return value is not None and value >= target

    measured = [
        (fmt_share(sum(scores.found.values()), sum(scores.expected.values())), at_least(scores.recall(), TARGET_RECALL))
    ]
    for category in CATEGORIES:
        recall = scores.recall((category,))
        measured.append(
            (fmt_share(scores.found[category], scores.expected[category]), at_least(recall, TARGET_CATEGORY_RECALL))
        )
    measured += [
        (fmt_share(scores.correct, scores.correct + scores.wrong), at_least(scores.precision, TARGET_PRECISION)),
        (f"{scores.traps_hit} of {scores.traps}", scores.traps_hit <= TARGET_TRAP_HITS),
    ]
    return [Target(name, requirement, value, met) for (name, requirement), (value, met) in zip(rows, measured)]


def _report(scores: Scores, stories: int, source: str) -> DatasetReport:
    report = DatasetReport(KEY, TITLE, targets=_targets(scores))
    expected = sum(scores.expected.values())
    voice = ("hedge", "vague", "unattributed")
    report.summary += [
        SummaryRow(
            "hedging.* + attribution.*",
            source,
            f"{scores.correct + scores.wrong} findings",
            scores.precision,
            scores.recall(voice),
            f1_score(scores.precision, scores.recall(voice)),
            f"FP {scores.wrong}; recall of hedge, vague and unattributed",
        ),
        SummaryRow(
            "all categories",
            source,
            f"{stories} stories, {expected} expectations",
            None,
            scores.recall(),
            None,
            f"trap hits {scores.traps_hit} of {scores.traps}",
        ),
    ]
    rows = [
        [category, str(scores.expected[category]), str(scores.found[category]), fmt(scores.recall((category,)))]
        for category in CATEGORIES
    ]
    rows.append(["all", str(expected), str(sum(scores.found.values())), fmt(scores.recall())])
    report.tables.append(Table("Recall per category", ["Category", "Expected", "Found", "Recall"], rows, "lrrr"))
    report.tables.append(
        Table(
            "hedging.* and attribution.* findings, by rule",
            ["Rule", "Findings", "On an expect span", "On an allow span only", "False positives", "Precision"],
            [
                [
                    rule,
                    str(tally.findings),
                    str(tally.on_expect),
                    str(tally.on_allow_only),
                    str(tally.false_positives),
                    fmt(tally.precision),
                ]
                for rule, tally in sorted(scores.by_rule.items())
            ],
            "lrrrrr",
        )
    )
    report.notes.append(f"{scores.traps_hit} of {scores.traps} trap spans overlapped by a finding of some rule")
    report.details += [f"misses ({len(scores.misses)}):", *scores.misses]
    report.details += ["", f"false positives ({len(scores.false_positives)}):", *scores.false_positives]
    report.details += ["", f"trap hits ({len(scores.trap_hits)} findings):", *scores.trap_hits]
    return report


def evaluate(
    data_dir: Path,
    runner: Runner,
    *,
    limit: int | None = None,
    jobs: int = 1,
    seed: int = 0,
    path: Path | None = None,
) -> DatasetReport:
    """Score the stories of `data_dir/articles/dev.yaml`, or of `path` (another split in
    the same format, such as the held-out stories)."""
    began = time.perf_counter()
    try:
        (path,) = require(data_dir, FILE) if path is None else require(path.parent, path.name)
    except DatasetMissing as exc:
        return DatasetReport(KEY, TITLE, skipped=str(exc), targets=_targets(None))
    stories = read_stories(path, limit)
    scores = Scores()
    for story, hits in zip(stories, parallel_map(_lint_story, stories, runner, jobs, chunksize=4)):
        score_story(story, hits, scores)
    report = _report(scores, len(stories), f"articles {path.stem}")
    report.seconds = time.perf_counter() - began
    return report
