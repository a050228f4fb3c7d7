"""newslint must work with no network and no nltk data: nothing may call nltk.download
or find data in nltk's data path. These tests run the real CLI in a fresh interpreter
where sockets and nltk's downloader raise, with NLTK_DATA pointing at an empty folder,
and compare its output with an unrestricted run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

_GUARD = """
import socket, sys
def _refuse(*args, **kwargs):
    raise RuntimeError("network access attempted")
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
import nltk, nltk.data
def _no_download(*args, **kwargs):
    raise RuntimeError("nltk.download called")
nltk.download = _no_download
nltk.downloader.download = _no_download
_find = nltk.data.find
def _no_find(resource, *args, **kwargs):
    raise RuntimeError(f"nltk data looked up: {resource}")
nltk.data.find = _no_find
nltk.data.load = _no_find
from newslint.cli import main
sys.argv = ["newslint", *sys.argv[1:]]
main()
"""


def _run(args, *, guarded: bool, nltk_data: str):
    env = {**os.environ, "NLTK_DATA": nltk_data}
    command = [sys.executable, "-c", _GUARD, *args] if guarded else [sys.executable, "-m", "newslint", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def test_check_needs_no_network_and_no_nltk_data(examples_dir, tmp_path):
    args = ["check", "--format", "json", str(examples_dir)]
    free = _run(args, guarded=False, nltk_data=str(tmp_path))
    guarded = _run(args, guarded=True, nltk_data=str(tmp_path))
    assert "attempted" not in guarded.stderr and "called" not in guarded.stderr and "looked up" not in guarded.stderr, (
        guarded.stderr
    )
    assert guarded.returncode == free.returncode == 1
    assert guarded.stdout == free.stdout
    assert '"findings"' in guarded.stdout


@pytest.mark.skipif(shutil.which("unshare") is None, reason="unshare not installed")
def test_check_in_a_network_namespace(examples_dir, tmp_path):
    """The real thing where the OS allows it (root or user namespaces): no network at all."""
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("cannot create a network namespace here")
    args = [sys.executable, "-m", "newslint", "check", "--format", "json", str(examples_dir)]
    env = {**os.environ, "NLTK_DATA": str(tmp_path)}
    isolated = subprocess.run(["unshare", "-n", *args], capture_output=True, text=True, env=env, timeout=120)
    normal = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert isolated.returncode == normal.returncode == 1, isolated.stderr
    assert isolated.stdout == normal.stdout
