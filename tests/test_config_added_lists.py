"""A bad entry in `add_terms`/`add_exceptions` is named as the user wrote it (issue 20, item 20).

The added entries are validated after they join the rule's own list, so the error used
to name that merged list (`rules.hedging.adverb.terms.11`, a field the user never wrote,
at the line of the rule's key) instead of `add_terms.1` at its own line.
"""

from __future__ import annotations

import pytest

from newslint.config import build_rules, load_config
from newslint.errors import ConfigError


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (
            "  hedging.adverb:\n    add_terms:\n      - perhaps\n      - 42\n",
            ":6: rules.hedging.adverb.add_terms.1: 42 is not of type 'string'",
        ),
        (
            "  hedging.adverb:\n    add_terms: [reportedly, '']\n",
            ":4: rules.hedging.adverb.add_terms.1: '' should be non-empty",
        ),
        (
            "  hedging.modal:\n    add_exceptions:\n      - fine\n      - '(unclosed'\n",
            ":6: rules.hedging.modal.add_exceptions.1: invalid regular expression: missing )",
        ),
    ],
)
def test_an_added_entry_is_named_by_the_users_field_and_line(tmp_path, settings, expected):
    path = tmp_path / ".newslint.yaml"
    path.write_text("min_severity: info\nrules:\n" + settings, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        build_rules(load_config(path))
    assert str(raised.value).startswith(f"{path}{expected}"), str(raised.value)


def test_an_error_in_the_rules_own_list_is_not_renamed(tmp_path):
    # Replacing the whole list is `terms`, and an error in it is named so.
    path = tmp_path / ".newslint.yaml"
    path.write_text("rules:\n  hedging.adverb:\n    terms: [perhaps, 7]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        build_rules(load_config(path))
    assert str(raised.value) == f"{path}:3: rules.hedging.adverb.terms.1: 7 is not of type 'string'"
