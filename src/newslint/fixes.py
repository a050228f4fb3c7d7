"""`--fix`: apply the suggestions of fixable rules, safely.

A fix replaces a finding's text with its suggestion when the rule declares itself
`fixable` (a doubled word, a house spelling). Never inside a quotation (a source's
words are theirs, even misspelt), never two overlapping fixes, never across markup: a
fix changes only the prose of one text run, so a link, its URL, inline code, a tag or
an entity is never touched, and a fixed file parses to the same markup as before, or
the fix is not made (issue 20: `Read [the](url) the report.` lost its link). The file is written
atomically (a temporary file in the same folder, then a rename), with its mode kept and
every byte outside the fixed spans as it was (line endings, byte order mark, bytes of any
encoding), and only if it has not changed since it was read.
"""

from __future__ import annotations

import difflib
import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from newslint.config import Config
from newslint.display import shown
from newslint.errors import InputError, NewslintError
from newslint.files import AtomicFile, write_atomically
from newslint.parse import Parsed, parse
from newslint.result import FileResult
from newslint.rulebook import Rule
from newslint.source import Encoding
from newslint.spans import Spans
from newslint.splicing import splice


class Checker(Protocol):
    """What fixing needs of the linter: each file's config and rules, and a file checked again."""

    def config_for(self, path: str) -> Config: ...

    def rules_of_file(self, path: str) -> list[Rule]: ...

    def lint_path(self, path: str) -> FileResult: ...


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str
    rule: str


@dataclass(frozen=True)
class Markup:
    """How a file reads as markup: which format, and the front-matter fields kept as prose."""

    input_format: str = "text"
    front_matter: tuple[str, ...] = ()

    def parse(self, source: str) -> Parsed:
        return parse(source, self.input_format, front_matter_fields=self.front_matter)

    def skeleton(self, source: str) -> tuple[object, ...]:
        """Everything of `source` but its prose: the characters between the text runs and
        the kinds of its blocks. A fix must leave it as it was."""
        parsed = self.parse(source)
        gaps, position = [], 0
        for start, end in parsed.prose:
            gaps.append(source[position:start])
            position = end
        gaps.append(source[position:])
        return tuple(gaps), tuple(block.kind for block in parsed.blocks), len(parsed.quotations)


def plan_edits(result: FileResult, rules: list[Rule], markup: Markup | None = None) -> list[Edit]:
    """The fixes to make in `result`'s text, in order, none overlapping, each inside one
    text run of one block, and together leaving the file's markup as it was."""
    fixable = {rule.id for rule in rules if rule.fixable}
    candidates = [f for f in result.findings if f.rule in fixable and f.suggestion is not None]
    if not candidates:  # most files: no need to parse them again
        return []
    markup = markup or Markup()
    parsed = markup.parse(result.text)
    quotes, runs = Spans(result.quotes), Spans(parsed.prose)
    blocks = Spans([(block.start, block.end) for block in parsed.blocks])
    edits: list[Edit] = []
    for finding in sorted(candidates, key=lambda f: (f.start, f.end)):
        assert finding.suggestion is not None
        if quotes.overlap(finding.start, finding.end):
            continue
        if edits and finding.start < edits[-1].end:
            continue
        # Prose of one text run and one block: no markup, URL, code or entity inside,
        # and no paragraph break.
        if not (runs.hold(finding.start, finding.end) and blocks.hold(finding.start, finding.end)):
            continue
        if result.text[finding.start : finding.end] != finding.suggestion:
            edits.append(Edit(finding.start, finding.end, finding.suggestion, finding.rule))
    return _keeping_markup(result.text, edits, markup)


def _keeping_markup(text: str, edits: list[Edit], markup: Markup) -> list[Edit]:
    """`edits`, less any that would change how the file parses (removing a word can turn
    a stray `*` or `_` into emphasis): the fixed file must have the same markup. Checked
    on the whole result first; when that fails, edit by edit."""
    if not edits or markup.input_format == "text":
        return edits
    before = markup.skeleton(text)
    if _skeleton_after(text, edits, markup) == before:
        return edits
    kept: list[Edit] = []
    for edit in edits:
        if _skeleton_after(text, [*kept, edit], markup) == before:
            kept.append(edit)
    return kept


def _skeleton_after(text: str, edits: list[Edit], markup: Markup) -> tuple[object, ...]:
    return markup.skeleton(apply_edits(text, edits))


def apply_edits(text: str, edits: list[Edit]) -> str:
    parts, position = [], 0
    for edit in edits:
        parts += [text[position : edit.start], edit.replacement]
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def preview(path: str, before: str, after: str) -> str:
    """A unified diff of the fixes, for --fix --dry-run."""
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path.lstrip('/')}",
            tofile=f"b/{path.lstrip('/')}",
        )
    )


