"""What the bench scripts' tests share: an evaluation folder with invented stories as
`news/reuters.jsonl`, the file every script reads its Reuters stories from."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

WriteStories = Callable[[Iterable[dict], Path], Path]


@pytest.fixture
def write_eval_dir() -> WriteStories:
    """Write `stories` (dicts with at least "id" and "text") as `folder/news/reuters.jsonl`
    and give back `folder`, for a script's `--eval-dir`."""

    def write(stories: Iterable[dict], folder: Path) -> Path:
        news = folder / "news"
        news.mkdir(parents=True)
        (news / "reuters.jsonl").write_text("".join(json.dumps(story) + "\n" for story in stories), "utf-8")
        return folder

    return write
