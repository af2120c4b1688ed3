"""The server's runtime: socket read buffers come from glibc's heap (not an mmap per read), the loop is uvloop."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import pytest

from voice.runtime import _glibc

# A fresh interpreter, so no earlier free has moved glibc's dynamic threshold. `bytes(n)` allocates as
# `socket.recv(n)` does before it shrinks the buffer to what arrived.
PROBE = """
import ctypes
from voice.runtime import _glibc, serve_socket_reads_from_the_heap
FIELDS = "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()
class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in FIELDS]
libc = _glibc()
libc.mallinfo2.restype = MallInfo2
def mmapped_by_a_read_buffer():
    before = libc.mallinfo2().hblks
    buffer = bytes(256 * 1024)  # asyncio's read size
    return libc.mallinfo2().hblks - before
print(mmapped_by_a_read_buffer(), serve_socket_reads_from_the_heap(), mmapped_by_a_read_buffer())
"""


@pytest.mark.skipif(_glibc() is None, reason="the thresholds are glibc's")
def test_a_read_buffer_is_mmapped_by_default_and_comes_from_the_heap_after():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["1", "True", "0"]


def test_the_server_loop_is_uvloop_where_it_is_installed():
    uvloop = pytest.importorskip("uvloop")
    from voice.runtime import run

    async def loop_kind():
        return type(asyncio.get_running_loop())

    assert issubclass(run(loop_kind()), uvloop.Loop)
