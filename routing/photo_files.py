"""Photo files at rest: encrypted with the PHI key, readable by the server's user only, named without a fingerprint.

A photo is stored as `<case_id>/<name>.enc`, a Fernet token of the cleaned JPEG under the newest PHI key
(routing/crypto.py), mode 0600 in a 0700 folder. The name is a keyed hash (the phone-lookup hash key) of the
JPEG's SHA-256: the same photo sent twice is one file, and a name says nothing to someone holding a copy of
the picture. Files written before encryption (`<sha256>.jpg`, plain JPEG) are still read; key rotation
(Store.reencrypt) encrypts and renames them.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from routing.crypto import PhiCipher

logger = logging.getLogger(__name__)

SUFFIX = ".enc"
FILE_MODE = 0o600
DIR_MODE = 0o700
JPEG_MAGIC = b"\xff\xd8\xff"  # a file from before encryption; a Fernet token starts "gAAAAA"


class PhotoFiles:
    """Reads and writes photo files under `root` (the PHOTO directory in data_dir)."""

    def __init__(self, root: Path, cipher: PhiCipher, keyed_hash: Callable[[str], str]) -> None:
        self.root = Path(root)
        self._cipher = cipher
        self._keyed_hash = keyed_hash

    def path_for(self, case_id: int, jpeg: bytes) -> str:
        """The relative path `<case_id>/<name>.enc` this photo is (or would be) stored at."""
        return f"{int(case_id)}/{self._keyed_hash(hashlib.sha256(jpeg).hexdigest())}{SUFFIX}"

    def save(self, path: str, jpeg: bytes) -> bool:
        """Write the photo encrypted at `path` unless it is there already; True when written."""
        target = self.root / path
        if target.exists():
            return False
        self._folder(target.parent)
        self._write(target, self._cipher.encrypt_bytes(jpeg))
        return True

    def read(self, path: str) -> bytes:
        """The JPEG stored at `path` (decrypted; a file from before encryption is read as it is)."""
        data = (self.root / path).read_bytes()
        return data if data.startswith(JPEG_MAGIC) else self._cipher.decrypt_bytes(data)

    def delete(self, path: str) -> bool:
        """Remove the file at `path`; False when it was already gone."""
        try:
            (self.root / path).unlink()
            return True
        except FileNotFoundError:
            return False

    def rotate(self, path: str) -> str:
        """Re-encrypt the file at `path` under the newest key; returns its path, new for a plain legacy file.

        A legacy file is written encrypted under its new name first and removed only after the caller has
        recorded the new path (see `Store.reencrypt`), so a crash in between loses nothing.
        """
        target = self.root / path
        data = target.read_bytes()
        if data.startswith(JPEG_MAGIC):
            new_path = self.path_for(int(path.split("/", 1)[0]), data)
            self.save(new_path, data)
            return new_path
        self._write(target, self._cipher.rotate_bytes(data))
        return path

    def _folder(self, folder: Path) -> None:
        self.root.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        folder.mkdir(mode=DIR_MODE, exist_ok=True)
        for directory in (self.root, folder):
            if directory.stat().st_mode & 0o777 != DIR_MODE:  # made by an older version, or under a lax umask
                directory.chmod(DIR_MODE)

    @staticmethod
    def _write(target: Path, data: bytes) -> None:
        """Atomically (a reader never sees half a file), owner-only from the first byte."""
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
