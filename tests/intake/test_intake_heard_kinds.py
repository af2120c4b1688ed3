"""Kinds of mishearing found in Whisper's texts of the spent blind sets (tiny.en, flite, 8 kHz mu-law), each
written here as a new paraphrase: the heard form of a sign must still read as the sign, and a heard look-alike
must not become one. Never a corpus line."""

import pytest

from intake.red_flags import find_red_flags


@pytest.mark.parametrize(
    "heard, flag",
    [
        # "stopped" after a sibilant: Whisper moves the s across the word boundary
        ("My grandads top breathing, please come.", "not_breathing"),
        ("Her husband's top breathing on the kitchen floor.", "not_breathing"),
        # voiced and voiceless pairs blur on the line: "out cold" heard "out gold"
        # (still out: once she "keeps asking the same thing" she is awake again, and the head injury is serious_injury's)
        ("She hit her head on the shelf and she's out gold on the floor.", "unconscious"),
        # "gaping" heard "vaping": a wound does not vape
        ("The chisel slipped and the cut is vaping wide.", "serious_injury"),
        # "severe" heard as "never": no one has never pain
        ("I'm eight months pregnant and I have never pain low in my belly, it won't ease.", "pregnancy_emergency"),
        # "can't" lost, but the "any" that needs it is still there
        ("My toddler swallowed a grape and she keeps getting any air in.", "choking"),
        ("He swallowed a boiled sweet whole and he could get any sound out.", "choking"),
        # a fit told by the eyes alone, as a fragment
        ("jerking. eyes back. help", "seizure"),
        # Pidgin "dey" is written "day", sometimes with a comma before the verb
        ("Come quick, my papa fall for road and e no day breathe at all", "not_breathing"),
        ("Mama no day, answer me, she just lie for floor", "unconscious"),
        ("the sweet is tuck, she no day breathes well", "choking"),
        # voiced and voiceless pairs blur: "clots" heard "glots"
        ("She is thirty weeks, big glots coming away, the towel is full", "pregnancy_emergency"),
        # a chemical name written as it sounds
        ("the toddler had a swig of messalated spirits, he's four, he's gone wobbly", "overdose_poisoning"),
        # the s of "slurred" heard as f, the ending dropped (set m)
        ("Dad's voice went all flurred after lunch and he keeps dropping his cup", "stroke"),
        ("My nan's words are flurs, she was fine at breakfast", "stroke"),
        # "jerking" voiced: k heard g
        ("My lad is on the bathroom floor jurging and he won't stop", "seizure"),
        # "nearly fainted" heard "nearly feigned it": with a pain low on one side in early pregnancy
        ("I'm seven weeks pregnant, there's a pain low on my left side and I almost feigned it in the shower",
         "pregnancy_emergency"),
    ],
)
def test_heard_forms_of_signs_still_read_as_the_sign(heard, flag):
    assert flag in find_red_flags(heard)


@pytest.mark.parametrize(
    "heard, flag",
    [
        # once Whisper loses "the inhaler's done nothing", asthma and speech in bursts still tell it
        ("It's my asthma again, I can only say a couple of words at a time.", "breathing_difficulty"),
        ("Her asthma's bad, she's wheezy and can say two or three words before she stops", "breathing_difficulty"),
    ],
)
def test_what_survives_of_a_heard_sign_is_read(heard, flag):
    assert flag in find_red_flags(heard)


@pytest.mark.parametrize(
    "heard, flag",
    [
        # Whisper ends a sentence where the caller only paused: the half after the stop must tell the sign alone
        ("Pressed on it for twenty minutes. It's soaking the tea towel now.", "heavy_bleeding"),
        ("She slipped and hit her head on the step. Now she's been sick twice.", "serious_injury"),
        ("He banged his head on the beam. An hour ago. Now he keeps throwing up.", "serious_injury"),
        # the severity word lost ("stabbing" heard "tapping"), fainting with a one-sided pain in pregnancy still tells it
        ("She's about two months pregnant, her tummy hurts on one side and she passed out in the kitchen",
         "pregnancy_emergency"),
    ],
)
def test_a_sign_split_by_a_heard_full_stop_is_read(heard, flag):
    assert flag in find_red_flags(heard)


