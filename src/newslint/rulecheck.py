"""`newslint rules --check`: does every rule do what its own documentation says?

A rule file from another desk can load cleanly and still never fire: a token that defeats
its own word boundaries (`\b#metoo\b` needs a letter before the `#`), a pattern that only
ever matches the empty string, examples nobody ran. This runs each rule's bad examples
(each must be flagged, exactly the listed `flags` when given) and good examples (none may
be); a rule none of whose bad examples is flagged can never match as documented. Lexicon
terms need no such check for boundaries: their lookarounds accept a term that starts or
ends with punctuation.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.analysis import analyse
from newslint.checks.budget import DEFAULT_SECONDS
from newslint.checks.pattern import PatternCheck
from newslint.config import Config
from newslint.display import printable, shown
from newslint.engine import Selection
from newslint.linter import findings_for
from newslint.rulebook import Rule


@dataclass(frozen=True)
class Problem:
    rule: Rule
    message: str

    def __str__(self) -> str:
        return f"{shown(str(self.rule.source))}: {self.rule.id}: {printable(self.message)}"


def check_rules(config: Config, rules: list[Rule]) -> list[Problem]:
    problems: list[Problem] = []
    for rule in rules:
        problems += _unmatchable(rule)
        problems += _examples(rule, config, rules)
    return problems


class _OutOfTime(Exception):
    """The rule ran out of its time budget on an example: neither flagged nor clean."""


def _flagged(text: str, rule: Rule, config: Config, rules: list[Rule]) -> list[str]:
    """What the rule reports in `text`, with the whole rule set on (a stacked hedge
    supersedes its parts, a density rule counts others), as `newslint check` would:
    with the same engine and time budget per search. Raises `_OutOfTime` when the rule
    was skipped for running out of it (issue 20): that is not "not flagged"."""
    document = analyse(text, "<example>", "text", tuple(config.front_matter), config.lexicon)
    timed_out: list[str] = []
    findings = findings_for(
        document, text, "text", config, rules, Selection(), seconds=DEFAULT_SECONDS, timed_out=timed_out
    )
    if rule.id in timed_out:
        raise _OutOfTime
    return [finding.text for finding in findings if finding.rule == rule.id]


def _examples(rule: Rule, config: Config, rules: list[Rule]) -> list[Problem]:
    problems = []
    missed = 0
    out_of_time = f"ran out of the time budget ({DEFAULT_SECONDS:g}s per search)"
    for number, example in enumerate(rule.bad, start=1):
        try:
            found = _flagged(example.text, rule, config, rules)
        except _OutOfTime:
            problems.append(Problem(rule, f"bad example {number} {out_of_time}: {_short(example.text)}"))
            continue
        if not found:
            missed += 1
            problems.append(Problem(rule, f"bad example {number} is not flagged: {_short(example.text)}"))
        elif example.flags is not None and found != list(example.flags):
            problems.append(Problem(rule, f"bad example {number} flags {found}, not {list(example.flags)}"))
    if rule.bad and missed == len(rule.bad):
        problems.append(Problem(rule, f"can never match: none of its {len(rule.bad)} bad examples is flagged"))
    for number, example in enumerate(rule.good, start=1):
        try:
            found = _flagged(example.text, rule, config, rules)
        except _OutOfTime:
            problems.append(Problem(rule, f"good example {number} {out_of_time}: {_short(example.text)}"))
            continue
        if found:
            problems.append(
                Problem(
                    rule, f"good example {number} is flagged ({', '.join(map(repr, found))}): {_short(example.text)}"
                )
            )
    return problems


def _unmatchable(rule: Rule) -> list[Problem]:
    problems = []
    if isinstance(rule.check, PatternCheck):
        texts = [example.text for example in rule.bad] + [example.text for example in rule.good]
        for number, pattern in enumerate(rule.check.patterns, start=1):
            # The budget too: an example that backtracks forever is reported by `_examples`.
            try:
                unmatchable = pattern.fullmatch("", timeout=DEFAULT_SECONDS) and not any(
                    m.end() > m.start() for text in texts for m in pattern.finditer(text, timeout=DEFAULT_SECONDS)
                )
            except TimeoutError:
                unmatchable = False
            if unmatchable:
                problems.append(
                    Problem(
                        rule,
                        f"pattern {number} can never match: it matches only the empty "
                        "string, and empty matches are never reported",
                    )
                )
    return problems


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")
