"""repetition.descriptor: a description used a third time where the name would do,
counted in the reporter's words only, by its words in lower case and white space folded."""

from __future__ import annotations

from newslint import lint_text
from newslint.analysis import analyse
from newslint.checks.budget import rule_budget
from newslint.checks.context import Context
from newslint.checks.repeated_descriptor import RepeatedDescriptorCheck, RepeatedDescriptorOptions
from newslint.rulebook import builtin_rules_dir, load_rules


def descriptors(text: str) -> list[tuple[str, str]]:
    found = []
    for finding in lint_text(text, select=["repetition.descriptor"]):
        assert text[finding.start : finding.end] == finding.text
        found.append((finding.text, finding.message))
    return found


def test_the_second_and_third_uses_point_back_to_the_first():
    text = (
        "Crews began restoring the 1928 movie palace in March.\n\n"
        "The city bought the 1928 movie palace for $1.\n\n"
        "Tours of the 1928 movie palace start next week."
    )
    message = (
        "'1928 movie palace' again (first in ¶1, line 1) — after the first reference, the name or a plain noun will do"
    )
    assert descriptors(text) == [("1928 movie palace", message), ("1928 movie palace", message)]


def test_two_uses_are_not_padding():
    text = "Crews began restoring the 1928 movie palace in March. The city bought the 1928 movie palace for $1."
    assert descriptors(text) == []


def test_an_opening_capital_and_a_line_break_do_not_make_another_description():
    text = (
        "The 1928 movie palace reopened. Crowds filled the 1928 movie\npalace. Owners of the 1928 movie palace cheered."
    )
    assert [found for found, _ in descriptors(text)] == ["1928 movie\npalace", "1928 movie palace"]


def test_a_description_inside_a_quotation_is_the_sources():
    text = (
        "The 19-year-old Venezuelan scored twice. "
        '"The 19-year-old Venezuelan is the best we have," Ortiz said. '
        "Fans cheered the 19-year-old Venezuelan."
    )
    assert descriptors(text) == []


def test_two_shapes_matching_one_description_count_it_once():
    options = RepeatedDescriptorOptions(descriptors=(r"\bthe\s+(?P<match>old mill)", r"(?P<match>old mill)"))
    check = RepeatedDescriptorCheck.from_options(options)
    document = analyse("We saw the old mill. They sold the old mill. Nobody bought the old mill.")
    rule = load_rules([builtin_rules_dir()])["repetition.descriptor"]
    with rule_budget(None):
        found = list(check.find(Context(document), rule, []))
    assert [finding.text for finding in found] == ["old mill", "old mill"]
