"""Parsed copies of package data in the cache folder: used when present and usable,
rebuilt when damaged, and never a reason to fail."""

from __future__ import annotations

import pytest

from newslint.datacopy import parsed_copy


@pytest.fixture
def source(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "data.txt"
    path.write_text("a 1\nb 2\n", encoding="utf-8")
    return path


def _parser(path, calls: list[str]):
    def parse():
        calls.append(path.name)
        return dict(line.split() for line in path.read_text(encoding="utf-8").splitlines())

    return parse


def _usable(data) -> bool:
    return isinstance(data, dict) and bool(data)


def test_the_copy_is_read_instead_of_parsing_again(source, tmp_path):
    calls: list[str] = []
    first = parsed_copy([source], "demo", _parser(source, calls), _usable)
    second = parsed_copy([source], "demo", _parser(source, calls), _usable)
    assert first == second == {"a": "1", "b": "2"}
    assert calls == ["data.txt"]
    assert len(list((tmp_path / "cache" / "newslint").glob("demo-*.marshal"))) == 1


def test_a_changed_source_is_parsed_again_and_its_old_copy_removed(source, tmp_path):
    calls: list[str] = []
    parsed_copy([source], "demo", _parser(source, calls), _usable)
    parsed_copy([source], "demo-other", _parser(source, calls), _usable)  # another kind of copy: kept
    source.write_text("a 1\nb 2\nc 3\n", encoding="utf-8")  # another size: another copy
    assert parsed_copy([source], "demo", _parser(source, calls), _usable) == {"a": "1", "b": "2", "c": "3"}
    assert len(calls) == 3
    assert len(list((tmp_path / "cache" / "newslint").glob("demo-*-py*.marshal"))) == 2  # demo, demo-other


def test_every_source_counts(source, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("z 9\n", encoding="utf-8")
    calls: list[str] = []
    parsed_copy([source, other], "demo", _parser(source, calls), _usable)
    other.write_text("z 10\n", encoding="utf-8")
    parsed_copy([source, other], "demo", _parser(source, calls), _usable)
    assert len(calls) == 2


@pytest.mark.parametrize("damage", [b"", b"not marshal data", b"\xe9\x00\x00"])
def test_a_damaged_copy_is_parsed_again_and_rewritten(source, tmp_path, damage):
    calls: list[str] = []
    parsed_copy([source], "demo", _parser(source, calls), _usable)
    [copy] = (tmp_path / "cache" / "newslint").glob("demo-*.marshal")
    copy.write_bytes(damage)
    assert parsed_copy([source], "demo", _parser(source, calls), _usable) == {"a": "1", "b": "2"}
    assert parsed_copy([source], "demo", _parser(source, calls), _usable) == {"a": "1", "b": "2"}
    assert len(calls) == 2  # the damaged copy was replaced by a good one


def test_an_unusable_result_is_returned_but_never_copied(source, tmp_path):
    calls: list[str] = []
    assert parsed_copy([source], "demo", lambda: calls.append(source) or None, _usable) is None
    assert parsed_copy([source], "demo", lambda: calls.append(source) or None, _usable) is None
    assert len(calls) == 2
    assert not list((tmp_path / "cache").rglob("*.marshal"))


def test_an_unwritable_cache_folder_only_costs_time(source, tmp_path):
    (tmp_path / "cache").write_text("a file where the folder should be", encoding="utf-8")
    calls: list[str] = []
    assert parsed_copy([source], "demo", _parser(source, calls), _usable) == {"a": "1", "b": "2"}
    assert parsed_copy([source], "demo", _parser(source, calls), _usable) == {"a": "1", "b": "2"}
    assert len(calls) == 2


def test_a_memo_is_filled_from_its_copy_and_copied_when_it_grows(source, tmp_path):
    from newslint.datacopy import remembered

    memo: dict = {}
    with remembered([source], "memo", memo):
        memo["a"] = frozenset({"x"})
    fresh: dict = {}
    with remembered([source], "memo", fresh):
        assert fresh == {"a": frozenset({"x"})}  # from the copy
        fresh[("b", 2)] = None
    again: dict = {}
    with remembered([source], "memo", again):
        pass
    assert again == {"a": frozenset({"x"}), ("b", 2): None}
    source.write_text("changed\n", encoding="utf-8")
    changed: dict = {}
    with remembered([source], "memo", changed):
        assert changed == {}  # the source changed: its old results are not trusted
    assert len(list((tmp_path / "cache" / "newslint").glob("memo-*.marshal"))) == 1


def test_a_memo_that_did_not_grow_is_not_rewritten(source, tmp_path):
    from newslint.datacopy import remembered

    memo: dict = {}
    with remembered([source], "memo", memo):
        memo["a"] = 1
    [copy] = (tmp_path / "cache" / "newslint").glob("memo-*.marshal")
    written = copy.stat().st_mtime_ns
    with remembered([source], "memo", {}):
        pass
    assert copy.stat().st_mtime_ns == written


def _flipped(content: bytes, position: int) -> bytes:
    return content[:position] + bytes([content[position] ^ 0x01]) + content[position + 1 :]


def test_any_flipped_byte_is_caught_before_the_copy_is_trusted(source, tmp_path):
    # Issue 20: a flipped byte inside a string still unmarshals, into other data.
    calls: list[str] = []
    parsed_copy([source], "demo", _parser(source, calls), _usable)
    [copy] = (tmp_path / "cache" / "newslint").glob("demo-*.marshal")
    good = copy.read_bytes()
    for position in range(len(good)):
        copy.write_bytes(_flipped(good, position))
        assert parsed_copy([source], "demo", _parser(source, calls), _usable) == {"a": "1", "b": "2"}
    assert len(calls) == 1 + len(good)  # every damaged copy was parsed again, none trusted


def test_a_flipped_byte_in_the_rules_copy_changes_no_rule():
    """End to end: the shipped rules' parsed copy with one letter of a hedging term
    changed (still valid marshal data) used to switch that term off on every run."""
    from newslint.config import Config, build_rules
    from newslint.files import default_cache_dir

    def adverbs() -> list[str]:
        rules = {rule.id: rule for rule in build_rules(Config())}  # reads, or writes, the copy
        return list(rules["hedging.adverb"].raw["terms"])

    fresh = adverbs()
    assert "probably" in fresh
    [copy] = default_cache_dir().glob("rules-*.marshal")
    content = copy.read_bytes()
    assert b"probably" in content
    copy.write_bytes(content.replace(b"probably", b"qrobably"))  # one byte in each place it is stored
    assert adverbs() == fresh
