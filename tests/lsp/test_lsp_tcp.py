"""`newslint lsp --tcp HOST:PORT`: the same server on a socket, for debugging."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time

from newslint.lsp.launch import parse_address


def test_addresses() -> None:
    assert parse_address("127.0.0.1:2087") == ("127.0.0.1", 2087)
    assert parse_address(":2087") == ("127.0.0.1", 2087)
    assert parse_address("[::1]:2087") == ("::1", 2087)
    for bad in ("localhost", "host:0", "host:http", "host:70000"):
        try:
            parse_address(bad)
        except ValueError as exc:
            assert "HOST:PORT" in str(exc)
        else:
            raise AssertionError(bad)


def test_a_bad_address_is_a_one_line_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "lsp", "--tcp", "nowhere"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "newslint: --tcp wants HOST:PORT with a port from 1 to 65535, not 'nowhere'"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_server_answers_initialize_on_a_tcp_port() -> None:
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "newslint", "lsp", "--tcp", f"127.0.0.1:{port}"])
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                connection = socket.create_connection(("127.0.0.1", port), timeout=60)
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not listen"
                time.sleep(0.1)
        with connection:
            body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
            connection.sendall(f"Content-Length: {len(body)}\r\n\r\n{body}".encode())
            received = b""
            while b"\r\n\r\n" not in received:
                received += connection.recv(4096)
            head, _, rest = received.partition(b"\r\n\r\n")
            headers = dict(line.split(b":", 1) for line in head.split(b"\r\n"))
            length = int(headers[b"Content-Length"])
            while len(rest) < length:
                rest += connection.recv(4096)
            answer = json.loads(rest[:length])
        assert answer["result"]["serverInfo"]["name"] == "newslint"
        assert answer["result"]["capabilities"]["hoverProvider"]
    finally:
        server.terminate()
        server.wait(timeout=30)
