"""The turn kinds spent set bd (East and Southern Africa, its diaspora) showed, tested in the team's own words.

A head blow told in Swahili ("amepigwa kichwani", hit on the head) is read as one, so a knock-out or the same questions
after it is a head injury, and a wound said deep ("kidonda ni kirefu") is one too. Working out or planning ways "to not
wake up" is a plan to die. An animal named before the "she" ("it's our cow, not a person, she's gasping") keeps the
sign; a staple burnt in its pot ("the ugali is burnt"), a stand or a shed that collapsed, skin peeling between the toes
with an itch, where to buy a pest's poison, and a child who "throws up everything, I mean throws everything onto the
floor" are no signs. An arm gone dead beside a chest's weight is the heart's spread, not a stroke; pulling for air is
breath, not a face pulled; the skin on an arm hanging off is a burn, not a limb; "not answering" after a text is the
phone; a death the caller means to follow ("take them all and go to her") is a bereavement, not a death now; a child who
cannot be kept awake is the child's danger sign, not one who cannot be woken.
"""

import pytest

from intake.red_flags import find_red_flags
from tests.support.red_flag_kinds import turn_kind_tests

FLAGGED = [
    # a head blow in Swahili, a knock-out or the same questions after it
    ("Kijana amepigwa kichwani na jiwe, he was out for a few seconds, now he keeps asking where he is", "serious_injury", None),
    ("Mzee amepigwa na rungu kichwani usiku, he blacked out and now anauliza maswali yale yale", "serious_injury", False),
    ("my brother amepigwa kichwani at the stage, he went out cold, sasa he is vomiting", "serious_injury", None),
    # a deep wound in Swahili (kept when "kichwani" became "on the head")
    ("Amekatwa na jembe mguuni, kidonda ni kirefu, unaona ndani", "serious_injury", None),
    ("ameanguka kwa pikipiki, kidonda ni kirefu sana on his leg, unaona ndani", "serious_injury", None),
    # working out or planning ways to not wake up
    ("I'm so tired of living, I've been figuring out how to never wake up", "suicidal", False),
    ("my sister says she has been planning ways to not wake up again, she won't open her door", "suicidal", False),
    ("nimechoka na maisha, I have been working out how to not wake up tomorrow", "suicidal", False),
    ("he told me he's been working out ways to kill himself with his tablets", "suicidal", False),
]

QUIET = [
    # an animal named before its "she"
    "It's our goat, not a person, she's gasping and won't get up, is there a vet line?",
    "this is about our cow, it's our cow, she's bleeding from the leg where the wire cut her, which vet do I call?",
    # a staple burnt in its pot
    "the nsima is burnt, the whole pot is black, nobody got hurt, how do I get the smell out?",
    "Sadza yatsva, the sadza is burnt at the bottom, the whole pot, the kids are fine",
    "the chapatis are burnt, all of them, my wife laughed",
    # a structure that collapsed, the person well
    "the chicken shed collapsed in the storm and my uncle fell off it, about four metres, he walked away",
    "the wooden platform at the borehole collapsed, my cousin jumped clear, he is fine",
    "the kiosk collapsed on the market day, nobody was under it",
    # peeling skin with an everyday cause
    "the skin between my toes is peeling and so itchy, I walk in gumboots all day",
    "my son's skin is peeling on his feet, it's itchy and dry, what cream?",
    # where to buy a pest's poison
    "where do I get rat poison for the granary? the rats are finishing the maize, nobody is sick",
    "where can we buy cockroach killer for the hostel kitchen?",
    # a self-repair: throwing things, not vomiting
    "he throws up everything, sorry, I mean he throws everything I give him on the floor, he is just stubborn, he is three",
    # working out how to not wake at night
    "I'm figuring out how to not wake up at night to pee, is it my prostate?",
    "last year I was working out ways to not wake up, now I'm in therapy and much better",
    "kidonda ni kidogo, it is a small scratch on her knee",
]

