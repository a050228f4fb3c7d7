"""Who speaks in each clause (issue 19), and how rules use it. Every sentence here is
invented for the pattern it tests."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.analysis import analyse
from newslint.model import Speaker
from newslint.voice import tally


def voices(text: str) -> list[tuple[str, str, str]]:
    """(speaker, source, clause text) for every clause of `text`."""
    document = analyse(text)
    return [
        (clause.voice.speaker.value, clause.voice.source, text[clause.start : clause.end].strip())
        for paragraph in document.paragraphs
        for sentence in paragraph.sentences
        for clause in sentence.clauses
    ]


def flagged(text: str, family: str = "hedging") -> list[str]:
    return [finding.text for finding in lint_text(text, select=[family])]


def test_hearsay_covers_its_own_clause_only():
    text = "The mill was reportedly in talks with buyers, and its workers could possibly lose their jobs by winter."
    assert [speaker for speaker, _, _ in voices(text)] == ["hearsay", "reporter"]
    assert "possibly" in " ".join(flagged(text))  # the stacked hedge is the reporter's


def test_a_source_who_says_nothing_leaves_the_next_clause_to_the_reporter():
    text = "Neither trustee would say, although a sale seems unlikely."
    assert {speaker for speaker, _, _ in voices(text)} == {"reporter"}
    assert "seems" in " ".join(flagged(text))


def test_indirect_speech_stops_where_the_speaker_acts():
    text = (
        "Ortega said the budget was balanced, and he did not mention the pension fund, though it could run dry by 2030."
    )
    assert [speaker for speaker, _, _ in voices(text)] == ["named", "reporter", "reporter"]
    assert flagged(text) == ["could"]


def test_indirect_speech_runs_on_through_and_that():
    text = "Ortega said the budget was balanced, and that the fund could run dry by 2030."
    assert {speaker for speaker, _, _ in voices(text)} == {"named"}
    assert flagged(text) == []


def test_a_closing_attribution_covers_every_clause_before_it():
    text = "The bridge may close for a month, and tolls could rise, the transit agency said."
    assert [(speaker, source) for speaker, source, _ in voices(text)] == [("named", "the transit agency")] * 2
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The levy could raise costs for renters, thinks Dr. Amara Quist.",
        "Rents may climb further, suggests a study by the housing institute.",
        "The state court held that the toll probably violated the city charter.",
    ],
)
def test_a_source_after_its_words_or_a_court_holding_is_attribution(text):
    assert voices(text)[0][0] == "named"
    assert flagged(text) == []


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("There is no doubt that the bridge probably needs repairs.", "probably"),
        # Not "hope that ... possibly": hedging.adverb excepts a hedge an expectation or hope frames.
        ("Hope is rising in the capital, and the talks will possibly resume next week.", "possibly"),
        ("New claims that the pier may collapse surfaced on Monday.", "may"),
        ("Ruiz knew the deal might collapse.", "might"),
        ("The branded cereals may cost more next year.", "may"),
    ],
)
def test_words_that_only_look_like_cues_hide_nothing(text, hedge):
    assert {speaker for speaker, _, _ in voices(text)} == {"reporter"}
    assert hedge in flagged(text)


def test_a_stance_under_hearsay_is_hearsay():
    text = "The governor reportedly wants a deal before the vote."
    assert voices(text)[0][0] == "hearsay"
    assert flagged(text, "attribution.hearsay") == ["reportedly"]


def test_a_named_source_closing_the_sentence_outranks_its_hearsay():
    text = "The clerk allegedly forged the permits, according to an indictment filed Friday."
    assert voices(text)[0][:2] == ("named", "an indictment filed Friday")


def test_a_reopened_quotation_is_the_source_named_before_it():
    text = '"The levy is fair," Ortega said. "It may not pass, but we will keep trying."'
    assert voices(text)[-1] == ("quoted", "Ortega", '"It may not pass, but we will keep trying."')
    assert flagged(text) == []


def test_a_quotation_continued_in_the_next_paragraph_keeps_its_speaker():
    text = 'Ortega said: "The levy is fair.\n\n"It may not pass, and fares could rise."'
    assert voices(text)[-1][:2] == ("quoted", "Ortega")


def test_backshifted_speech_carries_to_the_next_sentence_of_the_paragraph():
    document = analyse("Ortega said the mill would close in June. It would reopen after repairs. The mill may reopen.")
    sentences = document.paragraphs[0].sentences
    carried = sentences[1].clauses[0].voice
    assert carried.speaker is Speaker.NAMED and carried.carried and carried.source == "Ortega"
    assert sentences[2].clauses[0].voice.is_reporter  # not reported speech: the reporter's


def test_a_paragraph_that_opens_on_a_fresh_subject_is_the_reporters_again():
    text = "Ortega said the mill would close.\n\nThe damage could run into millions."
    document = analyse(text)
    assert document.paragraphs[1].sentences[0].clauses[0].voice.is_reporter


def test_a_pronoun_carries_the_speech_into_the_next_paragraph():
    text = "Ortega said the mill would close.\n\nIt would reopen in May."
    voice = analyse(text).paragraphs[1].sentences[0].clauses[0].voice
    assert voice.named and voice.carried and voice.source == "Ortega"


def test_a_vague_source_carries_its_speech_as_a_vague_source():
    # One problem, one finding: "Analysts said" is attribution.vague's; the hedge it
    # carries on is the analysts', not the reporter's.
    text = "Analysts said fares would rise. They would fall later."
    voice = analyse(text).paragraphs[0].sentences[1].clauses[0].voice
    assert voice.speaker is Speaker.VAGUE and voice.carried


def test_a_connective_before_the_backshifted_verb_still_carries_the_speech():
    text = "Dodge said contracting advanced five pct. However, funding could dry up if Congress fails to act."
    voice = analyse(text).paragraphs[0].sentences[1].clauses[0].voice
    assert voice.named and voice.carried


def test_a_coordinated_clause_with_a_modal_goes_on_with_the_speech():
    text = "He said he may buy more shares, or he may sell some of his stake."
    document = analyse(text)
    assert not document.voice_at(text.index("sell")).is_reporter
    acted = "Smith said the plan may fail, and she did not address the loan."
    assert analyse(acted).voice_at(acted.index("address")).is_reporter


def test_voice_at_finds_the_clause_of_an_offset():
    text = "The mill was reportedly sold, and its workers could lose their jobs."
    document = analyse(text)
    assert document.voice_at(text.index("sold")).speaker is Speaker.HEARSAY
    assert document.voice_at(text.index("could")).is_reporter
    assert document.voice_at(len(text) + 5).is_reporter


def test_tally_counts_clauses_and_sources_per_paragraph_and_story():
    text = (
        "Mayor Ana Ortega said the pier would reopen, and a study found the repairs held. "
        "The pier was reportedly sold.\n\n"
        "Some residents say the fares are too high. Fares rose 5%."
    )
    counted = tally(analyse(text))
    first, second = counted.paragraphs
    assert (first.named, first.on_record, first.anonymous) == (2, 1, 1)  # the mayor, a study; hearsay
    assert (second.named, second.anonymous) == (0, 1)
    story = counted.story
    assert story.sources == 4 and story.clauses == first.clauses + second.clauses
    assert story.by_speaker["reporter"] == 1 and story.attributed_clauses == story.clauses - 1
    assert story.as_dict()["anonymous"] == 2 and story.as_dict()["by_speaker"] == story.by_speaker


def test_a_closing_mark_set_for_both_ends_still_opens_a_quotation():
    text = "”The ferry may stop running,” the captain said. ”Fuel could run out.”"
    assert [speaker for speaker, _, _ in voices(text)] == ["quoted", "named", "quoted"]
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ortega said the clerk allegedly forged the permits, and that the mayor knew.",
        "The clerk allegedly forged the permits, and the mayor knew, prosecutors said.",
    ],
)
def test_hearsay_a_named_source_passes_on_is_the_source_s(text):
    assert {speaker for speaker, _, _ in voices(text)} == {"named"}
    assert flagged(text, "attribution.hearsay") == []


@pytest.mark.parametrize(
    ("text", "family", "flag"),
    [
        ("The steep price suggests buyers see the brand as a luxury.", "hedging", "suggests"),
        ("The embattled mayor said the budget was balanced.", "bias", "embattled"),
        ("Only last week, the union angrily rejected the offer.", "bias", "angrily"),
    ],
)
def test_the_words_before_a_cue_are_the_reporter_s(text, family, flag):
    """The framing before a source's words, and the words chosen to name the source, are
    the reporter's."""
    assert flag in flagged(text, family)


