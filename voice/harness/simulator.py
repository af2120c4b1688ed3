"""The caller's side of a phone call, played against our server exactly as Twilio would.

It posts the voice webhook, opens the Media Stream the TwiML names, streams
20 ms μ-law frames on an audio clock (silence, or a scenario answer spoken by
an offline voice), "plays" the server's audio at the same clock and echoes
each mark when its audio has played -- Twilio's contract -- and answers the
question whose mark came last once the server falls silent.

An answer with pauses in it ("about [pause 600] twenty") is said with that silence between its words.
The caller keeps talking whatever the server does; a reply that starts while the caller still has
words of the answer to say is a cut-off (`SaidTurn.cut_off`): the server ended the turn too soon.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import time
import urllib.parse
import urllib.request
import uuid
import xml.etree.ElementTree as ET
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import websockets
from twilio.request_validator import RequestValidator

from intake.scenarios import answers_for, spoken_parts
from voice.codec import FRAME_BYTES, FRAME_MS, frames, pcm16_rms, silence_ulaw, ulaw_to_pcm16
from voice.tts import FliteTts, TtsEngine

logger = logging.getLogger(__name__)

THINK_MS = 400  # a caller's pause before answering
KEYPAD = "keypad:"  # a scenario answer "keypad:12" presses 1, 2, # instead of speaking; "" stays silent
SILENCE_FRAME = silence_ulaw(FRAME_MS)
VOICED_RMS = 300  # PCM16 level above which a frame of the caller's own audio holds speech (silence is 0)


@dataclass
class SaidTurn:
    """One answer the simulated caller said (what the server hears as a HeardTurn)."""

    prompt_id: str
    said: str
    latency_ms: int | None = None
    cut_off: bool | None = None  # the reply began while the caller had words of this answer left (None: no reply)


@dataclass
class CallTrace:
    """What the caller side saw of one call."""

    call_sid: str
    prompts: list[str] = field(default_factory=list)  # prompt ids heard, in order
    prompt_ends_s: list[float] = field(default_factory=list)  # seconds into the call each prompt finished playing
    turns: list[SaidTurn] = field(default_factory=list)
    closed_by_server: bool = False


class _Playback:
    """Twilio's outbound buffer: bytes queued, bytes played, marks waiting for their audio."""

    def __init__(self) -> None:
        self.queued = 0
        self.played = 0
        self.marks: deque[tuple[int, str]] = deque()
        self.first_audio_at: float | None = None

    def add_audio(self, nbytes: int) -> None:
        if self.first_audio_at is None:
            self.first_audio_at = time.perf_counter()
        self.queued += nbytes

    def tick(self, nbytes: int) -> list[str]:
        """Play up to nbytes; return the marks whose audio is now played."""
        self.played = min(self.queued, self.played + nbytes)
        done = []
        while self.marks and self.marks[0][0] <= self.played:
            done.append(self.marks.popleft()[1])
        return done

    def clear(self) -> list[str]:
        """Barge-in: drop queued audio; Twilio echoes the pending marks."""
        self.played = self.queued
        done = [name for _, name in self.marks]
        self.marks.clear()
        return done

    @property
    def idle(self) -> bool:
        return self.played >= self.queued and not self.marks


class CallerVoice:
    """Scenario answers spoken by an offline TTS voice, rendered once per text."""

    def __init__(self, engine: TtsEngine) -> None:
        self.engine = engine
        self._cache: dict[str, bytes] = {}

    async def speak(self, text: str) -> bytes:
        """The answer as said: each run of words synthesized, `[pause N]` as N ms of silence between them.

        The voice's own silence around words that meet a pause is cut (to one frame), so the pause is N ms.
        """
        if text not in self._cache:
            parts = spoken_parts(text)
            audio = b""
            for i, part in enumerate(parts):
                if isinstance(part, int):
                    audio += silence_ulaw(part)
                    continue
                said = list(frames(await self._words(part)))
                voiced = [n for n, f in enumerate(said) if pcm16_rms(ulaw_to_pcm16(f)) > VOICED_RMS] or [0]
                start = max(0, voiced[0] - 1) if i > 0 else 0
                end = voiced[-1] + 2 if i < len(parts) - 1 else len(said)
                audio += b"".join(said[start:end])
            self._cache[text] = audio
        return self._cache[text]

    async def _words(self, words: str) -> bytes:
        if words not in self._cache:
            self._cache[words] = await asyncio.to_thread(self.engine.synthesize, words)
        return self._cache[words]


def last_voiced_frame(audio: bytes) -> int:
    """Index of the last 20 ms frame of mu-law audio that holds speech (-1: none)."""
    voiced = [i for i, f in enumerate(frames(audio)) if pcm16_rms(ulaw_to_pcm16(f)) > VOICED_RMS]
    return voiced[-1] if voiced else -1


