"""Bad bytes and bad paths (issue 9): one-line errors naming the file, the rest of the
batch still checked, exit code 2, never a traceback."""

from __future__ import annotations

import json
import os

import pytest

from newslint.cli import app

STORY = "Rates may rise.\n"


def _check(runner, *args):
    result = runner.invoke(app, ["check", "-f", "line", *map(str, args)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_invalid_utf8_names_the_byte_offset_and_the_batch_completes(runner, tmp_path):
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_bytes("Héllo wörld, ".encode() + b"caf\xe9\n")
    good.write_text(STORY, encoding="utf-8")
    result = _check(runner, bad, good)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"newslint: error: {bad}: not valid UTF-8 (byte 18: b'\\xe9')"
    assert f"{good}:1:7:" in result.stdout


def test_encoding_option_decodes_legacy_files_with_character_columns(runner, tmp_path):
    story = tmp_path / "latin.txt"
    story.write_bytes("Café owners may close.\n".encode("latin-1"))
    # The `all` profile: the hedge that shows the column is info in `news` (issue 19).
    result = _check(runner, "--profile", "all", "--encoding", "latin-1", story)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{story}:1:13: warning [hedging.modal]")


def test_unknown_encoding_is_a_usage_error(runner, tmp_path):
    story = tmp_path / "s.txt"
    story.write_text(STORY, encoding="utf-8")
    result = _check(runner, "--encoding", "klingon-8", story)
    assert result.exit_code == 2
    assert result.stderr.strip() == "newslint: error: --encoding: unknown encoding 'klingon-8'"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_read_whatever_encoding_says(runner, tmp_path, codec):
    story = tmp_path / "wide.txt"
    bom = {"utf-16-be": b"\xfe\xff"}.get(codec, b"")
    story.write_bytes(bom + "Headline\r\n\r\nRates may rise.\r\n".encode(codec))
    result = _check(runner, "--profile", "all", story)  # the hedge is info in `news` (issue 19)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{story}:3:7: warning [hedging.modal]")


def test_invalid_utf16_names_the_byte_offset(runner, tmp_path):
    story = tmp_path / "wide.txt"
    prefix = "Rates may rise. " * 10  # 320 bytes after the 2-byte BOM
    story.write_bytes(b"\xff\xfe" + prefix.encode("utf-16-le") + b"\x00\xd8" + "a.".encode("utf-16-le"))
    result = _check(runner, story)  # a lone surrogate
    assert result.exit_code == 2
    assert result.stderr.strip() == f"newslint: error: {story}: not valid UTF-16 (byte 322: b'\\x00')"


def test_binary_file_found_by_a_walk_is_skipped_with_a_notice(runner, tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    result = _check(runner, "--fail-on", "never", tmp_path)
    assert result.exit_code == 0
    assert result.stderr == f"newslint: skipped binary file {tmp_path / 'photo.txt'}\n"
    assert "story.txt:1:7:" in result.stdout


def test_binary_file_named_explicitly_is_an_error(runner, tmp_path):
    photo = tmp_path / "photo.txt"
    photo.write_bytes(bytes(range(256)) * 4)
    result = _check(runner, photo)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"newslint: error: {photo}: looks like a binary file")
    assert len(result.stderr.splitlines()) == 1


def test_a_few_stray_bytes_are_a_decoding_error_not_a_binary_file(runner, tmp_path):
    story = tmp_path / "story.txt"
    story.write_bytes(b"Caf\xe9 owners may close.\n" * 3)
    (tmp_path / "other.txt").write_text(STORY, encoding="utf-8")
    result = _check(runner, tmp_path)  # found by the walk, and still reported
    assert result.exit_code == 2
    assert f"{story}: not valid UTF-8 (byte 3" in result.stderr


def test_empty_file(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = _check(runner, empty)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_symlink_loops_are_per_file_errors(runner, tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)  # a folder loop: not followed
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    result = _check(runner, tmp_path)
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert errors == [
        f"newslint: error: {tmp_path / 'a.txt'}: Too many levels of symbolic links",
        f"newslint: error: {tmp_path / 'b.txt'}: Too many levels of symbolic links",
    ]
    assert result.stdout.count("story.txt:1:7:") == 1


def test_named_symlink_loop_is_an_error(runner, tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "a.txt")
    result = _check(runner, tmp_path / "a.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"newslint: error: {tmp_path / 'a.txt'}: ")


needs_permissions = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root reads anything, so nothing is unreadable"
)


@needs_permissions
def test_unreadable_file_and_folder_are_errors_and_the_batch_completes(runner, tmp_path):
    locked_file, locked_folder = tmp_path / "locked.txt", tmp_path / "desk"
    locked_file.write_text(STORY, encoding="utf-8")
    locked_folder.mkdir()
    (locked_folder / "hidden.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    locked_file.chmod(0)
    locked_folder.chmod(0)
    try:
        result = _check(runner, tmp_path)
    finally:
        locked_file.chmod(0o644)
        locked_folder.chmod(0o755)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"newslint: error: {locked_file}: Permission denied",
        f"newslint: error: {locked_folder}: Permission denied",
    ]
    assert "story.txt:1:7:" in result.stdout


def test_file_that_disappears_between_walk_and_read(runner, tmp_path, monkeypatch):
    from newslint import linter as linter_module

    doomed, kept = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (doomed, kept):
        path.write_text(STORY, encoding="utf-8")
    walk = linter_module.expand_paths

    def walk_then_delete(paths, linter):
        for item in walk(paths, linter):
            if item == str(doomed):
                doomed.unlink()
            yield item

    monkeypatch.setattr(linter_module, "expand_paths", walk_then_delete)
    result = _check(runner, tmp_path)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"newslint: error: {doomed}: no such file"
    assert "b.txt:1:7:" in result.stdout


def test_a_bug_on_one_file_is_a_one_line_error_and_the_batch_completes(runner, tmp_path, monkeypatch):
    from newslint import analysis as analysis_module  # the linter imports analyse when it analyses

    cursed, fine = tmp_path / "a.txt", tmp_path / "b.txt"
    cursed.write_text("Cursed.\n", encoding="utf-8")
    fine.write_text(STORY, encoding="utf-8")
    analyse = analysis_module.analyse

    def buggy(text, *args, **kwargs):
        if text.startswith("Cursed"):
            raise IndexError("list index out of range\nwith a second line")
        return analyse(text, *args, **kwargs)

    monkeypatch.setattr(analysis_module, "analyse", buggy)
    result = _check(runner, tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"newslint: error: {cursed}: internal error, please report it: "
        "IndexError: list index out of range with a second line\n"
        "newslint: run again with --verbose for the traceback to include in the report\n"
    )
    assert "b.txt:1:7:" in result.stdout


def test_verbose_keeps_an_internal_errors_whole_message_and_traceback(runner, tmp_path, monkeypatch):
    """Issue 18: the one-line error keeps 200 characters and no traceback; --verbose
    shows the traceback, whole, so the user can report the bug."""
    from newslint import analysis as analysis_module

    story = tmp_path / "a.txt"
    story.write_text("Cursed.\n", encoding="utf-8")
    long_message = "x" * 300 + " the end of the message"

    def buggy(text, *args, **kwargs):
        raise IndexError(long_message)

    monkeypatch.setattr(analysis_module, "analyse", buggy)
    result = runner.invoke(app, ["check", "--no-cache", "--verbose", str(story)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"newslint: error: {story}: internal error, please report it: IndexError: xxx")
    assert lines[1] == "Traceback (most recent call last):"
    assert "in buggy" in result.stderr and lines[-1] == f"IndexError: {long_message}"
    assert "--verbose" not in result.stderr


needs_fifos = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


@needs_fifos
def test_a_named_pipe_where_a_cache_file_should_be_is_a_miss_not_a_hang(tmp_path):
    """Issue 20: a FIFO in the cache folder (the result pack, a parsed copy) hung the run
    on open. Every cache file is a miss unless it is a regular file; a subprocess with a
    time limit, so a regression fails instead of hanging the suite."""
    import subprocess
    import sys

    story, cache, copies = tmp_path / "story.txt", tmp_path / "results", tmp_path / "xdg"
    story.write_text("Both sides signed the the deal. Rates may rise.\n", encoding="utf-8")
    command = [sys.executable, "-m", "newslint", "check", "-f", "line", "--cache-dir", str(cache), str(story)]
    environment = {**os.environ, "XDG_CACHE_HOME": str(copies)}
    first = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300)
    cache_files = [path for path in [*cache.rglob("*"), *copies.rglob("*")] if path.is_file()]
    assert any(path.suffix == ".pack" for path in cache_files) and any(p.suffix == ".marshal" for p in cache_files)
    for path in cache_files:
        path.unlink()
        os.mkfifo(path)
    again = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=120)
    assert (again.returncode, again.stdout, again.stderr) == (first.returncode, first.stdout, first.stderr)


@needs_fifos
def test_the_result_cache_never_writes_through_a_named_pipe(tmp_path):
    from newslint.cache import ResultCache

    cache = ResultCache(tmp_path)
    cache.folder.mkdir(parents=True)
    pipe = cache.folder / "run.pack"
    os.mkfifo(pipe)
    # Both ends open, so that neither reading nor writing blocks (a regression must fail,
    # not hang) and a write would go through to `reader`.
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    writer = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
    try:
        assert cache.get("run", "0" * 64) is None
        cache.put("run", "0" * 64, {"findings": []})
        with pytest.raises(BlockingIOError):
            os.read(reader, 1)  # nothing was written into the pipe
    finally:
        os.close(writer)
        os.close(reader)


def test_a_story_over_max_file_size_is_refused_before_it_is_read(runner, tmp_path):
    """Issue 20: a 50 MB story was killed at 4.1 GB of memory. A file over the limit is a
    one-line error naming it and the limit (exit 2), the rest of the batch is checked."""
    huge, story = tmp_path / "huge.txt", tmp_path / "story.txt"
    huge.write_text("Rates may rise. " * 75_000, encoding="utf-8")  # 1.2 MB
    story.write_text(STORY, encoding="utf-8")
    result = _check(runner, "--max-file-size", "1", huge, story)
    assert result.exit_code == 2
    assert result.stderr == (
        f"newslint: error: {huge}: 1.2 MB, more than --max-file-size 1 MB; not checked (0: no limit)\n"
    )
    assert f"{story}:1:7:" in result.stdout and str(huge) not in result.stdout


def test_the_default_file_size_limit_is_10_mb_and_0_lifts_it(runner, tmp_path):
    sparse = tmp_path / "sparse.txt"
    with sparse.open("wb") as handle:
        handle.truncate(10_000_001)  # read, it would be 10 MB of NUL bytes
    result = _check(runner, sparse)
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("10.0 MB, more than --max-file-size 10 MB; not checked (0: no limit)")
    story = tmp_path / "story.txt"
    story.write_text("Rates may rise. " * 75_000, encoding="utf-8")
    assert _check(runner, "--max-file-size", "0", "--fail-on", "never", story).exit_code == 0
    assert _check(runner, "--max-file-size", "1.5", "--fail-on", "never", story).exit_code == 0


def test_standard_input_over_max_file_size_is_refused(runner):
    result = runner.invoke(app, ["check", "--max-file-size", "0.001", "-"], input="Rates may rise. " * 100)
    assert result.exit_code == 2
    assert result.stderr == (
        "newslint: error: <stdin>: more than --max-file-size 0.001 MB; not checked (0: no limit)\n"
    )


# Issue 20, item 14: a file that is not what a story should be is never skipped silently.


@pytest.mark.parametrize("found_by_the_walk", [False, True])
def test_a_short_latin1_story_is_a_decoding_error_naming_the_byte(runner, tmp_path, found_by_the_walk):
    story = tmp_path / "story.txt"
    story.write_bytes(b"Caf\xe9 cr\xe8me.\n")  # a fifth of its characters undecodable: it was "binary"
    (tmp_path / "other.txt").write_text(STORY, encoding="utf-8")
    result = _check(runner, tmp_path if found_by_the_walk else story)
    assert result.exit_code == 2
    assert result.stderr == f"newslint: error: {story}: not valid UTF-8 (byte 3: b'\\xe9')\n"


@pytest.mark.parametrize("found_by_the_walk", [False, True])
def test_a_nul_byte_late_in_a_story_is_an_error_naming_the_byte(runner, tmp_path, found_by_the_walk):
    story = tmp_path / "story.txt"
    story.write_bytes(b"Rates may rise. " * 125 + b"\x00" + b"Rates may fall.\n")  # NUL at byte 2000
    (tmp_path / "other.txt").write_text(STORY, encoding="utf-8")
    result = _check(runner, tmp_path if found_by_the_walk else story)
    assert result.exit_code == 2
    assert result.stderr == f"newslint: error: {story}: not text: a NUL character at byte 2000\n"


def test_a_nul_character_in_utf16_is_named_by_its_byte(runner, tmp_path):
    story = tmp_path / "story.txt"
    story.write_bytes(b"\xff\xfe" + ("Rates may rise. " * 40 + "\x00").encode("utf-16-le"))
    result = _check(runner, story)
    assert result.stderr == f"newslint: error: {story}: not text: a NUL character at byte 1282\n"


def test_binary_files_found_by_a_walk_are_counted_and_listed_in_the_summary(runner, tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "scan.md").write_bytes(bytes(range(1, 32)) * 20)  # control characters, no NUL
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["check", "--fail-on", "never", str(tmp_path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == (
        "1 finding (0 errors, 0 warnings, 1 info) in 1 file; "
        f"2 binary files skipped: {tmp_path / 'photo.txt'}, {tmp_path / 'scan.md'}"
    )
    as_json = runner.invoke(app, ["check", "-f", "json", "--fail-on", "never", str(tmp_path)])
    skipped = [str(tmp_path / "photo.txt"), str(tmp_path / "scan.md")]
    assert json.loads(as_json.stdout)["summary"]["skipped_binary"] == skipped


def test_a_binary_file_named_explicitly_is_an_error_naming_the_byte(runner, tmp_path):
    photo = tmp_path / "photo.txt"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = _check(runner, photo)
    assert result.exit_code == 2
    assert result.stderr == f"newslint: error: {photo}: looks like a binary file (a NUL byte at byte 8)\n"
