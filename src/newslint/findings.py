"""Checking an analysed document and settling what to report: the rules' findings the
user selected (and those of the config's Vale styles), less what the vocabulary accepts
and the file's own directives suppress."""

from __future__ import annotations

from newslint.checks.budget import DEFAULT_SECONDS
from newslint.checks.context import Context
from newslint.config import INTERNAL_RULE_IDS, Config
from newslint.engine import Selection, lint_document
from newslint.language import LANGUAGE_RULE, LANGUAGE_SEVERITY, language_finding
from newslint.model import Document, Finding
from newslint.rulebook import Rule
from newslint.suppressions import apply_suppressions, find_directives
from newslint.vocabulary import drop_accepted


def findings_for(
    document: Document,
    source: str,
    input_format: str,
    config: Config,
    rules: list[Rule],
    selection: Selection,
    *,
    report_unused: bool = False,
    seconds: float | None = DEFAULT_SECONDS,
    timed_out: list[str] | None = None,
    context: Context | None = None,
) -> list[Finding]:
    """What to report for one analysed file: the rules' findings the user selected, less
    those the file's own directives suppress, plus any about the directives. Each
    finding's `text` is the file's own characters (rules match the analysis text, where
    markup is blanked out). `context` is the document's, when the caller shares it."""
    found = lint_document(context or document, rules, selection, seconds=seconds, timed_out=timed_out)
    vale_rule_ids: frozenset[str] = frozenset()
    if config.vale is not None:
        # Imported only when a config names Vale styles (issue 23).
        from newslint.vale.newsroom import rule_ids, vale_findings

        vale_rule_ids = rule_ids(config.vale, str(config.root))
        vale = [f for f in vale_findings(document, input_format, config.vale, str(config.root)) if selection.wants(f)]
        found = sorted(found + vale, key=lambda finding: finding.start)
    # A Vale style's findings are settled as the packs' are: the vocabulary accepts
    # their words and a `newslint-disable` comment naming them switches them off.
    findings = drop_accepted(found, document.text, config.vocabulary)
    # Every rule is written for English: a story in another language is said to be one.
    if selection.wants_severity(LANGUAGE_RULE, LANGUAGE_SEVERITY):
        language = language_finding(document)
        if language is not None:
            findings = sorted([language, *findings], key=lambda f: (f.start, f.end, f.rule))
    directives = find_directives(source, input_format)
    if directives:
        known = {rule.id for rule in rules} | set(config.rule_settings) | INTERNAL_RULE_IDS | vale_rule_ids
        findings = [
            finding
            for finding in apply_suppressions(findings, directives, document, known, report_unused=report_unused)
            if selection.wants(finding)
        ]
    for finding in findings:
        finding.text = source[finding.start : finding.end]
    return findings
