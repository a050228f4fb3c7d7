"""Rule selectors: a rule id ("hedging.modal") or a whole pack ("hedging")."""

from __future__ import annotations

from collections.abc import Iterable


def selects(selector: str, rule_id: str) -> bool:
    return rule_id == selector or rule_id.startswith(selector + ".")


def selects_any(selectors: Iterable[str], rule_id: str) -> bool:
    return any(selects(selector, rule_id) for selector in selectors)
