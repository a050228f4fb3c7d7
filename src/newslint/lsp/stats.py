"""`newslint.stats`: the story's figures, as `newslint check --stats --format json` gives
them for a file — claims and attributed claims per paragraph, readability scores, who
speaks (clauses and sources), the phrases and words the reporter repeats."""

from __future__ import annotations

from typing import Any

from newslint.checks.context import Context
from newslint.lsp.checking import Checked
from newslint.statistics import budgeted_claim_stats, readability_stats, repetition_stats, source_stats

COMMAND = "newslint.stats"


def story_stats(checked: Checked) -> dict[str, Any]:
    """The figures of a checked document; {"error": ...} when it could not be checked."""
    if checked.error is not None or checked.document is None:
        return {"error": str(checked.error or "not checked")}
    document, rules = checked.document, checked.rules
    claims = budgeted_claim_stats(Context(document), rules, checked.seconds)
    readability = readability_stats(document)
    sources = source_stats(document)
    paragraphs = [
        {
            "paragraph": p.paragraph,
            "claims": p.claims,
            "attributed": p.attributed,
            "readability": scores.as_json(),
            "sources": voices.as_json(),
        }
        for p, scores, voices in zip(claims.paragraphs, readability.paragraphs, sources.paragraphs)
    ]
    return {
        "paragraphs": paragraphs,
        "claims": claims.claims,
        "attributed": claims.attributed,
        "readability": readability.article.as_json(),
        "sources": sources.story.as_json(),
        "repetition": repetition_stats(document, rules).as_json(),
    }
