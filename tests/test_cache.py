"""The result cache saves time and never changes a result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint import cache as cache_module
from newslint.linter import Linter, Options
from newslint.result import RECORD_FIELDS

STORY = "Talks Resume\n\nThe deal may collapse, reportedly.\n"
RULE = """id: house.dollars
kind: lexicon
severity: warning
description: x
message: "say '{match}'"
docs: {why: x, bad: [dollars], good: [money]}
terms: [dollars]
"""


@pytest.fixture(autouse=True, params=["searched", "indexed"])
def pack_lookup(request, monkeypatch):
    """Every test runs with both ways a pack finds an entry: searching the file for the
    key (a run that looks up a few) and indexing every line (a run that looks up many)."""
    monkeypatch.setattr(cache_module._Pack, "SEARCHES", 10**6 if request.param == "searched" else 0)


@pytest.fixture
def newsroom(tmp_path):
    (tmp_path / "house" / "house").mkdir(parents=True)
    (tmp_path / "house" / "house" / "dollars.yaml").write_text(RULE, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule_paths: [house]\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    return tmp_path, story


def lint(story: Path, cache_dir: Path, monkeypatch, *, expect_hit: bool, **options):
    analysed = []
    real = Linter._analyse

    def counting(self, result, *args):
        analysed.append(result.path)
        return real(self, result, *args)

    monkeypatch.setattr(Linter, "_analyse", counting)
    result = Linter(Options(cache_dir=cache_dir, **options)).lint_path(str(story))
    assert (not analysed) is expect_hit, "cache hit expected" if expect_hit else "cache miss expected"
    return [(f.rule, f.text, f.start) for f in result.findings], result


def test_unchanged_inputs_come_from_the_cache_with_identical_results(newsroom, tmp_path, monkeypatch):
    _, story = newsroom
    cache_dir = tmp_path / "cache"
    first, result = lint(story, cache_dir, monkeypatch, expect_hit=False, repetition=True)
    second, cached = lint(story, cache_dir, monkeypatch, expect_hit=True, repetition=True)
    assert first == second and first
    assert cached.paragraphs == result.paragraphs and cached.claims == result.claims
    assert cached.repetition == result.repetition and cached.text == result.text
    # Every field a record carries, findings compared whole (issue 18: `focus` came back a list).
    for name in RECORD_FIELDS:
        assert getattr(cached, name) == getattr(result, name), name
    assert [type(f.focus) for f in cached.findings] == [type(f.focus) for f in result.findings]


def test_any_change_of_input_invalidates(newsroom, tmp_path, monkeypatch):
    root, story = newsroom
    cache_dir = tmp_path / "cache"
    lint(story, cache_dir, monkeypatch, expect_hit=False)
    story.write_text(STORY + "\nThe dollars may run out.\n", encoding="utf-8")  # the file
    found, _ = lint(story, cache_dir, monkeypatch, expect_hit=False)
    assert ("house.dollars", "dollars", len(STORY) + len("\nThe ")) in found
    (root / ".newslint.yaml").write_text(
        "rule_paths: [house]\nrules: {house.dollars: {severity: info}}\n", encoding="utf-8"
    )  # the config
    lint(story, cache_dir, monkeypatch, expect_hit=False)
    lint(story, cache_dir, monkeypatch, expect_hit=True)
    (root / "house" / "house" / "dollars.yaml").write_text(
        RULE.replace("[dollars]", "[bucks, dollars]"), encoding="utf-8"
    )  # a rule file
    lint(story, cache_dir, monkeypatch, expect_hit=False)
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda data_dirs=(): "another newslint")  # the version
    lint(story, cache_dir, monkeypatch, expect_hit=False)
    lint(story, cache_dir, monkeypatch, expect_hit=False, readability=True)  # options that add figures


def test_another_encoding_is_another_text(tmp_path, monkeypatch):
    story = tmp_path / "story.txt"
    story.write_bytes("Caf\u00e9 owners may close. The caf\u00e9s could potentially shut.\n".encode("utf-8"))
    cache_dir = tmp_path / "cache"
    as_utf8, _ = lint(story, cache_dir, monkeypatch, expect_hit=False)
    as_latin1, result = lint(story, cache_dir, monkeypatch, expect_hit=False, encoding="latin-1")
    assert as_utf8 != as_latin1 and "Ã©" in result.text  # offsets moved with the decoding
    assert lint(story, cache_dir, monkeypatch, expect_hit=True, encoding="latin-1")[0] == as_latin1


def test_a_corrupt_or_foreign_entry_is_ignored(newsroom, tmp_path, monkeypatch):
    _, story = newsroom
    cache_dir = tmp_path / "cache"
    expected, _ = lint(story, cache_dir, monkeypatch, expect_hit=False)
    packs = list(cache_dir.rglob("*.pack"))
    assert len(packs) == 1
    key, digest, record = packs[0].read_text(encoding="utf-8").rstrip("\n").split("\t")
    packs[0].write_text(f"{key}\t{digest}\t{{not json\n", encoding="utf-8")
    assert lint(story, cache_dir, monkeypatch, expect_hit=False)[0] == expected
    assert lint(story, cache_dir, monkeypatch, expect_hit=True)[0] == expected  # the new line wins
    damaged = json.loads(record)
    damaged["findings"] = [{"rule": "bogus"}]
    packs[0].write_text(f"{key}\t{digest}\t{json.dumps(damaged)}\n", encoding="utf-8")
    assert lint(story, cache_dir, monkeypatch, expect_hit=False)[0] == expected
    packs[0].write_bytes(b"\xff\x00garbage without a line end")
    assert lint(story, cache_dir, monkeypatch, expect_hit=False)[0] == expected


def test_a_line_cut_short_is_a_miss_and_the_lines_after_it_still_count(newsroom, tmp_path, monkeypatch):
    root, story = newsroom
    cache_dir = tmp_path / "cache"
    lint(story, cache_dir, monkeypatch, expect_hit=False)
    other = root / "other.txt"
    other.write_text("Markets closed early on Friday.\n", encoding="utf-8")
    lint(other, cache_dir, monkeypatch, expect_hit=False)
    pack = next(cache_dir.rglob("*.pack"))
    first, second = pack.read_bytes().splitlines(keepends=True)
    pack.write_bytes(first[: len(first) // 2] + second)  # a writer stopped halfway, another appended
    lint(story, cache_dir, monkeypatch, expect_hit=False)
    lint(other, cache_dir, monkeypatch, expect_hit=False)  # its line was glued to the damaged one
    lint(story, cache_dir, monkeypatch, expect_hit=True)
    lint(other, cache_dir, monkeypatch, expect_hit=True)


def test_records_with_unusual_line_separators_survive_the_pack(tmp_path, monkeypatch):
    story = tmp_path / "story.txt"
    story.write_text("The deal may collapse\u2028today, \u201cmaybe\u201d.\x85\n\nIt was said.\n", encoding="utf-8")
    first, _ = lint(story, tmp_path / "cache", monkeypatch, expect_hit=False)
    assert lint(story, tmp_path / "cache", monkeypatch, expect_hit=True)[0] == first


def test_old_packs_are_pruned_and_earlier_formats_removed(newsroom, tmp_path, monkeypatch):
    _, story = newsroom
    cache_dir = tmp_path / "cache"
    legacy = cache_dir / "v1" / "ab"
    legacy.mkdir(parents=True)
    (legacy / "ab12.json").write_text("{}", encoding="utf-8")
    for version in range(cache_module.KEPT_PACKS + 3):
        monkeypatch.setattr(
            cache_module, "code_fingerprint", lambda data_dirs=(), version=version: f"newslint {version}"
        )
        lint(story, cache_dir, monkeypatch, expect_hit=False)
    assert len(list(cache_dir.rglob("*.pack"))) == cache_module.KEPT_PACKS
    assert not (cache_dir / "v1").exists()
    lint(story, cache_dir, monkeypatch, expect_hit=True)  # the newest is kept


def test_a_pack_past_its_limit_keeps_its_newer_half(newsroom, tmp_path, monkeypatch):
    root, story = newsroom
    cache_dir = tmp_path / "cache"
    lint(story, cache_dir, monkeypatch, expect_hit=False)
    pack = next(cache_dir.rglob("*.pack"))
    monkeypatch.setattr(cache_module, "PACK_LIMIT", pack.stat().st_size * 2)
    for number in range(5):
        other = root / f"other{number}.txt"
        other.write_text(f"Story {number} said nothing new.\n", encoding="utf-8")
        lint(other, cache_dir, monkeypatch, expect_hit=False)
    assert pack.stat().st_size <= cache_module.PACK_LIMIT + 2 * len(pack.read_bytes().splitlines()[-1])
    lint(root / "other4.txt", cache_dir, monkeypatch, expect_hit=True)
    lint(story, cache_dir, monkeypatch, expect_hit=False)  # the oldest line went


def test_an_unwritable_cache_is_no_reason_to_fail(newsroom, tmp_path, monkeypatch):
    _, story = newsroom
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    found, result = lint(story, blocker, monkeypatch, expect_hit=False)
    assert found and result.error is None


def test_cli_no_cache_and_cache_dir(newsroom, tmp_path):
    from typer.testing import CliRunner

    from newslint.cli import app

    _, story = newsroom
    runner = CliRunner()
    runner.invoke(app, ["check", "--no-cache", "--cache-dir", str(tmp_path / "c1"), str(story)])
    assert not (tmp_path / "c1").exists()
    runner.invoke(app, ["check", "--cache-dir", str(tmp_path / "c2"), str(story)])
    assert list((tmp_path / "c2").rglob("*.pack"))


def test_the_code_fingerprint_is_worked_out_again_when_code_or_a_library_changes(tmp_path, monkeypatch):
    code = tmp_path / "pkg"
    code.mkdir()
    module = code / "rules.py"
    module.write_text("RULE = 1\n", encoding="utf-8")
    library = tmp_path / "site" / "nltk-3.9.dist-info"
    library.mkdir(parents=True)
    monkeypatch.setattr(cache_module, "_code_files", lambda data_dirs: [(code, module)])
    monkeypatch.setattr(cache_module, "_library_markers", lambda: sorted((tmp_path / "site").iterdir()))
    digests = []
    real_digest = cache_module._code_digest
    monkeypatch.setattr(cache_module, "_code_digest", lambda files: digests.append(1) or real_digest(files))
    fingerprint = cache_module.code_fingerprint.__wrapped__  # without the once-a-process memo
    first = fingerprint()
    assert (fingerprint(), len(digests)) == (first, 1)  # read back from its copy
    module.write_text("RULE = 22\n", encoding="utf-8")  # an edited line
    edited = fingerprint()
    assert edited != first and len(digests) == 2
    library.rename(tmp_path / "site" / "nltk-3.10.dist-info")  # an upgraded library
    fingerprint()
    assert len(digests) == 3


def test_the_last_complete_line_of_a_key_wins(tmp_path):
    key, other = "a" * 64, "b" * 64

    def line(key: str, record: str) -> str:  # as _Pack.put writes it: key, digest, record
        return f"{key}\t{cache_module._digest(key.encode(), record.encode()).decode()}\t{record}"

    pack = tmp_path / "run.pack"
    lines = [line(key, '{"n": 1}'), line(other, '{"n": 9}'), line(key, '{"n": 2}'), "x" + line(key, '{"n": 3}')]
    cut_short = line(key, '{"n": 4}')[:-1]
    pack.write_bytes(("\n".join(lines) + "\n" + cut_short).encode())  # a line inside another, a cut-short one
    assert cache_module._Pack(tmp_path, "run").get(key) == {"n": 2}
    assert cache_module._Pack(tmp_path, "run").get(other) == {"n": 9}
    assert cache_module._Pack(tmp_path, "run").get("c" * 64) is None
    assert cache_module._Pack(tmp_path, "empty").get(key) is None  # no pack at all
    (tmp_path / "blank.pack").write_bytes(b"")
    assert cache_module._Pack(tmp_path, "blank").get(key) is None


def test_a_cached_finding_equals_the_fresh_one_focus_and_all(tmp_path, monkeypatch):
    """Issue 18: a claim finding's `focus` (the words that made it) came back from the
    cache a list, so the cached finding never equalled the fresh one."""
    story = tmp_path / "story.txt"
    story.write_text("Exports Fall\n\nThe deal will collapse next year.\n", encoding="utf-8")
    _, fresh = lint(story, tmp_path / "cache", monkeypatch, expect_hit=False)
    _, cached = lint(story, tmp_path / "cache", monkeypatch, expect_hit=True)
    assert any(type(finding.focus) is tuple for finding in fresh.findings)
    assert cached.findings == fresh.findings
