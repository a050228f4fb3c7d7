"""Lint files with Vale styles, as `vale --output=line --sort` would, and print the
`vale-line` format: `path:line:column:Style.Rule:message`."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newslint.parse import parse
from newslint.vale import blocks, checks
from newslint.vale.ini import LEVELS, ValeConfig, ValeConfigError, glob_pattern, read_config
from newslint.vale.styles import ValeRule, load_rule, load_style

# The formats newslint parses, by extension (Vale's own list for these three).
FORMATS = {
    ".md": "markdown",
    ".mdx": "markdown",  # MDX is Markdown with JSX: newslint reads the Markdown
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
}
BUILTIN_STYLE = "Vale"
# Folders Vale never walks into (its default SkippedDirs).
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__"})


@dataclass(frozen=True, order=True)
class Alert:
    path: str
    line: int
    column: int
    check: str
    message: str
    level: str = field(compare=False)

    def vale_line(self) -> str:
        return f"{self.path}:{self.line}:{self.column}:{self.check}:{self.message}"


@dataclass(frozen=True)
class Match:
    rule: str
    level: str
    start: int  # offsets in the file
    end: int
    message: str
    # Vale finds a match's column by looking its text up in the file's line; text the
    # parse decoded (an entity) is not there, and Vale's fallback is the line's start.
    at_line_start: bool = False
    observed: str = ""  # the matched text, as the rule saw it


class ValeRun:
    """One run: the config, the styles it loaded (each once) and the warnings it gave."""

    def __init__(self, config: ValeConfig, min_level: str | None = None, warn: Callable[[str], None] | None = None):
        self.config = config
        self.min_level = LEVELS.index(min_level or config.min_alert_level)
        self.warn = warn or (lambda message: print(message, file=sys.stderr))
        self._warned: set[str] = set()
        self._styles: dict[str, dict[str, ValeRule]] = {}
        self._single: dict[str, ValeRule | None] = {}  # rules switched on one by one
        self.accepted, self.rejected = self._vocabularies()
        for message in config.unsupported:
            self._once(message)

    def _once(self, message: str) -> None:
        if message not in self._warned:
            self._warned.add(message)
            self.warn(message)

    def _vocabularies(self) -> tuple[list[str], list[str]]:
        accepted: list[str] = []
        rejected: list[str] = []
        root = self.config.styles_path
        for name in self.config.vocab:
            folders = (
                [os.path.join(root, "config", "vocabularies", name), os.path.join(root, "Vocab", name)] if root else []
            )
            found = [f for f in folders if os.path.isdir(f)]
            if not found:
                raise ValeConfigError(f"{self.config.path}: Vocab {name!r}: no such vocabulary under the StylesPath")
            for folder in found:
                accepted += _words(os.path.join(folder, "accept.txt"))
                rejected += _words(os.path.join(folder, "reject.txt"))
        return accepted, rejected

    def style(self, name: str) -> dict[str, ValeRule]:
        if name not in self._styles:
            self._styles[name] = self._load_style(name)
        return self._styles[name]

    def _load_style(self, name: str) -> dict[str, ValeRule]:
        rules: dict[str, ValeRule] = {}
        if name == BUILTIN_STYLE:
            rules = {rule.id: rule for rule in self._builtin()}
        root = self.config.styles_path
        folder = os.path.join(root, name) if root else ""
        if root and os.path.isdir(folder):
            rules.update({rule.id: rule for rule in load_style(folder, name, self.accepted, self._once, root)})
        elif name != BUILTIN_STYLE:
            raise ValeConfigError(f"{self.config.path}: style {name!r} not found in StylesPath {root or '(none)'}")
        return rules

    def _builtin(self) -> list[ValeRule]:
        """Vale's own style: Repetition, and Terms/Avoid from the vocabularies."""
        rules = [
            ValeRule(
                "Vale.Repetition",
                "repetition",
                "error",
                ("text",),
                checks.Repetition(re.compile(r"([^\s]+)"), "'%s' is repeated!", 0, False, True, None),
            )
        ]
        if self.accepted:
            rules.append(ValeRule("Vale.Terms", "substitution", "error", ("text",), Terms(self.accepted)))
        if self.rejected:
            pattern = checks.WORD_TEMPLATE.format("|".join(checks.lift_flags(w) for w in self.rejected))
            existence = checks.Existence(re.compile(pattern), "Avoid using '%s'.", None)
            rules.append(ValeRule("Vale.Avoid", "existence", "error", ("text",), existence))
        speller = self._builtin_spelling()
        if speller is not None:
            rules.append(ValeRule("Vale.Spelling", "spelling", "error", ("text",), speller))
        return rules

    def _builtin_spelling(self) -> checks.Check | None:
        """`Vale.Spelling`: the default dictionary, the vocabularies' accepted words as
        exceptions; skipped, with a note, without the optional Hunspell reader."""
        from newslint.vale import spelling

        try:
            check = spelling.build({}, "Vale.Spelling", "Did you really mean '%s'?", self.accepted, None)
            self._once(f"Vale.Spelling: {spelling.DEFAULT_NOTE}")
            return check
        except checks.RuleError:
            self._once(
                "Vale.Spelling: spelling is not supported (needs a Hunspell engine: pip install 'newslint[vale]'); "
                "rule skipped"
            )
            return None

    def _rule(self, rule_id: str) -> ValeRule | None:
        if rule_id not in self._single:
            self._single[rule_id] = self._load_rule(rule_id)
        return self._single[rule_id]

    def _load_rule(self, rule_id: str) -> ValeRule | None:
        style, _, name = rule_id.partition(".")
        if style in self._styles or style == BUILTIN_STYLE:
            return self.style(style).get(rule_id)
        root = self.config.styles_path
        for suffix in (".yml", ".yaml"):
            path = os.path.join(root, style, name + suffix) if root else ""
            if path and os.path.isfile(path):
                return load_rule(path, rule_id, self.accepted, self._once, root)
        self._once(f"{self.config.path}: rule {rule_id} not found; skipped")
        return None

    def rule_ids(self) -> frozenset[str]:
        """Every rule id some section can turn on: what `--select` and `--ignore` may name."""
        ids: set[str] = set()
        for section in self.config.sections:
            for name in section.styles:
                ids.update(self.style(name))
            ids.update(rule_id for rule_id, switch in section.rules.items() if switch is not False)
        return frozenset(ids)

    def rules_for(self, path: str) -> list[tuple[ValeRule, str]]:
        """The rules a file runs and each one's level, from every section that matches it."""
        chosen: dict[str, tuple[ValeRule, str]] = {}
        for section in self.config.sections_for(path):
            for name in section.styles:
                for rule in self.style(name).values():
                    chosen[rule.id] = (rule, rule.level)
            for rule_id, switch in section.rules.items():
                if switch is False:
                    chosen.pop(rule_id, None)
                    continue
                single = self._rule(rule_id)
                if single is not None:
                    chosen[rule_id] = (single, switch if isinstance(switch, str) else single.level)
        return [pair for pair in chosen.values() if LEVELS.index(pair[1]) >= self.min_level]

    def matches(self, path: str, source: str, input_format: str) -> list[Match]:
        """Every alert of the file's rules, with its span in the file, in no set order."""
        rules = self.rules_for(path)
        if not rules:
            return []
        parsed = parse(source, input_format)
        units = blocks.units(source, parsed, input_format, self.ignored(path, source, input_format))
        # The document counts only a `metric` rule reads: a quarter of a style's time.
        needs_metrics = any(isinstance(rule.check, checks.Metric) for rule, _ in rules)
        state = checks.FileState(metrics=blocks.metrics(source, parsed, input_format) if needs_metrics else {})
        # A word-list rule whose words are in none of the units is not tried unit by
        # unit (most rules, on most stories).
        text = checks.FileText(unit.text for unit in units)
        found: set[Match] = set()
        for rule, level in rules:
            check = checks.for_file(rule.check, text)
            if check is None:
                continue
            own: set[Match] = set()
            for unit in units:
                if not blocks.matches(rule.scopes, unit.scopes):
                    continue
                for hit in check.run(unit.text, state):
                    if hit.start < 0:  # Vale: an alert about the whole file sits at its start
                        own.add(Match(rule.id, level, 0, 0, hit.message))
                        continue
                    end = unit.offset(max(hit.start, hit.end - 1)) + 1
                    decoded = _holds_decoded_text(source, unit, hit.start, hit.end)
                    observed = unit.text[hit.start : hit.end]
                    own.add(Match(rule.id, level, unit.offset(hit.start), end, hit.message, decoded, observed))
            # `limit`: the first alerts in the file, the rest dropped.
            found.update(sorted(own, key=lambda m: (m.start, m.end, m.message))[: rule.limit or None])
        return list(found)

    def lint(self, path: str, shown: str, source: str, input_format: str) -> list[Alert]:
        alerts = set()
        by_rule: dict[str, list[Match]] = {}
        for match in self.matches(path, source, input_format):
            by_rule.setdefault(match.rule, []).append(match)
        for found in by_rule.values():
            placed = _place(source, sorted(found, key=lambda m: (m.start, m.end, m.message)))
            for match, (line, column) in placed:
                alerts.add(Alert(shown, line, column, match.rule, match.message, match.level))
        return sorted(alerts)

    def ignored(self, path: str, source: str, input_format: str) -> list[tuple[int, int]]:
        """Spans Vale does not lint: the sections' TokenIgnores and BlockIgnores, and the
        inline elements named in IgnoredScopes (strong, em, b, i, link)."""
        spans: list[tuple[int, int]] = []
        for section in self.config.sections_for(path):
            for raw in section.token_ignores + section.block_ignores:
                try:
                    pattern = re.compile(raw, re.MULTILINE)
                except re.error as error:
                    self._once(
                        f"{self.config.path}: [{section.glob}] ignore pattern {raw!r} does not compile ({error})"
                    )
                    continue
                spans += [m.span() for m in pattern.finditer(source) if m.end() > m.start()]
        for scope in self.config.ignored_scopes:
            pattern_text = _INLINE.get((input_format, scope))
            if pattern_text:
                spans += [m.span() for m in re.finditer(pattern_text, source)]
        if input_format == "html":
            spans += _elements_of_classes(source, self.config.ignored_classes)
        return spans


