"""Attribution: who a sentence says said it, whether that source is vague, and, just as
important, sentences that attribute nothing (a false attribution hides the reporter's
own hedges)."""

from __future__ import annotations

import pytest

from newslint.attribution import find_attribution


def attribution(sentence: str):
    return find_attribution(sentence, 0)


def cue_and_source(sentence: str) -> tuple[str, str] | None:
    found = attribution(sentence)
    if found is None:
        return None
    return sentence[found.cue_start : found.cue_end], found.source


# Forms of attribution


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Smith said the plan may fail.", ("said", "Smith")),
        ("The plan may fail, Smith said.", ("said", "Smith")),
        ('"The plan may fail," said Smith.', ("said", "Smith")),
        ("“The plan may fail,” said the minister.", ("said", "the minister")),
        ("“The plan may fail,” said John Smith, a senior economist.", ("said", "John Smith")),
        ('"The plan may fail," said Dr. Nwosu.', ("said", "Dr. Nwosu")),
        ("Officials told reporters the plan may fail.", ("told", "Officials")),
        ("The mayor told reporters on Monday that the plan may fail.", ("told", "The mayor")),
        ("The plan may fail, according to the ministry.", ("according to", "the ministry")),
        ("According to Dr. Nwosu, the plan may fail.", ("According to", "Dr. Nwosu")),
        ("The vote may be delayed, according to Dr. Nwosu.", ("according to", "Dr. Nwosu")),
        ("Smith wrote in a statement that the plan may fail.", ("wrote", "Smith")),
        ("The ministry said in a statement that the plan may fail.", ("said", "The ministry")),
        ("He said the plan may fail.", ("said", "He")),
        ("The plan may fail, she said.", ("said", "she")),
        ("The budget, the mayor said, was tight.", ("said", "the mayor")),
        ("Mr. Putin has said he wants peace.", ("said", "Mr. Putin")),
        ("Putin also said the deal may fail.", ("said", "Putin")),
        ("Sen. John Cornyn (R-Texas) said the bill may pass.", ("said", "Sen. John Cornyn")),
        ("ALBANY, N.Y. (Reuters) - The governor said the bill may pass.", ("said", "The governor")),
        ("Smith's lawyer said the case may collapse.", ("said", "Smith's lawyer")),
        # A company named with "'s" before a verb that cannot be a noun is the subject.
        ("The unit appears to have turned around by late 1987, Moody's added.", ("added", "Moody's")),
        ("Moody's added that the outlook was stable.", ("added", "Moody's")),
        ("McDonald's said it would hire 500 workers.", ("said", "McDonald's")),
    ],
)
def test_attribution_forms(sentence, expected):
    assert cue_and_source(sentence) == expected


def test_appositive_between_subject_and_verb():
    sentence = "Council Member Tom Hardy, who voted against the budget, said the fare increase would hurt."
    assert cue_and_source(sentence) == ("said", "Council Member Tom Hardy")


def test_appositive_name_after_title():
    sentence = '"We may need another round," the deputy foreign minister, Amara Okafor, told reporters.'
    assert cue_and_source(sentence) == ("told", "the deputy foreign minister")


def test_parenthetical_between_name_and_verb():
    assert cue_and_source("Sen. Dan Evans (R-Wash.) said the bill may pass.") == ("said", "Sen. Dan Evans")


def test_trailing_attribution_names_a_source_whatever_the_noun():
    assert cue_and_source("The bill may stall, the plan's backers said.") == ("said", "the plan's backers")


def test_said_with_its_subject_out_of_reach():
    found = cue_and_source("A ministry official welcomed the plan and said it may take effect.")
    assert found is not None and found[0] == "said"


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan, said to cost $5 billion, may fail.",
        "Workers, told to stay home, may lose pay.",
        "Told to leave, he refused.",
        "Prices rose, which is what he said.",
        "It is unclear what the foreign minister said.",
        "Prices may rise, the timing suggests.",
        "It may rain, sparking recession fears.",
        "The so-called reform may fail.",
    ],
)
def test_said_and_told_that_report_no_speech(sentence):
    assert attribution(sentence) is None


def test_opening_inversion():
    assert cue_and_source('Said Comey, "The thought is very painful to us."') == ("Said", "Comey")


def test_title_case_headline():
    assert cue_and_source("Trump Says He Never Pledged To Kill Family Members.") == ("Says", "Trump")