def write_fixed(path: str, digest: str, text: str, edits: Sequence[Edit], encoding: Encoding | None = None) -> None:
    """Make `edits` to the file at `path`, read as `text` with `encoding`, atomically,
    keeping its permissions; refuse if the file's sha256 is no longer `digest`. Every
    byte outside the edits is written back as the file had it (`newslint.splicing`): its
    byte order mark or none, and bytes that decoding and encoding again would change.

    A symbolic link is written through: its target gets the fixed text and the link stays
    a link. A file with several hard links is refused: a new file renamed over one name
    would leave the others with the old text, and writing in place could leave every name
    half written (issue 20)."""
    encoding = encoding or Encoding()
    target = Path(os.path.realpath(path))

    def fixed(original: bytes) -> bytes:
        try:
            replacements = [(edit.start, edit.end, edit.replacement) for edit in edits]
            return splice(original, encoding.bom, encoding.codec, text, replacements)
        except UnicodeEncodeError as exc:
            raise InputError(
                f"cannot fix: {exc.object[exc.start : exc.end]!r} cannot be written in {encoding.codec}", path=path
            ) from None
        except ValueError as exc:
            raise InputError(f"cannot fix: {exc}", path=path) from None

    try:
        # Kept open to the end: once the fixed copy is renamed over it, this handle still
        # reaches the old file and tells whether anyone wrote to it at the last instant.
        with open(target, "rb") as old:
            _replace_unchanged(old, target, fixed, digest, path)
    except OSError as exc:
        raise InputError(f"cannot fix: {exc.strerror or exc}", path=path) from None


def _replace_unchanged(old: BinaryIO, target: Path, fixed: Callable[[bytes], bytes], digest: str, path: str) -> None:
    """Rename `fixed(the file's bytes)` over `target`, open as `old`, unless the file is
    no longer what was read: checked before writing, again as the very last step before
    the rename, and once more after it through `old`, undoing the fix if another program
    wrote in between (issue 20: a story being appended to lost lines). On Windows, which
    cannot rename over an open file, the last check is the one before the rename."""
    read = os.fstat(old.fileno())
    original = old.read()
    if hashlib.sha256(original).hexdigest() != digest:
        raise InputError("changed since it was read; not fixed", path=path)
    if read.st_nlink > 1:
        raise InputError(
            f"has {read.st_nlink} hard links; not fixed (the other names would keep the old text)", path=path
        )
    data = fixed(original)

    def still_as_read() -> None:
        now = os.stat(target)
        same_file = (now.st_ino, now.st_dev) == (read.st_ino, read.st_dev)
        old.seek(0)
        if not same_file or _changed(read, now) or hashlib.sha256(old.read(now.st_size + 1)).hexdigest() != digest:
            raise InputError("changed since it was read; not fixed", path=path)
        if os.name == "nt":  # Windows renames nothing over a file that is open
            old.close()

    out = AtomicFile(target, read.st_mode)
    try:
        out.write(data)
    except BaseException:
        out.discard()
        raise
    out.commit(before_replace=still_as_read)
    if not old.closed and _changed(read, os.fstat(old.fileno())):
        old.seek(0)
        write_atomically(target, old.read(), read.st_mode)
        raise InputError("changed while it was being fixed; not fixed", path=path)


def _changed(before: os.stat_result, after: os.stat_result) -> bool:
    return (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns)


def _markup_of(checker: Checker, result: FileResult) -> Markup:
    config = checker.config_for(result.path)
    return Markup(config.input_format_for(result.path), tuple(config.front_matter))


def fix_results(
    results: Iterable[FileResult], checker: Checker, *, dry_run: bool, say: Callable[[str], None]
) -> tuple[list[FileResult], list[str]]:
    """Apply each file's fixable suggestions, with the rules of the file's own profile
    (`path_profiles`: the rules that made its findings), and check each fixed file again
    so the report shows what is left, at its new positions. Returns the results to report
    and, with `dry_run`, the diffs instead of writing anything. `say` gets a line per
    fixed file."""
    fixed_results: list[FileResult] = []
    previews: list[str] = []
    for result in results:
        edits = (
            [] if result.error else plan_edits(result, checker.rules_of_file(result.path), _markup_of(checker, result))
        )
        if not edits:
            fixed_results.append(result)
            continue
        fixed_text = apply_edits(result.text, edits)
        if dry_run:
            previews.append(preview(result.path, result.text, fixed_text))
            continue
        try:
            write_fixed(result.path, result.digest, result.text, edits, result.encoding)
        except NewslintError as exc:
            result.error = exc
            fixed_results.append(result)
            continue
        say(f"newslint: fixed {len(edits)} finding{'' if len(edits) == 1 else 's'} in {shown(result.path)}")
        fixed_results.append(checker.lint_path(result.path))
    return fixed_results, previews
