"""The shipped rules' compiled expressions, read back from a copy instead of compiled at
every start (`newslint.checks.compiled_copy`): the same expressions, the same matches,
nothing compiled once the copy is there, and nothing but a compiled expression read."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
import regex

from newslint.analysis import analyse
from newslint.checks import budget, compiled_copy
from newslint.checks.budget import LazyPattern
from newslint.engine import run_rules
from newslint.rulebook import builtin_rules_dir, load_rules

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _load_shipped() -> list[LazyPattern]:
    with budget.created_patterns() as created:
        load_rules([builtin_rules_dir()], trusted=(builtin_rules_dir(),))
    return created


@pytest.fixture
def fresh_copy(tmp_path, monkeypatch):
    """A cache folder of this test's own and no copies known to the process yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(compiled_copy, "KNOWN", {})
    return tmp_path / "newslint"


def test_loading_the_shipped_packs_copies_every_expression(fresh_copy):
    created = _load_shipped()
    assert len(created) > 300  # the patterns, cues and exceptions of every shipped rule
    assert {(lazy.pattern, int(lazy.flags)) for lazy in created} <= set(compiled_copy.KNOWN)
    assert len(list(fresh_copy.glob("compiled-*.marshal"))) == 1


def test_every_shipped_expression_reads_back_as_it_compiles(fresh_copy, monkeypatch):
    """Same source, flags, groups and matches as compiling it, on the examples' text."""
    created = _load_shipped()
    monkeypatch.setattr(compiled_copy, "KNOWN", {})  # the next load reads the disk copy
    _load_shipped()
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt")))
    for lazy in created:
        copied = compiled_copy.restored(lazy.pattern, int(lazy.flags))
        fresh = regex.compile(lazy.pattern, int(lazy.flags | regex.V0))
        assert copied is not None, lazy.pattern
        assert (copied.pattern, copied.flags, copied.groupindex) == (fresh.pattern, fresh.flags, fresh.groupindex)
        assert [m.span() for m in copied.finditer(text)] == [m.span() for m in fresh.finditer(text)], lazy.pattern


def test_with_the_copy_a_run_compiles_nothing(fresh_copy, monkeypatch):
    """The next start finds the same, reading every expression it searches back from the
    copy."""
    story = analyse((EXAMPLES / "hedged-analysis.txt").read_text(encoding="utf-8"))
    first = run_rules(story, list(load_rules([builtin_rules_dir()], trusted=(builtin_rules_dir(),)).values()))
    monkeypatch.setattr(compiled_copy, "KNOWN", {})
    with budget.created_patterns() as created:
        rules = load_rules([builtin_rules_dir()], trusted=(builtin_rules_dir(),))

    def refuse(*args, **kwargs):
        raise AssertionError(f"compiled again: {args[0]!r}")

    monkeypatch.setattr(regex, "compile", refuse)
    again = run_rules(story, list(rules.values()))
    assert sum(lazy._compiled is not None for lazy in created) > 20  # searched, from the copy
    assert [(f.rule, f.start, f.end, f.message) for f in again] == [(f.rule, f.start, f.end, f.message) for f in first]


def test_a_copy_that_names_anything_but_the_regex_constructor_is_not_unpickled(fresh_copy):
    """A copy in the cache folder can hold a compiled expression and nothing else."""

    class Payload:
        def __reduce__(self):
            return (os.system, ("echo unpickled",))

    compiled_copy.KNOWN[("a", 0)] = pickle.dumps(Payload())
    assert compiled_copy.restored("a", 0) is None
    assert LazyPattern("a", 0).compiled().pattern == "a"  # compiled instead


def test_a_copy_of_another_expression_is_not_used(fresh_copy):
    compiled_copy.KNOWN[("cat", 0)] = pickle.dumps(regex.compile("dog"))
    assert compiled_copy.restored("cat", 0) is None
    assert LazyPattern("cat", 0).compiled().search("a cat").span() == (2, 5)


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps(regex.compile("cat"))[:-9]])
def test_a_damaged_copy_is_compiled_instead(fresh_copy, damage):
    compiled_copy.KNOWN[("cat", 0)] = damage
    assert compiled_copy.restored("cat", 0) is None
    assert LazyPattern("cat", 0).compiled().search("a cat").span() == (2, 5)


def test_an_invalid_expression_is_left_to_report_itself(fresh_copy):
    compiled_copy.remember([LazyPattern("(unclosed", 0)])
    assert compiled_copy.KNOWN == {}
    with pytest.raises(regex.error):
        LazyPattern("(unclosed", 0).compiled()


def test_the_copy_is_named_by_regex_own_files():
    """Another version of `regex` may write other programs: its files name the copy."""
    names = {path.name for path in compiled_copy.regex_files()}
    assert "_regex_core.py" in names
    assert any(name.startswith("_regex.") for name in names)  # the C engine


def test_without_a_writable_cache_folder_nothing_is_compiled_at_load(tmp_path, monkeypatch):
    """The copy could not be written, so compiling every expression at load would be done
    again at every start: expressions stay lazy, as before there was a copy."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder's parent should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))
    monkeypatch.setattr(compiled_copy, "KNOWN", {})
    created = _load_shipped()
    assert created and all(lazy._compiled is None for lazy in created)
    assert compiled_copy.KNOWN == {}
