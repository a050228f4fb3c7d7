"""Which kind of piece a file is: news, or opinion, analysis, a review, a column, reader
comments or a feature (issue 19, cause 3).

A column says "disastrous" and "clearly" in the writer's own voice by design, and a
review's "I" is the critic's: read as news, they fill the report with findings no editor
would act on. Publishers label such pieces, so the label is what we look for:

- Markdown front matter: `type:`, `genre:`, `category:`, `section:` or `kind:` naming
  the genre (`type: opinion`, `genre: review`).
- A label line at the top: "Opinion", "ANALYSIS", "Review: ...", "Comment | ...",
  "Letters to the editor", or a byline that names the genre ("By Ana Ruiz, Opinion
  columnist", "Film critic").
- Reader comments: several "... says:", "Reply", "Report abuse" lines.
- A first-person voice: "I" or "my" outside quotations in a third or more of at
  least six sentences. News copy almost never says "I" outside a quotation.

Each genre maps to a shipped profile (`opinion` or `feature`). A profile the user set
(`--profile`, `profile:` or a matching `path_profiles` glob in the config) always wins;
detection fills in only where nobody chose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Genre words, as labels, section names and front-matter values, and the profile each
# calls for. "Analysis" is opinion's: the writer's judgement on the record is the point.
PROFILES = {
    "opinion": "opinion",
    "op-ed": "opinion",
    "oped": "opinion",
    "editorial": "opinion",
    "column": "opinion",
    "commentary": "opinion",
    "comment": "opinion",
    "comments": "opinion",
    "analysis": "opinion",
    "news analysis": "opinion",
    "perspective": "opinion",
    "viewpoint": "opinion",
    "letters": "opinion",
    "letter": "opinion",
    "letters to the editor": "opinion",
    "review": "opinion",
    "reviews": "opinion",
    "feature": "feature",
    "features": "feature",
    "profile": "feature",
    "long read": "feature",
}
_FRONT_MATTER_KEYS = ("type", "genre", "category", "section", "kind")
_GENRE_WORDS = "|".join(sorted((re.escape(word) for word in PROFILES), key=len, reverse=True))
# A label is a short line of its own, or the head of one: "Opinion", "REVIEW: ...",
# "Analysis | ...", "Comment — ...". Only the first few lines are looked at.
_LABEL = re.compile(rf"^\s*[#>*_\s]*(?P<word>{_GENRE_WORDS})\s*[*_]*\s*(?:$|[:|—–]|-(?![a-z]))", re.IGNORECASE)
# A label or byline is a short line that does not end a sentence: "Critic Roger Ebert
# died on Thursday." is news about a critic.
_MAX_LABEL_CHARS = 80
_BYLINE = re.compile(
    r"^\s*(?:by\s+[^,\n]{2,60},\s*)?(?:an?\s+)?(?:(?:opinion|guest|contributing|staff)\s+)?"
    r"(?P<word>columnist|critic|contributor|opinion\s+writer)\b",
    re.IGNORECASE,
)
_BYLINE_ROLE = re.compile(
    r"^\s*by\s+[^\n]{2,60}?,\s*(?:an?\s+)?(?:[\w-]+\s+)?(?P<word>columnist|critic)\b", re.IGNORECASE
)
_LABEL_LINES = 5
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^(?P<key>[A-Za-z_-]+)\s*:\s*[\"']?(?P<value>[^\"'\n#]*)", re.MULTILINE)
# Reader comments: a comment thread's furniture.
_COMMENT_MARK = re.compile(
    r"^\s*(?:[\w.-]{2,40}\s+(?:says|said|wrote|writes)\s*:|reply\b|report(?:\s+abuse)?\s*$|"
    r"\d+\s+(?:likes?|replies|comments)\s*$|posted\s+by\s+\S+)",
    re.IGNORECASE | re.MULTILINE,
)
_MIN_COMMENT_MARKS = 3
# The writer's own "I": outside quotation marks, as a whole word.
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|(?<!\w)‘[^‘’]*’(?!\w)")
# "I" before a verb ("I grew up", "I'm"), not the letter of "series I and J" or "I.C.H.".
_FIRST_PERSON = re.compile(
    r"\b(?:I(?=\s+(?!and\b|or\b|to\b|of\b|in\b)[a-z])|I['’](?:m|ve|d|ll)\b|[Mm]y\b|me\b|myself\b)"
)
# Any of the words `_FIRST_PERSON` needs, anywhere: a story without one (nearly all news)
# is no first-person piece, and this scan is a tenth of the full test's cost. It is
# `\b(?:I|[Mm]y|me|myself)\b`, written to start on a character class, which `re` scans
# for quickly. Taking quotations out cannot create such a word, so the answer is the same.
_FIRST_PERSON_WORD = re.compile(r"[IMm](?<!\w[IMm])(?:(?<=I)|(?<=[Mm])y|(?<=m)e|(?<=m)yself)(?!\w)")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+")
_MIN_SENTENCES = 8
_FIRST_PERSON_SHARE = 1 / 3


@dataclass(frozen=True)
class Genre:
    """A detected genre, the profile it calls for, and why (for the report)."""

    name: str
    profile: str
    reason: str

    def describe(self) -> str:
        return f"genre: {self.name} ({self.reason}) — checked with the {self.profile} profile"


def detect(source: str, input_format: str = "text") -> Genre | None:
    """The genre `source` declares or shows, or None for news (the default)."""
    return (
        (_from_front_matter(source) if input_format == "markdown" else None)
        or _from_label(source)
        or _from_comments(source)
        or _from_first_person(source)
    )


def _from_front_matter(source: str) -> Genre | None:
    block = _FRONT_MATTER.match(source)
    if block is None:
        return None
    for field in _FIELD.finditer(block.group("body")):
        key, value = field.group("key").lower(), field.group("value").strip().lower()
        if key in _FRONT_MATTER_KEYS and value in PROFILES:
            return Genre(_name(value), PROFILES[value], f"front matter {key}: {value}")
    return None


def _from_label(source: str) -> Genre | None:
    front_matter = _FRONT_MATTER.match(source)
    body = source[front_matter.end() :] if front_matter else source
    for line in _first_lines(body):
        if len(line.strip()) > _MAX_LABEL_CHARS or line.rstrip().endswith("."):
            continue
        label = _LABEL.match(line)
        if label is not None:
            word = " ".join(label.group("word").lower().split())
            return Genre(_name(word), PROFILES[word], f"labelled '{line.strip()[:40]}'")
        byline = _BYLINE_ROLE.match(line) or _BYLINE.match(line)
        if byline is not None:
            role = byline.group("word").lower()
            name = "review" if role == "critic" else "column"
            return Genre(name, "opinion", f"byline '{line.strip()[:40]}'")
    return None


def _first_lines(body: str, head: int = 4096) -> list[str]:
    """The first `_LABEL_LINES` non-blank lines of `body`, splitting only its head when
    they are all in it (a story's whole text was split for five lines)."""
    lines = body[:head].splitlines()
    if len(body) > head:
        lines = lines[:-1]  # perhaps cut short: a line the head ends inside
    found = [line for line in lines if line.strip()][:_LABEL_LINES]
    if len(found) < _LABEL_LINES and len(body) > head:
        found = [line for line in body.splitlines() if line.strip()][:_LABEL_LINES]
    return found


def _from_comments(source: str) -> Genre | None:
    marks = len(_COMMENT_MARK.findall(source))
    if marks >= _MIN_COMMENT_MARKS:
        return Genre("reader comments", "opinion", f"{marks} comment-thread lines")
    return None


def _from_first_person(source: str) -> Genre | None:
    if _FIRST_PERSON_WORD.search(source) is None:
        return None
    sentences = [s for s in _SENTENCE_END.split(_QUOTED.sub(" ", source)) if s.strip()]
    if len(sentences) < _MIN_SENTENCES:
        return None
    personal = sum(1 for sentence in sentences if _FIRST_PERSON.search(sentence))
    if personal >= _FIRST_PERSON_SHARE * len(sentences):
        return Genre("column", "opinion", f"first person in {personal} of {len(sentences)} sentences")
    return None


def _name(word: str) -> str:
    """The genre's name as the report gives it: "op-ed" → "opinion", "letters" → "letters"."""
    return {
        "op-ed": "opinion",
        "oped": "opinion",
        "comments": "comment",
        "reviews": "review",
        "letter": "letters",
        "letters to the editor": "letters",
        "news analysis": "analysis",
        "features": "feature",
    }.get(word, word)
