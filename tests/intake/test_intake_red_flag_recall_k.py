"""Red flags by kind, a recall round written by the team (not sorted from a blind set): for the weakest flags of set j
(not breathing, suicidal, chest pain, serious injury, severe burns, pregnancy, child danger signs, breathing
difficulty), new ways a frightened bystander says the sign, each kind fixed at the level of its concept.

Every sentence was written for these tests and none is a probe or corpus line: passing them says a fix reaches words
it was not tuned on. Each newly heard sign has a look-alike beside it that must stay unflagged.
"""

import pytest

from intake.red_flags import find_red_flags
from tests.support.red_flag_kinds import kind_tests

FOUND = [
    # Breathing looked for and not seen: "not seen her draw a breath", rise and fall "on" the chest, nothing in or out.
    ("not_breathing", "I've not noticed her draw a single breath since I came in, she's grey"),
    ("not_breathing", "there's no rise and fall at all on the baby's chest"),
    ("not_breathing", "his lips are parted and nothing is moving in or out"),
    ("not_breathing", "dada ji ka saans ruk gaya, kuch nahi ho raha"),
    ("not_breathing", "wala nang hininga ang tatay ko, help po"),
    # Self-harm said in slang, by a means thrown under or off, or by affairs put in order beside a farewell.
    ("suicidal", "my flatmate keeps saying she's going to top herself this weekend"),
    ("suicidal", "he phoned to say he's going to throw himself under a lorry on the bypass"),
    ("suicidal", "dad has sorted all his papers in order and left letters for each of us"),
    ("suicidal", "she told me the family would be better without her and she's got the pills out on the table"),
    ("suicidal", "ab jeena nahi hai mujhe, I've got the blade"),
    # A chest called painful, with sweat or weakness.
    ("chest_pain", "my chest's been really painful since lunch and I'm clammy and sick"),
    # Head blow with pupils of different sizes; a finger or hand cut off; a limb facing the wrong way; neck broken.
    ("serious_injury", "she fell off the horse onto her head and one pupil is bigger than the other"),
    ("serious_injury", "the bandsaw sliced three of his fingers off"),
    ("serious_injury", "after the tackle his knee is pointing the wrong way"),
    ("serious_injury", "she's lying there saying her neck is broken and she can't feel her legs"),
    ("serious_injury", "head pe chot lagi thi, ab he's confused and throwing up"),
    # Burns by extent "from the X down", and a big blister is not "a blister".
    ("severe_burns", "my gran's burnt from the neck down, she's shivering"),
    ("severe_burns", "the soup went over her and there's a huge blister right across her belly"),
    # Pregnancy: afterbirth still in with bleeding; swelling and a bad headache; Pidgin and Taglish words.
    ("pregnancy_emergency", "the afterbirth is still inside her and the blood keeps pouring"),
    ("pregnancy_emergency", "I'm 34 weeks, my fingers and face puffed up overnight and I've got a pounding headache"),
    ("pregnancy_emergency", "na belle woman, her belle dey pain am well well since morning"),
    ("pregnancy_emergency", "buntis ang asawa ko at nagkukumbulsyon siya"),
    # A child who keeps going to sleep (habit, not a plan); Hindi and Pidgin words for the child and the signs.
    ("child_danger_signs", "my little one keeps going to sleep and I can't keep him awake, he's two"),
    ("child_danger_signs", "bacchi doodh nahi pee rahi since last night"),
    ("child_danger_signs", "bacche ko jhatke aa rahe hain, bukhar bhi hai"),
    ("child_danger_signs", "the pikin body don soft, e no fit hold up him head"),
    # Working the shoulders or neck to breathe.
    ("breathing_difficulty", "grandma is using her neck muscles to get air in"),
    # Self-harm by a named method: gassing, hanging.
    ("suicidal", "she rang to say she's going to gas herself in the car tonight"),
    # A fall, a blow or a knock-down, then not knowing where or who: a head injury (SAFETY.md), not a stroke.
    ("serious_injury", "the motorbike knocked him down and now he doesn't know where he is"),
    ("serious_injury", "my nan had a fall in the garden and she's all muddled, she doesn't recognise me"),
    # A fall and legs that do not move.
    ("serious_injury", "she came off her bike on the hill and she's not moving her legs"),
    # Pregnancy said as months after a partner's name, a miscarriage, or a baby on its way.
    ("pregnancy_emergency", "my missus is seven months and she's having a fit"),
    ("pregnancy_emergency", "I think she's miscarrying, the blood is pouring out of her"),
    ("pregnancy_emergency", "the baby's on its way and she's bleeding buckets"),
    # A means made ready (a noose rigged), a wish to be dead or for everything to stop, beside a means.
    ("suicidal", "my brother's rigged up a noose in the shed"),
    ("suicidal", "my sister keeps saying she wishes she was dead, and she's got a bottle of her sleeping pills"),
    ("suicidal", "I just want it all to be over, the tablets are in my bag"),
    # Breath gone, in Pidgin and Hindi.
    ("not_breathing", "oga no get breath for body again, e don cold"),
    ("not_breathing", "nani ki saans band ho gayi, kuch karo"),
    # Telegraphic fragments, one or two words between stops, are one telling.
    ("chest_pain", "pain. chest. arm. sweaty"),
    ("severe_burns", "fire. burns. legs. back"),
]

