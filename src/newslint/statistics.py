"""The figures an editor reads beside the findings: claims and their sources, repeated
phrases and words, readability.

This layer sits above the rule loader (issue 18): it counts with the rule set's own
checks, so the figures agree with the findings, and falls back to the built-in rule
through `builtin_rule` when a config switches a rule off, so the figures do not vanish
with the findings. The word counter (`repetition`) and the claim check know nothing of
rules files; nothing below this module imports it.

Every built-in rule id the figures (and the reports that show them) depend on is named
here, once.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

from newslint.checks.budget import rule_budget
from newslint.checks.claim import ClaimCheck
from newslint.checks.context import Context
from newslint.model import Document
from newslint.readability import readability_stats
from newslint.repetition import (
    PhraseOptions,
    phrase_text,
    phrase_uses,
    repeated_phrases,
    word_counts,
)
from newslint.result import (
    ClaimStats,
    ParagraphStats,
    PhraseStat,
    RepetitionStats,
    SourceCounts,
    SourceStats,
    WordStat,
)
from newslint.rulebook import Rule, builtin_rules_dir, load_rule_file
from newslint.selection import selects_any

__all__ = [
    "ANONYMOUS_SOURCE_RULE",
    "CLAIM_RULE",
    "GRADE_RULE",
    "HEDGE_RULE",
    "PHRASE_RULE",
    "VAGUE_SOURCE_RULE",
    "WEAK_SOURCE_RULES",
    "WORD_RULE",
    "budgeted_claim_stats",
    "builtin_rule",
    "claim_check",
    "claim_rule_ids",
    "claim_stats",
    "hedge_selectors",
    "readability_stats",
    "repetition_stats",
    "source_stats",
]

CLAIM_RULE = "attribution.unattributed"  # decides what counts as a claim
PHRASE_RULE = "repetition.phrase"  # its options shape the repeated-phrase figures
WORD_RULE = "repetition.word"  # its options shape the most-used-word figures
GRADE_RULE = "readability.article-grade"  # its `max` is the line on the HTML grade chart
HEDGE_RULE = "hedging.density"  # its `counts` say which findings are hedges (the audit's hedges per 1,000 words)
# A story leans on a source it does not name: the audit's share of stories with an
# anonymous or vague source counts the stories with a finding of one of these (issue 22).
ANONYMOUS_SOURCE_RULE = (
    "attribution.anonymous"  # one finding per unnamed source ("officials said, speaking on condition of anonymity")
)
VAGUE_SOURCE_RULE = "attribution.vague"  # one finding per vague source ("analysts say")
WEAK_SOURCE_RULES = (ANONYMOUS_SOURCE_RULE, VAGUE_SOURCE_RULE, "attribution.hearsay", "attribution.expected")


@functools.cache
def builtin_rule(rule_id: str) -> Rule:
    """The rule newslint ships under `rule_id`, as its file defines it (no config).
    Trusted as the rule loader trusts the shipped packs (the test suite validates them):
    JSON reports fall back to rules the `news` profile switches off, and validating one
    would put jsonschema's start-up in every such run."""
    pack, name = rule_id.split(".", 1)
    return load_rule_file(builtin_rules_dir() / pack / f"{name}.yaml", trusted=True)


def _check_for(rules: list[Rule], rule_id: str) -> Any:
    """The check of the rule set's `rule_id`, else the built-in rule's."""
    for rule in rules:
        if rule.id == rule_id:
            return rule.check
    return builtin_rule(rule_id).check


# --------------------------------------------------------------------------- claims


def claim_check(rules: list[Rule]) -> ClaimCheck:
    """The check that decides what counts as a claim: the rule set's, else the built-in one."""
    for rule in rules:
        if rule.id == CLAIM_RULE and isinstance(rule.check, ClaimCheck):
            return rule.check
    check = builtin_rule(CLAIM_RULE).check
    assert isinstance(check, ClaimCheck)
    return check


def budgeted_claim_stats(context: Context, rules: list[Rule], seconds: float | None) -> ClaimStats:
    """The claim counts, under the claim rule's time budget; none counted when it runs out
    (the rule itself is then reported as skipped)."""
    try:
        with rule_budget(seconds):
            return claim_stats(context, claim_check(rules))
    except TimeoutError:
        return ClaimStats([ParagraphStats(paragraph.index, 0, 0) for paragraph in context.document.paragraphs])


