"""Kinds of telling set o's author used for the airway, heart, stroke, breathing, bleeding, head and burn flags that the
rules did not read (the team's own paraphrases, not set o's lines): Hawaii Pidgin's "no stay" and "wen"; a chest named
in Afrikaans ("bors") and an arm gone "lam"; a weight sitting on the ribs; the arm test watched live; words that come out
as noises; a caller tripod-sitting who cannot get words out; broken English round a stuck sweet; blood heard or likened
to a tap or a burst pipe with no word "blood"; a head injury told only by its signs; a burn told by the skin. Each kind
has look-alikes that must stay unflagged."""

import pytest

from intake.red_flags import find_red_flags


@pytest.mark.parametrize(
    "text, flag",
    [
        # Hawaii Pidgin and Caribbean grammar: "no stay" is "is not", a chest that "no move"
        ("my uncle wen go down in da surf, we wen drag him up da sand an he no stay breathing", "not_breathing"),
        ("tutu stay on da kitchen floor, she no stay breathing, I shaking her", "not_breathing"),
        ("da baby no stay breathing, her chest no move at all", "not_breathing"),
        ("mi granny drop down inna di yard, her chest no move, she nah breathe", "not_breathing"),
        ("her chest won't go up and down, she was under the water for ages", "not_breathing"),
        # chest pain in Afrikaans, and as a weight on the ribs
        ("my pa se bors is baie seer, like a brick on him, he's sweating", "chest_pain"),
        ("Oupa says his bors is tight like a band and his left arm has gone lam", "chest_pain"),
        ("my husband's bors is pressing and the pyn goes down into his arm", "chest_pain"),
        ("it's like a sumo wrestler kneeling on my ribs and it runs into my jaw", "chest_pain"),
        ("feels as if somebody has parked a lorry on his rib cage, he's grey", "chest_pain"),
        ("like an elephant standing on my ribs, it goes through to my back", "chest_pain"),
        ("it's like my heart is being wrung out like a dishcloth", "chest_pain"),
        # stroke: the arm test watched live, speech that comes out as noises
        ("I've asked her to put both hands up, the left one stays up but the right one just flops back into her lap",
         "stroke"),
        ("I told him to lift both his arms, one goes up and the other slides straight back down", "stroke"),
        ("getting him to hold his arms out now and the right one keeps sinking down onto the duvet", "stroke"),
        ("I raise her arms and the left one falls like a dead weight", "stroke"),
        ("she went to say something and only grunts came out, the corner of her mouth has dropped", "stroke"),
        ("he's trying to answer me but just sounds come out, no words", "stroke"),
        ("when I asked if she wanted a cup of tea she tried to reply but only noises came out", "stroke"),
        # breathing difficulty seen: tripod sitting and no words
        ("he's sat on the edge of the sofa leaning on his knees, shoulders hunched up, he can't get his words out",
         "breathing_difficulty"),
        ("she's propped forward on the kitchen table gripping the edge, shoulders heaving, she tried to speak and can't",
         "breathing_difficulty"),
        ("Mum's perched on the side of the bed with her hands on her knees and she's panting, can't talk to me",
         "breathing_difficulty"),
        ("he's sitting forward gripping his knees, he can only nod at me", "breathing_difficulty"),
        # choking told in broken English
        ("my son, a coin in throat, he no can breathe, he hold his neck", "choking"),
        ("baby have grape in throat, not breathe, she grab the neck", "choking"),
        ("husband, fish bone in throat, he hold throat, cannot speak, please", "choking"),
        ("she took a bite of her sandwich, then went silent and started flapping her arms", "choking"),
        # heavy bleeding heard or likened, with no word "blood"
        ("it's running off his elbow like a tap left on, from where the glass got him", "heavy_bleeding"),
        ("it's pumping out of his thigh like a garden hose, the chainsaw caught him", "heavy_bleeding"),
        ("from her forehead where she hit the corner, it's coming out like a fountain", "heavy_bleeding"),
        ("I can hear it pattering onto the kitchen floor from his hand, like a tap, it isn't slowing", "heavy_bleeding"),
        ("my mate's leg is bleeding heaps from the reef cut, eh", "heavy_bleeding"),
        ("the workshop looks like a slaughterhouse, it's from his forearm where the saw got him", "heavy_bleeding"),
        ("die bloed wil nie ophou nie, from his hand where the saw caught it", "heavy_bleeding"),
        ("I can hear it splashing onto the tiles from his wrist, it won't stop", "heavy_bleeding"),
        # head injury told only by its signs
        ("there's a bump the size of a golf ball on his head, he's thrown up twice and keeps asking where he is",
         "serious_injury"),
        ("she's got a lump like an egg on the back of her head and she's been sick and seems muddled", "serious_injury"),
        ("a plank swung round and hit one of the lads on the head, he went out for a few seconds and now he can't tell "
         "me what day it is", "serious_injury"),
        ("the two of them banged heads in the playground, he dropped and didn't move for a bit, now he's vomiting",
         "serious_injury"),
        ("my boy clashed heads going for the ball, went down and did not move, the ref got him up, and now he's been "
         "sick and keeps asking the score", "serious_injury"),
        ("since he came off the bike one pupil is massive and the other is tiny", "serious_injury"),
        # burns told by the skin
        ("the kettle went over her, the skin on her arm is hanging off like wet paper", "severe_burns"),
        ("the candle caught his sleeve, I've put it out but his whole arm is raw and weeping", "severe_burns"),
        ("her dressing gown caught on the hob, now her back is raw and oozing", "severe_burns"),
        ("her skin has come off in sheets after the bath was far too hot", "severe_burns"),
        ("the hot water bottle split in her bed and the skin on her legs is peeling off in strips", "severe_burns"),
        ("the skin on his hand slid off like a glove after he grabbed the exhaust", "severe_burns"),
    ],
)
def test_o_kinds_are_read(text, flag):
    assert flag in find_red_flags(text)


