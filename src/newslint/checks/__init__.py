"""Rule kinds: the code behind the YAML. One module per kind; rules are data."""

from __future__ import annotations

from newslint.checks.base import Check
from newslint.checks.claim import ClaimCheck
from newslint.checks.density import DensityCheck
from newslint.checks.length import LengthCheck
from newslint.checks.lexicon import LexiconCheck
from newslint.checks.overused_word import OverusedWordCheck
from newslint.checks.pattern import PatternCheck
from newslint.checks.readability import ReadabilityCheck
from newslint.checks.repeated_opener import RepeatedOpenerCheck
from newslint.checks.repeated_phrase import RepeatedPhraseCheck
from newslint.checks.substitution import SubstitutionCheck

KINDS: dict[str, type[Check]] = {
    "lexicon": LexiconCheck,
    "pattern": PatternCheck,
    "density": DensityCheck,
    "claim": ClaimCheck,
    "readability": ReadabilityCheck,
    "length": LengthCheck,
    "repeated-phrase": RepeatedPhraseCheck,
    "overused-word": OverusedWordCheck,
    "repeated-opener": RepeatedOpenerCheck,
    "substitution": SubstitutionCheck,
}

__all__ = ["KINDS", "Check"]
