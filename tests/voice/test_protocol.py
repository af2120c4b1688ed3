"""Twilio Media Streams frames parse into typed events; anything malformed is a ProtocolError."""

import base64
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from voice import protocol
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


def _outcome(parse, raw):
    try:
        return parse(raw)
    except ProtocolError as exc:
        return exc.code


_odd = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8),
                 st.lists(st.integers(), max_size=2), st.text(alphabet="AB=+/ @-_\n", max_size=12))


@st.composite
def _media_frames(draw):
    """A frame as Twilio sends it, then up to two of its fields replaced by something odd or left out."""
    frame = {"event": "media", "sequenceNumber": "2", "streamSid": "MZ1",
             "media": {"track": draw(st.sampled_from(["inbound", "outbound", "inbound_track"])), "chunk": "1",
                       "timestamp": draw(st.one_of(st.integers(min_value=0).map(str), st.integers(min_value=0))),
                       "payload": base64.b64encode(draw(st.binary(max_size=200))).decode()}}
    for path in draw(st.lists(st.sampled_from(["event", "streamSid", "media", "media.track", "media.timestamp",
                                               "media.payload"]), max_size=2, unique=True)):
        *outer, key = path.split(".")
        target = frame.get("media") if outer else frame
        if not isinstance(target, dict):
            continue
        if draw(st.booleans()):
            target.pop(key, None)
        else:
            target[key] = draw(_odd)
    return frame


@settings(max_examples=400)
@given(_media_frames())
def test_the_media_fast_path_accepts_and_refuses_exactly_what_the_checked_path_does(frame):
    raw = json.dumps(frame)
    assert _outcome(parse_message, raw) == _outcome(protocol._parse_checked, raw)
