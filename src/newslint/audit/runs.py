"""Running an audit: each partition is checked story by story into one `Audit`, on this
machine's worker processes (`-j`) or on a Dask cluster (`--dask`, `--scheduler`), and the
partial audits are merged in a tree (issue 22).

A worker keeps one `Linter` for the run (rules compiled once per process) and returns
only its partition's accumulators: no story, finding or text crosses a process boundary.
Dask is imported only here and only for a Dask run, so `newslint check` never loads it.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import logging
import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from newslint import __version__, interrupts
from newslint.audit.accumulators import Audit, GroupKey, StoryFigures, TreeMerge, tree_merge
from newslint.audit.resume import ResumeStore
from newslint.audit.sources import NONE, TIME_KEYS, BadRecord, Fields, Partition, Story, parse_date, plan, read
from newslint.config import Config
from newslint.errors import NewslintError
from newslint.linter import Linter
from newslint.options import Options
from newslint.result import FileResult
from newslint.rulebook import Rule
from newslint.selection import selects_any
from newslint.statistics import WEAK_SOURCE_RULES, claim_rule_ids, hedge_selectors

DEFAULT_PER_PARTITION = 200  # stories per partition: a few seconds of work, a small result


@dataclass(frozen=True)
class AuditSettings:
    """What an audit counts and how it is split; the linter's own options are apart."""

    group_by: tuple[str, ...] = ()
    since: datetime.date | None = None
    until: datetime.date | None = None
    fields: Fields = field(default_factory=Fields)
    top: int = 5
    per_partition: int = DEFAULT_PER_PARTITION

    @property
    def needs_date(self) -> bool:
        return self.since is not None or self.until is not None or any(key in TIME_KEYS for key in self.group_by)


# --------------------------------------------------------------------------- one partition


class PartitionAuditor:
    """A worker's state: the run's linter, and what each rule set counts as a claim, a
    hedge and a weak source, worked out once per rule set."""

    def __init__(self, options: Options, settings: AuditSettings) -> None:
        self.linter = Linter(options)
        self.settings = settings
        self._roles: dict[int, tuple[frozenset[str], frozenset[str]]] = {}

    def audit(self, partition: Partition) -> Audit:
        audit = Audit(top=self.settings.top)
        for item in read(partition, self.settings.fields, self._input_format, self.linter.options.max_file_size):
            if isinstance(item, BadRecord):
                audit.add_bad(item)
                continue
            key = self._group_of(item)
            if key is None:  # outside --since/--until: left out, as asked
                continue
            if isinstance(key, BadRecord):
                audit.add_bad(key)
                continue
            result = self.linter.lint_story(item.text, item.source, item.input_format)
            if result.error is not None:
                audit.add_bad(item.bad(result.error.message))
                continue
            audit.add(key, self._figures(item, result))
        return audit

    def _input_format(self, path: str) -> str:
        return self.linter.config_for(path).input_format_for(path)

    def _group_of(self, story: Story) -> GroupKey | BadRecord | None:
        """The story's group; a bad record when the date it needs cannot be read; None
        when its date falls outside --since/--until."""
        settings = self.settings
        day = None
        if settings.needs_date:
            written = story.metadata.get(settings.fields.date, "")
            if written.strip():
                try:
                    day = parse_date(written)
                except ValueError as exc:
                    return story.bad(str(exc))
            elif settings.since or settings.until:
                return story.bad(f"no {settings.fields.date!r} field to compare with --since/--until")
            if day is not None and (
                (settings.since and day < settings.since) or (settings.until and day > settings.until)
            ):
                return None
        return tuple(self._value(story, name, day) for name in settings.group_by)

    @staticmethod
    def _value(story: Story, name: str, day: datetime.date | None) -> str:
        if name in TIME_KEYS and name not in story.metadata:
            if day is None:
                return NONE
            return f"{day:%Y-%m}" if name == "month" else f"{day:%Y}"
        return story.metadata.get(name, "").strip() or NONE

    def _figures(self, story: Story, result: FileResult) -> StoryFigures:
        claim_rules, hedges = self._roles_of(result.rules)
        findings = Counter(finding.rule for finding in result.findings)
        readability = result.readability
        grade = readability.article.flesch_kincaid_grade if readability and readability.article.sentences else None
        return StoryFigures(
            name=story.name,
            words=sum(scores.words for scores in readability.paragraphs) if readability else 0,
            findings=dict(findings),
            claims=result.claims.claims if result.claims else 0,
            attributed=result.claims.attributed if result.claims else 0,
            unattributed=sum(count for rule, count in findings.items() if rule in claim_rules),
            hedges=sum(count for rule, count in findings.items() if selects_any(hedges, rule)),
            weak_source=any(rule in WEAK_SOURCE_RULES for rule in findings),
            grade=grade,
            named_sources=result.sources.story.named if result.sources else 0,
            source=story.source,
            number=story.number,
            timed_out=tuple(result.timed_out),
        )

    def _roles_of(self, rules: list[Rule]) -> tuple[frozenset[str], frozenset[str]]:
        # One list per config and profile, kept by the linter for the run: its id is stable.
        if id(rules) not in self._roles:
            self._roles[id(rules)] = (claim_rule_ids(rules), hedge_selectors(rules))
        return self._roles[id(rules)]