@pytest.mark.parametrize(
    "heard",
    [
        # "is passed out" heard "has passed out": a faint, never a death (no CPR advice)
        "My brother has passed out after the long run, he is breathing fine and grumbling.",
        # a machine's smoke, however the boundary moves
        "The tractors top breathing smoke and the field is quiet, who fixes that?",
        # "should she still see someone" heard without its "should"
        "He had an asthma attack earlier, the inhaler worked, he is fine and chatting now, so he still sees the nurse later",
        # a drunk who swears at the caller answers; the nudge is what Whisper lost
        "My flatmate has passed out drunk on the floor, he's snoring, he swore at me when I know him.",
        # a boot's toe cap or a knee cap is no swallowed object
        "The crate caught his foot but the toe cap took it, he's walking fine.",
        # "heartburn" heard as two words is no burn
        "It is that hard burn again, I always get the entire thing after spicy food.",
        # English "no day" is no Pidgin
        "There is no day, honestly, that she does not phone me about the garden.",
        "No day, move it to Friday, she said, the cough has cleared up.",
        # asthma said, the words in bursts from a cold
        "My asthma is well controlled, I only popped in for a couple of words with the nurse at a time that suits.",
        # real words next to the new heard forms
        "There was a flurry of snow and he slipped, but he is talking fine.",
        "Jurgen from next door drove her in, she only has a sore throat.",
        "He almost feigned it, the footballer, then got up and ran.",
        # a dressing soaked in water, by rain; a head bump whose sickness is over or absent; a faint only denied
        "I'm soaking the bandage in salt water before I put a fresh one on.",
        "It is soaking the towels, the rain came in through the window.",
        "He hit his head on the shelf last month. Now he's stopped being sick from the tummy bug.",
        "He bumped his head yesterday, it's fine. Now he is not sick at all.",
        "I'm pregnant and my tummy aches a bit, I have never fainted.",
        # the idiom with its "a" heard "the"
        "The gutters are leaking again, the landlord will give me the heart attack, and I grazed my knee on the ladder.",
    ],
)
def test_heard_look_alikes_raise_no_flag(heard):
    assert "not_breathing" not in find_red_flags(heard)
    assert find_red_flags(heard) in ([], ["unconscious"])


@pytest.mark.parametrize(
    "heard, flag",
    [
        # (set n heard) a sign word heard as a common word that can only be the sign where it stands:
        # "choking" as "shocking" beside the back slapped or no air (never "shocking on his part")
        ("My son is shocking on a chunk of apple, he can't breathe, I'm thumping his back.", "choking"),
        ("I'm banging her on the back, she's shocking on her dinner and going blue.", "choking"),
        # "stuck" as "stuff" after the piece of food
        ("There's a lump of steak stuff, he can't talk and he's grabbing at his neck.", "choking"),
        # "bleeding" with its b lost: nobody is leaving heavily
        ("She's twelve weeks pregnant and leaving really heavily since lunch.", "heavy_bleeding"),
        # "drank" heard as the noun's 's and "ran"/"rant", or "ran" alone before a poison
        ("My uncle's rant the weed killer after the row, he's being sick.", "overdose_poisoning"),
        ("Her brother's ran some bleach on purpose and he's drowsy.", "overdose_poisoning"),
        ("He ran the rat poison on purpose last night and now he's drowsy.", "overdose_poisoning"),
        # "fits" as "fix" where epilepsy is named; a usual fit told of, "but this one" is now
        ("He's epileptic and the fix have not stopped for ten minutes.", "seizure"),
        ("She's epileptic, normally the fix stop in a minute and she sleeps, but this one began at the bus stop "
         "and she is still down. Ten minutes now.", "seizure"),
        # bleeding told by what it soaked, its colour all that is left of the words
        ("The tea towel on his hand is completely red already.", "heavy_bleeding"),
        ("I sent the picture, the towel's completely red, it's from the saw.", "heavy_bleeding"),
        # a breath check answered by a bare "nothing" at the end of a sentence, a lost foreign word before it
        ("I held a mirror to his mouth, nothing.", "not_breathing"),
        ("Grandad went down by the gate, I put my cheek by his mouth, zut, nothing at all.", "not_breathing"),
    ],
)
def test_heard_words_only_the_sign_can_be_read_as_the_sign(heard, flag):
    assert flag in find_red_flags(heard)


