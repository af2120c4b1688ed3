"""Hostile input: fuzzed stream messages and webhooks, forged and replayed signatures, streams without a valid token.

Each must be refused cleanly (never a 500, never a crash of the session), logged with masked numbers,
and must not disturb a good call running at the same time.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from twilio.request_validator import RequestValidator
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from intake.scenarios import load_scenarios
from tests.support.settings import settings_for
from tests.support.wait import WHOLE_CALL_S
from voice.harness import EXAMPLES
from voice.harness.callrun import call_ended, case_result, serve_in_process
from voice.harness.simulator import default_voice, simulate_call
from voice.protocol import MAX_MESSAGE_BYTES, Event, ProtocolError, parse_message
from voice.settings import Settings
from voice.tokens import stream_token

GOOD = next(s for s in load_scenarios(EXAMPLES) if s["id"] == "red-rate-fever")
HOSTILE_CALLER = "+2348035550123"  # appears in hostile starts; only its masked form may reach the logs
VALID_START = "<a valid start for a fresh call>"

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=16),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
payloads = st.one_of(
    st.binary(max_size=400).map(lambda b: base64.b64encode(b).decode()),
    st.text(max_size=40),
    json_values,
)
events = st.fixed_dictionaries(
    {"event": st.sampled_from(["connected", "start", "media", "dtmf", "mark", "stop", "clear", "media "]) | json_values},
    optional={
        "streamSid": json_values,
        "sequenceNumber": json_values,
        "start": json_values | st.fixed_dictionaries({"callSid": json_values, "customParameters": json_values}),
        "media": json_values | st.fixed_dictionaries({"payload": payloads},
                                                     optional={"track": json_values, "timestamp": json_values}),
        "dtmf": json_values | st.fixed_dictionaries({"digit": json_values}),
        "mark": json_values | st.fixed_dictionaries({"name": json_values}),
    },
).map(json.dumps)
messages = st.one_of(
    events,
    json_values.map(json.dumps),
    st.text(max_size=200),
    st.binary(max_size=200),
    st.just("x" * (MAX_MESSAGE_BYTES + 1)),
    st.just(VALID_START),
)


@given(st.one_of(messages, st.text(), st.binary(), st.none(), st.integers()))
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_parse_message_returns_an_event_or_refuses_it(raw):
    try:
        assert isinstance(parse_message(raw), Event.__args__)
    except ProtocolError as exc:
        assert exc.code in {"too-large", "bad-json", "bad-field", "bad-base64", "unknown-event"}


@contextlib.contextmanager
def _server_in_thread(settings_: Settings):
    """Our server on its own event loop in a thread, so hypothesis can drive it from a plain test."""
    ready: dict = {}
    stop = threading.Event()

    async def main() -> None:
        async with serve_in_process(settings_) as (base, services):
            ready.update(base=base, services=services, loop=asyncio.get_running_loop())
            await asyncio.to_thread(stop.wait)

    thread = threading.Thread(target=lambda: asyncio.run(main()), daemon=True)
    thread.start()
    for _ in range(600):
        if ready or not thread.is_alive():
            break
        threading.Event().wait(0.1)
    assert ready, "server thread did not start"
    try:
        yield ready
    finally:
        stop.set()
        thread.join(timeout=60)


@pytest.fixture(scope="module")
def threaded_server(tmp_path_factory):
    """A server on the embedded defaults."""
    with _server_in_thread(settings_for(tmp_path_factory.mktemp("hostile"), tts_backend="espeak-ng")) as ready:
        yield ready


def _valid_start(secret: bytes) -> tuple[str, str]:
    call_sid = "CAfuzz" + uuid.uuid4().hex
    params = {"caller": HOSTILE_CALLER, "token": stream_token(secret, call_sid)}
    return call_sid, json.dumps({"event": "start", "streamSid": "MZfuzz",
                                 "start": {"streamSid": "MZfuzz", "callSid": call_sid, "customParameters": params}})


def test_fuzzed_streams_are_refused_cleanly_while_a_good_call_goes_on(threaded_server, caplog):
    base, services, loop = threaded_server["base"], threaded_server["services"], threaded_server["loop"]
    ws_url = base.replace("http://", "ws://") + "/voice/stream"
    caplog.set_level(logging.INFO)
    good = asyncio.run_coroutine_threadsafe(simulate_call(GOOD, base, default_voice("slt"), speed=8.0), loop)
    opened: list[str] = []

    @given(st.lists(messages, min_size=1, max_size=12))
    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    def hostile_stream(sequence):
        # max_queue=None: a greeting is hundreds of frames, and a bounded client queue would stall the close.
        with connect(ws_url, max_size=2**20, max_queue=None, open_timeout=60) as ws:
            try:
                for raw in sequence:
                    if raw == VALID_START:
                        call_sid, raw = _valid_start(services.secret)
                        opened.append(call_sid)
                    ws.send(raw)
                ws.recv(timeout=0.05)
            except TimeoutError:
                pass  # still open: the session ignored what it refused
            except ConnectionClosed as closed:
                assert closed.rcvd is None or closed.rcvd.code in (1000, 1008, 1009), closed

    hostile_stream()
    trace = good.result(timeout=WHOLE_CALL_S)
    result = asyncio.run_coroutine_threadsafe(
        case_result(services.store, trace, GOOD, ended=call_ended(services, trace.call_sid)), loop).result(60)
    assert (result["start_category"], result["urgency"]) == ("RED", "emergency"), result
    assert len(result["turns"]) == len(trace.turns)
    assert urllib.request.urlopen(base + "/healthz", timeout=10).status == 200
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors][:5]
    assert HOSTILE_CALLER not in caplog.text
    if opened:
        assert "***0123" in caplog.text


def _post(base: str, path: str, form: dict, headers: dict | None = None) -> int:
    request = urllib.request.Request(base + path, data=urllib.parse.urlencode(form).encode(), method="POST",
                                     headers=headers or {})
    try:
        return urllib.request.urlopen(request, timeout=30).status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_fuzzed_sms_webhooks_never_fail_the_server(threaded_server):
    base = threaded_server["base"]
    fields = st.sampled_from(["MessageSid", "From", "To", "Body", "NumMedia", "MediaUrl0", "MediaContentType0", "x"])

    @given(st.dictionaries(fields, st.text(max_size=300), max_size=6))
    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    def hostile_form(form):
        assert _post(base, "/sms/incoming", form) in (200, 400, 403, 413)

    hostile_form()
    assert _post(base, "/sms/incoming", {"MessageSid": "SMbig", "From": "+15005550006", "Body": "x" * 200_000}) == 413


AUTH_TOKEN = "hostile-test-auth-token-0123456789"
PUBLIC = "https://triage.example.org"


@pytest.fixture(scope="module")
def signed_server(tmp_path_factory):
    """A server that requires Twilio signatures (auth token set, public URL known)."""
    with _server_in_thread(settings_for(tmp_path_factory.mktemp("signed"),
                                        tts_backend="espeak-ng", twilio_auth_token=AUTH_TOKEN,
                                        public_base_url=PUBLIC)) as ready:
        yield ready


def test_forged_and_replayed_signatures(signed_server, caplog):
    base, services, loop = signed_server["base"], signed_server["services"], signed_server["loop"]
    validator = RequestValidator(AUTH_TOKEN)
    form = {"CallSid": "CAreplay" + uuid.uuid4().hex, "From": HOSTILE_CALLER, "To": "+15005550001"}
    signature = validator.compute_signature(PUBLIC + "/voice/incoming", form)

    assert _post(base, "/voice/incoming", form, {"X-Twilio-Signature": signature}) == 200
    # A replay of the same signed request is Twilio's own retry: answered again, and nothing is duplicated.
    assert _post(base, "/voice/incoming", form, {"X-Twilio-Signature": signature}) == 200
    # The same signature on other parameters, another route or a forged value: refused.
    assert _post(base, "/voice/incoming", {**form, "From": "+15005550006"}, {"X-Twilio-Signature": signature}) == 403
    assert _post(base, "/voice/status", {**form, "CallStatus": "completed"}, {"X-Twilio-Signature": signature}) == 403
    assert _post(base, "/sms/incoming", {**form, "MessageSid": "SMx", "Body": "hi"},
                 {"X-Twilio-Signature": signature}) == 403
    assert _post(base, "/voice/incoming", form, {"X-Twilio-Signature": base64.b64encode(b"x" * 20).decode()}) == 403
    assert HOSTILE_CALLER not in caplog.text and "***0123" in caplog.text

    # A stream for a call our webhook never answered, or with another call's token: closed 1008, nothing stored.
    other = "CAother" + uuid.uuid4().hex
    for token in (None, "0" * 64, stream_token(services.secret, form["CallSid"])):
        params = {"caller": HOSTILE_CALLER, **({"token": token} if token else {})}
        with connect(base.replace("http://", "ws://") + "/voice/stream") as ws:
            ws.send(json.dumps({"event": "start", "start": {"streamSid": "MZx", "callSid": other,
                                                            "customParameters": params}}))
            with pytest.raises(ConnectionClosed) as closed:
                ws.recv(timeout=10)
            assert closed.value.rcvd.code == 1008
    assert asyncio.run_coroutine_threadsafe(services.store.find_case_by_call(other), loop).result(30) is None
