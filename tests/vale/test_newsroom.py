"""Vale styles beside newslint's packs (`vale:` in a newslint config), news awareness opt-in."""

from __future__ import annotations

from pathlib import Path

from newslint.linter import Linter, Options
from newslint.vale.newsroom import Awareness, awareness

STORY = (
    "The minister reportedly resigned on Tuesday.\n\n"
    '"It was a very sad day," the spokesman said.\n\n'
    "The plan is very risky, Smith said.\n"
)


def _desk(tmp_path: Path, vale: str) -> Path:
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    (style / "Very.yml").write_text(
        "extends: existence\nmessage: \"Cut '%s'.\"\nlevel: warning\ntokens: [very]\n", encoding="utf-8"
    )
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = House\n", encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text(vale, encoding="utf-8")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    return tmp_path / "story.txt"


def _vale_lines(story: Path) -> list[tuple[int, str]]:
    result = Linter(Options()).lint_path(str(story))
    assert result.error is None, result.error
    return [(f.paragraph, f.text) for f in result.findings if f.rule == "House.Very"]


def test_vale_styles_run_beside_the_packs(tmp_path: Path) -> None:
    assert _vale_lines(_desk(tmp_path, "vale: .vale.ini\n")) == [(2, "very"), (3, "very")]


def test_skip_quotes_leaves_the_sources_words_alone(tmp_path: Path) -> None:
    story = _desk(tmp_path, "vale:\n  config: .vale.ini\n  skip_quotes: true\n")
    assert _vale_lines(story) == [(3, "very")]


def test_skip_attributed_per_style(tmp_path: Path) -> None:
    story = _desk(tmp_path, "vale:\n  config: .vale.ini\n  styles:\n    House: {skip_attributed: true}\n")
    assert (3, "very") not in _vale_lines(story)


def test_a_rules_setting_wins_over_its_styles() -> None:
    setting = {
        "skip_quotes": True,
        "styles": {"House": {"skip_attributed": True}},
        "rules": {"House.Very": {"skip_quotes": False}},
    }
    assert awareness(setting, "House.Very") == Awareness(skip_quotes=False, skip_attributed=True)
    assert awareness(setting, "Other.Rule") == Awareness(skip_quotes=True, skip_attributed=False)


def test_a_missing_vale_config_is_a_config_error(tmp_path: Path) -> None:
    story = _desk(tmp_path, "vale: missing.ini\n")
    result = Linter(Options()).lint_path(str(story))
    assert result.error is not None and "missing.ini" in str(result.error)


def test_a_directive_naming_a_vale_rule_switches_it_off(tmp_path: Path) -> None:
    markdown = _desk(tmp_path, "vale: .vale.ini\n").with_suffix(".md")
    markdown.write_text("<!-- newslint-disable House.Very -->\n" + STORY, encoding="utf-8")
    result = Linter(Options()).lint_path(str(markdown))
    assert result.error is None, result.error
    # Neither the Vale rule's findings nor a complaint that the directive names no rule.
    assert [f.rule for f in result.findings if f.rule in ("House.Very", "newslint.unknown-rule")] == []


def test_the_vocabulary_accepts_words_a_vale_rule_flags(tmp_path: Path) -> None:
    story = _desk(tmp_path, "vale: .vale.ini\nvocabulary: terms.vocab\n")
    (tmp_path / "terms.vocab").write_text("very sad\n", encoding="utf-8")
    assert _vale_lines(story) == [(3, "very")]


def test_lint_text_reports_vale_findings_as_check_does(tmp_path: Path) -> None:
    story = _desk(tmp_path, "vale: .vale.ini\n")
    found = Linter(Options()).lint_text(STORY, path=str(story))
    assert [(f.paragraph, f.text) for f in found if f.rule == "House.Very"] == [(2, "very"), (3, "very")]
