"""`--reports DIR`: the HTML report (`newslint report`'s) of each story the audit lists
among those with most findings, so the dashboard links a figure to the copy behind it
(issue 22).

The audit keeps only where those stories are, never their text: each is read again from
its partition once the run is done (a few stories, whatever the archive's size) and
checked with the run's options, plus the figures the report shows.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import defaultdict
from pathlib import Path

from newslint.audit.figures import AuditFigures, WorstStory
from newslint.audit.sources import FILES, Fields, Partition, Story, read
from newslint.errors import NewslintError
from newslint.files import write_atomically
from newslint.linter import Linter
from newslint.options import Options

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def write_reports(
    figures: AuditFigures, partitions: list[Partition], options: Options, fields: Fields, folder: Path
) -> dict[str, Path]:
    """Write the reports; the file written for each story, by its location."""
    wanted = {story.location: story for group in [figures.total, *figures.groups] for story in group.worst_stories}
    if not wanted:
        return {}
    linter = Linter(dataclasses.replace(options, readability=True, repetition=True))
    from newslint.formats import html

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NewslintError(f"--reports: {exc.strerror or exc}", path=str(folder)) from None
    written: dict[str, Path] = {}
    for index, (location, story) in enumerate(sorted(_stories(wanted, partitions, fields, linter).items()), 1):
        result = linter.lint_story(story.text, location, story.input_format)
        path = folder / f"{index:03d}-{_UNSAFE.sub('_', wanted[location].name)[:60]}.html"
        try:
            write_atomically(path, html.render([result]).encode("utf-8"), durable=False)
        except OSError as exc:
            raise NewslintError(f"--reports: cannot write: {exc.strerror or exc}", path=str(path)) from None
        written[location] = path
    return written


def _stories(
    wanted: dict[str, WorstStory], partitions: list[Partition], fields: Fields, linter: Linter
) -> dict[str, Story]:
    """The wanted stories, read again: each from the one partition that holds it."""
    files = {story.source for story in wanted.values() if story.number == 0}
    records: dict[str, set[int]] = defaultdict(set)
    for story in wanted.values():
        if story.number:
            records[story.source].add(story.number)
    firsts: dict[str, list[int]] = defaultdict(list)  # per archive, its partitions' first records
    for partition in partitions:
        if partition.kind != FILES:
            firsts[partition.source].append(partition.first)
    found: dict[str, Story] = {}
    for partition in partitions:
        if partition.kind == FILES:
            if not files.intersection(partition.files):
                continue
        else:
            starts = firsts[partition.source]
            holders = {starts[bisect.bisect_right(starts, number) - 1] for number in records.get(partition.source, ())}
            if partition.first not in holders:
                continue
        for item in read(partition, fields, lambda path: linter.config_for(path).input_format_for(path)):
            if isinstance(item, Story) and item.location in wanted:
                found[item.location] = item
    return found
