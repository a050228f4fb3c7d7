"""A story that is not in English is said to be so (issue 20, item 24): every rule is
written for English, and a Spanish or French story used to pass with "0 findings", exit 0.

The stories in tests/fixtures/languages were written for these tests (short news items in
Spanish, French, German, Italian, Portuguese and Dutch)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from newslint import lint_text
from newslint.cli import app
from newslint.language import LANGUAGE_RULE, MINIMUM_WORDS, guess_language
from newslint.model import Severity

FIXTURES = Path(__file__).parent / "fixtures" / "languages"
LANGUAGES = {"es": "Spanish", "fr": "French", "de": "German", "it": "Italian", "pt": "Portuguese", "nl": "Dutch"}
ENGLISH_ARTICLES = sorted((Path(__file__).parent / "fixtures" / "articles").glob("*.txt"))
REAL_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval"

# English copy that leans on other languages: names, a quoted phrase, a place.
ENGLISH_WITH_FOREIGN_WORDS = [
    "The Banco de la Nación Argentina and the Caisse des Dépôts et Consignations signed the deal "
    "on Monday, officials said. Jan van der Berg, chief executive of the Dutch firm De Vries en "
    "Zonen, said the agreement was a first step. “No pasarán,” read a banner outside the "
    "ministry in Buenos Aires, where protesters gathered for a third day. The talks resume in "
    "Geneva next week, and both sides said they expected a final text by the end of the month.",
    "Il Sole 24 Ore reported that the Italian government had approved the budget. Le Monde and "
    "El País carried the story on their front pages, and Der Spiegel said the plan would cost "
    "the state more than it saves. The finance minister told reporters in Rome that the figures "
    "were sound and that the deficit would fall below three percent of output within two years.",
]


@pytest.fixture
def runner():
    return CliRunner()


def _language_findings(text: str, **options) -> list:
    return [f for f in lint_text(text, **options) if f.rule == LANGUAGE_RULE]


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_a_story_in_another_language_gets_one_warning_naming_it(code):
    text = (FIXTURES / f"{code}.txt").read_text(encoding="utf-8")
    found = _language_findings(text)
    assert len(found) == 1
    finding = found[0]
    assert finding.severity == Severity.WARNING
    assert LANGUAGES[code] in finding.message and "English" in finding.message
    assert finding.paragraph == 1 and finding.text == text[finding.start : finding.end] and finding.text.strip()


@pytest.mark.parametrize("code", ["es", "fr"])
def test_a_spanish_or_french_story_no_longer_passes(runner, tmp_path, code):
    story = tmp_path / f"{code}.txt"
    story.write_bytes((FIXTURES / f"{code}.txt").read_bytes())
    result = runner.invoke(app, ["check", "--no-cache", "-f", "line", str(story)])
    assert result.exit_code == 1, result.output
    assert f"[{LANGUAGE_RULE}]" in result.stdout and LANGUAGES[code] in result.stdout


@pytest.mark.parametrize("text", ENGLISH_WITH_FOREIGN_WORDS, ids=["names-and-a-quote", "foreign-papers"])
def test_english_with_foreign_names_and_phrases_is_english(text):
    assert guess_language(text) is None
    assert _language_findings(text) == []


@pytest.mark.parametrize("path", ENGLISH_ARTICLES, ids=lambda path: path.name)
def test_the_english_fixture_articles_are_english(path):
    assert guess_language(path.read_text(encoding="utf-8")) is None


def test_a_short_text_is_not_judged():
    text = (FIXTURES / "es.txt").read_text(encoding="utf-8")
    short = " ".join(text.split()[: MINIMUM_WORDS - 1])
    assert guess_language(short) is None
    assert guess_language(" ".join(text.split()[: MINIMUM_WORDS + 20])) is not None


def test_the_finding_is_selected_and_ignored_like_any_rule():
    text = (FIXTURES / "fr.txt").read_text(encoding="utf-8")
    assert len(_language_findings(text, ignore=[LANGUAGE_RULE])) == 0
    assert len(_language_findings(text, ignore=["newslint"])) == 0
    selected = lint_text(text, select=[LANGUAGE_RULE])
    assert [f.rule for f in selected] == [LANGUAGE_RULE]
    assert _language_findings(text, min_severity="error") == []


def test_a_directive_can_switch_it_off_without_an_unknown_rule_finding():
    text = "<!-- newslint-disable newslint.language -->\n\n" + (FIXTURES / "de.txt").read_text(encoding="utf-8")
    found = lint_text(text, input_format="markdown")
    assert [f.rule for f in found if f.rule.startswith("newslint.")] == []


def test_explain_knows_the_language_check(runner):
    result = runner.invoke(app, ["explain", LANGUAGE_RULE])
    assert result.exit_code == 0, result.output
    assert "English" in result.stdout


def test_the_language_check_is_a_known_rule_for_select(runner, tmp_path):
    story = tmp_path / "story.txt"
    story.write_bytes((FIXTURES / "it.txt").read_bytes())
    result = runner.invoke(app, ["check", "--no-cache", "-f", "json", "--select", LANGUAGE_RULE, str(story)])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert [f["rule"] for file in report["files"] for f in file["findings"]] == [LANGUAGE_RULE]


# The real copy the targets are measured on: never a false alarm there.


def test_no_reuters_story_is_called_another_language():
    reuters = REAL_DATA / "news" / "reuters.jsonl"
    if not reuters.is_file():
        pytest.skip("evaluation data not found at ../shared/eval (it is not redistributable, so not in the repo)")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from run import load_stories

    stories, _ = load_stories(reuters, 1000)  # the snapshot's 1,000 stories
    assert len(stories) == 1000
    assert [story["text"][:60] for story in stories if guess_language(story["text"])] == []


def test_no_dev_article_is_called_another_language():
    dev = REAL_DATA / "articles" / "dev.yaml"
    if not dev.is_file():
        pytest.skip("evaluation data not found at ../shared/eval (it is not redistributable, so not in the repo)")
    articles = yaml.safe_load(dev.read_text(encoding="utf-8"))
    assert articles
    assert [article["id"] for article in articles if _language_findings(article["text"])] == []


def test_a_config_can_ignore_it_for_a_folder_and_a_typo_there_is_an_error(runner, tmp_path, monkeypatch):
    (tmp_path / "es.txt").write_bytes((FIXTURES / "es.txt").read_bytes())
    (tmp_path / ".newslint.yaml").write_text("ignore: [newslint.language]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "--no-cache", "-f", "line", "es.txt"])
    assert result.exit_code == 0 and LANGUAGE_RULE not in result.stdout, result.output
    (tmp_path / ".newslint.yaml").write_text("ignore: [newslint.languag]\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--no-cache", "es.txt"])
    assert result.exit_code == 2 and "did you mean 'newslint.language'" in result.stderr
