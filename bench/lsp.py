#!/usr/bin/env python3
"""Benchmark `newslint lsp` (issue 21): how long an editor waits for diagnostics.

    python bench/lsp.py [--eval-dir ../shared/eval] [--keystrokes 200] [--big-keystrokes 40]
                        [--memory-edits 2000] [--debounce-ms 0] [--json FILE]

A real server process (`python -m newslint lsp`) is driven over stdio by a minimal JSON-RPC
client written here (standard library only), as an editor drives it:

* first diagnostics: from starting the process, through initialize + initialized +
  didOpen of a 1,000-word story, to its first publishDiagnostics;
* typing into the 1,000-word story one keystroke at a time (an incremental didChange of
  one character, then wait for the publishDiagnostics of that version): p50 and p95;
* the same in a 10,000-word document;
* the server's resident memory before and after many edits (it should stay flat).

The stories are Reuters stories joined end to end from the evaluation data when it is
there, else the repository's examples repeated (the figures then say so). Nothing here
asserts a time: the script reports, marks issue 21's targets met / NOT met, and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
REUTERS = Path("news") / "reuters.jsonl"
TYPED = " The council said it would vote on the plan again next week, officials said."
TARGETS = {"p95_1k_ms": 50.0, "p95_10k_ms": 250.0, "first_s": 1.5}


def story_of(words: int, eval_dir: Path) -> tuple[str, str]:
    """About `words` words of news text, paragraphs separated by blank lines, and where it came from."""
    parts: list[str] = []
    count = 0
    reuters = eval_dir / REUTERS
    if reuters.is_file():
        source = f"Reuters stories from {reuters}"
        with reuters.open(encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line).get("text", "").strip()
                if not text:
                    continue
                paragraphs = [" ".join(p.split()) for p in text.split("\n    ") if p.strip()]
                parts.extend(paragraphs)
                count += len(text.split())
                if count >= words:
                    break
    else:
        source = "the repository's examples, repeated (no evaluation data found)"
        examples = [p.read_text(encoding="utf-8") for p in sorted((REPO_ROOT / "examples").glob("*.txt"))]
        while count < words:
            for text in examples:
                parts.extend(" ".join(p.split()) for p in text.split("\n\n") if p.strip())
                count += len(text.split())
    return "\n\n".join(parts) + "\n", source


class Client:
    """Just enough of a language client: framed JSON-RPC over the server's stdio."""

    def __init__(self, command: list[str]) -> None:
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self._id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any] | None) -> Any:
        self._id += 1
        self.send({"id": self._id, "method": method, "params": params})
        while True:
            message = self.messages.get(timeout=60)
            if message.get("id") == self._id and "method" not in message:
                return message.get("result")
            self._answer(message)

    def _answer(self, message: dict[str, Any]) -> None:
        """Answer the server's own requests (capability registration) with null."""
        if "method" in message and "id" in message:
            self.send({"id": message["id"], "result": None})

    def diagnostics(self, uri: str, version: int, timeout: float = 120) -> list[Any]:
        deadline = time.monotonic() + timeout
        while True:
            message = self.messages.get(timeout=max(deadline - time.monotonic(), 0.001))
            self._answer(message)
            params = message.get("params") or {}
            published = message.get("method") == "textDocument/publishDiagnostics"
            if published and params.get("uri") == uri and params.get("version") == version:
                return list(params["diagnostics"])

    def cpu_seconds(self) -> float:
        """User + system CPU time the server has used: on a busy machine the wall-clock
        figures include waiting for a core, this does not."""
        with open(f"/proc/{self.process.pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_kb(self) -> int:
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", {})
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()


def start(debounce_ms: float) -> Client:
    client = Client([sys.executable, "-m", "newslint", "lsp"])
    client.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": REPO_ROOT.as_uri(),
            "capabilities": {"general": {"positionEncodings": ["utf-16"]}},
            "initializationOptions": {"debounceMs": debounce_ms},
        },
    )
    client.notify("initialized", {})
    return client


def open_story(client: Client, uri: str, text: str) -> list[Any]:
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}},
    )
    return client.diagnostics(uri, 1)


