"""Reuters-21578 newswire: findings per 1,000 words on professional wire copy.

There are no labels. Edited wire copy is what newslint should mostly leave alone, so
the finding rate approximates a false-positive rate. Each story's `text` is linted as
one article (hard-wrapped lines, indented paragraphs, as filed); the title is not.
Words are counted with the regex `\\w+`.

A sample of findings per pack, drawn with a seeded generator and printed in story
order with the sentence around each match, is for a human to judge.
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from newslint.evaluation.data import DatasetMissing, read_jsonl, require
from newslint.evaluation.linting import Runner, parallel_map
from newslint.evaluation.metrics import fmt, per_thousand
from newslint.evaluation.report import DatasetReport, SummaryRow, Table, Target
from newslint.model import Document, Finding

KEY = "reuters"
TITLE = "Reuters-21578 newswire (unlabelled)"
FILE = "news/reuters.jsonl"
TARGET_HEDGING_PER_THOUSAND = 2.0
TARGET_BIAS_PER_THOUSAND = 1.0  # issue 6: wire copy is neutral, so bias.* flags there are noise
TARGET_ALL_PER_THOUSAND = 4.0  # issue 19: clean, edited copy, all rules together
SAMPLE_SIZE = 30
CONTEXT_CHARS = 320
_WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


@dataclass(frozen=True)
class Hit:
    story: int  # index in file order
    story_id: str
    rule: str
    start: int
    matched: str
    context: str

    @property
    def pack(self) -> str:
        return self.rule.split(".", 1)[0]


def context_of(document: Document, finding: Finding, limit: int = CONTEXT_CHARS) -> str:
    """The sentence around `finding` (its paragraph if it spans sentences), white space
    folded, the match in [[double brackets]], cut to about `limit` characters."""
    start, end = finding.start, finding.end
    span = (start, end)
    for paragraph in document.paragraphs:
        if paragraph.start <= start < paragraph.end:
            span = (paragraph.start, paragraph.end)
            for sentence in paragraph.sentences:
                if sentence.start <= start < sentence.end and end <= sentence.end:
                    span = (sentence.start, sentence.end)
                    break
            break
    text = document.text
    before = " ".join(text[span[0] : start].split())
    match = " ".join(text[start:end].split())
    after = " ".join(text[end : span[1]].split())
    room = max(0, (limit - len(match)) // 2)
    if len(before) > room:
        before = "…" + before[-room:]
    if len(after) > room:
        after = after[:room] + "…"
    return f"{before} [[{match}]] {after}".strip()


def _lint_story(runner: Runner, item: tuple[int, str, str]) -> tuple[int, list[Hit]]:
    index, story_id, text = item
    document, findings = runner.lint(text)
    hits = [Hit(index, story_id, f.rule, f.start, f.text, context_of(document, f)) for f in findings]
    return count_words(text), hits


def sample_hits(hits: list[Hit], seed: int, size: int = SAMPLE_SIZE) -> dict[str, list[Hit]]:
    """Up to `size` hits per pack, drawn with a generator seeded by (seed, pack), in story order."""
    by_pack: dict[str, list[Hit]] = defaultdict(list)
    for hit in hits:
        by_pack[hit.pack].append(hit)
    samples = {}
    for pack, pack_hits in sorted(by_pack.items()):
        rng = random.Random(f"newslint-eval:{seed}:{pack}")
        chosen = sorted(rng.sample(range(len(pack_hits)), min(size, len(pack_hits))))
        samples[pack] = [pack_hits[i] for i in chosen]
    return samples


def _targets(
    rate: float | None, measured: bool, bias_rate: float | None = None, all_rate: float | None = None
) -> list[Target]:
    requirement = f"at most {TARGET_HEDGING_PER_THOUSAND:g} hedging.* findings per 1,000 words"
    bias_requirement = f"at most {TARGET_BIAS_PER_THOUSAND:g} bias.* finding per 1,000 words"
    all_requirement = f"at most {TARGET_ALL_PER_THOUSAND:g} findings of all rules per 1,000 words"
    if not measured:
        return [
            Target("Reuters hedging rate", requirement, "not measured", None),
            Target("Reuters bias rate", bias_requirement, "not measured", None),
            Target("Reuters rate, all rules", all_requirement, "not measured", None),
        ]
    return [
        Target(
            "Reuters hedging rate",
            requirement,
            f"{fmt(rate, 2)} per 1,000 words",
            rate is not None and rate <= TARGET_HEDGING_PER_THOUSAND,
        ),
        Target(
            "Reuters bias rate",
            bias_requirement,
            f"{fmt(bias_rate, 2)} per 1,000 words",
            bias_rate is not None and bias_rate <= TARGET_BIAS_PER_THOUSAND,
        ),
        Target(
            "Reuters rate, all rules",
            all_requirement,
            f"{fmt(all_rate, 2)} per 1,000 words",
            all_rate is not None and all_rate <= TARGET_ALL_PER_THOUSAND,
        ),
    ]


def evaluate(
    data_dir: Path, runner: Runner, *, limit: int | None = None, jobs: int = 1, seed: int = 0
) -> DatasetReport:
    began = time.perf_counter()
    try:
        (path,) = require(data_dir, FILE)
    except DatasetMissing as exc:
        return DatasetReport(KEY, TITLE, skipped=str(exc), targets=_targets(None, False))
    items = [(index, record["id"], record.get("text") or "") for index, record in enumerate(read_jsonl(path, limit))]
    results = parallel_map(_lint_story, items, runner, jobs, chunksize=64)

    words = sum(count for count, _ in results)
    hits = [hit for _, story_hits in results for hit in story_hits]
    by_rule = Counter(hit.rule for hit in hits)
    by_pack = Counter(hit.pack for hit in hits)
    stories_by_rule: dict[str, set[int]] = defaultdict(set)
    stories_by_pack: dict[str, set[int]] = defaultdict(set)
    for hit in hits:
        stories_by_rule[hit.rule].add(hit.story)
        stories_by_pack[hit.pack].add(hit.story)
    rules = sorted(set(runner.rule_ids) | set(by_rule))
    packs = sorted({rule.split(".", 1)[0] for rule in rules})

    hedging_rate = per_thousand(by_pack.get("hedging", 0), words)
    bias_rate = per_thousand(by_pack.get("bias", 0), words)
    all_rate = per_thousand(len(hits), words)
    report = DatasetReport(KEY, TITLE, targets=_targets(hedging_rate, True, bias_rate, all_rate))
    scope = f"{len(items):,} stories, {words:,} words"
    for pack in packs:
        found = by_pack.get(pack, 0)
        report.summary.append(
            SummaryRow(
                f"{pack}.* (pack)",
                "Reuters-21578",
                scope,
                labelled=False,
                other=f"{fmt(per_thousand(found, words), 2)} findings / 1,000 words ({found})",
            )
        )
    if not packs:
        report.summary.append(
            SummaryRow("all rules", "Reuters-21578", scope, labelled=False, other="no rules in the rule set")
        )

    report.tables.append(
        Table(
            "Findings per 1,000 words, by pack",
            ["Pack", "Findings", "Per 1,000 words", "Stories with one"],
            [
                [
                    pack,
                    str(by_pack.get(pack, 0)),
                    fmt(per_thousand(by_pack.get(pack, 0), words), 3),
                    str(len(stories_by_pack.get(pack, ()))),
                ]
                for pack in packs
            ],
            align="lrrr",
        )
    )
    report.tables.append(
        Table(
            "Findings per 1,000 words, by rule",
            ["Rule", "Findings", "Per 1,000 words", "Stories with one"],
            [
                [
                    rule,
                    str(by_rule.get(rule, 0)),
                    fmt(per_thousand(by_rule.get(rule, 0), words), 3),
                    str(len(stories_by_rule.get(rule, ()))),
                ]
                for rule in rules
            ],
            align="lrrr",
        )
    )
    matched = Counter((hit.rule, " ".join(hit.matched.lower().split())) for hit in hits)
    report.tables.append(
        Table(
            "Most frequent matches (top 20)",
            ["Rule", "Matched", "Findings"],
            [[rule, text, str(n)] for (rule, text), n in sorted(matched.items(), key=lambda i: (-i[1], i[0]))[:20]],
            align="llr",
            public=False,
        )
    )

    lines = []
    for pack, sample in sample_hits(hits, seed).items():
        lines.append(f"-- sample of {len(sample)} of {by_pack[pack]} {pack}.* findings (seed {seed})")
        for hit in sample:
            lines.append(f"[{hit.story_id}] {hit.rule}: {hit.context}")
        lines.append("")
    report.details = lines
    report.seconds = time.perf_counter() - began
    return report
