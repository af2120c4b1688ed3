"""Photo decoding on a small pool of its own, behind a bounded queue.

A decode holds up to ~150 MB and a core for a second (sms/photos.py). On the default thread pool a burst of
uploads ran one per thread at once: 24 PNGs took the server from 430 MB to 2.7 GB, and live calls' audio
waited behind them. Here at most `workers` decode at a time, at most `queue` more wait, and anything past
that is refused at once (the upload page answers 503 with Retry-After) rather than held in memory.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from .photos import CleanPhoto, clean_photo

logger = logging.getLogger(__name__)

DEFAULT_WORKERS = 1  # one core for photos; the other stays with the calls' speech recognition
DEFAULT_QUEUE = 8  # waiting uploads hold their bytes (10 MB at most each) until their turn
RETRY_AFTER_S = 5  # what a refused upload is told to wait: about the time a few decodes take
WAIT_POLL_S = 0.25


class DecoderBusy(Exception):
    """Every decode slot and queue place is taken; try again after `retry_after_s`."""

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(f"photo decoder busy, retry after {retry_after_s} s")
        self.retry_after_s = retry_after_s


def _malloc_trim() -> Callable[[], None]:
    """glibc's malloc_trim(0), else nothing.

    A decode's 16 MB image blocks are freed into glibc's heaps, which keep them: without a trim the server
    stayed at 2.2 GB after the burst above. Trimming after each decode hands the pages back to the system.
    """
    name = ctypes.util.find_library("c")
    try:
        trim = ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        trim = None
    if trim is None:
        return lambda: None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return lambda: trim(0)


class PhotoDecoder:
    """Runs `decode` (clean_photo) for at most `workers` photos at once, with at most `queue` waiting."""

    def __init__(self, workers: int = DEFAULT_WORKERS, queue: int = DEFAULT_QUEUE, *,
                 decode: Callable[[bytes], CleanPhoto] = clean_photo, retry_after_s: int = RETRY_AFTER_S) -> None:
        if workers < 1 or queue < 0:
            raise ValueError("a photo decoder needs at least one worker and a queue of zero or more")
        self.workers, self.queue, self.retry_after_s = workers, queue, retry_after_s
        self._decode = decode
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="photo-decode")
        self._lock = threading.Lock()
        self._admitted = 0  # running or waiting in the pool; released when the work ends, not when its caller does
        self._trim = _malloc_trim()

    @property
    def admitted(self) -> int:
        """Decodes running or queued right now."""
        return self._admitted

    async def decode(self, data: bytes, *, wait_s: float = 0.0) -> CleanPhoto:
        """The cleaned photo; raises PhotoError for a bad one, DecoderBusy when no place frees within `wait_s`.

        An upload page waits 0 s (the browser is told to come back); a fetched MMS photo may wait a little.
        """
        deadline = time.monotonic() + wait_s
        while not self._admit():
            if time.monotonic() >= deadline:
                raise DecoderBusy(self.retry_after_s)
            await asyncio.sleep(WAIT_POLL_S)
        try:
            work = self._pool.submit(self._run, data)
        except RuntimeError:  # the pool was shut down (the server is stopping)
            self._release(None)
            raise DecoderBusy(self.retry_after_s) from None
        # The place is given back when the decode ends: a caller that gave up (client gone) still
        # had its photo decoded, and that decode still counts until it is over.
        work.add_done_callback(self._release)
        return await asyncio.wrap_future(work)

    def _admit(self) -> bool:
        with self._lock:
            if self._admitted >= self.workers + self.queue:
                return False
            self._admitted += 1
            return True

    def _release(self, _: Future | None) -> None:
        with self._lock:
            self._admitted -= 1

    def _run(self, data: bytes) -> CleanPhoto:
        try:
            return self._decode(data)
        finally:
            self._trim()

    def close(self) -> None:
        """Stop taking work; queued decodes are dropped, a running one finishes in its thread."""
        self._pool.shutdown(wait=False, cancel_futures=True)
