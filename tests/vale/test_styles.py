"""The Vale loader and checks on styles written here (no shared data needed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.vale import checks
from newslint.vale.ini import ValeConfigError, read_config
from newslint.vale.run import ValeRun
from newslint.vale.styles import load_rule


def _rule(tmp_path: Path, text: str, name: str = "Rule.yml") -> tuple[object, list[str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    warnings: list[str] = []
    return load_rule(str(path), f"House.{name[:-4]}", [], warnings.append), warnings


def _project(tmp_path: Path, rules: dict[str, str], ini: str, files: dict[str, str]) -> Path:
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    for name, text in rules.items():
        (style / name).write_text(text, encoding="utf-8")
    (tmp_path / ".vale.ini").write_text(ini, encoding="utf-8")
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _lint(project: Path, name: str, fmt: str = "markdown") -> list[str]:
    run = ValeRun(read_config(str(project / ".vale.ini")), warn=lambda message: None)
    source = (project / name).read_text(encoding="utf-8")
    return [a.vale_line() for a in run.lint(str(project / name), name, source, fmt)]


def test_an_unsupported_type_is_named_with_its_file_and_skipped(tmp_path: Path) -> None:
    rule, warnings = _rule(tmp_path, "extends: script\nmessage: x\n")
    assert rule is None
    assert warnings == [
        f"{tmp_path / 'Rule.yml'}: field extends: 'script' is not supported (needs the Tengo script engine); rule skipped"
    ]


def test_an_unknown_field_is_named_not_ignored(tmp_path: Path) -> None:
    rule, warnings = _rule(tmp_path, "extends: existence\nmessage: x\ntokens: [a]\npos: NN\n")
    assert rule is None
    assert "field pos: not supported for 'existence' rules" in warnings[0]


def test_a_broken_pattern_is_named_by_field(tmp_path: Path) -> None:
    rule, warnings = _rule(tmp_path, "extends: existence\nmessage: x\ntokens: ['(unclosed']\n")
    assert rule is None
    assert "field tokens: the pattern does not compile" in warnings[0]


def test_existence_reports_vale_position_and_message(tmp_path: Path) -> None:
    project = _project(
        tmp_path,
        {"Hedge.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\nignorecase: true\ntokens: [reportedly]\n"},
        "StylesPath = styles\n[*.md]\nBasedOnStyles = House\n",
        {"story.md": "# Title\n\nThe minister **reportedly** resigned.\n"},
    )
    assert _lint(project, "story.md") == ["story.md:3:16:House.Hedge:Avoid 'reportedly'."]


def test_substitution_quotes_a_replace_action_once(tmp_path: Path) -> None:
    project = _project(
        tmp_path,
        {
            "Terms.yml": "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\naction:\n  name: replace\n"
            "swap:\n  utilize: use\n"
        },
        "StylesPath = styles\n[*]\nBasedOnStyles = House\n",
        {"story.md": "Officials utilize the fund.\n"},
    )
    assert _lint(project, "story.md") == ["story.md:1:11:House.Terms:Use 'use' instead of 'utilize'."]


def test_scopes_heading_and_negation(tmp_path: Path) -> None:
    project = _project(
        tmp_path,
        {
            "Head.yml": "extends: existence\nmessage: \"'%s' in a heading\"\nscope: heading.h2\ntokens: [TODO]\n",
            "Body.yml": "extends: existence\nmessage: \"'%s' outside one\"\nscope: ~heading\ntokens: [TODO]\n",
        },
        "StylesPath = styles\n[*]\nBasedOnStyles = House\n",
        {"story.md": "# TODO one\n\n## TODO two\n\nTODO three\n"},
    )
    assert _lint(project, "story.md") == [
        "story.md:3:4:House.Head:'TODO' in a heading",
        "story.md:5:1:House.Body:'TODO' outside one",
    ]


def test_rule_switches_and_levels_in_the_ini(tmp_path: Path) -> None:
    rules = {
        "A.yml": "extends: existence\nmessage: a\nlevel: suggestion\ntokens: [alpha]\n",
        "B.yml": "extends: existence\nmessage: b\nlevel: warning\ntokens: [beta]\n",
    }
    ini = "StylesPath = styles\nMinAlertLevel = warning\n[*]\nBasedOnStyles = House\nHouse.A = error\nHouse.B = NO\n"
    project = _project(tmp_path, rules, ini, {"story.txt": "alpha beta\n"})
    assert _lint(project, "story.txt", "text") == ["story.txt:1:1:House.A:a"]


def test_vocabulary_words_are_exceptions(tmp_path: Path) -> None:
    rules = {"Caps.yml": "extends: existence\nmessage: \"'%s'\"\ntokens: ['[A-Z]{3,}']\n"}
    project = _project(
        tmp_path,
        rules,
        "StylesPath = styles\nVocab = Desk\n[*]\nBasedOnStyles = House\n",
        {"story.md": "NATO and UNHCR met.\n"},
    )
    vocab = tmp_path / "styles" / "config" / "vocabularies" / "Desk"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text("NATO\n", encoding="utf-8")
    assert _lint(project, "story.md") == ["story.md:1:10:House.Caps:'UNHCR'"]


def test_a_bad_ini_value_names_the_line(tmp_path: Path) -> None:
    (tmp_path / ".vale.ini").write_text("MinAlertLevel = loud\n", encoding="utf-8")
    with pytest.raises(ValeConfigError, match=r"\.vale\.ini:1: MinAlertLevel must be one of"):
        read_config(str(tmp_path / ".vale.ini"))


def test_message_placeholders_as_vale_fills_them() -> None:
    assert checks.format_message("Use '%s' not '%s'.", "a", "b") == "Use 'a' not 'b'."
    assert checks.format_message("'%s' and '%s'", "a") == "'%s' and '%s'"


def test_cli_vale_line_and_exit_code(tmp_path: Path) -> None:
    project = _project(
        tmp_path,
        {"Hedge.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: error\ntokens: [reportedly]\n"},
        "StylesPath = styles\n[*]\nBasedOnStyles = House\n",
        {"b.md": "It reportedly fell.\n", "a.txt": "Fine.\n\nIt reportedly rose.\n"},
    )
    done = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--format", "vale-line", "."],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert done.stdout.splitlines() == [
        "a.txt:3:4:House.Hedge:Avoid 'reportedly'.",
        "b.md:1:4:House.Hedge:Avoid 'reportedly'.",
    ]
    assert done.returncode == 1


def test_cli_without_a_vale_config_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--format", "vale-line", "a.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and ".vale.ini not found" in done.stderr


def test_metric_on_structure_and_refused_on_syllable_counts(tmp_path: Path) -> None:
    rules = {
        "Heads.yml": "extends: metric\nmessage: \"%s headings\"\nformula: heading.h2 * 2\ncondition: '> 2.0'\n",
        "Grade.yml": "extends: metric\nmessage: x\nformula: syllables / words\ncondition: '> 2'\n",
    }
    project = _project(
        tmp_path,
        rules,
        "StylesPath = styles\n[*]\nBasedOnStyles = House\n",
        {"story.md": "# One\n\n## Two\n\nText.\n\n## Three\n"},
    )
    notes: list[str] = []
    run = ValeRun(read_config(str(project / ".vale.ini")), warn=notes.append)
    source = (project / "story.md").read_text(encoding="utf-8")
    assert [a.vale_line() for a in run.lint("story.md", "story.md", source, "markdown")] == [
        "story.md:1:1:House.Heads:4.00 headings"
    ]
    assert any("Grade.yml: field formula: variable 'syllables' is not computed" in note for note in notes)


def test_metric_counts_words_and_sentences_of_the_prose_as_vale_does(tmp_path: Path) -> None:
    # Vale's summary is the file's paragraphs, list items and block quotes, not its
    # headings; words are runs of letters, digits and apostrophes (twine's
    # WordBoundaryTokenizer), a long word has more than six characters.
    rules = {
        "LIX.yml": "extends: metric\nmessage: 'LIX %s'\nformula: (words / sentences) + ((long_words * 100) / words)\n"
        "condition: '> 1'\n",
        "Counts.yml": "extends: metric\nmessage: '%s'\nformula: words * 1000000 + sentences * 10000 + "
        "paragraphs * 100 + characters\ncondition: '> 0'\n",
    }
    project = _project(
        tmp_path,
        rules,
        "StylesPath = styles\n[*]\nBasedOnStyles = House\n",
        {
            "story.md": "# A heading with several words\n\nThe council's budget rose. It fell again.\n\n- One item here.\n"
        },
    )
    # words: The council's budget rose It fell again One item here = 10; sentences: 3;
    # paragraphs: 2; characters (letters and digits): 43; long words: council's = 1.
    assert _lint(project, "story.md") == [
        "story.md:1:1:House.Counts:10030243.00",
        "story.md:1:1:House.LIX:LIX 13.33",
    ]


def test_cli_reads_standard_input_as_vale_does(tmp_path: Path) -> None:
    project = _project(
        tmp_path,
        {"Hedge.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [reportedly]\n"},
        "StylesPath = styles\n[*.md]\nBasedOnStyles = House\n",
        {},
    )
    done = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--format", "vale-line", "--ext", ".md", "-"],
        cwd=project,
        input="It reportedly fell.\n",
        capture_output=True,
        text=True,
    )
    assert done.stdout.splitlines() == ["stdin.md:1:4:House.Hedge:Avoid 'reportedly'."]


def test_a_match_holding_a_decoded_entity_sits_at_the_start_of_its_line(tmp_path: Path) -> None:
    # Vale looks a match up in the file's own line; "Big&#160;news" is not there as
    # "Big\xa0news", so its guessLocation falls back to the line's first column. A match
    # without an entity keeps its own column.
    rule = "extends: existence\nmessage: \"'%s'\"\nnonword: true\ntokens: ['Big\\s+news', 'Small news']\n"
    project = _project(
        tmp_path,
        {"Words.yml": rule},
        "StylesPath = styles\n[*]\nBasedOnStyles = House\n",
        {"page.html": "<html><body>\n  <h1>Big&#160;news</h1>\n  <p>Small news today.</p>\n</body></html>\n"},
    )
    assert _lint(project, "page.html", "html") == [
        "page.html:2:1:House.Words:'Big\xa0news'",
        "page.html:3:6:House.Words:'Small news'",
    ]


def test_vales_defaults_a_rule_warns_and_suggestions_are_hidden(tmp_path: Path) -> None:
    # Vale's source: a rule without `level` is a warning (check.Manager) and a config
    # without MinAlertLevel shows warnings and errors (core.NewConfig: MinAlertLevel = 1).
    rules = {
        "Plain.yml": "extends: existence\nmessage: \"plain '%s'\"\ntokens: [reportedly]\n",
        "Soft.yml": "extends: existence\nmessage: \"soft '%s'\"\nlevel: suggestion\ntokens: [reportedly]\n",
    }
    project = _project(
        tmp_path, rules, "StylesPath = styles\n[*]\nBasedOnStyles = House\n", {"story.md": "It reportedly fell.\n"}
    )
    assert _lint(project, "story.md") == ["story.md:1:4:House.Plain:plain 'reportedly'"]
    (project / ".vale.ini").write_text("StylesPath = styles\nMinAlertLevel = suggestion\n[*]\nBasedOnStyles = House\n")
    assert _lint(project, "story.md") == [
        "story.md:1:4:House.Plain:plain 'reportedly'",
        "story.md:1:4:House.Soft:soft 'reportedly'",
    ]


def test_a_repeated_match_on_a_line_is_reported_once_at_its_first_place(tmp_path: Path) -> None:
    # Vale finds an alert's column by searching its text in the line (initialPosition),
    # so a second "is" on the line lands on the first and the duplicate is dropped; each
    # alert also hides its text's first occurrence in the file from the rule's next
    # ones (ChkToCtx): the "is" inside "This" here, so the word "is" stays in view; the
    # first "fell" is hidden, so the second is found where it stands.
    rule = "extends: existence\nmessage: \"'%s'\"\nignorecase: true\ntokens: [is, fell]\n"
    project = _project(
        tmp_path,
        {"Be.yml": rule},
        "StylesPath = styles\n[*]\nBasedOnStyles = House\n",
        {"story.md": "This is news. There is more.\n\nIt fell and fell.\n\nIt is.\n"},
    )
    assert _lint(project, "story.md") == [
        "story.md:1:6:House.Be:'is'",
        "story.md:3:4:House.Be:'fell'",
        "story.md:3:13:House.Be:'fell'",
        "story.md:5:4:House.Be:'is'",
    ]
