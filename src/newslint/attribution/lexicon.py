"""The attribution cue lexicon: the words that mark a source speaking, read from YAML.

The words are data an editor can read and extend (`newslint/lexicon/attribution.yaml`,
issue 12); how a sentence is read with them is code (`newslint.attribution.finders`).
The file is read through the parsed copy every shipped YAML file has
(`newslint.yamlfile.load_shipped_yaml`), so a start costs no YAML parsing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from newslint.errors import RuleError
from newslint.yamlfile import YamlDocument, load_shipped_yaml, load_yaml, read_text

SHOWN_PATH = "newslint/lexicon/attribution.yaml"

# Lists whose entries are alternatives of a regular expression, tried in order.
ALTERNATIONS = (
    "speech_verbs",
    "stance_verbs",
    "counted",
    "trailing_cues",
    "headline_verbs",
    "strong_cues",
    "inverted_cues",
    "opening_cues",
    "hearsay_participles",
    "said_to_participles",
    "hearsay_adverbs",
    "subject_adverbs",
    "data_sources",
    "data_verbs",
    "participles",
    "saying_verbs",
    "reporting_verbs",
    "estimating_verbs",
    "frames",
    "viewing_verbs",
)
# Lists of plain words, looked up as a set.
WORD_SETS = (
    "everyday_sense_verbs",
    "noun_too",
    "headline_labels",
    "vague_source_words",
    "speaker_nouns",
    "function_words",
    "pronouns",
    "not_a_source",
    "not_a_subject",
    "determiner_only",
    "noun_spelt_cues",
    "noun_markers",
    "document_nouns",
    "figures_nouns",
)


@dataclass(frozen=True)
class Lexicon:
    """The lexicon's lists: each alternation joined with "|", each word list a set."""

    alternations: dict[str, str]
    words: dict[str, frozenset[str]]

    def alternation(self, name: str) -> str:
        return self.alternations[name]

    def word_set(self, name: str) -> frozenset[str]:
        return self.words[name]


def lexicon_path() -> Path:
    return Path(str(resources.files("newslint").joinpath("lexicon", "attribution.yaml")))


def load_lexicon(path: Path | None = None) -> Lexicon:
    """The lexicon at `path` (the shipped one by default); RuleError naming the file,
    line and list when a list is missing or holds anything but non-empty strings."""
    if path is None:
        shipped = lexicon_path()
        document = load_shipped_yaml([shipped], lambda _: SHOWN_PATH, RuleError, "lexicon")[shipped]
    else:
        document = load_yaml(read_text(path, str(path), RuleError), str(path), RuleError)
    return Lexicon(
        alternations={name: "|".join(_strings(document, name)) for name in ALTERNATIONS},
        words={name: frozenset(_strings(document, name)) for name in WORD_SETS},
    )


def _strings(document: YamlDocument, name: str) -> list[str]:
    data = document.data if isinstance(document.data, dict) else {}
    entries = data.get(name)
    if not isinstance(entries, list) or not entries:
        raise RuleError("expected a non-empty list", path=document.path, line=document.line_of((name,)), field=name)
    for index, entry in enumerate(entries):
        if not isinstance(entry, str) or not entry.strip():
            raise RuleError(
                f"entry {index + 1} is not a word or phrase",
                path=document.path,
                line=document.line_of((name, index)),
                field=name,
            )
    return entries


@functools.cache
def shipped_lexicon() -> Lexicon:
    """The lexicon newslint ships, loaded once."""
    return load_lexicon()
