"""Endpointing on real synthesized speech over a mu-law line, quiet and noisy, with both frame VADs."""

import asyncio

import numpy as np
import pytest

from tests.support.audio import add_noise, conversation, duration_ms, level_dbfs, speak
from voice.codec import frames, silence_ulaw, ulaw_to_pcm16
from voice.endpointing import (
    EnergyVad,
    Endpointer,
    SileroVad,
    SpeechStarted,
    TurnEnded,
    load_silero,
    vad_factory,
)

ANSWERS = [
    "My father fell down the stairs and he is not moving.",
    "Yes, he is breathing.",
    "I counted nine breaths.",
    "He can squeeze my hand.",
]
GAP_MS = 1000


@pytest.fixture(scope="module")
def silero_session():
    pytest.importorskip("onnxruntime", reason="Silero VAD needs onnxruntime (a faster-whisper dependency)")
    return load_silero()


@pytest.fixture(params=["energy", "silero"])
def vad_kind(request):
    """Which frame VAD the endpointer runs on."""
    return request.param


@pytest.fixture
def make_endpointer(vad_kind, request):
    """Endpointer factory for the frame VAD under test."""
    if vad_kind == "energy":
        return lambda **kw: Endpointer(vad=EnergyVad(), **kw)
    session = request.getfixturevalue("silero_session")
    return lambda **kw: Endpointer(vad=SileroVad(session), **kw)


def run(endpointer: Endpointer, ulaw: bytes) -> list:
    """Stream mu-law through the endpointer in 20 ms frames, as the websocket does."""
    events = []
    for frame in frames(ulaw):
        events += endpointer.process(ulaw_to_pcm16(frame), 20)
    return events


def _kinds(events) -> list[str]:
    return [type(e).__name__ for e in events]


# Noise as (absolute dBFS | None, dB below the speech | None); line hiss is absolute, rooms are relative.
NOISES = {"clean": (None, None), "line-hiss": (-50.0, None), "office": (None, 20.0), "street": (None, 15.0)}


@pytest.mark.parametrize("voice", ["slt", "rms", "espeak"])
@pytest.mark.parametrize("noise", list(NOISES))
def test_n_utterances_give_n_turns(make_endpointer, vad_kind, voice, noise):
    if noise == "street" and vad_kind == "energy":
        pytest.skip("EnergyVad loses soft word onsets at 15 dB SNR (measured); SileroVad is the noisy-line VAD")
    utterances = [speak(text, voice) for text in ANSWERS]
    stream = conversation(utterances, GAP_MS)
    absolute, below_speech = NOISES[noise]
    if absolute is not None:
        stream = add_noise(stream, absolute)
    if below_speech is not None:
        stream = add_noise(stream, level_dbfs(b"".join(utterances)) - below_speech)
    events = run(make_endpointer(), stream)
    assert _kinds(events) == ["SpeechStarted", "TurnEnded"] * len(ANSWERS)
    onset = GAP_MS
    for utterance, started, ended in zip(utterances, events[0::2], events[1::2]):
        length = duration_ms(utterance)
        assert onset + 180 <= started.at_ms <= onset + 700  # confirmed soon after the caller starts (±1 frame)
        assert ended.reason == "silence"
        # Measured, 8 kHz Silero: the end is heard 40-120 ms after the utterance on a clean line and up to
        # 320 ms after it under office or street noise (never before it); the 16 kHz model ended up to 180 ms early.
        late_ms = 200 if below_speech is None else 350
        assert onset + length - 400 <= ended.speech_end_ms <= onset + length + late_ms
        assert ended.at_ms == ended.speech_end_ms + 700
        # The whole utterance plus pre-roll, a short tail and the late end (PCM16 at 8 kHz: 16 bytes per ms).
        assert length <= len(ended.audio) // 16 <= length + 400 + late_ms
        assert ended.speech_ms >= 0.5 * length
        onset += length + GAP_MS


