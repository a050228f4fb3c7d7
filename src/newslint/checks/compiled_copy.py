"""Compiled copies of the shipped rules' regular expressions, kept beside the parsed data
copies (`newslint.datacopy`), so that a process reads them back instead of compiling.

`regex` compiles an expression in Python: it parses it, optimises it and writes its
program. For the shipped packs' 376 expressions that takes a quarter of a second, paid
again by every process: after the claim rule's cues doubled (issue 19) it was most of
what one-process throughput and cold start had lost. `regex` pickles a compiled
expression as its program (the arguments of its C constructor), and unpickling one takes
microseconds. Loading the shipped packs (`newslint.rulebook.load_rules`) compiles those
not yet copied and copies them; every later start reads them back, one by one as each is
first searched (`LazyPattern.compiled`).

The copy is named by the rule files, this module and `regex`'s own files, so a new
version of `regex` (whose programs may differ) compiles afresh. A copy is unpickled with
only `regex`'s constructor allowed: it can hold compiled expressions and nothing else,
and one that does not read back as the expression asked for is ignored and the
expression compiled, as without a copy.
"""

from __future__ import annotations

import importlib.util
import io
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newslint.checks.budget import LazyPattern

# Pickled compiled expressions, by (expression, flags); filled from the copy on disk.
KNOWN: dict[tuple[str, int], bytes] = {}

# What a pickled `regex` expression calls to rebuild itself: nothing else is unpickled.
_CONSTRUCTOR = ("regex._regex", "compile")


def restored(pattern: str, flags: int) -> Any:
    """The copied compiled form of `pattern` with `flags`, or None when there is none or
    it does not read back as that expression."""
    pickled = KNOWN.get((pattern, flags))
    if pickled is None:
        return None
    try:
        compiled = _ConstructorOnly(io.BytesIO(pickled)).load()
    except Exception:  # whatever a damaged copy raises, compiling it is the answer
        return None
    if getattr(compiled, "pattern", None) != pattern:
        return None
    return compiled


def remember(patterns: Iterable[LazyPattern]) -> None:
    """Compile those of `patterns` not yet copied and add them to `KNOWN`. An expression
    that does not compile is left out: searching it reports the error as before."""
    missing: dict[tuple[str, int], LazyPattern] = {}
    for lazy in patterns:
        key = (lazy.pattern, int(lazy.flags))
        if key not in KNOWN:
            missing[key] = lazy
    if not missing:
        return  # nothing to compile, and `regex` not imported (a run answered from the cache)
    import regex  # what every rule expression is compiled with (`LazyPattern`)

    for key, lazy in missing.items():
        try:
            KNOWN[key] = pickle.dumps(lazy.compiled(), protocol=pickle.HIGHEST_PROTOCOL)
        except regex.error:
            continue


def regex_files() -> list[Path]:
    """`regex`'s compiler and engine, found without importing it (18 ms a run answered
    from the results cache does without): a copy made by another version is not read."""
    spec = importlib.util.find_spec("regex")
    if spec is None or spec.origin is None:
        return []
    return sorted(Path(spec.origin).parent.glob("_regex*"))


class _ConstructorOnly(pickle.Unpickler):
    """An unpickler that finds `regex`'s constructor and refuses every other global
    (the Python documentation's "restricting globals")."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) != _CONSTRUCTOR:
            raise pickle.UnpicklingError(f"a compiled copy may not name {module}.{name}")
        return super().find_class(module, name)
