"""Speculative decoding while the caller speaks: when the work is reused, and when the turn is decoded again."""

from __future__ import annotations

import threading
from concurrent.futures import Executor, Future, ThreadPoolExecutor

import numpy as np
import pytest

from stt.base import Hints, SttError, Transcript
from stt.incremental import IncrementalTranscriber

RATE = 8000
FRAME = 2 * RATE // 50  # 20 ms of PCM16


def tone(seconds: float, level: float = 0.1) -> bytes:
    """A 300 Hz tone standing in for speech."""
    t = np.arange(int(RATE * seconds)) / RATE
    return (np.sin(2 * np.pi * 300 * t) * level * 32767).astype("<i2").tobytes()


def quiet(seconds: float) -> bytes:
    return bytes(2 * int(RATE * seconds))


class Recorder:
    """A transcriber that names how much audio it was given; `gate` holds decodes until set."""

    name = "local"

    def __init__(self, fail_first: bool = False) -> None:
        self.calls: list[int] = []
        self.hints: list[Hints | None] = []
        self.fail_first = fail_first
        self.gate = threading.Event()
        self.gate.set()

    def transcribe(self, pcm16: bytes, sample_rate: int, hints: Hints | None = None) -> Transcript:
        self.gate.wait(5)
        self.calls.append(len(pcm16))
        self.hints.append(hints)
        if self.fail_first and len(self.calls) == 1:
            raise SttError(code="stt-local-failed")
        return Transcript(text=f"{len(pcm16)} bytes", backend=self.name, audio_seconds=len(pcm16) / 2 / sample_rate)


class Inline(Executor):
    """Runs each decode at once, so the tests about reuse do not race a thread pool."""

    def submit(self, fn, /, *args, **kwargs):
        future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as err:
            future.set_exception(err)
        return future


@pytest.fixture
def pool():
    return Inline()


def feed(live: IncrementalTranscriber, audio: bytes) -> None:
    """In 20 ms frames, as the websocket delivers them."""
    for i in range(0, len(audio), FRAME):
        live.feed(audio[i : i + FRAME])


def test_a_pause_starts_one_decode_that_the_end_of_turn_reuses(pool):
    stt = Recorder()
    hints = Hints(initial_prompt="Is he breathing?")
    live = IncrementalTranscriber(stt, pool, hints, RATE)
    speech = quiet(0.2) + tone(2.0)
    feed(live, speech + quiet(0.7))  # the endpointer's 700 ms of silence
    assert live.decodes == 1
    result = live.finish(speech + quiet(0.2))  # the endpointer keeps 200 ms of it
    assert live.reused
    assert len(stt.calls) == 1 and stt.hints == [hints]
    assert result.text == f"{len(speech) + 2 * int(RATE * 0.3)} bytes"  # decoded at the pause, 300 ms in


def test_speech_after_the_pause_is_decoded_at_the_next_pause(pool):
    stt = Recorder()
    live = IncrementalTranscriber(stt, pool, None, RATE)
    first = tone(1.0) + quiet(0.5)
    feed(live, first)
    second = tone(1.0)
    feed(live, second + quiet(0.7))
    assert live.decodes == 2
    live.finish(first + second + quiet(0.2))
    assert live.reused and len(stt.calls) == 2


def test_speech_up_to_the_end_is_decoded_afresh(pool):
    stt = Recorder()
    live = IncrementalTranscriber(stt, pool, None, RATE)
    audio = tone(1.0) + quiet(0.4) + tone(1.0)  # a pause mid-turn, then talking until the turn is cut
    feed(live, audio)
    result = live.finish()
    assert live.decodes == 1 and not live.reused
    assert result.text == f"{len(audio)} bytes"


def test_no_speech_means_no_speculative_work(pool):
    stt = Recorder()
    live = IncrementalTranscriber(stt, pool, None, RATE)
    feed(live, quiet(2.0))
    assert live.decodes == 0
    live.finish()
    assert stt.calls == [len(quiet(2.0))]


def test_a_failed_speculative_decode_is_redone(pool):
    stt = Recorder(fail_first=True)
    live = IncrementalTranscriber(stt, pool, None, RATE)
    speech = tone(1.5)
    feed(live, speech + quiet(0.7))
    result = live.finish(speech + quiet(0.2))
    assert not live.reused and len(stt.calls) == 2
    assert result.text == f"{len(speech) + len(quiet(0.2))} bytes"


def test_other_audio_at_finish_is_not_answered_from_the_guess(pool):
    stt = Recorder()
    live = IncrementalTranscriber(stt, pool, None, RATE)
    feed(live, tone(1.0) + quiet(0.7))
    other = tone(1.0, level=0.2) + quiet(0.2)
    assert live.finish(other).text == f"{len(other)} bytes" and not live.reused


def test_a_decode_still_queued_is_cancelled_not_waited_for():
    """With every worker busy, finish (itself on a worker) must not wait behind the queue."""
    stt = Recorder()
    with ThreadPoolExecutor(max_workers=1) as busy:
        blocker = threading.Event()
        busy.submit(blocker.wait, 5)
        live = IncrementalTranscriber(stt, busy, None, RATE)
        speech = tone(1.0)
        feed(live, speech + quiet(0.7))
        assert live.decodes == 1
        result = live.finish(speech + quiet(0.2))
        blocker.set()
    assert not live.reused and stt.calls == [len(speech) + len(quiet(0.2))]
    assert result.text == f"{len(speech) + len(quiet(0.2))} bytes"


def test_feed_never_waits_for_a_decode():
    stt = Recorder()
    stt.gate.clear()  # decodes hang until released
    with ThreadPoolExecutor(max_workers=2) as pool:
        live = IncrementalTranscriber(stt, pool, None, RATE)
        feed(live, tone(1.0) + quiet(0.7) + tone(1.0) + quiet(0.7))  # returns although a decode is stuck
        assert live.decodes == 1  # no second decode piles up behind the running one
        stt.gate.set()
        live.finish()


@pytest.mark.slow
def test_real_whisper_reuses_the_decode_made_during_the_endpointer_wait(local_whisper):
    from stt.synth import synthesize

    speech = synthesize("He is breathing but very fast.", "flite:slt")
    with ThreadPoolExecutor(max_workers=1) as pool:
        live = IncrementalTranscriber(local_whisper, pool, None, RATE)
        feed(live, speech + quiet(0.7))
        pool.submit(lambda: None).result()  # one worker: the decode started at the pause is done (as in a call)
        result = live.finish(speech + quiet(0.2))
    assert live.reused
    assert "breathing" in result.text.lower()
