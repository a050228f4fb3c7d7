"""Hover over a finding: the rule's documentation, as `newslint explain RULE` shows it
(what it flags, why an editor cares, flagged and not-flagged examples), in Markdown."""

from __future__ import annotations

from newslint.checks.context import Context
from newslint.explain import DIRECTIVE_CHECKS
from newslint.lsp.checking import Checked
from newslint.rulebook import Rule
from newslint.statistics import budgeted_claim_stats


def explain(rule: Rule) -> str:
    lines = [
        f"**{rule.id}** ({rule.severity}, {rule.kind})",
        "",
        " ".join(rule.description.split()),
        "",
        "**Why it matters:** " + " ".join(rule.why.split()),
    ]
    if rule.bad:
        lines += ["", "**Flagged:**", *(f"- ✗ {example.text.strip()}" for example in rule.bad)]
    if rule.good:
        lines += ["", "**Not flagged:**", *(f"- ✓ {example.text.strip()}" for example in rule.good)]
    if rule.link:
        lines += ["", f"More: {rule.link}"]
    return "\n".join(lines)


def hover_text(checked: Checked, offset: int) -> tuple[str, tuple[int, int]] | None:
    """The docs of each rule with a finding under `offset`, and the span they cover;
    None when no finding is there."""
    under = [finding for finding in checked.findings if finding.start <= offset < finding.end]
    if not under:
        return None
    by_id = {rule.id: rule for rule in checked.rules}
    parts: list[str] = []
    for rule_id in dict.fromkeys(finding.rule for finding in under):
        rule = by_id.get(rule_id)
        message = next(finding.message for finding in under if finding.rule == rule_id)
        if rule is not None:
            parts.append(f"{message}\n\n{explain(rule)}")
        elif rule_id in DIRECTIVE_CHECKS:  # newslint's own checks of its suppression comments
            severity, description, why = DIRECTIVE_CHECKS[rule_id]
            parts.append(f"{message}\n\n**{rule_id}** ({severity})\n\n{description}\n\n**Why it matters:** {why}")
        else:
            parts.append(f"**{rule_id}**: {message}")
    tally = _claims_tally(checked, under[0].paragraph) if any(f.rule.startswith("attribution.") for f in under) else ""
    span = (min(finding.start for finding in under), max(finding.end for finding in under))
    return "\n\n---\n\n".join(([tally] if tally else []) + parts), span


def _claims_tally(checked: Checked, paragraph: int) -> str:
    """For a sourcing finding, the paragraph's claims and how many are attributed: an
    editor reads "3 claims, 1 attributed" faster than three findings."""
    if checked.document is None:
        return ""
    stats = budgeted_claim_stats(Context(checked.document), checked.rules, checked.seconds)
    for counts in stats.paragraphs:
        if counts.paragraph == paragraph:
            claims = "claim" if counts.claims == 1 else "claims"
            return f"Paragraph {paragraph}: {counts.claims} {claims}, {counts.attributed} attributed."
    return ""
