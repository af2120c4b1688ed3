"""Offline test speech: Debian TTS voices put through a real 8 kHz mu-law telephone round trip."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

PHONE_RATE = 8000
VOICES = ("flite:slt", "flite:rms", "flite:awb", "flite:kal16")
FESTIVAL_VOICES = {"slt_hts": "cmu_us_slt_arctic_hts"}  # short names for festival's voice functions


def synthesize(text: str, voice: str = "flite:slt") -> bytes:
    """PCM16 at 8 kHz, as the server decodes it from Twilio, for `text` spoken by `voice` (engine:name)."""
    engine, _, name = voice.partition(":")
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "speech.wav"
        if engine == "flite":
            command = ["flite", "-voice", name or "slt", "-t", text, "-o", str(wav)]
        elif engine == "espeak":
            command = ["espeak-ng", "-v", name or "en-us", "-w", str(wav), text]
        elif engine == "festival":  # Debian's festival + festvox-us-slt-hts: name slt_hts
            script = Path(tmp) / "speech.txt"
            script.write_text(text, encoding="utf-8")
            command = ["text2wave", "-eval", f"(voice_{FESTIVAL_VOICES.get(name or 'slt_hts', name)})",
                       "-o", str(wav), str(script)]
        else:
            raise ValueError(f"unknown TTS engine {engine!r} (flite, festival or espeak)")
        subprocess.run(command, check=True, capture_output=True, timeout=60)
        return telephone_round_trip(wav)


def telephone_round_trip(path: Path) -> bytes:
    """Any audio file -> 8 kHz mono mu-law -> PCM16 bytes: what a phone line leaves of it."""
    mulaw = subprocess.run(
        ["sox", str(path), "-t", "raw", "-r", str(PHONE_RATE), "-c", "1", "-e", "mu-law", "-b", "8", "-"],
        check=True, capture_output=True, timeout=60,
    ).stdout
    return subprocess.run(
        ["sox", "-t", "raw", "-r", str(PHONE_RATE), "-c", "1", "-e", "mu-law", "-b", "8", "-",
         "-t", "raw", "-e", "signed-integer", "-b", "16", "-L", "-"],
        input=mulaw, check=True, capture_output=True, timeout=60,
    ).stdout