def _loud_slice(ulaw: bytes, ms: int) -> bytes:
    """`ms` of the loudest part of an utterance: voiced sound, not a click."""
    pcm = np.frombuffer(ulaw_to_pcm16(ulaw), dtype="<i2").astype(np.float64)
    window = 8 * ms
    energy = np.convolve(pcm**2, np.ones(window), mode="valid")
    start = int(np.argmax(energy))
    return ulaw[start : start + window]


def test_a_blip_shorter_than_min_speech_starts_nothing_but_a_word_does(make_endpointer):
    vowel = speak("Aaah, ohhh.", "rms")
    blip = conversation([_loud_slice(vowel, 100)], GAP_MS)
    assert run(make_endpointer(min_speech_ms=200), blip) == []
    word = conversation([_loud_slice(vowel, 400)], GAP_MS)
    assert _kinds(run(make_endpointer(min_speech_ms=200), word)) == ["SpeechStarted", "TurnEnded"]


@pytest.mark.parametrize("pause_ms,turns", [(300, 1), (1000, 2)])
def test_a_short_pause_mid_sentence_does_not_split_the_turn(make_endpointer, pause_ms, turns):
    first, second = speak("My father fell down the stairs", "slt"), speak("and he is not moving.", "slt")
    stream = conversation([first + silence_ulaw(pause_ms) + second], GAP_MS)
    events = run(make_endpointer(), stream)
    assert _kinds(events) == ["SpeechStarted", "TurnEnded"] * turns


def test_a_turn_that_never_pauses_is_cut_at_max_turn_ms(make_endpointer):
    talk = b"".join(speak(text, "rms") + silence_ulaw(150) for text in ANSWERS * 2)
    events = run(make_endpointer(max_turn_ms=3000), conversation([talk], GAP_MS))
    ended = [e for e in events if isinstance(e, TurnEnded)]
    started = [e for e in events if isinstance(e, SpeechStarted)]
    assert ended[0].reason == "max_turn"
    assert 3000 <= ended[0].at_ms - GAP_MS <= 3000 + 200
    assert len(ended[0].audio) // 16 <= 3000 + 200 + 20  # the turn plus pre-roll, no more
    assert len(ended) >= duration_ms(talk) // 3000 and len(started) == len(ended)  # talking on opens the next turn
    assert ended[-1].reason == "silence"