@pytest.mark.parametrize(
    ("text", "family", "flag"),
    [
        (
            "Geary, arguably the commission's most consistent skeptic of rapid growth, said the city "
            "had not studied the traffic.",
            "hedging",
            "arguably",
        ),
        (
            "The mayor, who likely faces a recall vote in the spring after the scandal, said she would stay.",
            "hedging",
            "likely",
        ),
        (
            "Smith, a disgraced former banker with a long record of fraud and tax evasion, said he was innocent.",
            "bias",
            "disgraced",
        ),
    ],
)
def test_an_appositive_describing_the_source_is_the_reporter_s(text, family, flag):
    """However long, an appositive set off by commas between a source and its verb is the
    reporter's description of the speaker, not the speaker's words."""
    assert flag in flagged(text, family)


def test_an_appositive_with_a_cue_of_its_own_is_the_source_s():
    """ "..., who has said he may seek control, said ...": the hedge is the investor's."""
    text = (
        "Investor Paul Bilzerian, who has said he may seek control of the retail chain, said he "
        "raised his stake in the company to one million shares."
    )
    assert "may" not in flagged(text, "hedging")


@pytest.mark.parametrize(
    "text",
    [
        "Fares could rise by a third, the transit chief told a radio station.",
        "Fares could rise by a third, the transit chief said in a letter to riders.",
    ],
)
def test_a_closing_cue_with_an_adjunct_still_covers_the_words_before_it(text):
    assert voices(text)[0][:2] == ("named", "the transit chief")
    assert flagged(text) == []


