"""`debounceMs`: with it, the server waits for a pause in the typing before checking."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsp_session import RecordingClient, make_client, open_document, replace, wait_for
from lsprotocol import types
from pytest_lsp import ClientServerConfig, client_capabilities

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "newslint", "lsp"], client_factory=make_client),
)
async def debounced(lsp_client: RecordingClient, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[None]:
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("neovim"),
            root_uri=tmp_path_factory.mktemp("workspace").as_uri(),
            initialization_options={"debounceMs": 300},
        )
    )
    yield
    await lsp_client.shutdown_session()


async def test_edits_closer_than_the_debounce_are_checked_once(debounced: RecordingClient, tmp_path: Path) -> None:
    uri = open_document(debounced, tmp_path / "story.txt", "Officials said the plan works.\n")
    assert await wait_for(debounced, uri, 1) == []  # opening is checked at once
    first = len(debounced.published)
    for version, word in enumerate(["the ", "new ", "the "], start=2):
        replace(debounced, uri, version, (0, 15), (0, 15), word)
        await asyncio.sleep(0.05)
    diagnostics = await wait_for(debounced, uri, 4)
    assert [d.code for d in diagnostics] == ["repetition.doubled"]  # "said the new the the plan"
    assert [p.version for p in debounced.published[first:] if p.uri == uri] == [4]
