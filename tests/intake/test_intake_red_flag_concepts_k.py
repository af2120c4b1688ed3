"""Red flags by kind of failure, ninth round: the kinds found by sorting every false flag and miss of the blind set of
author k (intake/corpus/blind_k_*.jsonl, spent on 2026-12-03, branch clin-k), each fixed at the level of its concept.

Every sentence here was written for these tests, none copied from a corpus: passing them says a fix reaches words it
was not tuned on. Each look-alike has the real sign beside it, said in new words, to show the fix did not take it; each
newly heard sign has a look-alike beside it.
"""

from intake.red_flags import find_mechanisms, find_red_flags
from intake.understanding import parse_breathing, parse_yes_no
from tests.support.red_flag_kinds import kind_tests

FOUND = [
    # Beside a story on a screen: the same sign in the room.
    ("not_breathing", "we were watching a film and my uncle has stopped breathing on the sofa"),
    ("heavy_bleeding", "the cut on her leg is bleeding everywhere, it's soaking the sofa"),
    # Beside an animal or a machine with the sign: a person bitten, burnt or choking by it.
    ("heavy_bleeding", "the dog bit my son on the arm and he's bleeding everywhere"),
    ("choking", "my husband is choking on a piece of fish bone and can't talk"),
    ("severe_burns", "the pot of boiling water tipped over him and his whole back is blistered and peeling"),
    # Beside the caller's own hands on a chest (CPR, a rub): the patient's own hand on it.
    ("chest_pain", "he keeps rubbing his chest and says it feels like a heavy weight"),
    # Beside someone's past at an age: this patient now.
    ("overdose_poisoning", "my sister swallowed a whole packet of her sleeping tablets an hour ago"),
    # Beside "had a fit when I told him": a fit.
    ("seizure", "he had a fit on the kitchen floor, he's still jerking all over and won't answer"),
    # Newly heard. A breath check at the nose that stays clean.
    ("not_breathing", "I held a make-up mirror to his nose and it stayed clean, nothing on it"),
    # Nothing goes in, and the effort stops.
    ("not_breathing", "she was trying and trying but no air gets in, and now she's stopped trying"),
    # One arm floats or drifts down (FAST).
    ("stroke", "I asked him to hold his arms out and the right one drifts down on its own"),
    # A face that dropped, beside a drink he did not have.
    ("stroke", "her face has dropped on one side and she sounds drunk, but she hasn't touched a drop"),
    # Only a couple of words at a time, when the inhaler fails.
    ("breathing_difficulty", "his puffer is doing nothing and he can only get out a couple of words at a time"),
    # Limbs "going" for minutes: a fit told in lay words.
    ("seizure", "her arms and legs have been going for a good ten minutes and she's not with us"),
    # Intent: done, a gun and not coming back; tablets saved up and tonight; easier not to wake; counted out.
    ("suicidal", "I'm done, there's a rifle in the truck and I'm not coming back"),
    ("suicidal", "I've been saving up my painkillers for weeks and tonight's the night"),
    ("suicidal", "the tablets are in front of me and it'd be simpler for everyone if I didn't wake up"),
    # A question about what already happened is not a hypothetical.
    ("overdose_poisoning", "is it bad if my son drank some of the bleach? his mouth is sore"),
    # A poison smelled on the breath.
    ("overdose_poisoning", "the white spirit was left open and she's got it on her breath, she's three"),
    # A late period and a sharp one-sided pain with a faint (ectopic).
    ("pregnancy_emergency", "my period is ten days overdue, there's a sharp pain low on the right and I blacked out on the landing"),
    # Scots.
    ("serious_injury", "she wis oot cold efter the fall, noo she disnae ken her ain name"),
    # A word split by speech-to-text.
    ("serious_injury", "there was a head in jury at training, he's drowsy"),
]

NOT_FLAGGED = [
    # Stories on a screen.
    "in the film last night the hero stopped breathing under the ice and my son had nightmares",
    "in the video game my character had a heart attack and my daughter cried, she's eight",
    "the actress in that series was unconscious for three episodes, anyway I need a repeat prescription",
    "a man was gasping in the news footage from the flood and I can't stop thinking about it",
    # Animals and machines.
    "our goldfish aren't breathing, they're at the top of the tank, who do I ask",
    "my cat is panting hard after chasing the kids round the garden",
    "my puppy is choking on a rawhide, he keeps gagging, do I ring a vet",
    "the pump keeps choking when the tank is low",
    "the bread is burnt black and the kitchen's full of smoke, nobody's hurt",
    "my printer is unresponsive and won't wake up from standby",
    "the horse ate a wasp and her face swelled up, the vet has seen her, she's fine",
    # A toy.
    "my little girl's doll won't feed, she wants me to call a doctor for it",
    # Someone's past, an age or a war.
    "I took an overdose at seventeen, I'm forty now and well, just filling in a form",
    "my great-grandmother was badly burned in the war, it's for a history project",
    # Over, and well today; a usual fit that lasted a minute.
    "he blacked out in church yesterday, the hospital said it was a simple faint, he's fine today",
    "he had one of his usual seizures at breakfast, lasted a minute, and now he's up and eating and normal",
    "the baby stopped breathing for a moment while asleep, then gasped and cried, and now she is feeding normal",
    # Idioms and explained words.
    "my manager had a fit when I told him I need the afternoon off, anyway it's about my wrist",
    "I'm slurring because I've just woken up from a nap, it's about my daughter's ear",
    "there was a suicide on the railway so my train was cancelled, I'm fine, can I move my appointment",
    "I'm choking for a cup of tea after that, I came off my bike and grazed my knee",
    # The caller, not the patient, is "done" and "not coming back".
    "I'm not coming back to this clinic, the wait was three hours, I'm calling to cancel",
    # A mechanism and impact words alone.
    "my cousin fell from his bicycle on the road, slow, he hit his knee",
    # Bloody as a swear word.
    "the bloody doctor said it was a lot of nothing, anyway my knee is sore",
]


test_each_sign_beside_its_look_alike_is_heard, test_look_alikes_of_set_k_stay_unflagged = kind_tests(FOUND, NOT_FLAGGED)


def test_a_fall_or_a_bike_said_low_or_slow_is_no_high_risk_mechanism():
    assert find_mechanisms("he fell off the step ladder hanging the curtains, it was low, his ankle hurts") == []
    assert find_mechanisms("she fell from the garden wall, about a metre, her wrist is sore") == []
    assert find_mechanisms("he fell off the motorbike in the lane, slow, his knee is grazed") == []
    assert find_mechanisms("he fell off the roof of the house, it's about five metres") == ["fall_from_height"]


def test_a_knock_out_is_over_once_the_patient_is_sick_and_asking():
    assert "unconscious" not in find_red_flags("she banged her head and was knocked out, now she keeps asking where she is")
    assert "unconscious" in find_red_flags("he was knocked out and now he is not waking up at all")


def test_the_questions_verb_echoed_first_is_the_answer():
    assert parse_yes_no("he did, then he told me to leave him alone") == "yes"
    assert parse_yes_no("she did not, she just stared at the wall") == "no"
    assert parse_yes_no("he did, no wait, I'm not sure") == "unsure"


def test_someone_who_gets_words_out_between_gasps_is_breathing_with_difficulty():
    assert parse_breathing("she is, but she's gasping and can only manage a word at a time") == "yes"
    assert parse_breathing("she is, but it's only the odd gasp now and then") == "agonal"