@pytest.mark.parametrize(
    "text, flag",
    [
        ("we stay at da beach all day and he no stay eating his lunch", "not_breathing"),
        ("my bors is a bit sore from coughing with this cold", "chest_pain"),
        ("the cat likes sitting on my ribs when I lie on the sofa", "chest_pain"),
        ("I lift weights and my left arm drops first when I'm tired", "stroke"),
        ("she's sitting forward reading, she can't talk, she's on the phone to her sister", "breathing_difficulty"),
        ("I fell off my bike and my ribs hurt when I breathe in", "chest_pain"),
        ("at the gym I lift both arms over my head and the right one gets tired first", "stroke"),
        ("my shoulder's in a sling so when I lift both arms up the right one drops", "stroke"),
        ("the baby only makes noises, she's four months, no words yet", "stroke"),
        ("she sits on the edge of the bed to put her socks on and then she's fine", "breathing_difficulty"),
        ("she's perched on the edge of the bed with a sore throat and can't talk above a whisper", "breathing_difficulty"),
        ("my nose is running like a tap with this cold", "heavy_bleeding"),
        ("the kitchen tap has been dripping like a tap does since the plumber left, on the lino by my feet", "heavy_bleeding"),
        ("he's sweating like a tap from his forehead after the run", "heavy_bleeding"),
        ("she fainted at the dentist, was out for a few seconds, now she's sat up having a drink and chatting",
         "serious_injury"),
        ("my dad's passed out on the sofa and I can't wake him, my mum doesn't know I'm ringing", "serious_injury"),
        ("the optician says I've always had one pupil bigger than the other", "serious_injury"),
        ("my kitchen looks like a crime scene after the kids made jam tarts", "heavy_bleeding"),
        ("I've had a lump on my head for months, it doesn't hurt, and I'm not sick", "serious_injury"),
        ("my hot water bottle is lovely for my back ache", "severe_burns"),
        ("I've been burning the candle at both ends all week and my eye twitches", "severe_burns"),
        ("her knee is raw where she skinned it on the playground", "severe_burns"),
    ],
)
def test_o_kinds_lookalikes_stay_unflagged(text, flag):
    assert flag not in find_red_flags(text)
