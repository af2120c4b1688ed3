"""Kinds spent set y showed on single turns (2026-12-06), and the turn kinds left over from spent set x, in the team's
own words: each kind's sign in new voices, and its look-alikes that must stay unflagged.

y's callers are Eastern European, Caucasian, Central Asian, Roma and Traveller; the lines below borrow those voices and
others (British, Irish, Jamaican, Nigerian, Indian, South African), none a corpus line."""

import pytest

from intake.red_flags import find_red_flags, prepare

# (flag, [the sign said as callers say it], [look-alikes that must raise no flag at all])
KINDS = [
    # A thing put in a small child's mouth, then, in the next sentence, no sound can come out: choking.
    ("choking", [
        "She is three. She put a button in her mouth. Now she can't make a sound.",
        "The little lad had a coin in his mouth and it went down. He cannot talk, nothing is coming out.",
        "Baby swallowed a bead. She can't cry, she's not making any noise at all.",
    ], [
        "He swallowed a coin this morning, the doctor said it will pass, he's talking and eating fine",
        "She put a sweet in her mouth and went quiet watching the telly, she's happy",
        "His fever has gone down. He can't talk much, his throat is sore.",
    ]),
    # A locked jaw with shaking is a fit, even in someone who has had them before.
    ("seizure", [
        "My husband is shaking and his teeth are clenched, he won't answer me",
        "Bunica tremură, grandma is shaking and her jaw is locked shut",
        "He's on the floor trembling and his jaw's clamped tight, he had one before but not like this",
    ], [
        "I'm shaking with cold and my jaw is clenched, the heating is broken, can someone come about the boiler",
        "She's shaking with nerves and clenching her jaw before her exam, she's fine otherwise",
        "He grinds his teeth at night and his jaw is tight in the morning, the dentist gave him a guard",
    ]),
    # A second-language caller drops the auxiliary: "she not wake", "not open eyes".
    ("unconscious", [
        "My husband, he lie on floor, he not wake, I shake him",
        "Mother is in bed, I call her name, she not answer, not open eyes",
        "Dedushka, he sleep in chair, now he not wake up, not open his eyes",
    ], [
        "My son not wake up early for school, he is a teenager, he is lazy, I want advice for his rash",
        "She not answer her phone since morning but her neighbour saw her at the shop, she is fine",
    ]),
    # A plan of a means told as thinking, talking or planning: off a work height, a vehicle off the road.
    ("suicidal", [
        "My brother keeps saying he'll throw himself off the crane at the site, he's up there now",
        "I've been thinking about driving my car off the bridge, I know which one",
        "He's been talking about crashing his truck into oncoming traffic on the way home",
    ], [
        "He fell off the scaffold yesterday and hurt his ankle, it's swollen, can he walk on it",
        "I'm scared of driving off the road in this ice, should I leave the car at home",
    ]),
    # A means bought, its purpose told without saying it: "I know what it's for".
    ("suicidal", [
        "I got rat poison on the way home and I know exactly what it's for",
        "She bought a rope this morning, and she says she knows what it is for",
        "He picked up two boxes of paracetamol and says we all know what they're for",
    ], [
        "I bought a rope for the boat and I know what it's for, the mooring one snapped",
        "Dad bought rope for the tow bar, he knows what it's for, the old one frayed",
    ]),
    # Tablets kept back to take together.
    ("suicidal", [
        "She's been stockpiling her sleeping pills to take all of them in one go",
        "I have been keeping back my painkillers, I want to take the lot at once",
        "Dad has been saving up his tablets, he said he'd swallow them all together",
    ], [
        "I've been saving my tablets up for the holiday so I don't run out, can I get a repeat early",
        "The pharmacist said not to take them all at once, so I take one with breakfast",
    ]),
    # An agricultural spray met without protection, with its signs.
    ("overdose_poisoning", [
        "Tatăl meu, my dad got a faceful of the pesticide in the greenhouse, he's sweating and twitching and drooling",
        "He was spraying the vines without any mask and now he's vomiting and his eyes are pinpoint",
        "A lungful of the crop spray, no respirator, and now she's confused and dribbling",
    ], [
        "I sprayed the roses with soapy water without gloves and my hands are a bit dry",
        "He wore his mask for the spraying and he's fine, just wants to know when to wash the overalls",
    ]),
    # A medicine taken a second time because the first dose was forgotten, with a sign now.
    ("overdose_poisoning", [
        "Mum forgot she had taken her heart tablets and took them again, now she's dizzy and being sick",
        "I take pills for blood pressure, I forget I take already. Now very dizzy.",
        "Grandad forgot he'd swallowed his morning pills, so he had them again, and now he's drowsy and muddled",
    ], [
        "I forgot to take my tablets this morning and I feel a bit dizzy, should I take them now",
        "He forgot his tablets at home, can the chemist give him some",
    ]),
    # Pregnancy said as a baby in the belly, no determiner.
    ("pregnancy_emergency", [
        "Wife, baby in belly, seven month, blood is coming a lot",
        "My sister has baby in tummy, she has strong pain and bleeding",
        "Pikin in belle, eight month, she dey bleed plenty",
    ], [
        "She has a baby in the tummy, six months, everything is fine, she wants to know about the scan",
        "Baby in belly seven month, she has a little heartburn after dinner",
    ]),
    # A baby who will not feed or drink, said without the usual verbs, or said telegraphically.
    ("child_danger_signs", [
        "My baby is four months and she has turned away every bottle since this morning",
        "The baby hasn't drunk anything all day, he is six months",
        "Baby girl, no feed, no milk, she is very sleepy",
        "Small baby, three month, not stay awake, body is soft",
    ], [
        "The baby had a big feed and now she's sleeping, she's fine",
        "My son is ten and he had no breakfast, no lunch, he says he's not hungry, he's playing",
    ]),
    # Look-alikes of y's false flags: a breath-holding spell ended by more crying, sleep apnoea's pauses, heartburn's
    # burn in the throat, breathlessness that is no worse than usual, a bite's local swelling gone down, a dying man's
    # wish for where to die.
    ("", [], [
        "When she doesn't get her way she holds her breath, goes a bit purple, then she gasps and starts crying again",
        "He stops breathing for a couple of seconds when he sleeps, it's his apnoea, we need a new CPAP mask",
        "It's the reflux again, it burns up my throat after I eat late, I need more of my Gaviscon",
        "He's got emphysema, always puffed on the hill, no worse than usual today, we need his inhaler repeat",
        "A midge bite swelled up her eyelid last night, it's gone down now and she's grand",
        "Mum wants to die at home with her family, not on the ward, she's in the hospice, who do we ask",
    ]),
    # x's leftovers: a history told before a semicolon; a question of what to do if, with a second sentence; a bill
    # that "knocked me out cold"; "I could kill myself" at an everyday slip; a berry a nurse called harmless; a bad
    # chest that is a chest infection; "nutten" and "nuh" as a denial.
    ("", [], [
        "She swallowed a fish bone last summer and the neighbour did back blows, she's fine; today it's her tummy",
        "What should I do if he has a seizure on the bus? They just started him on new tablets.",
        "The gas bill knocked me out cold, honestly; anyway my daughter has a cough",
        "I could kill myself, I forgot my passport at home and the flight is at six",
        "He ate a red berry off the bush on Sunday, the pharmacist said they're harmless, and he's fine today",
        "Me nan's had a bad chest all week, coughing up green, she's off her food",
        "Our Jack's got a bad chest again, wheezy and chesty with this cold",
        "Pain inna him chest? Nutten like dat, a him foot",
        "Mi ask her if her chest a hurt her, she seh nutten.",
        "Him chest nuh hurt, a just him belly",
    ]),
]

