"""A file's suffix, worked out without a path object, is pathlib's."""

from __future__ import annotations

from pathlib import PurePath

from hypothesis import given
from hypothesis import strategies as st

from newslint.parse import format_for_path, suffix_of

_COMPONENT = st.text(alphabet=st.sampled_from("ab.M"), min_size=1, max_size=6).filter(
    lambda part: part not in (".", "..")
)


@given(st.lists(_COMPONENT, min_size=1, max_size=3), st.booleans(), st.booleans())
def test_the_suffix_is_pathlibs(parts, absolute, trailing_slash):
    path = ("/" if absolute else "") + "/".join(parts) + ("/" if trailing_slash else "")
    assert suffix_of(path) == PurePath(path).suffix


def test_formats_follow_the_suffix_whatever_its_case():
    assert [format_for_path(path) for path in ("a/story.MD", "x.html", "notes.", ".md", "a.b/story", "s.txt")] == [
        "markdown",
        "html",
        "text",
        "text",
        "text",
        "text",
    ]