def test_trailing_attribution_after_a_closing_quote():
    assert cue_and_source('"It is great fun watching the fight," one user wrote.') == ("wrote", "one user")


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("People briefed on the situation say the governor may decide soon.", "People briefed on the situation"),
        ("Multiple sources privy to the talks say the vote may slip.", "Multiple sources privy to the talks"),
        ("Mexican officials now say they have chosen a new strategy.", "Mexican officials"),
        ("Groups that have endorsed him say they believe delegates may choose.", "they"),
        ("Analysts mostly believe the price is fully valued.", "Analysts"),
    ],
)
def test_subject_with_participle_adverb_or_pronoun(sentence, source):
    found = attribution(sentence)
    assert found is not None and found.source == source


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices may rise, according to a review of court transcripts.",
        "London was the financial capital of the world, according to one global index.",
    ],
)
def test_according_to_names_a_source_whatever_the_noun(sentence):
    assert attribution(sentence) is not None


def test_according_to_with_nothing_after_it():
    assert attribution("It rose, according to  ?") is None


def test_quoted_question_with_attribution():
    assert cue_and_source("“Is it over?” she asked.") == ("asked", "she")


@pytest.mark.parametrize(
    "sentence",
    [
        "She added that it could rain.",
        "It could rain, she added.",
        "DNC Chair Debbie Wasserman Schultz announced Sunday she will resign.",
        "He added there could well be a sharp fall in the first quarter.",
        "The Department noted the price will probably be affected.",
        "The campaign announced via Twitter that it had won.",
        '"It was close," she added.',
        "The company added in a statement that prices may rise.",
        "Reuters reported on Tuesday that talks may resume.",
    ],
)
def test_reporting_sense_of_an_everyday_verb(sentence):
    assert attribution(sentence) is not None


# Vague and named sources


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts say the plan may fail.",
        "Some Western analysts suggest the plan may fail.",
        "Experts say the plan may fail.",
        "Many observers believe the plan may fail.",
        "The plan may fail, analysts said.",
        "Prices rose, said analysts.",
        "Sources close to the talks said a deal may come.",
        "The direction Suharto takes could affect new loans, Western bankers say.",
        "A Western diplomat said a deal may come.",
        "The move may, some say, backfire.",
        "Oil traders in London said prices may rise.",  # a place says no more than "traders"
        "More and more bankers are acknowledging that the syndicates may have to shrink.",
        'Reports may support the market, which is "begging for news," said one broker.',
        "The dollar may firm, a dealer said.",
    ],
)
def test_vague_source(sentence):
    found = attribution(sentence)
    assert found is not None
    assert found.vague


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("It is believed the plan may fail.", "It is believed"),
        ("It is widely thought that the plan may fail.", "It is widely thought"),
        ("The general is said to favour a ceasefire.", "is said to"),
        ("The plan was thought to be dead.", "was thought to"),
    ],
)
def test_passive_hearsay_is_vague(sentence, cue):
    found = attribution(sentence)
    assert found is not None
    assert (sentence[found.cue_start : found.cue_end], found.source, found.vague) == (cue, "", True)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Dr. Nwosu said the plan may fail.", "Dr. Nwosu"),
        ("Analysts at Goldman Sachs said the plan may fail.", "Analysts at Goldman Sachs"),
        ('"Prices rose," said analysts at Goldman Sachs.', "analysts at Goldman Sachs"),
        ("The Foreign Ministry said the plan may fail.", "The Foreign Ministry"),
        ("Russia's Foreign Ministry said the plan may fail.", "Russia's Foreign Ministry"),
        ("The head of the central bank said rates may rise.", "The head of the central bank"),
        ("The dry period means a late harvest, the regional farm bureau said.", "the regional farm bureau"),
        # A title before the person's name: the name says which economist.
        ("Economist Ruth Lee said the bank may cut rates.", "Economist Ruth Lee"),
        ("The bank may cut rates, said senior analyst Tom Ek.", "senior analyst Tom Ek"),
    ],
)
def test_named_source(sentence, source):
    found = attribution(sentence)
    assert found is not None
    assert found.source == source
    assert not found.vague


# Sentences that attribute nothing