def _audit_partition(auditor: PartitionAuditor, partition: Partition) -> Audit:
    return auditor.audit(partition)


# --------------------------------------------------------------------------- planning


def partitions_of(sources: list[str], linter: Linter, settings: AuditSettings) -> tuple[list[Partition], Audit]:
    """The run's partitions, and an audit holding what the plan could not read (a folder
    that cannot be listed). Raises NewslintError for a source that does not exist."""
    planned: list[Partition] = []
    unread = Audit(top=settings.top)
    for source in sources:
        for item in plan(source, settings.per_partition, lambda folder: _walk(folder, linter)):
            if isinstance(item, BadRecord):
                unread.add_bad(item)
            else:
                planned.append(item)
    return planned, unread


def _walk(folder: str, linter: Linter) -> Iterator[str | BadRecord]:
    from newslint.walk import expand_paths

    for item in expand_paths([folder], linter):
        yield item if isinstance(item, str) else BadRecord(item.path, 0, getattr(item.error, "message", "unreadable"))


def fingerprint(
    sources: list[str], options: Options, settings: AuditSettings, linter: Linter, partitions: list[Partition]
) -> dict[str, Any]:
    """What decides a run's figures, as JSON: a --resume folder is only resumed by the same.
    Besides the command's options, the rules of every config the stories fall under, under
    every profile (genre detection may choose any), and newslint's code: a desk that edits
    a rule or its config between two runs gets a fresh audit, not one half old."""
    configs = {config.path: config for config in map(linter.config_for, _story_places(partitions))}
    ready: dict[str, Any] = json_ready(
        {
            "newslint": __version__,
            "sources": [str(Path(source).resolve()) for source in sources],
            "options": asdict(options),
            "settings": asdict(settings),
            "rules": {
                str(path): _rules_fingerprints(linter, config)
                for path, config in sorted(configs.items(), key=lambda item: str(item[0]))
            },
        }
    )
    return ready


def _rules_fingerprints(linter: Linter, config: Config) -> dict[str, str]:
    """The fingerprint of `config`'s rules under each profile a story may be checked with."""
    from newslint.caching import rules_fingerprint
    from newslint.config import profile_names

    selection = linter.selection_for(config)
    return {
        profile: rules_fingerprint(config, linter.rules_for(config, profile), selection, {})
        for profile in sorted({*profile_names(), config.profile})
    }


def _story_places(partitions: list[Partition]) -> Iterator[str]:
    """Where each partition's stories find their config: each story file, or the archive."""
    for partition in partitions:
        yield from partition.files or (partition.source,)


