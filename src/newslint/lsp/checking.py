"""One open document's findings, worked out as `newslint check` works out a file's.

The config is the one `check` would use for the file (`.newslint.yaml`, `[tool.newslint]`,
profiles, `path_profiles`, vocabulary, house rules), found through the same `Linter`; the
text is the editor's, not the disk's. Nothing here knows about the protocol, so the
checking can be tested without a client.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from newslint.config import Config
from newslint.errors import ConfigError, InputError, NewslintError, RuleError
from newslint.findings import findings_for
from newslint.linter import Linter, internal_error
from newslint.lsp.documents import LANGUAGE_FORMATS
from newslint.lsp.reuse import ParagraphMemo
from newslint.model import Document, Finding
from newslint.options import Options
from newslint.parse import suffix_of
from newslint.rulebook import Rule
from newslint.source import Encoding, looks_binary

# Past this the server refuses the document rather than keep every keystroke waiting: a
# 10,000-word story is about 60,000 characters; `newslint check` still reads anything.
MAX_CHARACTERS = 2_000_000
UNTITLED = "<text>"  # the path of a buffer never saved: its config is the workspace folder's
CHECKED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass
class Checked:
    """What one check of a document found, or why it could not be checked."""

    text: str
    input_format: str = "text"
    findings: list[Finding] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)  # top-level quotations: fixes avoid them
    rules: list[Rule] = field(default_factory=list)  # the rules that checked it (for fixes and hover)
    document: Document | None = None  # the analysis, for the stats command
    error: NewslintError | None = None
    error_kind: str = ""  # config, input or internal
    details: str = ""  # an internal error's traceback, for the server's log
    seconds: float | None = None  # each rule's time budget, which the claim figures keep to as well


def wants(language_id: str, path: str | None) -> bool:
    """Is this a document newslint reads? By the editor's language, else by extension."""
    if language_id in LANGUAGE_FORMATS:
        return True
    return path is not None and suffix_of(path).lower() in CHECKED_SUFFIXES


class Checker:
    """Checks documents with one `Linter`, which remembers each folder's config and rule
    set; `reload` forgets them when a config, vocabulary or rule file changes."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self._lock = threading.Lock()  # the linter's caches are not for two threads at once
        self._linter = Linter(self.options)
        self.generation = 0  # bumped by each reload: a check made before it is stale

    def reload(self) -> None:
        with self._lock:
            self._linter = Linter(self.options)
            self.generation += 1

    def input_format(self, config: Config, language_id: str, path: str) -> str:
        """The editor's language if newslint knows it, else what `check` would pick."""
        return LANGUAGE_FORMATS.get(language_id) or config.input_format_for(path)

    def check(self, text: str, path: str | None, language_id: str = "", memo: ParagraphMemo | None = None) -> Checked:
        """Lint `text` as the file at `path` (None: an unsaved buffer). Never raises: a
        problem with the config, the text or newslint itself comes back in `error`.
        With the document's `memo`, paragraphs unchanged since its last check are not
        searched again (see `reuse`)."""
        checked = Checked(text=text)
        path = path or UNTITLED
        try:
            refusal = _refusal(text)
            if refusal:
                raise InputError(refusal, path=path)
            with self._lock:
                self._check(checked, path, language_id, memo)
        except (ConfigError, RuleError) as exc:
            checked.error, checked.error_kind = exc, "config"
        except NewslintError as exc:
            checked.error, checked.error_kind = exc, "input"
        except Exception as exc:  # a bug in newslint: this document fails, the server goes on
            error = internal_error(exc, path)  # the line `check` prints, with the traceback beside it
            error.path = None  # the diagnostic is on the document itself
            checked.error, checked.error_kind, checked.details = error, "internal", error.details
        return checked

    def _check(self, checked: Checked, path: str, language_id: str, memo: ParagraphMemo | None) -> None:
        from newslint.analysis import analyse  # compiles its expressions at import

        linter = self._linter
        config = linter.config_for(path)
        if path != UNTITLED and config.excludes(path):
            return  # `exclude` in the config: `check` skips the file, so no findings here either
        checked.input_format = self.input_format(config, language_id, path)
        rules = linter.rules_for(config, linter.profile_for(config, path))
        front_matter = tuple(config.front_matter)
        if memo is None:
            document = analyse(checked.text, path, checked.input_format, front_matter, config.lexicon)
        else:
            parts = memo.analysis.next_check()
            document = analyse(
                checked.text, path, checked.input_format, front_matter, config.lexicon, parts.sentences, parts.clauses
            )
        checked.findings = findings_for(
            document,
            checked.text,
            checked.input_format,
            config,
            memo.wrap(rules) if memo is not None else rules,
            linter.selection_for(config),
            report_unused=linter.options.report_unused_suppressions,
            seconds=linter.options.rule_timeout,
        )
        checked.paragraphs = [(paragraph.start, paragraph.end) for paragraph in document.paragraphs]
        checked.quotes = [(quote.start, quote.end) for quote in document.quotes if not quote.nested]
        checked.rules = rules
        checked.document = document
        checked.seconds = linter.options.rule_timeout


def _refusal(text: str) -> str | None:
    """Why a document is not checked at all, as `check` says it of a file; None to check it."""
    if len(text) > MAX_CHARACTERS:
        return (
            f"too large to check as you type ({len(text):,} characters; the limit is {MAX_CHARACTERS:,}): "
            "run `newslint check` on it"
        )
    if "\x00" in text or looks_binary(text[:1024].encode("utf-8", "surrogatepass"), Encoding()):
        return "looks like a binary file (NUL bytes or control characters in the first 1 KB)"
    return None
