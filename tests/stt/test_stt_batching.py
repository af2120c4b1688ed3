"""Concurrent turns share Whisper's model runs (stt/batching.py) and each still gets the words it gets alone."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from stt.base import Hints
from stt.batching import Abandoned, SharedWhisperRuns, one_turn
from stt.synth import synthesize

SOT = 50257
POISON = 666  # a prompt holding this token makes the fake model fail its whole batch
WAIT_S = 60.0
REAL_MODEL_WAIT_S = 600.0  # six real turns' audio prepared in six threads: minutes on a loaded 2-core machine


class HeldModel:
    """Stands in for (or wraps) a CTranslate2 Whisper model; its first call waits until the test lets it go,
    so that the calls queued meanwhile reach the runner together. Records the batch size of every call."""

    def __init__(self, inner=None) -> None:
        self.inner = inner
        self.released = threading.Event()
        self.batches: list[tuple[str, int]] = []

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def encode(self, features, to_cpu=False):
        self.released.wait(WAIT_S)
        self.batches.append(("encode", features.shape[0]))
        return self.inner.encode(features, to_cpu=to_cpu) if self.inner else features

    def generate(self, encoder_output, prompts, **options):
        self.released.wait(WAIT_S)
        self.batches.append(("generate", len(prompts)))
        if self.inner:
            return self.inner.generate(encoder_output, prompts, **options)
        if any(POISON in p for p in prompts):
            raise ValueError("a clip this model cannot decode")
        return [f"decoded {p[-1]} at {options.get('sampling_temperature', 0)}" for p in prompts]


def _queued(runs: SharedWhisperRuns, n: int, timeout_s: float = WAIT_S) -> None:
    """Wait until `n` runs wait behind the held one."""
    deadline = time.monotonic() + timeout_s
    while runs._queue.qsize() < n:
        assert time.monotonic() < deadline, "the runs never queued"
        time.sleep(0.01)


def _concurrently(calls) -> list:
    """Start each call in its own thread; their results (or exceptions) in order."""
    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        futures = [pool.submit(call) for call in calls]
        return [f.exception() or f.result() for f in futures]


def test_waiting_generates_with_the_same_options_share_one_run_and_a_bad_one_fails_alone():
    model = HeldModel()
    runs = SharedWhisperRuns(model, SOT, generate_batch=8)
    encoder_output = np.zeros((1, 4, 2), dtype=np.float32)

    def generate(last_token, **options):
        return lambda: runs.generate(encoder_output, [[SOT, last_token]], **options)

    first = threading.Thread(target=generate(1))  # holds the runner while the others queue
    first.start()
    _queued(runs, 0)
    time.sleep(0.1)
    calls = [generate(2), generate(POISON), generate(3), generate(4, sampling_temperature=0.2)]
    results = []
    collector = threading.Thread(target=lambda: results.extend(_concurrently(calls)))
    collector.start()
    _queued(runs, len(calls))
    model.released.set()
    collector.join(WAIT_S)
    first.join(WAIT_S)
    runs.close()

    assert results[0] == ["decoded 2 at 0"] and results[2] == ["decoded 3 at 0"]
    assert isinstance(results[1], ValueError)  # the bad clip's own error, in its own thread
    assert results[3] == ["decoded 4 at 0.2"]  # other decoding options: never in the same run
    # the held run; the three alike as one batch (failed), then each alone again; the other options alone
    assert sorted(model.batches) == [("generate", 1)] * 5 + [("generate", 3)]


def test_prompts_whose_start_token_sits_elsewhere_are_not_batched():
    """CTranslate2 needs <|startoftranscript|> at one position in a batch; padding a prompt would change it."""
    model = HeldModel()
    runs = SharedWhisperRuns(model, SOT)
    out = np.zeros((1, 4, 2), dtype=np.float32)
    holder = threading.Thread(target=lambda: runs.generate(out, [[SOT, 1]]))
    holder.start()
    _queued(runs, 0)
    time.sleep(0.1)
    calls = [lambda: runs.generate(out, [[SOT, 2]]), lambda: runs.generate(out, [[7, SOT, 3]])]
    collector = threading.Thread(target=lambda: _concurrently(calls))
    collector.start()
    _queued(runs, 2)
    model.released.set()
    collector.join(WAIT_S)
    holder.join(WAIT_S)
    runs.close()
    assert model.batches == [("generate", 1), ("generate", 1), ("generate", 1)]


def test_a_turn_given_up_on_is_dropped_from_the_queue_unrun():
    """A speculative decode the caller talked over, or a turn past its deadline, costs the model nothing more."""
    model = HeldModel()
    runs = SharedWhisperRuns(model, SOT)
    out = np.zeros((1, 4, 2), dtype=np.float32)
    given_up = threading.Event()

    def abandoned_turn():
        with one_turn(given_up):
            return runs.generate(out, [[SOT, 2]])

    holder = threading.Thread(target=lambda: runs.generate(out, [[SOT, 1]]))
    holder.start()
    _queued(runs, 0)
    time.sleep(0.1)
    results = []
    collector = threading.Thread(target=lambda: results.extend(_concurrently([abandoned_turn,
                                                                              lambda: runs.generate(out, [[SOT, 3]])])))
    collector.start()
    _queued(runs, 2)
    given_up.set()
    model.released.set()
    collector.join(WAIT_S)
    holder.join(WAIT_S)
    runs.close()
    assert isinstance(results[0], Abandoned) and results[1] == ["decoded 3 at 0"]
    assert model.batches == [("generate", 1), ("generate", 1)]  # the held run and the wanted one
    assert runs.counts.abandoned == 1


def test_the_oldest_turn_goes_first():
    """When more waits than the model can do, the turn that began first finishes first (its generate before a
    later turn's encode), rather than every turn finishing late."""
    model = HeldModel()
    runs = SharedWhisperRuns(model, SOT)
    out = np.zeros((1, 4, 2), dtype=np.float32)
    older_began, newer_queued = threading.Event(), threading.Event()

    def older_turn():
        with one_turn():
            older_began.set()
            newer_queued.wait(WAIT_S)
            return runs.generate(out, [[SOT, 1]])

    def newer_turn():
        older_began.wait(WAIT_S)
        with one_turn():
            return runs.encode(np.ones((1, 80, 30), dtype=np.float32))

    holder = threading.Thread(target=lambda: runs.generate(out, [[SOT, 9]]))
    holder.start()
    _queued(runs, 0)
    time.sleep(0.1)
    collector = threading.Thread(target=lambda: _concurrently([older_turn, newer_turn]))
    collector.start()
    _queued(runs, 1)  # the newer turn's encode waits first...
    newer_queued.set()
    _queued(runs, 2)  # ...then the older turn's generate
    model.released.set()
    collector.join(WAIT_S)
    holder.join(WAIT_S)
    runs.close()
    assert model.batches == [("generate", 1), ("generate", 1), ("encode", 1)]


def test_the_same_features_are_encoded_once():
    """A turn's primed decode hears the audio its plain decode heard: the encoder runs once for both (in the
    turn's thread; another turn with the same audio is encoded again, as real calls never share audio)."""
    model = HeldModel()
    model.released.set()
    runs = SharedWhisperRuns(model, SOT)
    features = np.ones((1, 80, 30), dtype=np.float32)
    first, second = runs.encode(features), runs.encode(features.copy())
    runs.encode(features + 1)
    other_turn = ThreadPoolExecutor(1).submit(runs.encode, features).result()  # another turn: its own encode
    runs.close()
    assert second is first and other_turn is not first
    assert model.batches == [("encode", 1), ("encode", 1), ("encode", 1)]
    assert (runs.counts.encodes, runs.counts.encoder_reused) == (3, 1)


# --- the real model ------------------------------------------------------------------------------------

TURNS = [  # (what the caller says, voice, the question they heard): two pairs answer the same question
    ("Yes, he is breathing.", "flite:slt", "Is he breathing?"),
    ("No, she cannot walk.", "flite:rms", "Can she walk?"),
    ("He fell off a motorbike and hurt his leg.", "flite:awb", "In a few words, what is happening?"),
    ("I counted nine breaths.", "flite:kal16", "Is he breathing?"),
    ("She is taking paracetamol.", "flite:slt", "Are they taking any medicines?"),
    ("My chest hurts when I breathe.", "flite:rms", "In a few words, what is happening?"),
]


@pytest.mark.slow
def test_concurrent_turns_get_the_same_words_as_alone(local_whisper):
    """Six turns decoded at once, their encodes two to a run, say what each says decoded alone."""
    from stt.faster_whisper import LocalWhisperTranscriber

    audio = [(synthesize(text, voice), Hints(initial_prompt=question)) for text, voice, question in TURNS]
    alone = [local_whisper.transcribe(pcm, 8000, hints).text for pcm, hints in audio]

    shared = LocalWhisperTranscriber(cpu_threads=2, shared_runs=False)
    held = HeldModel(shared._model.model)
    runs = shared._model.model = SharedWhisperRuns(held, SOT, encode_batch=2)
    holder = threading.Thread(target=lambda: shared.transcribe(*_turn(audio[0])))
    holder.start()
    _queued(runs, 0)
    time.sleep(0.1)
    together = []
    collector = threading.Thread(target=lambda: together.extend(
        _concurrently([lambda pcm=pcm, hints=hints: shared.transcribe(pcm, 8000, hints) for pcm, hints in audio])))
    collector.start()
    _queued(runs, len(audio), timeout_s=REAL_MODEL_WAIT_S)
    held.released.set()
    collector.join(REAL_MODEL_WAIT_S)
    holder.join(WAIT_S)
    runs.close()

    assert [t.text for t in together] == alone
    assert ("encode", 2) in held.batches  # the encodes did share runs
    assert any(kind == "generate" and n > 1 for kind, n in held.batches), held.batches


def _turn(turn):
    pcm, hints = turn
    return pcm, 8000, hints


@pytest.mark.slow
def test_stt_eval_with_concurrent_turns_hears_what_it_hears_one_at_a_time(local_whisper, tmp_path):
    """`stt-eval --concurrency N` (how the batched runs are checked for accuracy) scores the same words."""
    from stt.eval import evaluate_audio, synthesize_manifest
    from stt.lexicon import Lexicon

    lexicon = Lexicon()
    manifest = synthesize_manifest([text for text, _, _ in TURNS], ["flite:slt", "flite:rms"], tmp_path, lexicon)
    alone = evaluate_audio(manifest, local_whisper, None, False, lexicon)
    together = evaluate_audio(manifest, local_whisper, None, False, lexicon, concurrency=4)
    assert [u["raw"] for u in together["utterances"]] == [u["raw"] for u in alone["utterances"]]
    assert (together["concurrency"], together["wer_raw"]) == (4, alone["wer_raw"])
    assert "concurrency" not in alone
