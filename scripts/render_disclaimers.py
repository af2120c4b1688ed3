"""Render the disclaimer in each language to docs/audio/ as a phone carries it (8 kHz mu-law WAV), to listen to.

Run: PYTHONPATH=$PWD .venv/bin/python scripts/render_disclaimers.py  (needs sox; Piper renders differ a little each run)
"""
import subprocess, wave, io
from intake.catalogue import catalogue
from intake.emergency import emergency_number
from voice.codec import ulaw_to_pcm16
from voice.tts import build_tts, with_hindi
engine = with_hindi(build_tts("auto", "en-us"))
for lang, region in (("en", "NG"), ("hi", "IN"), ("pcm", "NG"), ("tl", "PH")):
    text = catalogue(lang).say("disclaimer.voice", number=emergency_number(region).number)
    pcm = ulaw_to_pcm16(engine.synthesize(text))
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000); w.writeframes(pcm)
    out = f"docs/audio/disclaimer-{lang}-{region}.wav"
    subprocess.run(["sox", "-t", "wav", "-", "-e", "mu-law", "-b", "8", out], input=buf.getvalue(), check=True)
    print(out, len(pcm) / 16000, "s |", text)
