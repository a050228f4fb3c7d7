"""The per-document analysis context (issue 18): what a check works out about a
document is kept with that document, not in a module global keyed by identity, and the
claim rule and the claim statistics share one pass of the cues."""

from __future__ import annotations

from newslint.analysis import analyse
from newslint.checks.claimfinder import ClaimDetector
from newslint.checks.context import Context
from newslint.config import Config, build_rules
from newslint.engine import run_rules
from newslint.linter import Linter
from newslint.statistics import claim_check, claim_stats

# A claim no hedge flags too (a hedge on its cue would replace its finding, issue 19).
TEXT = "The deal will reshape the region.\n\nPrices will rise, the bank said."


def test_memo_computes_once_per_key():
    context = Context(analyse(TEXT))
    calls: list[int] = []
    assert context.memo("k", lambda: calls.append(1) or len(calls)) == 1
    assert context.memo("k", lambda: calls.append(1) or len(calls)) == 1
    assert context.memo("other", lambda: calls.append(1) or len(calls)) == 2


def test_rule_and_statistics_share_the_claims_of_one_context(monkeypatch):
    rules = build_rules(Config())
    check = claim_check(rules)
    runs: list[int] = []
    find_claims = ClaimDetector.claims

    def counted(self, document):
        runs.append(1)
        return find_claims(self, document)

    monkeypatch.setattr(ClaimDetector, "claims", counted)
    context = Context(analyse(TEXT))
    findings = run_rules(context, rules)
    stats = claim_stats(context, check)
    assert len(runs) == 1
    assert any(f.rule == "attribution.unattributed" for f in findings)
    assert stats.claims == 1 and stats.attributed == 0


def test_a_new_document_gets_its_own_claims():
    """The old memo kept the last document's claims; an equal but new document, or the
    same text edited, must never see another's."""
    check = claim_check(build_rules(Config()))
    first = claim_stats(analyse(TEXT), check)
    second = claim_stats(analyse("Prices rose."), check)
    assert first.claims == 1 and second.claims == 0


def test_the_linter_counts_claims_as_the_rule_finds_them(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(TEXT, encoding="utf-8")
    result = Linter().lint_path(str(story))
    flagged = [f for f in result.findings if f.rule == "attribution.unattributed"]
    assert result.claims is not None and result.claims.claims - result.claims.attributed == len(flagged) == 1
