"""A heard turn's words: transcription within the STT deadline, started early at a pause, a hold when slow."""

from __future__ import annotations

import asyncio
import logging
from typing import Awaitable, Callable

from intake.models import AnswerKind
from stt.base import Hints, SttError, Transcript
from stt.lexicon import bias_hints

from voice.playback import Playback

logger = logging.getLogger(__name__)

HOLD_AFTER_S = 2.0  # a transcription slower than this gets a spoken "one moment" so the line never goes dead

Transcribe = Callable[[bytes, Hints], Awaitable[Transcript]]


class Transcription:
    """One stream's transcriptions; at most one speculative job is kept, for the turn the caller paused in."""

    def __init__(self, transcribe: Transcribe, playback: Playback) -> None:
        self._transcribe = transcribe
        self.playback = playback  # what the caller was asked (the prior), and where a hold is played
        self._early: tuple[bytes, str, asyncio.Future] | None = None  # (audio, question, transcription) of a pause

    def start_early(self, pcm16: bytes) -> asyncio.Future[Transcript]:
        """The caller paused: start on the turn's audio now; if the pause turns out to end the turn, we are ahead.

        Returns the job: its words may tell that the caller has already answered (voice/listening.py).
        """
        self.drop_early()
        job = self._start(pcm16)
        self._early = (pcm16, self.playback.question, job)
        return job

    def drop_early(self) -> None:
        """Forget the speculative job (the caller went on talking, or the call is over)."""
        early, self._early = self._early, None
        if early is not None:
            early[2].cancel()  # the worker thread finishes its decode; nobody waits for it

    async def text(self, pcm16: bytes, *, call_sid: str = "") -> tuple[str, str]:
        """(text, backend) of one turn within the STT deadline; on failure ("", "failed"): the dialogue re-asks."""
        early = self._early
        if early is not None and early[0] == pcm16 and early[1] == self.playback.question:
            self._early = None
            job = early[2]  # the caller said nothing more after the pause: its transcription is this turn's
        else:
            self.drop_early()
            job = self._start(pcm16)
        try:
            done, _ = await asyncio.wait({job}, timeout=HOLD_AFTER_S)
            if not done:
                await self.playback.hold()
            transcript = await job
        except (SttError, TimeoutError) as exc:
            logger.warning("call %s: transcription failed (%s); re-asking", call_sid, getattr(exc, "code", "timeout"))
            return "", "failed"
        return transcript.text.strip(), transcript.backend

    def _start(self, pcm16: bytes) -> asyncio.Future:
        # The question the caller just heard is the best prior for the answer ("how bad, 1 to 10?" -> "seven").
        # Drug and disease names may be lent (through the phonetic gate) only to answers in the caller's own words.
        hints = bias_hints(self.playback.question or None, vocabulary=self.playback.expects is AnswerKind.FREE,
                           language=self.playback.language)
        job = asyncio.ensure_future(self._transcribe(pcm16, hints))
        job.add_done_callback(lambda f: f.cancelled() or f.exception())  # a dropped job's error is not "unretrieved"
        return job