def claim_stats(document: Document | Context, check: ClaimCheck) -> ClaimStats:
    """Per paragraph: an editor reads "claims 5, attributed 0" faster than five findings.
    Given the document's `Context`, the claims the rule found already are reused."""
    context = document if isinstance(document, Context) else Context(document)
    claims = {paragraph.index: 0 for paragraph in context.document.paragraphs}
    attributed = dict(claims)
    for claim in check.claims(context):
        claims[claim.paragraph.index] += 1
        attributed[claim.paragraph.index] += claim.attributed
    return ClaimStats([ParagraphStats(index, claims[index], attributed[index]) for index in claims])


def claim_rule_ids(rules: list[Rule]) -> frozenset[str]:
    """The rules whose findings are unattributed claims: the attribution rules of the claim
    kind in the rule set, and the built-in claim rule (the audit counts their findings)."""
    return frozenset({CLAIM_RULE} | {rule.id for rule in rules if rule.pack == "attribution" and rule.kind == "claim"})


def hedge_selectors(rules: list[Rule]) -> frozenset[str]:
    """The rule ids (or packs) whose findings are hedges: those the hedge-density rule
    counts, and the rules that supersede them (a stacked hedge replaces the modal and
    adverb findings it spans, so it is one hedge where they would have been two)."""
    counted = tuple(_check_for(rules, HEDGE_RULE).counts)
    superseding = {rule.id for rule in rules if any(selects_any(counted, superseded) for superseded in rule.supersedes)}
    return frozenset(counted) | superseding


# --------------------------------------------------------------------------- sources


def source_stats(document: Document) -> SourceStats:
    """Who speaks, per paragraph and for the story (issue 19): the voice analysis's tally
    of clauses and sources, as plain figures a report can show and the cache can keep."""
    from newslint.voice import VoiceTally, tally  # analysis-level; --stats runs only

    def counts(voices: VoiceTally) -> SourceCounts:
        return SourceCounts(
            clauses=voices.clauses,
            reporter_clauses=voices.clauses - voices.attributed_clauses,
            sources=voices.sources,
            named=voices.named,
            on_record=voices.on_record,
            anonymous=voices.anonymous,
        )

    story = tally(document)
    return SourceStats(counts(story.story), [counts(paragraph) for paragraph in story.paragraphs])


# --------------------------------------------------------------------------- repetition


def repetition_stats(document: Document | Context, rules: list[Rule], top: int = 10) -> RepetitionStats:
    """The `top` phrases the reporter repeats and the `top` content words by stem.

    Counts with the rule set's `repetition.phrase` and `repetition.word` options (stop
    words, ignores, phrase length), or the built-in rules' when a rule set lacks them. The
    phrase rule's precision settings (`min_count`, `subject_words`, `words`) decide what
    is worth a finding, not what is counted: every phrase the reporter uses twice, or
    retells from a quotation, is listed, the longest at each place."""
    phrase_check = _check_for(rules, PHRASE_RULE)
    word_check = _check_for(rules, WORD_RULE)
    context = document if isinstance(document, Context) else Context(document)
    phrase_words = context.words(phrase_check.stop_words)
    counting = _counting_options(phrase_check.options)
    uses = phrase_uses(phrase_words, counting)
    phrases = []
    for key in dict.fromkeys(repeat.key for repeat in repeated_phrases(phrase_words, counting)):
        key_uses = uses[key]
        phrases.append(
            PhraseStat(phrase_text(phrase_words, key_uses[0]), len(key_uses), sum(1 for use in key_uses if use.quoted))
        )
    phrases.sort(key=lambda stat: -stat.count)  # stable: ties stay in document order
    counted = context.words(word_check.stop_words)
    counts, _ = word_counts(counted, word_check.options.ignore, min_uses=2)
    top_words = [WordStat(use.stem, len(use.tokens), use.forms) for use in counts[:top]]
    return RepetitionStats(phrases[:top], top_words, phrase_words.reporter_words())


@functools.lru_cache(maxsize=16)
def _counting_options(options: PhraseOptions) -> PhraseOptions:
    """The phrase rule's options without its precision settings (made once per rule set,
    not once per article)."""
    return dataclasses.replace(options, min_count=2, subject_words=0, word_patterns=())
