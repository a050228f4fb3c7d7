"""Shipped rules compile their expressions when first searched (start-up time, issue 8),
or read them back from their compiled copy once a first load has made it
(`newslint.checks.compiled_copy`); a desk's own rule files are compiled at load, so a
mistake names its file and line."""

from __future__ import annotations

from newslint.analysis import analyse
from newslint.checks.budget import LazyPattern
from newslint.checks.context import Context
from newslint.config import Config, build_rules
from newslint.rulebook import builtin_rules_dir, load_rule_file, load_rules


def _patterns(rule) -> list[LazyPattern]:
    return [*rule.check.patterns, *rule.exceptions]


def test_shipped_expressions_wait_until_a_text_could_match():
    build_rules(Config(), None)  # the first load compiles and copies every expression
    rules = load_rules([builtin_rules_dir()], trusted=(builtin_rules_dir(),))
    would = rules["hedging.speculative-would"]
    assert would.check.patterns and all(pattern._compiled is None for pattern in _patterns(would))
    quiet = analyse("The council met on Tuesday.", "<text>", "text", ())
    assert list(would.check.find(Context(quiet), would, [])) == []
    assert all(pattern._compiled is None for pattern in would.check.patterns)  # no "would": none compiled
    hedged = analyse("The rebels would appear to be winning.", "<text>", "text", ())
    assert list(would.check.find(Context(hedged), would, []))
    assert any(pattern._compiled is not None for pattern in would.check.patterns)


def test_searching_compiles_once():
    pattern = LazyPattern(r"\bwould\s+seem\b", 0)
    assert pattern._compiled is None
    assert pattern.search("it would seem so").group() == "would seem"
    compiled = pattern._compiled
    assert compiled is not None
    pattern.finditer("would seem")
    assert pattern._compiled is compiled


def test_a_desks_rule_file_is_compiled_at_load(tmp_path):
    pack = tmp_path / "house"
    pack.mkdir()
    rule_file = pack / "bad.yaml"
    rule_file.write_text(
        "id: house.bad\nkind: pattern\nseverity: warning\ndescription: d\nmessage: m\n"
        "patterns:\n  - '\\bfine\\b'\n  - '(unclosed'\n"
        "docs:\n  why: w\n  bad: ['x']\n  good: ['y']\n",
        encoding="utf-8",
    )
    try:
        load_rule_file(rule_file)
    except Exception as exc:  # RuleError, with the file, line and field
        message = str(exc)
    else:
        raise AssertionError("an invalid expression in a desk's rule file must fail at load")
    assert "bad.yaml" in message and "patterns.1" in message and "invalid regular expression" in message


def test_a_run_that_compiles_nothing_does_not_import_regex():
    """`regex` takes 18 ms to import; a run answered from the cache compiles nothing
    (once the first start has copied the shipped expressions, which compiles them all)."""
    import subprocess
    import sys

    code = (
        "import sys; from newslint.config import Config, build_rules; import newslint.cli, newslint.linter; "
        "build_rules(Config(), None); print('regex' in sys.modules)"
    )
    first, later = (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
        for _ in range(2)
    )
    assert (first, later) == ("True", "False")
    import re

    import regex

    from newslint.checks import budget

    assert budget.IGNORECASE == regex.IGNORECASE == re.IGNORECASE  # one flag for either module
