"""A desk's lexicon (issue 19): the shipped lists with its entries added, read by finders
of its own, built once per digest; the shipped lexicon's finders are unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.analysis import analyse
from newslint.attribution import finders
from newslint.attribution.lexicon import shipped_lexicon
from newslint.errors import ConfigError
from newslint.model import Speaker
from newslint.voice import tally


def _extended(tmp_path: Path, text: str):
    path = tmp_path / "cues.yaml"
    path.write_text(text, encoding="utf-8")
    return shipped_lexicon().extended(path, str(path))


def test_a_desk_vague_source_word_makes_its_speaker_vague(tmp_path):
    story = "Boosters say the deal will close in May."
    lexicon = _extended(tmp_path, "vague_source_words:\n  - Boosters\n")
    shipped = analyse(story).paragraphs[0].sentences[0]
    desk = analyse(story, lexicon=lexicon).paragraphs[0].sentences[0]
    assert shipped.attribution is not None and not shipped.attribution.vague
    assert desk.attribution is not None and desk.attribution.vague
    assert desk.clauses[0].voice.speaker is Speaker.VAGUE


def test_a_desk_hearsay_adverb_makes_its_own_clause_hearsay(tmp_path):
    story = "The chain rumouredly sought a loan, and its stores could close."
    lexicon = _extended(tmp_path, "hearsay_adverbs:\n  - rumouredly\n")
    assert {c.voice.speaker for c in analyse(story).paragraphs[0].sentences[0].clauses} == {Speaker.REPORTER}
    clauses = analyse(story, lexicon=lexicon).paragraphs[0].sentences[0].clauses
    assert [c.voice.speaker for c in clauses] == [Speaker.HEARSAY, Speaker.REPORTER]


def test_a_desk_document_noun_is_not_on_record(tmp_path):
    story = "The dossier says the mill will close."
    lexicon = _extended(tmp_path, "document_nouns:\n  - dossier\n")
    assert tally(analyse(story)).story.on_record == 1
    assert tally(analyse(story, lexicon=lexicon)).story.on_record == 0


def test_finders_are_built_once_per_digest_and_the_shipped_ones_at_import(tmp_path):
    first = _extended(tmp_path, "speech_verbs:\n  - averred\n")
    again = _extended(tmp_path, "speech_verbs:\n  - averred\n")
    assert first is not again and first.digest == again.digest != shipped_lexicon().digest
    assert finders.cues_for(first) is finders.cues_for(again)
    assert finders.cues_for(shipped_lexicon()) is finders.SHIPPED


def test_an_empty_extension_changes_nothing(tmp_path):
    assert _extended(tmp_path, "# nothing yet\n").digest == shipped_lexicon().digest


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("speech_verbs: averred\n", 1, "speech_verbs"),  # not a list
        ("pronouns:\n  - one\n  - ''\n", 3, "pronouns"),
        ("speaker_nouns:\n  - aide\n  - close aide\n", 3, "speaker_nouns"),  # word lists hold words
        ("frames:\n  - \\s+view\n", 2, "frames"),  # starts with no word
        ("- averred\n", 1, None),  # not a mapping
    ],
)
def test_a_bad_extension_is_refused_with_file_line_and_list(tmp_path, text, line, field):
    with pytest.raises(ConfigError) as raised:
        _extended(tmp_path, text)
    assert raised.value.path == str(tmp_path / "cues.yaml")
    assert raised.value.line == line and raised.value.field == field


def test_a_desk_figures_noun_leaves_the_reporters_adjectives_to_the_word_rules(tmp_path):
    from newslint.config import Config, build_rules
    from newslint.engine import Selection
    from newslint.linter import findings_for

    story = "It was a devastating outbreak, according to CDC ledgers."
    config = Config(select=["bias.loaded"])
    rules = build_rules(config)

    def loaded(lexicon):
        document = analyse(story, lexicon=lexicon)
        return [f.text for f in findings_for(document, story, "text", config, rules, Selection())]

    assert loaded(None) == []
    assert loaded(_extended(tmp_path, "figures_nouns:\n  - ledgers\n")) == ["devastating"]


def test_the_documented_example_loads_and_works(tmp_path):
    import re

    from newslint.config import load_config

    page = (Path(__file__).resolve().parents[1] / "docs" / "attribution-cues.md").read_text(encoding="utf-8")
    config, toml, cues = (body for _, body in re.findall(r"```(yaml|toml)\n(.*?)```", page, re.S)[:3])
    (tmp_path / ".newslint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "house-cues.yaml").write_text(cues, encoding="utf-8")
    for name in (".newslint.yaml", "pyproject.toml"):
        lexicon = load_config(tmp_path / name).lexicon
        sentence = analyse("The plan may fail, the minister averred.", lexicon=lexicon).paragraphs[0].sentences[0]
        assert sentence.clauses[0].voice.speaker is Speaker.NAMED, name


def test_a_clause_inside_a_sentence_is_read_with_the_desks_cues(tmp_path):
    """The sentence's first cue is Lee's; the clause after the semicolon has a cue only
    the desk's lexicon knows, found by the voice reader (`read_voices`), not the sentence's."""
    story = "Costs could rise, Lee said; the plan may fail, the minister averred."
    lexicon = _extended(tmp_path, "speech_verbs:\n  - averred\n")
    clauses = analyse(story, lexicon=lexicon).paragraphs[0].sentences[0].clauses
    assert [c.voice.attribution.source if c.voice.attribution else None for c in clauses] == ["Lee", "the minister"]


@pytest.mark.parametrize(
    "story",
    [
        "It was a devastating outbreak, according to CDC data.",
        "The stunning verdict is the largest in a decade, according to an Associated Press review of court records.",
        "It was a shocking loss, according to an audit of the county's books.",
    ],
)
def test_figures_and_reviews_of_records_leave_the_reporters_adjectives_to_the_word_rules(story):
    """A set of figures, or a review or an audit of records, vouches for what it found,
    not for the loaded adjective the reporter chose."""
    from newslint import lint_text

    assert [f.rule for f in lint_text(story, select=["bias.loaded"])] == ["bias.loaded"]
