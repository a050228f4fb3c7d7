"""Vale's check types, each run on one block of text as Vale runs them.

Semantics follow Vale's source (internal/check/*.go): the word template
`(?m)\\b(?:TOKENS)\\b` (`nonword` drops the boundaries), `(?i)` for `ignorecase`, the
exceptions regex (the rule's `exceptions` and the vocabulary's accepted words) tested
against each match, and the message's `%s` filled with the match (substitution: the
replacement, then the match).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Protocol

from newslint.casefold import fold
from newslint.checks.prefilter import prefilter_for
from newslint.vale import summary

WORD_TEMPLATE = r"\b(?:{})\b"
NONWORD_TEMPLATE = r"(?:{})"
_LEADING_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")


class RuleError(Exception):
    """A rule whose field newslint cannot honour; the message names the field."""


@dataclass
class Hit:
    start: int
    end: int
    message: str


@dataclass
class FileState:
    """What Vale keeps per file across blocks (`core.File.Sequences`)."""

    sequences: list[str] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)  # document counts, for `metric`


class Check(Protocol):
    def run(self, text: str, state: FileState) -> list[Hit]: ...


def compile_regex(pattern: str, ignorecase: bool, where: str) -> re.Pattern[str]:
    """Compile a Vale (Go/.NET syntax) pattern with Python's `re`: global flags written
    at the start of a token are lifted, since Python refuses them mid-pattern."""
    flags = re.MULTILINE | (re.IGNORECASE if ignorecase else 0)
    try:
        return re.compile(pattern, flags)
    except re.error as error:
        raise RuleError(f"{where}: the pattern does not compile ({error})") from None


def lift_flags(token: str) -> str:
    """`(?i)word` inside an alternation becomes `(?i:word)`: same meaning, legal in Python."""
    found = _LEADING_FLAGS.match(token)
    if not found:
        return token
    return f"(?{found.group(1)}:{token[found.end() :]})"


def format_message(message: str, *subs: str) -> str:
    """Vale's `core.FormatMessage`: the placeholders are filled when there are enough values."""
    count = message.count("%s")
    if count == 0 or count > len(subs):
        return message
    parts = message.split("%s")
    out = [parts[0]]
    for index, part in enumerate(parts[1:]):
        out.append(subs[index])
        out.append(part)
    return "".join(out)


def exceptions_regex(exceptions: Iterable[str]) -> re.Pattern[str] | None:
    """Vale's `updateExceptions`: longest first, so the alternation is greedy."""
    terms = sorted(set(exceptions), key=len, reverse=True)
    if not terms:
        return None
    return re.compile(WORD_TEMPLATE.format("|".join(lift_flags(t) for t in terms)), re.MULTILINE)


