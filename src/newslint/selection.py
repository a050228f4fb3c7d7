"""Rule selectors: a rule id ("hedging.modal") or a whole pack ("hedging").

A selector that names no rule is a typo, and a typo in `--select` would check nothing and
pass the gate (issue 20): `check_selectors` refuses it, naming it and the nearest known
id or pack.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Iterable

from newslint.errors import ConfigError


def selects(selector: str, rule_id: str) -> bool:
    return rule_id == selector or rule_id.startswith(selector + ".")


def selects_any(selectors: Iterable[str], rule_id: str) -> bool:
    return any(selects(selector, rule_id) for selector in selectors)


def as_selectors(value: str | Iterable[str] | None) -> tuple[str, ...] | None:
    """Selectors as a tuple. A string is one comma-separated list, as on the command
    line (`lint_text(select="hedging")`), never its characters one by one."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.split(",")
    return tuple(part.strip() for part in value if part.strip())


def check_selectors(
    selectors: Iterable[str],
    known_ids: Collection[str],
    field: str,
    *,
    path: str | None = None,
    line_of: Callable[[int], int | None] | None = None,
) -> None:
    """Raise a ConfigError for the first selector that selects none of `known_ids`.
    `field` names where the selectors came from (`--select`, `select`); `path` and
    `line_of(index)` locate them in a config file."""
    for index, selector in enumerate(selectors):
        if any(selects(selector, rule_id) for rule_id in known_ids):
            continue
        raise ConfigError(
            f"unknown rule or pack {selector!r}{unknown_hint(selector, known_ids)}",
            path=path,
            line=line_of(index) if line_of else None,
            field=f"{field}.{index}" if path else field,
        )


def unknown_hint(selector: str, known_ids: Collection[str]) -> str:
    """What to add to "unknown rule 'X'": the closest rule id or pack, if one is close."""
    packs = {rule_id.split(".", 1)[0] for rule_id in known_ids}
    close = difflib.get_close_matches(selector, sorted(packs | set(known_ids)), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else "; `newslint rules` lists them"
