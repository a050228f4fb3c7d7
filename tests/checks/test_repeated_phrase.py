"""repetition.phrase: a reporter's repeated phrase, pointing back to the use it repeats;
quotations are the source's, except when the reporter retells a quoted phrase."""

from __future__ import annotations

import pytest

from newslint import lint_text

# The mechanics, without the built-in rule's precision settings (a phrase used twice
# counts, no lede, any words); those have their own tests below.
PLAIN = "rules:\n  repetition.phrase:\n    min_count: 2\n    subject_words: 0\n    words: []\n"


@pytest.fixture(scope="module", autouse=True)
def plain_config(tmp_path_factory):
    global PLAIN_PATH
    path = tmp_path_factory.mktemp("phrase") / "plain.yaml"
    path.write_text(PLAIN, encoding="utf-8")
    PLAIN_PATH = str(path)


PLAIN_PATH: str | None = None


def phrases(text: str, **kwargs) -> list[tuple[str, str]]:
    kwargs.setdefault("config_path", PLAIN_PATH)
    found = []
    for finding in lint_text(text, select=["repetition.phrase"], profile="all", **kwargs):
        assert text[finding.start : finding.end] == finding.text
        found.append((finding.text, finding.message))
    return found


def test_second_use_points_back_to_the_first():
    text = "The deal forms a strategic partnership.\n\nOfficials praised the strategic partnership on Friday."
    assert phrases(text) == [
        ("strategic partnership", "'strategic partnership' repeated (also in ¶1, line 1) — vary or cut")
    ]


def test_every_later_use_is_reported_and_points_to_the_first():
    text = "A trade corridor opens. The trade corridor is long.\nCritics call the trade corridor costly."
    found = phrases(text)
    assert [t for t, _ in found] == ["trade corridor", "trade corridor"]
    assert all("(also in ¶1, line 1)" in message for _, message in found)


def test_a_phrase_across_a_line_break_keeps_exact_offsets():
    text = "Both sides sought closer economic\nties. The push for closer economic ties grew."
    assert [t for t, _ in phrases(text)] == ["closer economic ties"]
    text = "Both sides sought closer economic ties. The push for closer economic\nties grew."
    assert [t for t, _ in phrases(text)] == ["closer economic\nties"]


def test_longest_phrase_wins_over_its_parts():
    text = "The bank cut its benchmark lending rate today. Analysts had expected the benchmark lending rate to hold."
    assert [t for t, _ in phrases(text)] == ["benchmark lending rate"]


def test_a_sub_phrase_used_elsewhere_is_still_reported_there():
    text = (
        "They sought closer economic ties. Talks on closer economic ties resumed. Closer economic cooperation is next."
    )
    assert [t for t, _ in phrases(text)] == ["closer economic ties", "Closer economic"]


def test_repeats_only_inside_quotations_are_the_sources():
    text = "“We want a lasting peace,” she said. “A lasting peace needs trust,” she added."
    assert phrases(text) == []


def test_reporter_retelling_a_quoted_phrase_points_at_the_quotation():
    text = (
        "Ties between the two have long been traditionally friendly.\n\n"
        "The envoy praised “traditionally friendly relations” at the ceremony."
    )
    assert phrases(text) == [
        (
            "traditionally friendly",
            "'traditionally friendly' repeated (also in ¶2, line 3, in a quotation) — vary or cut",
        )
    ]


def test_an_attributed_retelling_of_a_quotation_is_reporting():
    text = (
        "Ties are traditionally friendly, the ministry said.\n\n"
        "The envoy praised “traditionally friendly relations” at the ceremony."
    )
    assert phrases(text) == []


def test_names_stop_words_and_figures_do_not_make_a_phrase():
    text = (
        "The European Union fined Acme Corp. The European Union said Acme Corp would appeal. "
        "It said on Tuesday it paid 5 mln dlrs. It said on Tuesday it paid 5 mln dlrs more."
    )
    assert phrases(text) == []


def test_one_name_and_one_word_is_not_enough():
    assert phrases("Iraqi oil flows north. Output of Iraqi oil fell.") == []


def test_phrases_do_not_run_across_punctuation():
    text = "They cut rates, lifting markets. Prices rose, lifting spirits."
    assert phrases(text) == []


def test_options_come_from_config(tmp_path):
    text = "The deal forms a strategic partnership. Officials praised the strategic partnership."
    config = tmp_path / ".newslint.yaml"
    config.write_text(PLAIN + "    ignore: ['^strategic partnership$']\n", encoding="utf-8")
    assert phrases(text, config_path=str(config)) == []
    config.write_text(PLAIN + "    stop_words: [partnership]\n", encoding="utf-8")
    assert phrases(text, config_path=str(config)) == []
    config.write_text(PLAIN + "    count_quoted: false\n", encoding="utf-8")
    quoted = "Ties are traditionally friendly. He praised “traditionally friendly relations.”"
    assert phrases(quoted, config_path=str(config)) == []


LEDE = (
    "The two councils agreed on Monday to share the cost of a water plant, ending a "
    "dispute that had delayed the project for three years and raised bills in both towns, "
    "where residents had complained about brown water and low pressure since 2019.\n\n"
)


def builtin(text: str) -> list[str]:
    return [t for t, _ in phrases(text, config_path=None)]


def test_builtin_rule_wants_four_uses():
    thrice = "The plan brings closer cooperation. Closer cooperation is welcome. Closer cooperation helps."
    assert builtin(LEDE + thrice) == []
    assert builtin(LEDE + thrice + " Closer cooperation costs little.") == ["Closer cooperation"] * 3


def test_builtin_rule_leaves_the_subject_and_terms_of_art_alone():
    # Used in the lede: the story's subject.
    assert (
        builtin(
            "Closer cooperation is the aim of the water deal. Closer cooperation helps. "
            "Closer cooperation costs little. Closer cooperation pays."
        )
        == []
    )
    # No derived, abstract word: a term of art.
    assert builtin(LEDE + "Interest rates rose. Interest rates matter. Interest rates fell. Interest rates won.") == []


def test_seed_article(seed_article):
    found = phrases(seed_article.read_text(encoding="utf-8"), config_path=None)
    # The reporter's one "traditionally friendly" echoes the quoted statement.
    assert found == [
        (
            "traditionally friendly",
            "'traditionally friendly' repeated (also in ¶8, line 15, in a quotation) — vary or cut",
        )
    ]


def test_seed_article_phrases_used_twice(seed_article):
    texts = [t for t, _ in phrases(seed_article.read_text(encoding="utf-8"))]
    assert {"traditionally friendly", "strategic interests", "close cooperation", "mutually beneficial"} <= set(texts)
    # Names are the story's subject: never "Amber Coast" or "Valdorian Foreign Ministry".
    assert not any("Amber Coast" in t or "Ministry" in t for t in texts)


@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r"])
def test_the_line_in_the_message_is_the_reports_line(line_break):
    """ "line N" in the message numbers lines as the report does: a lone carriage return
    (old Mac files) ends a line there too."""
    from newslint.positions import LineIndex

    text = (
        f"The envoys met on Monday.{line_break}{line_break}They sought closer economic ties."
        f"{line_break}{line_break}Talks on closer economic ties resumed."
    )
    [(matched, message)] = phrases(text)
    assert matched == "closer economic ties"
    first_use = text.index("closer economic ties")
    assert LineIndex(text).position(first_use)[0] == 3
    assert "(also in ¶2, line 3)" in message
