"""The OpenAI backend through the real SDK against a loopback server, and the fallback around it."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from stt.base import Hints, SttError, Transcript
from stt.fallback import LOCAL_SLOTS, FallbackTranscriber, build_transcriber
from stt.openai_api import OpenAITranscriber
from tests.support.fake_openai import fake_openai_server
from tests.support.wait import PATIENCE_S

PCM = (b"\x10\x00\xf0\xff" * 4000)  # 1 s of 8 kHz audio


class Recorder:
    """A stand-in local backend that records the turns it was given."""

    name = "local"

    def __init__(self, fail: bool = False) -> None:
        self.calls = 0
        self.fail = fail

    def transcribe(self, pcm16: bytes, sample_rate: int, hints: Hints | None = None) -> Transcript:
        self.calls += 1
        if self.fail:
            raise RuntimeError("local model crashed")
        return Transcript(text="local words", backend=self.name, audio_seconds=len(pcm16) / 2 / sample_rate)


@pytest.fixture
def server():
    with fake_openai_server() as state:
        yield state


def test_success_sends_a_wav_file_with_model_and_prompt(server):
    remote = OpenAITranscriber("sk-test", base_url=server.base_url, model="whisper-1", timeout_s=PATIENCE_S)
    result = remote.transcribe(PCM, 8000, Hints(initial_prompt="How many breaths?", hotwords="nine ten"))
    assert result == Transcript(text="I counted nine breaths.", backend="openai", audio_seconds=1.0)
    body = server.requests[-1]
    assert b"RIFF" in body and b"WAVE" in body
    assert b"whisper-1" in body
    assert b"How many breaths? nine ten" in body


@pytest.mark.parametrize(
    ("mode", "code"),
    [("500", "stt-remote-status"), ("timeout", "stt-timeout"), ("malformed", "stt-remote-malformed"),
     ("no-text", "stt-remote-malformed")],
)
def test_failures_become_stable_codes(server, mode, code):
    server.mode = mode
    server.delay_s = 2
    # Only the timeout case may run out of time: a slow machine must not turn a 500 into a timeout.
    remote = OpenAITranscriber("sk-test", base_url=server.base_url, timeout_s=0.5 if mode == "timeout" else PATIENCE_S)
    with pytest.raises(SttError) as caught:
        remote.transcribe(PCM, 8000)
    assert caught.value.code == code
    assert len(server.requests) == 1  # no SDK retries: the fallback is the retry


def test_unreachable_server_is_its_own_code():
    remote = OpenAITranscriber("sk-test", base_url="http://127.0.0.1:9/v1", timeout_s=0.5)
    with pytest.raises(SttError) as caught:
        remote.transcribe(PCM, 8000)
    assert caught.value.code == "stt-remote-unreachable"


@pytest.mark.parametrize("mode", ["500", "timeout", "malformed", "no-text"])
def test_each_remote_failure_falls_back_and_is_logged(server, mode, caplog):
    server.mode = mode
    server.delay_s = 3
    local = Recorder()
    stt = FallbackTranscriber(OpenAITranscriber("sk-test", base_url=server.base_url, timeout_s=5), local, deadline_s=0.5)
    with caplog.at_level(logging.WARNING, logger="stt.fallback"):
        result = stt.transcribe(PCM, 8000)
    stt.close()
    assert result.text == "local words" and result.backend == "local"
    assert local.calls == 1
    assert "using local for this turn" in caplog.text


def test_a_working_remote_is_used_and_local_is_idle(server):
    local = Recorder()
    stt = FallbackTranscriber(OpenAITranscriber("sk-test", base_url=server.base_url), local, deadline_s=PATIENCE_S)
    assert stt.transcribe(PCM, 8000).backend == "openai"
    assert local.calls == 0
    stt.close()


def test_deadline_bounds_the_wait_even_when_the_remote_ignores_its_timeout(server):
    server.mode = "timeout"
    server.delay_s = 3
    # The SDK timeout (10 s) is longer than the turn deadline: the deadline still wins.
    stt = FallbackTranscriber(OpenAITranscriber("sk-test", base_url=server.base_url, timeout_s=10), Recorder(), 0.3)
    assert stt.transcribe(PCM, 8000).backend == "local"
    stt.close()


def test_both_failing_is_one_stt_error(server):
    server.mode = "500"
    stt = FallbackTranscriber(OpenAITranscriber("sk-test", base_url=server.base_url), Recorder(fail=True), 1)
    with pytest.raises(SttError) as caught:
        stt.transcribe(PCM, 8000)
    assert caught.value.code == "stt-failed"
    stt.close()


def test_build_transcriber_needs_a_key_for_openai():
    with pytest.raises(SttError) as caught:
        build_transcriber(None, None, None, backend="openai")
    assert caught.value.code == "stt-config"


@pytest.mark.slow
def test_build_transcriber_picks_backends(server):
    assert build_transcriber(None, None, None).name == "local"
    assert build_transcriber("sk-test", server.base_url, None, backend="local").name == "local"
    combined = build_transcriber("sk-test", server.base_url, None, backend="auto", deadline_s=PATIENCE_S)
    assert combined.name == "openai+local"
    assert combined.transcribe(PCM, 8000).text == "I counted nine breaths."


@pytest.mark.parametrize(("language", "sent"), [("en", b"en"), ("hi", b"hi"), ("tl", b"tl"), ("pcm", b"en")])
def test_the_dialogues_language_is_passed_to_the_api(server, language, sent):
    remote = OpenAITranscriber("sk-test", base_url=server.base_url, timeout_s=PATIENCE_S)
    remote.transcribe(PCM, 8000, Hints(initial_prompt="?", language=language))
    body = server.requests[-1]
    assert b'name="language"\r\n\r\n' + sent + b"\r\n" in body


class Blocked:
    """A local backend whose decodes hold their slot until released: the CPU of an outage, made explicit."""

    name = "local"

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Semaphore(0)

    def transcribe(self, pcm16: bytes, sample_rate: int, hints: Hints | None = None) -> Transcript:
        self.started.release()
        self.release.wait(PATIENCE_S)
        return Transcript(text="local words", backend=self.name, audio_seconds=len(pcm16) / 2 / sample_rate)


def test_an_outage_runs_at_most_a_core_s_worth_of_local_decodes_and_re_asks_the_rest(server):
    """Every turn falls back in an outage: the turns beyond the local slots fail fast (the dialogue re-asks)
    instead of queueing decodes that would finish after their callers had given up."""
    server.mode = "500"
    local = Blocked()
    stt = FallbackTranscriber(OpenAITranscriber("sk-test", base_url=server.base_url, timeout_s=PATIENCE_S), local,
                              deadline_s=0.2)
    with ThreadPoolExecutor(max_workers=LOCAL_SLOTS) as pool:
        holding = [pool.submit(stt.transcribe, PCM, 8000) for _ in range(LOCAL_SLOTS)]
        for _ in range(LOCAL_SLOTS):
            assert local.started.acquire(timeout=PATIENCE_S)
        with pytest.raises(SttError) as caught:
            stt.transcribe(PCM, 8000)
        assert caught.value.code == "stt-overloaded"
        local.release.set()
        assert [f.result(timeout=PATIENCE_S).text for f in holding] == ["local words"] * LOCAL_SLOTS
    assert stt.transcribe(PCM, 8000).text == "local words"  # slots are given back
    stt.close()