def _elements_of_classes(source: str, classes: list[str]) -> list[tuple[int, int]]:
    """The spans of the HTML elements that carry one of `classes`, start tag to the
    matching end tag (same-name elements nested inside counted)."""
    spans = []
    for name in classes:
        opening = re.compile(
            rf"<(\w+)\b[^>]*\bclass=[\"'][^\"']*\b{re.escape(name)}\b[^\"']*[\"'][^>]*>", re.IGNORECASE
        )
        for found in opening.finditer(source):
            tag = found.group(1)
            depth = 1
            tags = re.compile(rf"<(/?){tag}\b[^>]*>", re.IGNORECASE)
            end = len(source)
            for nested in tags.finditer(source, found.end()):
                depth += -1 if nested.group(1) else 1
                if depth == 0:
                    end = nested.end()
                    break
            spans.append((found.start(), end))
    return spans


# Inline elements by IgnoredScopes name, per format (code is already out of the parse).
_INLINE = {
    ("markdown", "strong"): r"\*\*[^*\n]+\*\*|__[^_\n]+__",
    ("markdown", "b"): r"\*\*[^*\n]+\*\*|__[^_\n]+__",
    ("markdown", "em"): r"(?<![*\w])\*[^*\n]+\*(?!\*)|(?<![_\w])_[^_\n]+_(?![_\w])",
    ("markdown", "i"): r"(?<![*\w])\*[^*\n]+\*(?!\*)|(?<![_\w])_[^_\n]+_(?![_\w])",
    ("markdown", "link"): r"(?<!!)\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\s]+>",
    ("html", "link"): r"(?is)<a\b.*?</a>",
    ("html", "strong"): r"(?is)<strong\b.*?</strong>",
    ("html", "b"): r"(?is)<b\b.*?</b>",
    ("html", "em"): r"(?is)<em\b.*?</em>",
    ("html", "i"): r"(?is)<i\b.*?</i>",
}