def test_the_would_of_reported_speech_carries_into_the_next_paragraph():
    text = "Canal administrator Dennis McAuliffe said tolls would not rise.\n\nThe canal would probably make a loss this year."
    voice = analyse(text).paragraphs[1].sentences[0].clauses[0].voice
    assert voice.named and voice.carried


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # "was expected to", the backshifted "is expected to", across a paragraph break.
        ("Economist Ruth Lee said credit demand had slowed.\n\nMoney growth was expected to narrow.", (1, 0, 0)),
        # Reported speech's "would" after an appositive's commas.
        (
            "Seipp said the bank would list two groups.\n\n"
            "But the sale of Linotype, to be bought from Allied, would likely come later.",
            (1, 0, 0),
        ),
        # A backshifted "was likely to" in a later coordinated clause.
        (
            "Romero said the Philippines was doing its best to meet the standards. It was also "
            "trying to eliminate aflatoxin, but this was likely to take several years.",
            (0, 1, -1),
        ),
    ],
)
def test_backshifted_speech_carries_the_named_source_on(text, where):
    paragraph, sentence, clause = where
    voice = analyse(text).paragraphs[paragraph].sentences[sentence].clauses[clause].voice
    assert voice.named and voice.carried
    assert flagged(text) == []


def test_a_would_inside_a_relative_clause_carries_nothing():
    text = (
        "Seipp said the bank would list two groups.\n\n"
        "Calls for an overhaul, which would probably widen banks' powers, met opposition."
    )
    assert analyse(text).paragraphs[1].sentences[0].clauses[0].voice.speaker is Speaker.REPORTER
    assert "would probably" in flagged(text)


def test_a_fresh_paragraph_in_the_present_is_the_reporters_again():
    text = "Economist Ruth Lee said credit demand had slowed.\n\nMoney growth is expected to narrow in the medium term."
    assert analyse(text).paragraphs[1].sentences[0].clauses[0].voice.speaker.value == "reporter"


def test_a_carried_voice_carries_on_from_the_sentence_that_carried_it():
    text = "Seipp said the bank would expand.\n\nIt would open an office in Istanbul.\n\nAt home, the bank would probably list two groups."
    voice = analyse(text).paragraphs[2].sentences[0].clauses[0].voice
    assert voice.named and voice.carried and voice.source == "Seipp"


@pytest.mark.parametrize(
    "text",
    [
        "The switch in this case may take longer. The old contract will probably be replaced, they added.",
        "Rates may rise in the spring. He also said the bank would act.",
        "Demand could slow. Prices might fall too, the mill adds.",
        # Wire copy attributes a paragraph at its end.
        "The central bank may add funds. The last injection was in March, dealers said.",
        "The link is expected to cost 1.26 billion H.K. Dollars, she said.",
        "Output is likely to slip. Stocks are ample, said the spokeswoman.",
    ],
)
def test_a_remark_attributed_at_its_close_or_added_gives_its_source_the_sentence_before(text):
    voice = analyse(text).paragraphs[0].sentences[0].clauses[0].voice
    assert voice.speaker in (Speaker.NAMED, Speaker.VAGUE) and voice.carried
    assert flagged(text, "hedging.modal") == []


@pytest.mark.parametrize(
    "text",
    [
        # Figures and documents cover their own sentence only.
        "The rules could affect billions of dollars. About 183 billion were issued, according to the magazine.",
        # Nor does a source that opens its sentence.
        "The switch may take longer. The board said the old contract will be replaced.",
        # Nor an inverted "said" whose words after it are the speech, not a name.
        "Regulators are apparently concerned. The governor, after the vote, said she is worried that Japan is not involved.",
        # Nor across a paragraph break.
        "The switch may take longer.\n\nThe old contract will be replaced, they added.",
        # A sentence with a source of its own keeps it.
        "Analysts think the switch may take longer. The contract will be replaced, they added.",
    ],
)
def test_only_an_added_remark_in_the_same_paragraph_reaches_back(text):
    first = analyse(text).paragraphs[0].sentences[0].clauses[-1].voice
    assert not first.carried
