"""Pauses inside scenario answers: said as silence by the simulated caller, heard word by word by the stub
transcriber, read as plain words by the text channel; and how the bench counts a cut-off."""

from __future__ import annotations

import shutil

import pytest

from intake.scenarios import load_scenarios, mismatches, plain, run_dialogue, spoken_parts
from voice.codec import FRAME_MS, ulaw_to_pcm16
from voice.harness.loadgen import FrameIndex
from voice.harness.simulator import CallerVoice, SaidTurn, last_voiced_frame
from voice.harness.turnstats import cut_offs
from voice.tts import FliteTts

PAUSES = "voice/harness/scenarios/pauses.jsonl"


def test_an_answer_is_its_words_and_the_pauses_between_them():
    assert spoken_parts("about [pause 600] twenty") == ["about", 600, "twenty"]
    assert spoken_parts("yes") == ["yes"] and spoken_parts("") == []
    assert plain("he is, um [pause 500] seventy two") == "he is, um seventy two"


def test_the_scenarios_with_pauses_pass_in_text_mode():
    for scenario in load_scenarios(PAUSES):
        record, dialogue = run_dialogue(scenario)
        assert mismatches(scenario, record, dialogue) == [], scenario["id"]


@pytest.fixture(scope="module")
def flite():
    if shutil.which("flite") is None:
        pytest.skip("flite is not installed; the simulated caller speaks with it")
    return FliteTts(voice="slt")


async def test_the_caller_says_a_pause_as_that_much_silence_between_the_words(flite):
    voice = CallerVoice(flite)
    about, twenty = await voice.speak("about"), await voice.speak("twenty")
    said = await voice.speak("about [pause 600] twenty")
    frames_ms = lambda audio: len(audio) * 1000 // 8000  # noqa: E731
    # The voice's own ~100 ms of silence around words meeting the pause is cut to one frame.
    whole = frames_ms(about) + 600 + frames_ms(twenty)
    assert whole - 2 * 100 <= frames_ms(said) < whole
    assert (last_voiced_frame(said) + 1) * FRAME_MS > frames_ms(said) - 120  # it ends on the words, not the pause


async def test_the_stub_transcriber_hears_only_the_words_a_turn_holds(flite):
    voice = CallerVoice(flite)
    index = FrameIndex({w: flite.synthesize(w) for w in ("about", "twenty")})
    said = await voice.speak("about [pause 600] twenty")
    first = len(await voice.speak("about")) - 160  # "about" without its trimmed tail, and part of the pause
    assert index.lookup(ulaw_to_pcm16(said[:first])) == "about"
    assert index.lookup(ulaw_to_pcm16(said)) == "about twenty"


def test_a_cut_off_is_a_reply_that_began_before_the_caller_was_done():
    turns = [SaidTurn("age", "about [pause 600] twenty", cut_off=True), SaidTurn("walk", "yes", cut_off=False),
             SaidTurn("who", "keypad:1"), SaidTurn("breathing", "yes", cut_off=False)]
    report = cut_offs(turns)
    assert (report["answers"], report["cut_off"], report["rate"]) == (3, 1, 0.3333)
    assert report["with_pauses"] == {"answers": 1, "cut_off": 1, "rate": 1.0}
    assert report["cut"] == ["age: about [pause 600] twenty"]
