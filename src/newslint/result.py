"""What checking one file produces, and its record: the plain JSON form the cache stores.

A leaf of the flow (issue 18): the orchestrator fills a `FileResult`; the cache, the
output formats, the baseline, `--fix` and the worker processes only read it, so they
import this module and never the orchestrator. The figures a file carries (claims,
repetition, readability) are plain data here; `newslint.statistics` works them out.

`to_record` and `from_record` are inverse over every field they carry: a result read back
from the cache equals the fresh one, field for field and type for type (a finding's
`focus` is a tuple, as the checks make it, not the list JSON gives back).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newslint.errors import NewslintError
from newslint.genre import Genre
from newslint.model import Finding, Severity
from newslint.readability import ReadabilityStats, Scores
from newslint.source import Encoding

if TYPE_CHECKING:  # only named in annotations: the rule loader sits above this module
    from newslint.rulebook import Rule


@dataclass(frozen=True)
class ParagraphStats:
    paragraph: int  # 1-based, as in findings
    claims: int
    attributed: int


@dataclass(frozen=True)
class ClaimStats:
    """Per paragraph: how many sentences make a claim that needs a source, and how many
    of those have one."""

    paragraphs: list[ParagraphStats]  # one per paragraph, in order

    @property
    def claims(self) -> int:
        return sum(p.claims for p in self.paragraphs)

    @property
    def attributed(self) -> int:
        return sum(p.attributed for p in self.paragraphs)


@dataclass(frozen=True)
class SourceCounts:
    """Who speaks in a stretch of copy (issue 19): its clauses, those in the reporter's own
    voice, and the sources it cites: `named` ones (of which `on_record`: a person or body,
    not a document or a set of figures) and `anonymous` ones (vague sources and hearsay)."""

    clauses: int
    reporter_clauses: int
    sources: int
    named: int
    on_record: int
    anonymous: int

    def as_json(self) -> dict[str, int]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class SourceStats:
    """The story's tally of clauses and sources, and each paragraph's, in order."""

    story: SourceCounts
    paragraphs: list[SourceCounts]


@dataclass(frozen=True)
class PhraseStat:
    phrase: str  # as first written
    count: int  # uses, reporter's and quoted
    quoted: int  # of which inside quotations


@dataclass(frozen=True)
class WordStat:
    stem: str
    count: int
    forms: list[str]  # as written, most used first


@dataclass(frozen=True)
class RepetitionStats:
    phrases: list[PhraseStat]  # most repeated first
    words: list[WordStat]  # most used first
    reporter_words: int

    def as_json(self) -> dict[str, Any]:
        return {
            "reporter_words": self.reporter_words,
            "phrases": [{"phrase": p.phrase, "count": p.count, "quoted": p.quoted} for p in self.phrases],
            "words": [
                {"word": w.forms[0], "stem": w.stem, "count": w.count, "forms": list(w.forms)} for w in self.words
            ],
        }


@dataclass
class FileResult:
    path: str
    text: str = ""
    findings: list[Finding] = field(default_factory=list)
    error: NewslintError | None = None
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each paragraph
    quotes: list[tuple[int, int]] = field(default_factory=list)  # top-level quotations (fixes avoid them)
    digest: str = ""  # sha256 of the file as read, so --fix can tell whether it changed since
    encoding: Encoding = field(default_factory=Encoding)  # how it was decoded, so --fix writes it back alike
    claims: ClaimStats | None = None  # None when the file could not be checked
    readability: ReadabilityStats | None = None  # computed when Options.readability asks
    # The rules whose findings this file could report, for formats that describe each
    # rule next to the findings (SARIF); empty when the file could not be checked.
    rules: list[Rule] = field(default_factory=list)
    repetition: RepetitionStats | None = None  # computed when Options.repetition asks
    timed_out: list[str] = field(default_factory=list)  # rules skipped for this file: over their time budget
    genre: Genre | None = None  # a column, review, comment or feature, when no profile was chosen
    sources: SourceStats | None = None  # computed with the readability figures (--stats)
    # Findings a --baseline accepted and took out of `findings`, for the summary;
    # None when no baseline narrowed this result.
    hidden_by_baseline: int | None = None

    @property
    def paragraph_starts(self) -> list[int]:
        return [start for start, _ in self.paragraphs]


# The fields a record carries: what analysis produced. The others are the file's own
# (path, text, digest, encoding: read again on every run; genre: detected from the text
# before the cache is asked), the run's (rules, hidden_by_baseline), or mean
# the result is not cached at all (error, timed_out).
RECORD_FIELDS = ("findings", "paragraphs", "quotes", "claims", "readability", "repetition", "sources")


def to_record(result: FileResult) -> dict[str, Any]:
    """The analysis a result holds, as JSON-ready data."""
    return {
        "findings": [_finding_record(finding) for finding in result.findings],
        "paragraphs": [list(span) for span in result.paragraphs],
        "quotes": [list(span) for span in result.quotes],
        "claims": dataclasses.asdict(result.claims) if result.claims else None,
        "readability": dataclasses.asdict(result.readability) if result.readability else None,
        "repetition": dataclasses.asdict(result.repetition) if result.repetition else None,
        "sources": dataclasses.asdict(result.sources) if result.sources else None,
    }


def from_record(record: dict[str, Any], result: FileResult) -> None:
    """Fill `result`'s analysis from a record. Raises (KeyError, TypeError, ValueError) on
    a malformed record, before changing anything, so the caller can treat it as a miss."""
    fields = _fields(record)
    for name in RECORD_FIELDS:
        setattr(result, name, fields[name])


def _finding_record(finding: Finding) -> dict[str, Any]:
    return {**dataclasses.asdict(finding), "severity": int(finding.severity)}


def _finding(record: dict[str, Any]) -> Finding:
    focus = record.get("focus")
    return Finding(
        **{
            **record,
            "severity": Severity(record["severity"]),
            "focus": (focus[0], focus[1]) if focus is not None else None,
        }
    )


def _span(values: list[int]) -> tuple[int, int]:
    start, end = values
    return start, end


def _fields(record: dict[str, Any]) -> dict[str, Any]:
    claims, readability, repetition = record["claims"], record["readability"], record["repetition"]
    sources = record["sources"]
    return {
        "findings": [_finding(finding) for finding in record["findings"]],
        "paragraphs": [_span(span) for span in record["paragraphs"]],
        "quotes": [_span(span) for span in record["quotes"]],
        "claims": ClaimStats([ParagraphStats(**p) for p in claims["paragraphs"]]) if claims else None,
        "readability": ReadabilityStats(
            [Scores(**s) for s in readability["paragraphs"]], Scores(**readability["article"])
        )
        if readability
        else None,
        "repetition": RepetitionStats(
            [PhraseStat(**p) for p in repetition["phrases"]],
            [WordStat(**w) for w in repetition["words"]],
            repetition["reporter_words"],
        )
        if repetition
        else None,
        "sources": SourceStats(SourceCounts(**sources["story"]), [SourceCounts(**p) for p in sources["paragraphs"]])
        if sources
        else None,
    }
