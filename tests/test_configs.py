"""Each file's config, found once a folder (`newslint.configs`): a run over a folder of
stories must not repeat per file the look-ups its files share."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import configs
from newslint.configs import Configs


def test_a_folder_without_a_config_looks_for_vale_ini_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    looked_up: list[str] = []

    def counting_find(start: str) -> str | None:
        looked_up.append(start)
        return None

    monkeypatch.setattr(configs, "find_vale_config", counting_find)
    monkeypatch.chdir(tmp_path)
    stories = tmp_path / "stories"
    stories.mkdir()
    for number in range(20):
        (stories / f"{number}.txt").write_text("The plan may fail.\n", encoding="utf-8")
    found = Configs()
    for story in sorted(stories.iterdir()):
        found.config_for(str(story))
    assert len(looked_up) == 1


def test_a_vale_ini_found_once_still_applies_to_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = Vale\n", encoding="utf-8")
    (tmp_path / "styles").mkdir()
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("The plan may fail.\n", encoding="utf-8")
    found = Configs()
    first, second = (found.config_for(str(tmp_path / name)) for name in ("a.txt", "b.txt"))
    assert first is second and first.vale is not None
