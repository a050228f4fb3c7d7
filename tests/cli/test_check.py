"""`newslint check`: exact output per format, exit codes, stdin, and error handling."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newslint.cli import app

STORY = "Budget talks resume\n\nThe deal may collapse.\tIt could potentially fail.\n"
# The format and exit-code tests ask for the `all` profile (every rule as its pack
# defines it): the hedges they use as examples are info in the default `news` profile
# since issue 19's judged sample. The defaults themselves: tests/test_news_defaults.py.


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_text_format_groups_by_paragraph(runner, story):
    result = runner.invoke(app, ["check", "--profile", "all", str(story)])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{story}\n"
        "  ¶2 (line 3)\n"
        "    3:10    warning  hedging.modal  'may' hedges the claim — state what is known, or attribute it\n"
        "    3:27    error    hedging.stacked  'could potentially' stacks two hedges — cut both, or attribute the claim\n"
        "\n"
        "2 findings (1 error, 1 warning, 0 info) in 1 file\n"
    )


def test_line_format(runner, story):
    result = runner.invoke(app, ["check", "--profile", "all", "--format", "line", str(story)])
    assert result.stdout.splitlines() == [
        f"{story}:3:10: warning [hedging.modal] 'may' hedges the claim — state what is known, or attribute it",
        f"{story}:3:27: error [hedging.stacked] 'could potentially' stacks two hedges — cut both, or attribute the claim",
    ]


def test_json_format(runner, story):
    result = runner.invoke(app, ["check", "--profile", "all", "--format", "json", str(story)])
    report = json.loads(result.stdout)
    assert report["version"] == 2
    assert report["summary"] == {"files": 1, "files_with_errors": 0, "findings": 2, "error": 1, "warning": 1, "info": 0}
    first = report["files"][0]["findings"][0]
    assert first == {
        "rule": "hedging.modal",
        "severity": "warning",
        "message": "'may' hedges the claim — state what is known, or attribute it",
        "paragraph": 2,
        "line": 3,
        "column": 10,
        "end_line": 3,
        "end_column": 13,
        "offset": 30,
        "end_offset": 33,
        "text": "may",
        "suggestion": None,
    }
    assert STORY[first["offset"] : first["end_offset"]] == first["text"]


def test_clean_file_exits_zero(runner, tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text("The council met on Tuesday.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0
    assert result.stdout == "0 findings (0 errors, 0 warnings, 0 info) in 1 file\n"


@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("warning", 1), ("never", 0)])
def test_fail_on(runner, story, fail_on, code):
    assert runner.invoke(app, ["check", "--profile", "all", "--fail-on", fail_on, str(story)]).exit_code == code


def test_fail_on_error_passes_warnings_only(runner, tmp_path):
    path = tmp_path / "w.txt"
    path.write_text("The deal may collapse.\n", encoding="utf-8")
    assert runner.invoke(app, ["check", "--fail-on", "error", str(path)]).exit_code == 0


def test_select_ignore_min_severity(runner, story):
    out = runner.invoke(
        app, ["check", "--profile", "all", "-f", "line", "--select", "hedging.modal", str(story)]
    ).stdout
    assert "[hedging.modal]" in out and "[hedging.stacked]" not in out
    out = runner.invoke(
        app, ["check", "--profile", "all", "-f", "line", "--ignore", "hedging.modal,hedging.stacked", str(story)]
    ).stdout
    # An ignored rule is not run, so it no longer replaces the parts of a stacked hedge.
    assert out.count("\n") == 1 and "[hedging.adverb] 'potentially'" in out
    out = runner.invoke(app, ["check", "--profile", "all", "-f", "line", "--ignore", "hedging", str(story)]).stdout
    assert out == ""
    out = runner.invoke(app, ["check", "--profile", "all", "-f", "line", "--min-severity", "error", str(story)]).stdout
    assert "[hedging.modal]" not in out and "[hedging.stacked]" in out


def test_stdin(runner):
    result = runner.invoke(app, ["check", "--profile", "all", "-f", "line", "-"], input="Prices may rise.\n")
    assert (
        result.stdout
        == "-:1:8: warning [hedging.modal] 'may' hedges the claim — state what is known, or attribute it\n"
    )


def test_missing_file_is_exit_2_and_others_still_checked(runner, story, tmp_path):
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["check", "-f", "line", str(missing), str(story)])
    assert result.exit_code == 2
    assert f"newslint: error: {missing}: no such file or directory" in result.stderr
    assert "[hedging.modal]" in result.stdout


def test_invalid_utf8_is_one_line_error(runner, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Caf\xe9 society\n")
    result = runner.invoke(app, ["check", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"newslint: error: {bad}: not valid UTF-8 (byte 3: b'\\xe9')"
    assert "Traceback" not in result.output


def test_bad_config_is_exit_2(runner, story, tmp_path):
    config = tmp_path / "conf.yaml"
    config.write_text("selct: [hedging]\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--config", str(config), str(story)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"newslint: error: {config}:1: selct: unknown key 'selct'"


def test_bad_option_value_is_exit_2(runner, story):
    result = runner.invoke(app, ["check", "--format", "xml", str(story)])
    assert result.exit_code == 2
    assert "Invalid value for '--format' / '-f': 'xml' is not one of 'text', 'line', 'json'" in result.stderr


def test_directory_walk_picks_article_suffixes_in_order(runner, tmp_path):
    (tmp_path / "b.md").write_text("It may rain.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("It might snow.\n", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.html").write_text("It could hail.\n", encoding="utf-8")
    out = runner.invoke(app, ["check", "-f", "line", str(tmp_path)]).stdout
    paths = [line.split(":")[0] for line in out.splitlines()]
    assert paths == [str(tmp_path / "a.txt"), str(tmp_path / "b.md"), str(tmp_path / "sub" / "c.html")]


def test_config_exclude_applies_to_walk(runner, tmp_path):
    (tmp_path / ".newslint.yaml").write_text("exclude: ['archive/**']\n", encoding="utf-8")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text("It may rain.\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("It may rain.\n", encoding="utf-8")
    out = runner.invoke(app, ["check", "-f", "line", str(tmp_path)]).stdout
    assert "new.txt" in out and "old.txt" not in out


def test_no_color_when_not_a_tty(runner, story):
    assert "\x1b[" not in runner.invoke(app, ["check", str(story)]).stdout


def test_console_script_and_module_entry_points(story):
    for command in (["newslint"], [sys.executable, "-m", "newslint"]):
        if command == ["newslint"]:
            import shutil

            if shutil.which("newslint") is None:
                continue
        result = subprocess.run(
            [*command, "check", "--profile", "all", "-f", "line", str(story)], capture_output=True, text=True
        )
        assert result.returncode == 1
        assert "[hedging.modal]" in result.stdout


def test_version(runner):
    from newslint import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"newslint {__version__}\n"


CLAIMS_STORY = (
    "Talks resume\n\n"
    # The bank's sentence first: a source closing a paragraph carries what comes before it.
    "Prices will rise, the bank said. The deal will likely reshape the region.\n\n"
    "The ministers met on Monday.\n"
)


def test_text_format_paragraph_header_counts_claims(runner, tmp_path):
    path = tmp_path / "claims.txt"
    path.write_text(CLAIMS_STORY, encoding="utf-8")
    result = runner.invoke(app, ["check", "--profile", "all", str(path)])
    assert result.stdout == (
        f"{path}\n"
        "  ¶2 (line 3) · claims 1, attributed 0\n"
        "    3:48    warning  hedging.adverb  'likely' hedges the claim — state what is known, or attribute it\n"
        "\n"
        "1 finding (0 errors, 1 warning, 0 info) in 1 file\n"
    )


def test_json_format_has_claim_and_readability_stats(runner, tmp_path):
    path = tmp_path / "claims.txt"
    path.write_text("The deal will likely reshape the region.\n\nThe ministers met on Monday.\n", encoding="utf-8")
    plain = json.loads(runner.invoke(app, ["check", "--format", "json", str(path)]).stdout)
    # Only with --stats: textstat, and the repetition analysis (nearly a fifth of a JSON run's
    # time on wire copy, issue 19), cost time.
    assert "readability" not in plain["files"][0]["stats"]
    assert "repetition" not in plain["files"][0]["stats"]
    report = json.loads(runner.invoke(app, ["check", "--format", "json", "--stats", str(path)]).stdout)
    stats = report["files"][0]["stats"]
    assert stats["repetition"] == {"reporter_words": 12, "phrases": [], "words": []}
    assert [{k: p[k] for k in ("paragraph", "claims", "attributed")} for p in stats["paragraphs"]] == [
        {"paragraph": 1, "claims": 1, "attributed": 0},
        {"paragraph": 2, "claims": 0, "attributed": 0},
    ]
    assert (stats["claims"], stats["attributed"]) == (1, 0)
    assert [p["readability"]["words"] for p in stats["paragraphs"]] == [7, 5]
    assert stats["readability"]["words"] == 12 and stats["readability"]["smog_index"] is None
    assert (
        set(stats["readability"])
        == set(stats["paragraphs"][0]["readability"])
        == {
            "words",
            "sentences",
            "words_per_sentence",
            "flesch_reading_ease",
            "flesch_kincaid_grade",
            "gunning_fog",
            "smog_index",
            "dale_chall_readability_score",
            "coleman_liau_index",
            "automated_readability_index",
        }
    )
    # The claim is made by "will likely", so the hedge's finding on "likely" is its one finding.
    assert [f["rule"] for f in report["files"][0]["findings"]] == ["hedging.adverb"]


def test_stats_adds_a_readability_table_even_without_findings(runner, tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Council Meets\n\nThe council met on Monday. It passed the budget.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--stats", str(path)])
    assert result.exit_code == 0
    assert result.stdout == (
        f"{path}\n"
        "  readability (Flesch-Kincaid grade, Flesch reading ease)\n"
        "    ¶        line  words  sentences  grade  ease\n"
        "    1           1      2          1    2.9  77.9\n"
        "    2           3      9          2    1.9  89.5\n"
        "    article            9          2    1.9  89.5\n"
        "  sources: 0 (0 named, 0 on the record, 0 anonymous); clauses: 3, 3 in the reporter's own voice\n"
        "  repeated phrases: none\n"
        "  most used words: council ×2\n"
        "\n"
        "0 findings (0 errors, 0 warnings, 0 info) in 1 file\n"
    )


def test_stdin_format_and_per_glob_input_formats(runner, tmp_path):
    story = "Moscow **may** talk.\n\n> Critics may object.\n"
    result = runner.invoke(
        app, ["check", "--profile", "all", "-f", "line", "--stdin-format", "markdown", "-"], input=story
    )
    assert (
        result.stdout
        == "-:1:10: warning [hedging.modal] 'may' hedges the claim — state what is known, or attribute it\n"
    )
    assert runner.invoke(app, ["check", "--profile", "all", "--stdin-format", "rtf", "-"], input=story).exit_code == 2
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "story.txt").write_text(story, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text('input_formats:\n  "copy/*.txt": markdown\n', encoding="utf-8")
    out = runner.invoke(app, ["check", "--profile", "all", "-f", "line", str(tmp_path / "copy" / "story.txt")]).stdout
    assert out.count("hedging.modal") == 1  # as plain text the block-quoted "may" would count too


# The story has 1 error and 1 warning: --max-warnings counts both.
@pytest.mark.parametrize(
    ("options", "code"),
    [
        (["--max-warnings", "2"], 1),  # --fail-on warning (default) still applies
        (["--fail-on", "never", "--max-warnings", "2"], 0),
        (["--fail-on", "never", "--max-warnings", "1"], 1),
        (["--fail-on", "error", "--max-warnings", "5"], 1),  # the error fails it
        (["--fail-on", "never", "--max-warnings", "0"], 1),
    ],
)
def test_max_warnings(runner, story, options, code):
    result = runner.invoke(app, ["check", "--profile", "all", "-f", "line", *options, str(story)])
    assert result.exit_code == code
    over = "newslint: 2 warnings and errors, more than --max-warnings"
    assert (over in result.stderr) == (options[-1] in ("0", "1"))


def test_max_warnings_ignores_info_and_hidden_findings(runner, tmp_path):
    path = tmp_path / "w.txt"
    path.write_text("The minister will resign, sources said. The deal may collapse.\n", encoding="utf-8")
    args = ["check", "--profile", "all", "--fail-on", "never", "--max-warnings", "0", str(path)]
    assert runner.invoke(app, args).exit_code == 1
    assert runner.invoke(app, [*args, "--ignore", "hedging"]).exit_code == 0  # only info left
    assert runner.invoke(app, [*args, "--min-severity", "error"]).exit_code == 0


def test_max_warnings_must_not_be_negative(runner, story):
    result = runner.invoke(app, ["check", "--max-warnings", "-1", str(story)])
    assert result.exit_code == 2
    assert "Invalid value for '--max-warnings': -1 is not in the range x>=0." in result.stderr


def test_output_writes_the_report_to_a_file(runner, story, tmp_path):
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    result = runner.invoke(app, ["check", "--profile", "all", "-f", "json", "-o", str(report), str(story)])
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["files"] == 1
    assert [p.name for p in report.parent.iterdir()] == ["report.json"]  # no temporary file left
    bad = runner.invoke(app, ["check", "--profile", "all", "-o", str(tmp_path / "missing" / "r.txt"), str(story)])
    assert bad.exit_code == 2 and "cannot write the report" in bad.stderr


def test_command_annotations_are_objects_not_strings():
    """typer reads each command's annotations at every start; from strings (a
    `from __future__ import annotations` in cli.py) that took 20 ms of every run."""
    import inspect

    callbacks = [command.callback for command in app.registered_commands]
    callbacks.append(app.registered_callback.callback)
    assert len(callbacks) >= 5
    for callback in callbacks:
        for parameter in inspect.signature(callback).parameters.values():
            assert not isinstance(parameter.annotation, str), (callback.__name__, parameter.name)


def test_the_option_choices_are_the_modules_and_severities_that_exist():
    """The command line's click types read newslint.choices; what they list must be what
    newslint implements."""
    import importlib

    from newslint.choices import FAIL_ON, REPORT_FORMATS, SEVERITIES
    from newslint.model import Severity

    assert [importlib.import_module(f"newslint.formats.{name}").__name__ for name in REPORT_FORMATS]
    assert sorted(SEVERITIES) == sorted(severity.name.lower() for severity in Severity)
    assert set(FAIL_ON) - set(SEVERITIES) == {"never"}


@pytest.mark.parametrize(
    ("option", "value"),
    [("--jobs", "0"), ("--rule-timeout", "-1"), ("--min-severity", "loud"), ("--fail-on", "sometimes")],
)
def test_option_values_are_checked_by_their_click_types(runner, story, option, value):
    result = runner.invoke(app, ["check", option, value, str(story)])
    assert result.exit_code == 2
    assert f"Invalid value for '{option}'" in result.stderr
