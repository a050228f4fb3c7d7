"""A stand-in for newslint's rules, so adapter tests count exactly and do not move when
the real packs are tuned: `FakeRunner` flags regular expressions given per rule id and
analyses text with a tiny, predictable analyser (sentences end at . ! ?, quotations are
"..." or “...”, a sentence with "said" or "according to" is attributed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint.model import Attribution, Document, Finding, Paragraph, Quote, Sentence, Severity

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "data"
REPO_ROOT = Path(__file__).resolve().parents[2]

_PARAGRAPH = re.compile(r"\S(?:.*?\S)??(?=\s*\n\s*\n|\s*$)", re.DOTALL)
_SENTENCE = re.compile(r"\S.*?(?:[.!?][\"”]?(?=\s|$)|$)", re.DOTALL)
_QUOTE = re.compile(r"“[^”]*”|\"[^\"]*\"")
_CUE = re.compile(r"\b(?:said|according to)\b")


def fake_analyse(text: str) -> Document:
    quotes = [Quote(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    document = Document(path="<text>", text=text, paragraphs=[], quotes=quotes)
    for index, p in enumerate(_PARAGRAPH.finditer(text), start=1):
        paragraph = Paragraph(index=index, start=p.start(), end=p.end(), text=p.group())
        for s in _SENTENCE.finditer(p.group()):
            start, end = p.start() + s.start(), p.start() + s.end()
            cue = _CUE.search(text, start, end)
            paragraph.sentences.append(
                Sentence(
                    start=start,
                    end=end,
                    text=text[start:end],
                    attribution=Attribution(cue.start(), cue.end(), "someone", False) if cue else None,
                    quoted=any(q.start <= start and end <= q.end for q in quotes),
                )
            )
        document.paragraphs.append(paragraph)
    return document


class FakeRunner:
    """Duck-types `newslint.evaluation.linting.Runner`."""

    def __init__(self, patterns: dict[str, str]) -> None:
        self.patterns = {rule: re.compile(pattern, re.IGNORECASE) for rule, pattern in patterns.items()}
        self.input_formats: list[str] = []  # what each lint call was told, in call order

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(sorted(self.patterns))

    def has_rules(self, prefix: str) -> bool:
        return any(rule.startswith(prefix) for rule in self.patterns)

    def analyse(self, text: str) -> Document:
        return fake_analyse(text)

    def lint(self, text: str, input_format: str = "text") -> tuple[Document, list[Finding]]:
        self.input_formats.append(input_format)
        document = fake_analyse(text)
        findings = []
        for rule, pattern in self.patterns.items():
            for m in pattern.finditer(text):
                paragraph = next((p.index for p in document.paragraphs if p.start <= m.start() < p.end), 1)
                findings.append(Finding(rule, Severity.WARNING, "", m.start(), m.end(), paragraph, m.group()))
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return document, findings


FAKE_RULES = {
    "hedging.modal": r"\bmay\b",
    "hedging.adverb": r"\bperhaps\b",
    "attribution.vague": r"\bsome experts\b",
    "attribution.unattributed": r"\b(?:claims|totals|lost)\b",
    "bias.loaded": r"\b(?:slammed|radical|disastrous)\b",
}


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def fake_runner() -> FakeRunner:
    return FakeRunner(FAKE_RULES)


def real_data_dir() -> Path | None:
    """The evaluation data beside the checkout (`../shared/eval`, as `newslint eval --data`
    is documented to find it); None, and the tests that need it skip, when it is absent."""
    candidate = REPO_ROOT.parent / "shared" / "eval"
    return candidate if candidate.is_dir() else None
