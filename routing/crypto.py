"""PHI at rest: Fernet encryption with key rotation, and keyed hashes for lookups.

Key rotation (PHI_KEY holds comma-separated Fernet keys, newest first):
  1. generate a key: python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"
  2. deploy PHI_KEY="<new>,<old>": new writes use <new>, old rows still decrypt;
  3. run Store.reencrypt() once (`triage db reencrypt`: every PHI column and every photo file under <new>);
  4. deploy PHI_KEY="<new>" and destroy <old>.
The hash key (phone-number lookups) is separate and is never rotated this way: changing it would
orphan every lookup hash.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from routing.errors import PhiKeyError

DEV_KEYS_FILE = "dev-keys.json"


class PhiCipher:
    """Encrypts PHI with the newest key and decrypts with any key still listed.

    Rotation: put a new key first ("new,old"), run `Store.reencrypt()`, then drop the old key.
    """

    def __init__(self, keys: list[bytes]) -> None:
        if not keys:
            raise PhiKeyError("no PHI key configured", code="phi-key-missing")
        try:
            self._fernet = MultiFernet([Fernet(k) for k in keys])
        except (ValueError, TypeError) as exc:
            raise PhiKeyError("a PHI key is not a valid Fernet key") from exc

    @classmethod
    def from_keys(cls, keys: str) -> "PhiCipher":
        """Build from comma-separated Fernet keys, newest first."""
        return cls([k.strip().encode() for k in (keys or "").split(",") if k.strip()])

    def encrypt(self, value: str | None) -> str | None:
        """Ciphertext of `value` under the newest key; None stays None."""
        if value is None:
            return None
        return self._fernet.encrypt(value.encode()).decode()

    def decrypt(self, token: str | None) -> str | None:
        """Plaintext of a token written under any listed key; None stays None."""
        if token is None:
            return None
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken as exc:
            raise PhiKeyError("ciphertext was written under a key no longer configured",
                              code="phi-key-unknown") from exc

    def rotate(self, token: str | None) -> str | None:
        """Re-encrypt a token under the newest key (same plaintext)."""
        if token is None:
            return None
        return self._fernet.rotate(token.encode()).decode()

    def encrypt_bytes(self, data: bytes) -> bytes:
        """A Fernet token (bytes) of `data` under the newest key: photo files."""
        return self._fernet.encrypt(data)

    def decrypt_bytes(self, token: bytes) -> bytes:
        """The bytes a token written under any listed key holds."""
        try:
            return self._fernet.decrypt(token)
        except InvalidToken as exc:
            raise PhiKeyError("ciphertext was written under a key no longer configured",
                              code="phi-key-unknown") from exc

    def rotate_bytes(self, token: bytes) -> bytes:
        """A bytes token re-encrypted under the newest key."""
        try:
            return self._fernet.rotate(token)
        except InvalidToken as exc:
            raise PhiKeyError("ciphertext was written under a key no longer configured",
                              code="phi-key-unknown") from exc


def keyed_hash(key: bytes, value: str) -> str:
    """HMAC-SHA256 of `value`: equal inputs find each other, the hash alone reveals nothing."""
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def load_or_create_dev_keys(data_dir: Path) -> tuple[str, bytes]:
    """Development only: generate a PHI key and a hash key once, kept in data_dir (mode 0600).

    Two processes starting together agree: the file appears atomically (link), the loser reads it.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DEV_KEYS_FILE
    if not path.exists():
        tmp = data_dir / f".{DEV_KEYS_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
        content = json.dumps({"phi_keys": Fernet.generate_key().decode(), "hash_key": secrets.token_hex(32)})
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(content)
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    data = json.loads(path.read_text())
    return data["phi_keys"], bytes.fromhex(data["hash_key"])
