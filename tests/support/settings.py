"""Settings for a server under test: no .env file, its own data directory, the embedded SQLite by default."""

from __future__ import annotations

import os
from pathlib import Path

from voice.settings import Settings


# The per-turn transcription deadline guards production against a hung backend. On a test machine at load 15+ a
# tiny.en decode alone passed its 10 s, the turn was re-asked and whole-call tests failed on the machine's speed;
# tests of the deadline itself set their own.
TEST_STT_DEADLINE_MS = 120_000


# The test run's one prompt-audio cache (made by tests/conftest.py, shared by its xdist workers). Every server under
# test rendered the same fixed prompts again, the neural voice at 1.7-3.5 s each on a loaded 2-core machine, on the
# calls' turns and in each `triage serve` warm-up. The cache keys on engine, voice and text and writes atomically,
# as for a server restarted on its data directory, so a shared one hands each server what another rendered.
SHARED_PROMPT_AUDIO_ENV = "TRIAGELINE_TEST_PROMPT_AUDIO"


def share_prompt_audio(data_dir: Path) -> Path:
    """Point `data_dir`/prompt-audio at the run's shared cache (when there is one and the data dir has none)."""
    shared, own = os.environ.get(SHARED_PROMPT_AUDIO_ENV), data_dir / "prompt-audio"
    if shared and not own.exists() and not own.is_symlink():
        data_dir.mkdir(parents=True, exist_ok=True)
        own.symlink_to(shared, target_is_directory=True)
    return data_dir


def settings_for(data_dir: Path, **overrides) -> Settings:
    """What the tests' servers run on; `overrides` are Settings fields (a `database_url` replaces SQLite)."""
    share_prompt_audio(data_dir)
    defaults = {"database_url": "", "stt_deadline_ms": TEST_STT_DEADLINE_MS}
    return Settings(_env_file=None, data_dir=data_dir, **{**defaults, **overrides})
