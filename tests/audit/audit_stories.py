"""Invented archives for the audit tests (conftest and the tests import it): a handful
of stories of a made-up town, each with a desk and a date, some leaning on unnamed
sources, some hedging, some clean."""

from __future__ import annotations

import json
from pathlib import Path

# Invented for these tests; none is taken from a real story.
STORIES = [
    "The council voted 7-2 on Monday to close the Elm Street library, Mayor Dana Ruiz said.",
    "Officials said, speaking on condition of anonymity, that the budget could potentially collapse.",
    "Critics say the plan is a disaster. The bridge may possibly fail next year, and repairs could take months.",
    "The river rose two metres overnight, the Harbour Authority said in a statement on Tuesday.",
    "A source familiar with the talks said the deal is expected to be signed by Friday.",
    "The mill closure will likely reshape the valley. Nearly 40 percent of residents now work outside the town.",
    "The school board approved a new bus route, its chair, Lee Park, told reporters.",
    "Sources said the mayor might resign. It is widely believed that the vote was rigged.",
]
DESKS = ["metro", "politics", "business"]


def invented_records(count: int) -> list[dict[str, object]]:
    """`count` records cycling through the stories, the desks and (every third record) three months of 2024."""
    return [
        {
            "id": f"story-{index}",
            "desk": DESKS[index % len(DESKS)],
            "date": f"2024-{1 + index // 3 % 3:02d}-{1 + index % 27:02d}",
            "text": STORIES[index % len(STORIES)] + f"\n\nThe town has {index + 1000} residents, the census shows.",
        }
        for index in range(count)
    ]


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), "utf-8")
    return path