async def _press(ws, stream_sid: str, digits: str, seq: int) -> int:
    """Keypad presses as Twilio sends them (one dtmf event per digit), closed with '#'."""
    for digit in digits + "#":
        seq += 1
        await ws.send(json.dumps({"event": "dtmf", "sequenceNumber": str(seq), "streamSid": stream_sid,
                                  "dtmf": {"track": "inbound_track", "digit": digit}}))
    return seq


def _sign(auth_token: str | None, url: str, form: dict[str, str]) -> dict[str, str]:
    if not auth_token:
        return {}
    return {"X-Twilio-Signature": RequestValidator(auth_token).compute_signature(url, form)}


async def _dial(base_url: str, scenario: dict, call_sid: str, auth_token: str | None, public_url: str | None,
                stream_base: str | None = None) -> tuple[str, dict[str, str]]:
    """POST the voice webhook like Twilio; return the stream URL (on `stream_base`, default ours) and its parameters."""
    form = {
        "CallSid": call_sid,
        "AccountSid": "AC" + "0" * 32,
        "From": scenario.get("caller", "+15005550006"),
        "To": scenario.get("to", "+15005550001"),
        "CallStatus": "ringing",
        "Direction": "inbound",
    }
    url = base_url.rstrip("/") + "/voice/incoming"
    signed_url = (public_url.rstrip("/") + "/voice/incoming") if public_url else url
    request = urllib.request.Request(
        url, data=urllib.parse.urlencode(form).encode(), headers=_sign(auth_token, signed_url, form), method="POST"
    )
    body = await asyncio.to_thread(lambda: urllib.request.urlopen(request, timeout=30).read().decode())
    root = ET.fromstring(body)
    stream = root.find("./Connect/Stream")
    if stream is None:
        raise RuntimeError(f"TwiML has no <Connect><Stream>: {body[:200]}")
    params = {p.get("name", ""): p.get("value", "") for p in stream.findall("Parameter")}
    path = urlsplit(stream.get("url", "")).path
    base = urlsplit(stream_base or base_url)
    ws_scheme = "wss" if base.scheme == "https" else "ws"
    return f"{ws_scheme}://{base.netloc}{path}", params


