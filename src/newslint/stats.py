"""Per-paragraph sourcing statistics: how many sentences make a claim that needs a
source, and how many of those have one.

An editor reads "claims 5, attributed 0" faster than five findings. The counts use the
cues of the rule set's `attribution.unattributed` rule (with the config's options), so
they agree with its findings; when a config switches that rule off, the built-in rule's
cues still count, so the figures do not vanish with the findings.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from newslint.checks.claim import ClaimCheck
from newslint.checks.context import Context
from newslint.model import Document
from newslint.rulebook import Rule, builtin_rules_dir, load_rule_file

CLAIM_RULE = "attribution.unattributed"


@dataclass(frozen=True)
class ParagraphStats:
    paragraph: int  # 1-based, as in findings
    claims: int
    attributed: int


@dataclass(frozen=True)
class ClaimStats:
    paragraphs: list[ParagraphStats]  # one per paragraph, in order

    @property
    def claims(self) -> int:
        return sum(p.claims for p in self.paragraphs)

    @property
    def attributed(self) -> int:
        return sum(p.attributed for p in self.paragraphs)


def claim_stats(document: Document | Context, check: ClaimCheck) -> ClaimStats:
    """The counts for a document; given its `Context`, the claims the rule found already."""
    context = document if isinstance(document, Context) else Context(document)
    claims = {paragraph.index: 0 for paragraph in context.document.paragraphs}
    attributed = dict(claims)
    for claim in check.claims(context):
        claims[claim.paragraph.index] += 1
        attributed[claim.paragraph.index] += claim.attributed
    return ClaimStats([ParagraphStats(index, claims[index], attributed[index]) for index in claims])


def claim_check(rules: list[Rule]) -> ClaimCheck:
    """The check that decides what counts as a claim: the rule set's, else the built-in one."""
    for rule in rules:
        if rule.id == CLAIM_RULE and isinstance(rule.check, ClaimCheck):
            return rule.check
    return _builtin_claim_check()


@functools.cache
def _builtin_claim_check() -> ClaimCheck:
    pack, name = CLAIM_RULE.split(".")
    return load_rule_file(builtin_rules_dir() / pack / f"{name}.yaml").check  # type: ignore[return-value]
