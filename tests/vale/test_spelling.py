"""Vale's `spelling` rules and `Vale.Spelling`, on Hunspell dictionaries read by spylls
(the optional `newslint[vale]` extra)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.vale import spelling
from newslint.vale.ini import read_config
from newslint.vale.run import ValeRun

pytest.importorskip("spylls.hunspell")

AFF = "SET UTF-8\nTRY esianrtolcdugmphbyfvkwz\n\nSFX S Y 1\nSFX S 0 s .\n"
DIC = "5\nand\ndesk/S\neditor/S\nstory/S\nthe\n"


def _project(tmp_path: Path, rule: str, text: str, ini_extra: str = "") -> Path:
    styles = tmp_path / "styles"
    (styles / "House").mkdir(parents=True)
    (styles / "config" / "dictionaries").mkdir(parents=True)
    (styles / "config" / "dictionaries" / "news.aff").write_text(AFF, encoding="utf-8")
    (styles / "config" / "dictionaries" / "news.dic").write_text(DIC, encoding="utf-8")
    (styles / "House" / "Spelling.yml").write_text(rule, encoding="utf-8")
    (tmp_path / ".vale.ini").write_text(
        f"StylesPath = styles\n{ini_extra}[*]\nBasedOnStyles = House\n", encoding="utf-8"
    )
    (tmp_path / "story.md").write_text(text, encoding="utf-8")
    return tmp_path


def _lint(project: Path, notes: list[str] | None = None) -> list[str]:
    run = ValeRun(read_config(str(project / ".vale.ini")), warn=(notes if notes is not None else []).append)
    source = (project / "story.md").read_text(encoding="utf-8")
    return [a.vale_line() for a in run.lint("story.md", "story.md", source, "markdown")]


RULE = "extends: spelling\nmessage: \"Did you really mean '%s'?\"\ndictionaries: [news]\n"


def test_a_word_outside_the_dictionary_is_flagged_where_it_stands(tmp_path: Path) -> None:
    # "The" is "the" capitalised; the apostrophe and the brackets are not the word's.
    project = _project(tmp_path, RULE, "# Desks\n\nThe editors' desks (and the edtor).\n")
    assert _lint(project) == ["story.md:3:29:House.Spelling:Did you really mean 'edtor'?"]


def test_vales_default_filters_skip_numbers_acronyms_and_hyphenated_words(tmp_path: Path) -> None:
    project = _project(tmp_path, RULE, "the desk NATO 2024 desk-top e.g. stroy\n")
    assert _lint(project) == ["story.md:1:34:House.Spelling:Did you really mean 'stroy'?"]


def test_filters_ignore_files_and_custom(tmp_path: Path) -> None:
    rule = RULE + "custom: true\nfilters: ['[xX]yz\\w*']\nignore: [House/words.txt]\n"
    project = _project(tmp_path, rule, "the desk xyzzy NATO Valdoria stroy\n")
    (project / "styles" / "House" / "words.txt").write_text("Valdoria\n", encoding="utf-8")
    # custom: true drops Vale's filters, so the acronym is checked.
    assert _lint(project) == [
        "story.md:1:16:House.Spelling:Did you really mean 'NATO'?",
        "story.md:1:30:House.Spelling:Did you really mean 'stroy'?",
    ]


def _with_vocabulary(tmp_path: Path, text: str, accept: str) -> Path:
    """A project linting `text` with the spelling rule and a vocabulary "News" whose
    accept.txt holds `accept`."""
    project = _project(tmp_path, RULE, text, ini_extra="Vocab = News\n")
    vocab = project / "styles" / "config" / "vocabularies" / "News"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text(accept, encoding="utf-8")
    return project


def test_the_vocabulary_accepts_a_word(tmp_path: Path) -> None:
    project = _with_vocabulary(tmp_path, "the desk Valdoria\n", "Valdoria\n")
    assert _lint(project) == []


def test_a_vocabulary_entry_with_its_own_flags_is_accepted(tmp_path: Path) -> None:
    # Vale's entries are expressions and may open with flags; Python allows those only at
    # the very start of a pattern, and the entries are joined into one.
    project = _with_vocabulary(tmp_path, "the desk Valdoria kelvar\n", "Valdoria\n(?i)kevlar|kelvar\n")
    assert _lint(project) == []


def test_each_word_is_looked_up_once_a_run() -> None:
    looked_up: list[str] = []

    class Counting:
        def lookup(self, word: str) -> bool:
            looked_up.append(word)
            return word == "the"

    check = spelling.Spelling([None], frozenset(), (), None, "%s")
    check._lexicons = lambda: [Counting()]  # type: ignore[method-assign]
    assert [check.known(word) for word in ("the", "the", "stroy", "stroy")] == [True, True, False, False]
    assert looked_up == ["the", "stroy", "stroy"]  # "stroy", then its lower case, once


def test_a_dictionary_missing_is_named_by_field(tmp_path: Path) -> None:
    project = _project(tmp_path, RULE.replace("[news]", "[nowhere]"), "the desk\n")
    notes: list[str] = []
    assert _lint(project, notes) == []
    assert any("Spelling.yml: field dictionaries: nowhere.dic/.aff not found" in note for note in notes)


def test_without_the_hunspell_reader_the_rule_is_skipped_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spelling, "available", lambda: False)
    project = _project(tmp_path, RULE, "the stroy\n")
    notes: list[str] = []
    assert _lint(project, notes) == []
    assert any("field extends: 'spelling' is not supported" in note and "newslint[vale]" in note for note in notes)


def test_vales_builtin_spelling_uses_the_default_dictionary(tmp_path: Path) -> None:
    (tmp_path / ".vale.ini").write_text("[*]\nVale.Spelling = YES\n", encoding="utf-8")
    (tmp_path / "story.md").write_text("The council met on Tuesday to discus the budgett.\n", encoding="utf-8")
    notes: list[str] = []
    assert _lint(tmp_path, notes) == ["story.md:1:42:Vale.Spelling:Did you really mean 'budgett'?"]
    # Vale's own en_US-web is not available offline: the run says which list it used.
    assert any(note.startswith("Vale.Spelling: spelling uses the SCOWL en_US dictionary") for note in notes)


def test_the_tokeniser_strips_punctuation_as_vales_does() -> None:
    text = '("Quoted," she said) e.g. Dr. [link] $5'
    assert [text[a:b] for a, b in spelling.words(text)] == ["Quoted", "she", "said", "e.g.", "Dr.", "link"]


def test_an_ignored_link_is_not_spell_checked(tmp_path: Path) -> None:
    project = _project(tmp_path, RULE, "the [stroy](/desk) desk\n", ini_extra="IgnoredScopes = link\n")
    assert _lint(project) == []
