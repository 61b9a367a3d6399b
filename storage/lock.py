"""One process writes a vault at a time: an advisory lock on an empty file beside it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO


class VaultLockedError(Exception):
    """Another Rapport process has this vault open."""


class VaultLock:
    """An exclusive, non-blocking lock on ``<vault>.lock``; the file stays empty."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        """Say whether this object holds the lock."""
        return self._handle is not None

    def acquire(self) -> None:
        """Take the lock, or raise `VaultLockedError` at once if another process has it."""
        if self._handle is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+b")  # noqa: SIM115 - held open for the vault's lifetime
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise VaultLockedError(
                "This vault is open in another Rapport window or command. "
                "Close it there and try again."
            ) from None
        self._handle = handle

    def release(self) -> None:
        """Release the lock; harmless when it is not held."""
        handle, self._handle = self._handle, None
        if handle is not None:
            try:
                _unlock(handle)
            finally:
                handle.close()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


__all__ = ["VaultLock", "VaultLockedError"]
