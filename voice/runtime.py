"""How a server process runs: its event loop and glibc's allocator, both set for thousands of small
socket messages a second (100 calls send 5000 Media Streams messages a second to one loop).

The loop is uvloop where it is installed (hypercorn's `--worker-class uvloop`): its transports are C, and
hypercorn's receive floor at 100 calls of 50 messages a second fell from 59 % to 47 % of a core on this
VM (a bare ASGI receive loop; BENCHMARKS.md).

asyncio reads every socket with `recv(256 KiB)`: CPython allocates the whole buffer, then shrinks it to
the few hundred bytes a Media Streams message holds. 256 KiB is over glibc's starting mmap threshold
(128 KiB), so every read paid an mmap, an mremap and a munmap: 19-25 us a read on this VM against 3.5 us
from the heap, about 10 % of the event loop at 100 calls (py-spy, `triage bench load --calls 100`).
A fixed threshold of 1 MiB serves those buffers from the heap, and a trim threshold above it keeps glibc
from handing the heap's freed top back to the kernel after every read.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import logging
from collections.abc import Coroutine
from typing import Any

logger = logging.getLogger(__name__)

M_TRIM_THRESHOLD = -1  # mallopt parameters, from glibc's malloc.h
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD_BYTES = 1 << 20  # above asyncio's 256 KiB read buffer
TRIM_THRESHOLD_BYTES = 8 << 20  # free heap glibc may keep: a few MiB, against a process of hundreds


def _glibc() -> ctypes.CDLL | None:
    """The C library, if it is glibc (musl and macOS have no mallopt to set)."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "mallopt") and hasattr(libc, "gnu_get_libc_version") else None


def serve_socket_reads_from_the_heap() -> bool:
    """Set the thresholds above; False (and nothing changed) where the C library is not glibc."""
    libc = _glibc()
    if libc is None:
        logger.info("not glibc: allocator left as it is")
        return False
    ok = libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1
    ok = libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES) == 1 and ok
    if not ok:
        logger.warning("glibc refused the allocator thresholds; socket reads stay on mmap")
    return ok


def run(main: Coroutine[Any, Any, Any]) -> Any:
    """Run the server's main coroutine on uvloop, or on asyncio's own loop where uvloop is not installed."""
    try:
        import uvloop
    except ImportError:
        logger.info("uvloop not installed: serving on asyncio's loop")
        return asyncio.run(main)
    return uvloop.run(main)
