"""The hedging pack on news copy: the reporter's own hedges in the seed article are found
in the right paragraphs; the project's clean wire example has none."""

from __future__ import annotations

from newslint import lint_text


def hedges_by_paragraph(text: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for finding in lint_text(text, select=["hedging"]):
        found.setdefault(finding.paragraph, []).append(finding.text.lower())
    return found


def test_reporters_hedges_in_seed_article(seed_article):
    found = hedges_by_paragraph(seed_article.read_text(encoding="utf-8"))
    # Paragraph numbers count the header lines ("WorldBreaking News", the headline).
    assert "may" in found[5]  # "offer of cooperation may provide"
    assert "appears keen" in found[6]  # "Valdoria appears keen"
    assert "suggests" in found[8]  # "The wording suggests"
    assert {"likely", "potentially", "may"} <= set(found[7])
    assert {"potentially", "likely"} <= set(found[8])
    assert {"possibly", "may", "could"} <= set(found[9])
    assert {"could", "may"} <= set(found[10])
    assert "could" in found[11]
    # "Analysts suggest that ..." is attributed (to a vague source): its hedge is theirs.
    assert {"potentially", "may well"} <= set(found[12]) and "suggest that" not in found[12]
    assert not {1, 2, 3, 4, 13, 14, 15} & set(found)


def test_clean_wire_example_has_no_hedging(examples_dir):
    text = (examples_dir / "clean-wire.txt").read_text(encoding="utf-8")
    assert hedges_by_paragraph(text) == {}
