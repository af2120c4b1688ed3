"""Twilio Media Streams frames parse into typed events; anything malformed is a ProtocolError."""

import base64
import json

import pytest

from voice.protocol import (
    Dtmf,
    Mark,
    Media,
    ProtocolError,
    Start,
    Stop,
    clear_message,
    mark_message,
    media_message,
    parse_message,
)

START = {
    "event": "start",
    "sequenceNumber": "1",
    "streamSid": "MZ1",
    "start": {
        "streamSid": "MZ1",
        "accountSid": "AC1",
        "callSid": "CA1",
        "tracks": ["inbound"],
        "customParameters": {"token": "abc", "caller": "+2348031234567"},
        "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1},
    },
}


def test_start_carries_custom_parameters():
    event = parse_message(json.dumps(START))
    assert event == Start("MZ1", "CA1", {"token": "abc", "caller": "+2348031234567"})


def test_media_payload_is_decoded_with_its_timestamp():
    payload = bytes(range(160))
    msg = {"event": "media", "streamSid": "MZ1",
           "media": {"track": "inbound", "chunk": "1", "timestamp": "40", "payload": base64.b64encode(payload).decode()}}
    event = parse_message(json.dumps(msg))
    assert isinstance(event, Media) and event.payload == payload and event.timestamp_ms == 40


def test_dtmf_mark_stop():
    assert parse_message('{"event":"dtmf","streamSid":"MZ1","dtmf":{"track":"inbound_track","digit":"1"}}') == Dtmf("MZ1", "1")
    assert parse_message('{"event":"mark","streamSid":"MZ1","mark":{"name":"prompt:walk"}}') == Mark("MZ1", "prompt:walk")
    assert parse_message('{"event":"stop","streamSid":"MZ1","stop":{"callSid":"CA1"}}') == Stop("MZ1", "CA1")


@pytest.mark.parametrize(
    "raw, code",
    [
        ("{not json", "bad-json"),
        ("[1, 2]", "bad-json"),
        ('{"event": "telepathy"}', "unknown-event"),
        ('{"event": "media", "media": {"payload": "@@@not base64@@@"}}', "bad-base64"),
        ('{"event": "media", "media": "x"}', "bad-field"),
        ('{"event": "media", "media": {"payload": 5}}', "bad-field"),
        ('{"event": "media", "media": {"payload": "", "timestamp": "soon"}}', "bad-field"),
        ('{"event": "media", "media": {"payload": "", "timestamp": Infinity}}', "bad-field"),
        ('{"event": "start", "start": {"streamSid": "MZ", "callSid": 7}}', "bad-field"),
        ('{"event": "dtmf", "dtmf": {"digit": "x"}}', "bad-field"),
        ('{"event": "mark", "mark": {}}', "bad-field"),
        ("x" * 70000, "too-large"),
    ],
)
def test_malformed_frames_are_refused_with_a_stable_code(raw, code):
    with pytest.raises(ProtocolError) as info:
        parse_message(raw)
    assert info.value.code == code


def test_outbound_messages_match_twilio_shapes():
    media = json.loads(media_message("MZ1", b"\xff" * 160))
    assert media == {"event": "media", "streamSid": "MZ1", "media": {"payload": base64.b64encode(b"\xff" * 160).decode()}}
    assert json.loads(mark_message("MZ1", "prompt:walk")) == {"event": "mark", "streamSid": "MZ1", "mark": {"name": "prompt:walk"}}
    assert json.loads(clear_message("MZ1")) == {"event": "clear", "streamSid": "MZ1"}