FLAGGED = [(flag, text) for flag, said, _ in KINDS for text in said]
UNFLAGGED = [text for _, _, alikes in KINDS for text in alikes]

# What must still flag beside x's and y's look-alikes: the sign now, said after the same frame.
STILL_FLAGGED = [
    ("choking", "She choked on a fish bone at lunch, we did back blows; she still can't breathe"),
    ("seizure", "What do I do? He has epilepsy and he's fitting now, it's been five minutes"),
    ("unconscious", "The bill knocked me sick but my husband has collapsed and he won't wake up"),
    ("suicidal", "I could kill myself, I've lost everything and I have the pills here"),
    ("overdose_poisoning", "She ate the berries, the nurse said they're harmless but now she's drowsy and vomiting"),
    ("chest_pain", "He's had a bad chest all week and now there's a crushing pain going down his arm"),
    ("breathing_difficulty", "He has COPD, he's always short of breath, but it's worse today and he can't finish a sentence"),
    ("anaphylaxis", "He was stung by a wasp and his eye is swelling shut"),
    ("anaphylaxis", "Bitten by a spider and now his throat is swelling"),
    ("suicidal", "She says she wants to die, she's got her pills lined up on the table"),
]


# Extra flags y raised beside a real sign, each a kind: a fever's simile read as a burn, a phone not answered read as
# someone unrousable, blood "out of" a wound read as a person "out of it".
EXACT = [
    ("My boy is fitting, he's two, he's burning up like an oven and jerking all over", ["seizure", "child_danger_signs"]),
    ("Her temperature is high, hot as fire, and her whole body is shaking and jerking", ["seizure"]),
    ("He's sent me a goodbye text and says he's going to the bridge, he won't answer his phone", ["suicidal"]),
    ("She said sorry for everything and now she doesn't answer my calls, she has her pills with her", ["suicidal"]),
    ("The saw caught his leg and blood is pumping out of it, we've got a towel on it", ["heavy_bleeding"]),
    ("There's a nail in her foot and blood pouring out of it, it won't stop", ["heavy_bleeding"]),
]
STILL_FLAGGED += [
    ("unconscious", "He's lying on the sofa totally out of it and won't respond to me"),
    ("unconscious", "She's in the bath and she won't answer me, I've been shouting through the door"),
]


@pytest.mark.parametrize("text, flags", EXACT)
def test_no_extra_flag_beside_the_sign(text, flags):
    assert find_red_flags(text) == flags, prepare(text)


@pytest.mark.parametrize("flag, text", FLAGGED + STILL_FLAGGED)
def test_each_kind_is_heard_in_new_words(flag, text):
    assert flag in find_red_flags(text), prepare(text)


@pytest.mark.parametrize("text", UNFLAGGED)
def test_its_look_alikes_raise_no_flag(text):
    assert find_red_flags(text) == [], prepare(text)