async def simulate_call(
    scenario: dict,
    base_url: str,
    voice: CallerVoice,
    *,
    speed: float = 1.0,
    max_turns: int = 40,
    max_audio_s: float = 3600.0,
    auth_token: str | None = None,
    public_url: str | None = None,
    stream_base: str | None = None,
) -> CallTrace:
    """Play one scenario as the caller; returns what the caller heard and how fast the server answered.

    `stream_base` sends the Media Stream to another server than the webhook (a load-balanced pair).
    `max_audio_s` only stops a call that would never end: the audio clock runs at `speed` x wall time, so a busy
    machine's slow turns spend it (600 s cut whole calls short at load 15 on 2 cores, at speed 8).
    """
    next_answer = answers_for(scenario)
    call_sid = "CA" + uuid.uuid4().hex
    trace = CallTrace(call_sid=call_sid)
    ws_url, params = await _dial(base_url, scenario, call_sid, auth_token, public_url, stream_base)
    stream_sid = "MZ" + uuid.uuid4().hex
    playback = _Playback()
    # Twilio does not negotiate permessage-deflate; neither do we, so the server does the work it will do live.
    async with websockets.connect(ws_url, max_size=2**20, compression=None) as ws:
        await ws.send(json.dumps({"event": "connected", "protocol": "Call", "version": "1.0.0"}))
        await ws.send(json.dumps({
            "event": "start", "sequenceNumber": "1", "streamSid": stream_sid,
            "start": {"streamSid": stream_sid, "accountSid": "AC" + "0" * 32, "callSid": call_sid,
                      "tracks": ["inbound"], "customParameters": params,
                      "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1}},
        }))
        pending_latency: list[SaidTurn] = []
        answer_end_at: list[float] = []
        waited_beyond_ms = 0  # audio sent, beyond the wall time, while the server worked on its next words
        server_working_since: tuple[float, int] | None = (time.perf_counter(), 0)  # (wall, audio ms): the greeting

        async def receive() -> None:
            nonlocal waited_beyond_ms, server_working_since
            async for raw in ws:
                msg = json.loads(raw)
                kind = msg.get("event")
                if kind == "media":
                    if speaking_turn is not None and speaking_turn.cut_off is None:
                        speaking_turn.cut_off = frames_sent <= words_until
                    if server_working_since is not None:
                        # At --speed N the caller's clock ran N times too fast while the server worked.
                        since_wall, since_audio_ms = server_working_since
                        waited_beyond_ms += max(0, audio_ms - since_audio_ms
                                                - round((time.perf_counter() - since_wall) * 1000))
                        server_working_since = None
                    if pending_latency and answer_end_at:
                        turn = pending_latency.pop()
                        turn.latency_ms = round((time.perf_counter() - answer_end_at.pop()) * 1000)
                    playback.add_audio(len(base64.b64decode(msg["media"]["payload"])))
                elif kind == "mark":
                    playback.marks.append((playback.queued, msg["mark"]["name"]))
                elif kind == "clear":
                    for name in playback.clear():
                        await echo_mark(name, heard=False)
            trace.closed_by_server = True

        seq = 2
        last_prompt: str | None = None
        answered_prompt_marks = 0
        prompt_marks = 0

        async def echo_mark(name: str, *, heard: bool = True) -> None:
            """Twilio's echo; a prompt cut by a `clear` (the caller was still talking over it) is not one to answer."""
            nonlocal last_prompt, prompt_marks, seq, server_working_since
            seq += 1
            await ws.send(json.dumps({"event": "mark", "sequenceNumber": str(seq), "streamSid": stream_sid,
                                      "mark": {"name": name}}))
            if name.startswith("hold:"):  # "one moment, please": the server still owes its reply
                server_working_since = (time.perf_counter(), audio_ms)
            if name.startswith("prompt:") and heard:
                last_prompt = name.split(":", 1)[1]
                trace.prompts.append(last_prompt)
                # call time: the audio sent, with the server's working time as it took on the wall clock
                trace.prompt_ends_s.append(round((audio_ms - waited_beyond_ms) / 1000, 1))
                prompt_marks += 1

        speaking: deque[bytes] = deque()
        speaking_turn: SaidTurn | None = None  # the answer being said, until the server's reply begins
        frames_sent = 0  # frames of that answer sent so far
        words_until = -1  # index of its last frame with speech in it
        receiver = asyncio.create_task(receive())
        idle_ms = 0
        started = time.perf_counter()
        audio_ms = 0
        try:
            while not receiver.done() and audio_ms < max_audio_s * 1000:
                for name in playback.tick(FRAME_BYTES):
                    await echo_mark(name)
                if speaking:
                    frame = speaking.popleft()
                    frames_sent += 1
                    if not speaking:
                        answer_end_at.append(time.perf_counter())
                        server_working_since = (time.perf_counter(), audio_ms)
                else:
                    frame = SILENCE_FRAME
                    idle_ms = idle_ms + FRAME_MS if playback.idle else 0
                    if playback.idle and prompt_marks > answered_prompt_marks and idle_ms >= THINK_MS and last_prompt:
                        if len(trace.turns) >= max_turns:
                            break
                        answered_prompt_marks = prompt_marks
                        text = next_answer(last_prompt)
                        turn = SaidTurn(prompt_id=last_prompt, said=text)
                        speaking_turn = None
                        trace.turns.append(turn)
                        answer_end_at.clear()
                        pending_latency[:] = [turn]
                        if text.startswith(KEYPAD):
                            seq = await _press(ws, stream_sid, text[len(KEYPAD):], seq)
                            answer_end_at.append(time.perf_counter())
                            server_working_since = (time.perf_counter(), audio_ms)
                        elif text.strip():
                            audio = await voice.speak(text)
                            speaking.extend(frames(audio))
                            speaking_turn, frames_sent, words_until = turn, 0, last_voiced_frame(audio)
                        else:
                            pending_latency.clear()  # silence: the server's no-answer timer speaks next
                seq += 1
                audio_ms += FRAME_MS
                await ws.send(json.dumps({
                    "event": "media", "sequenceNumber": str(seq), "streamSid": stream_sid,
                    "media": {"track": "inbound", "chunk": str(seq), "timestamp": str(audio_ms),
                              "payload": base64.b64encode(frame).decode("ascii")},
                }))
                await asyncio.sleep(max(0.0, started + audio_ms / 1000 / speed - time.perf_counter()))
            if not receiver.done():
                await ws.send(json.dumps({"event": "stop", "sequenceNumber": str(seq + 1), "streamSid": stream_sid,
                                          "stop": {"accountSid": "AC" + "0" * 32, "callSid": call_sid}}))
        except websockets.ConnectionClosed:
            trace.closed_by_server = True
        finally:
            receiver.cancel()
            await asyncio.gather(receiver, return_exceptions=True)
    return trace


def default_voice(name: str = "slt") -> CallerVoice:
    """The simulator's caller: flite's natural-sounding voices (slt, rms, awb, kal16)."""
    return CallerVoice(FliteTts(voice=name))
