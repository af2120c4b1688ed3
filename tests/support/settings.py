"""Settings for a server under test: no .env file, its own data directory, the embedded SQLite by default."""

from __future__ import annotations

from pathlib import Path

from voice.settings import Settings


def settings_for(data_dir: Path, **overrides) -> Settings:
    """What the tests' servers run on; `overrides` are Settings fields (a `database_url` replaces SQLite)."""
    return Settings(_env_file=None, data_dir=data_dir, **{"database_url": "", **overrides})
