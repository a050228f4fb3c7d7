"""A real client (pytest-lsp) talking to `newslint lsp` in a subprocess, over stdio.

One server per test module keeps the suite fast; each test opens its own documents, in
its own folder when it needs its own config.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsp_session import RecordingClient, make_client
from lsprotocol import types
from pytest_lsp import ClientServerConfig, client_capabilities


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "newslint", "lsp"],
        client_factory=make_client,
    ),
)
async def client(lsp_client: RecordingClient, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[None]:
    root = tmp_path_factory.mktemp("workspace")
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri())
    )
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of the test's own, so its config is found for its documents only."""
    return tmp_path