class Terms:
    """`Vale.Terms`: an accepted word written in another case is flagged."""

    def __init__(self, accepted: list[str]) -> None:
        self.accepted = accepted
        body = "|".join(f"({checks.lift_flags(word)})" for word in accepted)
        self.pattern = re.compile(checks.WORD_TEMPLATE.format(body), re.IGNORECASE)

    def run(self, text: str, state: checks.FileState) -> list[checks.Hit]:
        hits = []
        for found in self.pattern.finditer(text):
            group = found.lastindex or 0
            expected = self.accepted[group - 1] if group else found.group(0)
            observed = found.group(0)
            if not checks.same_token(expected, observed):
                message = checks.format_message("Use '%s' instead of '%s'.", expected, observed)
                hits.append(checks.Hit(found.start(), found.end(), message))
        return hits


def _place(source: str, matches: list[Match]) -> list[tuple[Match, tuple[int, int]]]:
    """Each alert of one rule where Vale reports it, in file order (core.File.AddAlert).

    Vale does not keep a match's offset: it searches the matched text, word-bounded,
    in the match's line (`initialPosition`), so the text's first occurrence there wins,
    and an alert at a place already reported is dropped. After each alert it hides
    the text's first occurrence in the file from the rule's later alerts (`ChkToCtx`).
    A match over several lines, or one not found in its line, keeps its own place."""
    view = source
    seen: set[tuple[int, int]] = set()
    out = []
    for match in matches:
        line, column = _position(source, match.start)
        text = match.observed
        if match.at_line_start:
            column = 1
        elif text and "\n" not in text:
            line_start = match.start - column + 1
            line_end = source.find("\n", match.start)
            row = view[line_start : len(source) if line_end == -1 else line_end]
            column = _first_place(row, text) or column
        if text:
            hidden = view.find(text)
            if hidden >= 0:
                view = view[:hidden] + re.sub(r"[^\n ]", "#", text) + view[hidden + len(text) :]
        if (line, column) in seen:
            continue
        seen.add((line, column))
        out.append((match, (line, column)))
    return out


