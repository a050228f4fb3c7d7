"""The Dask path: a LocalCluster of two worker processes gives the figures the local path
gives, and keeps its partitions for --resume like it (issue 22). Skipped when Dask is
not installed (`pip install "newslint[audit]"`; the test extra installs it)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newslint.audit.resume import ResumeStore
from newslint.audit.runs import AuditSettings, fingerprint, partitions_of, run_dask, run_local
from newslint.cli import app
from newslint.linter import Linter
from newslint.options import Options


def test_a_two_worker_local_cluster_gives_the_local_figures(archive, tmp_path):
    pytest.importorskip("dask.distributed")
    args = ["audit", str(archive), "--group-by", "desk,month", "--partition-size", "5", "--format", "json"]
    local = CliRunner().invoke(app, [*args, "-j", "1"])
    resume = tmp_path / "resume"
    on_dask = CliRunner().invoke(app, [*args, "--dask", "-j", "2", "--resume", str(resume)])
    assert on_dask.exit_code == local.exit_code == 0
    assert json.loads(on_dask.stdout) == json.loads(local.stdout)
    # Every partition the cluster finished was kept: a resumed run has nothing left to do.
    options = Options(readability=True)
    settings = AuditSettings(group_by=("desk", "month"), per_partition=5)
    linter = Linter(options)
    partitions, _ = partitions_of([str(archive)], linter, settings)
    store = ResumeStore(resume, fingerprint([str(archive)], options, settings, linter, partitions))
    assert all(store.load(partition) is not None for partition in partitions)
    assert run_dask(partitions, options, settings, resume=store) == run_local(partitions, options, settings, jobs=1)


def test_an_existing_cluster_is_reached_by_its_scheduler_address(archive):
    distributed = pytest.importorskip("dask.distributed")
    options = Options(readability=True)
    settings = AuditSettings(group_by=("desk",), per_partition=12)
    partitions, _ = partitions_of([str(archive)], Linter(options), settings)
    with distributed.LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster:
        on_cluster = run_dask(partitions, options, settings, scheduler=cluster.scheduler_address)
    assert on_cluster == run_local(partitions, options, settings, jobs=1)


def test_partitions_are_merged_on_the_cluster_not_in_the_client(archive, monkeypatch):
    """The client receives one audit, the merged one: every merge is a task on the
    cluster's workers (their own processes, which the patch below does not reach)."""
    pytest.importorskip("dask.distributed")
    from newslint.audit.accumulators import Audit

    options = Options(readability=True)
    settings = AuditSettings(group_by=("desk", "month"), per_partition=5)
    partitions, _ = partitions_of([str(archive)], Linter(options), settings)
    expected = run_local(partitions, options, settings, jobs=1)
    merged_here = []
    merge = Audit.merge
    monkeypatch.setattr(Audit, "merge", lambda self, other: merged_here.append(1) or merge(self, other))
    on_dask = run_dask(partitions, options, settings, workers=2)
    assert not merged_here, f"{len(merged_here)} merges ran in the client"
    assert on_dask == expected


def test_the_local_cluster_keeps_no_dashboard_timers(archive, monkeypatch):
    """The profiler sampling each task every 10 ms and the event loop's 20 ms tick serve
    a dashboard the audit never shows, and cost a busy worker 4 to 6% of its CPU
    (docs/audit.md, "Performance"): the run's own cluster starts without them."""
    pytest.importorskip("dask.distributed")
    from newslint.audit import runs

    timers = []
    audit_on_cluster = runs._audit_on_cluster

    def inspected(client, *args):
        timers.extend(
            client.run(
                lambda dask_worker: {name: c.callback_time for name, c in dask_worker.periodic_callbacks.items()}
            ).values()
        )
        return audit_on_cluster(client, *args)

    monkeypatch.setattr(runs, "_audit_on_cluster", inspected)
    options = Options(readability=True)
    settings = AuditSettings(per_partition=24)
    partitions, _ = partitions_of([str(archive)], Linter(options), settings)
    assert run_dask(partitions, options, settings, workers=1) == run_local(partitions, options, settings, jobs=1)
    [worker] = timers
    assert "profile" not in worker and "profile-cycle" not in worker
    assert worker["tick"] >= 1000 and worker["monitor"] >= 10_000
