"""glibc's allocator set for a server that reads thousands of small socket messages a second.

asyncio reads every socket with `recv(256 KiB)`: CPython allocates the whole buffer, then shrinks it to
the few hundred bytes a Media Streams message holds. 256 KiB is over glibc's starting mmap threshold
(128 KiB), so every read paid an mmap, an mremap and a munmap: 19-25 us a read on this VM against 3.5 us
from the heap, about 10 % of the event loop at 100 calls (py-spy, `triage bench load --calls 100`).
A fixed threshold of 1 MiB serves those buffers from the heap, and a trim threshold above it keeps glibc
from handing the heap's freed top back to the kernel after every read.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

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
