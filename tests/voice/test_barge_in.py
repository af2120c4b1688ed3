"""Barge-in and keypad: a caller who talks over a prompt gets `clear`; digits answer like words."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json

import pytest
import websockets

from tests.support.audio import speak
from tests.support.wait import PATIENCE_S
from voice.harness.callrun import call_ended
from voice.codec import frames, silence_ulaw
from voice.tokens import stream_token

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.slow]


def _media(frame: bytes, ts: int) -> str:
    return json.dumps({"event": "media", "streamSid": "MZb", "media": {
        "track": "inbound", "timestamp": str(ts), "payload": base64.b64encode(frame).decode()}})


async def _open(base: str, services, call_sid: str):
    ws = await websockets.connect(base.replace("http://", "ws://") + "/voice/stream")
    await ws.send(json.dumps({"event": "start", "streamSid": "MZb", "start": {
        "streamSid": "MZb", "callSid": call_sid,
        "customParameters": {"caller": "+2348031234567", "token": stream_token(services.secret, call_sid)}}}))
    return ws


async def _collect(ws, until, timeout=30.0) -> list[dict]:
    """Messages from the server until `until(msg)` is true (inclusive)."""
    seen = []
    async with asyncio.timeout(timeout):
        while True:
            msg = json.loads(await ws.recv())
            seen.append(msg)
            if until(msg):
                return seen


async def test_speech_over_an_interruptible_prompt_clears_it(server):
    base, services = server
    ws = await _open(base, services, "CAbargein0001")
    try:
        # The greeting arrives (disclaimer then the `who` question); we do not echo its marks: still "playing".
        await _collect(ws, lambda m: m["event"] == "mark" and m["mark"]["name"] == "prompt:who")
        await ws.send(json.dumps({"event": "mark", "streamSid": "MZb", "mark": {"name": "prompt:disclaimer"}}))
        speech = silence_ulaw(200) + speak("hello, hello, is anybody there") + silence_ulaw(200)
        ts = 0
        clear_seen = False
        for frame in frames(speech):
            ts += 20
            await ws.send(_media(frame, ts))
            try:
                msg = json.loads(await asyncio.wait_for(ws.recv(), timeout=0.01))
            except TimeoutError:
                continue
            if msg["event"] == "clear":
                clear_seen = True
                break
        if not clear_seen:  # a busy server may decide only after our last frame reached it: the audio decides
            with contextlib.suppress(TimeoutError):
                clear_seen = bool(await _collect(ws, lambda m: m["event"] == "clear", timeout=PATIENCE_S))
        assert clear_seen, "talking over the `who` prompt should clear the buffered audio"
    finally:
        await ws.close()
    await asyncio.wait_for(call_ended(services, "CAbargein0001").wait(), timeout=30)


async def test_keypad_answers_the_open_question(server):
    base, services = server
    ws = await _open(base, services, "CAkeypad0001")
    try:
        await _collect(ws, lambda m: m["event"] == "mark" and m["mark"]["name"] == "prompt:who")
        for name in ("prompt:disclaimer", "prompt:who"):
            await ws.send(json.dumps({"event": "mark", "streamSid": "MZb", "mark": {"name": name}}))
        await ws.send(json.dumps({"event": "dtmf", "streamSid": "MZb", "dtmf": {"digit": "2"}}))
        # Keep the audio clock running (silence) so the session keeps ticking, until the next question.
        ts, got = 0, []
        async with asyncio.timeout(30):
            while not any(m["event"] == "mark" and m["mark"]["name"].startswith("prompt:") for m in got):
                ts += 20
                await ws.send(_media(silence_ulaw(20), ts))
                try:
                    got.append(json.loads(await asyncio.wait_for(ws.recv(), timeout=0.02)))
                except TimeoutError:
                    pass
        names = [m["mark"]["name"] for m in got if m["event"] == "mark"]
        assert names[0] != "prompt:who", f"a keypad answer should move the dialogue on, got {names}"
    finally:
        await ws.close()
    await asyncio.wait_for(call_ended(services, "CAkeypad0001").wait(), timeout=30)
    case = await services.store.find_case_by_call("CAkeypad0001")
    assert [t.source for t in case.turns] == ["dtmf"]