NOT_FLAGGED = [
    "I haven't seen him take a breath of fresh air all week, he's glued to his games",
    "my nose is so blocked nothing comes out when I blow it, just a head cold",
    "my nose is that stuffed up that nothing is going in or out, it's the hay fever",
    "I need to top myself up with phone credit before the weekend",
    "she threw herself into her new job after the move",
    "he threw himself onto the sofa after work and fell asleep",
    "my aunt has put her papers in order for the new flat and left a note for the landlord",
    "the team is better without him, anyway I've got a sore throat",
    "my chest was painful only when I coughed with that cold last week, it's fine now",
    "the optician said my pupils are different sizes, I've always had that",
    "he cut the fingers off his old gloves for the cold",
    "I took my hand off the hot tray quickly, it's just a bit pink",
    "I turned the wrong way at the roundabout and got lost",
    "my back is broken from digging the garden all day, otherwise I'm fine",
    "there's a small blister on my finger from the oven tray",
    "I'm pregnant and my feet are a bit swollen in the heat, no headache, I feel fine",
    "the placenta was checked at my scan and it's in a good place, I'm twenty weeks",
    "the baby is sleeping well and feeding every three hours",
    "saans phool gayi thi running ke baad, ab theek hai",
    "he shot himself in the foot at the job interview",
    "I'd drown myself in paperwork if I took that job",
    "he's not moving his legs much when he swims, the coach says kick harder",
    "the boxing fight on the telly was all muddled, the ref didn't know what he was doing",
    "I knocked the vase over and I'm so confused about which glue to use",
    "she fell asleep on the sofa and woke up confused about the time",
    "my daughter is eight months and she had her jabs today, she's grizzly",
    "the baby is coming down with a cold, runny nose, feeding well",
    "I had a miscarriage two years ago, now I'm pregnant again and I feel fine",
    "the baby's on its way next month, I'm just booking the antenatal class",
    "Burns? No. Bleeding? No. Just a sprain.",
    "I wish I was dead with this hangover, I took two paracetamol",
    "I want the pain to stop, the paracetamol isn't touching it, it's my knee",
    "dard band ho gaya ab, theek hai",
    "I want it all to stop, the builders next door have been drilling since seven, I took a headache tablet",
]


test_each_new_way_of_saying_a_sign_is_heard, test_look_alikes_of_round_k_stay_unflagged = kind_tests(FOUND, NOT_FLAGGED)


@pytest.mark.parametrize("flag, text", FOUND)
def test_the_rules_hear_it_without_the_learned_reader(flag, text):
    """The kind is the rules' own: a sign the learned reader happens to catch today is still a rule's to hear."""
    assert flag in find_red_flags(text, learned=False)


def test_going_to_sleep_again_and_again_is_not_a_plan():
    """'Keeps going to sleep and...' is a sign now; 'going to sleep and' alone is a plan ("if he goes to sleep")."""
    assert "child_danger_signs" in find_red_flags("the baby keeps going to sleep and won't stay awake to feed")
    assert find_red_flags("she's going to sleep and then we'll see how she is in the morning, she's six and fine") == []


def test_nothing_in_or_out_with_a_hand_at_the_throat_is_choking_not_cpr():
    """Air that will not pass in a person gripping their throat is an obstruction: back blows, not CPR advice."""
    flags = find_red_flags("he's grabbing at his neck, lips apart, nothing going in or out, he had a sweet in his mouth")
    assert "choking" in flags and "not_breathing" not in flags
