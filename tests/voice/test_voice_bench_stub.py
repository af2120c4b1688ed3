"""The load bench's stand-in for OpenAI's transcription API takes connections the way the real one does.

A stand-in that queues or drops what the real API would serve measures itself, not the server: its listen
backlog of 5 once made 100 calls with an early transcription at 100 ms look like a server collapse (BENCHMARKS.md).
"""

from __future__ import annotations

import http.client
import socket
import threading

import pytest

from stt.fallback import REMOTE_THREADS
from voice.harness.loadgen import stub_transcription_server


@pytest.fixture
def stub():
    server = stub_transcription_server(["yes"], "slt", delay_s=0.0)
    yield server
    server.server_close()


def test_a_burst_of_connections_waits_for_the_stub_instead_of_being_dropped(stub):
    """As many connections as the server under test opens at once (one per remote STT thread) all complete
    while the stub has accepted none of them yet: the kernel holds them, none is left resending its SYN."""
    sockets = []
    try:
        for _ in range(REMOTE_THREADS):
            sockets.append(socket.create_connection(stub.server_address, timeout=5))
    except TimeoutError:
        pytest.fail(f"connection {len(sockets) + 1} of {REMOTE_THREADS} was dropped by a full listen backlog")
    finally:
        for sock in sockets:
            sock.close()


def test_the_stub_keeps_a_connection_open_for_the_next_request(stub):
    """HTTP/1.1 keep-alive, as the real API: a busy server reuses its connections instead of opening one a turn."""
    threading.Thread(target=stub.serve_forever, daemon=True).start()
    try:
        conn = http.client.HTTPConnection(*stub.server_address, timeout=10)
        served_on = []
        for _ in range(2):
            conn.request("POST", "/v1/audio/transcriptions", body=b"no audio")
            response = conn.getresponse()
            assert response.status == 200 and response.read() == b'{"text": ""}'
            assert not response.will_close
            served_on.append(conn.sock)
        assert served_on[0] is served_on[1] is not None
        conn.close()
    finally:
        stub.shutdown()
