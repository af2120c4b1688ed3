"""The TwiML documents our voice webhooks answer with, built with twilio's own builders."""

from __future__ import annotations

from twilio.twiml.voice_response import Connect, VoiceResponse

FALLBACK_APOLOGY = (
    "Sorry, we lost the connection to the triage line. We will send you a text message. "
    "If this is an emergency, hang up and call {number} now."
)
RESUME_NOTICE = "Sorry, the line dropped. Let us continue."


def connect_stream(stream_url: str, parameters: dict[str, str], after_url: str) -> str:
    """<Connect><Stream> with our per-call parameters, then a redirect that runs when the stream ends."""
    return str(_with_stream(VoiceResponse(), stream_url, parameters, after_url))


def resume_stream(stream_url: str, parameters: dict[str, str], after_url: str) -> str:
    """A dropped stream's caller is still on the line: say so, and connect a new stream for the same call."""
    response = VoiceResponse()
    response.say(RESUME_NOTICE)
    return str(_with_stream(response, stream_url, parameters, after_url))


def _with_stream(response: VoiceResponse, stream_url: str, parameters: dict[str, str], after_url: str) -> VoiceResponse:
    """Append the stream and the redirect Twilio follows when it ends (every stream of a call ends there)."""
    connect = Connect()
    stream = connect.stream(url=stream_url)
    for name, value in parameters.items():
        stream.parameter(name=name, value=value)
    response.append(connect)
    response.redirect(after_url, method="POST")
    return response


def after_stream(finished: bool, emergency_number: str) -> str:
    """Hang up after a finished dialogue; otherwise apologise, point to the emergency number, hang up."""
    response = VoiceResponse()
    if not finished:
        response.say(FALLBACK_APOLOGY.format(number=" ".join(emergency_number)))
    response.hangup()
    return str(response)


def refuse(message: str) -> str:
    """A spoken refusal (e.g. a number we cannot serve), then hang up."""
    response = VoiceResponse()
    response.say(message)
    response.hangup()
    return str(response)
