"""`newslint lsp [--tcp HOST:PORT]`: start the server, or say plainly why it cannot start.

Kept apart from `server` so that the command line can report a missing extra or a bad
address without importing pygls."""

from __future__ import annotations

import sys

MISSING_EXTRA = "newslint: the language server needs the lsp extra (pygls, lsprotocol): see docs/editors.md"


def parse_address(value: str) -> tuple[str, int]:
    """HOST:PORT (or :PORT, or PORT, for localhost) → (host, port); ValueError if malformed."""
    host, _, port = value.rpartition(":")
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"--tcp wants HOST:PORT with a port from 1 to 65535, not {value!r}")
    return host.strip("[]") or "127.0.0.1", int(port)


def run(tcp: str | None = None) -> int:
    """Serve until the client says exit; the exit code for the command line."""
    try:
        address = parse_address(tcp) if tcp is not None else None
    except ValueError as exc:
        print(f"newslint: {exc}", file=sys.stderr)
        return 2
    try:
        from newslint.lsp.server import serve
    except ImportError as exc:
        if exc.name in ("pygls", "lsprotocol") or (exc.name or "").startswith(("pygls.", "lsprotocol.")):
            print(MISSING_EXTRA, file=sys.stderr)
            return 2
        raise
    serve(address)
    return 0
