"""Reading archives: partitions that cover every record once, and bad records counted
with their place instead of stopping the run (issue 22)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from newslint.audit.sources import (
    BadRecord,
    Fields,
    Partition,
    Story,
    front_matter,
    parse_date,
    plan,
    read,
)


def _read_all(
    source: Path, per_partition: int, fields: Fields | None = None, max_megabytes: float | None = None
) -> list[Story | BadRecord]:
    items: list[Story | BadRecord] = []
    for part in plan(
        str(source), per_partition, walk=lambda folder: iter(sorted(str(p) for p in Path(folder).iterdir()))
    ):
        if isinstance(part, Partition):
            items.extend(
                read(
                    part,
                    fields or Fields(),
                    lambda path: "markdown" if path.endswith(".md") else "text",
                    max_megabytes,
                )
            )
        else:
            items.append(part)
    return items


@pytest.mark.parametrize("per_partition", [1, 3, 7, 100])
def test_jsonl_partitions_cover_each_record_once_in_order(archive, per_partition):
    stories = _read_all(archive, per_partition)
    assert [story.name for story in stories] == [f"story-{index}" for index in range(48)]
    assert all(story.metadata["desk"] for story in stories) and "text" not in stories[0].metadata


def test_bad_jsonl_records_are_listed_with_their_line(tmp_path, records):
    good = [json.dumps(record) for record in records(2)]
    lines = [
        good[0].encode(),
        b"{not json",
        b"",
        json.dumps({"id": "x", "headline": "no text"}).encode(),
        b'{"text": "caf\xe9 au lait"}',
        json.dumps({"text": "   "}).encode(),
        b"[1, 2]",
        good[1].encode(),
    ]
    source = tmp_path / "mixed.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    items = _read_all(source, per_partition=3)
    bad = {item.number: item.reason for item in items if isinstance(item, BadRecord)}
    assert [item.name for item in items if isinstance(item, Story)] == ["story-0", "story-1"]
    assert set(bad) == {2, 3, 4, 5, 6, 7}
    assert bad[2].startswith("malformed JSON")
    assert bad[3] == "empty line"
    assert bad[4] == "no 'text' field"
    assert bad[5].startswith("not valid UTF-8")
    assert bad[6] == "empty story"
    assert bad[7] == "not a JSON object"
    assert BadRecord(str(source), 2, "x").location == f"{source}:2"


def test_csv_rows_with_line_breaks_in_a_field_split_on_row_boundaries(tmp_path):
    source = tmp_path / "stories.csv"
    source.write_bytes(
        b"id,desk,text\n"
        b'a,metro,"First paragraph.\n\nSecond, with a comma."\n'
        b"b,sport,One line.\n"
        b'c,metro,"Quoted ""word"" here."\n'
        b"d,metro\n"
        b'e,sport,"caf\xe9"\n'
    )
    items = _read_all(source, per_partition=2)
    stories = [item for item in items if isinstance(item, Story)]
    assert [story.name for story in stories] == ["a", "b", "c"]
    assert stories[0].text == "First paragraph.\n\nSecond, with a comma."
    assert stories[2].text == 'Quoted "word" here.'
    bad = [item for item in items if isinstance(item, BadRecord)]
    assert [(record.number, record.reason) for record in bad] == [
        (5, "2 fields where the header has 3"),
        (6, "not valid UTF-8"),
    ]


def test_folder_stories_take_their_metadata_from_front_matter(tmp_path):
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "a.md").write_text("---\ndesk: metro\ndate: 2024-02-03\n---\n\nThe council met.\n", "utf-8")
    (folder / "b.txt").write_text("---\nauthor: Kim\n---\nThe river rose.\n", "utf-8")
    (folder / "c.txt").write_text("---\n: [unclosed\n---\nText.\n", "utf-8")
    (folder / "d.txt").write_text("   \n", "utf-8")
    (folder / "e.txt").write_bytes(b"The caf\xe9 closed.")
    items = _read_all(folder, per_partition=2)
    by_name = {Path(item.name if isinstance(item, Story) else item.source).name: item for item in items}
    assert by_name["a.md"].metadata == {"desk": "metro", "date": "2024-02-03"}
    assert by_name["a.md"].text.startswith("---")  # the Markdown front end blanks it itself
    assert by_name["b.txt"].text == "The river rose.\n" and by_name["b.txt"].metadata == {"author": "Kim"}
    assert by_name["c.txt"].reason.startswith("front matter is not valid YAML")
    assert by_name["d.txt"].reason == "empty story"
    assert by_name["e.txt"].reason.startswith("not valid UTF-8")


def test_a_story_over_max_file_size_is_a_bad_record_not_read_into_the_run(tmp_path):
    """As `check --max-file-size` refuses a file: a story file, JSON Lines record or CSV
    row over the limit is counted unreadable with its size, and the rest are read."""
    big = "The council met. " * 4_000  # 68,000 bytes
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "big.txt").write_text(big, "utf-8")
    (folder / "small.txt").write_text("The river rose.\n", "utf-8")
    jsonl = tmp_path / "stories.jsonl"
    jsonl.write_text(json.dumps({"id": "big", "text": big}) + "\n" + json.dumps({"id": "small", "text": "Hi."}) + "\n")
    table = tmp_path / "stories.csv"
    table.write_text(f"id,text\nbig,{big}\nsmall,Hi.\n", "utf-8")
    for source, big_at in ((folder, 0), (jsonl, 1), (table, 2)):
        items = _read_all(source, per_partition=5, max_megabytes=0.05)
        bad = [item for item in items if isinstance(item, BadRecord)]
        assert [item.number for item in bad] == [big_at], source
        assert bad[0].reason.endswith("more than --max-file-size 0.05 MB; not checked (0: no limit)")
        stories = [Path(item.name).name for item in items if isinstance(item, Story)]
        assert stories == (["small.txt"] if source == folder else ["small"])
        assert len(_read_all(source, per_partition=5)) == 2  # no limit: both read
        assert not any(isinstance(item, BadRecord) for item in _read_all(source, per_partition=5))


def test_front_matter_must_be_a_mapping():
    assert front_matter("no front matter") == ({}, "no front matter")
    with pytest.raises(ValueError, match="mapping"):
        front_matter("---\n- a\n- b\n---\nText")


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2024-03-01", datetime.date(2024, 3, 1)),
        ("2024-03-01T23:10:00Z", datetime.date(2024, 3, 1)),
        ("26-FEB-1987 15:01:01.79", datetime.date(1987, 2, 26)),
        ("February 26, 1987", datetime.date(1987, 2, 26)),
        ("Tue, 05 Mar 2024 10:00:00 +0000", datetime.date(2024, 3, 5)),
    ],
)
def test_dates_in_newsroom_forms(written, day):
    assert parse_date(written) == day


@pytest.mark.parametrize("written", ["soon", "2024-13-45", "32-FOO-1999"])
def test_unreadable_dates_are_errors(written):
    with pytest.raises(ValueError, match="unreadable date"):
        parse_date(written)
