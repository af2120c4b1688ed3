"""Kinds of telling that sets m and l's authors used and the rules did not read (the team's own paraphrases, not set m's
lines): a pain that has "gone down" an arm, texts without vowels, a face that "melted", a dialect "cain't",
the hands at the throat, a head blow with vomiting said as "puked" or a name forgotten, clothing melted onto
the skin, "breathing but gone". Each is paired with a look-alike that must stay unflagged."""

import pytest

from intake.red_flags import find_red_flags


@pytest.mark.parametrize(
    "text, flag",
    [("a pressing pain in the middle of my chest and it's gone down into my left arm", "chest_pain"),
     ("tight in his chest like a belt and it has passed up into his jaw", "chest_pain"),
     ("my bby nt brthng!!", "not_breathing"),
     ("dad nt mvng nt brthng pls hlp", "not_breathing"),
     ("she's lying there and I can't see her chest going at all", "not_breathing"),
     ("half her face looks like it's melting, the right side, just now", "stroke"),
     ("she cain't lift her left arm and she's talkin' out the side of her mouth", "stroke"),
     ("she's grabbing at her throat and nothing is coming out", "choking"),
     ("he was out cold after the fall off the ladder and he's puked since", "serious_injury"),
     ("he hit his head on the door frame and now he can't tell me his own name", "serious_injury"),
     ("her nylon nightie melted onto her legs when the heater caught it", "severe_burns"),
     ("he's breathing but just gone, eyes half open, nothing from him", "unconscious"),
     ("I put my glasses by her nose for ages and they never misted once", "not_breathing"),
     ("his shin's bent at a horrible angle and there's bone poking through", "serious_injury"),
     ("the kettle went over her arm, it looks cooked, white in the middle", "severe_burns"),
     ("robbers slashed him with a machete on the road", "serious_injury")],
)
def test_the_sign_is_read(text, flag):
    assert flag in find_red_flags(text)


@pytest.mark.parametrize(
    "text, flag",
    [("the ache in my chest has gone down a bit now, it's just my knee", "chest_pain"),
     ("the tightness in her chest has passed on its own", "not_breathing"),
     ("the pain in his chest has passed, he's watching telly", "not_breathing"),
     ("txt me bck pls nt urgent jst a rash", None),
     ("his ice lolly melted all over his face, he's fine, it's his tummy ache I'm asking about", "stroke"),
     ("he puked after the fairground ride, no bump, no fall, just queasy", "serious_injury"),
     ("the plastic spoon melted in the pan, nobody hurt, it's about my cough", "severe_burns"),
     ("the shelf is hanging at a funny angle since the storm, I'm ringing about my sore throat", "serious_injury"),
     ("my glasses never mist up in the cold, it's my eye that is itchy", "not_breathing"),
     ("I cooked rice for everyone, now my whole body aches with this flu", "severe_burns"),
     ("he came back from cutting grass with the panga and now he has a fever", "serious_injury"),
     ("my uncle keeps a cutlass under the bed, it's his chest cold I'm ringing about", "serious_injury")],
)
def test_the_look_alike_is_not(text, flag):
    found = find_red_flags(text)
    assert (found == []) if flag is None else (flag not in found)
