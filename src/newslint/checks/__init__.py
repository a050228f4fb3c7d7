"""Rule kinds: the code behind the YAML. One module per kind; rules are data.

Each kind's module declares itself in a `KIND` (`newslint.checks.kind.Kind`): its check,
its options and their defaults, its message placeholders and its documentation. This
list of modules is the registry; the rule schema's kind branches and the kind sections
of docs/writing-rules.md are generated from it (`python -m newslint.checks.generate`).
A new kind is a new module here, added to `MODULES`, and its tests (docs/adding-a-kind.md).
"""

from __future__ import annotations

from typing import Any

from newslint.checks import (
    claim,
    density,
    length,
    lexicon,
    overused_word,
    pattern,
    readability,
    repeated_descriptor,
    repeated_opener,
    repeated_phrase,
    substitution,
)
from newslint.checks.base import Check
from newslint.checks.context import Context
from newslint.checks.kind import Kind
from newslint.checks.rule import Example, Rule

# In the order the schema and the docs list them.
MODULES = (
    lexicon,
    pattern,
    density,
    claim,
    readability,
    length,
    repeated_phrase,
    repeated_descriptor,
    overused_word,
    repeated_opener,
    substitution,
)

KINDS: dict[str, Kind[Any]] = {module.KIND.name: module.KIND for module in MODULES}

__all__ = ["KINDS", "Check", "Context", "Example", "Kind", "Rule"]