def json_ready(value: Any) -> Any:
    """`value` with paths and dates as strings and tuples as lists, as JSON reads back."""
    if isinstance(value, dict):
        return {str(key): json_ready(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(item) for item in value]
    if isinstance(value, Path | datetime.date):
        return str(value)
    return value


# --------------------------------------------------------------------------- runs

Progress = Callable[[Audit], None]  # called with each partition's audit as it finishes


def run_local(
    partitions: list[Partition],
    options: Options,
    settings: AuditSettings,
    jobs: int,
    resume: ResumeStore | None = None,
    progress: Progress | None = None,
) -> Audit:
    """The audit of `partitions` on up to `jobs` worker processes of this machine."""
    from newslint.parallel import ordered_map

    merged, todo = _resumed(partitions, resume, progress, settings.top)
    workers = min(jobs, len(todo))
    if workers < 2:
        auditor = PartitionAuditor(options, settings)
        results: Iterator[Audit] = (auditor.audit(partition) for partition in todo)
    else:
        results = ordered_map(
            _audit_partition, todo, workers=workers, setup=PartitionAuditor, setup_args=(options, settings)
        )
    for partition, audit in zip(todo, results):
        _finished(partition, audit, resume, progress)
        merged.add(audit)
    return merged.result()


def run_dask(
    partitions: list[Partition],
    options: Options,
    settings: AuditSettings,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    processes: bool = True,
    resume: ResumeStore | None = None,
    progress: Progress | None = None,
) -> Audit:
    """The audit of `partitions` on a Dask cluster: the one at `scheduler`, else a local
    one of `workers` single-threaded workers (`_audit_on_cluster`)."""
    distributed = dask_distributed()

    resumed, todo = _resumed(partitions, resume, progress, settings.top)
    if not todo:
        return resumed.result()
    started = _ClusterProcesses()
    cluster = client = None
    try:
        if scheduler:
            client = distributed.Client(scheduler)
        else:
            # Warnings a run's end makes (tasks cancelled by Ctrl-C, a worker stopped) are
            # not the user's business, here or on the workers (`_quiet_logs`); errors show.
            with _dask_config().set(LOCAL_CLUSTER_CONFIG):  # read as each server starts
                cluster = distributed.LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=processes,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            client = distributed.Client(cluster)
            client.run(_quiet_logs)
        audit = _audit_on_cluster(client, distributed, todo, options, settings, resume, progress)
    except BaseException:
        if cluster is None and not scheduler:  # a signal or an error while it started: no one else will stop it
            started.kill()
        raise
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        started.forget()
    return audit if resume is None else tree_merge([resumed.result(), audit], settings.top)


def _audit_on_cluster(
    client: Any,
    distributed: Any,
    todo: list[Partition],
    options: Options,
    settings: AuditSettings,
    resume: ResumeStore | None,
    progress: Progress | None,
) -> Audit:
    """One task per partition, and their audits merged by tasks on the cluster: as two
    finish, a task merges them, and its result is merged in turn, so the tree takes
    the shape the finishing order gives it and a worker never waits on a slow partition
    to merge the others. The client receives the final audit only, and each partition's
    when it must keep it (--resume) or count it (the progress line)."""
    run = _run_digest(options, settings)
    keys = [f"newslint-audit-{run}-{partition.key}" for partition in todo]
    partition_of = dict(zip(keys, todo))
    futures = client.map(_dask_audit, todo, run=run, options=options, settings=settings, key=keys)
    finished = distributed.as_completed(futures)
    waiting = None
    for future in finished:
        partition = partition_of.pop(str(future.key), None)
        if partition is not None and (resume or progress):
            _finished(partition, future.result(), resume, progress)
        if waiting is None:
            waiting = future
        else:
            finished.add(client.submit(_merge, waiting, future, top=settings.top))
            waiting = None
    assert waiting is not None  # there was a partition to do
    final: Audit = waiting.result()
    return final


def _merge(first: Audit, second: Audit, top: int) -> Audit:
    """A Dask task: two partial audits as one."""
    return tree_merge([first, second], top)


def _quiet_logs() -> None:
    """On a worker of the run's own cluster: errors only (see `run_dask`)."""
    logging.getLogger("distributed").setLevel(logging.ERROR)


class _ClusterProcesses:
    """The worker processes a local Dask cluster starts: this process's children born
    since. Killed at once by a signal (`newslint.interrupts`): a second one while the
    cluster closes must not leave them running."""

    def __init__(self) -> None:
        self._before = {child.pid for child in multiprocessing.active_children()}
        interrupts.register(self, self.kill)

    def kill(self) -> None:
        from multiprocessing import util

        for child in multiprocessing.active_children():
            if child.pid is not None and child.pid not in self._before:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(child.pid, signal.SIGKILL)
                child.join(timeout=5)
        # The cluster's queues hold named semaphores that their finalizers unlink; the
        # process is about to end without running them, and Python's resource tracker
        # would print a warning about each. Run them now, as a normal exit would, once
        # the cluster's own thread (closing it after a first signal) has had a moment to
        # finish the one it may be unlinking.
        time.sleep(0.2)
        util._run_finalizers(0)  # type: ignore[attr-defined]  # private, stable since Python 2.6

    def forget(self) -> None:
        interrupts.unregister(self)


# A local cluster's servers keep timers for a dashboard the audit never shows: a
# statistical profiler sampling the running task every 10 ms, the event loop's tick
# every 20 ms and system monitors every 0.5 s. Together they took 4 to 6% of a busy
# worker's CPU, besides the scheduler's and the nanny's in the client process (the
# measurements are in docs/audit.md). Memory is still watched, every second.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "10s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def dask_distributed() -> Any:
    """`dask.distributed`, an extra: untyped, so used through `Any` at this one boundary."""
    import importlib

    try:
        return importlib.import_module("dask.distributed")
    except ImportError:
        raise NewslintError('--dask and --scheduler need Dask: pip install "newslint[audit]"') from None


def _run_digest(options: Options, settings: AuditSettings) -> str:
    """A short name for what a run counts: its tasks' keys carry it (two audits on one
    cluster never share a key) and a worker keeps its auditor under it."""
    return hashlib.sha256(pickle.dumps((options, settings))).hexdigest()[:16]


def _dask_config() -> Any:
    """`dask.config` (Dask is loaded by then: `dask_distributed`)."""
    import importlib

    return importlib.import_module("dask.config")


_auditors: dict[str, PartitionAuditor] = {}
_auditors_lock = threading.Lock()


def _dask_audit(partition: Partition, run: str, options: Options, settings: AuditSettings) -> Audit:
    """A Dask task: the partition's audit, with the worker's auditor for this run (made
    by its first task, so rules are compiled once per worker, not once per partition)."""
    with _auditors_lock:
        if run not in _auditors:
            _auditors.clear()  # one run at a time per worker: a finished run's linter goes
            _auditors[run] = PartitionAuditor(options, settings)
        auditor = _auditors[run]
    return auditor.audit(partition)


def _resumed(
    partitions: list[Partition], resume: ResumeStore | None, progress: Progress | None, top: int
) -> tuple[TreeMerge, list[Partition]]:
    """The audits a --resume folder already holds, merged, and the partitions still to do."""
    merged = TreeMerge(top)
    todo: list[Partition] = []
    for partition in partitions:
        audit = resume.load(partition) if resume else None
        if audit is None:
            todo.append(partition)
        else:
            merged.add(audit)
            if progress:
                progress(audit)
    return merged, todo


def _finished(partition: Partition, audit: Audit, resume: ResumeStore | None, progress: Progress | None) -> None:
    if resume:
        resume.save(partition, audit)
    if progress:
        progress(audit)
