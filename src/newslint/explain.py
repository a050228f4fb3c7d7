"""`newslint explain RULE`: a rule's documentation and examples, as an editor reads them.

Every id newslint can report is explained: a rule that is on, a rule the config or its
profile switches off (said so, with how to turn it on), and the checks newslint makes
of its own directives, which are not rules files (issue 18).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from newslint.config import build_rules
from newslint.configs import config_of_folder
from newslint.language import LANGUAGE_RULE
from newslint.rulebook import Rule, builtin_rules_dir, load_rules
from newslint.suppressions import UNKNOWN_RULE, UNUSED

# newslint's own checks, of its suppression comments and of the story's language:
# (severity, description, why).
DIRECTIVE_CHECKS = {
    UNKNOWN_RULE: (
        "warning",
        "A newslint-disable or -enable comment names a rule id or pack that does not exist.",
        "A misspelt id suppresses nothing, so the findings it was meant to silence still show, "
        "and an editor who reads the comment believes the story was cleared. Correct the id "
        "(`newslint rules` lists them) or remove the comment.",
    ),
    UNUSED: (
        "warning",
        "A newslint-disable comment suppressed nothing (reported with --report-unused-suppressions).",
        "A suppression left behind after the sentence was rewritten hides the next problem written there. Remove it.",
    ),
    LANGUAGE_RULE: (
        "warning",
        "A story of 40 words or more reads as Spanish, French, German, Italian, Portuguese or Dutch, "
        "not English: its function words are far more often that language's than English's.",
        "Every rule newslint ships is written for English, so a story in another language passes with "
        "few or no findings although nothing was checked. Check it with the desk's tools for its "
        "language, or ignore `newslint.language` for the folders that hold it.",
    ),
}


def explanation(rule_id: str, config_path: Path | None = None, profile: str | None = None) -> str | None:
    """The text `explain` prints for `rule_id`; None when newslint knows no such id.
    Raises NewslintError for a config or rule file that cannot be loaded."""
    if rule_id in DIRECTIVE_CHECKS:
        severity, description, why = DIRECTIVE_CHECKS[rule_id]
        return "\n".join(
            [
                f"{rule_id} ({severity}, built into newslint)",
                "",
                description,
                "",
                "Why it matters:",
                *(f"  {line}" for line in _wrap(why)),
            ]
        )
    config = config_of_folder(config_path)
    chosen = profile or config.profile
    rules = {rule.id: rule for rule in build_rules(config, chosen)}
    if rule_id in rules:
        return _describe(rules[rule_id])
    every = load_rules([builtin_rules_dir(), *config.rule_paths], trusted=(builtin_rules_dir(),))
    if rule_id not in every:
        return None
    off = (
        f"Off under the current config and its {chosen!r} profile, so `newslint check` does not "
        f"report it; turn it on in the config with `rules: {{{rule_id}: {{enabled: true}}}}`."
    )
    return _describe(every[rule_id], note=off)


def _describe(rule: Rule, note: str | None = None) -> str:
    lines = [f"{rule.id} ({rule.severity}, {rule.kind})", ""]
    if note:
        lines += [*_wrap(note), ""]
    lines += [
        rule.description,
        "",
        "Why it matters:",
        *(f"  {line}" for line in _wrap(rule.why)),
        "",
        "Flagged:",
        *(f"  ✗ {example.text.strip()}" for example in rule.bad),
        "",
        "Not flagged:",
        *(f"  ✓ {example.text.strip()}" for example in rule.good),
    ]
    if rule.link:
        lines += ["", f"More: {rule.link}"]
    lines += ["", f"Defined in {rule.source}"]
    return "\n".join(lines)


def _wrap(text: str, width: int = 86) -> list[str]:
    return textwrap.wrap(" ".join(text.split()), width)
