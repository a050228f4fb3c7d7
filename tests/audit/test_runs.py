"""An audit end to end on invented stories: the figures, the same on any number of
workers, a killed run resumed, dates and groups, and the command line (issue 22)."""

from __future__ import annotations

import csv
import datetime
import io
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from newslint.audit.figures import audit_figures
from newslint.audit.resume import ResumeStore
from newslint.audit.runs import AuditSettings, PartitionAuditor, fingerprint, partitions_of, run_local
from newslint.cli import app
from newslint.linter import Linter
from newslint.options import Options

OPTIONS = Options(readability=True)


def _audit(sources, settings, jobs=1, resume=None):
    partitions, unread = partitions_of([str(source) for source in sources], Linter(OPTIONS), settings)
    return run_local(partitions, OPTIONS, settings, jobs, resume=resume).merge(unread)


def _fingerprint(sources, settings, options=OPTIONS):
    linter = Linter(options)
    partitions, _ = partitions_of([str(source) for source in sources], linter, settings)
    return fingerprint([str(source) for source in sources], options, settings, linter, partitions)


def test_figures_per_desk(archive):
    settings = AuditSettings(group_by=("desk",), per_partition=10)
    figures = audit_figures(_audit([archive], settings), settings.group_by)
    assert figures.total.stories == 48 and figures.bad_count == 0
    assert [group.group for group in figures.groups] == [{"desk": d} for d in ("business", "metro", "politics")]
    assert [group.stories for group in figures.groups] == [16, 16, 16]
    total = figures.total
    assert sum(group.words for group in figures.groups) == total.words > 48 * 20
    # Several invented stories lean on "officials said, speaking on condition of anonymity",
    # "sources said", "a source familiar with the talks": not all, not none.
    assert 0 < total.weak_source_share < 1
    assert total.anonymous_per_story > 0 and total.vague_per_story > 0
    # Every story cites "the census"; some a mayor, an authority or a board chair as well.
    assert 1 < total.named_per_story < 2
    assert total.hedges_per_1000_words > 0 and total.unattributed_per_story > 0
    assert total.claims > 0 and total.attributed_share is not None
    assert total.grade_median is not None
    assert total.grade_median <= total.grade_p90
    assert total.top_rules[0][1] >= total.top_rules[-1][1]
    assert len(total.worst_stories) == 5 and total.worst_stories[0].findings >= total.worst_stories[-1].findings
    assert total.worst_stories[0].location == f"{archive}:{int(total.worst_stories[0].name.split('-')[1]) + 1}"
    assert total.by_family and all(rule.split(".")[0] in total.by_family for rule in total.by_rule)


def test_one_worker_and_two_give_the_same_figures(archive):
    settings = AuditSettings(group_by=("desk", "month"), per_partition=4)
    assert _audit([archive], settings, jobs=1) == _audit([archive], settings, jobs=2)


class Killed(Exception):
    """The run's process killed half-way (a laptop closed, a cluster job out of time)."""


def test_a_killed_run_resumed_equals_an_uninterrupted_one(archive, tmp_path, monkeypatch):
    settings = AuditSettings(group_by=("month",), per_partition=6)
    uninterrupted = _audit([archive], settings)
    store = ResumeStore(tmp_path / "resume", _fingerprint([archive], settings))
    audit = PartitionAuditor.audit
    store_was_resumed = False
    calls = []

    def killed_at_the_fourth(self, partition):
        calls.append(partition)
        if len(calls) == 4 and not store_was_resumed:
            raise Killed
        return audit(self, partition)

    monkeypatch.setattr(PartitionAuditor, "audit", killed_at_the_fourth)
    with pytest.raises(Killed):
        _audit([archive], settings, resume=store)
    assert len(list((tmp_path / "resume").glob("*.json"))) == 1 + 3  # run.json and three partitions
    calls.clear()
    store_was_resumed = True
    resumed = _audit([archive], settings, resume=store)
    assert len(calls) == 8 - 3
    assert resumed == uninterrupted


def test_a_resume_folder_of_other_settings_is_refused(archive, tmp_path):
    from newslint.errors import NewslintError

    ResumeStore(tmp_path / "r", _fingerprint([archive], AuditSettings(group_by=("desk",))))
    with pytest.raises(NewslintError, match="other sources or settings"):
        ResumeStore(tmp_path / "r", _fingerprint([archive], AuditSettings(group_by=("month",))))


def test_a_resume_folder_is_refused_after_the_desk_edits_a_rule(archive, tmp_path):
    """The same command, but the config's rules changed between the two runs: resuming
    would mix figures counted under the old rules into the new ones."""
    from newslint.errors import NewslintError

    desk = tmp_path / "desk"
    desk.mkdir()
    story_archive = desk / archive.name
    story_archive.write_bytes(archive.read_bytes())
    config = desk / ".newslint.yaml"
    settings = AuditSettings(group_by=("desk",))
    config.write_text("rules:\n  hedging.modal: {severity: warning}\n", encoding="utf-8")
    ResumeStore(tmp_path / "r", _fingerprint([story_archive], settings))
    ResumeStore(tmp_path / "r", _fingerprint([story_archive], settings))  # unchanged: resumed
    config.write_text("rules:\n  hedging.modal: {severity: error}\n", encoding="utf-8")
    with pytest.raises(NewslintError, match="other sources or settings"):
        ResumeStore(tmp_path / "r", _fingerprint([story_archive], settings))


def test_since_and_until_keep_the_stories_of_those_days(archive):
    settings = AuditSettings(group_by=("month",), since=datetime.date(2024, 2, 1), until=datetime.date(2024, 2, 29))
    figures = audit_figures(_audit([archive], settings), settings.group_by)
    assert [group.group for group in figures.groups] == [{"month": "2024-02"}]
    assert figures.total.stories == 15 and figures.bad_count == 0