def is_exception(pattern: re.Pattern[str] | None, observed: str) -> bool:
    return pattern is not None and pattern.search(observed) is not None


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when `pattern` cannot match `text`: newslint's literal prefilter (the
    one its lexicon rules use) spares a long phrase list a walk through the text."""
    return prefilter_for(pattern.pattern, pattern.flags).may_match(_folded(text))


@functools.lru_cache(maxsize=256)
def _folded(text: str) -> str:
    """`fold(text)`, once for all the rules that screen the same unit."""
    return fold(text)


class FileText:
    """Every unit's text of a file, folded, for `for_file`: each text once (a sentence is
    a part of its paragraph), and the file's three-character pieces, so a rule's hundreds
    of literals are looked up, not searched for one by one."""

    def __init__(self, texts: Iterable[str]) -> None:
        parts: list[str] = []
        for text in sorted(texts, key=len, reverse=True):
            if text and not any(text in part for part in parts):
                parts.append(text)
        self.folded = folded = fold("\n".join(parts))
        self.pieces = frozenset(map("".join, zip(folded, folded[1:], folded[2:], strict=False)))

    def holding(self, literals: Literals) -> set[int]:
        """The owners (numbers) of the literals this text holds."""
        folded, pieces = self.folded, self.pieces
        found = {owner for literal, owner in literals.short if literal in folded}
        # (`pieces & keys()` would walk all the file's pieces, not the rule's few.)
        for piece in pieces.intersection(literals.by_piece):
            for literal, owner in literals.by_piece[piece]:
                # Its first and last three characters are pieces too: lookups before a search.
                if owner not in found and literal[:3] in pieces and literal[-3:] in pieces and literal in folded:
                    found.add(owner)
        return found


@dataclass
class Literals:
    """Literal strings, each with an owner (a number), filed by their rarest piece of
    three characters (so few are searched for in a file that holds the piece)."""

    by_piece: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    short: list[tuple[str, int]] = field(default_factory=list)  # under three characters

    def add(self, literal: str, owner: int) -> None:
        if len(literal) < 3:
            self.short.append((literal, owner))
            return
        weights = [_RARITY.get(char, len(_RARITY)) for char in literal]
        rarities = list(map(sum, zip(weights, weights[1:], weights[2:], strict=False)))
        rarest = rarities.index(max(rarities))
        self.by_piece.setdefault(literal[rarest : rarest + 3], []).append((literal, owner))


# English letters, most frequent first; a space is commoner still, anything else rarer.
_RARITY = {char: rank for rank, char in enumerate(" etaoinshrdlcumwfgypbvkjxqz")}


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


class TokenIndex:
    """Which of some patterns (a rule's tokens, say) may match a file: each pattern's
    literals (`Prefilter`), every match holding one, looked up in the file's text."""

    def __init__(self, patterns: Iterable[str], flags: int) -> None:
        self.literals = Literals()
        self.always: set[int] = set()  # patterns without a literal every match holds
        for number, pattern in enumerate(patterns):
            found = _literals_of(pattern, flags)
            if found is None:
                self.always.add(number)
            for literal in found or ():
                self.literals.add(literal, number)

    def kept(self, text: FileText) -> tuple[int, ...]:
        """The numbers of the patterns that may match somewhere in `text`, in order."""
        return tuple(sorted(self.always | text.holding(self.literals)))


# A token without a character special to `re`: its one literal is itself.
_PLAIN = re.compile(r"\(\?:([A-Za-z0-9 ,'-]+)\)|([A-Za-z0-9 ,'-]+)")


def _literals_of(pattern: str, flags: int) -> frozenset[str] | None:
    """The prefilter's literals of a pattern; a plain word or phrase is its own, lower-cased
    (the prefilter's answer, without parsing it: most of a style's tokens are plain, and
    parsing them all doubled the time to load a style)."""
    plain = _PLAIN.fullmatch(pattern)  # a swap key comes as `(?:key)`
    if plain:
        return frozenset({(plain.group(1) or plain.group(2)).lower()})
    return prefilter_for(pattern, flags).literals


class Alternation:
    """A pattern written `prefix + "|".join(tokens) + suffix` (Vale's word template around
    a rule's tokens or swap keys), kept so that a file is searched for only the tokens
    whose literals it holds. A token that cannot match anywhere in the file never wins
    the alternation, so the narrower pattern finds exactly what the whole one does,
    without trying hundreds of alternatives at every character (Vale's Go engine does
    not; Python's `re` does)."""

    def __init__(self, prefix: str, tokens: list[str], suffix: str, flags: int) -> None:
        self.prefix, self.tokens, self.suffix, self.flags = prefix, tokens, suffix, flags
        self.index = TokenIndex(tokens, flags)
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}

    @classmethod
    def of(cls, prefix: str, tokens: list[str], suffix: str, flags: int) -> Alternation | None:
        """None where leaving tokens out could change a match: a group referred to by
        number or name would be renumbered or lost."""
        if not tokens or _BACKREFERENCE.search(prefix + "".join(tokens) + suffix):
            return None
        return cls(prefix, tokens, suffix, flags)

    def kept(self, text: FileText) -> tuple[int, ...]:
        return self.index.kept(text)

    def compiled(self, kept: tuple[int, ...]) -> re.Pattern[str]:
        if kept not in self._compiled:
            if len(self._compiled) >= 1024:  # a long-running server meets endless files
                self._compiled.clear()
            body = "|".join(self.tokens[number] for number in kept)
            self._compiled[kept] = re.compile(self.prefix + body + self.suffix, self.flags)
        return self._compiled[kept]


