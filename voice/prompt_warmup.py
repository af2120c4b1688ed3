"""Render every fixed prompt in the background once the server serves, so no caller waits for the neural voice.

Piper takes 1.7-3.5 s per prompt on a loaded 2-core machine; rendered on first use, that time lands on the
caller's turn. The warm-up renders the prompts of the regions this line serves (the default, and those of the
line's own and the health workers' numbers) one at a time, yielding to any call's render (PromptAudioCache.warm).
Prompts already in the disk cache (DATA_DIR/prompt-audio) are skipped, so only a first start, a new voice or new
wording pays.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable

from intake.emergency import region_of

from voice.prompt_texts import spoken_prompts
from voice.tts import PromptAudioCache

logger = logging.getLogger(__name__)


def served_regions(numbers: Iterable[str]) -> list[str | None]:
    """The default region (None: 112 and the local-number note) and the regions of `numbers`, each once."""
    return list(dict.fromkeys([None, *(region_of(n) for n in numbers if n)]))


class PromptWarmup:
    """One background warm-up of the prompt cache, and how far it has come (for /healthz)."""

    def __init__(self, cache: PromptAudioCache, regions: list[str | None]) -> None:
        self.cache = cache
        self.texts = [p.text for p in spoken_prompts(regions)]
        self.rendered = 0
        self.to_render: int | None = None  # known once the disk cache was checked
        self.done = asyncio.Event()
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        """Begin in the background; renders run in a worker thread, so the event loop keeps serving."""
        self._task = asyncio.create_task(self._run(), name="prompt-warmup")

    @property
    def status(self) -> str:
        """"warm", or "warming (n/N)" while prompts are rendered ahead."""
        if self.done.is_set():
            return "warm"
        return f"warming ({self.rendered}/{self.to_render if self.to_render is not None else '?'})"

    async def _run(self) -> None:
        t0 = time.perf_counter()

        def progress(done: int, total: int) -> None:
            self.rendered, self.to_render = done, total

        try:
            rendered = await self.cache.warm(self.texts, progress)
        except Exception:  # noqa: BLE001 -- the calls render what they need; the warm-up is a head start
            logger.exception("prompt warm-up stopped")
            return
        self.done.set()
        logger.info("prompts warm: %d rendered ahead in %.1f s, %d of %d were on disk", rendered,
                    time.perf_counter() - t0, len(self.texts) - (self.to_render or 0), len(self.texts))

    async def stop(self) -> None:
        """Cancel a warm-up still running (at shutdown)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
