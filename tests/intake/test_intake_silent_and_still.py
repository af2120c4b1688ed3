"""Someone who neither speaks nor moves is unresponsive until shown otherwise, however the caller says it.

Callers rarely say "unconscious" or "won't wake": they tell the two things they see, silence ("he's not talking",
"she isn't saying a word", "gone quiet", "she no dey hear us" after her name was called) and stillness ("just lying
there", "eyes shut", "on the floor"), in Pidgin, Hinglish and Taglish as in English. Read together within a sentence
or two, they are the `unconscious` red flag. Read apart, or with a reason for the quiet (asleep, sulking, deaf, a bad
line, a baby not talking yet, talking "not much" or "not properly"), they are not.
"""

import pytest

from intake.red_flags import find_red_flags


def _flags(text: str) -> set[str]:
    return {getattr(f, "id", f) for f in find_red_flags(text)}


@pytest.mark.parametrize("text", [
    "my father is not talking and not moving at all",
    "she isn't saying anything, she's just lying there",
    "he stopped talking and now he just lies there on the floor",
    "my aunty no dey talk again, she just lie down for ground",
    "we shout her name tire, she no hear",
    "I keep calling his name, he doesn't hear me",
    "grandpa is on the kitchen floor with his eyes shut, not saying a word",
    "he went silent, he's lying on the road with his eyes closed",
    "dadi kuch bol nahi rahi, bas padi hai",
    "si tatay ayaw sumagot, nakahiga lang siya sa sahig",
])
def test_silence_and_stillness_together_are_unresponsive(text):
    assert "unconscious" in _flags(text)


@pytest.mark.parametrize("text", [
    "he hasn't been talking to me since the argument, he's lying on the sofa watching tv",
    "my grandmother is deaf, she doesn't hear me when I call her",
    "the baby isn't talking yet, she's lying in her cot playing with her feet",
    "she's lying down, she's not speaking much because her back hurts",
    "he's lying there asleep, not talking, he's just tired from the night shift",
    "my son is sulking, he's not saying anything, lying on his bed",
    "she can't hear me, the line is bad, she's lying in bed with a fever",
    "he's resting on the floor mat, he's quiet but he answers when I ask him",
    "she wasn't talking for a minute but now she's chatting and sitting up",
])
def test_quiet_with_a_reason_or_alone_is_no_flag(text):
    assert "unconscious" not in _flags(text)