NOT_ALSO = [
    # an arm gone dead beside a chest's weight: the heart's spread
    ("my chest feels like a sack of maize is on it and my left arm has gone dead", "chest_pain", "stroke", False),
    ("Kifua kinanibana, there's pressure on my chest and my right arm is heavy and dead", "chest_pain", "stroke", False),
    # pulling for air is breath
    ("she is pulling air hard, her lips are turning grey", "breathing_difficulty", "stroke", False),
    ("he's pulling for breath and his lips look blue", "breathing_difficulty", "stroke", False),
    # the skin on an arm hanging off is a burn
    ("the paraffin stove burst and the skin on her arms is hanging off", "severe_burns", "serious_injury", False),
    ("after the gas exploded the skin of his hands is hanging off in strips", "severe_burns", "serious_injury", False),
    # not answering after a text
    ("my daughter in Leeds texted me she wants to end her life and now she's not answering", "suicidal", "unconscious", False),
    ("he sent me a message saying goodbye, he wants to die, and since then he's not replying", "suicidal", "unconscious", False),
    # a death the caller means to follow
    ("My husband has died, I'm going to swallow all his pills and be with him", "suicidal", "not_breathing", False),
    ("baba yangu has died, I'm going to take the rat poison and go to him", "suicidal", "not_breathing", False),
    # a child who cannot be kept awake
    ("my baby is not feeding and so sleepy, I can't keep her awake", "child_danger_signs", "unconscious", True),
    ("mwanangu ana miaka miwili, he's vomiting everything and we can't keep him awake", "child_danger_signs", "unconscious", True),
]

TWINS = [
    ("his arm went dead and his face is drooping on the left", "stroke", False),
    ("her left arm has gone dead and weak, she can't lift it", "stroke", False),
    ("his leg is hanging off after the machine caught it", "serious_injury", False),
    ("my husband has died, he's not breathing, his chest isn't moving", "not_breathing", False),
    ("my daughter texted me she was at the park, I went there and she's on the ground, not answering me", "unconscious", None),
    ("my husband took all his sleeping pills, I can't keep him awake", "unconscious", False),
    ("my toddler can't be woken, I can't keep her awake", "unconscious", True),
    ("it's our cow that kicked my son, he's gasping and can't talk", "breathing_difficulty", None),
    ("no, it's the chicken blood on his shirt, but he cut his hand deep and it keeps pouring", "heavy_bleeding", None),
    ("the ugali pot tipped over and burnt his whole arm, the skin is peeling off", "severe_burns", None),
    ("the shed collapsed on my father and he won't wake up", "unconscious", False),
    ("my son drank the rat poison we bought for the store", "overdose_poisoning", None),
    ("where can I buy rat poison, I want to end my life", "suicidal", False),
    ("the skin is peeling off his arm after the boiling water, it's itchy and blistering", "severe_burns", None),
    ("she throws up everything we give her, even water, she's one", "child_danger_signs", True),
    ("Jamaa amepigwa na rungu kichwani, he was knocked out and he's bleeding from the ear", "serious_injury", False),
]

(test_the_kind_is_heard, test_its_look_alike_is_quiet, test_heard_without_its_look_alike,
 test_the_twin_still_flags) = turn_kind_tests(FLAGGED, QUIET, NOT_ALSO, TWINS)


# "Finish myself" (East African and Nigerian English for killing oneself) after a will or a plan, however many words
# between: a means told first ("drink the tick dip and finish myself") or a day after it. bd-calls found it missed.
@pytest.mark.parametrize("said", [
    "I want to drink the tick dip and finish myself",
    "I will finish myself today, I can't carry this debt",
    "my brother says he's going to the river tonight to finish himself",
    "she keeps saying she'll take the whole bottle of her mother's pills and finish herself",
])
def test_finishing_oneself_after_a_will_or_a_plan_is_suicidal(said):
    assert "suicidal" in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "I'll finish it myself, the nurse showed me how to change the dressing",
    "I will finish the painting myself tomorrow if my back lets me",
    "I will never finish myself, I just need something for this headache",
])
def test_finishing_a_thing_oneself_is_no_suicide(said):
    assert "suicidal" not in find_red_flags(said)
