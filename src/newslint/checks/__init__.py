"""Rule kinds: the code behind the YAML. One module per kind; rules are data."""

from __future__ import annotations

from newslint.checks.base import Check
from newslint.checks.claim import ClaimCheck
from newslint.checks.density import DensityCheck
from newslint.checks.lexicon import LexiconCheck
from newslint.checks.pattern import PatternCheck
from newslint.checks.substitution import SubstitutionCheck

KINDS: dict[str, type[Check]] = {
    "lexicon": LexiconCheck,
    "pattern": PatternCheck,
    "density": DensityCheck,
    "claim": ClaimCheck,
    "substitution": SubstitutionCheck,
}

__all__ = ["KINDS", "Check"]
