"""A bare Twilio-side caller for drills: the greeting is skipped, answers and waits run on a real-time audio clock.

The caller "hears" server audio from the moment it arrives, for as long as it lasts, and times every
stretch of silence while it waits: the gap a real caller would sit through on the audio clock.
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
import urllib.parse
import urllib.request
import uuid
import xml.etree.ElementTree as ET

import websockets

from tests.support.wait import PATIENCE_S, wait_until
from voice.codec import FRAME_MS, SAMPLE_RATE, frames, silence_ulaw

SILENCE = silence_ulaw(FRAME_MS)


class LineCaller:
    """One call's websocket, seen from Twilio's side."""

    def __init__(self, ws, call_sid: str, stream_sid: str, speed: float = 1.0) -> None:
        self.ws = ws
        self.call_sid = call_sid
        self.stream_sid = stream_sid
        self.speed = speed
        self.audio_ms = 0  # our audio clock: frames sent so far
        self.marks: list[str] = []  # mark names the server sent, in order
        self.heard_until_ms = 0  # audio time when the server audio received so far ends
        self.longest_silence_ms = 0  # while waiting (after `answer`), the longest stretch with nothing playing
        self.closed = asyncio.Event()
        self._waiting = False
        self._seq = 1
        self._last_message = time.monotonic()
        self._receiver = asyncio.create_task(self._receive())

    @classmethod
    async def dial(cls, base: str, *, caller: str = "+2348031234567", call_sid: str | None = None,
                   stream_base: str | None = None) -> "LineCaller":
        """POST the voice webhook, open the stream its TwiML names (on `stream_base` if given), send `start`."""
        call_sid = call_sid or "CA" + uuid.uuid4().hex
        params = await incoming(base, call_sid, caller)
        return await cls.open_stream(stream_base or base, call_sid, params)

    @classmethod
    async def open_stream(cls, base: str, call_sid: str, params: dict[str, str]) -> "LineCaller":
        """Open a Media Stream for the call with the TwiML's <Stream> parameters, as Twilio does: `connected`,
        then `start`."""
        ws = await websockets.connect(base.replace("http://", "ws://") + "/voice/stream")
        self = cls(ws, call_sid, "MZ" + uuid.uuid4().hex)
        await self.send({"event": "connected", "protocol": "Call", "version": "1.0.0"})
        await self.send({"event": "start", "sequenceNumber": "1", "streamSid": self.stream_sid,
                         "start": {"streamSid": self.stream_sid, "callSid": call_sid, "customParameters": params,
                                   "tracks": ["inbound"]}})
        return self

    async def send(self, message: dict) -> None:
        await self.ws.send(json.dumps(message))

    async def _receive(self) -> None:
        try:
            async for raw in self.ws:
                self._last_message = time.monotonic()
                msg = json.loads(raw)
                if msg["event"] == "media":
                    duration_ms = len(base64.b64decode(msg["media"]["payload"])) * 1000 // SAMPLE_RATE
                    if self._waiting:
                        self.longest_silence_ms = max(self.longest_silence_ms, self.audio_ms - self.heard_until_ms)
                    self.heard_until_ms = max(self.heard_until_ms, self.audio_ms) + duration_ms
                elif msg["event"] == "mark":
                    self.marks.append(msg["mark"]["name"])
                    # Played at once: the drills skip the prompts' playing time, not the server's work.
                    await self.send({"event": "mark", "streamSid": self.stream_sid, "mark": msg["mark"]})
        except websockets.ConnectionClosed:
            pass
        finally:
            self.closed.set()

    async def settle(self, heard: str | None = None, quiet_s: float = 0.5, timeout_s: float = PATIENCE_S) -> None:
        """Wait until the server has said what it has to say: a mark starting with `heard` has come (when
        given), then no message for `quiet_s`.

        Quiet alone is no proof on a busy machine: a server that has not begun to speak is quiet too.
        """
        deadline = time.monotonic() + timeout_s
        if heard is not None:
            await wait_until(lambda: any(m.startswith(heard) for m in self.marks), timeout_s=timeout_s,
                             interval_s=0.05, what=f"a mark {heard!r} (marks so far: {self.marks})")
        while time.monotonic() - self._last_message < quiet_s:
            assert time.monotonic() < deadline, "the server never fell quiet"
            await asyncio.sleep(0.05)

    async def _stream(self, frame: bytes, started: float, sent_ms: int) -> None:
        self._seq += 1
        self.audio_ms += FRAME_MS
        await self.send({"event": "media", "sequenceNumber": str(self._seq), "streamSid": self.stream_sid,
                         "media": {"track": "inbound", "timestamp": str(self.audio_ms),
                                   "payload": base64.b64encode(frame).decode()}})
        await asyncio.sleep(max(0.0, started + sent_ms / 1000 / self.speed - time.monotonic()))

    async def say(self, ulaw: bytes) -> None:
        """Speak on the audio clock; from the last frame on, we are waiting for the server."""
        started = time.monotonic()
        for n, frame in enumerate(frames(ulaw), start=1):
            await self._stream(frame, started, n * FRAME_MS)
        self.heard_until_ms = self.audio_ms  # what was said before counts as heard: its marks were echoed at once
        self._waiting = True

    async def burst(self, ulaw: bytes) -> None:
        """Send at once, each frame stamped with its audio time: what a server sees when its loop lagged
        behind frames that reached its socket on time."""
        for frame in frames(ulaw):
            await self._stream(frame, started=0.0, sent_ms=0)

    async def wait_for_mark(self, prefix: str, max_audio_ms: int, since: int | None = None) -> str | None:
        """Stream silence until a mark starting with `prefix` arrives after now (or is at index `since` or
        later); None when the time runs out."""
        seen = len(self.marks) if since is None else since
        started, sent_ms = time.monotonic(), 0
        while True:
            # Marks first: the server may say its last words and close the line in one breath.
            fresh = [m for m in self.marks[seen:] if m.startswith(prefix)]
            if fresh:
                self._waiting = False
                return fresh[0]
            if sent_ms >= max_audio_ms or self.closed.is_set():
                break
            sent_ms += FRAME_MS
            await self._stream(SILENCE, started, sent_ms)
        if self._waiting:  # the silence ran to the end of the wait
            self.longest_silence_ms = max(self.longest_silence_ms, self.audio_ms - self.heard_until_ms)
        return None

    async def hang_up(self) -> None:
        """Twilio's `stop`, then close."""
        await self.send({"event": "stop", "streamSid": self.stream_sid, "stop": {"callSid": self.call_sid}})
        await self.ws.close()
        await self._end()

    async def drop(self) -> None:
        """The line dies: no `stop`, no closing handshake, the TCP connection just goes."""
        self.ws.transport.abort()
        await self._end()

    async def _end(self) -> None:
        self._receiver.cancel()
        await asyncio.gather(self._receiver, return_exceptions=True)


async def incoming(base: str, call_sid: str, caller: str, headers: dict[str, str] | None = None) -> dict[str, str]:
    """POST /voice/incoming like Twilio; the <Stream> parameters of the TwiML answer."""
    form = {"CallSid": call_sid, "From": caller, "To": "+15005550001", "CallStatus": "ringing",
            "AccountSid": "AC" + "0" * 32, "Direction": "inbound"}
    request = urllib.request.Request(base + "/voice/incoming", data=urllib.parse.urlencode(form).encode(),
                                     headers=headers or {}, method="POST")
    body = await asyncio.to_thread(lambda: urllib.request.urlopen(request, timeout=30).read().decode())
    stream = ET.fromstring(body).find("./Connect/Stream")
    return {p.get("name"): p.get("value") for p in stream.findall("Parameter")}
