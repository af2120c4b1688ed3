"""A remote backend with a deadline, backed by the local one, and the factory that picks them."""

from __future__ import annotations

import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Literal

from .base import Hints, SttError, Transcriber, Transcript
from .window import FULL_WINDOW_S

logger = logging.getLogger(__name__)

DEFAULT_DEADLINE_S = 3.0
# Remote requests in flight at once. Each mostly waits on the network: at a 300 ms round trip, 8 threads
# carried 27 turns a second and 150 calls queued behind them (stt p95 1.9 s, `triage bench load`); 64
# carry about 200, and a few hung requests cannot stall the next turns.
REMOTE_THREADS = 64
# Local decodes the fallback may run at once. In an outage every remote turn falls back; without a bound, 64
# threads queue local decodes the CPU cannot finish before their turns' deadlines, and decode for nobody.
LOCAL_SLOTS = os.cpu_count() or 2


class FallbackTranscriber:
    """Try `primary` for at most `deadline_s`; on any failure or overrun, transcribe the turn with `fallback`."""

    def __init__(self, primary: Transcriber, fallback: Transcriber, deadline_s: float = DEFAULT_DEADLINE_S) -> None:
        self.primary = primary
        self.fallback = fallback
        self.deadline_s = deadline_s
        self.name = f"{primary.name}+{fallback.name}"
        self._pool = ThreadPoolExecutor(max_workers=REMOTE_THREADS, thread_name_prefix="stt-remote")
        self._local_slots = threading.BoundedSemaphore(LOCAL_SLOTS)

    def transcribe(self, pcm16: bytes, sample_rate: int, hints: Hints | None = None) -> Transcript:
        """Blocking; the caller waits at most `deadline_s`, then up to `deadline_s` for a local slot, then one decode."""
        future = self._pool.submit(self.primary.transcribe, pcm16, sample_rate, hints)
        try:
            return future.result(timeout=self.deadline_s)
        except FutureTimeout:
            future.cancel()  # a late remote answer is dropped; its thread ends with the SDK's own timeout
            code = "stt-deadline"
        except SttError as err:
            code = err.code
        except Exception:  # a backend bug must not leave the caller in silence
            logger.exception("%s transcriber raised unexpectedly", self.primary.name)
            code = "stt-remote-failed"
        logger.warning("%s transcription failed (%s); using %s for this turn", self.primary.name, code, self.fallback.name)
        # A turn that cannot get a local slot within another deadline is re-asked, not decoded late for nobody.
        if not self._local_slots.acquire(timeout=self.deadline_s):
            raise SttError(f"{self.fallback.name} fallback busy after {code}", code="stt-overloaded")
        try:
            return self.fallback.transcribe(pcm16, sample_rate, hints)
        except SttError:
            raise
        except Exception as err:
            raise SttError(f"{self.fallback.name} fallback failed after {code}: {err}", code="stt-failed") from err
        finally:
            self._local_slots.release()

    def close(self) -> None:
        """Release the remote threads without waiting for hung requests."""
        self._pool.shutdown(wait=False, cancel_futures=True)


def build_transcriber(
    openai_api_key: str | None,
    openai_base_url: str | None,
    model_dir: Path | None,
    compute_type: str = "int8",
    cpu_threads: int = 0,
    backend: Literal["auto", "local", "openai"] = "auto",
    deadline_s: float = DEFAULT_DEADLINE_S,
    openai_model: str = "whisper-1",
    shared_runs: bool = False,
    encoder_window_s: float = FULL_WINDOW_S,
) -> Transcriber:
    """The configured transcriber: local Whisper, or OpenAI with local Whisper behind it for every turn.

    Neither is primed with drug names directly: local Whisper lends them through the phonetic gate
    (stt/primed.py), and the remote backend gets the dialogue's question only.
    """
    from .faster_whisper import LocalWhisperTranscriber
    from .openai_api import OpenAITranscriber
    from .primed import PrimedTermsTranscriber

    if backend == "openai" and not openai_api_key:
        raise SttError("STT_BACKEND=openai needs OPENAI_API_KEY", code="stt-config")
    local = PrimedTermsTranscriber(
        LocalWhisperTranscriber(model_dir=model_dir, compute_type=compute_type, cpu_threads=cpu_threads,
                                shared_runs=shared_runs, encoder_window_s=encoder_window_s)
    )
    if backend == "local" or not openai_api_key:
        return local
    remote = OpenAITranscriber(openai_api_key, base_url=openai_base_url, model=openai_model, timeout_s=deadline_s)
    return FallbackTranscriber(PrimedTermsTranscriber(remote, second_decode=False), local, deadline_s=deadline_s)
