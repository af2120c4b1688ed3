"""Settings for a server under test: no .env file, its own data directory, the embedded SQLite by default."""

from __future__ import annotations

from pathlib import Path

from voice.settings import Settings


# The per-turn transcription deadline guards production against a hung backend. On a test machine at load 15+ a
# tiny.en decode alone passed its 10 s, the turn was re-asked and whole-call tests failed on the machine's speed;
# tests of the deadline itself set their own.
TEST_STT_DEADLINE_MS = 120_000


def settings_for(data_dir: Path, **overrides) -> Settings:
    """What the tests' servers run on; `overrides` are Settings fields (a `database_url` replaces SQLite)."""
    defaults = {"database_url": "", "stt_deadline_ms": TEST_STT_DEADLINE_MS}
    return Settings(_env_file=None, data_dir=data_dir, **{**defaults, **overrides})