def type_into(client: Client, uri: str, text: str, keystrokes: int, first_version: int) -> list[float]:
    """Type TYPED (over and over) at the end of the middle paragraph, one character a
    didChange; the seconds from each didChange to its diagnostics."""
    lines = text.split("\n")
    line = len(lines) // 2
    while not lines[line].strip():
        line += 1
    column = len(lines[line])  # ASCII text: characters are UTF-16 units
    times = []
    for index in range(keystrokes):
        char = TYPED[index % len(TYPED)]
        version = first_version + index
        change = {"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": column}}}
        started = time.perf_counter()
        client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{**change, "text": char}]},
        )
        client.diagnostics(uri, version)
        times.append(time.perf_counter() - started)
        column += 1
    return times


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--keystrokes", type=int, default=200)
    parser.add_argument("--big-keystrokes", type=int, default=40)
    parser.add_argument("--memory-edits", type=int, default=2000)
    parser.add_argument("--debounce-ms", type=float, default=0.0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    small, source = story_of(1000, args.eval_dir)
    big, _ = story_of(10000, args.eval_dir)
    results: dict[str, Any] = {"source": source, "debounce_ms": args.debounce_ms}
    results["load_average"] = os.getloadavg()
    print(f"stories: {source}; {len(small.split())} and {len(big.split())} words")
    print(f"machine: {os.cpu_count()} cores, load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}")

    started = time.perf_counter()
    client = start(args.debounce_ms)
    open_story(client, "file:///bench/story-1k.txt", small)
    results["first_s"] = time.perf_counter() - started
    results["first_cpu_s"] = client.cpu_seconds()
    print(
        f"first diagnostics (start-up + initialize + didOpen, 1,000 words): {results['first_s']:.3f} s "
        f"(server CPU {results['first_cpu_s']:.2f} s)"
    )

    try:
        for label, uri, text, keystrokes in (
            ("1k", "file:///bench/story-1k.txt", small, args.keystrokes),
            ("10k", "file:///bench/story-10k.txt", big, args.big_keystrokes),
        ):
            if label == "10k":
                opened = time.perf_counter()
                open_story(client, uri, text)
                results["open_10k_s"] = time.perf_counter() - opened
            type_into(client, uri, text, 5, 2)  # warm: the first edits compile nothing new, but settle
            cpu = client.cpu_seconds()
            times = type_into(client, uri, text, keystrokes, 7)
            cpu_ms = (client.cpu_seconds() - cpu) / keystrokes * 1000
            p50, p95 = percentile(times, 0.5) * 1000, percentile(times, 0.95) * 1000
            results[f"p50_{label}_ms"], results[f"p95_{label}_ms"] = p50, p95
            results[f"max_{label}_ms"] = max(times) * 1000
            results[f"cpu_per_keystroke_{label}_ms"] = cpu_ms
            print(
                f"keystroke → diagnostics, {len(text.split()):,} words, {keystrokes} keystrokes: "
                f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {max(times) * 1000:.1f} ms; "
                f"server CPU {cpu_ms:.1f} ms a keystroke"
            )

        if args.memory_edits:
            uri = "file:///bench/story-1k.txt"
            before = client.rss_kb()
            samples = [before]
            done = 0
            version = 7 + args.keystrokes
            step = max(args.memory_edits // 4, 1)
            while done < args.memory_edits:
                batch = min(step, args.memory_edits - done)
                _edit_in_place(client, uri, batch, version)
                version += batch
                done += batch
                samples.append(client.rss_kb())
            results["rss_kb"] = samples
            print(f"server RSS over {args.memory_edits:,} edits (KB, every {step}): {samples}")
    finally:
        client.close()

    for key, target in TARGETS.items():
        value = results.get(key)
        if value is not None:
            unit = "s" if key.endswith("_s") else "ms"
            print(f"  {key}: {value:.3f} {unit} (target ≤ {target} {unit}): {'met' if value <= target else 'NOT met'}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def _edit_in_place(client: Client, uri: str, edits: int, first_version: int) -> list[float]:
    """Type one character and delete it again, `edits` times in all, at the document's
    start: the text (and so the work per edit) stays the same while the edits pile up."""
    times = []
    for index in range(edits):
        version = first_version + index
        at = {"line": 0, "character": 0}
        if index % 2 == 0:
            change = {"range": {"start": at, "end": at}, "text": "x"}
        else:
            change = {"range": {"start": at, "end": {"line": 0, "character": 1}}, "text": ""}
        started = time.perf_counter()
        client.notify(
            "textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}
        )
        client.diagnostics(uri, version)
        times.append(time.perf_counter() - started)
    return times


if __name__ == "__main__":
    sys.exit(main())
