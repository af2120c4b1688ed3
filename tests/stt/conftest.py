"""Shared fixtures for stt tests: the real tiny.en model, loaded once per session."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def local_whisper():
    """The real local backend; skipped with a reason when the TTS/codec tools are missing."""
    for tool in ("flite", "sox"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed; real-audio STT tests need it")
    from stt.faster_whisper import LocalWhisperTranscriber

    return LocalWhisperTranscriber(cpu_threads=2)
