"""Concurrent turns share Whisper's model runs: one runner thread, and the runs waiting for it go as one batch.

faster-whisper's own BatchedInferencePipeline is for the chunks of one long recording: one prompt for all
of them and no temperature fallback, so it would change a turn's words. This wraps the CTranslate2 model
underneath `WhisperModel` instead: faster-whisper's logic (prompt, hotwords, fallback, thresholds) still
runs per turn in the turn's own thread, unchanged, and only its two calls into the model, `encode` and
`generate`, queue here. While the runner is busy, calls pile up; it then takes the oldest turn's call with
the waiting calls that may share its run (the way the Silero runs are shared in voice/endpointing.py):

- `generate` calls with identical options and the prompt's start token at the same position (CTranslate2
  requires it; no padding is added, so no turn's prompt changes) run as one batch;
- `encode` calls run as one batch of up to `encode_batch` turns. On a CPU the encoder is bound by
  arithmetic, not by the calls, so a batch costs its turns' sum (tiny.en, 2 cores: 0.35 s alone, 0.38 s a
  turn in fours): the default is one at a time, and what saves the encoder's work is the next point;
- a turn's encoder output is kept for its next decode: the primed second decode of a turn (stt/primed.py)
  hears the same audio as its plain decode and skips the encoder, ~90 % of a decode.

A batch that fails is run again one turn at a time, so a bad turn fails alone. A turn nobody waits for any
more (its caller went on speaking after the pause, or its deadline passed) is dropped from the queue: the
caller marks it with `one_turn`, since a worker thread already waiting here cannot be cancelled. Runs go
oldest turn first, so that when there is more to do than time the turns that waited longest are answered.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import queue
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Hashable

import numpy as np

logger = logging.getLogger(__name__)

# A turn's primed decode follows its plain one as soon as that is done, while other turns' runs go on; an
# output waits for it among this many (2.3 MB each for tiny.en), and is let go once used.
ENCODER_OUTPUTS_KEPT = 16
# Turns that may wait for the runner at once: the transcribing threads worth giving local Whisper.
SHARED_TURNS_MAX = 32
GENERATE_BATCH_MAX = 16  # turns a batched generate may carry; more only lengthens the wait of the first


_turn = threading.local()  # the turn this worker thread is transcribing: when it began, and its abandoned flag


class Abandoned(Exception):
    """Nobody waits for this turn's transcription any more; its runs were dropped unrun."""


@contextlib.contextmanager
def one_turn(abandoned: threading.Event | None = None):
    """Runs this thread queues inside the block are one turn's: they go before the runs of turns that began
    later, and are dropped, unrun, once `abandoned` is set."""
    _turn.began, _turn.abandoned = time.monotonic(), abandoned
    try:
        yield
    finally:
        _turn.began = _turn.abandoned = None


@dataclass
class _Run:
    """One call into the model, waiting for the runner."""

    kind: str  # "encode" or "generate"
    key: Hashable  # runs with equal keys may share one model call
    args: tuple
    done: Future = field(default_factory=Future)
    began: float = field(default_factory=lambda: getattr(_turn, "began", None) or time.monotonic())
    abandoned: threading.Event | None = field(default_factory=lambda: getattr(_turn, "abandoned", None))


@dataclass
class RunCounts:
    """How many model calls the runner made and how many turns' calls they carried (for `triage bench load`)."""

    encodes: int = 0
    encoded: int = 0
    encoder_reused: int = 0
    generates: int = 0
    generated: int = 0
    abandoned: int = 0


