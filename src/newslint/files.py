"""Files newslint writes: whole or not at all, and where its cache lives."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def write_atomically(destination: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to a temporary file in `destination`'s folder, then rename it over
    `destination` (atomic on POSIX and Windows). With `mode`, the new file gets those
    permission bits; an interrupted write leaves the old file, or none, never a part."""
    handle, temporary = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".newslint-tmp",
                                         dir=destination.parent if str(destination.parent) else ".")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temporary, mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, destination)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def default_cache_dir() -> Path:
    """The user cache folder, as each platform defines it."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "newslint"


def resolved(path: Path | str) -> Path:
    """`path` made absolute with symbolic links resolved, or, for a link that loops or
    cannot be followed, made absolute as written: the file's own error (reported when it
    is read) says what is wrong, not a traceback from here."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return Path(os.path.abspath(path))