def test_unreadable_and_missing_dates_are_bad_records_when_dates_matter(tmp_path, records):
    from audit_stories import write_jsonl

    rows = records(4)
    rows[1]["date"] = "next Tuesday"
    del rows[2]["date"]
    source = write_jsonl(tmp_path / "dated.jsonl", rows)
    by_year = audit_figures(_audit([source], AuditSettings(group_by=("year",))), ("year",))
    assert [(g.group["year"], g.stories) for g in by_year.groups] == [("(none)", 1), ("2024", 2)]
    assert by_year.bad == [{"location": f"{source}:2", "reason": "unreadable date 'next Tuesday'"}]
    since = AuditSettings(since=datetime.date(2020, 1, 1))
    assert _audit([source], since).bad_count == 2
    assert _audit([source], AuditSettings(group_by=("desk",))).bad_count == 0  # dates not used


def test_a_folder_of_stories_grouped_by_front_matter(tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "one.md").write_text("---\nauthor: Kim\n---\nOfficials said the plan may possibly fail.\n", "utf-8")
    (folder / "two.txt").write_text("---\nauthor: Lee\n---\nThe council voted 7-2, the mayor said.\n", "utf-8")
    (folder / "three.txt").write_text("", "utf-8")
    settings = AuditSettings(group_by=("author",))
    figures = audit_figures(_audit([folder], settings), settings.group_by)
    assert [(g.group["author"], g.stories) for g in figures.groups] == [("Kim", 1), ("Lee", 1)]
    assert figures.bad == [{"location": str(folder / "three.txt"), "reason": "empty story"}]


def _cli(*args):
    result = CliRunner().invoke(app, ["audit", *args])
    return result.exit_code, result.stdout_bytes, result.stderr


def test_the_command_writes_json_with_groups_trends_and_bad_records(archive, tmp_path):
    with archive.open("a", encoding="utf-8") as handle:
        handle.write("{broken\n")
    code, out, _ = _cli(str(archive), "--group-by", "desk,month", "--format", "json", "-j", "1")
    assert code == 0
    data = json.loads(out)
    assert data["stories"] == 48 and data["bad_records"] == 1
    assert data["bad"] == [
        {
            "location": f"{archive}:49",
            "reason": "malformed JSON: Expecting property name enclosed in double quotes (column 2)",
        }
    ]
    assert len(data["groups"]) == 9 and set(data["trends"]) == {"desk=business", "desk=metro", "desk=politics"}
    assert [point["month"] for point in data["trends"]["desk=metro"]] == ["2024-01", "2024-02", "2024-03"]


def test_the_command_writes_csv_and_a_table(archive, tmp_path):
    code, _, _ = _cli(str(archive), "--group-by", "desk", "--format", "csv", "-o", str(tmp_path / "out.csv"))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text("utf-8"))))
    assert [row["row_type"] for row in rows] == ["total", "group", "group", "group"]
    assert sum(int(row["stories"]) for row in rows[1:]) == int(rows[0]["stories"]) == 48
    assert any(name.startswith("rule:attribution.") for name in rows[0])
    code, out, _ = _cli(str(archive), "--group-by", "desk", "--select", "hedging")
    table = out.decode()
    assert code == 0 and table.splitlines()[0].split()[:3] == ["desk", "stories", "words"]
    assert "rules that fire most: hedging." in table and "attribution" not in table


def test_parquet_needs_pyarrow_and_a_file(archive, tmp_path, monkeypatch):
    code, _, err = _cli(str(archive), "--format", "parquet")
    assert code == 2 and "give -o FILE" in err
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    code, _, err = _cli(str(archive), "--format", "parquet", "-o", str(tmp_path / "x.parquet"))
    assert code == 2 and "needs pyarrow" in err and not (tmp_path / "x.parquet").exists()


def test_parquet_holds_the_csv_rows(archive, tmp_path):
    parquet = pytest.importorskip("pyarrow.parquet")
    code, _, _ = _cli(str(archive), "--group-by", "desk", "--format", "parquet", "-o", str(tmp_path / "x.parquet"))
    assert code == 0
    table = parquet.read_table(tmp_path / "x.parquet").to_pylist()
    assert [row["row_type"] for row in table] == ["total", "group", "group", "group"]


def test_usage_errors_are_one_line_and_exit_2(tmp_path):
    code, _, err = _cli(str(tmp_path / "missing.jsonl"))
    assert code == 2 and err.strip() == f"newslint: error: {tmp_path / 'missing.jsonl'}: no such file or directory"
    code, _, err = _cli(str(tmp_path), "--since", "yesterday")
    assert code == 2 and "not a date like 2024-03-01" in err


def test_check_never_imports_dask(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Officials said the plan may fail.\n", "utf-8")
    program = (
        "import sys\n"
        "from newslint.cli import app\n"
        "try:\n"
        f"    app(['check', '--no-cache', {str(story)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "assert 'dask' not in sys.modules and 'distributed' not in sys.modules, 'check imported dask'\n"
    )
    completed = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr


def test_the_progress_line_shows_stories_rate_and_time_left(capsys):
    from newslint.audit.accumulators import Audit, StoryFigures
    from newslint.audit.command import _Progress

    progress = _Progress(partitions=4)
    done = Audit()
    for index in range(3):
        done.add((), StoryFigures(f"s{index}", 10, {}, 0, 0, 0, 0, False, None))
    progress(done)
    progress.close()
    line = capsys.readouterr().err
    assert line.startswith("\raudit: 3 stories, ") and "/s, 1/4 partitions, " in line and line.endswith(" left \n")
