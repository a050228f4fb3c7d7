"""The language server: pygls receives the editor's messages, this module decides when
to check which document and sends back what `checking` found.

Checks run one at a time in a worker thread, so the server keeps reading messages while
one runs. Each edit supersedes the document's pending check (after `debounceMs`, 0 unless
the client's initializationOptions say otherwise), and a check overtaken by a newer edit
or a config reload is dropped, never published: the editor only ever sees diagnostics for
the text it has.
"""

from __future__ import annotations

import asyncio
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from newslint import __version__
from newslint.config import CONFIG_NAMES
from newslint.lsp.actions import FIX_ALL, WorkspaceEditMaker, code_actions
from newslint.lsp.checking import Checked, Checker, wants
from newslint.lsp.diagnostics import diagnostics_for, to_range
from newslint.lsp.documents import Change, OpenDocument, path_of
from newslint.lsp.hover import hover_text
from newslint.lsp.positions import UTF8, UTF16, UTF32, LineIndex, Position
from newslint.lsp.reuse import ParagraphMemo
from newslint.lsp.stats import COMMAND as STATS_COMMAND
from newslint.lsp.stats import story_stats

logger = logging.getLogger("newslint.lsp")

# A change to any of these may change what a document's config says: the config files
# themselves, the YAML rule packs a config names, and vocabulary files (`.vocab`, as the
# README names them). Stories are not watched: saving one must not reload every config.
WATCHED = ["**/.newslint.yaml", "**/.newslint.yml", "**/pyproject.toml", "**/*.yaml", "**/*.yml", "**/*.vocab"]
WARM_UP = "The council met on Tuesday. The plan may fail, officials said, and critics slammed it.\n"
_ENCODINGS = {types.PositionEncodingKind.Utf8: UTF8, types.PositionEncodingKind.Utf32: UTF32}


@dataclass(frozen=True)
class Published:
    """The check behind a document's current diagnostics, for actions and hovers on it."""

    version: int
    checked: Checked
    lines: LineIndex


def _is_config_file(path: str | None) -> bool:
    """Might saving this file change a config? (A YAML file may be a house rule pack.)"""
    if path is None:
        return False
    name = os.path.basename(path)
    return name in CONFIG_NAMES or name.endswith((".yaml", ".yml", ".vocab"))


class NewslintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("newslint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.checker = Checker()
        self.documents: dict[str, OpenDocument] = {}
        self.published: dict[str, Published] = {}
        self.memos: dict[str, ParagraphMemo] = {}  # each open document's last findings, paragraph by paragraph
        self.debounce = 0.0  # seconds to wait after an edit before checking
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-check")
        self._shown: set[str] = set()  # config errors already shown in a window message
        # Check a sentence while the editor is still starting up: the first real check then
        # finds the analysis imported and the default rules compiled (issue 21's "first
        # diagnostics" time). Same worker, so a document opened meanwhile waits its turn.
        self._worker.submit(self.checker.check, WARM_UP, None)

    @property
    def encoding(self) -> str:
        """The position encoding agreed at initialize (UTF-16 unless the client prefers another)."""
        agreed = self.workspace.position_encoding
        return _ENCODINGS.get(agreed, UTF16) if isinstance(agreed, types.PositionEncodingKind) else UTF16

    # -- documents -------------------------------------------------------------------

    def open(self, item: types.TextDocumentItem) -> None:
        if not wants(item.language_id, path_of(item.uri)):
            return
        self.documents[item.uri] = OpenDocument(item.uri, item.text, item.version, item.language_id, self.encoding)
        self.schedule(item.uri, delay=0.0)

    def change(self, params: types.DidChangeTextDocumentParams) -> None:
        document = self.documents.get(params.text_document.uri)
        if document is None:
            return
        changes = [
            Change(change.text, _position(change.range.start), _position(change.range.end))
            if isinstance(change, types.TextDocumentContentChangePartial)
            else Change(change.text)
            for change in params.content_changes
        ]
        document.apply(changes, params.text_document.version)
        self.schedule(document.uri, delay=self.debounce)
        self._forget_finished_handlers()

    def _forget_finished_handlers(self) -> None:
        """pygls 2.1 keeps a finished future for every notification it hands to a handler
        (its `_request_futures`, cleared for requests only): about 1.4 KB an edit, 13 MB
        over 10,000 (bench/lsp.py). A finished one is no longer waited for, so drop it."""
        futures = getattr(self.protocol, "_request_futures", None)
        if isinstance(futures, dict):
            for key in [key for key, future in futures.items() if future.done()]:
                del futures[key]

    def close(self, uri: str) -> None:
        self.documents.pop(uri, None)
        self.published.pop(uri, None)
        self.memos.pop(uri, None)
        task = self._pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def saved(self, uri: str) -> None:
        if _is_config_file(path_of(uri)):
            self.reload("saved " + os.path.basename(path_of(uri) or uri))
        elif uri in self.documents:
            self.schedule(uri, delay=0.0)

    def reload(self, why: str) -> None:
        """Forget every config and rule set, and check each open document again."""
        logger.info("newslint: config reloaded (%s)", why)
        self.checker.reload()
        self._shown.clear()
        for uri in self.documents:
            self.schedule(uri, delay=0.0)

    # -- checking --------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Check `uri` after `delay`; a check already waiting for it is called off."""
        task = self._pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self._pending[uri] = asyncio.ensure_future(self._check(uri, delay))

    async def _check(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        document = self.documents.get(uri)
        if document is None:
            return
        text, version, generation = document.text, document.version, self.checker.generation
        loop = asyncio.get_running_loop()
        memo = self.memos.setdefault(uri, ParagraphMemo())
        checked = await loop.run_in_executor(
            self._worker, self.checker.check, text, document.path, document.language_id, memo
        )
        current = self.documents.get(uri)
        if current is None or current.version != version or current.text != text:
            return  # overtaken by an edit: its own check is on the way
        if generation != self.checker.generation:
            return  # overtaken by a config reload
        try:
            self._publish(document, version, checked)
        except Exception:  # a bug in turning findings into diagnostics: say so, serve on
            logger.exception("newslint: could not publish the diagnostics of %s", uri)
            self.window_log_message(
                types.LogMessageParams(type=types.MessageType.Error, message=f"newslint: could not publish {uri}")
            )

    def _publish(self, document: OpenDocument, version: int, checked: Checked) -> None:
        lines = LineIndex(checked.text, self.encoding)
        self.published[document.uri] = Published(version, checked, lines)
        if checked.error is not None:
            self._report_error(document.uri, checked)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=document.uri, diagnostics=diagnostics_for(checked, lines), version=version
            )
        )

    def _report_error(self, uri: str, checked: Checked) -> None:
        """Log every error; show a broken config once in a window, not once a keystroke."""
        message = f"newslint: {uri}: {checked.error}"
        logger.error("%s\n%s", message, checked.details) if checked.details else logger.warning("%s", message)
        self.window_log_message(types.LogMessageParams(type=types.MessageType.Error, message=message))
        if checked.error_kind == "config" and str(checked.error) not in self._shown:
            self._shown.add(str(checked.error))
            self.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=f"newslint: {checked.error}")
            )

    def fresh(self, uri: str) -> Published | None:
        """The published check of `uri` if it is of the document's current text."""
        published, document = self.published.get(uri), self.documents.get(uri)
        if published is None or document is None or published.version != document.version:
            return None
        return published


