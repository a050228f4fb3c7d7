"""One document under analysis, as every check sees it: the `Document`, and what a check
works out about it that another check, or the statistics above the engine, reuses.

A claim rule finds a story's claims; the per-paragraph claim counts need the same claims.
Rather than a memo keyed by the last document's identity, the caller that analyses a
file makes one `Context` for it and hands it to the engine and to the statistics: the
cache lives exactly as long as the document (issue 18).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from newslint.model import Document
from newslint.repetition import Words, words_of

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

    def words(self, extra_stop_words: Iterable[str] = ()) -> Words:
        """The article's words (`repetition.Words`), read once per stop-word list: the
        repeated-phrase, overused-word and repeated-opener kinds and the repetition
        figures all count over them, and share the counts they keep."""
        stop_words = tuple(sorted(extra_stop_words))
        return self.memo(("words", stop_words), lambda: words_of(self.document, stop_words))
