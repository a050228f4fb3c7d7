"""What a desk installs is what the tests ran (issue 20, item 21).

docs/ci.md told CI to `pip install newslint`, a name this project has not published (so
whoever uploads it would run in a newsroom's CI), and pre-commit's `rev:` had no tag to
point at. The docs now install from the repository at a tag or commit, CHANGELOG.md
names each release, and this builds the wheel and the sdist and runs the wheel from a
fresh virtual environment, outside the checkout.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

import newslint

REPO_ROOT = Path(__file__).resolve().parents[1]
DOCS = [REPO_ROOT / "README.md", *sorted((REPO_ROOT / "docs").glob("*.md"))]
CHANGELOG = REPO_ROOT / "CHANGELOG.md"
# The build and the install take 10-20 s on a busy machine; this only stops a hung one.
TIMEOUT = 300


def test_no_doc_installs_newslint_by_an_unpublished_package_name():
    # "newslint", "newslint[test]" or "newslint==0.2.0" from an index; not "newslint @ URL".
    bare = re.compile(r"pip install\s+(?:-\S+\s+)*[\"']?newslint(?![\w.-])(?!\s*@)")
    offenders = [
        f"{path.relative_to(REPO_ROOT)}: {match.group()!r}"
        for path in DOCS
        # The commands a reader copies; prose may name the mistake.
        for block in re.findall(r"```.*?```", path.read_text(encoding="utf-8"), re.DOTALL)
        for match in bare.finditer(block)
    ]
    assert offenders == []


def test_the_changelog_has_a_section_for_this_version_and_the_documented_tag():
    headings = re.findall(r"^## (\d+\.\d+\.\d+)\b", CHANGELOG.read_text(encoding="utf-8"), re.MULTILINE)
    assert newslint.__version__ in headings
    ci = (REPO_ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"@v(\d+\.\d+\.\d+)|rev: v(\d+\.\d+\.\d+)", ci))
    assert documented, "docs/ci.md pins no release tag"
    for tag in {version for pair in documented for version in pair if version}:
        assert tag in headings, f"docs/ci.md pins v{tag}, which CHANGELOG.md does not describe"


def _build(dist: Path) -> None:
    """The wheel and the sdist, with the build backend itself: offline, no isolated
    environment to download into."""
    if importlib.util.find_spec("hatchling") is None:
        pytest.skip("hatchling, the build backend (in the test extra), is not installed: cannot build offline")
    done = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-d", str(dist)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _venv_with_the_wheel(root: Path, wheel: Path) -> Path:
    """A fresh virtual environment with the wheel installed, and this environment's
    site-packages after its own for newslint's dependencies (installing those again
    would take a minute and need an index). Returns its bin folder."""
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=TIMEOUT)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
        timeout=TIMEOUT,
    ).stdout.strip()
    # A .pth line only appends the folder: its own .pth files (this checkout's editable
    # install) are not run, so `import newslint` finds the wheel's copy.
    Path(site, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return python.parent


def test_the_wheel_and_sdist_build_and_the_wheel_runs_from_a_fresh_venv(tmp_path):
    dist = tmp_path / "dist"
    _build(dist)
    [wheel] = dist.glob(f"newslint-{newslint.__version__}-py3-none-any.whl")
    [sdist] = dist.glob(f"newslint-{newslint.__version__}.tar.gz")

    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {"newslint/rules/hedging/modal.yaml", "newslint/profiles/news.yaml", "newslint/py.typed"} <= names
    with tarfile.open(sdist) as archive:
        members = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"pyproject.toml", "src/newslint/__init__.py", "rules/hedging/modal.yaml", "CHANGELOG.md"} <= members

    bin_folder = _venv_with_the_wheel(tmp_path, wheel)
    story = tmp_path / "story.txt"
    story.write_text((REPO_ROOT / "examples" / "hedged-analysis.txt").read_text(encoding="utf-8"), encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": ""}
    run = {"cwd": tmp_path, "capture_output": True, "text": True, "timeout": TIMEOUT, "env": environment}

    where = subprocess.run([str(bin_folder / "python"), "-c", "import newslint; print(newslint.__file__)"], **run)
    assert where.stdout.startswith(str(tmp_path / "venv")), where.stdout + where.stderr
    version = subprocess.run([str(bin_folder / "newslint"), "--version"], **run)
    assert (version.returncode, version.stdout.strip()) == (0, f"newslint {newslint.__version__}"), version.stderr
    checked = subprocess.run([str(bin_folder / "newslint"), "check", "--no-cache", "-f", "line", "story.txt"], **run)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "hedging." in checked.stdout
