"""The flow runs one way (issue 18): read → parse → analyse → check → settle → figures →
report, with the orchestrator on top. Each test names an arrow that must not exist, and
reads every import of the modules below it (at the top or inside a function; only
imports for type annotations, under `if TYPE_CHECKING:`, are free), so a backwards arrow
fails here before it becomes an import circle."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newslint"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def runtime_imports(path: Path) -> set[str]:
    """The newslint modules `path` imports when it runs (not for annotations only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {name for name in found if name == "newslint" or name.startswith("newslint.")}


def modules(*patterns: str) -> list[Path]:
    paths = sorted({path for pattern in patterns for path in PACKAGE.glob(pattern)})
    assert paths, patterns
    return paths


def importers_of(targets: tuple[str, ...], paths: list[Path]) -> dict[str, list[str]]:
    wrong = {}
    for path in paths:
        hits = sorted(
            name for name in runtime_imports(path) if any(name == t or name.startswith(t + ".") for t in targets)
        )
        if hits:
            wrong[module_name(path)] = hits
    return wrong


# The result, and everything that only reads results: none of it may need the orchestrator.
BELOW_THE_ORCHESTRATOR = (
    "result.py",
    "cache.py",
    "caching.py",
    "formats/*.py",
    "outcome.py",
    "baseline.py",
    "fingerprints.py",
    "changes.py",
    "fixes.py",
    "parallel.py",
    "walk.py",
    "options.py",
    "configs.py",
    "reading.py",
    "findings.py",
    "statistics.py",
)


def test_nothing_below_the_orchestrator_imports_it():
    assert importers_of(("newslint.linter", "newslint.cli"), modules(*BELOW_THE_ORCHESTRATOR)) == {}


def test_the_statistics_sit_above_the_rule_loader():
    """The figures load built-in rules (`statistics.builtin_rule`); the rule loader, the
    kinds and the word counters they share must never reach up to them."""
    below = modules("checks/*.py", "rulebook.py", "config.py", "engine.py", "repetition.py", "readability.py")
    assert importers_of(("newslint.statistics",), below) == {}


def test_the_kinds_and_word_counters_do_not_load_rules():
    """The circle issue 18 found: repetition's statistics loaded rules through rulebook,
    which imports the kinds, which import repetition."""
    below = modules("checks/*.py", "repetition.py", "readability.py", "result.py")
    assert importers_of(("newslint.rulebook", "newslint.config"), below) == {}


def test_the_cache_is_a_plain_store_that_knows_no_results_or_rules():
    forbidden = ("newslint.result", "newslint.model", "newslint.statistics", "newslint.rulebook", "newslint.config")
    assert importers_of(forbidden, modules("cache.py")) == {}


@pytest.mark.parametrize("module", ["newslint.result", "newslint.statistics", "newslint.cache"])
def test_a_low_module_imports_alone_without_the_layers_above(module):
    """Imported alone, in a fresh interpreter: no circle to trip over, and nothing above."""
    above = ["newslint.linter", "newslint.cli", "newslint.formats"]
    if module != "newslint.statistics":
        above += ["newslint.statistics", "newslint.rulebook", "newslint.checks"]
    program = f"import sys, {module}\nprint(sorted(set({above!r}) & set(sys.modules)))\n"
    run = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
