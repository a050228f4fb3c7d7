"""--fix: suggestions of fixable rules applied atomically, never inside quotations."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from newslint.cli import app

HOUSE_RULE = """id: house.doubled
kind: pattern
severity: warning
description: Doubled words.
message: "doubled '{match}'"
fixable: true
docs:
  why: A doubled word is a typo.
  bad: ["the the deal"]
  good: ["the deal"]
patterns:
  - pattern: '\\b(?P<word>the|a|to) \\s*(?P=word)\\b'
    suggestion: "{word}"
"""


def _repo(tmp_path, story_text):
    rules = tmp_path / "house" / "house"
    rules.mkdir(parents=True)
    (rules / "doubled.yaml").write_text(HOUSE_RULE.replace('"{word}"', '"the"'), encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule_paths: [house]\nselect: [house, hedging]\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_bytes(story_text.encode("utf-8"))
    return story


def test_fix_rewrites_outside_quotes_and_reports_what_is_left(runner, tmp_path):
    story = _repo(tmp_path, 'Under the plan, the the deal may close.\r\n\r\n"Sign the the papers," she said.\r\n')
    os.chmod(story, 0o640)
    # The `all` profile: what is left is a hedge, info in `news` since issue 19, and the
    # run must still fail on it.
    result = runner.invoke(app, ["check", "--profile", "all", "--fix", "-f", "line", str(story)])
    assert story.read_bytes() == b'Under the plan, the deal may close.\r\n\r\n"Sign the the papers," she said.\r\n'
    assert stat.S_IMODE(story.stat().st_mode) == 0o640
    assert f"fixed 1 finding in {story}" in result.stderr
    assert result.stdout.startswith(f"{story}:1:26: warning [hedging.modal]")  # positions after the fix
    assert result.exit_code == 1
    again = runner.invoke(app, ["check", "--profile", "all", "--fix", "-f", "line", str(story)])  # idempotent
    assert "fixed" not in again.stderr and story.read_bytes().startswith(b"Under the plan, the deal may")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".newslint-tmp")]


def test_fix_dry_run_prints_a_diff_and_writes_nothing(runner, tmp_path):
    story = _repo(tmp_path, "Both sides signed the the deal.\n")
    result = runner.invoke(app, ["check", "--fix", "--dry-run", str(story)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[2:] == [
        "@@ -1 +1 @@",
        "-Both sides signed the the deal.",
        "+Both sides signed the deal.",
    ]
    assert story.read_text(encoding="utf-8") == "Both sides signed the the deal.\n"


def test_fix_refuses_a_file_changed_since_it_was_read(tmp_path):
    import hashlib

    from newslint.errors import InputError
    from newslint.fixes import Edit, write_fixed

    story = tmp_path / "s.txt"
    story.write_text("old", encoding="utf-8")
    digest = hashlib.sha256(b"older").hexdigest()
    try:
        write_fixed(str(story), digest, "older", [Edit(0, 5, "new", "house.doubled")])
    except InputError as exc:
        assert "changed since it was read" in str(exc)
    else:
        raise AssertionError("wrote over a changed file")
    assert story.read_text(encoding="utf-8") == "old"


def test_fix_needs_files(runner):
    assert runner.invoke(app, ["check", "--fix", "-"], input="x").exit_code == 2
    assert runner.invoke(app, ["check", "--dry-run", "x.txt"]).exit_code == 2


def test_built_in_and_house_fixes(runner, tmp_path):
    """repetition.doubled (built in) and the example house style's substitutions are
    fixable; the case of the text is kept and quotations are left alone."""
    house = Path(__file__).resolve().parents[2] / "examples" / "house-style"
    story = tmp_path / "story.txt"
    story.write_text(
        "Officials signed the the\ndeal Towards noon, whilst it rained.\n\n"
        '"Whilst we wait, towards the end," she said.\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", "--fix", "--config", str(house / ".newslint.yaml"), str(story)])
    assert "fixed 3 findings" in result.stderr
    assert story.read_text(encoding="utf-8") == (
        'Officials signed the\ndeal Toward noon, while it rained.\n\n"Whilst we wait, towards the end," she said.\n'
    )


def test_fix_writes_back_in_the_encoding_it_read(runner, tmp_path):
    story = _repo(tmp_path, "")
    story.write_bytes(b"\xff\xfe" + "Both sides signed the the deal.\r\n".encode("utf-16-le"))
    result = runner.invoke(app, ["check", "--fix", str(story)])
    assert "fixed 1 finding" in result.stderr
    assert story.read_bytes() == b"\xff\xfe" + "Both sides signed the deal.\r\n".encode("utf-16-le")


def test_fix_refuses_a_suggestion_the_files_encoding_cannot_hold(runner, tmp_path):
    from newslint.errors import InputError
    from newslint.fixes import Edit, write_fixed
    from newslint.source import Encoding

    story = tmp_path / "s.txt"
    story.write_bytes(b"caf\xe9")
    import hashlib

    with pytest.raises(InputError, match="cannot be written in latin-1"):
        write_fixed(
            str(story),
            hashlib.sha256(b"caf\xe9").hexdigest(),
            "caf\xe9",
            [Edit(4, 4, " 🚀", "house.x")],
            Encoding("latin-1"),
        )
    assert story.read_bytes() == b"caf\xe9"


def test_fix_uses_the_rules_of_the_files_own_profile(runner, tmp_path, monkeypatch):
    """Issue 18: --fix built its rules without the file's `path_profiles` profile, so a
    fix `check` reported under that profile was never applied. Here the config's default
    profile switches the fixable rule off and the opinion folder's profile keeps it."""
    from newslint import config as config_module

    real = config_module.load_profile

    def news_without_doubled(name, **kwargs):
        profile = real(name, **kwargs)
        if name != "news":
            return profile
        rules = {**profile.rules, "repetition.doubled": {"enabled": False}}
        return config_module.Profile(profile.name, profile.description, rules, profile.document)

    monkeypatch.setattr(config_module, "load_profile", news_without_doubled)
    (tmp_path / ".newslint.yaml").write_text(
        'profile: news\nselect: [repetition.doubled]\npath_profiles:\n  "opinion/**": opinion\n', encoding="utf-8"
    )
    column = tmp_path / "opinion" / "column.txt"
    column.parent.mkdir()
    column.write_text("The mayor said the the budget was balanced.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    checked = runner.invoke(app, ["check", "-f", "line", "opinion/column.txt"])
    assert "[repetition.doubled]" in checked.stdout  # reported under the file's profile ...
    fixed = runner.invoke(app, ["check", "--fix", "-f", "line", "opinion/column.txt"])
    assert column.read_text(encoding="utf-8") == "The mayor said the budget was balanced.\n"  # ... and fixed
    assert fixed.exit_code == 0 and "fixed 1 finding" in fixed.stderr


# Issue 20, item 19: --fix writes back the exact bytes of everything outside the fixed
# spans, whatever the encoding.


def test_fix_with_utf8_sig_adds_no_bom_to_a_file_that_had_none(runner, tmp_path):
    story = _repo(tmp_path, "Both sides signed the the deal.\n")
    result = runner.invoke(app, ["check", "--encoding", "utf-8-sig", "--fix", str(story)])
    assert "fixed 1 finding" in result.stderr
    assert story.read_bytes() == b"Both sides signed the deal.\n"


def test_fix_keeps_cp932_bytes_that_another_encoder_would_write_differently(runner, tmp_path):
    # NEC's row 13 "≒" (87 90) and IBM's extension "￢" (FA 54) decode to characters
    # cp932 encodes as 81 E0 and 81 CA: encoding the whole text again changed bytes the
    # fix never touched.
    story = _repo(tmp_path, "")
    story.write_bytes(b"\x87\x90\xfa\x54 Both sides signed the the deal.\r\n")
    result = runner.invoke(app, ["check", "--encoding", "cp932", "--fix", str(story)])
    assert "fixed 1 finding" in result.stderr
    assert story.read_bytes() == b"\x87\x90\xfa\x54 Both sides signed the deal.\r\n"


def test_a_utf16_file_without_a_bom_is_read_and_fixed_when_its_encoding_is_named(runner, tmp_path):
    story = _repo(tmp_path, "")
    story.write_bytes("Both sides signed the the deal.\r\n".encode("utf-16-le"))
    result = runner.invoke(app, ["check", "-f", "line", "--encoding", "utf-16-le", str(story)])
    assert result.exit_code == 1 and f"{story}:1:19: warning [house.doubled]" in result.stdout
    result = runner.invoke(app, ["check", "--encoding", "utf-16-le", "--fix", str(story)])
    assert "fixed 1 finding" in result.stderr
    assert story.read_bytes() == "Both sides signed the deal.\r\n".encode("utf-16-le")  # and still no BOM
    # Not named, the same bytes are still binary: the NUL bytes say so.
    assert "looks like a binary file" in runner.invoke(app, ["check", str(story)]).stderr


# Pieces of a story, each as bytes its codec decodes on its own: plain words, accented
# and CJK letters, line breaks, and bytes the codec decodes to a character it would
# encode otherwise (cp932's NEC and IBM duplicates).
_PIECES = ["Rates ", "rose ", "Café ", "naïve ", "東京 ", "新聞 ", "€ ", "\r\n", "\n", "\n\n", "plan. ", "Ünter "]
# (Not both "ⅰ" and "Ⅰ": one after the other, they are a doubled word.)
_VARIANTS = {"cp932": [b"\x87\x90", b"\x87\x9a", b"\xfa\x5b", b"\xfa\x54", b"\xfa\x40"]}
_CODECS = [
    *("utf-8", "utf-8-sig", "latin-1", "cp1252", "cp932", "euc-jp", "gb18030", "big5", "koi8-r", "utf-16-le"),
    "iso2022_jp",  # shift states: each piece ends in ASCII
]
_BOMS = {"utf-8-sig": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe"}


def _piece_bytes(codec: str) -> list[bytes]:
    encodable = []
    for piece in _PIECES:
        try:
            encodable.append(piece.encode("utf-8" if codec == "utf-8-sig" else codec))
        except UnicodeEncodeError:
            continue
    return encodable + _VARIANTS.get(codec, [])


@pytest.mark.parametrize("codec", _CODECS)
def test_fix_leaves_every_byte_outside_the_fixed_spans_as_it_was(tmp_path, codec):
    """Property: a story made of pieces, each as raw bytes, with doubled words between
    them; --fix replaces the doubled words' bytes and nothing else, BOM or none."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from newslint.fixes import fix_results
    from newslint.linter import Linter, Options

    (tmp_path / ".newslint.yaml").write_text("select: [repetition.doubled]\n", encoding="utf-8")
    linter = Linter(Options(encoding=codec))
    story = tmp_path / "story.txt"
    unit = "utf-8" if codec == "utf-8-sig" else codec
    # Each piece at most once in a filler: a piece twice in a row would be a doubled word.
    filler = st.lists(st.sampled_from(_piece_bytes(codec)), max_size=6, unique=True).map(b"".join)

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(fillers=st.lists(filler, min_size=1, max_size=4), bom=st.booleans())
    def fixed_only_the_doubled_words(fillers, bom):
        mark = _BOMS.get(codec, b"") if bom else b""
        doubled, single = " the the ".encode(unit), " the ".encode(unit)
        story.write_bytes(mark + doubled.join(fillers))
        expected = mark + single.join(fillers)
        fixed, _ = fix_results([linter.lint_path(str(story))], linter, dry_run=False, say=lambda line: None)
        assert fixed[0].error is None, fixed[0].error
        assert story.read_bytes() == expected

    fixed_only_the_doubled_words()


def test_planning_fixes_grows_linearly_with_the_story(tmp_path):
    """Issue 20, item 8: each fix was held against every quotation, text run and block,
    so 16,000 fixes in a Markdown story took 40 s. The work at n and 4n, in the same run
    (best of three each): about 4 times for linear work, 16 for quadratic."""
    import time

    from newslint.fixes import Markup, plan_edits
    from newslint.linter import Linter, Options

    (tmp_path / ".newslint.yaml").write_text("select: [repetition.doubled]\n", encoding="utf-8")
    linter = Linter(Options())

    def seconds(paragraphs: int) -> float:
        story = tmp_path / f"story{paragraphs}.md"
        story.write_text('Both signed the the deal, "she said."\n\n' * paragraphs, encoding="utf-8")
        result = linter.lint_path(str(story))
        rules = linter.rules_of_file(str(story))
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            edits = plan_edits(result, rules, Markup("markdown"))
            timings.append(time.perf_counter() - started)
        assert len(edits) == paragraphs
        return min(timings)

    assert seconds(4_000) / seconds(1_000) < 8
