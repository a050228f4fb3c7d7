"""A desk's accepted terms: its own names and words, never flagged.

`vocabulary: terms.txt` in the config names a file with one term per line ("# comments"
and blank lines ignored), matched case-insensitively as whole words. A finding whose
words lie inside an accepted term's occurrence is dropped: "Strategic Partnership
Agreement" as a treaty's name, "Radical Cheese Co." as a company's, "allegedly" in a
column title. Rules stay the same for everyone; the list is the desk's.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from newslint.errors import ConfigError
from newslint.model import Finding


def load_vocabulary(path: Path) -> tuple[str, ...]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read vocabulary: {getattr(exc, 'strerror', None) or exc}", path=str(path)) from None
    return tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


@functools.lru_cache(maxsize=16)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted((r"\s+".join(map(re.escape, term.split())) for term in terms), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


def drop_accepted(findings: list[Finding], text: str, terms: tuple[str, ...]) -> list[Finding]:
    """Findings not inside an occurrence of an accepted term in `text`."""
    if not terms or not findings:
        return findings
    spans = [match.span() for match in _pattern(terms).finditer(text)]
    if not spans:
        return findings
    return [f for f in findings if not any(start <= f.start and f.end <= end for start, end in spans)]
