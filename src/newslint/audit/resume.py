"""`--resume DIR`: each finished partition's audit kept on disk, so a run that was killed
(a laptop closed, a cluster job out of time) continues where it stopped (issue 22).

A partition's result is written whole or not at all (`AtomicFile`), under a name made
from the partition's place in the archive; `run.json` records what the run counts, so a
folder is never resumed by a run with other settings, whose figures it would mix in.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from newslint.audit.accumulators import Audit
from newslint.audit.sources import Partition
from newslint.errors import NewslintError
from newslint.files import AtomicFile

RUN_FILE = "run.json"


class ResumeStore:
    def __init__(self, folder: Path, settings: dict[str, Any]) -> None:
        self.folder = folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            run_file = folder / RUN_FILE
            if run_file.exists():
                if json.loads(run_file.read_text("utf-8")) != settings:
                    raise NewslintError(
                        "--resume: this folder holds a run with other sources or settings; use another folder",
                        path=str(folder),
                    )
            else:
                self._write(run_file, settings)
        except (OSError, ValueError) as exc:
            raise NewslintError(f"--resume: {getattr(exc, 'strerror', None) or exc}", path=str(folder)) from None

    def _path(self, partition: Partition) -> Path:
        return self.folder / f"{hashlib.sha256(partition.key.encode('utf-8')).hexdigest()[:24]}.json"

    def load(self, partition: Partition) -> Audit | None:
        """The partition's audit from an earlier run, or None (not done, or unreadable)."""
        path = self._path(partition)
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("partition") != partition.key:
                return None
            return Audit.from_json(data["audit"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, partition: Partition, audit: Audit) -> None:
        self._write(self._path(partition), {"partition": partition.key, "audit": audit.to_json()})

    @staticmethod
    def _write(path: Path, data: dict[str, Any]) -> None:
        with AtomicFile(path, durable=False) as out:
            out.write(json.dumps(data, sort_keys=True).encode("utf-8"))
