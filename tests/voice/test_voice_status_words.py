"""Twilio's status words become routing's own states at the edge; a word Twilio does not document is refused."""

from __future__ import annotations

import pytest

# Twilio's documented CallStatus values, and which of them end the call.

from routing.calls import CALL_ENDED
from routing.models import CallState, MessageStatus
from sms.fields import parse_form
from sms.inbound import TWILIO_MESSAGE_STATES, SmsStatusForm
from voice.forms import TWILIO_CALL_STATES, CallStatusForm
TWILIO_CALL_WORDS = {"queued": False, "initiated": False, "ringing": False, "in-progress": False,
                     "completed": True, "busy": True, "failed": True, "no-answer": True, "canceled": True}


@pytest.mark.parametrize("word,ends", sorted(TWILIO_CALL_WORDS.items()))
def test_every_twilio_call_status_is_a_call_state_that_ends_the_call_when_twilio_says_so(word, ends):
    form = parse_form(CallStatusForm, {"CallSid": "CA1", "CallStatus": word})
    assert isinstance(form.call_state, CallState)
    assert form.call_state == word  # the stored value is Twilio's word, as before the enum: no migration
    assert (form.call_state in CALL_ENDED) is ends


@pytest.mark.parametrize("word", ["unknown", "COMPLETED", "completed ", "hung-up", "dropped", "finalising", ""])
def test_a_call_status_twilio_does_not_send_is_refused_by_name_not_value(word):
    assert parse_form(CallStatusForm, {"CallSid": "CA1", "CallStatus": word}) == (
        "CallStatus: Value error, not a status word Twilio sends here")


def test_a_missing_call_status_is_refused():
    assert isinstance(parse_form(CallStatusForm, {"CallSid": "CA1"}), str)


def test_the_call_map_covers_exactly_twilios_words():
    assert set(TWILIO_CALL_STATES) == set(TWILIO_CALL_WORDS)


@pytest.mark.parametrize("word", sorted(TWILIO_MESSAGE_STATES))
def test_every_twilio_message_status_is_a_message_status_with_the_same_value(word):
    form = parse_form(SmsStatusForm, {"MessageStatus": word})
    assert isinstance(form.status, MessageStatus) and form.status == word


def test_a_message_status_twilio_does_not_send_is_refused_and_our_own_words_are_not_twilios():
    for word in ("outbox", "opted-out", "bogus"):
        assert isinstance(parse_form(SmsStatusForm, {"MessageStatus": word}), str), word
    assert parse_form(SmsStatusForm, {"SmsStatus": "delivered"}).status is MessageStatus.DELIVERED