@pytest.mark.parametrize(
    "sentence",
    [
        "This phrasing suggests a comprehensive agenda.",
        "The timing suggests that both sides feel pressure at home.",
        "Economic considerations suggest Moscow may act.",
        "Moscow's overture suggests that Russia may act.",
        "Russia’s renewed push suggests Moscow may act.",
        "What he said was wrong.",
        "It is unclear what the minister said.",
        "Growth was slower than economists expected.",
        "Prices are expected to rise.",
        "The resumption of talks may signal a shift.",
        "Officials did not say.",
        "The project ran according to plan.",
        "According to state law, no one may solicit a vote.",
        "The data suggests the economy may slow.",
        "This government policy suggests Moscow may act.",
    ],
)
def test_no_attribution(sentence):
    assert attribution(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The company added 200 jobs.",
        "Sales rose, and the company added 200 jobs.",
        "The company posted a loss that may widen.",
        "The company reported a loss that may widen.",
        "The carmaker recalled 1 million cars, which may be faulty.",
        "The ministry announced new sanctions, which could hurt trade.",
        "Police responded to the call.",
        "The company reported earnings of $8.42 a share.",
        "The agency posted it on Facebook, and it may spread.",
        "The committee added it to the list, which may grow.",
        "The firm announced Friday a plan that may cut jobs.",
    ],
)
def test_everyday_sense_of_a_reporting_verb_is_not_attribution(sentence):
    assert attribution(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States imposed sanctions that may hurt trade.",
        "Recession fears grew as markets fell.",
        "Peace hopes faded.",
        "Insurance claims rose sharply.",
        "Workers' hopes were dashed.",
        "Growth estimates were cut.",
    ],
)
def test_noun_spelt_like_a_reporting_verb_is_not_attribution(sentence):
    assert attribution(sentence) is None


# Offsets


def test_cue_offsets_are_document_offsets():
    sentence = "The plan may fail, Smith said."
    offset = 1000
    text = " " * offset + sentence
    found = find_attribution(sentence, offset)
    assert found is not None
    assert text[found.cue_start : found.cue_end] == "said"


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Smith said so.", "said"),
        ('"Yes," said Smith.', "said"),
        ("Yes, according to Smith.", "according to"),
        ("It is believed so.", "It is believed"),
    ],
)
def test_cue_offsets_for_every_form(sentence, cue):
    offset = 37
    text = "x" * offset + sentence
    found = find_attribution(sentence, offset)
    assert found is not None
    assert text[found.cue_start : found.cue_end] == cue


# Reported views found by the verb or noun that frames them (from the Reuters sample)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Other brokers were cautious, saying investors could stay away.", "saying"),
        ("The policy, which Arango warmly welcomed saying exporters will undoubtedly return.", "saying"),
        ("Eonomists warn that sentiment could be dented.", "warn"),
        ("Bayer did not rule out that infections may have spread.", "rule out"),
        ("At least one estimated the company could be taken over.", "estimated"),
        ("Lyng dismissed statements in Tokyo that Japan might retaliate.", "statements"),
        ("The head of the authority was quoted today as saying ships could sail.", "quoted today as saying"),
        (
            "The paper quoted Linda Geraldez, an agency statistician, as saying stocks are expected to rise.",
            "quoted Linda Geraldez, an agency statistician, as saying",
        ),
        ("The judge ruled that the lawsuit could proceed.", "ruled that"),
        ("Bond traders see a rise to 5.6 pct as most likely.", "see"),
        ("The company falsely advertised that it could substantiate its claims, the FTC charged.", "charged"),
        ("Some industry analysts speculated that Tenneco might follow.", "speculated"),
    ],
)
def test_reported_views(sentence, cue):
    found = attribution(sentence)
    assert found is not None
    assert sentence[found.cue_start : found.cue_end] == cue


@pytest.mark.parametrize(
    "sentence",
    ["The bank charged a fee of 2 pct.", "He was admitted to hospital.", "Growth estimates were cut."],
)
def test_everyday_senses_of_the_new_cues(sentence):
    assert attribution(sentence) is None


# Stances, wishes and verdicts: with a speaker as subject, the sentence gives the
# speaker's position, not the reporter's.


@pytest.mark.parametrize(
    ("sentence", "cue", "source"),
    [
        ("The governor criticized the plan as reckless.", "criticized", "The governor"),
        ("Senator Ortiz endorsed the mayor on Friday.", "endorsed", "Senator Ortiz"),
        ("The union praised the deal.", "praised", "The union"),
        ("Ortiz vows to fight the ruling.", "vows", "Ortiz"),
        ("The mayor called on residents to stay home.", "called on", "The mayor"),
        ("Critics called the budget a gimmick.", "called the budget a", "Critics"),
        ("The spokesman declined to comment on the report.", "declined to comment", "The spokesman"),
        ("Ms. Park has repeatedly pledged to protect pensions.", "pledged", "Ms. Park"),
        ("Senator Ortiz, who lost the primary, is calling for a recount.", "calling for", "Senator Ortiz"),
        ("Most independents say the race is too close to call.", "say", "Most independents"),
        ("A majority of the council supported the zoning change.", "supported", "A majority of the council"),
        ("Ortiz spoke about her father's factory job.", "spoke about", "Ortiz"),
    ],
)
def test_stance_verbs(sentence, cue, source):
    assert cue_and_source(sentence) == (cue, source)