def for_file(check: Check, text: FileText) -> Check | None:
    """`check` as it need run on a file whose units' texts are `text`: None when it cannot
    find anything there; a word-list check (existence, substitution) narrowed to the
    tokens the file may hold (`Alternation`), a consistency check to the pairs it may
    hold; any other check as it is."""
    if isinstance(check, Existence | Substitution) and check.alternation is not None:
        kept = check.alternation.kept(text)
    elif isinstance(check, Consistency):
        kept = check.index.kept(text)  # a pair neither of whose spellings is there adds nothing
    else:
        return check
    return check.narrowed(kept) if kept else None


@dataclass
class Existence:
    pattern: re.Pattern[str]
    message: str
    exceptions: re.Pattern[str] | None
    alternation: Alternation | None = None  # how `pattern` is made of the tokens
    screen: bool = True  # try the literal prefilter on each text first

    def narrowed(self, kept: tuple[int, ...]) -> Existence:
        """This check for only the tokens numbered `kept` (see `Alternation`)."""
        assert self.alternation is not None
        return replace(self, pattern=self.alternation.compiled(kept), alternation=None, screen=False)

    def run(self, text: str, state: FileState) -> list[Hit]:
        if self.screen and not may_match(self.pattern, text):
            return []
        hits = []
        for found in self.pattern.finditer(text):
            if found.end() == found.start():
                continue
            observed = found.group(0).strip()
            if not is_exception(self.exceptions, observed):
                hits.append(Hit(found.start(), found.end(), format_message(self.message, found.group(0))))
        return hits


def to_sentence(items: list[str], conjunction: str) -> str:
    """Vale's `core.ToSentence`: 'a', 'a' or 'b', 'a', 'b', or 'c'."""
    quoted = [f"'{item}'" for item in items]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f"{quoted[0]} {conjunction} {quoted[1]}"
    return ", ".join(quoted[:-1]) + f", {conjunction} {quoted[-1]}"


@dataclass
class Substitution:
    """Vale joins the swap keys into one pattern of capture groups, one per key. The
    same search here is two steps, for speed (hundreds of groups are slow in Python's
    `re`): the joined pattern without groups finds where a key matches, then the keys,
    tried in order at that place, say which one (the first that matches, as the
    alternation would)."""

    scan: re.Pattern[str]
    keys: list[re.Pattern[str]]  # each key in the word template, its own groups kept
    replacements: list[str]
    message: str
    exceptions: re.Pattern[str] | None
    replace_action: bool  # `action: {name: replace}` without params
    capitalize: bool
    alternation: Alternation | None = None  # how `scan` is made of the keys
    screen: bool = True  # try the literal prefilter on each text first

    def narrowed(self, kept: tuple[int, ...]) -> Substitution:
        """This check for only the keys numbered `kept` (see `Alternation`)."""
        assert self.alternation is not None
        return replace(
            self,
            scan=self.alternation.compiled(kept),
            keys=[self.keys[number] for number in kept],
            replacements=[self.replacements[number] for number in kept],
            alternation=None,
            screen=False,
        )

    def run(self, text: str, state: FileState) -> list[Hit]:
        if self.screen and not may_match(self.scan, text):
            return []
        hits = []
        for found in self.scan.finditer(text):
            start = found.start()
            index, key = next(
                ((i, m) for i, pattern in enumerate(self.keys) if (m := pattern.match(text, start)) is not None),
                (-1, None),
            )
            if key is None:
                continue
            end = key.end()
            expected = _fill(self.replacements[index], key)
            observed = text[start:end].strip()
            if same_token(expected, observed) or is_exception(self.exceptions, observed):
                continue
            message = self.message
            if self.capitalize and observed[:1].isupper():
                expected = expected[:1].upper() + expected[1:]
            if self.replace_action:
                expected = to_sentence(expected.split("|"), "or")
                message = _unquote_first(message)
            hits.append(Hit(start, end, format_message(message, expected, observed)))
        return hits


