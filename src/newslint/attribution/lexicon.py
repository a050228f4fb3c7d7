"""The attribution cue lexicon: the words that mark a source speaking, read from YAML.

The words are data an editor can read and extend (`newslint/lexicon/attribution.yaml`,
issue 12); how a sentence is read with them is code (`newslint.attribution.finders`).
The file is read through the parsed copy every shipped YAML file has
(`newslint.yamlfile.load_shipped_yaml`), so a start costs no YAML parsing.

A desk adds its own words without touching the installed package (issue 19): its config's
`attribution: {extend: cues.yaml}` names a file with some of the same lists, whose
entries `extended` adds to the shipped ones (`docs/attribution-cues.md`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from newslint.checks.prefilter import leading_words
from newslint.errors import ConfigError, NewslintError, RuleError
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

    @functools.cached_property
    def digest(self) -> str:
        """What the lists hold, as a SHA-256 digest: the finders built from a lexicon and
        the results cached under it are shared by lexicons with the same digest."""
        described = {"alternations": self.alternations, "words": {name: sorted(w) for name, w in self.words.items()}}
        return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()

    def extended(self, path: Path, shown: str) -> Lexicon:
        """This lexicon with the entries of a desk's file (`shown` as its name in errors)
        added at the end of each list it names: ConfigError naming the file, line and list
        for a list the lexicon has not, or an entry that is not a word or phrase (in a word
        list, one word; in an alternation, an expression that starts with a word)."""
        document = load_yaml(read_text(path, shown, ConfigError, "attribution cues"), shown, ConfigError)
        data = document.data if document.data is not None else {}
        if not isinstance(data, dict):
            raise ConfigError("expected a mapping of the lexicon's list names to lists", path=shown, line=1)
        alternations, words = dict(self.alternations), dict(self.words)
        for name in data:
            if name in ALTERNATIONS:
                added = _strings(document, name, ConfigError)
                for index, entry in enumerate(added):
                    _check_alternative(document, name, index, entry)
                alternations[name] = "|".join([self.alternations[name], *added])
            elif name in WORD_SETS:
                added = _strings(document, name, ConfigError)
                for index, entry in enumerate(added):
                    if len(entry.split()) > 1:  # the sets are looked up one word at a time
                        raise ConfigError(
                            f"entry {index + 1} is more than one word",
                            path=document.path,
                            line=document.line_of((name, index)),
                            field=name,
                        )
                words[name] = self.words[name] | {entry.strip().lower() for entry in added}
            else:
                raise ConfigError(
                    f"unknown list {name!r}; see docs/attribution-cues.md for the lists",
                    path=shown,
                    line=document.line_of((name,)),
                    field=str(name),
                )
        return Lexicon(alternations, words)


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


def _strings(document: YamlDocument, name: str, error: type[NewslintError] = RuleError) -> list[str]:
    data = document.data if isinstance(document.data, dict) else {}
    entries = data.get(name)
    if not isinstance(entries, list) or not entries:
        raise error("expected a non-empty list", path=document.path, line=document.line_of((name,)), field=name)
    for index, entry in enumerate(entries):
        if not isinstance(entry, str) or not entry.strip():
            raise error(
                f"entry {index + 1} is not a word or phrase",
                path=document.path,
                line=document.line_of((name, index)),
                field=name,
            )
    return entries


def _check_alternative(document: YamlDocument, name: str, index: int, entry: str) -> None:
    """A desk's alternative must compile, and start with a word as the shipped ones do:
    the finders skip a sentence without any of their alternatives' first words."""
    try:
        re.compile(entry)
        leading_words(entry)
    except (re.error, ValueError) as exc:
        raise ConfigError(
            f"entry {index + 1} is not an expression that starts with a word: {exc}",
            path=document.path,
            line=document.line_of((name, index)),
            field=name,
        ) from None


@functools.cache
def shipped_lexicon() -> Lexicon:
    """The lexicon newslint ships, loaded once."""
    return load_lexicon()
