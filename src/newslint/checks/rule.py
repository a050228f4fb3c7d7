"""A rule as its check sees it: the YAML file's data, loaded (`newslint.rulebook`), with
the one way to turn a match into a finding.

`Rule` lives beside `Check` so that the checks depend on nothing above them: the loader
imports the checks, never the other way round (issue 18).
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newslint.model import Finding, Severity

if TYPE_CHECKING:
    from newslint.checks.base import Check


@dataclass(frozen=True)
class Example:
    text: str
    flags: tuple[str, ...] | None = None  # exact texts the rule must report, if given


@dataclass
class Rule:
    id: str
    kind: str
    severity: Severity
    description: str
    message: str
    why: str
    bad: list[Example]
    good: list[Example]
    check: Check
    source: str
    scope: str = "sentence"
    skip_quotes: bool = True
    skip_attributed: bool | str = False  # True: any source; "named": named sources only
    exceptions: list[Any] = field(default_factory=list)  # compiled with `regex`, for its timeout
    supersedes: list[str] = field(default_factory=list)
    suggestion: str | None = None
    fixable: bool = False
    link: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)
    line: int | None = None  # of the `id` field in `source`, for errors that point at the rule

    @property
    def pack(self) -> str:
        return self.id.split(".", 1)[0]

    def finding(
        self,
        start: int,
        end: int,
        paragraph: int,
        text: str,
        *,
        suggestion: str | None = None,
        focus: tuple[int, int] | None = None,
        **placeholders: object,
    ) -> Finding:
        """A finding of this rule on `text` (document offsets `start`..`end`), its message
        filled in with `placeholders` (and `{suggestion}`). Every check makes its findings
        here, so a finding always carries its rule's id, severity and message."""
        return Finding(
            rule=self.id,
            severity=self.severity,
            message=render_message(self.message, suggestion=suggestion, **placeholders),
            start=start,
            end=end,
            paragraph=paragraph,
            text=text,
            suggestion=suggestion,
            focus=focus,
        )


class _Placeholders(dict[str, object]):
    """Leaves a placeholder the check did not fill in as written. The loader refuses a
    placeholder the kind does not declare (`placeholders_in`), so only a declared one
    with no value here (`{suggestion}` of a rule without one) reaches this."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_message(template: str, **values: object) -> str:
    """A rule's message with its placeholders filled in; None is shown as nothing."""
    return template.format_map(_Placeholders({k: "" if v is None else v for k, v in values.items()}))


def placeholders_in(template: str) -> list[str]:
    """The names of the placeholders in a message (`{match}` → "match"), in order.
    Raises ValueError for a brace that opens no placeholder ("{match") and for anything
    but a bare name: a conversion (`{match!z}`) or field access (`{match.x}`) fails or
    leaks when rendered, and a format spec (`{match:>999999999}`) can pad a message to a
    gigabyte (issue 20)."""
    names = []
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        if conversion is not None or spec:
            raise ValueError(f"{written}: a placeholder takes no conversion or format spec")
        if "." in name or "[" in name:
            raise ValueError(f"{written}: a placeholder is a bare name, such as {{match}}")
        names.append(name)
    return names