class SharedWhisperRuns:
    """Stands in for a `ctranslate2.models.Whisper`; thread-safe, its calls block until the runner has run them."""

    def __init__(self, model: Any, sot_token: int, *, encode_batch: int = 1,
                 generate_batch: int = GENERATE_BATCH_MAX) -> None:
        import ctranslate2  # heavy import, only for the backend that needs it

        self._ct2 = ctranslate2
        self.model = model
        self.sot_token = sot_token
        self.encode_batch = max(1, encode_batch)
        self.generate_batch = max(1, generate_batch)
        self.counts = RunCounts()
        self._queue: queue.SimpleQueue[_Run | None] = queue.SimpleQueue()
        self._encoded: OrderedDict[tuple[int, bytes], Any] = OrderedDict()  # (thread, features digest) -> output
        self._encoded_lock = threading.Lock()
        self._runner = threading.Thread(target=self._run_forever, name="whisper-runs", daemon=True)
        self._runner.start()

    def __getattr__(self, name: str):
        return getattr(self.model, name)  # is_multilingual, device, detect_language, align, ...

    # --- what faster-whisper calls, from the turn's thread ---------------------------------------------

    def encode(self, features, to_cpu: bool = False):
        """The encoder's output for a batch of one turn's features, from the runner (or kept from this thread's
        last decode of the same audio: a turn's plain and primed decodes run one after the other in its thread).

        Kept per thread, never across turns: two callers' identical audio (the simulated callers of `triage bench
        load` say the same answers in the same voice) would otherwise share encodes no real calls could share.
        """
        array = np.asarray(features)
        key = (threading.get_ident(), hashlib.blake2b(array.tobytes(), digest_size=16).digest())
        with self._encoded_lock:
            kept = self._encoded.pop(key, None)
        if kept is not None:
            self.counts.encoder_reused += 1
            return kept
        output = self._submit(_Run("encode", ("encode", array.shape, to_cpu), (array, to_cpu)))
        with self._encoded_lock:
            self._encoded[key] = output
            while len(self._encoded) > ENCODER_OUTPUTS_KEPT:
                self._encoded.popitem(last=False)
        return output

    def generate(self, encoder_output, prompts: list[list[int]], **options):
        """`generate` for one turn (one prompt), run in a batch with the other turns that decode alike."""
        if len(prompts) != 1:
            return self._submit(_Run("alone", None, (encoder_output, prompts, options)))
        prompt = list(prompts[0])
        sot_at = prompt.index(self.sot_token) if self.sot_token in prompt else -1
        key = ("generate", sot_at, _frozen(options))
        return self._submit(_Run("generate", key, (encoder_output, prompt, options)))

    def close(self) -> None:
        """Stop the runner once the runs queued before have run."""
        self._queue.put(None)

    # --- the runner ------------------------------------------------------------------------------------

    def _submit(self, run: _Run):
        if not self._runner.is_alive():
            raise RuntimeError("Whisper's runner has stopped")
        self._queue.put(run)
        return run.done.result()

    def _run_forever(self) -> None:
        """Oldest turn first: a turn's generate goes before the encodes of turns that began after it, so that when
        there is more to do than time, the turns that waited longest finish, instead of every turn finishing late."""
        pending: list[_Run] = []
        stopping = False
        while pending or not stopping:
            arrived = [self._queue.get()] if not pending else []
            while True:  # and everything else that queued meanwhile
                try:
                    arrived.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            stopping = stopping or None in arrived
            pending = [run for run in pending + arrived if run is not None and not self._dropped(run)]
            if not pending:
                continue
            pending.sort(key=lambda run: run.began)  # stable: a turn's own runs stay in order
            group = self._next_group(pending)
            taken = {id(run) for run in group}
            pending = [run for run in pending if id(run) not in taken]
            self._run_group(group)

    def _dropped(self, run: _Run) -> bool:
        """Fail an abandoned run unrun (True), or keep it (False)."""
        if run.abandoned is None or not run.abandoned.is_set():
            return False
        self.counts.abandoned += 1
        run.done.set_exception(Abandoned())
        return True

    def _next_group(self, pending: list[_Run]) -> list[_Run]:
        """The oldest run, and the runs that may share its model call (oldest first, up to the batch limit)."""
        first = pending[0]
        if first.key is None:
            return [first]
        limit = {"encode": self.encode_batch, "generate": self.generate_batch}[first.kind]
        return [run for run in pending if run.key == first.key][:limit]

    def _run_group(self, group: list[_Run]) -> None:
        """Run a group as one model call; if that fails, each run alone, so that only a bad one fails."""
        if len(group) > 1:
            try:
                results = self._call(group)
            except Exception as err:  # noqa: BLE001 -- retried one by one below
                logger.warning("a batch of %d Whisper %s runs failed (%s); running them one by one",
                               len(group), group[0].kind, err)
            else:
                for run, result in zip(group, results):
                    run.done.set_result(result)
                return
        for run in group:
            try:
                run.done.set_result(self._call([run])[0])
            except BaseException as err:  # noqa: BLE001 -- delivered to the turn's thread, which raises it
                run.done.set_exception(err)

    def _call(self, group: list[_Run]) -> list:
        kind = group[0].kind
        if kind == "alone":
            encoder_output, prompts, options = group[0].args
            return [self.model.generate(encoder_output, prompts, **options)]
        if kind == "encode":
            features = group[0].args[0] if len(group) == 1 else np.concatenate([r.args[0] for r in group])
            output = self.model.encode(self._ct2.StorageView.from_array(np.ascontiguousarray(features)),
                                       to_cpu=group[0].args[1])
            self.counts.encodes += 1
            self.counts.encoded += len(group)
            if len(group) == 1:
                return [output]
            rows = np.array(output)  # copied once out of CTranslate2's buffer; each turn gets a view of its row
            return [self._ct2.StorageView.from_array(rows[i : i + 1]) for i in range(len(group))]
        outputs = [r.args[0] for r in group]
        encoder_output = outputs[0] if len(group) == 1 else self._ct2.StorageView.from_array(
            np.concatenate([np.asarray(o) for o in outputs]))
        results = self.model.generate(encoder_output, [r.args[1] for r in group], **group[0].args[2])
        self.counts.generates += 1
        self.counts.generated += len(group)
        return [[result] for result in results]  # each turn gets the list of one its own call returns


def _frozen(value):
    """A hashable copy of generate's options (lists become tuples), so equal options share a key."""
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    return value