def _position(position: types.Position) -> Position:
    return Position(position.line, position.character)


def _lsp_position(lines: LineIndex, offset: int) -> types.Position:
    position = lines.position(offset)
    return types.Position(line=position.line, character=position.character)


def build() -> NewslintServer:
    """A server with every feature registered."""
    server = NewslintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: NewslintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("debounceMs"), int | float):
            ls.debounce = max(0.0, float(options["debounceMs"]) / 1000)

    @server.feature(types.INITIALIZED)
    def initialized(ls: NewslintServer, params: types.InitializedParams) -> None:
        capabilities = ls.client_capabilities.workspace
        watching = capabilities and capabilities.did_change_watched_files
        if watching and watching.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED]
            registration = types.Registration(
                id="newslint-config-files",
                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
            )
            ls.client_register_capability(types.RegistrationParams(registrations=[registration]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.open(params.text_document)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.change(params)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.saved(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: NewslintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if params.changes:
            ls.reload(", ".join(os.path.basename(path_of(change.uri) or change.uri) for change in params.changes))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
    )
    def code_action(ls: NewslintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        published = ls.fresh(params.text_document.uri)
        if published is None or published.checked.error is not None:
            return None
        lines = published.lines
        start, end = lines.offset(_position(params.range.start)), lines.offset(_position(params.range.end))
        workspace = ls.client_capabilities.workspace
        versioned = bool(workspace and workspace.workspace_edit and workspace.workspace_edit.document_changes)
        maker = WorkspaceEditMaker(versioned, published.version)
        actions = code_actions(published.checked, lines, params.text_document.uri, start, end, maker)
        if params.context.only:
            actions = [a for a in actions if any((a.kind or "").startswith(kind) for kind in params.context.only)]
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: NewslintServer, params: types.HoverParams) -> types.Hover | None:
        published = ls.fresh(params.text_document.uri)
        if published is None:
            return None
        found = hover_text(published.checked, published.lines.offset(_position(params.position)))
        if found is None:
            return None
        text, (start, end) = found
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
            range=to_range(published.lines, start, end),
        )

    @server.command(STATS_COMMAND)
    async def stats(ls: NewslintServer, *arguments: Any) -> dict[str, Any]:
        """The figures of the document whose URI is the first argument."""
        uri = arguments[0] if arguments else None
        if isinstance(uri, dict):  # a client that sends a TextDocumentIdentifier
            uri = uri.get("uri")
        document = ls.documents.get(uri) if isinstance(uri, str) else None
        if document is None:
            return {"error": f"not an open document newslint checks: {uri!r}"}
        published = ls.fresh(document.uri)
        if published is not None:
            checked = published.checked
        else:
            loop = asyncio.get_running_loop()
            checked = await loop.run_in_executor(
                ls._worker, ls.checker.check, document.text, document.path, document.language_id
            )
        return await asyncio.get_running_loop().run_in_executor(ls._worker, story_stats, checked)

    return server


def serve(tcp: tuple[str, int] | None = None) -> None:
    """Run the server over standard input and output, or on a TCP port for debugging."""
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    server = build()
    if tcp is None:
        server.start_io()
    else:
        server.start_tcp(*tcp)