def _first_place(row: str, text: str) -> int | None:
    """Vale's initialPosition: the column of `text` in `row`, word-bounded (Go's ASCII
    `\\b`, or `_`) if it can be, else anywhere; None when it is not there."""
    bounded = re.search(r"(?:^|\b|_)" + re.escape(text) + r"(?:_|\b|$)", row, re.ASCII)
    index = bounded.start() if bounded else row.find(text)
    if index < 0:
        return None
    if row.startswith("_", index) and not text.startswith("_"):
        index += 1
    return index + 1


def _holds_decoded_text(source: str, unit: blocks.Unit, start: int, end: int) -> bool:
    """Whether a match on one line holds a character the parse decoded (`&#160;` read as
    a no-break space): Vale's `initialPosition` then cannot find the match in the line
    and its `guessLocation` answers the line's first column. Inline code, read as `*`,
    is in Vale's line as `*` too."""
    text = unit.text[start:end]
    if "\n" in text:
        return False
    return any(char != "*" and char != source[unit.offset(start + index)] for index, char in enumerate(text))


def _words(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            return [line.strip() for line in handle if line.strip() and not line.lstrip().startswith("#")]
    except FileNotFoundError:
        return []


def _position(source: str, offset: int) -> tuple[int, int]:
    line_start = source.rfind("\n", 0, offset) + 1
    return source.count("\n", 0, offset) + 1, offset - line_start + 1


def files_of(
    paths: Iterable[str], glob: str, ext: str | None, formats: dict[str, str] | None = None
) -> list[tuple[str, str]]:
    """(path, format) of every file the run lints, in Vale's sorted order; a folder gives
    the files of the formats newslint reads, `--glob` (`!` negates) narrows them."""
    negate = glob.startswith("!")
    pattern = glob_pattern(glob[1:] if negate else glob)
    found: list[tuple[str, str]] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
                for name in sorted(names):
                    found.append(os.path.normpath(os.path.join(root, name)))  # type: ignore[arg-type]
        else:
            found.append(path)  # type: ignore[arg-type]
    out: list[tuple[str, str]] = []
    for item in found:
        file = str(item)
        shown = file.replace(os.sep, "/")
        if bool(pattern.fullmatch(shown) or pattern.fullmatch(os.path.basename(shown))) == negate:
            continue
        suffix = (ext if ext else os.path.splitext(file)[1]).lstrip(".")
        suffix = (formats or {}).get(suffix, suffix)
        input_format = FORMATS.get("." + suffix.lower())
        if input_format:
            out.append((file, input_format))
    return sorted(out)


def run(
    paths: list[str],
    config_path: str | None,
    min_level: str | None = None,
    glob: str = "*",
    ext: str | None = None,
    write: Callable[[str], None] = print,
    *,
    ignore_syntax: bool = False,
) -> int:
    """Vale's exit code: 2 for a config error, 1 if an error-level alert, else 0."""
    from newslint.vale_lookup import find_config

    try:
        found = config_path or find_config(os.getcwd())
        if found is None:
            raise ValeConfigError(".vale.ini not found (from the current folder up)")
        vale = ValeRun(read_config(found), min_level)
        alerts: list[Alert] = []
        if "-" in paths:
            # Standard input, as Vale reads it: named `stdin` with the --ext extension.
            suffix = "." + (ext or ".txt").lstrip(".")
            name = "stdin" + suffix
            input_format = FORMATS.get("." + vale.config.formats.get(suffix[1:], suffix[1:]), "text")
            alerts.extend(vale.lint(name, name, sys.stdin.read(), "text" if ignore_syntax else input_format))
            paths = [path for path in paths if path != "-"]
        for file, input_format in files_of(paths, glob, ext, vale.config.formats):
            with open(file, encoding="utf-8", errors="replace", newline="") as handle:
                source = handle.read()
            shown = os.path.normpath(os.path.relpath(file)).replace(os.sep, "/")
            alerts.extend(vale.lint(file, shown, source, "text" if ignore_syntax else input_format))
    except ValeConfigError as error:
        print(f"newslint: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"newslint: {error.filename}: cannot read ({error.strerror})", file=sys.stderr)
        return 2
    except Exception as error:  # a bug in newslint: one line, as everywhere (issue 20)
        print(
            f"newslint: internal error in the Vale run ({type(error).__name__}: {error}); please report it",
            file=sys.stderr,
        )
        return 2
    for alert in alerts:
        write(alert.vale_line())
    return 1 if any(alert.level == "error" for alert in alerts) else 0