@pytest.mark.parametrize(
    "sentence",
    [
        "Mrs. Lee wants to cut the sales tax.",
        "He knows the vote will be close.",
        "The refinery worried that prices might fall.",
        "Investors prefer bonds that may pay more.",
    ],
)
def test_a_mind_is_not_a_source(sentence):
    """Wanting, knowing and worrying are the reporter's claim about someone's mind, which
    needs a source of its own (issue 19), not a position the subject stated."""
    assert attribution(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Campaign promises were broken, and turnout may fall.",
        "Trump's plans for the border may change.",
        "Moody's added costs may weigh on the bank.",
        "The voters' demands could grow.",
        "Republican attacks on the bill may intensify.",
        "The team backed away from the proposal.",
        "Voters will have a say in the matter.",
        "The mayor will get the final say, which may take weeks.",
        "Let's say the bill passes.",
    ],
)
def test_noun_or_everyday_sense_of_a_stance_verb_is_not_attribution(sentence):
    assert attribution(sentence) is None


# Figures speak for whoever gathered them.


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Polls show the mayor ahead by six points.", "show"),
        ("The latest survey by the university showed the mayor trailing.", "showed"),
        ("Court records found in the archive reveal the deal was never signed.", "reveal"),
        ("The study found turnout may rise.", "found"),
    ],
)
def test_polls_and_records_show(sentence, cue):
    assert cue_and_source(sentence)[0] == cue


def test_data_found_somewhere_is_no_attribution():
    assert attribution("Data found on the laptop may be lost.") is None


# Headlines


@pytest.mark.parametrize(
    ("sentence", "cue", "source"),
    [
        ("Mayor Tells Council The Budget Is Broken.", "tells", "Mayor"),
        ("Governor Slams Lawmakers Over Pension Vote.", "slams", "Governor"),
        ("Ortiz Calls For Recount In Close Race.", "calls for", "Ortiz"),
        ("Ortiz: The recount may change the result.", ":", "Ortiz"),
        ("Dana Ortiz: Voters Deserve A Recount In Every County.", ":", "Dana Ortiz"),
    ],
)
def test_headline_forms(sentence, cue, source):
    found = attribution(sentence)
    assert found is not None
    assert (sentence[found.cue_start : found.cue_end].lower(), found.source) == (cue, source)


@pytest.mark.parametrize(
    "sentence",
    [
        "United States Imposes New Tariffs On Steel.",
        "Campaign Calls Flood Phone Lines Across The State.",
        "Ortiz: 1,204.",
        "Ohio: Ann Lee, Bob Ray.",
        "The Latest: Storm may hit the coast tonight and tomorrow.",
        "EMAIL: desk@example.com and more from the newsroom today.",
        "The plan may fail: costs are rising fast this year.",
    ],
)
def test_headline_look_alikes_are_not_attribution(sentence):
    assert attribution(sentence) is None


def test_capitalised_verbs_count_only_in_title_case():
    assert attribution("The Mayor Tells all, a memoir, may sell well.") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The complete survey can be found online.",
        "The Fannie Mae-backed bonds may lose value.",
        "Ortiz leads Lee by 150 pledged delegates, and the gap may grow.",
        "Officials voted in nine states.",
        "The regulator would not yet say if the drug may be approved.",
        "It's fair to say the plan may fail.",
        "Nobody at the firm was available to say when the plant may reopen.",
        "Lee support stood at 40 percent, and it may fall.",
    ],
)
def test_look_alikes_of_the_new_cues_are_not_attribution(sentence):
    assert attribution(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The talks reportedly stalled over tariffs.", "reportedly"),
        ("The aide was accused of leaking the memo.", "was accused of"),
    ],
)
def test_hearsay_adverbs_and_accusations_are_vague(sentence, cue):
    found = attribution(sentence)
    assert found is not None and found.vague
    assert sentence[found.cue_start : found.cue_end] == cue


@pytest.mark.parametrize(
    ("sentence", "cue", "source"),
    [
        (
            "The paper quoted a neighbour as saying the bridge may collapse.",
            "quoted a neighbour as saying",
            "The paper",
        ),
        ("At the hearing, Ortiz was asked about the audit.", "was asked about", "At the hearing, Ortiz"),
        ("The deal may close soon, as first reported by The Courier.", "first reported by", "The Courier"),
        ("The ad shows Ortiz at a rally while saying the plan may fail.", "saying", "The ad shows Ortiz at a rally"),
    ],
)
def test_interviews_and_reports_elsewhere(sentence, cue, source):
    assert cue_and_source(sentence) == (cue, source)


def test_participle_after_a_conjunction_must_be_a_verb_of_saying():
    assert attribution("The plant grew by adding 200 jobs, and may grow more.") is None