def _fill(replacement: str, found: re.Match[str]) -> str:
    """`$1` in a replacement is the swap key's own first group."""
    return re.sub(r"\$(\d)", lambda m: found.group(int(m.group(1))) or "", replacement)


def same_token(expected: str, observed: str) -> bool:
    """Vale's `matchToken`: the replacement, read as a pattern, matches the whole match
    (a phrase, or a pattern that does not compile, is compared as a string). Case counts
    even for `ignorecase` rules: Vale's suite flags "Javascript" for "JavaScript"."""
    if " " in expected:
        return expected == observed
    try:
        return re.fullmatch(expected, observed) is not None
    except re.error:
        return expected == observed


def _unquote_first(message: str) -> str:
    """Vale's `convertMessage`: with a quoted replacement list, don't quote twice."""
    for spec in ("'%s'", '"%s"'):
        if message.count(spec) == 2:
            message = message.replace(spec, "%s", 1)
    return message


@dataclass
class Occurrence:
    pattern: re.Pattern[str]
    message: str
    max: int
    min: int

    def run(self, text: str, state: FileState) -> list[Hit]:
        spans = [m.span() for m in self.pattern.finditer(text) if m.end() > m.start()]
        count = len(spans)
        if not ((self.max > 0 and count > self.max) or (self.min > 0 and count < self.min)):
            return []
        if not spans:
            return [Hit(-1, -1, self.message)]  # Vale: the first line of the file
        # Vale reports the first match that is not inline code (its `*` placeholder).
        start, end = next((span for span in spans if text[span[0] : span[1]].strip("*")), spans[0])
        return [Hit(start, end, self.message)]


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])")


@dataclass
class Repetition:
    pattern: re.Pattern[str]
    message: str
    max: int
    ignorecase: bool
    alpha: bool
    exceptions: re.Pattern[str] | None

    def run(self, text: str, state: FileState) -> list[Hit]:
        hits: list[Hit] = []
        prev = ""
        prev_start = 0
        count = 0
        for found in self.pattern.finditer(text):
            curr = found.group(0).strip()
            same = curr.lower() == prev.lower() if self.ignorecase else curr == prev
            hit = same and curr != "" and (not self.alpha or curr.isalpha())
            if hit:
                count += 1
            if hit and count > self.max:
                span_text = text[prev_start : found.end()]
                # Vale: a repeat that spans two sentences is likely fine ("... that. That ...").
                if not _SENTENCE_END.search(span_text) and not is_exception(self.exceptions, span_text):
                    hits.append(Hit(prev_start, found.end(), format_message(self.message, curr)))
                    count = 0
            prev_start = found.start()
            prev = curr
        return hits


@dataclass
class Consistency:
    """Either spelling may be used in a file, not both: the first block that holds the
    second one seen is flagged."""

    steps: list[tuple[re.Pattern[str], tuple[str, str]]]
    message: str

    @functools.cached_property
    def index(self) -> TokenIndex:
        return TokenIndex((pattern.pattern for pattern, _ in self.steps), self.steps[0][0].flags if self.steps else 0)

    def narrowed(self, kept: tuple[int, ...]) -> Consistency:
        """Only the pairs numbered `kept`: a pair that finds nothing adds nothing."""
        return Consistency([self.steps[number] for number in kept], self.message)

    def run(self, text: str, state: FileState) -> list[Hit]:
        hits = []
        for pattern, names in self.steps:
            last: tuple[int, int] | None = None
            for found in pattern.finditer(text):
                for name in names:
                    if found.start(name) != -1:
                        last = found.span(name)
                        state.sequences.append(name)
            if last is not None and all(name in state.sequences for name in names):
                hits.append(Hit(last[0], last[1], format_message(self.message, text[last[0] : last[1]])))
        return hits


