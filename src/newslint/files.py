"""Files newslint writes: whole or not at all, and where its cache lives."""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from newslint import interrupts


class AtomicFile:
    """A file that appears at `destination` whole or not at all, however long it takes to
    write: the parts go to a temporary file in the same folder, which `commit` renames over
    `destination` (atomic on POSIX and Windows) and `discard` removes. Used as a context
    manager, it commits when the block ends normally and discards on any exception,
    Ctrl-C included, so an interrupted run leaves the old file, or none, never a part.
    With `mode`, the new file gets those permission bits (else the umask's default).
    `durable` flushes it to disk before the rename, so that it survives a crash too: a
    fixed story must; a cache entry need not (a lost one is a miss), and syncing each one
    added a seventh to a first run over 1,000 stories."""

    def __init__(self, destination: Path, mode: int | None = None, *, durable: bool = True) -> None:
        self.destination, self.mode, self.durable = destination, mode, durable
        handle, self.temporary = tempfile.mkstemp(
            prefix=f".{destination.name}.",
            suffix=".newslint-tmp",
            dir=destination.parent if str(destination.parent) else ".",
        )
        # Removed even if a second signal ends the run while it unwinds (issue 20).
        interrupts.register(self.temporary, functools.partial(_remove, self.temporary))
        try:
            self._out = os.fdopen(handle, "wb")
        except BaseException:
            os.close(handle)
            Path(self.temporary).unlink(missing_ok=True)
            raise

    def write(self, data: bytes) -> None:
        self._out.write(data)

    def commit(self, before_replace: Callable[[], None] | None = None) -> None:
        """Put the file in place. `before_replace`, if given, runs as the very last step
        before the rename and may raise to cancel it (--fix checks there, as late as it
        can, that no one else changed the file meanwhile)."""
        try:
            self._out.flush()
            if self.durable:
                os.fsync(self._out.fileno())
            self._out.close()
            if self.mode is not None:
                os.chmod(self.temporary, self.mode & 0o7777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(self.temporary, 0o666 & ~umask)
            if before_replace is not None:
                before_replace()
            os.replace(self.temporary, self.destination)
            interrupts.unregister(self.temporary)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        """Remove the temporary file, whatever closing it says: on a full disk, closing
        flushes the buffered part and fails again, and that left a 0-byte file beside the
        story (issue 20)."""
        try:
            self._out.close()
        except OSError:
            pass
        finally:
            _remove(self.temporary)
            interrupts.unregister(self.temporary)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def open_regular(path: Path | str, flags: int = os.O_RDONLY, mode: int = 0o666) -> int:
    """A descriptor for `path` opened with `flags`, only if it is a regular file: a
    named pipe, a device or a socket where a cache file should be is an OSError (a
    miss), never a read that waits for a writer or a write that goes through it (issue
    20: a FIFO in the cache folder hung the run). O_NONBLOCK keeps the open itself from
    waiting on a pipe; it means nothing for a regular file, and is cleared once the file
    is known to be one."""
    handle = os.open(path, flags | os.O_NONBLOCK, mode)
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise OSError(f"not a regular file: {path}")
        os.set_blocking(handle, True)
    except BaseException:
        os.close(handle)
        raise
    return handle


def read_regular(path: Path | str) -> bytes:
    """The bytes of `path` if it is a regular file; else OSError (see `open_regular`)."""
    with open(open_regular(path), "rb") as handle:
        return handle.read()


def write_atomically(destination: Path, data: bytes, mode: int | None = None, *, durable: bool = True) -> None:
    """Write `data` to `destination` whole or not at all (see `AtomicFile`)."""
    with AtomicFile(destination, mode, durable=durable) as out:
        out.write(data)


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
