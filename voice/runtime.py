"""The event loop a server process runs on: uvloop where it is installed, else asyncio's own.

100 calls send 5000 Media Streams messages a second to one loop. uvloop's transports are C and read into
one preallocated buffer, where asyncio's allocate 256 KiB for every read (glibc serves that size with an
mmap, an mremap and a munmap: 19-25 us a read on this VM). hypercorn receiving 100 calls' media took
58-61 % of a core on asyncio's loop and 47-51 % on uvloop (`triage bench floor`, BENCHMARKS.md).
Lowering glibc's mmap threshold instead fixed the reads but slowed Whisper's decode (one-call p50 742 ->
975-1016 ms), so the allocator is left as it is.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

logger = logging.getLogger(__name__)


def run(main: Coroutine[Any, Any, Any]) -> Any:
    """Run the server's main coroutine on uvloop (hypercorn's `--worker-class uvloop`), or on asyncio's loop."""
    try:
        import uvloop
    except ImportError:
        logger.info("uvloop not installed: serving on asyncio's loop")
        return asyncio.run(main)
    return uvloop.run(main)