@dataclass
class Conditional:
    first: re.Pattern[str]
    second: re.Pattern[str]
    second_has_group: bool
    message: str
    exceptions: re.Pattern[str] | None

    def run(self, text: str, state: FileState) -> list[Hit]:
        if not self.second_has_group and self.second.search(text):
            return []
        if self.second_has_group:
            for found in self.second.finditer(text):
                state.sequences.extend(g for g in found.groups() if g)
        hits = []
        for found in self.first.finditer(text):
            observed = found.group(0)
            if self.second_has_group and observed in state.sequences:
                continue
            if not is_exception(self.exceptions, observed):
                hits.append(Hit(found.start(), found.end(), format_message(self.message, observed)))
        return hits


def has_capture_group(pattern: str) -> bool:
    opens = pattern.count("(")
    return opens > pattern.count("(?") + pattern.count(r"\(")


@dataclass
class Capitalization:
    """The whole block (a heading, usually) must be in a case: `$title`, `$sentence`,
    `$lower`, `$upper`, or match a pattern."""

    test: Callable[[str], bool]
    message: str
    prefix: re.Pattern[str] | None = None

    def run(self, text: str, state: FileState) -> list[Hit]:
        stripped = text.strip()
        checked = stripped
        if self.prefix is not None and (lead := self.prefix.match(checked)):
            checked = checked[lead.end() :]
        if not stripped or self.test(checked):
            return []
        start = text.index(stripped[0])
        return [Hit(start, start + len(stripped), format_message(self.message, stripped))]


_SMALL_WORDS = {
    # jdkato/titlecase's lists, which Vale uses: words left lower case inside a title.
    "AP": frozenset("a an and at but by for in nor of on or so the to up yet".split()),
    "Chicago": frozenset("a an and as at but by for from in into nor of on onto or so the to up via with yet".split()),
}
_ORDINAL = re.compile(r"^\d+\.\s+")
_WORD = r"(?:[^\W_]|\*)+\S*"


def _tokens(text: str, exceptions: re.Pattern[str] | None) -> list[str]:
    """Vale's word split for case checks: an exception (a phrase, too) or a word."""
    pattern = _WORD if exceptions is None else f"{exceptions.pattern}|{_WORD}"
    return re.findall(f"(?:{pattern})", text)


def _go_title(word: str) -> str:
    """Go's `strings.Title`: a letter after a non-letter, non-digit is upper-cased."""
    out = []
    previous = " "
    for char in word:
        out.append(char.upper() if not (previous.isalnum() or previous == "_") else char)
        previous = char
    return "".join(out)


def sentence_case(
    exceptions: re.Pattern[str] | None, indicators: tuple[str, ...], threshold: float
) -> Callable[[str], bool]:
    """Vale's `sentence`: the share of words in sentence case must pass the threshold;
    a first word that is not capitalised fails at once."""

    def test(text: str) -> bool:
        # A heading's ordinal ("1. An important heading") is not its first word: Vale's
        # suite passes it, and still fails "B. An unimportant heading".
        tokens = _tokens(_ORDINAL.sub("", text, count=1).rstrip("?!.:"), exceptions)
        count = 0
        for index, token in enumerate(tokens):
            previous = tokens[index - 1] if index else ""
            if is_exception(exceptions, token):
                count += 1  # a listed phrase ("High-Def Render Pipeline") as a whole
                continue
            word = token
            for mark in ("-", "'", "’"):
                if mark in word:
                    word = word.split(mark)[0]
                    break
            if word == word.upper() or previous.endswith(indicators) or is_exception(exceptions, word):
                count += 1
            elif index == 0 and word != _go_title(word.lower()):
                return False
            elif index == 0 or word == word.lower():
                count += 1
        return not tokens or count / len(tokens) > threshold

    return test


