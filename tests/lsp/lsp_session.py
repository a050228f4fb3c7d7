"""The test client and the helpers the language server tests share (see conftest.py)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES


class RecordingClient(LanguageClient):
    """pytest-lsp's client, keeping every diagnostics notification (with its version)."""

    published: list[types.PublishDiagnosticsParams]
    registrations: list[types.Registration]


def make_client() -> RecordingClient:
    client = RecordingClient(converter_factory=default_converter)
    client.published = []
    client.registrations = []
    for method, handler in DEFAULT_CLIENT_FEATURES.items():
        if method != types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS:
            client.feature(method)(handler)

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def publish(client: RecordingClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(client: RecordingClient, params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)

    return client


async def wait_for(client: RecordingClient, uri: str, version: int, timeout: float = 20.0) -> list[types.Diagnostic]:
    """The diagnostics published for `version` of `uri`, waiting for them if need be."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        for params in reversed(client.published):
            if params.uri == uri and params.version == version:
                return list(params.diagnostics)
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"no diagnostics for {uri} version {version}")
        await asyncio.sleep(0.01)


def open_document(client: RecordingClient, path: Path, text: str, language_id: str = "plaintext") -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=1, text=text)
        )
    )
    return uri


def replace(
    client: RecordingClient, uri: str, version: int, start: tuple[int, int], end: tuple[int, int], text: str
) -> None:
    """An incremental edit, as an editor sends a keystroke."""
    change = types.TextDocumentContentChangePartial(
        range=types.Range(start=types.Position(*start), end=types.Position(*end)), text=text
    )
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[change]
        )
    )


def codes(diagnostics: list[types.Diagnostic]) -> list[Any]:
    return [diagnostic.code for diagnostic in diagnostics]
