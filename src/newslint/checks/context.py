"""One document under analysis, as every check sees it: the `Document`, and what a check
works out about it that another check, or the statistics above the engine, reuses.

A claim rule finds a story's claims; the per-paragraph claim counts need the same claims.
Rather than a memo keyed by the last document's identity, the caller that analyses a
file makes one `Context` for it and hands it to the engine and to the statistics: the
cache lives exactly as long as the document (issue 18).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from newslint.model import Document

T = TypeVar("T")


class Context:
    def __init__(self, document: Document) -> None:
        self.document = document
        self._memo: dict[Hashable, object] = {}

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, worked out once for this document under `key`. A key that holds
        a check (its instance) keeps it alive with the context, so no key can be reused."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]