def test_reset_drops_a_partial_turn(make_endpointer):
    endpointer = make_endpointer()
    utterance = speak("My father fell down the stairs and he is not moving.", "slt")
    assert _kinds(run(endpointer, silence_ulaw(500) + utterance[: len(utterance) // 2])) == ["SpeechStarted"]
    endpointer.reset()
    assert run(endpointer, silence_ulaw(2000)) == []
    assert endpointer.now_ms > 2500  # the audio clock keeps running


def test_vad_factory_loads_silero_once_and_makes_independent_vads(silero_session):
    make = vad_factory("auto")
    first, second = make(), make()
    assert isinstance(first, SileroVad) and first.model is second.model
    assert isinstance(vad_factory("energy")(), EnergyVad)
    with pytest.raises(ValueError):
        vad_factory("webrtc")


async def test_closing_the_vad_factory_stops_its_silero_thread(silero_session):
    import threading

    def silero_threads():
        return {t for t in threading.enumerate() if t.name.startswith("silero")}

    before = silero_threads()
    make = vad_factory("silero")
    vad = make()
    for frame in frames(speak("Yes, he is breathing.")):  # runs through the batch start its thread
        await vad.speech_probability_shared(ulaw_to_pcm16(frame))
    started = silero_threads() - before
    assert len(started) == 1
    make.close()
    started.pop().join(timeout=5)
    assert silero_threads() == before
    with pytest.raises(RuntimeError):  # a window after the close fails at once rather than waiting forever
        async with asyncio.timeout(5):
            late = make()
            for frame in frames(speak("Yes, he is breathing.")):
                await late.speech_probability_shared(ulaw_to_pcm16(frame))


def test_a_pause_announces_the_audio_the_turn_will_end_with(make_endpointer):
    from voice.endpointing import SpeechPaused

    utterance = speak("my friend cut his hand")
    events = run(make_endpointer(early_ms=300), silence_ulaw(500) + utterance + silence_ulaw(1500))
    assert _kinds(events) == ["SpeechStarted", "SpeechPaused", "TurnEnded"]
    paused, ended = events[1], events[2]
    assert paused.audio == ended.audio  # byte for byte: an early transcription is the turn's transcription
    assert ended.at_ms - paused.at_ms == 700 - 300


async def test_calls_sharing_model_runs_hear_what_each_would_alone(silero_session):
    """Three callers at once, with line noise: one batched run per loop turn, the same probabilities and turns."""
    from voice.endpointing import SileroBatch

    streams = [add_noise(silence_ulaw(300 + 200 * i) + speak(text) + silence_ulaw(1200), -50.0)
               for i, text in enumerate(ANSWERS[:3])]
    def probabilities_alone(stream):
        vad = SileroVad(silero_session)
        return [vad.speech_probability(ulaw_to_pcm16(f)) for f in frames(stream)]

    alone = [probabilities_alone(s) for s in streams]

    batch = SileroBatch(silero_session)
    runs = 0
    model_run = silero_session.run

    class CountingModel:  # the real model, its runs counted
        window, context, sample_rate = silero_session.window, silero_session.context, silero_session.sample_rate

        def run(self, windows, state):
            nonlocal runs
            runs += 1
            return model_run(windows, state)

    batch.model = CountingModel()

    async def call(stream):
        vad = SileroVad(silero_session, batch=batch)
        return [await vad.speech_probability_shared(ulaw_to_pcm16(f)) for f in frames(stream)]

    shared = await asyncio.gather(*(call(s) for s in streams))
    for one, together in zip(alone, shared):
        assert np.allclose(one, together, atol=1e-5)
    windows = sum(len(s) // 2 for s in streams) * 2 // 256  # at most this many model inputs (8 kHz, 256 a window)
    assert 0 < runs < windows / 2  # they really shared: several windows a run
    endpointers = [Endpointer(vad=SileroVad(silero_session, batch=batch)) for _ in streams]

    async def turns(endpointer, stream):
        return [e for f in frames(stream) for e in await endpointer.process_shared(ulaw_to_pcm16(f), 20)]

    together = await asyncio.gather(*(turns(e, s) for e, s in zip(endpointers, streams)))
    assert together == [run(Endpointer(vad=SileroVad(silero_session)), s) for s in streams]
    assert all(_kinds(events) == ["SpeechStarted", "TurnEnded"] for events in together)


async def test_a_failed_shared_run_fails_every_call_in_it_and_the_next_run_is_whole(silero_session):
    from voice.endpointing import SileroBatch

    class FailsOnce:  # the real model, whose first run fails
        window, context, sample_rate = silero_session.window, silero_session.context, silero_session.sample_rate
        failed = False

        def run(self, windows, state):
            if not self.failed:
                self.failed = True
                raise RuntimeError("onnxruntime failed")
            return silero_session.run(windows, state)

    batch = SileroBatch(silero_session)
    batch.model = FailsOnce()
    voiced = ulaw_to_pcm16(frames(speak(ANSWERS[0]))[40])
    vads = [SileroVad(silero_session, gated=False, batch=batch) for _ in range(2)]
    for _ in range(2):  # two frames each: the second completes a 32 ms window
        outcomes = await asyncio.gather(*(v.speech_probability_shared(voiced) for v in vads), return_exceptions=True)
    assert [type(o) for o in outcomes] == [RuntimeError, RuntimeError]
    for _ in range(2):  # 64 samples were left over: two more frames complete the next window
        again = await asyncio.gather(*(v.speech_probability_shared(voiced) for v in vads))
    assert batch.runs == 2 and all(0.0 <= p <= 1.0 for p in again)