@pytest.mark.parametrize(
    "heard",
    [
        # "if" heard "is": a question never has "is" before a subject and its verb
        "What should I do is she stops breathing while she sleeps? She has a cold, she's asleep now.",
        "What do we do is the baby turns blue again tonight?",
        # the real words beside the heard forms
        "That was shocking on his part, he walked off and now he can't talk to me.",
        "They're leaving heavily laden with bags after the shopping.",
        "We ran the paraffin heater all night, everyone is fine.",
        "She ran the bleach down the sink and wiped the side.",
        "My husband's ran the weedkiller over the patio, he's fine.",
        "He bought a chunk of cheese stuff from the market.",
        "My epilepsy is fine, but the fix on the boiler failed.",
        "The towels are completely red after I washed them with her new jumper.",
        "Her face is completely red and the cloth on her forehead is warm, she has a temperature.",
        "I held the phone to my ear, nothing, the line is dead.",
        "I always get this one ache in my knee when I run, it goes when I stop.",
    ],
)
def test_heard_look_alikes_of_set_n_raise_no_flag(heard):
    assert find_red_flags(heard) == []


@pytest.mark.parametrize(
    "heard",
    [
        # Whisper ends a sentence where the caller only paused: words that will not come for want of breath
        "My nan can't get her breath. She can't get her words out.",
        "He is wheezing badly. His words come out all wrong and he's grey.",
    ],
)
def test_breathless_speech_split_by_a_heard_full_stop_is_no_stroke(heard):
    assert "stroke" not in find_red_flags(heard)


@pytest.mark.parametrize(
    "heard, flag",
    [
        # set s: a drug's name is lost on the line, the amount or the whole pack is kept
        ("He swallowed the whole strip of his pro pran a loll before work", "overdose_poisoning"),
        ("My sister took twenty of her lamb a trigine, she's crying on the stairs", "overdose_poisoning"),
        ("Dad had loads of his zoppy clone with his whisky and he's barely with it", "overdose_poisoning"),
        ("I popped a whole box of the co-coder mole to end it", "suicidal"),
        # the opioid picture: naloxone garbled, pupils pinned, nodding out, won't stay awake
        ("She's nodding out on the floor, I've got the narcen spray but I don't know how", "overdose_poisoning"),
        ("My son's pupils are like pin heads and he can't stay awake", "overdose_poisoning"),
        # a CO alarm heard "coal", the household ill
        ("The coal alarm keeps bleeping and all of us have banging heads", "overdose_poisoning"),
        # a birth by section ("sea section"), the bleeding heavy now
        ("I had my daughter by sea section twelve days ago and I'm soaking through a pad every hour", "pregnancy_emergency"),
        # "fitting" heard "sitting" beside the fit's own signs; "drooping" heard "grouping"; "out cold" heard "without gold"
        ("My husband is sitting in the bed, his jaw's clamped shut and his arms are jerking", "seizure"),
        ("Her mouth has gone grouping on the right and she can't lift her arm", "stroke"),
        ("Somebody hit him with a brick, he was without gold, now he's being sick", "serious_injury"),
        # "no wheezing" heard "no breathing" is read only after the breathing was said to be fine, never after "was"
        ("He was breathing fine at tea, no breathing now, no pulse", "not_breathing"),
    ],
)
def test_set_s_heard_kinds_still_read_as_the_sign(heard, flag):
    assert flag in find_red_flags(heard)


@pytest.mark.parametrize(
    "heard",
    [
        "My lip is numb on one side, the anaesthetic has not worn off yet",
        "My uncle found his friend unconscious yesterday and he's in hospital now, I'm ringing about my uncle's chest cold",
        "He's sitting in the waiting room reading, he's fine, I just want to book an appointment",
        "It took twenty minutes for the bus, I'm calling about my sore knee",
        "The smoke alarm is beeping because the battery is low and I've got a headache",
        "She's breathing fine, no breathing, no fever, it's just the runny nose",
    ],
)
def test_set_s_heard_look_alikes_raise_no_flag(heard):
    assert find_red_flags(heard) == []
