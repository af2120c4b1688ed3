"""Kinds spent set be's single turns missed (UK, Irish, North American, Australian and New Zealand callers), in the
team's own words and other voices, with look-alikes that must not flag.

A bleed told without the word blood: a bath towel soaked (a bath towel is a towel, not a bath: no wet source), a cut
"still pouring" a few words after it or pouring through a dishcloth. A fit that "has gone on five minutes" (how long it
has lasted, not "gone"). A medicine "took her evening tablets twice" ("took her" is no outing when her medicine follows).
A pregnancy told by its scan ("my twenty-week scan", "the dating scan").
"""

import pytest

from intake.red_flags import find_red_flags


def _has(text: str, flag: str) -> bool:
    return flag in find_red_flags(text)


@pytest.mark.parametrize("said", [
    "it's soaked a bath towel and it's still running down his arm",
    "dunno if it's a lot, it's soaked right through a bath towel and it's still dripping off his elbow",
    "the cut on my hand is still pouring through the dishcloth after twenty minutes",
    "his gash is still pissing through the rag I tied on it",
    "the wound on her shin is still pouring, I've pressed it for ages",
])
def test_a_bleed_told_by_what_it_soaks_or_pours_through(said):
    assert _has(said, "heavy_bleeding")


@pytest.mark.parametrize("said", [
    "it's still pouring with rain and he's cut his knee a wee bit",
    "the cut on his finger bled a bit and stopped, there's a plaster on it",
])
def test_wet_towels_and_rain_are_no_bleed(said):
    assert not _has(said, "heavy_bleeding")


@pytest.mark.parametrize("said", [
    "She's on the floor twitching and jerking all over, and it's gone on five minutes",
    "he's shaking all over on the kitchen floor, it's gone on for ages now",
    "my da's jerking all over and it went on for about four minutes and he's still at it",
])
def test_a_fit_that_has_gone_on_is_still_a_fit(said):
    assert _has(said, "seizure")


@pytest.mark.parametrize("said", [
    "she had a wee fit earlier, it's gone now and she's eating toast",
    "the shaking's gone, he's sitting up chatting",
])
def test_a_fit_that_has_gone_is_over(said):
    assert not _has(said, "seizure")


@pytest.mark.parametrize("said", [
    "Nan took her evening tablets twice tonight, that's double her digoxin",
    "I was ringing about a repeat prescription but Grandad's taken his heart pills twice this morning, a double lot",
    "Mum took her evening tablets and then took them again, that's double her warfarin",
])
def test_medicine_taken_twice_is_an_overdose(said):
    assert _has(said, "overdose_poisoning")


@pytest.mark.parametrize("said", [
    "she takes her tablets twice a day with food",
    "I took her to the chemist to pick up her tablets",
    "he took her tablets back to the pharmacy to be disposed of",
])
def test_medicine_taken_as_prescribed_or_carried_is_no_overdose(said):
    assert not _has(said, "overdose_poisoning")


@pytest.mark.parametrize("said", [
    "I was calling to book my twenty-week scan, but I've had really bad belly pain all morning and now there's a lot of blood",
    "my wife's booked for her anomaly scan next week but she's bleeding heavily now and in agony",
    "I'm due my 12 week scan Friday but there's loads of blood now and bad cramps",
])
def test_a_pregnancy_told_by_its_scan(said):
    assert _has(said, "pregnancy_emergency")


@pytest.mark.parametrize("said", [
    "I had a scan on my knee last week, can I drive yet",
    "my twenty-week scan was fine, baby's kicking, just wanted to ask about heartburn tablets",
])
def test_a_scan_with_no_danger_sign_is_no_pregnancy_emergency(said):
    assert not _has(said, "pregnancy_emergency")
