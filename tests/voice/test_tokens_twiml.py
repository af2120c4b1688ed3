"""Stream tokens bind a websocket to a signed webhook; the TwiML connects a bidirectional stream."""

import xml.etree.ElementTree as ET

from voice.tokens import is_valid_stream_token, stream_token
from voice.twiml import after_stream, connect_stream


def test_stream_token_is_bound_to_call_and_secret():
    token = stream_token(b"secret", "CA1")
    assert is_valid_stream_token(b"secret", "CA1", token)
    assert not is_valid_stream_token(b"secret", "CA2", token)
    assert not is_valid_stream_token(b"other", "CA1", token)
    assert not is_valid_stream_token(b"secret", "CA1", None)
    assert not is_valid_stream_token(b"secret", "CA1", token[:-1] + ("0" if token[-1] != "0" else "1"))


def test_connect_stream_twiml_shape():
    xml = connect_stream("wss://triage.example.org/voice/stream", {"caller": "+2348031234567", "token": "t"},
                         "https://triage.example.org/voice/after-stream")
    root = ET.fromstring(xml)
    assert [child.tag for child in root] == ["Connect", "Redirect"]
    stream = root.find("./Connect/Stream")
    assert stream.get("url") == "wss://triage.example.org/voice/stream"
    assert "?" not in stream.get("url")
    assert {p.get("name"): p.get("value") for p in stream.findall("Parameter")} == {"caller": "+2348031234567", "token": "t"}


def test_after_stream_hangs_up_or_apologises_with_the_emergency_number():
    assert ET.fromstring(after_stream(True, "112")).find("Say") is None
    broken = ET.fromstring(after_stream(False, "112"))
    assert "1 1 2" in broken.find("Say").text
    assert broken.find("Hangup") is not None
