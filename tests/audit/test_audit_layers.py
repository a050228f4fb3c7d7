"""The audit's own layering (issue 22): reading, accumulating, figures and outputs are
data below the orchestrator, so a cluster worker or a reader of kept partitions needs
none of `check`'s machinery; only `runs` and `reports` (and the command line above
them) drive the linter, and Dask is imported in one function, for a Dask run only."""

from __future__ import annotations

import ast
from pathlib import Path

AUDIT = Path(__file__).resolve().parents[2] / "src" / "newslint" / "audit"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_only_the_run_drives_the_linter():
    drivers = {path.name for path in AUDIT.glob("*.py") if {"newslint.linter", "newslint.cli"} & _imports(path)}
    assert drivers == {"runs.py", "reports.py", "command.py"}


def test_dask_is_named_in_one_place():
    naming = {path.name for path in AUDIT.glob("*.py") if '"dask.distributed"' in path.read_text("utf-8")}
    assert naming == {"runs.py"}  # runs.dask_distributed
    assert not any(name.startswith(("dask", "distributed")) for path in AUDIT.glob("*.py") for name in _imports(path))
