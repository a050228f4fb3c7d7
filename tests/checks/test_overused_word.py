"""repetition.word: one finding per overused stem, with its count and forms, from the
thresholds in YAML or config."""

from __future__ import annotations

from newslint import lint_text

FILLER = (
    "Crews worked on the bridge near the harbor and the market for weeks, "
    "and drivers waited in long lines at the river crossing each morning. "
)


def words(text: str, **kwargs) -> list[tuple[str, str]]:
    found = []
    for finding in lint_text(text, select=["repetition.word"], profile="all", **kwargs):
        assert text[finding.start : finding.end] == finding.text
        found.append((finding.text, finding.message))
    return found


def article(*sentences: str, filler: int = 12) -> str:
    """Paragraphs of the given sentences after a lede (so they are not the story's topic),
    padded past `min_article_words` with prose that repeats nothing the rule judges."""
    return "\n\n".join([FILLER * 3, *sentences, FILLER * filler])


def test_stems_count_together_and_forms_are_named():
    text = article(
        "The strategy is strategic.", "Strategically, the strategies work.", "A strategic plan.", "A strategic goal."
    )
    found = words(text)
    assert len(found) == 1
    matched, message = found[0]
    assert matched == "strategic"  # the sixth use, where the count is reached
    assert message.startswith("'strategic' used 6 times (strategic/strategically/strategies/strategy; ")
    assert "also ¶2–4" in message


def test_cooperation_and_cooperate_count_together():
    text = article(
        "They cooperate.",
        "Cooperation grew.",
        "The cooperative expanded.",
        "More cooperation.",
        "Cooperation again.",
        "They cooperated.",
    )
    assert [m for m, _ in words(text)] == ["cooperated"]


def test_policy_and_police_are_different_words():
    text = article("Police policy.", "Police policy.", "Police policy.")
    assert words(text) == []


def test_quoted_uses_do_not_count():
    text = article(
        "“Cooperation, cooperation, cooperation,” he said.",
        "Cooperation grew.",
        "More cooperation.",
        "Cooperation again.",
    )
    assert words(text) == []


def test_a_short_article_is_not_judged():
    text = "Cooperation grew. More cooperation. Cooperation again. Cooperation, cooperation, cooperation."
    assert words(text) == []


def test_topic_nouns_are_not_judged():
    text = article("The bank said the bank would merge with another bank.", "The bank and its banks lent to banks.")
    assert words(text) == []


def test_thresholds_from_config(tmp_path):
    text = article("Cooperation grew.", "More cooperation.", "Cooperation again.")
    assert words(text) == []
    config = tmp_path / ".newslint.yaml"
    config.write_text("rules:\n  repetition.word:\n    min_count: 3\n", encoding="utf-8")
    assert [m for m, _ in words(text, config_path=str(config))] == ["Cooperation"]
    config.write_text("rules:\n  repetition.word:\n    min_count: 3\n    min_share: 0.5\n", encoding="utf-8")
    assert words(text, config_path=str(config)) == []
    config.write_text("rules:\n  repetition.word:\n    min_count: 3\n    ignore: ['^cooperation$']\n", encoding="utf-8")
    assert words(text, config_path=str(config)) == []


def test_seed_article(seed_article):
    found = {m.split("'")[1]: m for _, m in words(seed_article.read_text(encoding="utf-8"))}
    assert (
        "cooperation" in found and "used 10 times" in found["cooperation"]
    )  # the headline's "Cooperation" is title case
    assert "strategic" in found and "(strategic/strategy;" in found["strategic"]


def test_a_lede_word_is_the_topic_and_needs_more_uses():
    lede = "Cooperation between the two towns grew on Monday. " + FILLER * 2
    uses = ["More cooperation.", "Cooperation again.", "They cooperate.", "Cooperation grew.", "Cooperation."]
    text = "\n\n".join(["Towns Agree", lede, *uses, FILLER * 12])
    assert words(text) == []  # six uses of a topic word: the story is about it
    text = "\n\n".join(["Towns Agree", lede, *uses * 2, FILLER * 12])
    assert [m for m, _ in words(text)] == ["Cooperation"]  # the tenth
    # A headline is not the lede: the same word only in a headline is judged normally.
    text = "\n\n".join(["Cooperation Grows", FILLER * 3, *uses, FILLER * 12])
    assert [m for m, _ in words(text)] == ["Cooperation"]  # the headline's use counts, the sixth is flagged