def _title(text: str, style: str) -> str:
    small = _SMALL_WORDS[style]
    words = text.split(" ")
    out = []
    for index, word in enumerate(words):
        if 0 < index < len(words) - 1 and word.lower() in small:
            out.append(word.lower())
        elif word[:1].islower():
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word)
    return " ".join(out)


def title_case(exceptions: re.Pattern[str] | None, style: str, threshold: float) -> Callable[[str], bool]:
    """Vale's `title`: each word compared with the title-cased text, word for word."""

    def test(text: str) -> bool:
        expected = _tokens(_title(text, style), exceptions)
        words = _tokens(text, exceptions)
        count = 0
        for index, word in enumerate(words):
            matches = index >= len(expected) or word == expected[index]
            if matches or is_exception(exceptions, word) or word == word.upper():
                count += 1
        return not words or count / len(words) > threshold

    return test


# Vale's document counts: structure, and the text counts `summary` computes.
STRUCTURE = frozenset({f"heading_h{n}" for n in range(1, 7)} | {"list", "blockquote", "pre"})
_CONDITION = re.compile(r"^\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$")
_COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">": lambda a, b: a > b,
    "<": lambda a, b: a < b,
    ">=": lambda a, b: a >= b,
    "<=": lambda a, b: a <= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
}


@dataclass
class Metric:
    """A formula of the file's counts against a condition; the alert sits at the file's start."""

    formula: Callable[[dict[str, float]], float]
    condition: tuple[str, float]
    message: str

    def run(self, text: str, state: FileState) -> list[Hit]:
        try:
            value = self.formula(state.metrics)
        except (ZeroDivisionError, KeyError):
            return []
        operator, bound = self.condition
        if not _COMPARE[operator](value, bound):
            return []
        return [Hit(-1, -1, format_message(self.message, f"{value:.2f}"))]


def metric_formula(formula: str, where: str) -> Callable[[dict[str, float]], float]:
    """A formula read with Python's `ast`: numbers, the structural variables, + - * / ( )."""
    import ast
    import operator

    text = re.sub(r"heading\.h([1-6])", r"heading_h\1", formula.strip())
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError:
        raise RuleError(f"{where}: not a formula Vale can evaluate") from None
    binary = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in summary.NOT_COMPUTED:
            raise RuleError(f"{where}: variable '{node.id}' is not computed (needs Vale's syllable counter)")
        if isinstance(node, ast.Name) and node.id not in STRUCTURE | summary.COMPUTED:
            raise RuleError(f"{where}: unknown variable '{node.id}'")
        allowed = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.USub, ast.UAdd, ast.Constant, ast.Name, ast.Load)
        if not isinstance(node, allowed + tuple(binary)) or (
            isinstance(node, ast.Constant) and not isinstance(node.value, int | float)
        ):
            raise RuleError(f"{where}: {type(node).__name__} is not supported in a formula")

    def evaluate(node: ast.AST, values: dict[str, float]) -> float:
        if isinstance(node, ast.Expression):
            return evaluate(node.body, values)
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return float(node.value)
        if isinstance(node, ast.Name):
            # A file without words has no text counts: Vale's formula then fails (no alert).
            return values[node.id] if node.id in summary.COMPUTED else values.get(node.id, 0.0)
        if isinstance(node, ast.UnaryOp):
            inner = evaluate(node.operand, values)
            return -inner if isinstance(node.op, ast.USub) else inner
        assert isinstance(node, ast.BinOp)
        return float(binary[type(node.op)](evaluate(node.left, values), evaluate(node.right, values)))

    return lambda values: evaluate(tree, values)


def metric_condition(condition: str, where: str) -> tuple[str, float]:
    found = _CONDITION.match(condition)
    if not found:
        raise RuleError(f"{where}: expected a comparison such as '> 8.0'")
    return found.group(1), float(found.group(2))
