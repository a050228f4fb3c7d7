"""A damaged result cache is never trusted (issue 20, item 4).

An entry whose JSON was changed but still parses used to be read as the file's result:
`"paragraph": 99` gave an IndexError traceback in the text report, `"start": "5"` a
TypeError, and an edited message was printed as newslint's. Each entry now carries a
digest of its record; one that disagrees is a miss, and the file is analysed again.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newslint.cli import app

STORY = "The plan may fail.\n\nOfficials will probably approve it.\n"


def _check(tmp_path: Path, *extra: str):
    # The `all` profile: the story's hedges are info in `news` since issue 19, and these
    # tests want cached findings that fail the run, so a damaged entry would show.
    return CliRunner().invoke(
        app, ["check", "--profile", "all", "--cache-dir", str(tmp_path / "cache"), *extra, str(tmp_path / "story.txt")]
    )


def _pack(tmp_path: Path) -> Path:
    [pack] = (tmp_path / "cache").rglob("*.pack")
    return pack


def _edit_records(pack: Path, edit) -> None:
    """Rewrite each entry's record through `edit`, leaving the rest of its line alone."""
    lines = []
    for line in pack.read_text(encoding="utf-8").splitlines():
        head, _, record = line.rpartition("\t")
        data = json.loads(record)
        edit(data)
        lines.append(f"{head}\t{json.dumps(data, ensure_ascii=False)}")
    pack.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _paragraph_99(data):
    data["findings"][0]["paragraph"] = 99


def _start_as_text(data):
    data["findings"][0]["start"] = str(data["findings"][0]["start"])


def _message(data):
    data["findings"][0]["message"] = "all clear, publish it"


def _dropped(data):
    data["findings"] = []


@pytest.mark.parametrize("edit", [_paragraph_99, _start_as_text, _message, _dropped])
@pytest.mark.parametrize("output_format", ["text", "json"])
def test_an_edited_entry_is_analysed_again(tmp_path, edit, output_format):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    fresh = _check(tmp_path, "-f", output_format)
    assert fresh.exit_code == 1, fresh.output
    _edit_records(_pack(tmp_path), edit)
    again = _check(tmp_path, "-f", output_format)
    assert "Traceback" not in again.output
    assert again.exception is None or isinstance(again.exception, SystemExit)
    assert (again.exit_code, again.stdout) == (fresh.exit_code, fresh.stdout)
    # ... and the entry is replaced by a good one, which the next run reads.
    assert (_check(tmp_path, "-f", output_format).stdout) == fresh.stdout


def test_any_flipped_byte_in_the_pack_changes_nothing(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    fresh = _check(tmp_path)
    pack = _pack(tmp_path)
    good = pack.read_bytes()
    for position in range(0, len(good), max(1, len(good) // 60)):
        pack.write_bytes(good[:position] + bytes([good[position] ^ 0x01]) + good[position + 1 :])
        again = _check(tmp_path)
        assert (again.exit_code, again.stdout) == (fresh.exit_code, fresh.stdout), position


def test_no_cache_reads_only_verified_copies(tmp_path):
    """--no-cache reads no result cache; the one thing it still reads from the cache
    folder, the shipped rules' parsed copy, is used only when its digest agrees."""
    from newslint.files import default_cache_dir

    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    fresh = _check(tmp_path, "--no-cache")
    assert "probably" in fresh.stdout
    [copy] = default_cache_dir().glob("rules-*.marshal")
    copy.write_bytes(copy.read_bytes().replace(b"probably", b"qrobably"))
    again = _check(tmp_path, "--no-cache")
    assert (again.exit_code, again.stdout) == (fresh.exit_code, fresh.stdout)
    assert not (tmp_path / "cache").exists()  # and no result cache was written or read
